import Foundation
import Glibc
import Testing
import VaultCrypto

@testable import AppraisalVault

/// Crash safety (threat model S10, docs/threat-model.md): `avault` is SIGKILLed at a random moment of `seal`, `receive`,
/// `merge` and `release combine`; afterwards the folder it writes to is either exactly as before
/// (file list and hashes, leaving out `.NAME.tmp-*` temporary files, which every reader ignores,
/// spec §6.1) or complete, and `avault verify` passes on the round folder.
///
/// Trials per command: `AVAULT_CRASH_TRIALS` (`make crash`: 30), else 2. The delay is uniform
/// from 1 ms to the command's measured normal duration on even trials, and from 70 % to 100 % of
/// it on odd trials (the end of a run, where the writes are; the start is mostly Argon2id).
@Suite("Crash safety", .serialized)
struct CrashTests {
    static var trials: Int { Int(ProcessInfo.processInfo.environment["AVAULT_CRASH_TRIALS"] ?? "") ?? 2 }

    /// One command under test.
    struct Target {
        let name: String
        /// The folder before the command (copied for each trial).
        let before: String
        /// The folder the command writes to (inside the trial copy `w`).
        let arguments: (_ w: String) -> [String]
        /// True when the command's effect is complete in `w`.
        let complete: (_ w: String) throws -> Bool
        /// The round folder to verify (inside the trial copy `w`); nil for seal (no round change).
        let roundFolder: (_ w: String) -> String?
    }

