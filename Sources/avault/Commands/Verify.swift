import AppraisalVault
import ArgumentParser

/// `avault verify ROUND [--fingerprint FP] [--json]`: the auditor's check of a whole round folder
/// (spec §9). Exit 0 only when no check failed; 1 (``ExitStatus/verificationFailed``)
/// otherwise; 66 when the folder does not exist.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Terminal.localized(.verifyAbstract))

    @Argument(help: ArgumentHelp(Terminal.localized(.verifyHelpFolder), valueName: "round-folder"))
    var roundFolder: String

    @Option(help: ArgumentHelp(Terminal.localized(.verifyHelpFingerprint), valueName: "fingerprint"))
    var fingerprint: String?

    @Flag(help: ArgumentHelp(Terminal.localized(.verifyHelpJSON)))
    var json = false

    func validate() throws {
        if let fingerprint, Fingerprint(parsing: fingerprint) == nil {
            throw ValidationError(Terminal.localized(.verifyBadFingerprint, [fingerprint]))
        }
    }

    func run() throws {
        let report = try RoundVerifier.verify(
            roundDirectory: roundFolder, expectedFingerprint: fingerprint.flatMap { Fingerprint(parsing: $0) })
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
                Terminal.say(.verifySummaryPass, [String(report.checks.count - notYet), String(notYet)])
            } else {
                Terminal.say(.verifySummaryFail, [String(failed), String(report.checks.count)])
            }
            if !report.warnings.isEmpty { Terminal.say(.verifySummaryWarnings, [String(report.warnings.count)]) }
        }
        if !report.passed { throw ExitCode(ExitStatus.verificationFailed.rawValue) }
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
