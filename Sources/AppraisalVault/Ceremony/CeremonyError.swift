/// A key-ceremony file or outcome that is refused, or a holder the ceremony excludes (spec §4).
///
/// The codes of ``CeremonyError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum CeremonyErrorCode: String, MessageCode {
    /// A dealing or acknowledgement names another plan (another ceremony, or another round).
    case wrongPlan = "ceremony.wrong-plan"
    /// A dealing or acknowledgement is not signed by the holder at its x.
    case badSignature = "ceremony.bad-signature"
    /// The key is not one of the plan's holders.
    case notAHolder = "ceremony.not-a-holder"
    /// No dealing, or no acknowledgement, from these holders yet.
    case missing = "ceremony.missing"
    /// Two files from one holder in one pass.
    case duplicate = "ceremony.duplicate"
    /// A dealer's proof of knowledge of its constant term fails: excluded.
    case badProof = "ceremony.bad-proof"
    /// A dealer's signed share to a holder is not on its commitments: excluded.
    case dealerCheated = "ceremony.dealer-cheated"
    /// A complaint whose evidence does not hold: the complainer is excluded.
    case falseComplaint = "ceremony.false-complaint"
    /// An acknowledgement cites other dealings than the ceremony's.
    case ackMismatch = "ceremony.ack-mismatch"
    /// The share a dealer sealed to this holder cannot be opened, or is not signed by the dealer.
    case shareUnopenable = "ceremony.share-unopenable"
    /// Fewer than t holders remain after exclusions.
    case tooFew = "ceremony.too-few"
    /// The round is not the plan's: another round id or another secretary.
    case roundMismatch = "ceremony.round-mismatch"
    /// The holder was excluded at the ceremony and holds no share.
    case excluded = "ceremony.excluded"
    /// The holder's opened shares do not give its verification key.
    case shareMismatch = "ceremony.share-mismatch"
}
