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

    init(roundHash: [UInt8], secretary: PublicIdentity, members: [PublicIdentity], holders: [PublicIdentity]) {
        self.roundHash = roundHash
        self.secretary = secretary
        self.members = members
        self.holders = holders
    }

    /// The member with `id`, if any.
    func member(_ id: String) -> PublicIdentity? { members.first { $0.id == id } }

    /// Checks a sealed submission's binding to this round, without decrypting (spec §5.5 step 4).
    ///
    /// - Throws: ``VaultError`` `inbox.bad-signature`, `inbox.wrong-round`, `inbox.wrong-recipient`,
    ///   `inbox.wrong-role`, `inbox.not-member`, `inbox.key-mismatch`.
    func authorize(_ envelope: SealedEnvelope) throws(VaultError) -> PublicIdentity {
        let file = envelope.file
        guard envelope.hasValidOuterSignature else {
            throw VaultError(.envelopeBadSignature, [file], hint: .hintAskForNewCopy)
        }
        return try authorize(header: envelope.header, file: file)
    }

    /// The binding checks of a member's envelope header (no signature check): round, recipient,
    /// sender and key (spec §6.2 steps 3–6). Callers verify the outer signature first.
    func authorize(header: EnvelopeHeader, file: String) throws(VaultError) -> PublicIdentity {
        guard Sodium.constantTimeEqual(header.round, roundHash) else {
            throw VaultError(.inboxWrongRound, [file], hint: .hintInboxWrongRound)
        }
        guard header.recipient == secretary.encryptionKey else {
            throw VaultError(.inboxWrongRecipient, [file])
        }
        let sender = header.sender
        let key = header.senderSigningKey
        guard let member = member(sender) else {
            if let other = (holders + [secretary]).first(where: { $0.id == sender || $0.signingKey == key }) {
                throw VaultError(.inboxWrongRole, [file, other.id, other.role.rawValue])
            }
            throw VaultError(.inboxNotMember, [file, sender])
        }
        guard member.signingKey == key else {
            if let impostor = members.first(where: { $0.signingKey == key }) {
                throw VaultError(.inboxKeyMismatch, [file, sender, impostor.id])
            }
            throw VaultError(.inboxKeyMismatch, [file, sender, "?"])
        }
        return member
    }
}
