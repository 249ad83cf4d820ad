/// A forwarded explanation that is refused, or an `explanations forward` that cannot be made (spec §12.5).
///
/// The codes of ``ForwardError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum ForwardErrorCode: String, MessageCode {
    case wrongRound = "forward.wrong-round"
    case notSecretary = "forward.not-secretary"
    case wrongRecipient = "forward.wrong-recipient"
    case wrongUnit = "forward.wrong-unit"
    case malformed = "forward.malformed"
    case contentMismatch = "forward.content-mismatch"
    case notAMember = "forward.not-a-member"
    case otherMember = "forward.other-member"
    case noPreliminary = "forward.no-preliminary"
    case afterMerge = "forward.after-merge"
    case preliminaryChanged = "forward.preliminary-changed"
    case answersMismatch = "forward.answers-mismatch"
    case evidenceMissing = "forward.evidence-missing"
    case evidenceMismatch = "forward.evidence-mismatch"
}
