import AppraisalVault
import ArgumentParser

/// A worksheet file format on the command line.
enum WorksheetFormatOption: String, ExpressibleByArgument, CaseIterable {
    case xlsx, csv
}

/// A CSV dialect on the command line: `standard` (`,` and `.`) or `vi` (`;` and `,`).
enum CSVDialectOption: String, ExpressibleByArgument, CaseIterable {
    case standard, vi
}

/// `avault worksheet --round ROUND --member ID -o FILE`: a member's cells as XLSX or CSV.
struct WorksheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worksheet", abstract: Terminal.localized(.worksheetAbstract),
        discussion: Terminal.localized(.worksheetHeaderNote))

    @Option(help: ArgumentHelp(Terminal.localized(.helpWorksheetRound), valueName: "dir"))
    var round: String
    @Option(help: ArgumentHelp(Terminal.localized(.helpWorksheetMember), valueName: "id"))
    var member: String?
    @Option(
        name: [.customShort("o"), .customLong("out")],
        help: ArgumentHelp(Terminal.localized(.helpWorksheetOut), valueName: "file"))
    var out: String
    @Option(help: ArgumentHelp(Terminal.localized(.helpWorksheetFormat)))
    var format: WorksheetFormatOption?
    @Option(help: ArgumentHelp(Terminal.localized(.helpWorksheetDialect)))
    var csvDialect: CSVDialectOption?
    @Flag(help: ArgumentHelp(Terminal.localized(.worksheetHelpSecond)))
    var second = false
    @Option(
        parsing: .upToNextOption, help: ArgumentHelp(Terminal.localized(.worksheetHelpForwarded), valueName: "file"))
    var forwarded: [String] = []
    @Option(help: ArgumentHelp(Terminal.localized(.worksheetHelpKey), valueName: "key"))
    var key: String?
    @OptionGroup var passphrase: PassphraseOptions

    func validate() throws {
        if second {
            guard !forwarded.isEmpty, key != nil, member == nil else {
                throw ValidationError(Terminal.localized(.worksheetSecondUsage))
            }
        } else {
            guard member != nil, forwarded.isEmpty, key == nil else {
                throw ValidationError(Terminal.localized(.worksheetFirstUsage))
            }
        }
    }

    /// The format: as asked, else CSV for an `.csv` output name, else XLSX.
    var fileFormat: Worksheet.FileFormat {
        let chosen = format ?? (out.lowercased().hasSuffix(".csv") ? .csv : .xlsx)
        guard chosen == .csv else { return .xlsx }
        return .csv(vietnamese: (csvDialect ?? (Terminal.language == .vietnamese ? .vi : .standard)) == .vi)
    }

    func run() throws {
        let format = fileFormat
        let shown = try StandardOutput.claim(out, content: format == .xlsx ? .binary : .text) ?? out
        if second { return try runSecond(format: format, shown: shown) }
        let written = try Worksheet.write(
            member: member ?? "", of: RoundDefinition.load(roundDirectory: round), to: out, format: format)
        Terminal.say(.worksheetWrote, [shown, String(written.cells), written.member.id])
    }
}
