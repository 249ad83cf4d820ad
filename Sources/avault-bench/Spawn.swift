import ArgumentParser
import Glibc

@testable import AppraisalVault

/// Runs a command as a child process and measures it: wall time around `posix_spawnp` …
/// `wait4`, user + system CPU from the child's `rusage` (its waited-for children included, so
/// `sh -c 'a && b'` counts both) and peak RSS from `/usr/bin/time`.
enum Spawn {
    /// Runs `argv` (`argv[0]` looked up on `PATH`) with standard output to `/dev/null`, the
    /// environment of this process plus `environment`. Throws when it cannot start or exits non-zero.
    ///
    /// Peak RSS comes from `/usr/bin/time` around the command when it is installed, and is nil
    /// otherwise: a child spawned straight from this process starts its `ru_maxrss` at this
    /// process's own peak (Linux records the old address space's high-water mark at `exec`), so
    /// `wait4` alone would report the benchmark's memory, not the command's.
    @discardableResult
    static func run(_ argv: [String], environment: [String: String] = [:]) throws -> Sample {
        let report = "/tmp/avault-bench-time-\(getpid()).txt"
        let timed = access(timeTool, X_OK) == 0
        defer { if timed { _ = unlink(report) } }
        var usage = rusage()
        let (seconds, status) = try spawn(
            timed ? [timeTool, "-f", "%M", "-o", report] + argv : argv, environment: environment, usage: &usage)
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw ValidationError("command failed (status \(status)): \(argv.joined(separator: " "))")
        }
        let cpu =
            Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
        let rss =
            timed
            ? String(decoding: Self.read(report), as: UTF8.self).split(separator: "\n").last.flatMap { Int($0) } : nil
        return Sample(seconds: seconds, cpu: cpu, rssKiB: rss)
    }

    static let timeTool = "/usr/bin/time"

    /// `posix_spawnp` … `wait4`: the wall seconds and the wait status; `usage` is the child's.
    private static func spawn(
        _ argv: [String], environment: [String: String], usage: inout rusage
    ) throws -> (Double, Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        let arguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        let variables: [UnsafeMutablePointer<CChar>?] = Self.environment(adding: environment).map { strdup($0) } + [nil]
        defer {
            for p in arguments + variables { free(p) }
        }
        var pid = pid_t()
        let start = Clock.now()
        let started = posix_spawnp(&pid, argv[0], &actions, nil, arguments, variables)
        guard started == 0 else {
            throw ValidationError("cannot run \(argv[0]): \(String(cString: strerror(started)))")
        }
        var status: Int32 = 0
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw ValidationError("wait4 failed for \(argv[0])") }
        }
        return (Clock.now() - start, status)
    }

    /// The bytes of a small file, `/proc` files included (their size reads as 0); empty if unreadable.
    static func read(_ path: String) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var bytes = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while bytes.count < 1 << 20 {
            let n = Glibc.read(fd, &buffer, buffer.count)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return bytes
    }

    /// `sh -c command`, measured as ``run(_:environment:)``.
    @discardableResult
    static func shell(_ command: String, environment: [String: String] = [:]) throws -> Sample {
        try run(["/bin/sh", "-c", command], environment: environment)
    }

    /// This process's environment (`/proc/self/environ`) with `extra` set over it.
    static func environment(adding extra: [String: String]) -> [String] {
        let bytes = read("/proc/self/environ")
        var result = bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        for (name, value) in extra.sorted(by: { $0.key < $1.key }) {
            result.removeAll { $0.hasPrefix(name + "=") }
            result.append(name + "=" + value)
        }
        return result
    }

    /// User + system CPU seconds of this process so far.
    static func selfCPU() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// Runs `body` in this process: wall and CPU seconds (no peak RSS: this process's own is
    /// cumulative over the whole run).
    static func inProcess(_ body: () throws -> Void) rethrows -> Sample {
        let cpu = selfCPU()
        let start = Clock.now()
        try body()
        return Sample(seconds: Clock.now() - start, cpu: selfCPU() - cpu, rssKiB: nil)
    }

    /// The 1-, 5- and 15-minute load averages (`/proc/loadavg`).
    static func loadAverage() -> [Double] {
        let bytes = read("/proc/loadavg")
        return String(decoding: bytes, as: UTF8.self).split(separator: " ").prefix(3).compactMap { Double($0) }
    }
}
