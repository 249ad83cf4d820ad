/// A merge that cannot be made, or a manifest that does not verify (spec §7.3).
///
/// A ``LayerError`` over this layer's codes: a code, typed facts, an optional hint, no text.
public typealias MergeError = LayerError<MergeErrorCode>

/// The rules behind ``MergeError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum MergeErrorCode: String, MessageCode {
    case manifestBadSignature = "manifest.bad-signature"
    case missingEvidence = "merge.missing-evidence"
    case evidenceMismatch = "merge.evidence-mismatch"
    case unlistedEvidence = "merge.unlisted-evidence"
    case alreadyJournaled = "merge.already-journaled"
    case notSecretary = "merge.not-secretary"
    case alreadyMerged = "merge.already-merged"
    case contentMismatch = "merge.content-mismatch"
    case invalidContent = "merge.invalid-content"
    case incomplete = "merge.incomplete"
}
