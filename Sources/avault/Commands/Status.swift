import AppraisalVault
import ArgumentParser

/// `avault status`: who has submitted; never a score.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Terminal.localized(.statusAbstract))

    @OptionGroup var round: RoundOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let status = try RoundStatus.load(roundDirectory: round.directory, round: try round.load())
        if output.json { return JSONOutput.print(JSONOutput.status(status)) }
        Terminal.say(.statusHeader, [status.round.title, status.round.fingerprint.description])
        for member in status.members {
            let label = "\(member.identity.id) (\(member.identity.name))"
            if let revision = member.revision {
                Terminal.say(.statusSubmitted, [label, String(revision), member.receivedAt ?? "?"])
            } else {
                Terminal.say(.statusMissing, [label])
            }
        }
        Terminal.say(.statusSummary, [String(status.submitted), String(status.members.count)])
        // §12.1: units without a key get no notice.
        let r = status.round
        if !r.unitKeys.isEmpty {
            Terminal.say(.showUnitKeys, [String(r.unitKeys.count), String(r.units.count)])
            let without = r.unitsWithoutKey.map(\.id)
            if !without.isEmpty { Terminal.say(.showUnitsWithoutKey, [without.joined(separator: " ")]) }
        }
    }
}
