import AppraisalVault
import ArgumentParser

/// `avault status`: who has submitted; never a score.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: Terminal.localized(.statusAbstract))

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
        Self.sayPhase(status)
    }

    /// The phase (spec §12.2) and, in a round with unit keys, the notices: the deadline, the units
    /// notified, those that answered (and late), those without a key (ids and counts, never a
    /// content).
    static func sayPhase(_ status: RoundStatus) {
        let phase: MessageID =
            switch status.phase {
            case .appraisal: .statusPhaseAppraisal
            case .explanation: .statusPhaseExplanation
            case .secondAppraisal: .statusPhaseSecondAppraisal
            case .merged: .statusPhaseMerged
            case .released: .statusPhaseReleased
            }
        Terminal.say(phase)
        let r = status.round
        guard let notices = status.notices else { return }
        if notices.notified.isEmpty && notices.answerBy == nil {
            Terminal.say(.showUnitKeys, [String(r.unitKeys.count), String(r.units.count)])
        } else {
            Terminal.say(
                .statusNotified,
                [String(notices.notified.count), String(r.units.count), notices.notified.joined(separator: " ")])
            if let deadline = notices.answerBy { Terminal.say(.statusAnswerBy, [deadline]) }
            Terminal.say(
                .statusAnswered,
                [
                    String(notices.answered.count), String(notices.notified.count),
                    notices.answered.isEmpty ? "–" : notices.answered.joined(separator: " "),
                ])
            if !notices.late.isEmpty { Terminal.say(.statusLate, [notices.late.joined(separator: " ")]) }
            if notices.forwardedFiles > 0 {
                Terminal.say(
                    .statusForwarded,
                    [
                        String(notices.forwardedFiles), String(notices.forwardedTo.count),
                        notices.forwardedTo.joined(separator: " "),
                    ])
                Terminal.say(
                    .statusSecond,
                    [
                        String(notices.secondFrom.count), String(notices.forwardedTo.count),
                        notices.secondFrom.isEmpty ? "–" : notices.secondFrom.joined(separator: " "),
                    ])
            }
        }
        if !notices.withoutKey.isEmpty {
            Terminal.say(.showUnitsWithoutKey, [notices.withoutKey.joined(separator: " ")])
        }
    }
}
