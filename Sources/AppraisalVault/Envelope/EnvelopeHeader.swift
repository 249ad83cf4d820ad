package import VaultCrypto

/// The header of a sealed envelope (spec §5.2).
package struct EnvelopeHeader: Sendable, Hashable {
    /// Kind-specific fields (spec §5.6), checked by the kind's own reader.
    package let context: [String: JSONValue]
    /// Informational creation time.
    package let created: String
    /// Keyed hash of the file key (spec §5.2).
    package let fileKeyCommitment: [UInt8]
    /// The recipient's X25519 public key.
    package let recipient: X25519.PublicKey
    /// The round definition's file hash.
    package let round: [UInt8]
    /// The file key sealed to `recipient`.
    package let sealedFileKey: [UInt8]
    /// The sender's identity id.
    package let sender: String
    /// The sender's Ed25519 key; both signatures are by it.
    package let senderSigningKey: Ed25519.PublicKey
    /// The secretstream header.
    package let streamHeader: [UInt8]

    /// Largest header accepted.
    package static let maxLength = 65_536

    /// The header object.
    package var json: JSONValue {
        .object([
            "context": .object(context),
            "created": .string(created),
            "fileKeyCommitment": .hex(fileKeyCommitment),
            "recipient": .hex(recipient.rawRepresentation),
            "round": .hex(round),
            "sealedFileKey": .hex(sealedFileKey),
            "sender": .string(sender),
            "senderSigningKey": .hex(senderSigningKey.rawRepresentation),
            "streamHeader": .hex(streamHeader),
        ])
    }

    package init(
        context: [String: JSONValue], created: String, fileKeyCommitment: [UInt8], recipient: X25519.PublicKey,
        round: [UInt8], sealedFileKey: [UInt8], sender: String, senderSigningKey: Ed25519.PublicKey,
        streamHeader: [UInt8]
    ) {
        self.context = context
        self.created = created
        self.fileKeyCommitment = fileKeyCommitment
        self.recipient = recipient
        self.round = round
        self.sealedFileKey = sealedFileKey
        self.sender = sender
        self.senderSigningKey = senderSigningKey
        self.streamHeader = streamHeader
    }

    /// Reads a header strictly.
    package init(json: JSONValue) throws(FieldReader.Failure) {
        var r = try FieldReader(json)
        guard case .object(let context) = try r.value("context") else {
            throw FieldReader.Failure(path: "context", reason: "expected an object")
        }
        self.context = context
        created = try r.string("created", maxBytes: 32)
        guard Timestamp.isValid(created) else {
            throw FieldReader.Failure(path: "created", reason: "not an RFC 3339 UTC time")
        }
        fileKeyCommitment = try r.hex("fileKeyCommitment", length: 32)
        let recipientBytes = try r.hex("recipient", length: X25519.keyLength)
        round = try r.hex("round", length: 32)
        sealedFileKey = try r.hex("sealedFileKey", length: SecretStream.keyLength + SealedBox.overhead)
        sender = try r.string("sender", maxBytes: 64)
        guard Identifier.isValid(sender) else {
            throw FieldReader.Failure(path: "sender", reason: "not a valid identifier")
        }
        let signingBytes = try r.hex("senderSigningKey", length: Ed25519.publicKeyLength)
        streamHeader = try r.hex("streamHeader", length: SecretStream.headerLength)
        try r.finish()
        // Lengths were checked above, so these cannot fail.
        guard let rk = try? X25519.PublicKey(rawRepresentation: recipientBytes),
            let sk = try? Ed25519.PublicKey(rawRepresentation: signingBytes)
        else { throw FieldReader.Failure(path: "", reason: "invalid key") }
        recipient = rk
        senderSigningKey = sk
    }
}
