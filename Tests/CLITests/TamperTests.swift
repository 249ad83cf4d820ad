import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// The tamper sweep: every single-byte flip and every truncation of every artifact of a demo round is
/// rejected by the library call the command that reads it makes, with a ``AppraisalError``, without a
/// crash; a sample goes through `avault verify`'s ``RoundVerifier`` and through the real binary;
/// and the structural cases (files swapped between members and rounds, approvals and tokens
/// reused for other results) are refused.
///
/// Fast (sampled) by default; `AVAULT_TAMPER_FULL=1` (`make tamper`) makes the sweep exhaustive
/// for files ≤ 64 KiB and ≥ 10,000 positions for larger ones. Figures go to standard error as
/// `[tamper] …` lines.
@Suite("Tamper suite", .serialized)
struct TamperTests {
    static let passphrase = DemoRound.passphrase

    /// The hashes approvals and tokens bind, computed from round A's files (as `verify` does).
    struct Binding {
        let round: RoundDefinition
        let manifestHash: [UInt8]
        let resultsHash: [UInt8]
        let results: SealedEnvelope
        let ephemeral: Ristretto255.Point
        init(_ roundDir: String) throws {
            round = try RoundDefinition.load(roundDirectory: roundDir)
            manifestHash = BLAKE2b.hash(
                try FileIO.read(roundDir + "/manifest.avm", maxBytes: 1 << 24), outputLength: 32)
            let bytes = try FileIO.read(roundDir + "/results.avl", maxBytes: 1 << 24)
            resultsHash = BLAKE2b.hash(bytes, outputLength: 32)
            results = try SealedEnvelope(parsing: bytes, expecting: .lockedResults, file: "results.avl")
            ephemeral = try ReleaseToken.binding(of: results).ephemeral
        }
    }

    // MARK: - In-process sweeps

