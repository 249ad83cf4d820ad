import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// Freshness through the real binary (spec §11): the keyless rollback and the re-merge refused by
/// this machine's pin, receipts, checkpoints, and a verify without an anchor (exit 2).
///
/// The round is the small one of ``VerifyCLITests``, made with the library under the binary's
/// own pin store (`dir/state/avault`), so `round init` pinned it as the CLI would; members'
/// submissions are sealed with the library and received with the binary.
@Suite("freshness: pins, receipts, checkpoints")
struct FreshnessCLITests {
    /// The secretary's passphrase file and key arguments.
    static func secretary(_ cli: CLI) throws -> [String] {
        ["--key", try key(cli, "thu-ky"), "--passphrase-file", try cli.passphraseFile("demo-appraisal-2026")]
    }

    /// Copies `keys/ID.key` into the test folder (mode 600) and returns its path.
    static func key(_ cli: CLI, _ id: String) throws -> String {
        try cli.write("\(id).key", try FileIO.read(CLI.root.path + "/keys/\(id).key", maxBytes: 1 << 16))
    }

    /// The round at `cli.dir/round`, created and pinned under the binary's pin store.
    static func newRound(_ cli: CLI) throws -> RoundDefinition {
        try PinStore.$current.withValue(store(cli)) { try VerifyCLITests.newRound(cli) }
    }

    static func store(_ cli: CLI) -> PinStore { PinStore(directory: FileIOPaths.state(of: cli.dir) + "/avault") }

    /// Seals `member`'s submission `revision` into `members/MEMBER.rN.avs` and returns its path.
    static func seal(_ cli: CLI, _ round: RoundDefinition, _ member: String, revision: Int, score: String = "0.5")
        throws -> String
    {
        let unit = member == "tv-01" ? "u1" : "u2"
        let rows = [
            Appraisal(unit: unit, code: "1.1.1", score: Points(parsing: score)!, reason: "Thiếu kế hoạch"),
            Appraisal(unit: unit, code: "1.1.2", score: Points(parsing: "0.5")!, reason: ""),
        ]
        let bytes = try Sealing.seal(rows, round: round, member: VerifyCLITests.secrets[member]!, revision: revision)
        try FileManager.default.createDirectory(atPath: cli.path("members"), withIntermediateDirectories: true)
        return try cli.write("members/\(member).r\(revision).avs", bytes)
    }

    static func copy(_ cli: CLI, _ from: String, _ to: String) throws {
        try? FileManager.default.removeItem(atPath: cli.path(to))
        try FileManager.default.copyItem(atPath: cli.path(from), toPath: cli.path(to))
    }

