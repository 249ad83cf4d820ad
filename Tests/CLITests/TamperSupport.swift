import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// Two demo rounds made once per test process (in process, through ``DemoRound/run``), shared by
/// the tamper and crash suites, plus a pre-merge copy of round A (all eight submissions received,
/// the survey imported, nothing merged) built with the same library calls `avault receive` makes.
final class TamperFixture: @unchecked Sendable {
    /// The scratch folder holding everything below.
    let dir: String
    /// Demo folders A and B (each holds `round/`, `outbox/`, `approvals/`, `worksheets/`).
    let a: String, b: String
    /// The secretary's unlocked demo identity.
    let secretary: SecretIdentity
    /// Round A's definition.
    let round: RoundDefinition
    /// Round A received and its survey imported, not merged.
    let received: String
    /// Round A initialised only (round.avr + a journal with `round-init`).
    let initialised: String

    var roundA: String { a + "/round" }
    var roundB: String { b + "/round" }
    static let keys = CLI.root.path + "/keys"
    static let samples = CLI.root.path + "/samples"

    static let shared: Result<TamperFixture, any Error> = Result { try TamperFixture() }

    /// The shared fixture, or a test failure.
    static func get() throws -> TamperFixture { try shared.get() }

    private init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("avault-tamper-\(getpid())").path
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        a = dir + "/a"
        b = dir + "/b"
        for d in [a, b] { _ = try DemoRound.run(directory: d, samples: Self.samples, keys: Self.keys, log: { _ in }) }
        secretary = try DemoRound.unlock(Self.keys + "/thu-ky.key")
        round = try RoundDefinition.load(roundDirectory: a + "/round")
        initialised = dir + "/init"
        try FileIO.makeDirectory(initialised, mode: 0o755)
        try FileIO.writeAtomically(
            try FileIO.read(a + "/round/round.avr", maxBytes: 1 << 24), to: initialised + "/round.avr", mode: 0o644)
        try RoundJournal.append(
            roundDirectory: initialised, event: .roundInit, details: ["roundDefinition": .hex(round.fileHash)],
            secretary: secretary)
        received = dir + "/received"
        try Tree.copy(initialised, to: received)
        let inbox = Inbox(roundDirectory: received, roster: round.roster)
        for file in try outbox(a) { _ = try inbox.receive(file, secretary: secretary) }
        // The demo's survey scores into the round, as the demo does before its merge (spec §6.6).
        _ = try SurveyImport.run(
            roundDirectory: received, secretary: secretary, scores: DemoRound.surveyScores(for: round))
    }

    /// The sealed files of a demo folder, sorted.
    func outbox(_ demo: String) throws -> [String] {
        try FileIO.list(demo + "/outbox").map { demo + "/outbox/" + $0 }
    }

    /// A fresh scratch folder name under the fixture.
    func scratch(_ name: String) -> String {
        let p = dir + "/scratch-\(name)-\(UUID().uuidString.prefix(8))"
        return p
    }
}

/// File-tree helpers: copy, and a fingerprint (relative paths + BLAKE2b of each file).
enum Tree {
    static func copy(_ from: String, to: String) throws {
        try? FileManager.default.removeItem(atPath: to)
        try FileManager.default.copyItem(atPath: from, toPath: to)
    }

    /// `path → hash` for every regular file under `root` (names starting with `.` included).
    static func snapshot(_ root: String) -> [String: String] {
        var out = [String: String]()
        guard let e = FileManager.default.enumerator(atPath: root) else { return out }
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            let p = root + "/" + rel
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir), !isDir.boolValue else { continue }
            let bytes = (try? FileIO.read(p, maxBytes: 1 << 28)) ?? []
            out[rel] = Hex.encode(BLAKE2b.hash(bytes, outputLength: 16))
        }
        return out
    }

    /// Files whose name (last component) starts with `.`: temporary files of a killed writer
    /// (the round's lock file, spec §6.1, is not debris).
    static func debris(_ snapshot: [String: String]) -> [String] {
        snapshot.keys.filter {
            let name = $0.split(separator: "/").last ?? ""
            return name.hasPrefix(".") && name != RoundLayout.lockFileName
        }.sorted()
    }

    /// The snapshot without debris.
    static func clean(_ snapshot: [String: String]) -> [String: String] {
        snapshot.filter { !(($0.key.split(separator: "/").last ?? "").hasPrefix(".")) }
    }
}

