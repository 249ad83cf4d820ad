/// A release policy, approval, token or set of locked results that is refused (spec §8).
///
/// The error is a value: a ``Code`` naming the rule, the facts it is about (``ErrorContext``) and
/// an optional ``ErrorHint``. It holds no rendered text; the CLI renders it in the user's language
/// from the catalog entry whose id is ``AppraisalError/messageID``. Two errors are equal when their
/// codes are equal, so tests match the rule that fired without depending on wording.
public struct ReleaseError: AppraisalError {
    /// The rule that fired; the raw value is the stable message id (spec, vectors, `verify --json`).
    public enum Code: String, MessageCode {
        case approvalBadDecision = "approval.bad-decision"
        case approvalBadInput = "approval.bad-input"
        case approvalBadSignature = "approval.bad-signature"
        case approvalNotAHolder = "approval.not-a-holder"
        case approvalWrongX = "approval.wrong-x"
        case approvalWrongRound = "approval.wrong-round"
        case approvalWrongManifest = "approval.wrong-manifest"
        case approvalWrongResults = "approval.wrong-results"
        case approvalShareCommitment = "approval.share-commitment"
        case approvalDecisionDiffers = "approval.decision-differs"
        case approvalNotEnough = "approval.not-enough"
        case tokenWrongRound = "token.wrong-round"
        case tokenWrongManifest = "token.wrong-manifest"
        case tokenWrongResults = "token.wrong-results"
        case tokenWrongReleaseKey = "token.wrong-release-key"
        case tokenSecretMismatch = "token.secret-mismatch"
        case tokenDecisionDiffers = "token.decision-differs"
        case tokenDuplicateKey = "token.duplicate-key"
        case resultsWrongRound = "results.wrong-round"
        case resultsWrongSender = "results.wrong-sender"
        case resultsWrongRecipient = "results.wrong-recipient"
        case secretEmpty = "release.secret-empty"
        case holderCount = "release.holder-count"
        case thresholdRange = "release.threshold-range"
        case noShares = "release.no-shares"
        case shareXZero = "release.share-x-zero"
        case shareDuplicateX = "release.share-x-duplicate"
        case shareLengthMismatch = "release.share-length-mismatch"
        case roundIDLength = "release.round-id-length"
        case holderRole = "release.holder-role"
        case duplicateHolderID = "release.duplicate-holder-id"
        case duplicateSigningKey = "release.duplicate-signing-key"
        case duplicateEncryptionKey = "release.duplicate-encryption-key"
        case notAHolder = "release.not-a-holder"
        case shareUnopenable = "release.share-unopenable"
        case shareCommitment = "release.share-commitment"
        case shareUnknownX = "release.share-unknown-x"
        case shareDuplicate = "release.share-duplicate"
        case shareWrongLength = "release.share-wrong-length"
        case notEnoughShares = "release.not-enough-shares"
        case keyMismatch = "release.key-mismatch"
        case notMerged = "release.not-merged"
        case resultsMismatch = "release.results-mismatch"
        case approveNotHolder = "approve.not-holder"
    }

    /// The rule that fired.
    public let code: Code
    /// The facts the message is about, in the order the message uses them.
    public let context: ErrorContext
    /// What to do about it, if there is something to say.
    public let hint: ErrorHint?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The rule that fired.
    ///   - values: The facts, in the order the message uses them.
    ///   - hint: What to do about it.
    ///   - step: The file operation that failed, for file errors.
    public init(_ code: Code, _ values: [ErrorContext.Value] = [], hint: ErrorHint? = nil, step: FileStep? = nil) {
        self.code = code
        self.context = ErrorContext(values, step: step)
        self.hint = hint
    }

    public static func == (a: Self, b: Self) -> Bool { a.code == b.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
