import Foundation
import PropertyBased
import VaultCrypto

@testable import AppraisalVault
@testable import avault

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
}

/// An error's words, rendered by the CLI's catalog (the library holds none).
struct RenderedError {
    let error: any Error

    /// The catalog message of the error.
    var message: MessageID? {
        if let e = error as? any AppraisalError { return MessageID(rawValue: e.messageID) }
        return (error as? CLIError)?.message
    }
    /// The error's facts, rendered, in message order.
    var arguments: [String] { (error as? any AppraisalError)?.context.arguments ?? [] }
    /// The error line in `language`.
    func render(in language: Language) -> String { Terminal.text(of: error, in: language).error }
}

/// An error's hint, rendered by the CLI's catalog.
struct RenderedHint {
    let error: any Error
    /// The hint line in `language`.
    func render(in language: Language) -> String { Terminal.text(of: error, in: language).hint ?? "" }
}

extension Error {
    /// The error's words (see ``RenderedError``).
    var text: RenderedError { RenderedError(error: self) }
    /// The error's hint, if it has one.
    var hint: RenderedHint? { Terminal.text(of: self, in: .english).hint == nil ? nil : RenderedHint(error: self) }
    /// The exit status the CLI gives the error.
    var status: ExitStatus { ExitStatus.of(self) }
    /// The catalog message of the error, if it is a library or CLI error.
    var code: MessageID? { text.message }
    /// The English rendering, as users read it.
    var description: String { english }
    /// The English rendering, as users read it.
    var english: String { Terminal.text(of: self, in: .english).error }
}

extension Notice {
    /// The notice's catalog message.
    var message: MessageID? { MessageID(rawValue: messageID) }
    /// The notice in `language`.
    func render(in language: Language) -> String { Terminal.text(self, in: language) }
}

extension MessageID {
    /// The message id.
    var id: String { rawValue }
}

extension MessageID {
    /// The highest placeholder of each text.
    var argumentCount: (vietnamese: Int, english: Int) {
        (MessageID.placeholders(vietnamese).max() ?? 0, MessageID.placeholders(english).max() ?? 0)
    }
    /// The release area: `release.*` and its hints.
    static var releaseMessages: [MessageID] {
        allCases.filter { $0.rawValue.hasPrefix("release.") || $0.rawValue.hasPrefix("hint.release-") }
    }
    /// The approval area: approvals, the token, the locked results and their hints.
    static var approvalMessages: [MessageID] {
        allCases.filter { m in
            ["approval.", "token.", "results.", "hint.approval-", "hint.token-"].contains { m.rawValue.hasPrefix($0) }
        }
    }
}

extension InputProblems {
    /// True when a problem with the catalog message `message` was found.
    func contains(_ message: MessageID) -> Bool { contains(message.rawValue) }
}

extension ErrorHint {
    /// The hint's catalog message.
    var message: MessageID? { MessageID(rawValue: messageID) }
}
