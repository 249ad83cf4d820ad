// The error type of each layer of the library (a ``LayerError`` over that layer's codes, so a
// caller can tell which stage failed: `catch let error as InboxError`), and the code types of
// hints, notices and findings, by the names callers use. Each code enum lives beside its layer.

/// A failure of the built-in demonstration round.
public typealias DemoError = LayerError<DemoErrorCode>

/// A sealed envelope that does not open (spec §5): signature, recipient, key commitment, chunks.
public typealias EnvelopeError = LayerError<EnvelopeErrorCode>

/// An evidence file that is refused (spec §10).
public typealias EvidenceError = LayerError<EvidenceErrorCode>

/// A file that is not what it should be: containers and canonical JSON (spec §1), files on disk, key and identity files (spec §2), passphrases (spec §1.6).
public typealias FormatError = LayerError<FormatErrorCode>

/// A notice or explanation that is refused, or a step of the explanation round that cannot be made (spec §12).
public typealias ExplanationError = LayerError<ExplanationErrorCode>

/// A forwarded explanation that is refused, or a forward that cannot be made (spec §12.5).
public typealias ForwardError = LayerError<ForwardErrorCode>
/// A member's second-round revision that is refused (spec §12.6).
public typealias SecondAppraisalError = LayerError<SecondAppraisalErrorCode>

/// A sealed submission the inbox refuses (spec §6.2).
public typealias InboxError = LayerError<InboxErrorCode>

/// A round journal that does not verify (spec §7).
public typealias JournalError = LayerError<JournalErrorCode>

/// A merge that cannot be made, or a manifest that does not verify (spec §6.3, §6.5).
public typealias MergeError = LayerError<MergeErrorCode>

/// A release policy, approval, token or set of locked results that is refused (spec §4, §8).
public typealias ReleaseError = LayerError<ReleaseErrorCode>

/// A key-ceremony file or outcome that is refused, or a holder the ceremony excludes (spec §4).
public typealias CeremonyError = LayerError<CeremonyErrorCode>

/// A problem in a round input (spec §3.8, §3.9): CSV syntax, the framework, units, self-assessment, members, rank labels, assignments, the survey, a worksheet and its rows.
public typealias InputError = LayerError<InputErrorCode>

/// A round definition or round folder that cannot be used (spec §3, §6.1).
public typealias RoundError = LayerError<RoundErrorCode>

/// A submission that cannot be sealed or whose content is malformed (spec §5, §6.1).
public typealias SubmissionError = LayerError<SubmissionErrorCode>

// The code types of hints, notices and verification findings, by the names callers use.

extension ErrorHint {
    /// The codes of a ``ErrorHint`` (``HintCode``).
    public typealias Code = HintCode
}

extension Notice {
    /// The codes of a ``Notice`` (``NoticeCode``).
    public typealias Code = NoticeCode
}

extension VerificationReport {
    /// The codes of a ``VerificationReport`` (``FindingCode``).
    public typealias Finding = FindingCode
}
