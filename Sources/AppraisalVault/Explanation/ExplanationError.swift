/// A notice (or, later, an explanation) that is refused (spec §12).
///
/// The codes of ``ExplanationError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum ExplanationErrorCode: String, MessageCode {
    case noticeWrongRound = "notice.wrong-round"
    case noticeNotSecretary = "notice.not-secretary"
    case noticeWrongRecipient = "notice.wrong-recipient"
    case noticeMalformed = "notice.malformed"
    case noticeContentMismatch = "notice.content-mismatch"
    case noticeNotAUnit = "notice.not-a-unit"
    case noticeOtherUnit = "notice.other-unit"
    case noUnitKeys = "merge.no-unit-keys"
    case preliminaryDone = "merge.preliminary-done"
    case afterPreliminary = "inbox.after-preliminary"
    case badDeadline = "merge.bad-deadline"
}
