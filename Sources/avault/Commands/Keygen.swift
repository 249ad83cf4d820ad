import AppraisalVault
import ArgumentParser
import VaultCrypto

/// `avault keygen`: makes an identity and writes `ID.key` and `ID.pub`.
struct Keygen: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Terminal.localized(.keygenAbstract))

    @Option(help: ArgumentHelp(Terminal.localized(.keygenHelpID)))
    var id: String

    @Option(help: ArgumentHelp(Terminal.localized(.keygenHelpName)))
    var name: String

    @Option(help: ArgumentHelp(Terminal.localized(.keygenHelpRole)))
    var role: Role

    @Option(help: ArgumentHelp(Terminal.localized(.keygenHelpOut), valueName: "dir"))
    var out: String = "."

    @Option(help: ArgumentHelp(Terminal.localized(.keygenHelpKDF), valueName: "level"))
    var kdf: String = "moderate"

    @Flag(help: ArgumentHelp(Terminal.localized(.keygenHelpDemo)))
    var demo = false

    @OptionGroup var passphrase: PassphraseOptions

    func run() throws {
        let limits: Argon2id.Limits
        switch kdf {
        case "moderate": limits = .moderate
        case "sensitive": limits = .sensitive
        case "interactive": limits = .interactive
        default: throw CLIError(.keygenBadKDF, [kdf])
        }
        guard Identifier.isValid(id) else { throw CLIError(.identityBadID, [id]) }
        let keyPath = FileIO.join(out, "\(id).key")
        let pubPath = FileIO.join(out, "\(id).pub")
        // Refuse before asking for a passphrase: nothing is ever overwritten.
        for path in [keyPath, pubPath] { try FileIO.refuseExisting(path) }
        let secret = try SecretIdentity.generate(id: id, name: name, role: role, isDemo: demo)
        let pass = try passphrase.obtain(for: keyPath, confirm: true)
        let keyFile = try secret.keyFile(passphrase: pass, limits: limits)
        let pubFile = try secret.publicFile()
        try FileIO.writeAtomically(keyFile, to: keyPath, mode: 0o600)
        do {
            try FileIO.writeAtomically(pubFile, to: pubPath, mode: 0o644)
        } catch {
            try? FileIO.remove(keyPath)  // all or nothing
            throw error
        }
        Terminal.say(.keygenWrote, [keyPath, pubPath])
        Terminal.say(.keygenFingerprintLine, [secret.identity.fingerprint.description])
    }
}
