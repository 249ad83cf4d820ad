import ArgumentParser
import Glibc
import VaultCrypto

@testable import AppraisalVault

/// Shared helpers for the benchmarks that run peers (`age`, `minisign`) side by side.
enum BenchSupport {
    /// Fixed demo identities (no Argon2id; never real keys).
    static func identity(_ id: String, _ role: Role) throws -> SecretIdentity {
        try SecretIdentity.generate(
            id: id, name: "Bench \(id)", role: role, isDemo: true, created: SyntheticRound.created,
            using: DeterministicRandom(seed: "avault bench \(id)"))
    }

    static let round = [UInt8](repeating: 7, count: 32)

    /// This executable's path (for subprocess runs under `/usr/bin/time -v`).
    static var executable: String {
        var buffer = [Int8](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return n > 0 ? String(cString: Array(buffer[0..<n]) + [0]) : "avault-bench"
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences("'", "'\\''") + "'" }

    /// Runs `command` with `sh -c`; returns wall seconds. Throws on a non-zero status.
    @discardableResult
    static func shell(_ command: String) throws -> Double {
        let start = Clock.now()
        let status = system(command)
        let elapsed = Clock.now() - start
        guard status == 0 else { throw ValidationError("command failed (\(status)): \(command)") }
        return elapsed
    }

    /// Runs `command` under `/usr/bin/time -v`: wall seconds and peak RSS in KiB.
    static func timed(_ command: String, scratch: String) throws -> (seconds: Double, rssKiB: Int) {
        let report = scratch + "/time.txt"
        let seconds = try shell("/usr/bin/time -v -o \(quote(report)) sh -c \(quote(command)) >/dev/null")
        let text = (try? FileIO.read(report, maxBytes: 1 << 20)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let rss =
            text.split(separator: "\n").first { $0.contains("Maximum resident set size") }
            .flatMap { $0.split(separator: ":").last.flatMap { Int($0.filter(\.isNumber)) } } ?? 0
        return (seconds, rss)
    }

    /// Whether `tool` is an executable file in a `PATH` folder.
    static func have(_ tool: String) -> Bool {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { access("\($0)/\(tool)", X_OK) == 0 }
    }

    /// Says which peers are missing (their rows are left out); `make bench` installs them.
    static func note(missing tools: [String]) {
        let missing = tools.filter { !have($0) }
        guard !missing.isEmpty else { return }
        out("Not on PATH: \(missing.joined(separator: ", ")); their rows are left out (`make bench` installs them).")
    }

    /// Removes `path` and, if it is a folder, everything under it (symbolic links are removed,
    /// never followed). Best effort: a scratch folder left behind is not an error.
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            for name in (try? FileIO.list(path)) ?? [] { removeTree(path + "/" + name) }
            _ = rmdir(path)
        } else {
            _ = unlink(path)
        }
    }

    /// Removes the entries of `folder` whose names start with one of `prefixes`.
    static func remove(in folder: String, prefixes: [String]) {
        for name in (try? FileIO.list(folder)) ?? [] where prefixes.contains(where: { name.hasPrefix($0) }) {
            removeTree(folder + "/" + name)
        }
    }

    /// A scratch folder on disk (not tmpfs) under `parent`.
    static func scratch(in parent: String) throws -> String {
        var template = Array("\(parent)/avault-bench-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ValidationError("cannot create a scratch folder in \(parent)")
        }
        return String(cString: made)
    }

    static func mbps(_ bytes: Int, _ seconds: Double) -> String {
        seconds > 0 ? "\(Int(Double(bytes) / seconds / 1e6))" : "-"
    }
    static func ratio(_ x: Double) -> String { "\(Double(Int(x * 100)) / 100)×" }
    static func mib(_ kib: Int) -> String { "\(Double(kib * 10 / 1024) / 10) MiB" }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
