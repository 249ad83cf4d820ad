import AppraisalVault
import ArgumentParser

/// `avault explanations`: the secretary forwards the units' explanations to the members, and a
/// member reads the ones forwarded to them (spec §12.5).
struct ExplanationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explanations", abstract: Terminal.localized(.explanationsAbstract),
        subcommands: [Forward.self, Show.self])

    /// `avault explanations forward --round ROUND --key SECRETARY.key`.
    struct Forward: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forward", abstract: Terminal.localized(.forwardAbstract))

        @OptionGroup var round: RoundOptions
        @OptionGroup var key: KeyOptions

        func run() throws {
            let definition = try round.load()
            guard !definition.unitKeys.isEmpty else { throw ExplanationError(.noUnitKeys, [.file(round.directory)]) }
            let locked = try key.locked()
            guard locked.identity == definition.secretary else {
                throw MergeError(.notSecretary, [.text(locked.identity.id), .text(definition.secretary.id)])
            }
            let report = try ExplanationForward.run(roundDirectory: round.directory, secretary: key.unlock(locked))
            guard !report.files.isEmpty else {
                Terminal.say(.forwardNothing, [String(report.explanations), String(report.agreed.count)])
                return
            }
            Terminal.say(
                .forwardDone,
                [
                    String(report.files.count), String(report.members), String(report.cells),
                    RoundLayout(round.directory).forwarded,
                ])
            if report.evidence > 0 { Terminal.say(.forwardEvidence, [String(report.evidence)]) }
            if !report.agreed.isEmpty { Terminal.say(.forwardAgreed, [report.agreed.joined(separator: " ")]) }
        }
    }

    /// `avault explanations show FILE --key MEMBER.key`: a member reads a forwarded explanation.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: Terminal.localized(.forwardShowAbstract))

        @Argument(help: ArgumentHelp(Terminal.localized(.forwardHelpFile), valueName: "file"))
        var file: String
        @OptionGroup var key: KeyOptions
        @Option(help: ArgumentHelp(Terminal.localized(.forwardHelpRound), valueName: "dir"))
        var round: String?
        @Option(help: ArgumentHelp(Terminal.localized(.forwardHelpEvidenceOut), valueName: "dir"))
        var evidenceOut: String?

        func run() throws {
            let forwarded = try ForwardedExplanationFile.load(file)
            let locked = try key.locked()
            guard locked.identity.role == .member else {
                throw ForwardError(.notAMember, [.file(key.key), .text(locked.identity.role.rawValue)])
            }
            guard locked.identity.id == forwarded.member else {
                throw ForwardError(.otherMember, [.file(file), .text(forwarded.member), .text(locked.identity.id)])
            }
            if let round { try forwarded.checkBinding(to: RoundDefinition.load(roundDirectory: round)) }
            let secret = try key.unlock(locked)
            let opened = try forwarded.open(with: secret)
            let sender = forwarded.senderFingerprintKey
            Terminal.say(.forwardHeader, [opened.unit, opened.member, String(opened.items.count), sender.id])
            for item in opened.items {
                Terminal.out(
                    "  \(item.code)  \(item.selfScore?.description ?? "—") → \(item.score?.description ?? "—")  "
                        + Self.line(item.reason))
                Terminal.say(.forwardText, [Self.line(item.text)])
                for a in item.attachments {
                    Terminal.say(.forwardAttachment, [Text.escapingRefused(a.name), String(a.size)])
                }
            }
            if let out = evidenceOut {
                let paths = try forwarded.extractEvidence(opened, with: secret, to: out)
                Terminal.say(.forwardWroteEvidence, [String(paths.count), out])
            }
        }

        /// A multi-line text on one line, refused characters escaped.
        static func line(_ text: String) -> String {
            Text.escapingRefused(text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " / "))
        }
    }
}
