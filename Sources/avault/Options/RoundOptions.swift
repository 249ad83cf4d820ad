import AppraisalVault
import ArgumentParser

/// `--round`: a round folder, or (for members) the round's `round.avr` file.
struct RoundOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Terminal.localized(.sealHelpRound), valueName: "round"))
    var round: String

    @Option(help: ArgumentHelp(Terminal.localized(.helpRoundFingerprint), valueName: "fingerprint"))
    var fingerprint: String?

    /// The folder when `--round` names a folder, else the file's folder.
    var directory: String { Self.directory(of: round) }

    /// Reads and verifies the round definition, and checks `--fingerprint` when given.
    func load() throws -> RoundDefinition { try Self.load(round, fingerprint: fingerprint) }

    /// ``directory`` for the `--round` value `round`.
    static func directory(of round: String) -> String { RoundLayout(folderOrDefinition: round).directory }

    /// ``load()`` for the values of `--round` and `--fingerprint`.
    static func load(_ round: String, fingerprint: String?) throws -> RoundDefinition {
        try RoundDefinition.load(folderOrFile: round, expectedFingerprint: fingerprint)
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
        try file.unlock(with: passphrase.obtain(for: key))
    }

    /// Parses the key file, asks for the passphrase and unlocks.
    func unlocked() throws -> SecretIdentity { try unlock(locked()) }
}
