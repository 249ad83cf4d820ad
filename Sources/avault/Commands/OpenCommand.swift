import AppraisalVault
import ArgumentParser

/// `avault open`: verifies the token and the locked results, then decrypts them.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: Terminal.localized(.openAbstract))

    @OptionGroup var round: RoundOptions

    @Option(help: ArgumentHelp(Terminal.localized(.openHelpToken), valueName: "token"))
    var token: String?

    @Option(name: [.short, .customLong("out")], help: ArgumentHelp(Terminal.localized(.openHelpOut), valueName: "file"))
    var out: String

    func run() throws {
        let merged = try ReleaseFolder.loadMerged(round.directory)
        let tokenPath = token ?? FileIO.join(round.directory, RoundLayout.tokenFileName)
        let (results, _) = try ReleaseFolder.open(merged, tokenPath: tokenPath)
        try FileIO.writeAtomically(CanonicalJSON.serialize(results.json) + [0x0a], to: out, mode: 0o600)
        Terminal.say(.openWrote, [String(results.units.count), out])
    }
}

/// `avault report`: renders the released results.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: Terminal.localized(.reportAbstract))

    @OptionGroup var round: RoundOptions

    @Option(help: ArgumentHelp(Terminal.localized(.openHelpToken), valueName: "token"))
    var token: String?

    @Option(help: ArgumentHelp(Terminal.localized(.reportHelpFormat)))
    var format: String = "html"

    @Option(name: [.short, .customLong("out")], help: ArgumentHelp(Terminal.localized(.reportHelpOut), valueName: "file"))
    var out: String

    func validate() throws {
        guard ["html", "csv", "json"].contains(format) else {
            throw ValidationError(Terminal.localized(.reportBadFormat, [format]))
        }
    }

    func run() throws {
        let merged = try ReleaseFolder.loadMerged(round.directory)
        let tokenPath = token ?? FileIO.join(round.directory, RoundLayout.tokenFileName)
        let (results, releaseToken) = try ReleaseFolder.open(merged, tokenPath: tokenPath)
        let report = ResultsReport(
            round: merged.round, results: results, decision: releaseToken.decision, releasedAt: releaseToken.created)
        let bytes: [UInt8]
        switch format {
        case "csv": bytes = report.csv()
        case "json": bytes = report.json()
        default: bytes = Array(report.html().utf8)
        }
        try FileIO.writeAtomically(bytes, to: out, mode: 0o644)
        Terminal.say(.reportWrote, [out])
    }
}
