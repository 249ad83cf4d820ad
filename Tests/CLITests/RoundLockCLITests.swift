import Foundation
import Glibc
import Testing
import VaultCrypto

@testable import AppraisalVault

/// One writer at a time, a merged round stays closed, and the leftovers of interrupted commands
/// (spec §6.1 "Lock", §6.2 "Closed round", §6.5, §10.4 "Interrupted", §10.9), through the built
/// `avault` binary. The concurrent trials themselves are `scripts/race.py` (`make race`).
@Suite("Round lock and closed round", .serialized)
struct RoundLockCLITests {
    /// The lock of a round folder held from this test process, as another avault would hold it.
    final class HeldLock: @unchecked Sendable {
        private var fd: Int32

        init(_ round: String, command: String = "merge", exclusive: Bool = true) throws {
            fd = open(round + "/" + RoundLayout.lockFileName, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            try #require(fd >= 0)
            try #require(flock(fd, exclusive ? LOCK_EX : LOCK_SH) == 0)
            if exclusive {
                let line = Array("\(getpid()) \(command)\n".utf8)
                try #require(ftruncate(fd, 0) == 0)
                try #require(line.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) } == line.count)
            }
        }

        func release() {
            if fd >= 0 { close(fd) }
            fd = -1
        }

        deinit { release() }
    }

    /// A scratch CLI folder with the demo keys (mode 600) and the passphrase file.
    static func scratch() throws -> (cli: CLI, pass: String, secretary: [String]) {
        let cli = try CLI()
        let pass = try cli.passphraseFile(DemoRound.passphrase)
        for id in ["thu-ky", "tv-01", "tv-08", "chu-tich"] {
            _ = try cli.write("\(id).key", try FileIO.read(TamperFixture.keys + "/\(id).key", maxBytes: 1 << 16))
        }
        return (cli, pass, ["--key", "thu-ky.key", "--passphrase-file", pass])
    }

    /// The round's files and their hashes, without names starting with `.` (the lock file and
    /// temporary files, spec §6.1).
    static func state(_ round: String) -> [String: String] { Tree.clean(Tree.snapshot(round)) }