    /// The journal head of `round/journal.avj` in hex, as `avault pin` prints it.
    static func head(_ cli: CLI) throws -> String {
        let r = try cli.run(["pin", "--round", "round"])
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("Journal:") })
        return String(line.split(separator: " ").last!)
    }

    /// A folder with no pins: another machine.
    static let elsewhere = ["XDG_STATE_HOME": "/nonexistent-avault-state"]

    static func json(_ r: CLIResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(r)")
    }

    static func failed(_ r: CLIResult) throws -> [String: String] {
        var out = [String: String]()
        for c in try json(r)["checks"] as? [[String: Any]] ?? [] where c["status"] as? String == "fail" {
            out[c["id"] as! String] = c["message"] as? String
        }
        return out
    }

    /// Keyless rollback (threat model): an older copy of the round folder put back after a member's
    /// revision 2 was received. On the secretary's machine status, receive, merge and verify refuse
    /// it naming both heads; elsewhere, the member's receipt shows it (receipt check, verify
    /// --receipts); `avault pin --accept` is the deliberate way out.
    @Test func keylessRollbackIsRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try Self.newRound(cli)
        let key = try Self.secretary(cli)
        let r1 = try cli.run(["receive", try Self.seal(cli, round, "tv-01", revision: 1), "--round", "round"] + key)
        #expect(r1.exited(0), "\(r1)")
        try Self.copy(cli, "round", "backup")
        let r2 = try cli.run(
            [
                "receive", try Self.seal(cli, round, "tv-01", revision: 2, score: "1"), "--round", "round",
                "--receipts-out", "stick",
            ] + key)
        #expect(r2.exited(0), "\(r2)")
        #expect(r2.stdout.contains("receipt: round/receipts/tv-01.r2.avc"), "\(r2)")
        #expect(FileManager.default.fileExists(atPath: cli.path("stick/tv-01.r2.avc")))
        let newHead = try Self.head(cli)

        try FileManager.default.removeItem(atPath: cli.path("round"))
        try Self.copy(cli, "backup", "round")
        let oldHead = try Self.head(cli)

        let status = try cli.run(["status", "--round", "round"])
        #expect(status.exited(65), "\(status)")
        #expect(status.stderr.contains("does not extend the one this machine recorded"), "\(status)")
        #expect(
            status.stderr.contains(String(oldHead.prefix(16))) && status.stderr.contains(String(newHead.prefix(16))))
        #expect(status.stderr.contains("avault pin --round round --accept \(oldHead)"), "\(status)")
        let merge = try cli.run(["merge", "--round", "round", "--allow-incomplete"] + key)
        #expect(merge.exited(65), "\(merge)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("round/manifest.avm")))
        let receive = try cli.run(
            ["receive", try Self.seal(cli, round, "tv-02", revision: 1), "--round", "round"] + key)
        #expect(receive.exited(65), "\(receive)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("round/submissions/tv-02.r1.avs")))
        let verify = try cli.run(["verify", "round", "--json"])
        #expect(verify.exited(1), "\(verify)")
        #expect(try Self.failed(verify)["journal.pin"] == "journal.rolled-back")

        // Another machine has no pin: the round's own receipts were rolled back too, the member's were not.
        let plain = try cli.run(["verify", "round", "--json"], environment: Self.elsewhere)
        #expect(plain.exited(2), "\(plain)")
        let withReceipts = try cli.run(
            ["verify", "round", "--json", "--receipts", "stick"], environment: Self.elsewhere)
        #expect(withReceipts.exited(1), "\(withReceipts)")
        #expect(try Self.failed(withReceipts) == ["journal.receipts": "receipt.not-in-journal"])
        let check = try cli.run(
            ["receipt", "check", "stick/tv-01.r2.avc", "--round", "round"], environment: Self.elsewhere)
        #expect(check.exited(65), "\(check)")
        #expect(check.stderr.contains("does not hold this receipt's entry 3"), "\(check)")

        // The way out: pin on purpose, with the head in full.
        let wrong = try cli.run(["pin", "--round", "round", "--accept", newHead])
        #expect(wrong.exited(64), "\(wrong)")
        let accepted = try cli.run(["pin", "--round", "round", "--accept", oldHead])
        #expect(accepted.exited(0), "\(accepted)")
        #expect(try cli.run(["status", "--round", "round"]).exited(0))
    }

    /// Re-merge: the signed journal from before the merge put back (manifest and results removed)
    /// re-enables nothing on the machine that merged.
    @Test func reMergeAfterRestoringThePreMergeJournalIsRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try Self.newRound(cli)
        let key = try Self.secretary(cli)
        let files = try ["tv-01", "tv-02"].map { try Self.seal(cli, round, $0, revision: 1) }
        #expect(try cli.run(["receive"] + files + ["--round", "round"] + key).exited(0))
        try Self.copy(cli, "round/journal.avj", "journal-before-merge.avj")
        let merged = try cli.run(["merge", "--round", "round"] + key)
        #expect(merged.exited(0), "\(merged)")
        for name in ["manifest.avm", "results.avl"] {
            try FileManager.default.removeItem(atPath: cli.path("round/" + name))
        }
        try Self.copy(cli, "journal-before-merge.avj", "round/journal.avj")
        let again = try cli.run(["merge", "--round", "round"] + key)
        #expect(again.exited(65), "\(again)")
        #expect(again.stderr.contains("does not extend the one this machine recorded"), "\(again)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("round/manifest.avm")))
    }

    /// A holder's checkpoint, then the journal and files rolled back to before it: verify fails
    /// (also on a machine without a pin) and merge refuses.
    @Test func checkpointThenRollbackFailsVerifyAndMerge() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try Self.newRound(cli)
        let key = try Self.secretary(cli)
        #expect(
            try cli.run(["receive", try Self.seal(cli, round, "tv-01", revision: 1), "--round", "round"] + key).exited(
                0))
        try Self.copy(cli, "round", "backup")
        #expect(
            try cli.run(["receive", try Self.seal(cli, round, "tv-02", revision: 1), "--round", "round"] + key).exited(
                0))
        let holder = [
            "--key", try Self.key(cli, "chu-tich"), "--passphrase-file", try cli.passphraseFile("demo-appraisal-2026"),
        ]
        let made = try cli.run(["checkpoint", "--round", "round"] + holder)
        #expect(made.exited(0), "\(made)")
        #expect(FileManager.default.fileExists(atPath: cli.path("round/checkpoints/chu-tich.j3.avp")), "\(made)")
        let fingerprint = round.fingerprint.description
        let good = try cli.run(
            ["verify", "round", "--json", "--fingerprint", fingerprint], environment: Self.elsewhere)
        #expect(good.exited(0), "\(good)")
        #expect(try Self.json(good)["anchor"] as? String == "fingerprint")
        // A second checkpoint of the same state by the same holder is refused (nothing overwritten).
        #expect(try cli.run(["checkpoint", "--round", "round"] + holder).exited(73))

        // Journal and files rolled back; the checkpoint stays (the holder brings their copy).
        try Self.copy(cli, "round/checkpoints", "checkpoints")
        try FileManager.default.removeItem(atPath: cli.path("round"))
        try Self.copy(cli, "backup", "round")
        try Self.copy(cli, "checkpoints", "round/checkpoints")
        let verify = try cli.run(
            ["verify", "round", "--json", "--fingerprint", fingerprint], environment: Self.elsewhere)
        #expect(verify.exited(1), "\(verify)")
        #expect(try Self.failed(verify) == ["journal.checkpoints": "checkpoint.not-extended"])
        let merge = try cli.run(["merge", "--round", "round", "--allow-incomplete"] + key, environment: Self.elsewhere)
        #expect(merge.exited(65), "\(merge)")
        #expect(merge.stderr.contains("chu-tich checkpointed the journal at 3 entries"), "\(merge)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("round/manifest.avm")))
    }

    /// receipt check: a good receipt (with and without the journal), an altered one (65), one of
    /// another round (65).
    @Test func receiptCheck() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try Self.newRound(cli)
        let key = try Self.secretary(cli)
        let r = try cli.run(
            ["receive", try Self.seal(cli, round, "tv-01", revision: 1), "--round", "round", "--receipts-out", "stick"]
                + key)
        #expect(r.exited(0), "\(r)")
        let good = try cli.run(["receipt", "check", "stick/tv-01.r1.avc", "--round", "round"])
        #expect(good.exited(0), "\(good)")
        #expect(good.stdout.contains("a good receipt from the round's secretary: tv-01 r1, journal entry 2"), "\(good)")
        #expect(good.stdout.contains("The journal in round holds this entry."), "\(good)")
        try FileManager.default.createDirectory(atPath: cli.path("member"), withIntermediateDirectories: true)
        try Self.copy(cli, "round/round.avr", "member/round.avr")
        let alone = try cli.run(
            [
                "receipt", "check", "stick/tv-01.r1.avc", "--round", "member/round.avr", "--fingerprint",
                round.fingerprint.description,
            ])
        #expect(alone.exited(0), "\(alone)")
        #expect(alone.stdout.contains("only the signature and the round were checked"), "\(alone)")

        var bytes = try cli.read("stick/tv-01.r1.avc")
        bytes[bytes.count - 1] ^= 1
        _ = try cli.write("bad.avc", bytes)
        let bad = try cli.run(["receipt", "check", "bad.avc", "--round", "round"])
        #expect(bad.exited(65), "\(bad)")
        #expect(bad.stderr.contains("not signed by this round's secretary"), "\(bad)")
        let vi = try cli.run(["receipt", "check", "bad.avc", "--round", "round"], language: "vi_VN.UTF-8")
        #expect(vi.stderr.contains("biên nhận không mang chữ ký của thư ký vòng này"), "\(vi)")
    }

    /// verify without an anchor: every check passes, exit 2, the summary says NOT ANCHORED and the
    /// JSON names the anchor; a fingerprint, this machine's pin, or both anchor it (exit 0).
    @Test func unanchoredVerifyExitsTwo() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try Self.newRound(cli)
        let fingerprint = ["--fingerprint", round.fingerprint.description]
        let none = try cli.run(["verify", "round"], environment: Self.elsewhere)
        #expect(none.exited(2), "\(none)")
        #expect(none.stdout.contains("NOT ANCHORED:"), "\(none)")
        #expect(!none.stdout.contains("PASSED"), "\(none)")
        let cases: [([String], [String: String], Int32, String)] = [
            ([], Self.elsewhere, 2, "none"), (fingerprint, Self.elsewhere, 0, "fingerprint"), ([], [:], 0, "pin"),
            (fingerprint, [:], 0, "fingerprint+pin"),
        ]
        for (extra, environment, status, anchor) in cases {
            let r = try cli.run(["verify", "round", "--json"] + extra, environment: environment)
            #expect(r.exited(status), "\(anchor): \(r)")
            let object = try Self.json(r)
            #expect(object["anchor"] as? String == anchor)
            #expect(object["passed"] as? Bool == true)
        }
        let pinned = try cli.run(["verify", "round"])
        #expect(pinned.stdout.contains("PASSED:") && pinned.stdout.contains("anchored by pin"), "\(pinned)")
    }
}
