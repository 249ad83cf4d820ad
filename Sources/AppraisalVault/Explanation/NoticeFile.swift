internal import VaultCrypto

/// A notice file, `notices/UNIT.avn` (spec §12.3): a sealed envelope (§5) of kind
/// ``ArtifactKind/notice``, sender the round's secretary, recipient the unit's key, `context`
/// `{"unit": id}`. Parsing checks the layout and the outer signature; ``checkBinding(to:)`` what an
/// auditor checks with the round's public keys; ``open(with:)`` is what the unit does.
public struct NoticeFile: Sendable {
    /// The envelope as read (outer signature verified).
    let envelope: SealedEnvelope
    /// The unit the notice is for (`context.unit`).
    public let unit: String

    /// The file's BLAKE2b-256 (what the `preliminary` journal entry lists).
    public var fileHash: [UInt8] { envelope.fileHash }
    /// The round hash the header names.
    public var round: [UInt8] { envelope.header.round }
    /// The sender's id and signing key, for a unit to check by phone.
    public var senderFingerprintKey: (id: String, signingKey: [UInt8]) {
        (envelope.header.sender, envelope.header.senderSigningKey.rawRepresentation)
    }

    /// Parses `bytes` and verifies the outer signature (§5.5 steps 1–3); `context` must be exactly
    /// `{"unit": identifier}`.
    ///
    /// - Throws: `file.*`/`format.*`, `envelope.bad-length`, `envelope.bad-signature`.
    public init(parsing bytes: [UInt8], file: String) throws {
        guard bytes.count <= UnitNotice.maxFileSize else { throw FormatError(.fileTooLarge, [.file(file)]) }
        let envelope = try SealedEnvelope(parsing: bytes, expecting: .notice, file: file)
        guard envelope.hasValidOuterSignature else { throw EnvelopeError(.badSignature, [.file(file)]) }
        guard envelope.header.context.count == 1, case .string(let unit)? = envelope.header.context["unit"],
            Identifier.isValid(unit)
        else { throw FormatError(.header, [.file(file), .text("context: expected exactly {\"unit\": id}")]) }
        self.envelope = envelope
        self.unit = unit
    }

    /// Reads and parses a notice file from disk (file cap §1.8).
    public static func load(_ path: String) throws -> NoticeFile {
        try NoticeFile(parsing: FileIO.read(path, maxBytes: UnitNotice.maxFileSize), file: path)
    }

    /// The binding to `round`, from public data (§12.3 "Reading"): this round, sent by its
    /// secretary, to the key the round lists for `context.unit`.
    ///
    /// - Throws: ``ExplanationError`` `notice.wrong-round`, `notice.not-secretary`, `notice.wrong-recipient`.
    public func checkBinding(to round: RoundDefinition) throws {
        let file = envelope.file
        guard envelope.header.round == round.fileHash else { throw ExplanationError(.noticeWrongRound, [.file(file)]) }
        try checkSender(round.secretary)
        guard let key = round.plan.unitKey(unit), envelope.header.recipient == key.encryptionKey else {
            throw ExplanationError(.noticeWrongRecipient, [.file(file), .text(unit)])
        }
    }

    /// The sender check alone (§12.3 "Reading"), for a unit that holds the secretary's public file
    /// but not the round: the notice was sent and signed by `secretary`.
    ///
    /// - Throws: ``ExplanationError`` `notice.not-secretary`.
    public func checkSender(_ secretary: PublicIdentity) throws {
        guard secretary.role == .secretary, envelope.header.sender == secretary.id,
            envelope.header.senderSigningKey == secretary.signingKey
        else {
            throw ExplanationError(.noticeNotSecretary, [.file(envelope.file), .member(envelope.header.sender)])
        }
    }

    /// Opens the notice with the unit's key (§5.5 steps 5–8) and reads the plaintext strictly.
    ///
    /// - Throws: `envelope.not-for-you` (another unit's, a member's or a holder's key),
    ///   `envelope.*`, ``ExplanationError`` `notice.malformed`, `notice.content-mismatch`.
    public func open(with key: SecretIdentity) throws -> UnitNotice { try open(encryptionKey: key.encryptionKey) }

    /// ``open(with:)`` with the unit's X25519 key alone (the test vectors' `recipient-secret-key`).
    func open(encryptionKey: X25519.PrivateKey) throws -> UnitNotice {
        let file = envelope.file
        let notice = try UnitNotice(parsing: try envelope.open(with: encryptionKey), file: file)
        guard notice.unit == unit, notice.round == envelope.header.round,
            notice.secretary.id == envelope.header.sender,
            notice.secretary.signingKey == envelope.header.senderSigningKey
        else {
            throw ExplanationError(.noticeContentMismatch, [.file(file)])
        }
        return notice
    }

    /// Seals `notice` from the secretary to `unitKey` (§12.3 "Envelope").
    static func seal(
        _ notice: UnitNotice, secretary: SecretIdentity, to unitKey: PublicIdentity, created: String,
        using random: any RandomSource
    ) throws -> [UInt8] {
        try SealedEnvelope.seal(
            CanonicalJSON.serialize(notice.json), kind: .notice, round: notice.round,
            context: ["unit": .string(notice.unit)], sender: secretary, recipient: unitKey.encryptionKey,
            created: created, using: random)
    }
}
