/// A sealed envelope that does not open (spec §5): signature, recipient, key commitment, chunks.
///
/// The codes of ``EnvelopeError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum EnvelopeErrorCode: String, MessageCode {
    case badLength = "envelope.bad-length"
    case badSignature = "envelope.bad-signature"
    case notForYou = "envelope.not-for-you"
    case commitment = "envelope.commitment"
    case corrupt = "envelope.corrupt"
    case innerSignature = "envelope.inner-signature"
    case changedWhileReading = "envelope.changed-while-reading"
}
