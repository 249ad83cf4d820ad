import AppraisalVault
import ArgumentParser

/// `avault seal`: a member checks, signs and encrypts their filled worksheet.
struct Seal: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "seal", abstract: Terminal.localized(.sealAbstract))

    @Argument(help: ArgumentHelp(Terminal.localized(.sealHelpWorksheet), valueName: "worksheet"))
    var worksheet: String

    @OptionGroup var round: RoundOptions
    @OptionGroup var key: KeyOptions

    @Option(
        name: [.short, .customLong("out")], help: ArgumentHelp(Terminal.localized(.sealHelpOut), valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp(Terminal.localized(.sealHelpRevision)))
    var revision: Int?

    @Flag(help: ArgumentHelp(Terminal.localized(.sealHelpSecond)))
    var second = false

    @Option(parsing: .upToNextOption, help: ArgumentHelp(Terminal.localized(.sealHelpForwarded), valueName: "file"))
    var forwarded: [String] = []

    @Option(help: ArgumentHelp(Terminal.localized(.sealHelpUnexplained), valueName: "unit/code"))
    var unexplained: [String] = []

    func validate() throws {
        if let revision, !(1...1_000_000).contains(revision) {
            throw ValidationError(Terminal.localized(.sealBadRevision, [String(revision)]))
        }
        if second ? (forwarded.isEmpty || !attach.isEmpty || removePlaintext) : !(forwarded + unexplained).isEmpty {
            throw ValidationError(Terminal.localized(.sealSecondUsage))
        }
    }

    @Flag(help: ArgumentHelp(Terminal.localized(.sealHelpRemove)))
    var removePlaintext = false

    @Option(help: ArgumentHelp(Terminal.localized(.sealHelpAttach), valueName: "file"))
    var attach: [String] = []

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        if second { return try runSecond() }
        try StandardOutput.claim(out, content: .binary)
        progress.start()
        let definition = try round.load()
        let keyFile = try key.locked()
        let seal: SubmissionSeal
        do {
            seal = try SubmissionSeal.prepare(
                worksheet: worksheet, round: definition, keyFile: keyFile, out: out, revision: revision,
                attachments: attach)
        } catch let problems as SubmissionSeal.Problems {
            // The first problems, then a count: a wrong file is recognised before this (Sealing).
            let shown = 20
            for f in problems.findings.prefix(shown) {
                var line = f.location.isEmpty ? "" : f.location + ": "
                if let cell = f.cell { line += "\(cell.unit) / \(cell.code): " }
                Terminal.problem(line + Terminal.text(f.text))
            }
            if problems.findings.count > shown {
                Terminal.problem(
                    Terminal.localized(.sealMoreProblems, [String(problems.findings.count - shown), String(shown)]))
            }
            throw problems.summary
        }
        Terminal.say(.sealChecked, [String(seal.rowCount)])
        // The member's defence against a forged round file: compare this with the secretary by phone.
        Terminal.say(
            round.fingerprint == nil ? .sealConfirmFingerprint : .sealFingerprintChecked,
            [
                definition.title, definition.fingerprint.description,
            ])
        let sealed = try seal.seal(as: key.unlock(keyFile), removingWorksheet: removePlaintext)
        for a in sealed.attachments {
            Terminal.say(.sealWroteEvidence, [a.path, a.name, ProgressText.size(a.size, in: Terminal.language)])
        }
        let shown = sealed.path == FileIO.standardOutput ? Terminal.localized(.outputStandardOutput) : sealed.path
        Terminal.say(.sealWrote, [shown, String(sealed.revision), definition.secretary.name])
        if sealed.removedWorksheet { Terminal.say(.sealRemoved, [worksheet]) }
    }
}
