/// An evidence file that is refused (spec §10).
///
/// The codes of ``EvidenceError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum EvidenceErrorCode: String, MessageCode {
    case badName = "evidence.bad-name"
    case nameCharacter = "evidence.name-character"
    case duplicateName = "evidence.duplicate-name"
    case tooMany = "evidence.too-many"
    case noSubmission = "evidence.no-submission"
    case notLive = "evidence.not-live"
    case afterMerge = "evidence.after-merge"
    case indexTaken = "evidence.index-taken"
    case strayFile = "evidence.stray-file"
}
