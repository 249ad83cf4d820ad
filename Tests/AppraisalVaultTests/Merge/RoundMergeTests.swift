import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// A real round folder (signed definition, journal) with synthetic identities: secretary, two
/// members, three holders (threshold 2). tv-01 appraises 1.1.1 (self), tv-02 1.1.2 (council),
/// for units u1 (so-nganh) and u2 (huyen). No Argon2id: the identities are unlocked values.
struct MergeRoundFixture {
    let folder: String
    let directory: String
    let secretary: SecretIdentity
    let members: [SecretIdentity]
    let holders: [SecretIdentity]
    let round: RoundDefinition

    static let created = "2026-02-01T00:00:00Z"

    /// With `bonus`, the framework also has bonus `T1` and penalty `TR1` (cap 1, step 0.5), held by tv-02.
    init(seed: String = "merge-round", bonus: Bool = false) throws {
        let random = DeterministicRandom(seed: seed)
        func make(_ id: String, _ role: Role) throws -> SecretIdentity {
            try SecretIdentity.generate(
                id: id, name: "Người \(id)", role: role, isDemo: true, created: Self.created, using: random)
        }
        let secretary = try make("thu-ky", .secretary)
        let members = try ["tv-01", "tv-02"].map { try make($0, .member) }
        let holders = try ["ct-1", "ct-2", "ct-3"].map { try make($0, .holder) }
        let folder = NSTemporaryDirectory() + "avault-merge-\(UUID().uuidString)"
        try FileIO.makeDirectory(folder)
        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let path = FileIO.join(folder, name)
            try FileIO.writeAtomically(bytes, to: path)
            return path
        }
        for s in members + holders { _ = try write("\(s.identity.id).pub", try s.publicFile()) }
        let ceremony = FileIO.join(folder, "ceremony")
        try CeremonyFolder.holdAll(
            at: ceremony, holders: holders, threshold: 2, secretary: secretary.identity, created: Self.created,
            using: random)
        let sources = RoundSetup.Sources(
            framework: try write(
                "framework.csv",
                Array(
                    (RoundFixtures.frameworkCSV
                        + (bonus ? "T1,Sáng kiến,1,bonus,0.5\nTR1,Vi phạm,1,penalty,0.5\n" : "")).utf8)),
            units: try write("units.csv", Array(RoundFixtures.unitsCSV.utf8)),
            selfAssessment: try write("self.csv", Array(RoundFixtures.selfCSV.utf8)),
            members: try write(
                "members.csv",
                Array(
                    "id,public_key_file,codes,units\ntv-01,tv-01.pub,1.1.1,\ntv-02,tv-02.pub,1.1.2\(bonus ? " T1 TR1" : ""),\n"
                        .utf8)),
            ceremony: ceremony, title: "Vòng thử",
            year: 2025,
            isDemo: true)
        let setup = try RoundSetup.load(sources)
        let directory = FileIO.join(folder, "round")
        round = try RoundFolder.create(setup, secretary: secretary, at: directory, created: Self.created)
        self.folder = folder
        self.directory = directory
        self.secretary = secretary
        self.members = members
        self.holders = holders
    }

    /// Valid rows for each member (u1/1.1.1 self 0.75 → 0.5 with a reason).
    static let rows: [String: [Appraisal]] = [
        "tv-01": [
            Appraisal(unit: "u1", code: "1.1.1", score: Points(parsing: "0.5")!, reason: "Thiếu minh chứng"),
            Appraisal(unit: "u2", code: "1.1.1", score: Points(parsing: "1")!, reason: ""),
        ],
        "tv-02": [
            Appraisal(unit: "u1", code: "1.1.2", score: Points(parsing: "0.25")!, reason: ""),
            Appraisal(unit: "u2", code: "1.1.2", score: Points(parsing: "0.5")!, reason: ""),
        ],
    ]

    /// Seals `content` as `sender`'s submission with header revision `revision`, and receives it.
    func receive(_ content: [UInt8], from sender: SecretIdentity, revision: Int = 1) throws {
        let bytes = try SealedEnvelope.seal(
            content, kind: .submission, round: round.fileHash, context: ["revision": .integer(Int64(revision))],
            sender: sender,
            recipient: round.secretary.encryptionKey, created: Self.created)
        let path = FileIO.join(folder, "\(sender.identity.id).incoming.avs")
        try FileIO.writeAtomically(bytes, to: path, replacing: true)
        _ = try Inbox(roundDirectory: directory, roster: round.roster).receive(path, secretary: secretary)
    }

    /// Seals and receives the member's valid rows through the normal sealing path.
    func receiveValid(_ index: Int) throws {
        let m = members[index]
        let bytes = try Sealing.seal(
            Self.rows[m.identity.id]!, round: round, member: m, revision: 1, created: Self.created)
        let path = FileIO.join(folder, "\(m.identity.id).r1.avs")
        try FileIO.writeAtomically(bytes, to: path, replacing: true)
        _ = try Inbox(roundDirectory: directory, roster: round.roster).receive(path, secretary: secretary)
    }

    func merge(allowIncomplete: Bool = false, as key: SecretIdentity? = nil) throws -> RoundMerge.Report {
        try RoundMerge.run(
            roundDirectory: directory, secretary: key ?? secretary, withoutSurvey: true,
            allowIncomplete: allowIncomplete,
            created: Self.created)
    }

    var mergeOutputsExist: Bool {
        FileIO.exists(FileIO.join(directory, RoundLayout.manifestFileName))
            || FileIO.exists(FileIO.join(directory, RoundLayout.resultsFileName))
    }

    func manifest() throws -> Manifest {
        let path = FileIO.join(directory, RoundLayout.manifestFileName)
        return try Manifest(
            parsing: try FileIO.read(path, maxBytes: 1 << 20), file: path, secretaryKey: secretary.identity.signingKey)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: folder) }
}

