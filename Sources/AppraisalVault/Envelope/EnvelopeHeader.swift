package import VaultCrypto

/// How an envelope's file key reaches its recipient (spec §5.2).
package enum KeyTransport: Sendable, Hashable {
    /// Submissions and evidence: the file key sealed to an X25519 key (`recipient`, `sealedFileKey`).
    case sealed(recipient: X25519.PublicKey, sealedFileKey: [UInt8])
    /// Locked results: hashed ElGamal to the round's joint ristretto255 key (`recipient`, the
    /// joint key; `ephemeralKey`, the point `U = r·G`; spec §8.7).
    case joint(recipient: Ristretto255.Point, ephemeral: Ristretto255.Point)
}

/// The header of a sealed envelope (spec §5.2).
package struct EnvelopeHeader: Sendable, Hashable {
    /// Kind-specific fields (spec §5.6), checked by the kind's own reader.
    package let context: [String: JSONValue]
    /// Informational creation time.
    package let created: String
    /// Keyed hash of the file key (spec §5.2).
    package let fileKeyCommitment: [UInt8]
    /// How the file key reaches the recipient.
    package let keyTransport: KeyTransport
    /// The round definition's file hash.
    package let round: [UInt8]
    /// The sender's identity id.
    package let sender: String
    /// The sender's Ed25519 key; both signatures are by it.
    package let senderSigningKey: Ed25519.PublicKey
    /// The secretstream header.
    package let streamHeader: [UInt8]

    /// Largest header accepted.
    package static let maxLength = 65_536

    /// The X25519 recipient of a sealed file key; nil for locked results.
    package var recipient: X25519.PublicKey? {
        if case .sealed(let recipient, _) = keyTransport { recipient } else { nil }
    }

    /// The header object.
    package var json: JSONValue {
        var fields: [String: JSONValue] = [
            "context": .object(context),
            "created": .string(created),
            "fileKeyCommitment": .hex(fileKeyCommitment),
            "round": .hex(round),
            "sender": .string(sender),
            "senderSigningKey": .hex(senderSigningKey.rawRepresentation),
            "streamHeader": .hex(streamHeader),
        ]
        switch keyTransport {
        case .sealed(let recipient, let sealedFileKey):
            fields["recipient"] = .hex(recipient.rawRepresentation)
            fields["sealedFileKey"] = .hex(sealedFileKey)
        case .joint(let recipient, let ephemeral):
            fields["ephemeralKey"] = .hex(ephemeral.rawRepresentation)
            fields["recipient"] = .hex(recipient.rawRepresentation)
        }
        return .object(fields)
    }

    package init(
        context: [String: JSONValue], created: String, fileKeyCommitment: [UInt8], keyTransport: KeyTransport,
        round: [UInt8], sender: String, senderSigningKey: Ed25519.PublicKey, streamHeader: [UInt8]
    ) {
        self.context = context
        self.created = created
        self.fileKeyCommitment = fileKeyCommitment
        self.keyTransport = keyTransport
        self.round = round
        self.sender = sender
        self.senderSigningKey = senderSigningKey
        self.streamHeader = streamHeader
    }

    /// A header whose file key is sealed to an X25519 `recipient`.
    package init(
        context: [String: JSONValue], created: String, fileKeyCommitment: [UInt8], recipient: X25519.PublicKey,
        round: [UInt8], sealedFileKey: [UInt8], sender: String, senderSigningKey: Ed25519.PublicKey,
        streamHeader: [UInt8]
    ) {
        self.init(
            context: context, created: created, fileKeyCommitment: fileKeyCommitment,
            keyTransport: .sealed(recipient: recipient, sealedFileKey: sealedFileKey), round: round, sender: sender,
            senderSigningKey: senderSigningKey, streamHeader: streamHeader)
    }

    /// Reads a header strictly: locked results carry `ephemeralKey` and a ristretto255
    /// `recipient`, every other kind `sealedFileKey` and an X25519 `recipient`.
    package init(json: JSONValue, kind: ArtifactKind) throws(FieldReader.Failure) {
        var r = try FieldReader(json)
        guard case .object(let context) = try r.value("context") else {
            throw FieldReader.Failure(path: "context", reason: "expected an object")
        }
        self.context = context
        created = try r.string("created", maxBytes: 32)
        guard Timestamp.isValid(created) else {
            throw FieldReader.Failure(path: "created", reason: "not an RFC 3339 UTC time")
        }
        let ephemeralBytes = kind == .lockedResults ? try r.hex("ephemeralKey", length: Ristretto255.pointLength) : []
        fileKeyCommitment = try r.hex("fileKeyCommitment", length: 32)
        let recipientBytes = try r.hex("recipient", length: X25519.keyLength)
        round = try r.hex("round", length: 32)
        let sealedFileKey =
            kind == .lockedResults
            ? [] : try r.hex("sealedFileKey", length: SecretStream.keyLength + SealedBox.overhead)
        sender = try r.string("sender", maxBytes: 64)
        guard Identifier.isValid(sender) else {
            throw FieldReader.Failure(path: "sender", reason: "not a valid identifier")
        }
        senderSigningKey = try r.signingKey("senderSigningKey")
        streamHeader = try r.hex("streamHeader", length: SecretStream.headerLength)
        try r.finish()
        if kind == .lockedResults {
            guard let rk = try? Ristretto255.Point(rawRepresentation: recipientBytes) else {
                throw FieldReader.Failure(path: "recipient", reason: "not a ristretto255 point other than the identity")
            }
            guard let ek = try? Ristretto255.Point(rawRepresentation: ephemeralBytes) else {
                throw FieldReader.Failure(
                    path: "ephemeralKey", reason: "not a ristretto255 point other than the identity")
            }
            keyTransport = .joint(recipient: rk, ephemeral: ek)
        } else {
            // The length was checked above, so this cannot fail.
            guard let rk = try? X25519.PublicKey(rawRepresentation: recipientBytes) else {
                throw FieldReader.Failure(path: "recipient", reason: "invalid key")
            }
            keyTransport = .sealed(recipient: rk, sealedFileKey: sealedFileKey)
        }
    }
}
