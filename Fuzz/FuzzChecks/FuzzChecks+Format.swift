@testable internal import AppraisalVault
@testable internal import VaultCrypto

// MARK: - Canonical JSON and the outer layout

extension FuzzChecks {
    /// `CanonicalJSON.parse`: accepted ⇒ `serialize(parse(x)) == x`. The input as text (when it
    /// is valid UTF-8): the byte-level text checks the parser and the readers use (`Text.isNFC`,
    /// `Text.refusal`, `Text.isBlank`) answer as their scalar-by-scalar definitions.
    @Sendable public static func canonicalJSON(_ bytes: [UInt8]) throws(InvariantViolation) {
        if let text = String(validating: bytes, as: UTF8.self) {
            try Fuzz.require(
                Text.isNFC(text) == (Array(Text.nfc(text).utf8) == bytes), "Text.isNFC differs from NFC(x) == x")
            for multiline in [false, true] {
                try Fuzz.require(
                    Text.refusal(in: text, multiline: multiline) == Text.scalarRefusal(in: text, multiline: multiline),
                    "Text.refusal differs from the scalar-by-scalar definition")
            }
            try Fuzz.require(
                Text.isBlank(text) == text.unicodeScalars.allSatisfy(Text.isBlank), "Text.isBlank differs by scalar")
        }
        guard let value = try? CanonicalJSON.parse(bytes) else { return }
        try Fuzz.require(CanonicalJSON.serialize(value) == bytes, "serialize(parse(x)) != x")
    }

    /// `Container(parsing:expecting:)` for the kind the input names, then `SignedDocument` and the
    /// typed header reader of that kind: accepted ⇒ `Container.encode(kind, header, body) == x`,
    /// and a header that reads re-encodes to the same JSON.
    @Sendable public static func container(_ bytes: [UInt8]) throws(InvariantViolation) {
        let kind = bytes.count > 8 ? ArtifactKind(rawValue: bytes[8]) ?? .secretKey : .secretKey
        guard let container = try? Container(parsing: bytes, expecting: kind, file: file) else { return }
        try Fuzz.require(
            Container.encode(kind: kind, header: container.header, body: Array(container.body)) == bytes,
            "Container.encode(parse(x)) != x")
        try Fuzz.require(container.preamble.count + container.body.count == bytes.count, "preamble + body != x")
        if let doc = try? SignedDocument(parsing: bytes, expecting: kind, file: file) {
            try Fuzz.require(doc.signature.count == Ed25519.signatureLength, "signature length")
            _ = doc.fileHash
        }
        let header = container.header
        switch kind {
        case .publicIdentity:
            if let identity = try? PublicIdentity(json: header) {
                try Fuzz.require(identity.json == header, "PublicIdentity.json != header")
            }
        case .manifest:
            if let manifest = try? Manifest(json: header) {
                try Fuzz.require(manifest.json == header, "Manifest.json != header")
            }
        case .submission, .lockedResults, .evidence, .survey, .notice, .explanation, .forwardedExplanation,
            .secondAppraisal:
            if let envelopeHeader = try? EnvelopeHeader(json: header, kind: kind) {
                try Fuzz.require(envelopeHeader.json == header, "EnvelopeHeader.json != header")
            }
        case .secretKey, .roundDefinition, .approval, .releaseToken, .journalHead, .ceremonyPlan, .ceremonyDealing,
            .ceremonyAck, .receipt, .checkpoint:
            break  // covered by their own targets (FuzzCeremony, FuzzApproval, FuzzReceipt, FuzzCheckpoint, …)
        }
    }
}
