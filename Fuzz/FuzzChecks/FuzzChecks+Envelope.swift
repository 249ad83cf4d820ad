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

    /// Locked results in the seed corpus are sealed to the joint key of this fixed 1-of-1 key
    /// ceremony of a fuzz holder, so a mutated seed still reaches the partial-decryption open.
    ///
    /// Only the joint key and the holder's secret are kept: the ceremony's parsed files are freed
    /// once they are judged (a process-long JSON tree behind spare-bit-tagged enum pointers is
    /// reported as a leak by LeakSanitizer).
    static let locked: (jointKey: Ristretto255.Point, secret: Ristretto255.Scalar) = {
        do {
            let random = DeterministicRandom(seed: "fuzz ceremony")
            let holder = try SecretIdentity.generate(
                id: "fuzz-holder", name: "Fuzz holder", role: .holder, isDemo: true, created: "2026-01-01T00:00:00Z",
                using: random)
            let secretary = try SecretIdentity.generate(
                id: "fuzz-secretary", name: "Fuzz secretary", role: .secretary, isDemo: true,
                created: "2026-01-01T00:00:00Z", using: random)
            let outcome = try Ceremony.hold(
                holders: [holder], threshold: 1, secretary: secretary.identity, created: "2026-01-01T00:00:00Z",
                using: random)
            let policy = ReleasePolicy(outcome)
            return (policy.jointKey, try policy.holderSecret(holder).secret)
        } catch {
            preconditionFailure("internal error: fuzz ceremony: \(error)")
        }
    }()

    /// Parses and opens an envelope with the fixed keys (the corpus test's entry to ``openFixed(_:)``).
    public static func openFixed(bytes: [UInt8]) throws -> [UInt8] {
        try openFixed(
            SealedEnvelope(parsing: bytes, expecting: ArtifactKind(rawValue: bytes[8]) ?? .submission, file: file))
    }

    /// Opens `envelope` with the fixed keys: the identity's X25519 key, or for locked results the
    /// fuzz holder's partial decryption of its ephemeral point.
    static func openFixed(_ envelope: SealedEnvelope) throws -> [UInt8] {
        guard case .joint(_, let u) = envelope.header.keyTransport else {
            return try envelope.open(with: identity.encryptionKey)
        }
        return try envelope.open(jointKey: locked.jointKey, partials: [(1, try u.multiplied(by: locked.secret))])
    }

    /// `SealedEnvelope(parsing:expecting:file:)` for each envelope kind, then
    /// `hasValidOuterSignature` and ``openFixed(_:)`` with the fixed keys: accepted ⇒ the parts
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
        guard let content = try? openFixed(envelope) else { return }
        try Fuzz.require(signed, "opened an envelope whose outer signature is invalid")
        if kind == .submission { try submission(content) }
        if kind == .survey { try survey(content) }
        if kind == .notice { try notice(content) }
        if kind == .explanation { try explanation(content) }
        if kind == .forwardedExplanation { try forwardedExplanation(content) }
        if kind == .secondAppraisal { try secondAppraisal(content) }
    }
}