    @Test func everyArtifactRejectsFlipsAndTruncations() throws {
        let f = try TamperFixture.get()
        let r = f.roundA
        let bind = try Binding(r)
        let round = bind.round
        let read = { (p: String) throws -> [UInt8] in try FileIO.read(p, maxBytes: 1 << 24) }
        var sweeps = [Sweep]()

        // round.avr: what every command's --round does.
        sweeps.append(
            Sweep.run("round.avr", try read(r + "/round.avr"), fastSample: 40) { m in
                _ = try RoundDefinition(parsing: m, file: "round.avr")
            })

        // journal.avj: RoundJournal.load on a folder holding the mutated journal.
        let jdir = f.scratch("journal")
        try FileIO.makeDirectory(jdir, mode: 0o755)
        try FileIO.writeAtomically(try read(r + "/round.avr"), to: jdir + "/round.avr")
        sweeps.append(
            Sweep.run("journal.avj", try read(r + "/journal.avj"), fastSample: 200) { m in
                try FileIO.writeAtomically(m, to: jdir + "/journal.avj", replacing: true)
                _ = try RoundJournal.load(
                    roundDirectory: jdir, secretaryKey: round.secretary.signingKey, roundHash: round.fileHash)
            })

        // A submission: receive (parse, authorize, context) then merge (open, parse, same member).
        let secretaryKey = f.secretary.encryptionKey
        for name in ["tv-08.r1.avs"] + (Sweep.full ? ["tv-02.r1.avs"] : []) {
            sweeps.append(
                Sweep.run("submissions/" + name, try read(r + "/submissions/" + name), fastSample: 160) { m in
                    let envelope = try SealedEnvelope(parsing: m, expecting: .submission, file: name)
                    let member = try round.roster.authorize(envelope)
                    guard envelope.header.context == ["revision": .integer(1)] else {
                        throw GuardStop(reason: "context differs")
                    }
                    let content = try SubmissionContent(parsing: try envelope.open(with: secretaryKey), file: name)
                    guard content.member == member.id, content.round == round.fileHash else {
                        throw GuardStop(reason: "member or round differs")
                    }
                })
        }

        // manifest.avm: ReleaseFolder.loadMerged's reading.
        sweeps.append(
            Sweep.run("manifest.avm", try read(r + "/manifest.avm"), fastSample: 160) { m in
                let manifest = try Manifest(parsing: m, file: "manifest.avm", secretaryKey: round.secretary.signingKey)
                guard manifest.round == round.fileHash else { throw GuardStop(reason: "manifest of another round") }
            })

        // results.avl: `avault open` (check, token against this file's hash, decrypt).
        let token = try ReleaseToken(parsing: try read(r + "/release-token.avt"), file: "release-token.avt")
        sweeps.append(
            Sweep.run("results.avl", try read(r + "/results.avl"), fastSample: 60) { m in
                _ = try LockedResults.open(
                    m, file: "results.avl", token: token, policy: round.release, roundHash: round.fileHash,
                    manifestHash: bind.manifestHash, secretary: round.secretary)
            })

        // An approval: parse + verify against the computed hashes.
        sweeps.append(
            Sweep.run("approvals/chu-tich.ava", try read(r + "/approvals/chu-tich.ava"), fastSample: 160) { m in
                try Approval(parsing: m, file: "a.ava").verify(
                    policy: round.release, roundHash: round.fileHash, manifestHash: bind.manifestHash,
                    resultsHash: bind.resultsHash, ephemeral: bind.ephemeral)
            })

        // The token: parse + verify.
        sweeps.append(
            Sweep.run("release-token.avt", try read(r + "/release-token.avt"), fastSample: 200) { m in
                let t = try ReleaseToken(parsing: m, file: "t.avt")
                _ = try t.verify(
                    policy: round.release, roundHash: round.fileHash, manifestHash: bind.manifestHash,
                    resultsHash: bind.resultsHash, ephemeral: bind.ephemeral)
                try TamperTests.tokenFieldsUnchanged(t, token)
            })

        // A public identity.
        sweeps.append(
            Sweep.run("tv-01.pub", try read(TamperFixture.keys + "/tv-01.pub"), fastSample: 160) { m in
                _ = try PublicIdentity(parsing: m, file: "tv-01.pub")
            })

        // A key file: parse; the mutations that still parse are unlocked (Argon2id, ~0.1 s each):
        // all of them in full mode, 6 in fast mode.
        var unlockBudget = Sweep.full ? Int.max : 3
        var unlocked = 0
        let pass = try SecretBytes(copying: Array(Self.passphrase.utf8))
        let keySweep = Sweep.run("tv-01.key", try read(TamperFixture.keys + "/tv-01.key"), fastSample: 160) { m in
            let k = try KeyFile(parsing: m, file: "tv-01.key")
            guard unlockBudget > 0 else { throw GuardStop(reason: "parsed, not unlocked (sample budget)") }
            unlockBudget -= 1
            unlocked += 1
            _ = try k.unlock(passphrase: pass)
        }
        sweeps.append(keySweep)

        var tried = 0
        var rejected = 0
        var guarded = 0
        for s in sweeps {
            tamperLog(s.description)
            tried += s.tried
            rejected += s.rejected
            guarded += s.guarded.count
            #expect(s.accepted.isEmpty, "\(s)")
            #expect(s.unclean.isEmpty, "\(s)")
            #expect(s.rejected + s.guarded.count == s.tried, "\(s)")
            // Outside the library, only the key file's unlock budget and the token's informational
            // fields (the token is unsigned, spec §8) may stop a mutation.
            if s.artifact != "tv-01.key" && s.artifact != "release-token.avt" {
                #expect(s.guarded.isEmpty, "\(s.artifact): \(s.guarded.prefix(5))")
            }
        }
        tamperLog(
            "key file: \(unlocked) parsed mutations went to unlock (Argon2id), \(keySweep.guarded.count) parsed but were not unlocked (budget)"
        )
        tamperLog(
            "in-process total (\(Sweep.full ? "full" : "fast")): \(tried) tried, \(rejected) rejected by the library, \(guarded) stopped by a test guard"
        )
        try? FileManager.default.removeItem(atPath: jdir)
    }

    /// The token is not signed (it is a bearer secret whose every binding is re-checked): a flip
    /// that still verifies must at least not change any field the tool acts on or shows.
    static func tokenFieldsUnchanged(_ t: ReleaseToken, _ original: ReleaseToken) throws {
        guard t.created == original.created, t.decision == original.decision else {
            throw GuardStop(reason: "informational token field changed")
        }
    }

