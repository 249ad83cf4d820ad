import AppraisalVault
import ArgumentParser
import Glibc

/// `-o -`: the output goes to standard output (the library writes it there, ``FileIO/standardOutput``),
/// and the command's own lines move to standard error so they never mix with the data.
enum StandardOutput {
    /// What a command writes to its output.
    enum Content {
        /// Text that is no secret (a CSV worksheet): shown on a terminal as asked.
        case text
        /// Bytes for a program, not a screen (a sealed file, an XLSX worksheet): never to a terminal.
        case binary
        /// Decrypted results: to a terminal only when asked (`--to-terminal`).
        case decrypted
    }

    /// Claims standard output for `out` when it is `-`, refusing a terminal as `content` requires.
    ///
    /// - Returns: the name to show for the output: `out`, or "standard output".
    /// - Throws: ``CLIError`` `output.terminal-decrypted` or `output.terminal-binary`.
    @discardableResult
    static func claim(_ out: String?, content: Content, toTerminal: Bool = false) throws -> String? {
        guard let out, out == FileIO.standardOutput else { return out }
        if isatty(STDOUT_FILENO) == 1 {
            switch content {
            case .text: break
            case .binary: throw CLIError(.outputTerminalBinary, hint: .outputTerminalHint)
            case .decrypted where !toTerminal:
                throw CLIError(.outputTerminalDecrypted, hint: .outputTerminalDecryptedHint)
            case .decrypted: break
            }
        }
        Terminal.messagesToStandardError = true
        return Terminal.localized(.outputStandardOutput)
    }

    /// Refuses `-` for an output that is a folder.
    ///
    /// - Throws: ``CLIError`` `output.folder-not-stdout`.
    static func refuseForFolder(_ out: String?) throws {
        if out == FileIO.standardOutput { throw CLIError(.outputFolderNotStandardOutput) }
    }
}

/// `--to-terminal`: decrypted output (`-o -`) may appear on the screen.
struct ToTerminalOption: ParsableArguments {
    @Flag(help: ArgumentHelp(Terminal.localized(.outputHelpToTerminal)))
    var toTerminal = false
}
