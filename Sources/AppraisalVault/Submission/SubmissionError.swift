/// A submission that cannot be sealed or whose content is malformed (spec §5, §6.1).
///
/// The codes of ``SubmissionError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum SubmissionErrorCode: String, MessageCode {
    case malformed = "submission.malformed"
    case sealNotMember = "seal.not-member"
    case sealProblems = "seal.problems"
    case sealPublicKeyFile = "seal.public-key-file"
    case sealAvaultFile = "seal.avault-file"
    case sealOtherMember = "seal.other-member"
}
