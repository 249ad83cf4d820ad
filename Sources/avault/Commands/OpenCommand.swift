import AppraisalVault
import ArgumentParser

/// `avault open`: verifies the token and the locked results, then decrypts them.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: Terminal.localized(.openAbstract))

    @OptionGroup var round: RoundOptions

    @Option(help: ArgumentHelp(Terminal.localized(.openHelpToken), valueName: "token"))
    var token: String?

    @Option(
        name: [.short, .customLong("out")], help: ArgumentHelp(Terminal.localized(.openHelpOut), valueName: "file"))
    var out: String

    @OptionGroup var terminal: ToTerminalOption

    func run() throws {
        let shown = try StandardOutput.claim(out, content: .decrypted, toTerminal: terminal.toTerminal) ?? out
        let results = try ReleaseFolder.openResults(roundDirectory: round.directory, token: token, to: out)
        Terminal.say(Notice.Code.openWrote, [String(results.units.count), shown])
    }
}

/// `avault report`: renders the released results.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: Terminal.localized(.reportAbstract))

    @OptionGroup var round: RoundOptions

    @Option(help: ArgumentHelp(Terminal.localized(.openHelpToken), valueName: "token"))
    var token: String?

    @Option(help: ArgumentHelp(Terminal.localized(.reportHelpFormat)))
    var format: ResultsReport.Format = .html

    @Option(
        name: [.short, .customLong("out")], help: ArgumentHelp(Terminal.localized(.reportHelpOut), valueName: "file"))
    var out: String

    @OptionGroup var terminal: ToTerminalOption

    func run() throws {
        let shown =
            try StandardOutput.claim(
                out, content: format == .pdf ? .binary : .decrypted, toTerminal: terminal.toTerminal) ?? out
        try ReleaseFolder.writeReport(roundDirectory: round.directory, token: token, format: format, to: out)
        Terminal.say(.reportWrote, [shown])
    }
}
