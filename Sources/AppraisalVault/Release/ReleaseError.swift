/// A release policy, approval, token or set of locked results that is refused (spec §8).
///
/// A ``LayerError`` over this layer's codes: a code, typed facts, an optional hint, no text.
public typealias ReleaseError = LayerError<ReleaseErrorCode>

/// The rules behind ``ReleaseError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum ReleaseErrorCode: String, MessageCode {
    case approvalBadDecision = "approval.bad-decision"
    case approvalBadInput = "approval.bad-input"
    case approvalBadSignature = "approval.bad-signature"
    case approvalNotAHolder = "approval.not-a-holder"
    case approvalWrongX = "approval.wrong-x"
    case approvalWrongRound = "approval.wrong-round"
    case approvalWrongManifest = "approval.wrong-manifest"
    case approvalWrongResults = "approval.wrong-results"
    case approvalBadProof = "approval.bad-proof"
    case approvalDecisionDiffers = "approval.decision-differs"
    case approvalNotEnough = "approval.not-enough"
    case tokenWrongRound = "token.wrong-round"
    case tokenWrongManifest = "token.wrong-manifest"
    case tokenWrongResults = "token.wrong-results"
    case tokenDecisionDiffers = "token.decision-differs"
    case tokenDuplicateKey = "token.duplicate-key"
    case resultsWrongRound = "results.wrong-round"
    case resultsWrongSender = "results.wrong-sender"
    case resultsWrongRecipient = "results.wrong-recipient"
    case holderCount = "release.holder-count"
    case thresholdRange = "release.threshold-range"
    case holderRole = "release.holder-role"
    case duplicateHolderID = "release.duplicate-holder-id"
    case duplicateSigningKey = "release.duplicate-signing-key"
    case duplicateEncryptionKey = "release.duplicate-encryption-key"
    case notAHolder = "release.not-a-holder"
    case notMerged = "release.not-merged"
    case resultsMismatch = "release.results-mismatch"
    case approveNotHolder = "approve.not-holder"
}
