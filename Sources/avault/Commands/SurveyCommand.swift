import AppraisalVault
import ArgumentParser

/// `avault survey import`: the secretary seals the survey scores into the round folder (spec §6.6).
struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: Terminal.localized(.surveyAbstract), subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: Terminal.localized(.surveyImportAbstract))

        @Argument(help: ArgumentHelp(Terminal.localized(.surveyHelpFile), valueName: "csv"))
        var file: String

        @OptionGroup var round: RoundOptions
        @OptionGroup var key: KeyOptions

        func run() throws {
            let report: SurveyImport.Report
            do {
                report = try SurveyImport.run(
                    roundDirectory: round.directory, round: try round.load(), file: file, unlock: key.unlocked)
            } catch let problems as InputProblems {
                for e in problems.errors.dropLast() { Terminal.report(e) }
                throw problems.errors.last!
            }
            Terminal.say(Notice.Code.surveyImported, [String(report.scores), String(report.revision)])
            Terminal.say(.surveyWrote, [report.path])
        }
    }
}
