/// A submission that cannot be sealed or whose content is malformed (spec §6.1).
///
/// A ``LayerError`` over this layer's codes: a code, typed facts, an optional hint, no text.
public typealias SubmissionError = LayerError<SubmissionErrorCode>

/// The rules behind ``SubmissionError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum SubmissionErrorCode: String, MessageCode {
    case malformed = "submission.malformed"
    case sealNotMember = "seal.not-member"
    case sealProblems = "seal.problems"
}
