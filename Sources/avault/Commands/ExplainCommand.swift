import AppraisalVault
import ArgumentParser

/// `avault explain SHEET --key UNIT.key (--round ROUND | --notice FILE)`: a unit answers its
/// notice (spec §12.4): the answer sheet is checked against the notice, signed by the unit's key
/// and sealed to the round's secretary.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: Terminal.localized(.explainAbstract))

    @Argument(help: ArgumentHelp(Terminal.localized(.explainHelpSheet), valueName: "sheet"))
    var sheet: String
    @Option(help: ArgumentHelp(Terminal.localized(.explainHelpRound), valueName: "dir"))
    var round: String?
    @Option(help: ArgumentHelp(Terminal.localized(.explainHelpNotice), valueName: "file"))
    var notice: String?
    @OptionGroup var key: KeyOptions
    @Option(
        name: [.short, .customLong("out")], help: ArgumentHelp(Terminal.localized(.explainHelpOut), valueName: "file"))
    var out: String?
    @Option(help: ArgumentHelp(Terminal.localized(.explainHelpRevision)))
    var revision: Int = 1
    @Option(help: ArgumentHelp(Terminal.localized(.explainHelpAttach), valueName: "file"))
    var attach: [String] = []

    func validate() throws {
        guard (1...1_000_000).contains(revision) else {
            throw ValidationError(Terminal.localized(.sealBadRevision, [String(revision)]))
        }
        guard round != nil || notice != nil else { throw ValidationError(Terminal.localized(.explainNeedsNotice)) }
    }

    func run() throws {
        // Everything that needs no passphrase first: the key's role, the round's key, the notice, the sheet.
        let locked = try key.locked()
        let unit = locked.identity
        guard unit.role == .unit else {
            throw ExplanationError(.notAUnit, [.file(key.key), .text(unit.role.rawValue)])
        }
        let definition = try round.map { try RoundDefinition.load(roundDirectory: $0) }
        if let definition, definition.plan.unitKey(unit.id) != unit {
            throw ExplanationError(.notRoundKey, [.file(key.key), .text(unit.id)])
        }
        let noticePath = notice ?? RoundLayout(round!).notice(unit: unit.id)
        guard FileIO.exists(noticePath) else { throw ExplanationError(.noNotice, [.file(noticePath), .text(unit.id)]) }
        let file = try NoticeFile.load(noticePath)
        guard file.unit == unit.id else {
            throw ExplanationError(.noticeOtherUnit, [.file(noticePath), .text(file.unit), .text(unit.id)])
        }
        if let definition { try file.checkBinding(to: definition) }
        let bytes = try FileIO.read(sheet, maxBytes: 64 << 20)
        let output = out ?? RoundLayout.explanationFileName(unit: unit.id, revision: revision)
        try FileIO.refuseExisting(output)
        let plan = try ExplanationSeal.plan(attach, unit: unit.id, revision: revision, output: output)
        let secret = try key.unlock(locked)
        let opened = try file.open(with: secret)
        let answers: [UnitExplanation.Answer]
        do {
            answers = try AnswerSheet.read(bytes, file: sheet, notice: opened, evidence: plan.names)
        } catch let problems as InputProblems {
            for problem in problems.errors { Terminal.report(problem) }
            throw CLIError(.explainSheetRejected, [sheet, String(problems.errors.count)])
        }
        let explanation = try ExplanationSeal.seal(
            answers, notice: file, opened: opened, unit: secret, revision: revision, plan: plan, output: output)
        for path in plan.outputs { Terminal.say(.explainWroteEvidence, [path]) }
        Terminal.say(
            .explainWrote,
            [output, String(answers.count), String(explanation.disputed.count), opened.secretary.id, opened.answerBy])
    }
}
