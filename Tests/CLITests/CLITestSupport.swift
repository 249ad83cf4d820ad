import Foundation
import Testing

/// The outcome of one run of the real `avault` binary.
struct CLIResult: CustomStringConvertible {
    let reason: Process.TerminationReason
    let status: Int32
    let stdout: String
    let stderr: String

    /// True when the process exited by itself (not by a signal) with `expected`.
    func exited(_ expected: Int32) -> Bool { reason == .exit && status == expected }

    var description: String { "reason \(reason.rawValue) status \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
}

/// Runs the `avault` binary built with these tests, with a scratch folder per test.
struct CLI {
    /// The package root, found from this file's path (Tests/CLITests/…).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// `avault` next to the running test bundle (`.build/<triple>/debug` or `…/release`), so a
    /// release test run (`make test-large`) drives the release binary; `AVAULT_CLI_BINARY` names
    /// another build of the same sources to drive instead (`make test-release-binary`: the static
    /// executable that `make release` ships).
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["AVAULT_CLI_BINARY"], !path.isEmpty { return path }
        let bundle =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("avault").path
    }()

    /// A fresh temporary folder, removed by ``cleanUp()``.
    let dir: String

    init() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: CLI.binary), "build first: swift build (make test does)")
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("avault-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(
            atPath: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: dir) }

    /// `dir/name`.
    func path(_ name: String) -> String { dir + "/" + name }

    /// Writes a file with the given mode.
    func write(_ name: String, _ bytes: [UInt8], mode: Int = 0o600) throws -> String {
        let p = path(name)
        try? FileManager.default.removeItem(atPath: p)
        #expect(FileManager.default.createFile(atPath: p, contents: Data(bytes), attributes: [.posixPermissions: mode]))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: p)
        return p
    }

    /// Reads a file.
    func read(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path(name)))) }

    /// Runs avault with `arguments`, standard input from /dev/null and a clean environment in `language`;
    /// journal pins (spec §11.1) go to `dir/state` (`XDG_STATE_HOME`), never to the real home.
    ///
    /// With `detached`, the process runs under `setsid -w`, in a new session without a controlling
    /// terminal, so `/dev/tty` cannot be opened.
    /// `environment` adds to (or overrides) that clean environment. `executable` runs another
    /// program (e.g. `script`, which runs avault on a pseudo-terminal) in the same environment.
    func run(
        _ arguments: [String], language: String = "en_US.UTF-8", detached: Bool = false,
        environment: [String: String] = [:], executable: String? = nil
    ) throws -> CLIResult {
        let process = Process()
        if let executable {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else if detached {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
            process.arguments = ["-w", CLI.binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = arguments
        }
        process.environment = [
            "PATH": "/usr/bin:/bin", "LANG": language, "HOME": dir, "XDG_STATE_HOME": FileIOPaths.state(of: dir),
        ].merging(environment) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read stderr on another thread so neither pipe can fill up and block the child.
        let errBox = DataBox()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return CLIResult(
            reason: process.terminationReason, status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes a passphrase file (mode 600) and returns its path.
    func passphraseFile(_ words: String, name: String = "pass.txt") throws -> String {
        try write(name, Array((words + "\n").utf8))
    }

    /// Runs keygen with interactive Argon2id limits and returns the result.
    func keygen(id: String, name: String = "Nguyễn Thị Lan", passphrase: String = "đúng rồi") throws -> CLIResult {
        let file = try passphraseFile(passphrase, name: "\(id).pass")
        return try run([
            "keygen", "--id", id, "--name", name, "--role", "member", "--out", dir, "--kdf", "interactive",
            "--passphrase-file", file,
        ])
    }
}

/// Holds data produced on another thread; the semaphore orders the write before the read.
final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// Where the binary run by the tests keeps its journal pins.
enum FileIOPaths {
    /// `XDG_STATE_HOME` for a test folder: `dir/state`.
    static func state(of dir: String) -> String { dir + "/state" }
}
