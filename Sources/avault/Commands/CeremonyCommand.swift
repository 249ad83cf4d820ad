import AppraisalVault
import ArgumentParser

/// `avault ceremony …`: the holders' key ceremony, offline in two passes through the secretary.
struct CeremonyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ceremony", abstract: Terminal.localized(.ceremonyAbstract),
        subcommands: [Begin.self, Deal.self, Ack.self, Finish.self])

    /// `--ceremony DIR`.
    struct Folder: ParsableArguments {
        @Option(help: ArgumentHelp(Terminal.localized(.ceremonyHelpDir), valueName: "dir"))
        var ceremony: String
    }

    /// `--out FILE`.
    struct Out: ParsableArguments {
        @Option(
            name: [.short, .customLong("out")],
            help: ArgumentHelp(Terminal.localized(.ceremonyHelpOut), valueName: "file"))
        var out: String?
    }

    /// `avault ceremony begin` (secretary).
    struct Begin: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "begin", abstract: Terminal.localized(.ceremonyBeginAbstract))

        @OptionGroup var folder: Folder
        @Option(help: ArgumentHelp(Terminal.localized(.ceremonyHelpHolders), valueName: "a.pub,b.pub,…"))
        var holders: String
        @Option(help: ArgumentHelp(Terminal.localized(.ceremonyHelpThreshold), valueName: "t"))
        var threshold: Int
        @Option(help: ArgumentHelp(Terminal.localized(.ceremonyHelpSecretary), valueName: "file"))
        var secretary: String

        func run() throws {
            let written = try CeremonyFolder.begin(
                at: folder.ceremony, holders: holders.split(separator: ",").map { String($0) },
                threshold: threshold, secretary: secretary)
            Terminal.say(.ceremonyWrotePlan, [written.path])
        }
    }

    /// `avault ceremony deal` (each holder, pass 1).
    struct Deal: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deal", abstract: Terminal.localized(.ceremonyDealAbstract))

        @OptionGroup var folder: Folder
        @OptionGroup var key: KeyOptions
        @OptionGroup var out: Out

        func run() throws {
            let shown = try StandardOutput.claim(out.out, content: .binary)
            let written = try CeremonyFolder.deal(
                ceremony: folder.ceremony, keyFile: key.locked(), out: out.out, unlock: key.unlock)
            Terminal.say(.ceremonyWroteDealing, [shown ?? written.path, written.identity.id])
        }
    }

    /// `avault ceremony ack` (each holder, pass 2).
    struct Ack: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ack", abstract: Terminal.localized(.ceremonyAckAbstract))

        @OptionGroup var folder: Folder
        @OptionGroup var key: KeyOptions
        @OptionGroup var out: Out

        func run() throws {
            let shown = try StandardOutput.claim(out.out, content: .binary)
            let written = try CeremonyFolder.ack(
                ceremony: folder.ceremony, keyFile: key.locked(), out: out.out, unlock: key.unlock)
            for dealer in written.accused { Terminal.say(.ceremonyComplained, [dealer]) }
            Terminal.say(.ceremonyWroteAck, [shown ?? written.path, written.identity.id])
        }
    }

    /// `avault ceremony finish` (secretary, or anyone): judge the folder.
    struct Finish: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "finish", abstract: Terminal.localized(.ceremonyFinishAbstract))

        @OptionGroup var folder: Folder

        func run() throws {
            let finished = try CeremonyFolder.finish(ceremony: folder.ceremony)
            for exclusion in finished.exclusions { Terminal.out(Terminal.text(exclusion)) }
            Terminal.out(Terminal.text(finished.summary))
            Terminal.say(.ceremonyQualified, [finished.qualified.joined(separator: ", ")])
        }
    }
}