    // MARK: - The auditor's verify, one mutated file at a time

    @Test func verifyFailsOnAnyMutatedFile() throws {
        let f = try TamperFixture.get()
        let work = f.scratch("verify")
        try Tree.copy(f.roundA, to: work)
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(try RoundVerifier.verify(roundDirectory: work).passed)
        let files = [
            "round.avr", "journal.avj", "submissions/tv-08.r1.avs", "manifest.avm", "results.avl",
            "approvals/chu-tich.ava",
            "release-token.avt",
        ]
        let perFile = Sweep.full ? 12 : 2
        var rng = SplitMix(state: 42)
        var tried = 0
        var failed = 0
        for name in files {
            let path = work + "/" + name
            let original = try FileIO.read(path, maxBytes: 1 << 24)
            for i in 0..<perFile {
                var m = original
                let p =
                    i == 0
                    ? Int.random(in: 0..<min(256, m.count), using: &rng) : Int.random(in: 0..<m.count, using: &rng)
                if i % 2 == 0 { m[p] ^= 0x20 } else { m = Array(m.prefix(p)) }
                try FileIO.writeAtomically(m, to: path, replacing: true)
                let report = try RoundVerifier.verify(roundDirectory: work)
                tried += 1
                if !report.passed { failed += 1 }
                #expect(!report.passed, "\(name) \(i % 2 == 0 ? "flip" : "cut")@\(p) passed verify")
                try FileIO.writeAtomically(original, to: path, replacing: true)
            }
        }
        #expect(try RoundVerifier.verify(roundDirectory: work).passed)
        tamperLog("verify: \(tried) folders with one mutated file, \(failed) failed verification")
    }

    // MARK: - Through the real binary

