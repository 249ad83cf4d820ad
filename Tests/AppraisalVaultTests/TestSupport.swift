import Foundation
import PropertyBased
import VaultCrypto

@testable import AppraisalVault

/// `data` with the byte at `index` XORed with `mask`.
func flipped(_ data: [UInt8], at index: Int, mask: UInt8 = 0x01) -> [UInt8] {
    var out = data
    out[index] ^= mask
    return out
}

/// The UTF-8 bytes of `text`.
func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Runs `body` and returns the ``AppraisalError`` it throws, or nil when it succeeds.
func vaultError<R>(_ body: () throws -> R) -> (any Error)? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// A passphrase in secret memory (tests only; the tool reads passphrases straight into secret memory).
func passphrase(_ text: String) -> SecretBytes {
    try! SecretBytes(copying: Array(text.utf8))
}

/// Fixed test identity inputs: the name arrives decomposed (NFD), as some keyboards send it.
enum Fixture {
    static let created = "2026-01-15T08:00:00Z"
    /// "Nguyễn Thị Lan" in NFD: e + U+0302 + U+0303, i + U+0323.
    static let nameNFD = "Nguye\u{0302}\u{0303}n Thi\u{0323} Lan"
    static let nameNFC = "Nguy\u{1EC5}n Th\u{1ECB} Lan"

    /// A deterministic identity made from `seed`.
    static func identity(seed: String, id: String = "tv-test", name: String = nameNFD, role: Role = .member)
        -> SecretIdentity
    {
        try! SecretIdentity.generate(
            id: id, name: name, role: role, isDemo: true, created: created, using: DeterministicRandom(seed: seed))
    }
}

/// Runs `python3 -c script` with `input` on standard input and returns its standard output.
func runPython(_ script: String, input: [UInt8]) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    // Write from another thread so a large input cannot deadlock against a full output pipe.
    let writer = stdin.fileHandleForWriting
    let data = Data(input)
    Thread.detachNewThread {
        writer.write(data)
        try? writer.close()
    }
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
        throw PythonFailed(status: process.terminationStatus)
    }
    return Array(output)
}

/// python3 exited with a failure.
struct PythonFailed: Error {
    let status: Int32
}

extension Error {
    /// The message id of a library error (e.g. `inbox.wrong-round`), else the error's description.
    var errorID: String { (self as? any AppraisalError)?.messageID ?? String(describing: self) }
    /// The message id of a library error, nil for any other error.
    var code: String? { (self as? any AppraisalError)?.messageID }
    /// The facts of a library error, rendered, in message order.
    var arguments: [String] { (self as? any AppraisalError)?.context.arguments ?? [] }
    /// The message id of a library error's hint.
    var hintID: String? { (self as? any AppraisalError)?.hint?.messageID }
    /// The error for test failures: a library error's code and facts.
    var description: String { String(describing: self) }
}