    @Test func killedCommandsLeaveOldOrNewState() throws {
        let f = try TamperFixture.get()
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try cli.passphraseFile(DemoRound.passphrase)
        for id in ["thu-ky", "tv-08"] {
            _ = try cli.write("\(id).key", try FileIO.read(TamperFixture.keys + "/\(id).key", maxBytes: 1 << 16))
        }
        let round = f.round
        let outboxFile = f.a + "/outbox/tv-08.r1.avs"
        let outboxHash = BLAKE2b.hash(try FileIO.read(outboxFile, maxBytes: 1 << 24), outputLength: 32)

        // States to start from.
        let sealBefore = cli.path("seal-before")
        try FileIO.makeDirectory(sealBefore, mode: 0o755)
        try FileIO.writeAtomically(
            try FileIO.read(f.roundA + "/round.avr", maxBytes: 1 << 24), to: sealBefore + "/round.avr")
        try FileIO.writeAtomically(
            try FileIO.read(f.a + "/worksheets/tv-08.csv", maxBytes: 1 << 24), to: sealBefore + "/tv-08.csv",
            mode: 0o600)
        let unreleased = cli.path("unreleased")
        try Tree.copy(f.roundA, to: unreleased)
        try FileManager.default.removeItem(atPath: unreleased + "/approvals")
        try FileManager.default.removeItem(atPath: unreleased + "/release-token.avt")
        func passes(_ w: String) throws -> Bool { try RoundVerifier.verify(roundDirectory: w).passed }

        let targets = [
            Target(
                name: "seal", before: sealBefore,
                arguments: { w in
                    [
                        "seal", w + "/tv-08.csv", "--round", w + "/round.avr", "--key", "tv-08.key",
                        "--passphrase-file", pass, "-o", w + "/tv-08.r1.avs",
                    ]
                },
                complete: { w in
                    guard FileIO.exists(w + "/tv-08.r1.avs") else { return false }
                    let e = try SealedEnvelope(
                        parsing: try FileIO.read(w + "/tv-08.r1.avs", maxBytes: 1 << 24), expecting: .submission,
                        file: "s")
                    return try round.roster.authorize(e).id == "tv-08"
                },
                roundFolder: { _ in nil }),
            Target(
                name: "receive", before: f.initialised,
                arguments: { w in
                    ["receive", outboxFile, "--round", w, "--key", "thu-ky.key", "--passphrase-file", pass]
                },
                complete: { w in
                    guard FileIO.exists(w + "/submissions/tv-08.r1.avs") else { return false }
                    let hash = BLAKE2b.hash(
                        try FileIO.read(w + "/submissions/tv-08.r1.avs", maxBytes: 1 << 24), outputLength: 32)
                    let j = try RoundJournal.load(
                        roundDirectory: w, secretaryKey: round.secretary.signingKey, roundHash: round.fileHash)
                    return hash == outboxHash && j.entries.last?.event == "receive"
                },
                roundFolder: { $0 }),
            Target(
                name: "merge", before: f.received,
                // The fixture's round has unit keys and no preliminary merge: merged without it.
                arguments: { w in
                    ["merge", "--round", w, "--key", "thu-ky.key", "--passphrase-file", pass, "--skip-explanation"]
                },
                complete: { w in
                    let j = try RoundJournal.load(
                        roundDirectory: w, secretaryKey: round.secretary.signingKey, roundHash: round.fileHash)
                    return FileIO.exists(w + "/manifest.avm") && FileIO.exists(w + "/results.avl")
                        && j.entries.last?.event == "merge"
                },
                roundFolder: { $0 }),
            Target(
                name: "release combine", before: unreleased,
                arguments: { w in
                    [
                        "release", "combine", f.roundA + "/approvals/chu-tich.ava",
                        f.roundA + "/approvals/pho-chu-tich.ava", "--round", w,
                    ]
                },
                complete: { w in
                    FileIO.exists(w + "/release-token.avt") && FileIO.exists(w + "/approvals/chu-tich.ava")
                        && FileIO.exists(w + "/approvals/pho-chu-tich.ava")
                },
                roundFolder: { $0 }),
        ]

        var rng = SplitMix(
            state: UInt64(ProcessInfo.processInfo.environment["AVAULT_CRASH_SEED"] ?? "")
                ?? UInt64(Date().timeIntervalSince1970))
        var summary = [String]()
        for t in targets {
            // Calibrate: the median of three normal runs (one in fast mode), each complete.
            var durations = [Double]()
            for _ in 0..<(Self.trials > 2 ? 3 : 1) {
                let calib = cli.path("calib")
                try Tree.copy(t.before, to: calib)
                let start = Date()
                // Each run is a copy of the same round: each gets its own pin folder (spec §11.1).
                let normal = try cli.run(t.arguments(calib), environment: Self.state(calib))
                durations.append(Date().timeIntervalSince(start))
                #expect(normal.exited(0), "\(t.name): \(normal)")
                #expect(try t.complete(calib), "\(t.name) did not complete normally")
                if let r = t.roundFolder(calib) { #expect(try passes(r), "\(t.name): verify after a normal run") }
                try? FileManager.default.removeItem(atPath: calib)
                try? FileManager.default.removeItem(atPath: Self.state(calib)["XDG_STATE_HOME"]!)
            }
            let duration = durations.sorted()[durations.count / 2]

            var counts = ["before": 0, "complete": 0, "finished": 0, "other": 0]
            var debris = 0
            var verifyFailed = 0
            let beforeSnapshot = Tree.clean(Tree.snapshot(t.before))
            for i in 0..<Self.trials {
                let w = cli.path("trial")
                try Tree.copy(t.before, to: w)
                defer {
                    try? FileManager.default.removeItem(atPath: w)
                    try? FileManager.default.removeItem(atPath: Self.state(w)["XDG_STATE_HOME"]!)
                }
                let low = i % 2 == 0 ? 0.001 : 0.7 * duration
                let delay = Double.random(in: low...max(low + 0.001, duration), using: &rng)
                let status = try Self.runAndKill(t.arguments(w), in: cli.dir, state: Self.state(w), after: delay)
                let snapshot = Tree.snapshot(w)
                debris += Tree.debris(snapshot).count
                let state: String
                if Tree.clean(snapshot) == beforeSnapshot {
                    state = "before"
                } else if (try? t.complete(w)) == true {
                    state = status == nil ? "complete" : "finished"
                } else {
                    state = "other"
                }
                counts[state, default: 0] += 1
                let report = try t.roundFolder(w).map { try RoundVerifier.verify(roundDirectory: $0) }
                if report?.passed == false { verifyFailed += 1 }
                let what = "\(t.name) killed after \(Int(delay * 1000)) ms (\(state))"
                if state == "other" {
                    // receive, merge and combine change several directory entries one after the other
                    // (file, journal; results, manifest, journal; approvals, token). A kill between
                    // them leaves an intermediate state that verify rightly fails; running the
                    // command again must complete it (spec §6.2 / §6.5 "interrupted" rules).
                    let rerun = try cli.run(t.arguments(w), environment: Self.state(w))
                    #expect(
                        (try? t.complete(w)) == true,
                        "\(what): running it again did not complete: \(Tree.clean(Tree.snapshot(w)).keys.sorted()) \(rerun)"
                    )
                    let again = try t.roundFolder(w).map { try RoundVerifier.verify(roundDirectory: $0) }
                    #expect(
                        again?.passed != false,
                        "\(what): verify failed after completing: \(again?.failures.map { $0.id + " " + $0.subject } ?? [])"
                    )
                    counts["completed on re-run", default: 0] += 1
                } else {
                    // Before or complete: verify must pass as it is.
                    #expect(
                        report?.passed != false,
                        "\(what): verify failed: \(report?.failures.map { $0.id + " " + $0.subject } ?? [])")
                }
            }
            let line =
                "\(t.name): \(Self.trials) trials (normal run \(Int(duration * 1000)) ms): \(counts["before"]!) before, "
                + "\(counts["complete"]!) complete, \(counts["finished"]!) finished before the kill, \(counts["other"]!) intermediate "
                + "(\(counts["completed on re-run", default: 0]) completed by running the command again); "
                + "\(debris) temporary files left (ignored by every reader); verify failed on \(verifyFailed)"
            summary.append(line)
            tamperLog("crash " + line)
        }
    }

    /// The pin folder of the runs on the trial copy `w`: `w.state`, beside it.
    static func state(_ w: String) -> [String: String] { ["XDG_STATE_HOME": w + ".state"] }

    /// Starts avault with `arguments` in `directory` and SIGKILLs it after `delay` seconds.
    /// Returns nil when it was killed, else its exit status (it finished first).
    static func runAndKill(
        _ arguments: [String], in directory: String, state: [String: String], after delay: Double
    ) throws -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.environment = [
            "PATH": "/usr/bin:/bin", "LANG": "en_US.UTF-8", "HOME": directory,
        ].merging(state) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        usleep(useconds_t(delay * 1_000_000))
        let killed = process.isRunning && kill(process.processIdentifier, SIGKILL) == 0
        process.waitUntilExit()
        if killed && process.terminationReason == .uncaughtSignal { return nil }
        return process.terminationStatus
    }
}
