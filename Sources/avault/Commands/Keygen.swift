import AppraisalVault
import ArgumentParser

/// `avault keygen`: makes an identity and writes `ID.key` and `ID.pub`.
struct Keygen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen", abstract: Terminal.localized(.keygenAbstract))

    @Option(help: ArgumentHelp(Terminal.localized(.keygenHelpID)))
    var id: String

    @Option(help: ArgumentHelp(Terminal.localized(.keygenHelpName)))
    var name: String

    @Option(help: ArgumentHelp(Terminal.localized(.keygenHelpRole)))
    var role: Role

    @Option(help: ArgumentHelp(Terminal.localized(.keygenHelpOut), valueName: "dir"))
    var out: String = "."

    @Option(help: ArgumentHelp(Terminal.localized(.keygenHelpKDF), valueName: "level"))
    var kdf: KeyStrength = .moderate

    @Flag(help: ArgumentHelp(Terminal.localized(.keygenHelpDemo)))
    var demo = false

    @OptionGroup var passphrase: PassphraseOptions

    func run() throws {
        try StandardOutput.refuseForFolder(out)
        let made = try NewIdentity.create(id: id, name: name, role: role, isDemo: demo, in: out, strength: kdf) {
            (keyPath) throws in
            let chosen = try passphrase.obtain(for: keyPath, confirm: true)
            // A warning only: the demo identities' passphrase is public by design.
            if !demo, let weakness = chosen.weakness {
                Terminal.warn(
                    weakness == .short ? .keygenShortPassphrase : .keygenCommonPassphrase,
                    [String(Passphrase.minimumCharacters)])
            }
            return chosen
        }
        Terminal.say(.keygenWrote, [made.keyPath, made.publicPath])
        Terminal.say(.keygenFingerprintLine, [made.identity.fingerprint.description])
    }
}