    /// With the lock held by another process, every command that writes into the round folder,
    /// and the reading ones, wait as `AVAULT_LOCK_WAIT` says, say which process holds it, exit 75
    /// (`round.locked`) and change nothing; once it is released, receive works.
    @Test func heldLockRefusesEveryCommandAndWritesNothing() throws {
        let f = try TamperFixture.get()
        let (cli, _, secretary) = try Self.scratch()
        defer { cli.cleanUp() }
        let round = cli.path("round")
        try Tree.copy(f.initialised, to: round)
        _ = try cli.write("note.txt", Array("biên bản".utf8))
        let scores = DemoRound.surveyScores(for: try RoundDefinition.load(roundDirectory: round))
        let survey = scores.keys.sorted(by: SurveyScores.precedes).map { "\($0.unit),\($0.code),\(scores[$0]!)\n" }
        _ = try cli.write("survey.csv", Array(("unit,code,score\n" + survey.joined()).utf8))
        let before = Self.state(round)
        let held = try HeldLock(round)
        let wait = ["AVAULT_LOCK_WAIT": "0.4"]
        let commands: [[String]] = [
            ["receive", f.a + "/outbox/tv-01.r1.avs", "--round", round] + secretary,
            ["survey", "import", "survey.csv", "--round", round] + secretary,
            ["merge", "--round", round, "--allow-incomplete", "--without-survey"] + secretary,
            ["evidence", "add", "note.txt", "--round", round] + secretary,
            ["release", "combine", f.roundA + "/approvals/chu-tich.ava", "--round", round],
            ["verify", round],
            ["status", "--round", round],
        ]
        for arguments in commands {
            let r = try cli.run(arguments, environment: wait)
            #expect(r.exited(75), "\(arguments[0]): \(r)")
            #expect(
                r.stderr.contains("Waiting for process \(getpid()) (merge), which is using the round folder \(round)"),
                "\(r.stderr)")
            #expect(
                r.stderr.contains(
                    "\(round): another avault command (process \(getpid()), merge) is using this round folder; nothing was done."
                ), "\(r.stderr)")
            #expect(r.stderr.contains("AVAULT_LOCK_WAIT"), "\(r.stderr)")
            #expect(Self.state(round) == before, "\(arguments[0]) changed the folder while locked out")
        }
        // No wait at all: refused at once, without the waiting line.
        let now = try cli.run(commands[0], environment: ["AVAULT_LOCK_WAIT": "0"])
        #expect(now.exited(75) && !now.stderr.contains("Waiting"), "\(now)")
        held.release()
        let r = try cli.run(commands[0])
        #expect(r.exited(0), "\(r)")
        #expect(try RoundVerifier.verify(roundDirectory: round).passed)
    }

    /// A command that finds the lock taken waits, and goes on when the holder finishes.
    @Test func waitingCommandProceedsOnceTheLockIsReleased() throws {
        let f = try TamperFixture.get()
        let (cli, _, secretary) = try Self.scratch()
        defer { cli.cleanUp() }
        let round = cli.path("round")
        try Tree.copy(f.initialised, to: round)
        let held = try HeldLock(round, command: "receive")
        let released = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 2)
            held.release()
            released.signal()
        }
        let r = try cli.run(
            ["receive", f.a + "/outbox/tv-01.r1.avs", "--round", round] + secretary,
            environment: ["AVAULT_LOCK_WAIT": "60"])
        released.wait()
        #expect(r.exited(0), "\(r)")
        #expect(r.stderr.contains("Waiting for process \(getpid()) (receive)"), "\(r.stderr)")
        #expect(FileIO.exists(round + "/submissions/tv-01.r1.avs"))
    }

    /// Reading commands take a shared lock: they run beside another reader, and they never
    /// create the lock file in a folder they only read.
    @Test func readersShareTheLockAndCreateNoLockFile() throws {
        let f = try TamperFixture.get()
        let (cli, _, _) = try Self.scratch()
        defer { cli.cleanUp() }
        let round = cli.path("round")
        try Tree.copy(f.roundA, to: round)
        try? FileManager.default.removeItem(atPath: round + "/" + RoundLayout.lockFileName)
        let verify = ["verify", round, "--fingerprint", f.round.fingerprint.description]
        for arguments in [verify, ["status", "--round", round], ["round", "show", round]] {
            let r = try cli.run(arguments)
            #expect(r.exited(0), "\(r)")
            #expect(!FileIO.exists(round + "/" + RoundLayout.lockFileName), "\(arguments[0]) created the lock file")
        }
        let reader = try HeldLock(round, exclusive: false)
        defer { reader.release() }
        let r = try cli.run(verify, environment: ["AVAULT_LOCK_WAIT": "0"])
        #expect(r.exited(0) && !r.stderr.contains("Waiting"), "\(r)")
    }

    /// `AVAULT_LOCK_WAIT` is seconds from 0 to 3600, digits and one point; anything else is a
    /// usage error (64) before anything is done.
    @Test(arguments: ["", "abc", "1e3", "-1", "3601", "1.2.3", "0x10", " 5"])
    func badLockWaitIsAUsageError(value: String) throws {
        let (cli, _, _) = try Self.scratch()
        defer { cli.cleanUp() }
        let r = try cli.run(["status", "--round", cli.path("none")], environment: ["AVAULT_LOCK_WAIT": value])
        #expect(r.exited(64), "\(r)")
        #expect(r.stderr.contains("not a number of seconds from 0 to 3600"), "\(r.stderr)")
    }

    /// A second merge is refused (73, `merge.already-journaled`) and `results.avl` and
    /// `manifest.avm` stay byte for byte the merged ones; approvals still verify against them.
    @Test func secondMergeIsRefusedWithoutOverwriting() throws {
        let f = try TamperFixture.get()
        let (cli, _, secretary) = try Self.scratch()
        defer { cli.cleanUp() }
        let round = cli.path("round")
        try Tree.copy(f.received, to: round)
        let first = try cli.run(["merge", "--round", round, "--skip-explanation"] + secretary)
        #expect(first.exited(0), "\(first)")
        let merged = Self.state(round)
        let second = try cli.run(["merge", "--round", round, "--skip-explanation"] + secretary)
        #expect(second.exited(73), "\(second)")
        #expect(second.stderr.contains("already records a merge"), "\(second.stderr)")
        #expect(Self.state(round) == merged)
        #expect(try RoundVerifier.verify(roundDirectory: round).passed)
    }

    /// After the merge (and after the release) a submission or an evidence file is refused as a
    /// whole (65, `inbox.round-merged`, naming the manifest), before anything is moved or journaled.
    @Test func receiveAfterMergeOrReleaseIsRefused() throws {
        let f = try TamperFixture.get()
        let (cli, _, secretary) = try Self.scratch()
        defer { cli.cleanUp() }
        let merged = cli.path("merged")
        try Tree.copy(f.received, to: merged)
        #expect(try cli.run(["merge", "--round", merged, "--skip-explanation"] + secretary).exited(0))
        let released = cli.path("released")
        try Tree.copy(f.roundA, to: released)
        // A revision 2 of tv-08 for round A, and an evidence file of it.
        _ = try cli.write("bien-ban.txt", Array("biên bản".utf8))
        let sealed = try cli.run([
            "seal", f.a + "/worksheets/tv-08.csv", "--round", f.roundA + "/round.avr", "--key", "tv-08.key",
            "--passphrase-file", cli.path("pass.txt"), "--revision", "2", "-o", cli.path("tv-08.r2.avs"),
            "--attach", "bien-ban.txt",
        ])
        try #require(sealed.exited(0), "\(sealed)")
        for round in [merged, released] {
            let before = Self.state(round)
            for files in [[cli.path("tv-08.r2.avs")], [cli.path("tv-08.r2.e1.ave")]] {
                let r = try cli.run(["receive"] + files + ["--round", round] + secretary)
                #expect(r.exited(65), "\(r)")
                #expect(
                    r.stderr.contains("\(round): the round is merged (\(round)/manifest.avm)"), "\(r.stderr)")
                #expect(r.stderr.contains("avault round init"), "\(r.stderr)")
                #expect(Self.state(round) == before, "the refused receive changed \(round)")
            }
            #expect(try RoundVerifier.verify(roundDirectory: round).passed)
        }
    }

    /// An evidence file whose receive was cut off before its journal entry (the copy in
    /// `evidence/`, no entry) makes `verify` fail until the next receive completes it; a kill
    /// between a supersede's moves (new revision in, old one moved, its evidence not yet) is
    /// completed by the next merge, which moves the evidence to `superseded/`.
    @Test func interruptedEvidenceReceiveIsCompleted() throws {
        let s = try SubmissionCLITests()
        defer { s.cleanUp() }
        let dir = s.dir
        let secretary = ["--key", "keys/thu-ky.key", "--passphrase-file", "pass"]
        try s.initRound(worksheets: [1, 2])
        for i in [1, 2] {
            let (header, rows) = try s.readWorksheet(i)
            try s.writeWorksheet(i, header: header, rows: SubmissionCLITests.agreeing(rows))
        }
        try Data("biên bản".utf8).write(to: URL(fileURLWithPath: dir + "/members/a.txt"))
        func seal(_ i: Int, _ revision: Int, attach: Bool) throws {
            let r = try s.avault(
                [
                    "seal", "members/tv-0\(i).csv", "--round", "round/round.avr", "--key", "keys/tv-0\(i).key",
                    "--passphrase-file", "pass", "--revision", String(revision), "-o",
                    "members/tv-0\(i).r\(revision).avs",
                ] + (attach ? ["--attach", "members/a.txt"] : []))
            try #require(r.status == 0, "\(r.err)")
        }
        try seal(1, 1, attach: true)
        try seal(2, 1, attach: false)
        try #require(try s.avault(["receive", "members/tv-01.r1.avs", "--round", "round"] + secretary).status == 0)
        // The state a kill between the evidence copy and its journal entry leaves.
        try FileManager.default.createDirectory(atPath: dir + "/round/evidence", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: dir + "/members/tv-01.r1.e1.ave", toPath: dir + "/round/evidence/tv-01.r1.e1.ave")
        #expect(try s.avault(["verify", "round"]).status == 1)
        let next = try s.avault(["receive", "members/tv-02.r1.avs", "--round", "round"] + secretary)
        #expect(next.status == 0, "\(next.err)")
        #expect(next.out.contains("completed an interrupted receive: tv-01, revision 1"), "\(next.out)")
        let verified = try s.avault(["verify", "round"])
        #expect(verified.status == 0, "\(verified.out)")
        let again = try s.avault(["receive", "members/tv-01.r1.e1.ave", "--round", "round"] + secretary)
        #expect(again.status == 65 && again.err.contains("already received"), "\(again.err)")

        // A supersede cut off after moving the old revision, before moving its evidence.
        try seal(1, 2, attach: false)
        try FileManager.default.copyItem(
            atPath: dir + "/members/tv-01.r2.avs", toPath: dir + "/round/submissions/tv-01.r2.avs")
        try FileManager.default.createDirectory(atPath: dir + "/round/superseded", withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            atPath: dir + "/round/submissions/tv-01.r1.avs", toPath: dir + "/round/superseded/tv-01.r1.avs")
        #expect(try s.avault(["verify", "round"]).status == 1)
        let merged = try s.avault(["merge", "--round", "round", "--allow-incomplete", "--without-survey"] + secretary)
        #expect(merged.status == 0, "\(merged.err)")
        #expect(FileIO.exists(dir + "/round/superseded/tv-01.r1.e1.ave"))
        #expect(!FileIO.exists(dir + "/round/evidence/tv-01.r1.e1.ave"))
        let final = try s.avault(["verify", "round"])
        #expect(final.status == 0, "\(final.out)")
    }

    /// `extract` killed mid-way leaves `DIR/.avault-extract-XXXXXX/` with plaintext; the next run
    /// removes exactly such folders (six letters or digits after the prefix, a real folder, not a
    /// link), and leaves anything else in `DIR` alone.
    @Test func extractRemovesLeftoverStaging() throws {
        let s = try SubmissionCLITests()
        defer { s.cleanUp() }
        let dir = s.dir
        let fm = FileManager.default
        let secretary = ["--key", "keys/thu-ky.key", "--passphrase-file", "pass"]
        try s.initRound(worksheets: [1])
        let (header, rows) = try s.readWorksheet(1)
        try s.writeWorksheet(1, header: header, rows: SubmissionCLITests.agreeing(rows))
        try Data("biên bản".utf8).write(to: URL(fileURLWithPath: dir + "/members/a.txt"))
        let sealed = try s.avault(
            [
                "seal", "members/tv-01.csv", "--round", "round/round.avr", "--key", "keys/tv-01.key",
                "--passphrase-file", "pass", "-o", "members/tv-01.avs", "--attach", "members/a.txt",
            ])
        try #require(sealed.status == 0, "\(sealed.err)")
        try #require(
            try s.avault(["receive", "members/tv-01.avs", "members/tv-01.r1.e1.ave", "--round", "round"] + secretary)
                .status == 0)
        // What a killed extract leaves, and look-alikes that are not its own.
        let out = dir + "/out"
        let leftover = out + "/.avault-extract-Ab12Cd"
        try fm.createDirectory(atPath: leftover, withIntermediateDirectories: true)
        try Data("plaintext".utf8).write(to: URL(fileURLWithPath: leftover + "/1"))
        try Data("plain".utf8).write(to: URL(fileURLWithPath: leftover + "/.2.tmp-xYz123"))
        let others = [out + "/.avault-extract-keep-1", out + "/.avault-extract-Ab12C", out + "/avault-extract-Ab12Cd"]
        for other in others {
            try fm.createDirectory(atPath: other, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: other + "/1"))
        }
        try fm.createDirectory(atPath: dir + "/elsewhere", withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: dir + "/elsewhere/1"))
        try fm.createSymbolicLink(atPath: out + "/.avault-extract-Zz9Zz9", withDestinationPath: dir + "/elsewhere")

        let r = try s.avault(["extract", "--round", "round", "-o", "out"] + secretary)
        #expect(r.status == 0, "\(r.err)")
        #expect(!fm.fileExists(atPath: leftover), "the leftover staging folder is still there")
        for other in others { #expect(fm.fileExists(atPath: other + "/1"), "\(other) was touched") }
        #expect(fm.fileExists(atPath: dir + "/elsewhere/1"), "the link was followed")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/tv-01/r1/a.txt")) == Data("biên bản".utf8))
        #expect(
            try fm.contentsOfDirectory(atPath: out).filter { Evidence.isStagingName($0) } == [".avault-extract-Zz9Zz9"])
    }
}