@Suite("Round merge rejects (spec §6.5)", .serialized)
struct RoundMergeTests {
    /// Control: two valid submissions merge completely and write manifest and locked results.
    @Test func completeMergeSucceeds() throws {
        let f = try MergeRoundFixture()
        defer { f.cleanUp() }
        try f.receiveValid(0)
        try f.receiveValid(1)
        let report = try f.merge()
        #expect(report.submissions == 2 && report.coverage.isComplete)
        let manifest = try f.manifest()
        #expect(
            !manifest.allowIncomplete && manifest.gaps == 0 && manifest.submissions.map(\.member) == ["tv-01", "tv-02"])
    }

    /// §6.5 step 2: the inner content's member, revision and round must equal the header's; each
    /// disagreement stops the merge with `merge.content-mismatch` naming the file, writing nothing.
    @Test(arguments: ["member", "revision", "round"])
    func contentDisagreeingWithHeaderIsRefused(_ field: String) throws {
        let f = try MergeRoundFixture()
        defer { f.cleanUp() }
        let rows = MergeRoundFixture.rows["tv-01"]!
        let content = SubmissionContent(
            member: field == "member" ? "tv-02" : "tv-01", revision: field == "revision" ? 2 : 1,
            round: field == "round" ? [UInt8](repeating: 0xAB, count: 32) : f.round.fileHash, rows: rows)
        try f.receive(content.encoded(), from: f.members[0], revision: 1)
        try f.receiveValid(1)
        let error = vaultError { () throws in try f.merge() }
        #expect(error?.errorID == MergeError.Code.contentMismatch.rawValue)
        #expect(error?.description.contains("submissions/tv-01.r1.avs") == true, "\(String(describing: error))")
        #expect(!f.mergeOutputsExist)
    }

    /// §6.5 step 2: content is re-checked with the sealing rules; a row above the maximum (sealed
    /// by a tool that skipped the check) gives `merge.invalid-content` with the first problem.
    @Test func contentBreakingARuleIsRefused() throws {
        let f = try MergeRoundFixture()
        defer { f.cleanUp() }
        let bad = [
            Appraisal(unit: "u1", code: "1.1.1", score: Points(parsing: "1.25")!, reason: "vượt"),
            Appraisal(unit: "u2", code: "1.1.1", score: Points(parsing: "1")!, reason: ""),
        ]
        try f.receive(
            SubmissionContent(member: "tv-01", revision: 1, round: f.round.fileHash, rows: bad).encoded(),
            from: f.members[0])
        try f.receiveValid(1)
        let error = vaultError { () throws in try f.merge() }
        #expect(error?.errorID == MergeError.Code.invalidContent.rawValue)
        #expect(error?.description.contains("tv-01.r1.avs, 1") == true, "\(String(describing: error))")
        // The rule and the cell are named; the submitted score is not (S1).
        #expect(error?.description.contains("appraisal.above-max (u1 / 1.1.1)") == true, "\(String(describing: error))")
        #expect(error?.description.contains("1.25") == false)
        #expect(!f.mergeOutputsExist)
    }

    /// §6.5 step 2: a bonus above its cap, or a penalty other than 0 without a reason (sealed by a
    /// tool that skipped the checks), stops the merge naming the rule and the cell, not the value.
    @Test func bonusOverCapOrWithoutReasonIsRefused() throws {
        for (rows, named) in [
            (
                [("T1", "1.5", "Sáng kiến"), ("TR1", "0", "")], "appraisal.above-cap (u1 / T1)"
            ),
            ([("T1", "0", ""), ("TR1", "0.5", " ")], "appraisal.extra-reason (u1 / TR1)"),
        ] {
            let f = try MergeRoundFixture(bonus: true)
            defer { f.cleanUp() }
            var tv02 = MergeRoundFixture.rows["tv-02"]!
            for u in ["u1", "u2"] {
                for (code, score, reason) in rows {
                    tv02.append(
                        u == "u1"
                            ? Appraisal(unit: u, code: code, score: Points(parsing: score)!, reason: reason)
                            : Appraisal(unit: u, code: code, score: .zero, reason: ""))
                }
            }
            try f.receive(
                SubmissionContent(member: "tv-02", revision: 1, round: f.round.fileHash, rows: tv02).encoded(),
                from: f.members[1])
            try f.receive(
                SubmissionContent(
                    member: "tv-01", revision: 1, round: f.round.fileHash, rows: MergeRoundFixture.rows["tv-01"]!
                ).encoded(), from: f.members[0])
            let error = vaultError { () throws in try f.merge() }
            #expect(error?.errorID == MergeError.Code.invalidContent.rawValue)
            #expect(error?.description.contains(named) == true, "\(String(describing: error))")
            #expect(!f.mergeOutputsExist)
        }
    }

    /// §6.5 step 2: a plaintext that is not the strict submission JSON is refused, naming the file.
    @Test func malformedContentIsRefused() throws {
        let f = try MergeRoundFixture()
        defer { f.cleanUp() }
        try f.receive(Array("{\"member\":\"tv-01\"}".utf8), from: f.members[0])
        let error = vaultError { () throws in try f.merge() }
        #expect(error?.errorID == SubmissionError.Code.malformed.rawValue)
        #expect(error?.description.contains("tv-01.r1.avs") == true)
        #expect(!f.mergeOutputsExist)
    }

    /// §6.5 step 3: gaps without --allow-incomplete give `merge.incomplete` listing member, unit and code.
    @Test func gapsAreRefusedAndListed() throws {
        let f = try MergeRoundFixture()
        defer { f.cleanUp() }
        try f.receiveValid(0)
        let error = vaultError { () throws in try f.merge() }
        #expect(error?.errorID == MergeError.Code.incomplete.rawValue)
        #expect(error?.arguments.prefix(2) == ["2", "0"])
        #expect(
            error?.description.contains("tv-02: u1 / 1.1.2; tv-02: u2 / 1.1.2") == true, "\(String(describing: error))")
        #expect(!f.mergeOutputsExist)
    }

    /// With --allow-incomplete the results are locked and the signed manifest records
    /// `allowIncomplete: true`, the gap count and the missing member.
    @Test func allowIncompleteIsRecorded() throws {
        let f = try MergeRoundFixture()
        defer { f.cleanUp() }
        try f.receiveValid(0)
        let report = try f.merge(allowIncomplete: true)
        #expect(report.coverage.gaps.count == 2)
        let manifest = try f.manifest()
        #expect(manifest.allowIncomplete)
        #expect(manifest.gaps == 2 && manifest.appraised == 2 && manifest.appraisable == 4)
        #expect(manifest.missingMembers == ["tv-02"])
    }

    /// A round is merged once: a second merge is `merge.already-merged` and leaves the manifest as it was.
    @Test func mergingTwiceIsRefused() throws {
        let f = try MergeRoundFixture()
        defer { f.cleanUp() }
        try f.receiveValid(0)
        try f.receiveValid(1)
        _ = try f.merge()
        let before = try FileIO.read(FileIO.join(f.directory, RoundLayout.manifestFileName), maxBytes: 1 << 20)
        let error = vaultError { () throws in try f.merge() }
        // The journal records the merge: a merge is final (spec §6.5).
        #expect(error?.errorID == MergeError.Code.alreadyJournaled.rawValue)
        #expect(try FileIO.read(FileIO.join(f.directory, RoundLayout.manifestFileName), maxBytes: 1 << 20) == before)
    }

    /// Only the round's secretary key merges: a member's (or a holder's) key is `merge.not-secretary`.
    @Test func nonSecretaryKeyIsRefused() throws {
        let f = try MergeRoundFixture()
        defer { f.cleanUp() }
        try f.receiveValid(0)
        try f.receiveValid(1)
        for key in [f.members[0], f.holders[0]] {
            let error = vaultError { () throws in try f.merge(as: key) }
            #expect(error?.errorID == MergeError.Code.notSecretary.rawValue)
            #expect(error?.arguments == [key.identity.id, "thu-ky"])
        }
        #expect(!f.mergeOutputsExist)
    }

    /// A live submission altered on disk after receive is caught again at merge (outer signature).
    @Test func submissionAlteredAfterReceiveIsRefused() throws {
        let f = try MergeRoundFixture()
        defer { f.cleanUp() }
        try f.receiveValid(0)
        try f.receiveValid(1)
        let path = FileIO.join(f.directory, "submissions", "tv-02.r1.avs")
        var bytes = try FileIO.read(path, maxBytes: 1 << 20)
        bytes[bytes.count - 100] ^= 0x01
        try FileIO.writeAtomically(bytes, to: path, replacing: true)
        let error = vaultError { () throws in try f.merge() }
        #expect(error?.errorID == EnvelopeError.Code.badSignature.rawValue)
        #expect(error?.description.contains("tv-02.r1.avs") == true)
        #expect(!f.mergeOutputsExist)
    }
}

