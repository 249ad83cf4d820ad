import AppraisalVault
import ArgumentParser

/// `avault verify ROUND [--fingerprint FP] [--receipts DIR] [--json]`: the auditor's check of a
/// whole round folder (spec §9). Exit 0 only when no check failed and the folder is anchored (the
/// fingerprint matched, or the journal extends this machine's pin); 2
/// (``ExitStatus/unanchored``) when every check passed without an anchor; 1
/// (``ExitStatus/verificationFailed``) when a check failed; 66 when the folder does not exist.
///
/// `avault verify FILE --round R [--fingerprint FP] [--json]`: one sealed submission file against
/// round R (spec §9.7), the same exit statuses (anchored by the fingerprint, or by this machine's
/// pin when R is a folder with a journal; 66 also when the file does not exist).
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: Terminal.localized(.verifyAbstract))

    @Argument(help: ArgumentHelp(Terminal.localized(.verifyHelpFolder), valueName: "round-folder"))
    var roundFolder: String

    @Option(help: ArgumentHelp(Terminal.localized(.verifyHelpRound), valueName: "round"))
    var round: String?

    @Option(help: ArgumentHelp(Terminal.localized(.verifyHelpFingerprint), valueName: "fingerprint"))
    var fingerprint: String?

    @Option(help: ArgumentHelp(Terminal.localized(.verifyHelpReceipts), valueName: "folder"))
    var receipts: String?

    @Flag(help: ArgumentHelp(Terminal.localized(.verifyHelpJSON)))
    var json = false

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        if let error = Self.validationError(fingerprint: fingerprint, round: round, receipts: receipts) { throw error }
    }

    /// What ``validate()`` refuses, for these values (also asked by ``FastArguments``).
    static func validationError(fingerprint: String?, round: String?, receipts: String?) -> ValidationError? {
        if let fingerprint, Fingerprint(parsing: fingerprint) == nil {
            return ValidationError(Terminal.localized(.verifyBadFingerprint, [fingerprint]))
        }
        if round != nil, receipts != nil { return ValidationError(Terminal.localized(.verifyReceiptsWithRound)) }
        return nil
    }

    func run() throws {
        try Self.run(
            roundFolder: roundFolder, round: round, fingerprint: fingerprint, receipts: receipts, json: json,
            progress: progress)
    }

    /// The command with its values (``FastArguments`` calls it with `progress` nil for a file
    /// and `--round`, where no progress line is started, without building the command).
    static func run(
        roundFolder: String, round: String?, fingerprint: String?, receipts: String?, json: Bool,
        progress: ProgressOptions?
    ) throws {
        let expected = fingerprint.flatMap { Fingerprint(parsing: $0) }
        let report: VerificationReport
        if let round {
            report = try RoundVerifier.verify(file: roundFolder, round: round, expectedFingerprint: expected)
        } else {
            progress?.start()
            report = try RoundVerifier.verify(
                roundDirectory: roundFolder, expectedFingerprint: expected, receipts: receipts)
        }
        if json {
            Terminal.out(
                String(
                    decoding: CanonicalJSON.serialize(
                        report.json(renderingDetail: { Terminal.text($0, in: .english) })), as: UTF8.self))
        } else {
            if let round {
                Terminal.say(.verifyFileHeader, [roundFolder, round, report.fingerprint?.description ?? "–"])
            } else {
                Terminal.say(.verifyHeader, [roundFolder, report.fingerprint?.description ?? "–"])
            }
            for check in report.checks {
                Terminal.out(
                    "\(Verify.mark(check.status)) \(check.id)  \(Text.escapingRefused(check.subject))  \(Terminal.text(check.detail))"
                )
            }
            let failed = report.failures.count
            if failed == 0 {
                let notYet = report.checks.filter { $0.status == .notYet }.count
                let counts = [String(report.checks.count - notYet), String(notYet)]
                if report.anchor == .none {
                    Terminal.say(round == nil ? .verifySummaryUnanchored : .verifyFileSummaryUnanchored, counts)
                } else {
                    Terminal.say(.verifySummaryPass, counts + [report.anchor.rawValue])
                }
            } else {
                Terminal.say(.verifySummaryFail, [String(failed), String(report.checks.count)])
            }
            if !report.warnings.isEmpty { Terminal.say(.verifySummaryWarnings, [String(report.warnings.count)]) }
        }
        if !report.passed { throw ExitCode(ExitStatus.verificationFailed.rawValue) }
        if report.anchor == .none { throw ExitCode(ExitStatus.unanchored.rawValue) }
    }

    /// The text report's mark for a status (spec §9.4).
    static func mark(_ status: VerificationReport.Check.Status) -> String {
        switch status {
        case .passed: "✓"
        case .failed: "✗"
        case .notYet: "–"
        case .warning: "!"
        }
    }
}
