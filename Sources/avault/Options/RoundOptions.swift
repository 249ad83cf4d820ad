import AppraisalVault
import ArgumentParser

/// `--round`: a round folder, or (for members) the round's `round.avr` file.
struct RoundOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Terminal.localized(.sealHelpRound), valueName: "round"))
    var round: String

    @Option(help: ArgumentHelp(Terminal.localized(.helpRoundFingerprint), valueName: "fingerprint"))
    var fingerprint: String?

    /// The folder when `--round` names a folder, else the file's folder.
    var directory: String {
        FileIO.isDirectory(round) ? round : FileIO.split(round).directory
    }

    /// Reads and verifies the round definition, and checks `--fingerprint` when given.
    ///
    /// - Throws: ``CLIError`` `round.fingerprint-mismatch` (a forged or different round: stop).
    func load() throws -> RoundDefinition {
        let definition: RoundDefinition
        if FileIO.isDirectory(round) {
            definition = try RoundDefinition.load(roundDirectory: round)
        } else {
            definition = try RoundDefinition(parsing: try FileIO.read(round, maxBytes: RoundDefinition.maxHeaderLength + 4096), file: round)
        }
        if let fingerprint {
            guard let expected = Fingerprint(parsing: fingerprint) else {
                throw CLIError(.roundFingerprintUnreadable, [fingerprint])
            }
            guard expected == definition.fingerprint else {
                throw CLIError(
                    .roundFingerprintMismatch, [round, definition.fingerprint.description, expected.description],
                    hint: .hintFingerprintMismatch)
            }
        }
        return definition
    }
}

/// `--key` and the passphrase source, for commands that unlock a key.
struct KeyOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Terminal.localized(.helpKey), valueName: "key"))
    var key: String

    @OptionGroup var passphrase: PassphraseOptions

    /// Parses the key file (before asking anything), so a wrong file fails fast.
    func locked() throws -> KeyFile { try KeyFile.load(key) }

    /// Asks for the passphrase and unlocks.
    func unlock(_ file: KeyFile) throws -> SecretIdentity {
        try file.unlock(passphrase: passphrase.obtain(for: key))
    }
}
