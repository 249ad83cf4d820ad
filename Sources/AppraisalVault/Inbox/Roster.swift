internal import VaultCrypto

/// Who may do what in a round: the part of a round definition that authorisation checks need.
struct Roster: Sendable {
    /// The round definition's file hash, which every artifact binds to.
    let roundHash: [UInt8]
    /// The round's secretary.
    let secretary: PublicIdentity
    /// The appraising members.
    let members: [PublicIdentity]
    /// The release holders.
    let holders: [PublicIdentity]
    /// The units' keys (spec §12.1): who may send an explanation.
    var units: [PublicIdentity] = []

    /// The member with `id`, if any.
    func member(_ id: String) -> PublicIdentity? { members.first { $0.id == id } }

    /// Checks a sealed submission's binding to this round, without decrypting (spec §5.5 step 4).
    ///
    /// - Throws: ``InboxError`` `inbox.bad-signature`, `inbox.wrong-round`, `inbox.wrong-recipient`,
    ///   `inbox.wrong-role`, `inbox.not-member`, `inbox.key-mismatch`.
    func authorize(_ envelope: SealedEnvelope) throws -> PublicIdentity {
        let file = envelope.file
        guard envelope.hasValidOuterSignature else {
            throw EnvelopeError(.badSignature, [.file(file)], hint: ErrorHint(.askForNewCopy))
        }
        return try authorize(header: envelope.header, file: file)
    }

    /// The binding checks of a member's envelope header (no signature check): round, recipient,
    /// sender and key (spec §6.2 steps 3–6). Callers verify the outer signature first.
    func authorize(header: EnvelopeHeader, file: String) throws -> PublicIdentity {
        guard Sodium.constantTimeEqual(header.round, roundHash) else {
            throw InboxError(.wrongRound, [.file(file)], hint: ErrorHint(.inboxWrongRound))
        }
        guard header.recipient == secretary.encryptionKey else {
            throw InboxError(.wrongRecipient, [.file(file)])
        }
        let sender = header.sender
        let key = header.senderSigningKey
        guard let member = member(sender) else {
            if let other = (holders + [secretary]).first(where: { $0.id == sender || $0.signingKey == key }) {
                throw InboxError(.wrongRole, [.file(file), .text(other.id), .text(other.role.rawValue)])
            }
            throw InboxError(.notMember, [.file(file), .member(sender)])
        }
        guard member.signingKey == key else {
            if let impostor = members.first(where: { $0.signingKey == key }) {
                throw InboxError(.keyMismatch, [.file(file), .member(sender), .text(impostor.id)])
            }
            throw InboxError(.keyMismatch, [.file(file), .member(sender), .text("?")])
        }
        return member
    }
}
