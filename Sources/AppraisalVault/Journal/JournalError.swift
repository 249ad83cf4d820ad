/// A round journal that does not verify (spec §7.4).
///
/// A ``LayerError`` over this layer's codes: a code, typed facts, an optional hint, no text.
public typealias JournalError = LayerError<JournalErrorCode>

/// The rules behind ``JournalError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum JournalErrorCode: String, MessageCode {
    case badSignature = "journal.bad-signature"
    case brokenChain = "journal.broken-chain"
    case wrongRound = "journal.wrong-round"
}
