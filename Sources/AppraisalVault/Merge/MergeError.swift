/// A merge that cannot be made, or a manifest that does not verify (spec §6.3, §6.5).
///
/// The codes of ``MergeError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum MergeErrorCode: String, MessageCode {
    case manifestBadSignature = "manifest.bad-signature"
    case missingEvidence = "merge.missing-evidence"
    case evidenceMismatch = "merge.evidence-mismatch"
    case unlistedEvidence = "merge.unlisted-evidence"
    case alreadyJournaled = "merge.already-journaled"
    case notSecretary = "merge.not-secretary"
    case alreadyMerged = "merge.already-merged"
    case contentMismatch = "merge.content-mismatch"
    case submissionChanged = "merge.submission-changed"
    case invalidContent = "merge.invalid-content"
    case incomplete = "merge.incomplete"
    case surveyMissing = "merge.survey-missing"
    case surveyNotUsed = "merge.survey-not-used"
    case surveyContent = "merge.survey-content"
    case surveyAfterMerge = "survey.after-merge"
    case noPreliminary = "merge.no-preliminary"
    case preliminaryChanged = "merge.preliminary-changed"
    case notForwarded = "merge.not-forwarded"
    case secondMismatch = "merge.second-mismatch"
    case unexplainedChange = "merge.unexplained-change"
    case secondMissing = "merge.second-missing"
    case explanationMismatch = "merge.explanation-mismatch"
    case exceptionUnused = "merge.exception-unused"
}
