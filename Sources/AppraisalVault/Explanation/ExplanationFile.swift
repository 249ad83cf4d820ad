internal import VaultCrypto

/// An explanation file, `UNIT.rN.avx` (spec §12.4): a sealed envelope (§5) of kind
/// ``ArtifactKind/explanation``, sender the unit (its round key), recipient the round's
/// secretary, `context` `{"notice": hex32, "revision": n}`. The notice hash is in the header, so
/// the binding to the notice issued to that unit is checked without decrypting.
public struct ExplanationFile: Sendable {
    /// The envelope as read (outer signature verified).
    let envelope: SealedEnvelope
    /// The file hash of the notice answered (`context.notice`).
    public let notice: [UInt8]
    /// The revision (`context.revision`).
    public let revision: Int

    /// The unit that signed it (the header's `sender`).
    public var unit: String { envelope.header.sender }
    /// The file's BLAKE2b-256 (what the `receive-explanation` journal entry lists).
    public var fileHash: [UInt8] { envelope.fileHash }
    /// The round hash the header names.
    public var round: [UInt8] { envelope.header.round }

    /// Parses `bytes` and verifies the outer signature (§5.5 steps 1–3); `context` must be exactly
    /// `{"notice": hex32, "revision": 1–1 000 000}` and the sender an identifier.
    ///
    /// - Throws: `file.*`/`format.*`, `envelope.bad-length`, `envelope.bad-signature`.
    public init(parsing bytes: [UInt8], file: String) throws {
        guard bytes.count <= UnitExplanation.maxFileSize else { throw FormatError(.fileTooLarge, [.file(file)]) }
        let envelope = try SealedEnvelope(parsing: bytes, expecting: .explanation, file: file)
        guard envelope.hasValidOuterSignature else { throw EnvelopeError(.badSignature, [.file(file)]) }
        do throws(FieldReader.Failure) {
            var r = try FieldReader(.object(envelope.header.context), path: "context")
            notice = try r.hex("notice", length: 32)
            revision = Int(try r.integer("revision", in: 1...1_000_000))
            try r.finish()
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
        self.envelope = envelope
    }

    /// Reads and parses an explanation file from disk (file cap §1.8).
    public static func load(_ path: String) throws -> ExplanationFile {
        try ExplanationFile(parsing: FileIO.read(path, maxBytes: UnitExplanation.maxFileSize), file: path)
    }

    /// The binding to the round, from public data (§12.4 "Receive"): this round, to its secretary,
    /// signed by a unit with the key the round lists for it, answering the notice issued to that
    /// unit (`notices`: unit → notice file hash, from the `preliminary` entry).
    ///
    /// - Throws: ``InboxError`` `inbox.wrong-round`, `inbox.wrong-recipient`; ``ExplanationError``
    ///   `inbox.explanation-wrong-role` (a member's, holder's or the secretary's signature),
    ///   `inbox.not-a-unit`, `inbox.unit-key-mismatch`, `inbox.no-notice`, `inbox.wrong-notice`.
    func checkBinding(to roster: Roster, notices: [String: [UInt8]]) throws {
        let file = envelope.file
        let header = envelope.header
        guard Sodium.constantTimeEqual(header.round, roster.roundHash) else {
            throw InboxError(.wrongRound, [.file(file)], hint: ErrorHint(.inboxWrongRound))
        }
        guard header.recipient == roster.secretary.encryptionKey else {
            throw InboxError(.wrongRecipient, [.file(file)])
        }
        let key = header.senderSigningKey
        guard let unit = roster.units.first(where: { $0.id == header.sender }) else {
            if let other = (roster.members + roster.holders + [roster.secretary]).first(where: {
                $0.id == header.sender || $0.signingKey == key
            }) {
                throw ExplanationError(
                    .inboxExplanationWrongRole, [.file(file), .text(other.id), .text(other.role.rawValue)])
            }
            throw ExplanationError(.inboxNotAUnit, [.file(file), .text(header.sender)])
        }
        guard unit.signingKey == key else {
            throw ExplanationError(.inboxUnitKeyMismatch, [.file(file), .text(unit.id)])
        }
        guard let issued = notices[unit.id] else {
            throw ExplanationError(.inboxNoNotice, [.file(file), .text(unit.id)])
        }
        guard Sodium.constantTimeEqual(issued, notice) else {
            throw ExplanationError(.inboxWrongNotice, [.file(file), .text(unit.id)])
        }
    }

    /// ``checkBinding(to:notices:)`` against a round definition.
    public func checkBinding(to round: RoundDefinition, notices: [String: [UInt8]]) throws {
        try checkBinding(to: round.roster, notices: notices)
    }

    /// Opens the explanation with the secretary's key (§5.5 steps 5–8) and reads the plaintext strictly.
    ///
    /// - Throws: `envelope.not-for-you`, `envelope.*`, ``ExplanationError`` `explanation.malformed`,
    ///   `explanation.content-mismatch`.
    public func open(with key: SecretIdentity) throws -> UnitExplanation { try open(encryptionKey: key.encryptionKey) }

    /// ``open(with:)`` with the X25519 key alone (the test vectors' `recipient-secret-key`).
    func open(encryptionKey: X25519.PrivateKey) throws -> UnitExplanation {
        try content(try envelope.open(with: encryptionKey))
    }

    /// ``open(with:)``, keeping the content as the unit signed it, for the locked results (§12.7).
    func openSigned(with key: SecretIdentity) throws -> (UnitExplanation, Results.SignedFile) {
        let plain = try envelope.openSigned(with: key.encryptionKey)
        let signed = Results.SignedFile(
            sender: unit, revision: revision, fileHash: fileHash, content: try CanonicalJSON.parse(plain.content),
            innerSignature: plain.innerSignature)
        return (try content(plain.content), signed)
    }

    /// The plaintext read strictly and bound to this file's header (unit, round, revision, notice).
    private func content(_ plaintext: [UInt8]) throws -> UnitExplanation {
        let explanation = try UnitExplanation(parsing: plaintext, file: envelope.file)
        guard explanation.unit == unit, explanation.round == envelope.header.round,
            explanation.revision == revision, explanation.notice == notice
        else {
            throw ExplanationError(.contentMismatch, [.file(envelope.file)])
        }
        return explanation
    }

    /// Seals `explanation` from the unit to the secretary's `recipient` key (§12.4 "Envelope").
    public static func seal(
        _ explanation: UnitExplanation, unit: SecretIdentity, to recipient: PublicIdentity
    ) throws -> [UInt8] {
        try seal(explanation, unit: unit, to: recipient, created: Timestamp.now(), using: SystemRandom())
    }

    /// ``seal(_:unit:to:)`` at `created`, with `random` (test vectors).
    static func seal(
        _ explanation: UnitExplanation, unit: SecretIdentity, to recipient: PublicIdentity, created: String,
        using random: any RandomSource
    ) throws -> [UInt8] {
        try SealedEnvelope.seal(
            CanonicalJSON.serialize(explanation.json), kind: .explanation, round: explanation.round,
            context: ["notice": .hex(explanation.notice), "revision": .integer(Int64(explanation.revision))],
            sender: unit, recipient: recipient.encryptionKey, created: created, using: random)
    }
}
