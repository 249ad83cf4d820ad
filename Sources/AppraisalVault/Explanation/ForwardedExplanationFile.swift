internal import VaultCrypto

/// A forwarded explanation file, `forwarded/MEMBER.UNIT.rN.avf` (spec §12.5): a sealed envelope
/// (§5) of kind ``ArtifactKind/forwardedExplanation``, sender the round's secretary, recipient the
/// member's key, `context` `{"member": id, "unit": id}`. Parsing checks the layout and the outer
/// signature; ``checkBinding(to:)`` what an auditor checks with the round's public keys;
/// ``open(with:)`` is what the member does.
public struct ForwardedExplanationFile: Sendable {
    /// The envelope as read (outer signature verified).
    let envelope: SealedEnvelope
    /// The member it is sealed to (`context.member`).
    public let member: String
    /// The unit whose explanation it carries (`context.unit`).
    public let unit: String

    /// The file's BLAKE2b-256 (what the `forward` journal entry lists).
    public var fileHash: [UInt8] { envelope.fileHash }
    /// The round hash the header names.
    public var round: [UInt8] { envelope.header.round }
    /// The sender's id and signing key, for a member to check.
    public var senderFingerprintKey: (id: String, signingKey: [UInt8]) {
        (envelope.header.sender, envelope.header.senderSigningKey.rawRepresentation)
    }

    /// Parses `bytes` and verifies the outer signature (§5.5 steps 1–3); `context` must be exactly
    /// `{"member": identifier, "unit": identifier}`.
    ///
    /// - Throws: `file.*`/`format.*`, `envelope.bad-length`, `envelope.bad-signature`.
    public init(parsing bytes: [UInt8], file: String) throws {
        guard bytes.count <= ForwardedExplanation.maxFileSize else {
            throw FormatError(.fileTooLarge, [.file(file)])
        }
        let envelope = try SealedEnvelope(parsing: bytes, expecting: .forwardedExplanation, file: file)
        guard envelope.hasValidOuterSignature else { throw EnvelopeError(.badSignature, [.file(file)]) }
        do throws(FieldReader.Failure) {
            var r = try FieldReader(.object(envelope.header.context), path: "context")
            member = try r.string("member", maxBytes: 64)
            unit = try r.string("unit", maxBytes: 64)
            try r.finish()
            guard Identifier.isValid(member), Identifier.isValid(unit) else {
                throw FieldReader.Failure(path: "context", reason: "member or unit not an identifier")
            }
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
        self.envelope = envelope
    }

    /// Reads and parses a forwarded explanation file from disk (file cap §1.8).
    public static func load(_ path: String) throws -> ForwardedExplanationFile {
        try ForwardedExplanationFile(
            parsing: FileIO.read(path, maxBytes: ForwardedExplanation.maxFileSize), file: path)
    }

    /// The binding to `round`, from public data (§12.5): this round, sent by its secretary,
    /// `context.unit` a unit with a key, sealed to the key of the member `context.member`.
    ///
    /// - Throws: ``ForwardError`` `forward.wrong-round`, `forward.not-secretary`,
    ///   `forward.wrong-unit`, `forward.wrong-recipient`.
    public func checkBinding(to round: RoundDefinition) throws {
        try checkBinding(
            roundHash: round.fileHash, secretary: round.secretary, member: round.plan.member(member)?.identity,
            unitHasKey: round.plan.unitKey(unit) != nil)
    }

    /// ``checkBinding(to:)`` against the parts of a round: its hash, its secretary, the round's
    /// identity of the member `context.member` (nil: not a member) and whether `context.unit` has a key.
    func checkBinding(roundHash: [UInt8], secretary: PublicIdentity, member identity: PublicIdentity?, unitHasKey: Bool)
        throws
    {
        let file = envelope.file
        let header = envelope.header
        guard Sodium.constantTimeEqual(header.round, roundHash) else {
            throw ForwardError(.wrongRound, [.file(file)])
        }
        guard header.sender == secretary.id, header.senderSigningKey == secretary.signingKey else {
            throw ForwardError(.notSecretary, [.file(file), .member(header.sender)])
        }
        guard unitHasKey else { throw ForwardError(.wrongUnit, [.file(file), .text(unit)]) }
        guard let identity, identity.id == member, header.recipient == identity.encryptionKey else {
            throw ForwardError(.wrongRecipient, [.file(file), .member(member)])
        }
    }

    /// Opens the file with the member's key (§5.5 steps 5–8) and reads the plaintext strictly.
    ///
    /// - Throws: `envelope.not-for-you` (another member's, a unit's or a holder's key),
    ///   `envelope.*`, ``ForwardError`` `forward.malformed`, `forward.content-mismatch`.
    public func open(with key: SecretIdentity) throws -> ForwardedExplanation {
        try open(encryptionKey: key.encryptionKey)
    }

    /// ``open(with:)`` with the X25519 key alone (the test vectors' `recipient-secret-key`).
    func open(encryptionKey: X25519.PrivateKey) throws -> ForwardedExplanation {
        let file = envelope.file
        let forwarded = try ForwardedExplanation(parsing: try envelope.open(with: encryptionKey), file: file)
        guard forwarded.unit == unit, forwarded.member == member, forwarded.round == envelope.header.round else {
            throw ForwardError(.contentMismatch, [.file(file)])
        }
        return forwarded
    }

    /// Seals `forwarded` from the secretary to the member `recipient` (§12.5 "Envelope").
    public static func seal(
        _ forwarded: ForwardedExplanation, secretary: SecretIdentity, to recipient: PublicIdentity
    ) throws -> [UInt8] {
        try seal(forwarded, secretary: secretary, to: recipient, created: Timestamp.now(), using: SystemRandom())
    }

    /// ``seal(_:secretary:to:)`` at `created`, with `random` (test vectors).
    static func seal(
        _ forwarded: ForwardedExplanation, secretary: SecretIdentity, to recipient: PublicIdentity, created: String,
        using random: any RandomSource
    ) throws -> [UInt8] {
        try SealedEnvelope.seal(
            CanonicalJSON.serialize(forwarded.json), kind: .forwardedExplanation, round: forwarded.round,
            context: ["member": .string(forwarded.member), "unit": .string(forwarded.unit)], sender: secretary,
            recipient: recipient.encryptionKey, created: created, using: random)
    }
}
