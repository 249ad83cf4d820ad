import AppraisalVault
import ArgumentParser

/// `--round`: a round folder, or (for members) the round's `round.avr` file.
struct RoundOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Terminal.localized(.sealHelpRound), valueName: "round"))
    var round: String

    /// The folder when `--round` names a folder, else the file's folder.
    var directory: String {
        FileIO.isDirectory(round) ? round : FileIO.split(round).directory
    }

    /// Reads and verifies the round definition.
    func load() throws(VaultError) -> RoundDefinition {
        if FileIO.isDirectory(round) { return try RoundDefinition.load(roundDirectory: round) }
        return try RoundDefinition(parsing: try FileIO.read(round, maxBytes: RoundDefinition.maxHeaderLength + 4096), file: round)
    }
}

/// `--key` and the passphrase source, for commands that unlock a key.
struct KeyOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Terminal.localized(.helpKey), valueName: "key"))
    var key: String

    @OptionGroup var passphrase: PassphraseOptions

    /// Parses the key file (before asking anything), so a wrong file fails fast.
    func locked() throws(VaultError) -> KeyFile { try KeyFile.load(key) }

    /// Asks for the passphrase and unlocks.
    func unlock(_ file: KeyFile) throws(VaultError) -> SecretIdentity {
        try file.unlock(passphrase: passphrase.obtain(for: key))
    }
}
