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

    func run() throws {
        progress.start()
        let report: RoundMerge.Report
        do {
            report = try RoundMerge.run(
                roundDirectory: round.directory, round: try round.load(), withoutSurvey: withoutSurvey,
                allowIncomplete: allowIncomplete,
                unlock: key.unlocked)
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
        if !c.missingMembers.isEmpty { Terminal.say(.mergeGapsNote, [c.missingMembers.joined(separator: ", ")]) }
    }
}
