import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// A real round (``VerifyFixture``) where tv-01 and tv-02 submit with evidence attached.
struct EvidenceFixture {
    let fx: VerifyFixture
    var directory: String { fx.directory }
    var folder: String { fx.inputs.folder }
    var inbox: Inbox { Inbox(roundDirectory: fx.directory, roster: fx.round.roster) }
    var secretary: SecretIdentity { fx.secretary }

    static let rows: [String: [Appraisal]] = {
        let p = MergeFixture.p
        return [
            "tv-01": [
                Appraisal(unit: "u1", code: "1.1.1", score: p("0.5"), reason: "Thiếu kế hoạch"),
                Appraisal(unit: "u1", code: "1.1.2", score: p("0.5"), reason: ""),
            ],
            "tv-02": [
                Appraisal(unit: "u2", code: "1.1.1", score: p("1"), reason: ""),
                Appraisal(unit: "u2", code: "1.1.2", score: p("0.25"), reason: ""),
            ],
        ]
    }()

    init() throws { fx = try VerifyFixture(stage: .initialized) }

    /// Writes a document of `size` bytes (distinct content per `seed`) and returns its path.
    func document(_ name: String, size: Int, seed: UInt8 = 0, in sub: String = "docs") throws -> String {
        try FileIO.makeDirectory(folder + "/" + sub)
        let path = folder + "/" + sub + "/" + name
        try FileIO.writeAtomically(
            (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) ^ seed }, to: path, replacing: true)
        return path
    }

    /// Seals `member`'s submission `revision` with `documents` attached into `out/`; returns the
    /// submission path and the evidence paths. `list` overrides the attachments the submission lists.
    func seal(
        _ member: String, revision: Int = 1, documents: [String], out: String = "sent",
        list: (([Evidence.Attachment]) -> [Evidence.Attachment])? = nil
    ) throws -> (submission: String, evidence: [String]) {
        let dir = folder + "/" + out
        try FileIO.makeDirectory(dir)
        let identity = VerifyFixture.identity(member)
        let planned = try Evidence.plan(documents, member: member, revision: revision, folder: dir)
        var attachments = try Evidence.seal(
            planned, revision: revision, round: fx.round.fileHash, sender: identity,
            recipient: fx.round.secretary.encryptionKey)
        if let list { attachments = list(attachments) }
        let bytes = try Sealing.seal(
            Self.rows[member]!, round: fx.round, member: identity, revision: revision, attachments: attachments)
        let path = dir + "/" + RoundLayout.submissionFileName(member: member, revision: revision)
        try FileIO.writeAtomically(bytes, to: path, replacing: true)
        return (path, planned.map(\.output))
    }

    /// Receives in `avault receive` order; returns the outcomes.
    @discardableResult
    func receive(_ files: [String]) throws -> [Inbox.Outcome] {
        try Inbox.receiveOrder(files).map { try inbox.receive($0, secretary: secretary) }
    }

    /// The merge's error id, nil when it succeeded.
    func mergeError() -> String? {
        do {
            _ = try merge()
            return nil
        } catch { return error.code }
    }

    func merge() throws -> RoundMerge.Report {
        try RoundMerge.run(
            roundDirectory: directory, secretary: secretary, withoutSurvey: true, allowIncomplete: false,
            created: VerifyFixture.created)
    }

    func reject(_ path: String) -> (any Error)? {
        do {
            _ = try inbox.receive(path, secretary: secretary)
            return nil
        } catch { return error }
    }

    func events() throws -> [RoundJournal.Entry] {
        try RoundJournal.load(
            roundDirectory: directory, secretaryKey: secretary.identity.signingKey, roundHash: fx.round.fileHash
        ).entries
    }

    func list(_ sub: String) -> [String] { ((try? FileIO.list(directory + "/" + sub)) ?? []).sorted() }

    func failed(_ report: VerificationReport) -> [String] {
        report.checks.filter { $0.status == .failed }.map { "\($0.id) \($0.subject) \($0.detail.messageID)" }
    }
}

