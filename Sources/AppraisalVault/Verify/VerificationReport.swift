/// What ``RoundVerifier`` found in a round folder: every check it made, in the order of
/// docs/spec/09-verification.md.
///
/// A report is a value, not an error: a failed check is a finding to print, and the verifier
/// goes on to the next check so the auditor sees everything at once. The CLI exits 0 only when
/// ``passed`` is true.
public struct VerificationReport: Sendable {
    /// One check and its outcome.
    public struct Check: Sendable, Hashable {
        /// How a check came out.
        public enum Status: String, Sendable, Hashable {
            /// The check was made and holds.
            case passed = "pass"
            /// The check was made and does not hold: the round fails verification.
            case failed = "fail"
            /// Nothing to check yet (a later stage has not happened, or no fingerprint was given).
            /// Informational; it does not fail the round.
            case notYet = "not-yet"
            /// The check was made and holds, but what it found needs the reader's attention (a
            /// threshold of 1). It does not fail the round.
            case warning = "warn"
        }

        /// The stable check id, e.g. `round.signature` (spec §9.2).
        public let id: String
        /// The file the check is about, relative to the round folder (e.g. `submissions/tv-01.r1.avs`).
        public let subject: String
        /// The outcome.
        public let status: Status
        /// What was found: a finding or an error code and its facts; its message id names the rule.
        public let detail: Notice

        /// Creates a check.
        public init(id: String, subject: String, status: Status, detail: Notice) {
            self.id = id
            self.subject = subject
            self.status = status
            self.detail = detail
        }

        /// False only for ``Status/failed``.
        public var passed: Bool { status != .failed }

        /// The check as canonical JSON: `{"detail", "id", "message", "passed", "status", "subject"}`
        /// (spec §9.4).
        ///
        /// The library holds no words: the caller renders `detail` (the CLI passes its English
        /// catalog, so `verify --json` is the same in every locale). The shape stays here, next to
        /// the report it serialises.
        ///
        /// - Parameter render: Renders a detail as text.
        /// - Returns: The check as a JSON object, its detail rendered by `render` and NFC-normalised.
        public func json(renderingDetail render: (Notice) -> String) -> JSONValue {
            .object([
                "detail": .string(Text.nfc(render(detail))),
                "id": .string(id),
                "message": .string(detail.messageID),
                "passed": .bool(passed),
                "status": .string(status.rawValue),
                "subject": .string(Text.nfc(subject)),
            ])
        }
    }

    /// What tied the folder to the round the auditor meant (spec §9.4, §11.5). Without one, a
    /// self-consistent forged folder passes every check: the CLI then says so and exits 2.
    public enum Anchor: String, Sendable, Hashable {
        /// Neither a fingerprint nor a pin.
        case none
        /// `--fingerprint`, and it matched.
        case fingerprint
        /// This machine's pin of the round, and the journal extends it.
        case pin
        /// Both.
        case fingerprintAndPin = "fingerprint+pin"

        /// The anchor the checks establish: `round.fingerprint` and `journal.pin` passed.
        init(checks: [Check]) {
            let passed = { (id: String) in checks.contains { $0.id == id && $0.status == .passed } }
            switch (passed("round.fingerprint"), passed("journal.pin")) {
            case (true, true): self = .fingerprintAndPin
            case (true, false): self = .fingerprint
            case (false, true): self = .pin
            case (false, false): self = .none
            }
        }
    }

    /// The round definition's file hash (BLAKE2b-256 of `round.avr` as read), nil when it could
    /// not be read.
    public let roundHash: [UInt8]?
    /// The round's fingerprint, when the round definition verified.
    public let fingerprint: Fingerprint?
    /// Every check, in spec order.
    public let checks: [Check]
    /// The anchor used.
    public let anchor: Anchor

    /// Creates a report.
    public init(roundHash: [UInt8]?, fingerprint: Fingerprint? = nil, checks: [Check], anchor: Anchor = .none) {
        self.roundHash = roundHash
        self.fingerprint = fingerprint
        self.checks = checks
        self.anchor = anchor
    }

    /// True when no check failed and an anchor tied the folder to the round: what `verify`
    /// reports as PASSED (exit 0).
    public var passedAnchored: Bool { passed && anchor != .none }

    /// True when no check failed (checks that are not yet applicable do not fail the round).
    public var passed: Bool { checks.allSatisfy(\.passed) }

    /// The failed checks.
    public var failures: [Check] { checks.filter { $0.status == .failed } }

    /// The checks that passed with a warning.
    public var warnings: [Check] { checks.filter { $0.status == .warning } }

    /// The ids of the failed checks, in order, without repeats.
    public var failedIDs: [String] {
        var seen = Set<String>()
        return failures.map(\.id).filter { seen.insert($0).inserted }
    }

    /// The report as canonical JSON (spec §9.4):
    /// `{"anchor": "none" | "fingerprint" | "pin" | "fingerprint+pin", "checks": [check…],
    /// "passed": bool, "round": hex32 | null}`.
    ///
    /// - Parameter render: Renders a check's detail as text (see ``Check/json(renderingDetail:)``).
    /// - Returns: The report as a JSON object: every check in order, the overall result and the
    ///   round hash (null when the round definition could not be read).
    public func json(renderingDetail render: (Notice) -> String) -> JSONValue {
        .object([
            "anchor": .string(anchor.rawValue),
            "checks": .array(checks.map { $0.json(renderingDetail: render) }),
            "passed": .bool(passed),
            "round": roundHash.map { .hex($0) } ?? .null,
        ])
    }
}
