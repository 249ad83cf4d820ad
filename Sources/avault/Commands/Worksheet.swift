import AppraisalVault
import ArgumentParser

/// `avault worksheet --round ROUND --member ID -o FILE`: a member's cells as CSV.
struct WorksheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worksheet", abstract: Terminal.localized(.worksheetAbstract),
        discussion: Terminal.localized(.worksheetHeaderNote))

    @Option(help: ArgumentHelp(Terminal.localized(.helpWorksheetRound), valueName: "dir"))
    var round: String
    @Option(help: ArgumentHelp(Terminal.localized(.helpWorksheetMember), valueName: "id"))
    var member: String
    @Option(
        name: [.customShort("o"), .customLong("out")],
        help: ArgumentHelp(Terminal.localized(.helpWorksheetOut), valueName: "file"))
    var out: String

    func run() throws {
        let written = try Worksheet.write(member: member, of: RoundDefinition.load(roundDirectory: round), to: out)
        Terminal.say(.worksheetWrote, [out, String(written.cells), written.member.id])
    }
}
