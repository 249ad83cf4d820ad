import AppraisalVault
import ArgumentParser

/// `avault merge`: the secretary merges and locks the results.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge", abstract: Terminal.localized(.mergeAbstract))

    @OptionGroup var round: RoundOptions
    @OptionGroup var key: KeyOptions

    @Flag(help: ArgumentHelp(Terminal.localized(.mergeHelpWithoutSurvey)))
    var withoutSurvey = false

    @Flag(help: ArgumentHelp(Terminal.localized(.mergeHelpAllowIncomplete)))
    var allowIncomplete = false

    @OptionGroup var progress: ProgressOptions

    @Flag(help: ArgumentHelp(Terminal.localized(.mergeHelpPreliminary)))
    var preliminary = false

    @Option(help: ArgumentHelp(Terminal.localized(.mergeHelpAnswerBy), valueName: "date"))
    var answerBy: String?

    @Flag(help: ArgumentHelp(Terminal.localized(.mergeHelpSkipExplanation)))
    var skipExplanation = false

    @Option(help: ArgumentHelp(Terminal.localized(.mergeHelpAllowUnexplained), valueName: "unit/code"))
    var allowUnexplainedChange: [String] = []

    func run() throws {
        progress.start()
        if preliminary { return try runPreliminary() }
        if answerBy != nil { throw CLIError(.mergeAnswerByWithoutPreliminary) }
        var choice = RoundMerge.ExplanationChoice(skip: skipExplanation)
        for text in allowUnexplainedChange {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw CLIError(.mergeBadCell, [text])
            }
            choice.allowUnexplained.insert(Cell(unit: String(parts[0]), code: String(parts[1])))
        }
        let report: RoundMerge.Report
        do {
            report = try RoundMerge.run(
                roundDirectory: round.directory, round: try round.load(), withoutSurvey: withoutSurvey,
                allowIncomplete: allowIncomplete, explanation: choice, unlock: key.unlocked)
        } catch let problems as InputProblems {
            for e in problems.errors.dropLast() { Terminal.report(e) }
            throw problems.errors.last!
        }
        let c = report.coverage
        Terminal.say(.mergeDone, [String(report.submissions), report.resultsPath, report.manifestPath])
        Terminal.say(
            Notice.Code.mergeCoverage,
            [String(c.appraised), String(c.appraisable), String(c.gaps.count), String(c.conflicts.count)])
        for m in report.reducedMaxima {
            Terminal.say(
                Notice.Code.mergeReducedMaximum,
                [Terminal.decimal(m.counted.description), Terminal.decimal(m.full.description)])
        }
        if report.evidence > 0 { Terminal.say(.mergeEvidenceCount, [String(report.evidence)]) }
        if let h = report.history {
            Terminal.say(
                .mergeHistoryCount, [String(h.explained), String(h.kept), String(h.changed), String(h.exceptions)])
        }
        if !c.missingMembers.isEmpty { Terminal.say(.mergeGapsNote, [c.missingMembers.joined(separator: ", ")]) }
    }
}

extension MergeCommand {
    /// `avault merge --preliminary --answer-by DATE` (spec §12.3): one notice per unit with a key.
    func runPreliminary() throws {
        guard let answerBy else { throw CLIError(.mergeNeedsAnswerBy) }
        // A date is the end of that day in Vietnam (23:59:59 UTC+7), the deadline a unit reads.
        let deadline = answerBy.count == 10 ? answerBy + "T16:59:59Z" : answerBy
        guard Timestamp.isValid(deadline) else { throw CLIError(.mergeBadAnswerBy, [answerBy]) }
        let definition = try round.load()
        guard !definition.unitKeys.isEmpty else {
            throw ExplanationError(.noUnitKeys, [.file(round.directory)])
        }
        let secretary = try key.unlocked()
        let report = try PreliminaryMerge.run(roundDirectory: round.directory, secretary: secretary, answerBy: deadline)
        Terminal.say(
            .mergePreliminaryDone,
            [String(report.notices.count), RoundLayout(round.directory).notices, String(report.submissions)])
        if !report.withoutKey.isEmpty {
            Terminal.say(.showUnitsWithoutKey, [report.withoutKey.joined(separator: " ")])
        }
        Terminal.say(.mergePreliminaryNext, [deadline])
    }
}