@Suite("Evidence attachments (spec §10)")
struct EvidenceTests {
    /// Seal with two attachments (one of chunk + 1 bytes), receive in any order, the secretary
    /// adds one of their own, merge, extract: byte-identical files; verify passes.
    @Test func roundTrip() throws {
        let f = try EvidenceFixture()
        let big = try f.document("biên bản họp.pdf", size: SealedEnvelope.chunkSize + 1)
        let small = try f.document("b.txt", size: 1)
        let (s1, e1) = try f.seal("tv-01", documents: [big, small])
        let (s2, _) = try f.seal("tv-02", documents: [])
        // Evidence given before its submission: receive orders .avs first.
        let outcomes = try f.receive(e1 + [s1, s2])
        #expect(outcomes.last == .evidence(member: "tv-01", revision: 1, index: 2))
        let own = try f.document("to-trinh.pdf", size: 0, in: "own")
        #expect(
            try Evidence.add([own], roundDirectory: f.directory, roster: f.fx.round.roster, secretary: f.secretary) == [
                "thu-ky.r1.e1.ave"
            ])
        #expect(f.list("evidence") == ["thu-ky.r1.e1.ave", "tv-01.r1.e1.ave", "tv-01.r1.e2.ave"])
        #expect(
            try f.events().filter { $0.event == "receive-evidence" }.map { $0.details["index"] } == [
                .int(1), .int(2), .int(1),
            ])
        #expect(try f.events().allSatisfy { $0.details["name"] == nil })

        let report = try f.merge()
        #expect(report.evidence == 3)
        let manifest = try Manifest(
            parsing: try f.fx.read(RoundLayout.manifestFileName), file: "m",
            secretaryKey: f.secretary.identity.signingKey)
        #expect(manifest.evidence.map(\.fileName) == ["thu-ky.r1.e1.ave", "tv-01.r1.e1.ave", "tv-01.r1.e2.ave"])

        let out = f.folder + "/out"
        let extracted = try Evidence.extract(
            roundDirectory: f.directory, round: f.fx.round, secretary: f.secretary, to: out)
        #expect(extracted.count == 3)
        #expect(
            try FileIO.read(out + "/tv-01/r1/biên bản họp.pdf", maxBytes: 1 << 20)
                == FileIO.read(big, maxBytes: 1 << 20))
        #expect(try FileIO.read(out + "/tv-01/r1/b.txt", maxBytes: 10) == FileIO.read(small, maxBytes: 10))
        #expect(try FileIO.read(out + "/thu-ky/r1/to-trinh.pdf", maxBytes: 10) == [])
        #expect(FileIO.permissions(out + "/tv-01/r1/b.txt") == 0o600)
        // Never overwrite: a second extract into the same folder refuses before opening anything.
        #expect(throws: (any Error).self) {
            _ = try Evidence.extract(roundDirectory: f.directory, round: f.fx.round, secretary: f.secretary, to: out)
        }

        let verified = try f.fx.verify()
        #expect(f.failed(verified).isEmpty, "\(f.failed(verified))")
        for id in ["evidence.name", "evidence.signature", "evidence.binding"] {
            #expect(verified.checks.filter { $0.id == id && $0.status == .passed }.count == 3, "\(id)")
        }
        #expect(verified.checks.contains { $0.id == "manifest.evidence" && $0.status == .passed })
    }

    /// A round without evidence: no evidence checks, no manifest field, no plaintext field.
    @Test func noEvidenceChangesNothing() throws {
        let fx = try VerifyFixture(stage: .merged)
        #expect(try !fx.verify().checks.contains { $0.id.hasPrefix("evidence.") || $0.id == "manifest.evidence" })
        #expect(!String(decoding: try fx.read(RoundLayout.manifestFileName), as: UTF8.self).contains("\"evidence\""))
        let content = SubmissionContent(member: "a", revision: 1, round: [UInt8](repeating: 0, count: 32), rows: [])
        #expect(
            String(decoding: content.encoded(), as: UTF8.self)
                == "{\"member\":\"a\",\"revision\":1,\"round\":\"\(String(repeating: "0", count: 64))\",\"rows\":[]}")
    }

    /// Evidence before its submission, and for a revision that is no longer live, is rejected
    /// and journaled; a superseded revision's evidence moves to superseded/ and verify agrees.
    @Test func evidenceForRevisionNotLive() throws {
        let f = try EvidenceFixture()
        let doc = try f.document("a.pdf", size: 10)
        let (s1, e1) = try f.seal("tv-01", documents: [doc])
        #expect(f.reject(e1[0])?.errorID == EvidenceError.Code.noSubmission.rawValue)
        #expect(f.list("evidence").isEmpty)
        #expect(try f.events().last?.details["rule"] == .string("evidence.no-submission"))
        try f.receive([s1, e1[0]])
        let (s2, e2) = try f.seal("tv-01", revision: 2, documents: [doc], out: "sent2")
        try f.receive([s2])
        #expect(f.list("evidence").isEmpty)
        #expect(f.list("superseded") == ["tv-01.r1.avs", "tv-01.r1.e1.ave"])
        #expect(f.reject(e1[0])?.errorID == EvidenceError.Code.notLive.rawValue)
        try f.receive(e2)
        #expect(f.reject(e2[0])?.errorID == InboxError.Code.duplicate.rawValue)
        let report = try f.fx.verify()
        #expect(f.failed(report).isEmpty, "\(f.failed(report))")
    }

    /// Evidence swapped between members: tv-02's file put in place of tv-01's is caught by the
    /// merge (sender and hash) and by verify (name against header).
    @Test func evidenceSwappedBetweenMembers() throws {
        let f = try EvidenceFixture()
        let (s1, e1) = try f.seal("tv-01", documents: [try f.document("a.pdf", size: 100)])
        let (s2, e2) = try f.seal("tv-02", documents: [try f.document("a.pdf", size: 100, seed: 9, in: "docs2")])
        try f.receive([s1, s2] + e1 + e2)
        let a = f.directory + "/evidence/tv-01.r1.e1.ave"
        let b = f.directory + "/evidence/tv-02.r1.e1.ave"
        let bytesA = try FileIO.read(a, maxBytes: 1 << 20)
        try FileIO.writeAtomically(try FileIO.read(b, maxBytes: 1 << 20), to: a, replacing: true)
        try FileIO.writeAtomically(bytesA, to: b, replacing: true)
        do {
            _ = try f.merge()
            Issue.record("merged with swapped evidence")
        } catch {
            #expect(
                error.errorID == MergeError.Code.evidenceMismatch.rawValue && error.arguments.first == a,
                "\(error)")
        }
        #expect(!FileIO.exists(f.fx.path(RoundLayout.manifestFileName)))
        let failed = f.failed(try f.fx.verify())
        #expect(failed.contains("evidence.binding evidence/tv-01.r1.e1.ave verify.evidence-name-mismatch"), "\(failed)")
        #expect(
            failed.contains { $0.hasPrefix("journal.files evidence/tv-01.r1.e1.ave verify.journaled-file-changed") },
            "\(failed)")
    }

    /// A listed attachment never received stops the merge; so does a different document with the
    /// same context (the listed fileHash, §10.2 design note), and an unlisted one.
    @Test func missingSubstitutedOrUnlistedEvidenceAtMerge() throws {
        let f = try EvidenceFixture()
        let (s1, e1) = try f.seal(
            "tv-01", documents: [try f.document("a.pdf", size: 5), try f.document("b.pdf", size: 6)])
        let (s2, _) = try f.seal("tv-02", documents: [])
        try f.receive([s1, s2, e1[0]])
        #expect(f.mergeError() == "merge.missing-evidence")
        #expect(!FileIO.exists(f.fx.path(RoundLayout.manifestFileName)))

        // Revision 2 lists a.pdf, but the member sends another a.pdf of the same size.
        let listed = try f.seal("tv-01", revision: 2, documents: [try f.document("a.pdf", size: 5)], out: "r2")
        let other = try f.seal(
            "tv-01", revision: 2, documents: [try f.document("a.pdf", size: 5, seed: 1, in: "x")], out: "r2x")
        try f.receive([listed.submission, other.evidence[0]])
        #expect(f.mergeError() == "merge.evidence-mismatch")

        // Revision 3 lists nothing, but evidence for it arrives: unlisted.
        let bare = try f.seal("tv-01", revision: 3, documents: [], out: "r3")
        let extra = try f.seal("tv-01", revision: 3, documents: [try f.document("c.pdf", size: 1)], out: "r3x")
        try f.receive([bare.submission, extra.evidence[0]])
        #expect(f.mergeError() == "merge.unlisted-evidence")
        #expect(!FileIO.exists(f.fx.path(RoundLayout.manifestFileName)))
    }

    /// After the merge: an evidence file added, and one tampered, are caught by verify with
    /// public keys only; receive and `evidence add` refuse after the merge.
    @Test func verifyCatchesAddedAndTamperedEvidence() throws {
        let f = try EvidenceFixture()
        let (s1, e1) = try f.seal("tv-01", documents: [try f.document("a.pdf", size: 70_000)])
        let (s2, e2) = try f.seal("tv-02", documents: [try f.document("b.pdf", size: 3)])
        try f.receive([s1, s2, e1[0]])
        // tv-02's evidence is not received before the merge: the merge refuses, then it is.
        #expect(f.mergeError() == "merge.missing-evidence")
        try f.receive(e2)
        _ = try f.merge()
        #expect(f.failed(try f.fx.verify()).isEmpty)
        #expect(throws: (any Error).self) {
            _ = try Evidence.add(
                [try f.document("late.pdf", size: 1)], roundDirectory: f.directory, roster: f.fx.round.roster,
                secretary: f.secretary)
        }

        // Added after the merge (sealed by the secretary straight into evidence/, no journal).
        let late = try f.document("late.pdf", size: 2)
        let planned = try Evidence.plan([late], member: "thu-ky", revision: 1, folder: f.directory + "/evidence")
        _ = try Evidence.seal(
            planned, revision: 1, round: f.fx.round.fileHash, sender: f.secretary,
            recipient: f.fx.round.secretary.encryptionKey)
        var failed = f.failed(try f.fx.verify())
        #expect(failed.contains("manifest.evidence evidence/thu-ky.r1.e1.ave verify.evidence-unlisted"), "\(failed)")
        #expect(failed.contains("journal.files evidence/thu-ky.r1.e1.ave verify.file-not-journaled"), "\(failed)")
        try FileIO.remove(planned[0].output)

        // One byte flipped in tv-01's evidence, at a chunk boundary.
        let path = f.directory + "/evidence/tv-01.r1.e1.ave"
        var bytes = try FileIO.read(path, maxBytes: 1 << 20)
        let env = try SealedEnvelope(parsing: bytes, expecting: .evidence, file: path)
        bytes[env.preamble.count + SealedEnvelope.chunkSize + 17] ^= 1
        try FileIO.writeAtomically(bytes, to: path, replacing: true)
        failed = f.failed(try f.fx.verify())
        #expect(
            failed.contains { $0.hasPrefix("evidence.signature evidence/tv-01.r1.e1.ave envelope.bad-signature") },
            "\(failed)")
        #expect(failed.contains("manifest.evidence evidence/tv-01.r1.e1.ave verify.listed-changed"), "\(failed)")
    }

    /// A truncated evidence file is rejected at receive with nothing copied; one with a dropped
    /// chunk re-signed by its sender passes receive (nothing is decrypted there) but extract
    /// refuses it and writes nothing at all, not even the good attachment.
    @Test func brokenChunksRejectedAtReceiveAndExtract() throws {
        let f = try EvidenceFixture()
        let (s1, e1) = try f.seal(
            "tv-01",
            documents: [
                try f.document("ok.txt", size: 5), try f.document("big.pdf", size: 3 * SealedEnvelope.chunkSize + 9),
            ])
        try f.receive([s1])
        let bytes = try FileIO.read(e1[1], maxBytes: 1 << 20)
        let env = try SealedEnvelope(parsing: bytes, expecting: .evidence, file: e1[1])
        let step = SealedEnvelope.chunkSize + 17
        let start = env.preamble.count
        let truncated = f.folder + "/sent/t/tv-01.r1.e2.ave"
        try FileIO.makeDirectory(f.folder + "/sent/t")
        try FileIO.writeAtomically(Array(bytes[..<(start + 2 * step)]), to: truncated)
        let code = f.reject(truncated)?.code
        #expect(
            code == "envelope.bad-signature" || code == "envelope.bad-length" || code == "format.truncated",
            "\(String(describing: code))")
        #expect(f.list("evidence").isEmpty)

        var dropped = Array(bytes[..<(start + step)] + bytes[(start + 2 * step)...])
        let droppedEnv = try SealedEnvelope(parsing: dropped, expecting: .evidence, file: "d")
        let message =
            ArtifactKind.evidence.domain("outer") + droppedEnv.headerHash
            + EvidenceHashTests.payloadHash(Array(droppedEnv.payload))
        dropped = Array(dropped.dropLast(64)) + (try VerifyFixture.identity("tv-01").signingKey.signature(for: message))
        try FileIO.writeAtomically(dropped, to: truncated, replacing: true)
        // The header's size no longer matches the payload: refused without decrypting.
        #expect(f.reject(truncated)?.errorID == FormatError.Code.header.rawValue)
        // Two chunks swapped and re-signed by the member: the size still fits, so receive (which
        // decrypts nothing) accepts it; extract opens it and refuses, writing nothing at all.
        var reordered = Array(
            bytes[..<start] + bytes[(start + step)..<(start + 2 * step)] + bytes[start..<(start + step)]
                + bytes[(start + 2 * step)...])
        let reorderedEnv = try SealedEnvelope(parsing: reordered, expecting: .evidence, file: "r")
        let message2 =
            ArtifactKind.evidence.domain("outer") + reorderedEnv.headerHash
            + EvidenceHashTests.payloadHash(Array(reorderedEnv.payload))
        reordered =
            Array(reordered.dropLast(64)) + (try VerifyFixture.identity("tv-01").signingKey.signature(for: message2))
        try FileIO.writeAtomically(reordered, to: truncated, replacing: true)
        try f.receive([e1[0], truncated])
        #expect(f.list("evidence") == ["tv-01.r1.e1.ave", "tv-01.r1.e2.ave"])
        let out = f.folder + "/out"
        #expect(throws: (any Error).self) {
            _ = try Evidence.extract(roundDirectory: f.directory, round: f.fx.round, secretary: f.secretary, to: out)
        }
        #expect(!FileIO.exists(out))
        try FileIO.makeDirectory(out)
        do {
            _ = try Evidence.extract(roundDirectory: f.directory, round: f.fx.round, secretary: f.secretary, to: out)
        } catch {
            #expect(error.errorID == EnvelopeError.Code.corrupt.rawValue, "\(error)")
        }
        // The merge, which decrypts no evidence, refuses it too: not the file the member listed.
        #expect(f.mergeError() == "merge.evidence-mismatch")
        #expect(try FileIO.list(out).isEmpty)
    }

    /// A file whose name holds a bidi control (spec §10.1: `bien-ban‮fdp.exe` shows as
    /// `bien-banexe.pdf`) or a control character is refused before sealing, naming the code point.
    @Test func disguisedNameRefused() throws {
        for (name, point) in [
            ("bien-ban\u{202E}fdp.exe", "U+202E"), ("a\u{1B}b.pdf", "U+001B"), ("x\u{2067}.pdf", "U+2067"),
        ] {
            let error = #expect(throws: EvidenceError(.nameCharacter)) { _ = try Evidence.name(of: "/tmp/" + name) }
            #expect(error?.context.arguments.last == point)
        }
        #expect(throws: EvidenceError(.badName)) { _ = try Evidence.name(of: "/tmp/..") }
        #expect(try Evidence.name(of: "/tmp/biên bản.pdf") == "biên bản.pdf")
    }

    /// Names: NFC, one path component, no control or bidi characters, not blank (spec §10.1, §1.3);
    /// file names round-trip.
    @Test func namesAndFileNames() throws {
        for good in ["a", "biên bản.pdf", ".hidden", String(repeating: "x", count: 255)] {
            #expect(Evidence.isValidName(good), "\(good)")
        }
        for bad in [
            "", ".", "..", "a/b", "a\\b", "a\u{0}b", "a\nb", "a\u{85}b", "bie\u{302}n", "bien-ban\u{202E}fdp.exe",
            "a\u{200F}.pdf", "a\u{2066}b", "\u{200B}", "\u{3000}", " ", "\u{3164}\u{2800}",
            String(repeating: "x", count: 256),
        ] {
            #expect(!Evidence.isValidName(bad), "\(bad)")
        }
        #expect(RoundLayout.parseEvidenceFileName("tv-01.r12.e3.ave")! == ("tv-01", 12, 3))
        for bad in [
            "tv-01.r12.e0.ave", "tv-01.r12.e1000.ave", "tv-01.r0.e1.ave", "tv-01.e1.ave", "tv-01.r1.e01.ave",
            "tv-01.r1.avs",
        ] {
            #expect(RoundLayout.parseEvidenceFileName(bad) == nil, "\(bad)")
        }
        #expect(Inbox.receiveOrder(["a.ave", "b.avs", "c.ave", "d.avs"]) == ["b.avs", "d.avs", "a.ave", "c.ave"])
        for size in [0, 1, 65_535, 65_536, 65_537, 3 * 65_536 + 7] {
            let chunks = size == 0 ? 0 : (size + 65_535) / 65_536
            #expect(Evidence.contentLength(payload: size + 17 * chunks + 81) == size)
        }
    }
}
