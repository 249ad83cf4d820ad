import AppraisalVault
import Glibc

extension RoundLock.Waiting {
    /// The environment variable that sets how many seconds a command waits for a round folder
    /// another avault command is using (README, spec §6.1 "Lock").
    static let environmentVariable = "AVAULT_LOCK_WAIT"

    /// The wait from `AVAULT_LOCK_WAIT` (seconds, 0 to 3600, digits and at most one `.`;
    /// ``RoundLock/defaultWait`` when unset), reporting the wait on standard error.
    ///
    /// - Throws: ``CLIError`` `round.lock-bad-wait` for any other value.
    static func fromEnvironment() throws -> RoundLock.Waiting {
        let report: @Sendable (Notice) -> Void = { Terminal.write(STDERR_FILENO, "avault: \(Terminal.text($0))\n") }
        guard let raw = getenv(environmentVariable).map({ String(cString: $0) }) else {
            return RoundLock.Waiting(report: report)
        }
        guard !raw.isEmpty, raw.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2e }),
            raw.utf8.filter({ $0 == 0x2e }).count <= 1, let seconds = Double(raw), seconds <= RoundLock.maxWait
        else {
            let shown = String(
                raw.unicodeScalars.prefix(40).map { $0.value < 0x20 || $0.value == 0x7f ? "?" : Character($0) })
            throw CLIError(.roundLockBadWait, [shown])
        }
        return RoundLock.Waiting(seconds: seconds, report: report)
    }
}