@Suite("Round merge: interrupted")
struct RoundMergeRecoveryTests {
    /// A merge killed after writing results and manifest but before its journal entry is
    /// completed by the next merge (journaled, not redone), and the folder then verifies.
    @Test func manifestWithoutJournalEntryIsCompleted() throws {
        let f = try MergeRoundFixture()
        defer { f.cleanUp() }
        try f.receiveValid(0)
        try f.receiveValid(1)
        let journalPath = FileIO.join(f.directory, RoundLayout.journalFileName)
        let before = try FileIO.read(journalPath, maxBytes: 1 << 20)
        _ = try f.merge()
        let manifest = try FileIO.read(FileIO.join(f.directory, RoundLayout.manifestFileName), maxBytes: 1 << 20)
        try FileIO.writeAtomically(before, to: journalPath, replacing: true)  // as if killed before the journal
        _ = try f.merge()
        #expect(try FileIO.read(FileIO.join(f.directory, RoundLayout.manifestFileName), maxBytes: 1 << 20) == manifest)
        let journal = try RoundJournal.load(
            roundDirectory: f.directory, secretaryKey: f.round.secretary.signingKey, roundHash: f.round.fileHash)
        #expect(journal.entries.last?.event == "merge")
        let report = try RoundVerifier.verify(roundDirectory: f.directory)
        #expect(report.passed, "\(report.failures.map { $0.id })")
        // A third merge is refused: the merge is journaled now.
        #expect(throws: (any Error).self) { _ = try f.merge() }
    }
}
