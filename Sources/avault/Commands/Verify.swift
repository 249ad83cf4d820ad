import AppraisalVault
import ArgumentParser

/// `avault verify ROUND [--fingerprint FP] [--receipts DIR] [--json]`: the auditor's check of a
/// whole round folder (spec §9). Exit 0 only when no check failed and the folder is anchored (the
/// fingerprint matched, or the journal extends this machine's pin); 2
/// (``ExitStatus/unanchored``) when every check passed without an anchor; 1
/// (``ExitStatus/verificationFailed``) when a check failed; 66 when the folder does not exist.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: Terminal.localized(.verifyAbstract))

    @Argument(help: ArgumentHelp(Terminal.localized(.verifyHelpFolder), valueName: "round-folder"))
    var roundFolder: String

    @Option(help: ArgumentHelp(Terminal.localized(.verifyHelpFingerprint), valueName: "fingerprint"))
    var fingerprint: String?

    @Option(help: ArgumentHelp(Terminal.localized(.verifyHelpReceipts), valueName: "folder"))
    var receipts: String?

    @Flag(help: ArgumentHelp(Terminal.localized(.verifyHelpJSON)))
    var json = false

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        if let fingerprint, Fingerprint(parsing: fingerprint) == nil {
            throw ValidationError(Terminal.localized(.verifyBadFingerprint, [fingerprint]))
        }
    }

    func run() throws {
        progress.start()
        let report = try RoundVerifier.verify(
            roundDirectory: roundFolder, expectedFingerprint: fingerprint.flatMap { Fingerprint(parsing: $0) },
            receipts: receipts)
        if json {
            Terminal.out(
                String(
                    decoding: CanonicalJSON.serialize(
                        report.json(renderingDetail: { Terminal.text($0, in: .english) })), as: UTF8.self))
        } else {
            Terminal.say(.verifyHeader, [roundFolder, report.fingerprint?.description ?? "–"])
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
                    Terminal.say(.verifySummaryUnanchored, counts)
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
