/// A round journal that does not verify (spec §7).
///
/// The codes of ``JournalError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum JournalErrorCode: String, MessageCode {
    case badSignature = "journal.bad-signature"
    case brokenChain = "journal.broken-chain"
    case wrongRound = "journal.wrong-round"
}
