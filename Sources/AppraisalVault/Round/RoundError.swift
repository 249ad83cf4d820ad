/// A round definition or round folder that cannot be used (spec §3, §6.1).
///
/// The codes of ``RoundError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum RoundErrorCode: String, MessageCode {
    case badTitle = "round.bad-title"
    case badYear = "round.bad-year"
    case badReference = "round.bad-reference"
    case badDocument = "round.bad-document"
    case badDeadline = "round.bad-deadline"
    case tooManyRecipients = "round.too-many-recipients"
    case inputsIncomplete = "round.inputs-incomplete"
    case demoRefused = "round.demo-refused"
    case secretaryRole = "round.secretary-role"
    case badSignature = "round.bad-signature"
    case noFolder = "round.no-folder"
    case outNotEmpty = "round.out-not-empty"
    case sharedKey = "round.shared-key"
    case fingerprintUnreadable = "round.fingerprint-unreadable"
    case fingerprintMismatch = "round.fingerprint-mismatch"
    case locked = "round.locked"
}
