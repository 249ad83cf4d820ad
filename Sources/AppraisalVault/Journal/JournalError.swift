/// A round journal that does not verify (spec §7).
///
/// The codes of ``JournalError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum JournalErrorCode: String, MessageCode {
    case badSignature = "journal.bad-signature"
    case brokenChain = "journal.broken-chain"
    case wrongRound = "journal.wrong-round"
    /// The journal does not extend the head this machine pinned (spec §11.2).
    case rolledBack = "journal.rolled-back"
    /// A pin file that does not follow spec §11.1.
    case pinMalformed = "journal.pin-malformed"
    /// `avault pin --accept HEAD` named a head other than the journal's.
    case pinAcceptMismatch = "journal.pin-accept-mismatch"
    /// No state folder: neither `XDG_STATE_HOME` nor `HOME` is set (spec §11.1).
    case pinNoState = "journal.pin-no-state"
    /// A receipt not signed by the round's secretary (spec §11.3).
    case receiptBadSignature = "receipt.bad-signature"
    /// A receipt for another round.
    case receiptWrongRound = "receipt.wrong-round"
    /// The journal does not hold the receipt's entry at its index.
    case receiptNotInJournal = "receipt.not-in-journal"
    /// A checkpoint whose signature by its holder key does not verify (spec §11.4).
    case checkpointBadSignature = "checkpoint.bad-signature"
    /// A checkpoint signed by a key that is not a release holder of the round.
    case checkpointNotAHolder = "checkpoint.not-a-holder"
    /// A checkpoint for another round.
    case checkpointWrongRound = "checkpoint.wrong-round"
    /// The journal does not extend the checkpoint's head.
    case checkpointNotExtended = "checkpoint.not-extended"
}
