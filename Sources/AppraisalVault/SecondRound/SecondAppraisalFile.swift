internal import VaultCrypto

/// A second-round revision file, `MEMBER.rN.av2` (spec §12.6): a sealed envelope (§5) of kind
/// ``ArtifactKind/secondAppraisal``, sender a member of the round (its round key), recipient the
/// round's secretary, `context` `{"revision": n}`. Received (and verified) without decrypting;
/// the final merge opens it with the secretary's key.
public struct SecondAppraisalFile: Sendable {
    /// The envelope as read (outer signature verified).
    let envelope: SealedEnvelope
    /// The revision (`context.revision`).
    public let revision: Int

    /// The member that signed it (the header's `sender`).
    public var member: String { envelope.header.sender }
    /// The file's BLAKE2b-256 (what the `receive-second` journal entry lists).
    public var fileHash: [UInt8] { envelope.fileHash }
    /// The round hash the header names.
    public var round: [UInt8] { envelope.header.round }

    /// Parses `bytes` and verifies the outer signature (§5.5 steps 1–3); `context` must be exactly
    /// `{"revision": 1–1 000 000}`.
    ///
    /// - Throws: `file.*`/`format.*`, `envelope.bad-length`, `envelope.bad-signature`.
    public init(parsing bytes: [UInt8], file: String) throws {
        guard bytes.count <= SecondAppraisal.maxFileSize else { throw FormatError(.fileTooLarge, [.file(file)]) }
        let envelope = try SealedEnvelope(parsing: bytes, expecting: .secondAppraisal, file: file)
        guard envelope.hasValidOuterSignature else { throw EnvelopeError(.badSignature, [.file(file)]) }
        do throws(FieldReader.Failure) {
            var r = try FieldReader(.object(envelope.header.context), path: "context")
            revision = Int(try r.integer("revision", in: 1...1_000_000))
            try r.finish()
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
        self.envelope = envelope
    }

    /// Reads and parses a second-round revision from disk (file cap §1.8).
    public static func load(_ path: String) throws -> SecondAppraisalFile {
        try SecondAppraisalFile(parsing: FileIO.read(path, maxBytes: SecondAppraisal.maxFileSize), file: path)
    }

    /// The binding to the round, from public data (spec §12.6 "Receive"): this round, to its
    /// secretary, signed by a member with the key the round lists for that member.
    ///
    /// - Throws: ``InboxError`` `inbox.wrong-round`, `inbox.wrong-recipient`, `inbox.wrong-role` (a
    ///   unit's, a holder's or the secretary's id or key), `inbox.not-member`, `inbox.key-mismatch`
    ///   (another member's key).
    func checkBinding(to roster: Roster) throws {
        let file = envelope.file
        let header = envelope.header
        if Sodium.constantTimeEqual(header.round, roster.roundHash), header.recipient == roster.secretary.encryptionKey,
            let unit = roster.units.first(where: { $0.id == header.sender || $0.signingKey == header.senderSigningKey })
        {
            throw InboxError(.wrongRole, [.file(file), .text(unit.id), .text(unit.role.rawValue)])
        }
        _ = try roster.authorize(header: header, file: file)
    }

    /// ``checkBinding(to:)`` against a round definition.
    public func checkBinding(to round: RoundDefinition) throws { try checkBinding(to: round.roster) }

    /// Opens the revision with the secretary's key (§5.5 steps 5–8) and reads the plaintext strictly.
    ///
    /// - Throws: `envelope.not-for-you`, `envelope.*`, ``SecondAppraisalError`` `second.malformed`,
    ///   `second.content-mismatch`.
    public func open(with key: SecretIdentity) throws -> SecondAppraisal { try open(encryptionKey: key.encryptionKey) }

    /// ``open(with:)`` with the X25519 key alone (the test vectors' `recipient-secret-key`).
    func open(encryptionKey: X25519.PrivateKey) throws -> SecondAppraisal {
        try content(try envelope.open(with: encryptionKey))
    }

    /// ``open(with:)``, keeping the content as the member signed it, for the locked results (§12.7).
    func openSigned(with key: SecretIdentity) throws -> (SecondAppraisal, Results.SignedFile) {
        let plain = try envelope.openSigned(with: key.encryptionKey)
        let signed = Results.SignedFile(
            sender: member, revision: revision, fileHash: fileHash, content: try CanonicalJSON.parse(plain.content),
            innerSignature: plain.innerSignature)
        return (try content(plain.content), signed)
    }

    /// The plaintext read strictly and bound to this file's header (member, round, revision).
    private func content(_ plaintext: [UInt8]) throws -> SecondAppraisal {
        let second = try SecondAppraisal(parsing: plaintext, file: envelope.file)
        guard second.member == member, second.round == envelope.header.round, second.revision == revision else {
            throw SecondAppraisalError(.contentMismatch, [.file(envelope.file)])
        }
        return second
    }

    /// Seals `second` from the member to the secretary's `recipient` key (spec §12.6 "Envelope").
    public static func seal(
        _ second: SecondAppraisal, member: SecretIdentity, to recipient: PublicIdentity
    ) throws -> [UInt8] {
        try seal(second, member: member, to: recipient, created: Timestamp.now(), using: SystemRandom())
    }

    /// ``seal(_:member:to:)`` at `created`, with `random` (test vectors).
    static func seal(
        _ second: SecondAppraisal, member: SecretIdentity, to recipient: PublicIdentity, created: String,
        using random: any RandomSource
    ) throws -> [UInt8] {
        try SealedEnvelope.seal(
            CanonicalJSON.serialize(second.json), kind: .secondAppraisal, round: second.round,
            context: ["revision": .integer(Int64(second.revision))], sender: member,
            recipient: recipient.encryptionKey, created: created, using: random)
    }
}
