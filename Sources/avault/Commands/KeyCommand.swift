import AppraisalVault
import ArgumentParser

/// `avault key …`: identity file inspection.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: Terminal.localized(.keyAbstract), subcommands: [Show.self, Check.self])

    /// `avault key show FILE`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: Terminal.localized(.keyShowAbstract))

        @Argument(help: ArgumentHelp(Terminal.localized(.keyShowHelpFile), valueName: "file"))
        var file: String

        func run() throws { try Self.run(file: file) }

        /// The command with its value (also called by ``FastArguments`` without building the
        /// command and its argument wrapper).
        static func run(file: String) throws {
            let read = try IdentityFile.read(file)
            let identity = read.identity
            let rows: [(MessageID, String)] = [
                (.labelID, identity.id),
                (.labelName, identity.name),
                (.labelRole, "\(identity.role.rawValue) (\(Terminal.localized(identity.role.displayName)))"),
                (.labelFingerprint, identity.fingerprint.description),
                (.labelCreated, identity.created),
                (.labelDemo, Terminal.localized(identity.isDemo ? .yes : .no)),
            ]
            let width = rows.map { Terminal.localized($0.0).count }.max() ?? 0
            for (label, value) in rows {
                let l = Terminal.localized(label)
                Terminal.out(l + String(repeating: " ", count: width - l.count) + "  " + value)
            }
            if read.isSecretKey { Terminal.say(.keyShowSecretNote) }
        }
    }

    /// `avault key check FILE [--passphrase-file P]`: unlocks a key file and reports success.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check", abstract: Terminal.localized(.keyCheckAbstract))

        @Argument(help: ArgumentHelp(Terminal.localized(.keyCheckHelpFile), valueName: "file"))
        var file: String

        @OptionGroup var passphrase: PassphraseOptions

        func run() throws {
            // Parse (and check permissions and KDF limits) before asking for the passphrase.
            let keyFile = try KeyFile.load(file)
            let secret = try keyFile.unlock(with: passphrase.obtain(for: file))
            Terminal.say(.keyCheckOK, [file, secret.identity.id, secret.identity.fingerprint.description])
        }
    }
}
