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
    @Option(name: [.customShort("o"), .customLong("out")], help: ArgumentHelp(Terminal.localized(.helpWorksheetOut), valueName: "file"))
    var out: String

    func run() throws {
        let r = try RoundDefinition.load(roundDirectory: round)
        guard let m = r.member(member) else {
            throw CLIError(.worksheetUnknownMember, [member, r.members.map(\.id).joined(separator: ", ")])
        }
        try FileIO.writeAtomically(Worksheet.encode(for: m, in: r), to: out, mode: 0o600)
        Terminal.say(.worksheetWrote, [out, String(r.cells(of: m).count), m.id])
    }
}
