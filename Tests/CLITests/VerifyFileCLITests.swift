import Foundation
import Testing

@testable import AppraisalVault

/// `avault verify FILE --round R` (spec §9.7) through the real binary: one sealed submission file
/// against a round, on the received (not merged) round of ``VerifyCLITests``.
@Suite("avault verify FILE --round R")
struct VerifyFileCLITests {
    static let file = "round/submissions/tv-01.r1.avs"

    /// A good file: checks 1, 1a, 2 (3–5a too for a folder with a journal), 6, 7, 8 pass,
    /// anchored by the fingerprint (exit 0), for R a round folder or a member's copy of round.avr;
    /// without the fingerprint NOT ANCHORED (exit 2); `--json` has the report shape of §9.4.
    @Test func goodFilePasses() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try VerifyCLITests.mergedRound(cli, merge: false)
        let fingerprint = round.fingerprint.description
        for (r, passed) in [("round", 9), ("round/round.avr", 6)] {
            let run = try cli.run(["verify", Self.file, "--round", r, "--fingerprint", fingerprint])
            #expect(run.exited(0), "\(run)")
            #expect(run.stdout.hasPrefix("Checking \(Self.file) against round \(r) (fingerprint \(fingerprint))\n"))
            for id in ["round.signature  round.avr", "round.fingerprint  round.avr"] {
                #expect(run.stdout.contains("✓ \(id)"), "\(run)")
            }
            for id in ["submission.name", "submission.signature", "submission.binding"] {
                #expect(run.stdout.contains("✓ \(id)  \(Self.file)  "), "\(run)")
            }
            #expect(run.stdout.contains("From tv-01, revision 1, sealed to this round's secretary thu-ky."))
            let notYet = r == "round" ? 1 : 0  // journal.pin: nothing pinned this round here
            #expect(
                run.stdout.contains(
                    "PASSED: \(passed) checks passed, \(notYet) not yet applicable; anchored by fingerprint."),
                "\(run)")
            #expect(run.stderr.isEmpty)
            #expect(run.stdout.contains("✓ journal.chain  journal.avj") == (r == "round"))
            // Nothing else of the folder is read: no receipts, checkpoints, manifest.
            for id in ["journal.receipts", "journal.checkpoints", "manifest.", "journal.files"] {
                #expect(!run.stdout.contains(id), "\(run)")
            }
        }
        let unanchored = try cli.run(["verify", Self.file, "--round", "round"])
        #expect(unanchored.exited(2), "\(unanchored)")
        #expect(unanchored.stdout.contains("– round.fingerprint  round.avr"))
        #expect(unanchored.stdout.contains("NOT ANCHORED: 8 checks passed, 2 not yet applicable"))
        #expect(unanchored.stdout.contains("nothing ties this round definition to the round you mean"))
        let json = try cli.run(["verify", Self.file, "--round", "round", "--json", "--fingerprint", fingerprint])
        #expect(json.exited(0), "\(json)")
        let value = try CanonicalJSON.parse(Array(json.stdout.dropLast().utf8))
        guard case .object(let report) = value, case .array(let checks)? = report["checks"] else {
            Issue.record("not a report: \(json.stdout)")
            return
        }
        #expect(report["passed"] == .bool(true))
        #expect(report["anchor"] == .string("fingerprint"))
        #expect(report["round"] == .hex(round.fileHash))
        #expect(checks.count == 10)
        let vi = try cli.run(["verify", Self.file, "--round", "round"], language: "vi_VN.UTF-8")
        #expect(vi.exited(2), "\(vi)")
        #expect(vi.stdout.hasPrefix("Kiểm tra \(Self.file) theo vòng round"))
        #expect(vi.stdout.contains("CHƯA NEO: 8 bước kiểm tra đạt"))
    }

    /// A byte of the ciphertext changed: the outer signature fails, the message names the file,
    /// exit 1. The same file checked by the whole-folder `verify` fails the same check.
    @Test func tamperedFileFails() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try VerifyCLITests.mergedRound(cli, merge: false)
        var bytes = try cli.read(Self.file)
        bytes[bytes.count / 2] ^= 0x01
        try FileManager.default.createDirectory(atPath: cli.path("stick"), withIntermediateDirectories: true)
        let copy = try cli.write("stick/tv-01.r1.avs", bytes)
        let run = try cli.run(["verify", copy, "--round", "round", "--fingerprint", round.fingerprint.description])
        #expect(run.exited(1), "\(run)")
        #expect(
            run.stdout.contains(
                "✗ submission.signature  \(copy)  \(copy): the outer signature does not verify; the file was altered"),
            "\(run)")
        #expect(run.stdout.contains("✓ submission.name  \(copy)"))
        #expect(!run.stdout.contains("submission.binding"))
        #expect(run.stdout.contains("FAILED: 1 of 9 checks failed."))
        // Not an AppraisalVault file at all: the container error, naming the file.
        let junk = try cli.write("stick/tv-02.r1.avs", Array("hello".utf8))
        let notAVault = try cli.run(["verify", junk, "--round", "round"])
        #expect(notAVault.exited(1), "\(notAVault)")
        #expect(notAVault.stdout.contains("✗ submission.signature  \(junk)  \(junk): not an AppraisalVault file."))
    }

    /// A file of another round fails its binding (`inbox.wrong-round`), a renamed file its name
    /// check against the signed sender (`verify.name-mismatch`), a file named outside the rule
    /// check 6 (`inbox.stray-file`); each exit 1 and naming the file.
    @Test func wrongRoundAndRenamedFail() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        _ = try VerifyCLITests.mergedRound(cli, merge: false)
        let other = try CLI()
        defer { other.cleanUp() }
        // Same members, holders and ceremony, another title: another round definition.
        _ = try VerifyCLITests.newRound(other, title: "Vòng khác")
        let wrong = try cli.run(["verify", Self.file, "--round", other.path("round")])
        #expect(wrong.exited(1), "\(wrong)")
        #expect(
            wrong.stdout.contains(
                "✗ submission.binding  \(Self.file)  \(Self.file): this file belongs to another appraisal round."),
            "\(wrong)")
        _ = try cli.write("tv-02.r1.avs", try cli.read(Self.file))
        let mismatch = try cli.run(["verify", "tv-02.r1.avs", "--round", "round"])
        #expect(mismatch.exited(1), "\(mismatch)")
        #expect(
            mismatch.stdout.contains(
                "✗ submission.binding  tv-02.r1.avs  tv-02.r1.avs: the name says tv-02 revision 1, but the file is signed by tv-01 as revision 1"
            ), "\(mismatch)")
        _ = try cli.write("bai-nop.avs", try cli.read(Self.file))
        let stray = try cli.run(["verify", "bai-nop.avs", "--round", "round"])
        #expect(stray.exited(1), "\(stray)")
        #expect(stray.stdout.contains("✗ submission.name  bai-nop.avs  bai-nop.avs: unexpected file"), "\(stray)")
    }

    /// A round this machine pinned whose journal is gone (a rollback, §11.2): `journal.pin`
    /// fails even though the file itself is good and the fingerprint anchors the definition.
    @Test func pinnedRoundWithoutJournalFails() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try VerifyCLITests.mergedRound(cli, merge: false)
        let head = try FreshnessCLITests.head(cli)
        let pin = try cli.run(["pin", "--round", "round", "--accept", head])
        #expect(pin.exited(0), "\(pin)")
        let fingerprint = round.fingerprint.description
        let pinned = try cli.run(["verify", Self.file, "--round", "round", "--fingerprint", fingerprint])
        #expect(pinned.exited(0) && pinned.stdout.contains("✓ journal.pin"), "\(pinned)")
        try FileManager.default.removeItem(atPath: cli.path("round/journal.avj"))
        let gone = try cli.run(["verify", Self.file, "--round", "round", "--fingerprint", fingerprint])
        #expect(gone.exited(1), "\(gone)")
        #expect(gone.stdout.contains("✗ journal.pin  journal.avj"), "\(gone)")
        #expect(gone.stdout.contains("✓ submission.signature  \(Self.file)"), "\(gone)")
    }

    /// Usage and missing inputs: a missing FILE or R is exit 66 naming it; `--receipts` with
    /// `--round` and a malformed fingerprint are exit 64; nothing on standard output.
    @Test func missingInputsAndUsage() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        _ = try VerifyCLITests.mergedRound(cli, merge: false)
        let noFile = try cli.run(["verify", "nope.r1.avs", "--round", "round"])
        #expect(noFile.exited(66), "\(noFile)")
        #expect(noFile.stderr == "avault: error: nope.r1.avs: no such file.\n")
        #expect(noFile.stdout.isEmpty)
        let noRound = try cli.run(["verify", Self.file, "--round", "nowhere"])
        #expect(noRound.exited(66), "\(noRound)")
        #expect(noRound.stderr.contains("nowhere: not a round folder."))
        let receipts = try cli.run(["verify", Self.file, "--round", "round", "--receipts", "round/receipts"])
        #expect(receipts.exited(64), "\(receipts)")
        #expect(receipts.stderr.contains("--receipts checks a round folder; it cannot be used with --round."))
        let badFingerprint = try cli.run(["verify", Self.file, "--round", "round", "--fingerprint", "xyz"])
        #expect(badFingerprint.exited(64), "\(badFingerprint)")
        #expect(receipts.stdout.isEmpty && badFingerprint.stdout.isEmpty)
    }
}
