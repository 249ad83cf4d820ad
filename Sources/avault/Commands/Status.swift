import AppraisalVault
import ArgumentParser

/// `avault status`: who has submitted; never a score.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Terminal.localized(.statusAbstract))

    @OptionGroup var round: RoundOptions

    func run() throws {
        let definition = try round.load()
        let inbox = Inbox(roundDirectory: round.directory, roster: definition.roster)
        let live = try inbox.live()
        let journal = try RoundJournal.load(
            roundDirectory: round.directory, secretaryKey: definition.secretary.signingKey, roundHash: definition.fileHash)
        var receivedAt = [String: String]()
        for entry in journal.entries where entry.event == "receive" || entry.event == "supersede" {
            if case .string(let member) = entry.details["member"] { receivedAt[member] = entry.at }
        }
        Terminal.say(.statusHeader, [definition.title, definition.fingerprint.description])
        for member in definition.members {
            let label = "\(member.id) (\(member.identity.name))"
            if let entry = live[member.id] {
                Terminal.say(.statusSubmitted, [label, String(entry.revision), receivedAt[member.id] ?? "?"])
            } else {
                Terminal.say(.statusMissing, [label])
            }
        }
        Terminal.say(.statusSummary, [String(live.count), String(definition.members.count)])
    }
}
