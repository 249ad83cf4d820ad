import AppraisalVault
import ArgumentParser

/// Where a passphrase comes from: `--passphrase-file`, else a no-echo prompt on the terminal.
/// There is deliberately no option that takes the passphrase itself (it would show in `ps`).
struct PassphraseOptions: ParsableArguments {
    @Option(
        name: .customLong("passphrase-file"),
        help: ArgumentHelp(Terminal.localized(.helpPassphraseFile), valueName: "path"))
    var file: String?

    /// Gets the passphrase for `label`, asking twice on a terminal when `confirm` is set.
    ///
    /// - Throws: ``CLIError`` `passphrase.missing` when there is neither a file nor a terminal,
    ///   `passphrase.mismatch` when the two entries differ.
    func obtain(for label: String, confirm: Bool = false) throws -> Passphrase {
        if let file { return try Passphrase(file: file) }
        guard let first = try Terminal.promptPassphrase(Terminal.localized(.passphrasePrompt, [label])) else {
            throw CLIError(.passphraseMissing, hint: .hintPassphraseFile)
        }
        if confirm {
            guard let second = try Terminal.promptPassphrase(Terminal.localized(.passphrasePromptAgain)) else {
                throw CLIError(.passphraseMissing, hint: .hintPassphraseFile)
            }
            guard first == second else { throw CLIError(.passphraseMismatch) }
        }
        return first
    }
}