/// A small deterministic generator (SplitMix64) so sampled positions are reproducible.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Single-byte flips and truncations of one artifact, and the tally of how each was judged.
struct Sweep: CustomStringConvertible {
    /// The artifact's label.
    let artifact: String
    /// Its size in bytes.
    let size: Int
    var flips = 0
    var truncations = 0
    var rejected = 0
    /// Mutations the reader accepted (a finding: should be empty).
    var accepted = [String]()
    /// Mutations that failed with something other than a ``AppraisalError``.
    var unclean = [String]()
    /// Mutations the library did not reject but the test's own guard stopped (a guard standing in
    /// for a command's check, or a sample budget): not counted as rejections.
    var guarded = [String]()

    var tried: Int { flips + truncations }
    var description: String {
        "\(artifact) (\(size) B): \(tried) tried (\(flips) flips, \(truncations) truncations), \(rejected) rejected by the library"
            + (guarded.isEmpty ? "" : ", \(guarded.count) stopped by a test guard (not counted)")
            + (accepted.isEmpty ? "" : ", ACCEPTED \(accepted.count): \(accepted.prefix(5))")
            + (unclean.isEmpty ? "" : ", UNCLEAN \(unclean.count): \(unclean.prefix(3))")
    }

    /// Full mode (`AVAULT_TAMPER_FULL=1`, `make tamper`): every position of a file ≤ 64 KiB,
    /// else the first 1 KiB, the last 256 B and random positions up to 10,000+. Fast mode: the
    /// first 64 B, the last 16 B and random positions up to `fastSample`.
    static var full: Bool { ProcessInfo.processInfo.environment["AVAULT_TAMPER_FULL"] == "1" }

    static func positions(_ n: Int, fastSample: Int, seed: UInt64) -> [Int] {
        var rng = SplitMix(state: seed)
        if full && n <= 64 << 10 { return Array(0..<n) }
        let (head, tail, total) = full ? (1024, 256, 10_000 + 1280) : (64, 16, fastSample)
        var set = Set(0..<min(head, n))
        set.formUnion(max(0, n - tail)..<n)
        while set.count < min(total, n) { set.insert(Int.random(in: 0..<n, using: &rng)) }
        return set.sorted()
    }

    /// Runs every mutation of `bytes` through `reader`; a mutation must make it throw a
    /// ``AppraisalError``.
    static func run(
        _ artifact: String, _ bytes: [UInt8], fastSample: Int = 200, seed: UInt64 = 1,
        reader: ([UInt8]) throws -> Void
    ) -> Sweep {
        var s = Sweep(artifact: artifact, size: bytes.count)
        func judge(_ label: String, _ m: [UInt8]) {
            do {
                try reader(m)
                s.accepted.append(label)
            } catch let g as GuardStop {
                s.guarded.append("\(label): \(g.reason)")
            } catch is any AppraisalError {
                s.rejected += 1
            } catch {
                s.unclean.append("\(label): \(error)")
            }
        }
        for p in positions(bytes.count, fastSample: fastSample, seed: seed) {
            var m = bytes
            m[p] ^= UInt8(1) << UInt8(p % 8)
            s.flips += 1
            judge("flip@\(p)", m)
        }
        for p in positions(bytes.count, fastSample: fastSample / 2, seed: seed &+ 7) {
            s.truncations += 1
            judge("cut@\(p)", Array(bytes.prefix(p)))
        }
        return s
    }
}

/// Thrown by a sweep's own checks (never by the library), so it is tallied apart from rejections.
struct GuardStop: Error {
    let reason: String
}

/// Prints a line to standard error (the figures for the closing note).
func tamperLog(_ line: String) {
    FileHandle.standardError.write(Data(("[tamper] " + line + "\n").utf8))
}
