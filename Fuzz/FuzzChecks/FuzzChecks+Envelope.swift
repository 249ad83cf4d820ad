@testable internal import AppraisalVault
@testable internal import VaultCrypto

// MARK: - Sealed envelope

extension FuzzChecks {
    /// The fixed identity envelopes in the seed corpus are sealed from and to: made once from the
    /// public seed `"fuzz"`, so a mutated seed still reaches `open(with:)` past the recipient check.
    static let identity: SecretIdentity = {
        do {
            return try SecretIdentity.generate(
                id: "fuzz", name: "Fuzz", role: .member, isDemo: true, created: "2026-01-01T00:00:00Z",
                using: DeterministicRandom(seed: "fuzz"))
        } catch {
            preconditionFailure("internal error: fuzz identity: \(error)")
        }
    }()

    /// `SealedEnvelope(parsing:expecting:file:)` for each envelope kind, then
    /// `hasValidOuterSignature` and `open(with:)` with the fixed key: accepted ⇒ the parts
    /// reassemble to `x`; opened ⇒ the outer signature was valid and the content parses or throws.
    @Sendable public static func envelope(_ bytes: [UInt8]) throws(InvariantViolation) {
        let kind = bytes.count > 8 ? ArtifactKind(rawValue: bytes[8]) ?? .submission : .submission
        guard let envelope = try? SealedEnvelope(parsing: bytes, expecting: kind, file: file) else { return }
        try Fuzz.require(
            envelope.preamble + Array(envelope.payload) + envelope.outerSignature == bytes,
            "preamble + payload + signature != x")
        try Fuzz.require(
            envelope.preamble == Container.preamble(kind: kind, header: envelope.header.json),
            "EnvelopeHeader.json != header")
        let signed = envelope.hasValidOuterSignature
        _ = envelope.fileHash
        guard let content = try? envelope.open(with: identity.encryptionKey) else { return }
        try Fuzz.require(signed, "opened an envelope whose outer signature is invalid")
        if kind == .submission { try submission(content) }
    }
}
