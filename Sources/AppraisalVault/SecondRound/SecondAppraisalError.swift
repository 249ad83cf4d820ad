/// A second-round revision that is refused (spec §12.6), when it is written, received or read.
///
/// The codes of ``SecondAppraisalError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum SecondAppraisalErrorCode: String, MessageCode {
    case notAMember = "second.not-a-member"
    case forwardedOtherMember = "second.forwarded-other-member"
    case forwardedTwice = "second.forwarded-twice"
    case notExplained = "second.not-explained"
    case missingRow = "second.missing-row"
    case duplicateRow = "second.duplicate-row"
    case changedCell = "second.changed-cell"
    case badDecision = "second.bad-decision"
    case keepChangesScore = "second.keep-changes-score"
    case changeKeepsScore = "second.change-keeps-score"
    case missingScore = "second.missing-score"
    case badScore = "second.bad-score"
    case unexplainedKeep = "second.unexplained-keep"
    case missingReason = "second.missing-reason"
    case longReason = "second.long-reason"
    case badUnexplained = "second.bad-unexplained"
    case malformed = "second.malformed"
    case contentMismatch = "second.content-mismatch"
    case inboxBeforeForward = "inbox.second-before-forward"
}