    @Test func binaryRejectsMutatedFiles() throws {
        let f = try TamperFixture.get()
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try cli.passphraseFile(Self.passphrase)
        _ = try cli.write("thu-ky.key", try FileIO.read(TamperFixture.keys + "/thu-ky.key", maxBytes: 1 << 16))
        let merged = cli.path("merged")
        let unreleased = cli.path("unreleased")
        let received = cli.path("received")
        try Tree.copy(f.roundA, to: merged)
        try Tree.copy(f.roundA, to: unreleased)
        try FileManager.default.removeItem(atPath: unreleased + "/approvals")
        try FileManager.default.removeItem(atPath: unreleased + "/release-token.avt")
        try Tree.copy(f.received, to: received)

        struct Case {
            let label: String
            let source: String  // the file to mutate
            let target: String  // where the mutated bytes go
            let folder: String  // the folder that must stay unchanged (but for `exempt`)
            let exempt: Set<String>
            let arguments: [String]
            let output: String?  // a file that must not appear
        }
        let mut = cli.path("mut")
        let cases: [Case] = [
            Case(
                label: "round.avr / status", source: f.roundA + "/round.avr", target: merged + "/round.avr",
                folder: merged, exempt: ["round.avr"],
                arguments: ["status", "--round", merged], output: nil),
            Case(
                label: "journal.avj / status", source: f.roundA + "/journal.avj", target: merged + "/journal.avj",
                folder: merged,
                exempt: ["journal.avj"], arguments: ["status", "--round", merged], output: nil),
            Case(
                label: "submission / receive", source: f.a + "/outbox/tv-08.r1.avs", target: mut + ".avs",
                folder: received,
                exempt: ["journal.avj"],  // a rejection is journaled (spec §6.2)
                arguments: [
                    "receive", mut + ".avs", "--round", received, "--key", "thu-ky.key", "--passphrase-file", pass,
                ], output: nil),
            Case(
                label: "manifest.avm / open", source: f.roundA + "/manifest.avm", target: merged + "/manifest.avm",
                folder: merged,
                exempt: ["manifest.avm"], arguments: ["open", "--round", merged, "-o", "out.json"], output: "out.json"),
            Case(
                label: "results.avl / open", source: f.roundA + "/results.avl", target: merged + "/results.avl",
                folder: merged,
                exempt: ["results.avl"], arguments: ["open", "--round", merged, "-o", "out.json"], output: "out.json"),
            Case(
                label: "approval / release combine", source: f.roundA + "/approvals/chu-tich.ava", target: mut + ".ava",
                folder: unreleased,
                exempt: [],
                arguments: [
                    "release", "combine", mut + ".ava", f.roundA + "/approvals/pho-chu-tich.ava", "--round", unreleased,
                    "-o", "tok.avt",
                ],
                output: "tok.avt"),
            Case(
                label: "token / open", source: f.roundA + "/release-token.avt", target: mut + ".avt", folder: merged,
                exempt: [],
                arguments: ["open", "--round", merged, "--token", mut + ".avt", "-o", "out.json"], output: "out.json"),
            Case(
                label: "key file / key check", source: TamperFixture.keys + "/tv-01.key", target: mut + ".key",
                folder: cli.dir + "/none",
                exempt: [], arguments: ["key", "check", mut + ".key", "--passphrase-file", pass], output: nil),
            Case(
                label: "public identity / key show", source: TamperFixture.keys + "/tv-01.pub", target: mut + ".pub",
                folder: cli.dir + "/none",
                exempt: [], arguments: ["key", "show", mut + ".pub"], output: nil),
        ]
        let perCase = Sweep.full ? 10 : 2
        var rng = SplitMix(state: 7)
        var tried = 0
        var rejected = 0
        for c in cases {
            let original = try FileIO.read(c.source, maxBytes: 1 << 24)
            let before = Tree.snapshot(c.folder)
            for i in 0..<perCase {
                var m = original
                let p = Int.random(in: 0..<m.count, using: &rng)
                if i % 2 == 0 { m[p] ^= UInt8(1) << UInt8(p % 8) } else { m = Array(m.prefix(p)) }
                try? FileManager.default.removeItem(atPath: c.target)
                #expect(
                    FileManager.default.createFile(
                        atPath: c.target, contents: Data(m), attributes: [.posixPermissions: 0o600]))
                let run = try cli.run(c.arguments)
                tried += 1
                let clean = run.reason == .exit && run.status != 0 && run.stderr.contains("avault: error:")
                if clean { rejected += 1 }
                #expect(clean, "\(c.label) \(i % 2 == 0 ? "flip" : "cut")@\(p): \(run)")
                if let out = c.output {
                    #expect(!FileManager.default.fileExists(atPath: cli.path(out)), "\(c.label) wrote \(out)")
                }
                let after = Tree.snapshot(c.folder)
                let changed = Set(before.keys).union(after.keys).filter {
                    before[$0] != after[$0] && !c.exempt.contains($0)
                }
                #expect(changed.isEmpty, "\(c.label): wrote \(changed.sorted())")
            }
            try FileIO.writeAtomically(original, to: c.target, mode: 0o600, replacing: true)
        }
        tamperLog(
            "binary: \(tried) runs on mutated files, \(rejected) refused cleanly (exit ≠ 0, `avault: error:`, nothing written)"
        )
    }

    // MARK: - Structural cases

    @Test func structuralCasesAreRefused() throws {
        let f = try TamperFixture.get()
        let a = f.roundA
        let b = f.roundB
        let bind = try Binding(a)
        let round = bind.round
        var cases = 0
        var refused = 0
        func expectRefused(_ label: String, _ body: () throws -> Void) {
            cases += 1
            do {
                try body()
                Issue.record("\(label): accepted")
            } catch is any AppraisalError {
                refused += 1
            } catch {
                Issue.record("\(label): \(error)")
            }
        }
        /// A copy of round A with `edit` applied must fail `verify`.
        func expectVerifyFails(_ label: String, _ edit: (String) throws -> Void) throws {
            let work = f.scratch("structural")
            try Tree.copy(a, to: work)
            defer { try? FileManager.default.removeItem(atPath: work) }
            try edit(work)
            cases += 1
            let report = try RoundVerifier.verify(roundDirectory: work)
            if !report.passed { refused += 1 }
            #expect(!report.passed, "\(label): verify passed")
        }
        func copyFile(_ from: String, _ to: String) throws {
            try FileIO.writeAtomically(try FileIO.read(from, maxBytes: 1 << 24), to: to, replacing: true)
        }

        // Swapped between members: tv-01's file under tv-02's name and back.
        try expectVerifyFails("swap tv-01/tv-02") { w in
            let s = w + "/submissions/"
            try FileManager.default.moveItem(atPath: s + "tv-01.r1.avs", toPath: s + "x")
            try FileManager.default.moveItem(atPath: s + "tv-02.r1.avs", toPath: s + "tv-01.r1.avs")
            try FileManager.default.moveItem(atPath: s + "x", toPath: s + "tv-02.r1.avs")
        }
        // Between rounds: each of B's files put into A.
        for name in [
            "round.avr", "journal.avj", "submissions/tv-01.r1.avs", "manifest.avm", "results.avl",
            "approvals/chu-tich.ava",
            "release-token.avt",
        ] {
            try expectVerifyFails("B's \(name) in A") { w in try copyFile(b + "/" + name, w + "/" + name) }
        }
        // B's submission received into A (the inbox refuses it, journaling the rejection).
        let inboxCopy = f.scratch("inbox")
        try Tree.copy(f.initialised, to: inboxCopy)
        defer { try? FileManager.default.removeItem(atPath: inboxCopy) }
        expectRefused("B's submission received into A") {
            _ = try Inbox(roundDirectory: inboxCopy, roster: round.roster).receive(
                f.b + "/outbox/tv-01.r1.avs", secretary: f.secretary)
        }
        #expect(!FileManager.default.fileExists(atPath: inboxCopy + "/submissions/tv-01.r1.avs"))
        // B's approvals and token against A's files.
        for name in ["chu-tich.ava", "pho-chu-tich.ava"] {
            expectRefused("B's \(name) for A") {
                try Approval(parsing: try FileIO.read(b + "/approvals/" + name, maxBytes: 1 << 20), file: name).verify(
                    policy: round.release, roundHash: round.fileHash, manifestHash: bind.manifestHash,
                    resultsHash: bind.resultsHash, ephemeral: bind.ephemeral)
            }
        }
        expectRefused("B's approvals combined for A") {
            let files = try ["chu-tich.ava", "pho-chu-tich.ava"].map {
                (try FileIO.read(b + "/approvals/" + $0, maxBytes: 1 << 20), $0)
            }
            _ = try ReleaseToken.combine(
                files, policy: round.release, roundHash: round.fileHash, manifestHash: bind.manifestHash,
                results: bind.results)
        }
        expectRefused("B's token opens A") {
            let t = try ReleaseToken(
                parsing: try FileIO.read(b + "/release-token.avt", maxBytes: 1 << 20), file: "b.avt")
            _ = try LockedResults.open(
                try FileIO.read(a + "/results.avl", maxBytes: 1 << 24), file: "results.avl", token: t,
                policy: round.release, roundHash: round.fileHash, manifestHash: bind.manifestHash,
                secretary: round.secretary)
        }
        // One artifact read as another type: every ordered pair of distinct kinds.
        let typed: [(String, String)] = [
            ("round", a + "/round.avr"), ("journal", a + "/journal.avj"),
            ("submission", a + "/submissions/tv-08.r1.avs"),
            ("manifest", a + "/manifest.avm"), ("results", a + "/results.avl"),
            ("approval", a + "/approvals/chu-tich.ava"),
            ("token", a + "/release-token.avt"), ("key", TamperFixture.keys + "/tv-01.key"),
            ("pub", TamperFixture.keys + "/tv-01.pub"),
        ]
        for (kind, path) in typed {
            let bytes = try FileIO.read(path, maxBytes: 1 << 24)
            for (other, _) in typed where other != kind {
                expectRefused("\(kind) read as \(other)") { try Self.read(bytes, as: other, round: round) }
            }
        }

        // Approvals reused for other results: re-merge a copy of A with tv-01's revision 2 (one
        // score changed), then present A's approvals and token.
        let remerged = f.scratch("remerge")
        try Tree.copy(f.received, to: remerged)
        defer { try? FileManager.default.removeItem(atPath: remerged) }
        let member = try DemoRound.unlock(TamperFixture.keys + "/tv-01.key")
        let sheet = f.a + "/worksheets/tv-01.csv"
        var (rows, findings) = try Sealing.check(
            worksheet: FileIO.read(sheet, maxBytes: 1 << 24), file: sheet, round: round, memberID: "tv-01")
        #expect(findings.isEmpty)
        if let i = rows.firstIndex(where: { $0.score != Points.zero }) {
            rows[i] = Appraisal(
                unit: rows[i].unit, code: rows[i].code, score: Points.zero, reason: "thay đổi để thử (tamper test)")
        }
        let rev2 = try Sealing.seal(rows, round: round, member: member, revision: 2)
        let rev2Path = remerged + "-tv-01.r2.avs"
        try FileIO.writeAtomically(rev2, to: rev2Path)
        defer { try? FileManager.default.removeItem(atPath: rev2Path) }
        _ = try Inbox(roundDirectory: remerged, roster: round.roster).receive(rev2Path, secretary: f.secretary)
        _ = try RoundMerge.run(
            roundDirectory: remerged, secretary: f.secretary, withoutSurvey: false, allowIncomplete: false,
            explanation: RoundMerge.ExplanationChoice(skip: true))
        let newBind = try Binding(remerged)
        #expect(newBind.resultsHash != bind.resultsHash)
        for name in ["chu-tich.ava", "pho-chu-tich.ava"] {
            expectRefused("A's \(name) for re-merged results") {
                try Approval(parsing: try FileIO.read(a + "/approvals/" + name, maxBytes: 1 << 20), file: name).verify(
                    policy: round.release, roundHash: round.fileHash, manifestHash: newBind.manifestHash,
                    resultsHash: newBind.resultsHash, ephemeral: newBind.ephemeral)
            }
        }
        expectRefused("A's approvals combined for re-merged results") {
            let files = try ["chu-tich.ava", "pho-chu-tich.ava"].map {
                (try FileIO.read(a + "/approvals/" + $0, maxBytes: 1 << 20), $0)
            }
            _ = try ReleaseToken.combine(
                files, policy: round.release, roundHash: round.fileHash, manifestHash: newBind.manifestHash,
                results: newBind.results)
        }
        expectRefused("A's token opens re-merged results") {
            let merged = try ReleaseFolder.loadMerged(remerged)
            _ = try ReleaseFolder.open(merged, tokenPath: a + "/release-token.avt")
        }
        cases += 1
        try FileManager.default.copyItem(atPath: a + "/approvals", toPath: remerged + "/approvals")
        try copyFile(a + "/release-token.avt", remerged + "/release-token.avt")
        let report = try RoundVerifier.verify(roundDirectory: remerged)
        if !report.passed { refused += 1 }
        #expect(!report.passed, "old approvals and token verified on re-merged results")
        tamperLog("structural: \(cases) cases, \(refused) refused")
        #expect(cases == refused)
    }

    /// Reads `bytes` with the reader of artifact type `kind`.
    static func read(_ bytes: [UInt8], as kind: String, round: RoundDefinition) throws {
        switch kind {
        case "round": _ = try RoundDefinition(parsing: bytes, file: "x")
        case "journal":
            _ = try SignedDocument(parsing: bytes, expecting: .journalHead, file: "x", maxHeaderLength: 1 << 26)
        case "submission":
            _ = try round.roster.authorize(try SealedEnvelope(parsing: bytes, expecting: .submission, file: "x"))
        case "manifest": _ = try Manifest(parsing: bytes, file: "x", secretaryKey: round.secretary.signingKey)
        case "results":
            _ = try LockedResults.check(
                bytes, file: "x", policy: round.release, roundHash: round.fileHash, secretary: round.secretary)
        case "approval": _ = try Approval(parsing: bytes, file: "x")
        case "token": _ = try ReleaseToken(parsing: bytes, file: "x")
        case "key": _ = try KeyFile(parsing: bytes, file: "x")
        default: _ = try PublicIdentity(parsing: bytes, file: "x")
        }
    }
}
