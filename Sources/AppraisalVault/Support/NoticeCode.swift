/// A statement of the library that is not an error: demo progress, a release notice, a file
/// kind's name. The raw value is the catalog id of its text.
public enum NoticeCode: String, MessageCode {
    case approvalCountedOnce = "approval.counted-once"
    case combineWrote = "combine.wrote"
    case openWrote = "open.wrote"
    case demoStep = "demo.step"
    case ceremonyFinished = "ceremony.finished"
    case demoFilled = "demo.filled"
    case demoApproved = "demo.approved"
    case demoVerified = "demo.verified"
    case demoRanking = "demo.ranking"
    case demoRank = "demo.rank"
    case demoRankExtras = "demo.rank-extras"
    case roundFingerprintLine = "round.fingerprint"
    case mergeCoverage = "merge.coverage"
    case mergeReducedMaximum = "merge.reduced-maximum"
    case surveyImported = "survey.imported"
    case receiveSummary = "receive.summary"
    case kindName = "format.kind-name"
    case roundLockWaiting = "round.lock-waiting"
}
