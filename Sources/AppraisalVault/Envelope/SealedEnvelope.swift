package import VaultCrypto

/// A parsed sealed envelope: encrypted to one recipient, signed outside and inside by its sender
/// (spec §5).
///
/// Parsing checks the layout only. ``hasValidOuterSignature`` is what an auditor checks with
/// public keys; ``open(with:)`` is what the recipient does, and it verifies the outer signature
/// before decrypting anything.
package struct SealedEnvelope: Sendable {
    /// Plaintext bytes per content chunk.
    package static let chunkSize = 65_536
    /// Bytes secretstream adds per chunk.
    static let chunkOverhead = 17
    /// Size of the final chunk: inner signature + overhead.
    static let finalChunkLength = Ed25519.signatureLength + chunkOverhead

    /// The envelope, read through the one streaming reader.
    let reader: EnvelopeReader<MemorySource>

    /// The kind (submission, locked results, evidence).
    package var kind: ArtifactKind { reader.kind }
    /// The parsed header.
    package var header: EnvelopeHeader { reader.header }
    /// Magic through the header, as read.
    package var preamble: [UInt8] { reader.preamble }
    /// `BLAKE2b-512(preamble)`.
    package var headerHash: [UInt8] { reader.headerHash }
    /// The secretstream chunks, as read.
    package var payload: ArraySlice<UInt8> { reader.source.bytes[reader.payload] }
    /// The last 64 bytes.
    package var outerSignature: [UInt8] { reader.outerSignature }
    /// The path, for messages.
    package var file: String { reader.file }

    // MARK: - Sealing

    /// Seals `content` from `sender` to `recipient`.
    ///
    /// - Parameters:
    ///   - content: the plaintext.
    ///   - kind: the envelope kind.
    ///   - round: the round definition's file hash.
    ///   - context: kind-specific header fields.
    ///   - sender: the unlocked sender identity (its id and signing key go into the header).
    ///   - recipient: the X25519 key the file key is sealed to.
    ///   - created: the header's creation time.
    ///   - random: the randomness (the system's; a deterministic source only for test vectors).
    /// - Returns: the sealed envelope's bytes.
    /// - Throws: ``CryptoError`` `crypto.failure` when libsodium fails.
    package static func seal(
        _ content: [UInt8], kind: ArtifactKind, round: [UInt8], context: [String: JSONValue], sender: SecretIdentity,
        recipient: X25519.PublicKey, created: String = Timestamp.now(), using random: any RandomSource = SystemRandom()
    ) throws -> [UInt8] {
        try seal(
            content, kind: kind, round: round, context: context, sender: sender, to: .key(recipient), created: created,
            using: random)
    }

    /// Seals `content` from `sender` to `recipient`: an X25519 key, or (locked results) the
    /// round's joint key (spec §8.7).
    ///
    /// - Returns: the sealed envelope's bytes.
    /// - Throws: ``CryptoError`` `crypto.failure` when libsodium fails.
    static func seal(
        _ content: [UInt8], kind: ArtifactKind, round: [UInt8], context: [String: JSONValue], sender: SecretIdentity,
        to recipient: EnvelopeWriter.Recipient, created: String = Timestamp.now(),
        using random: any RandomSource = SystemRandom()
    ) throws -> [UInt8] {
        let sink = MemorySink(capacity: content.count + (content.count / chunkSize + 2) * chunkOverhead + 64 + 4096)
        let writer = EnvelopeWriter(
            kind: kind, round: round, sender: sender, recipient: recipient, created: created, random: random)
        _ = try writer.seal(MemorySource(bytes: content), input: "", context: { _ in context }, into: sink)
        return sink.bytes
    }

    /// `BLAKE2b-256(key = fileKey, domain("file-key-commitment") || round)`.
    static func commitment(fileKey: SecretBytes, kind: ArtifactKind, round: [UInt8]) -> [UInt8] {
        BLAKE2b.hash(kind.domain("file-key-commitment") + round, outputLength: 32, secretKey: fileKey)
    }

    /// Spec §5.5 step 5 of ``EnvelopeReader/open(with:authorize:into:)``: the reader's key must be
    /// the recipient, the sealed file key must open with it, and it must match its commitment.
    ///
    /// - Throws: ``EnvelopeError`` `envelope.not-for-you`, `envelope.commitment`.
    static func fileKey(
        of header: EnvelopeHeader, kind: ArtifactKind, with key: X25519.PrivateKey, file: String
    ) throws -> SecretBytes {
        guard case .sealed(let recipient, let sealedFileKey) = header.keyTransport, key.publicKey == recipient else {
            throw EnvelopeError(.notForYou, [.file(file)])
        }
        let fileKey: SecretBytes
        do {
            fileKey = try SealedBox.open(sealedFileKey, with: key)
        } catch {
            throw EnvelopeError(.notForYou, [.file(file)])
        }
        return try checked(fileKey, header: header, kind: kind, file: file)
    }

    /// Spec §8.7 step 8: the file key of locked results from t verified partial decryptions of
    /// `U` (Lagrange in the exponent), checked against its commitment.
    ///
    /// - Throws: ``EnvelopeError`` `envelope.not-for-you` (not locked to `jointKey`),
    ///   `envelope.commitment` (the partials do not give this file's key).
    static func fileKey(
        of header: EnvelopeHeader, kind: ArtifactKind, jointKey: Ristretto255.Point,
        partials: [(index: UInt64, partial: Ristretto255.Point)], file: String
    ) throws -> SecretBytes {
        guard case .joint(let recipient, let ephemeral) = header.keyTransport, recipient == jointKey else {
            throw EnvelopeError(.notForYou, [.file(file)])
        }
        let fileKey: SecretBytes
        do {
            fileKey = try Ristretto255.KEM.decapsulate(
                ephemeral: ephemeral, jointKey: recipient, partials: partials, context: kind.domain("file-key"))
        } catch {
            throw EnvelopeError(.commitment, [.file(file)])
        }
        return try checked(fileKey, header: header, kind: kind, file: file)
    }

    /// The file key if it matches the header's commitment (constant time).
    private static func checked(_ fileKey: SecretBytes, header: EnvelopeHeader, kind: ArtifactKind, file: String)
        throws -> SecretBytes
    {
        guard fileKey.count == SecretStream.keyLength,
            Sodium.constantTimeEqual(
                commitment(fileKey: fileKey, kind: kind, round: header.round), header.fileKeyCommitment)
        else {
            fileKey.wipe()
            throw EnvelopeError(.commitment, [.file(file)])
        }
        return fileKey
    }

    // MARK: - Parsing

    /// Parses the layout of a sealed envelope (no signature check, no decryption).
    ///
    /// - Throws: ``FormatError`` format errors, ``EnvelopeError`` `envelope.bad-length`.
    package init(parsing bytes: [UInt8], expecting kind: ArtifactKind, file: String) throws {
        reader = try EnvelopeReader(parsing: MemorySource(bytes: bytes), expecting: kind, file: file)
    }

    /// True when the outer signature by `header.senderSigningKey` covers this exact file.
    package var hasValidOuterSignature: Bool {
        do {
            _ = try reader.verifyOuter(hashingFile: false)
            return true
        } catch {
            return false
        }
    }

    /// The file hash that manifests and journals refer to: BLAKE2b-256 of the whole file as stored,
    /// or for evidence the hash of its parts (§10.1).
    package var fileHash: [UInt8] {
        if kind.signsCiphertext {
            return SealedEnvelope.partsFileHash(
                kind: kind, headerHash: headerHash, payloadHash: SealedEnvelope.payloadHash(of: payload, kind: kind),
                outerSignature: outerSignature)
        }
        let hasher = BLAKE2b.Hasher(outputLength: 32)
        hasher.update(preamble)
        hasher.update(payload)
        hasher.update(outerSignature)
        return hasher.finalize()
    }

    // MARK: - Opening

    /// Verifies and decrypts with the recipient's key, in the order of spec §5.5
    /// (``EnvelopeReader/open(with:authorize:into:)``); the plaintext is returned only after every check.
    ///
    /// - Throws: ``EnvelopeError`` `envelope.bad-signature`, `envelope.not-for-you`,
    ///   `envelope.commitment`, `envelope.corrupt`, `envelope.inner-signature`.
    package func open(with key: X25519.PrivateKey) throws -> [UInt8] {
        let sink = MemorySink(capacity: payload.count)
        try reader.open(with: key) { sink }
        return sink.bytes
    }

    /// ``open(with:)``, also returning the verified inner signature (spec §6.4, §6.5).
    func openSigned(with key: X25519.PrivateKey) throws -> (content: [UInt8], innerSignature: [UInt8]) {
        let opened = try openSigned(with: key, hashingFile: false)
        return (opened.content, opened.innerSignature)
    }

    /// ``openSigned(with:)``, also returning ``fileHash``, computed in the pass that checks the
    /// outer signature instead of one more pass over the file (the merge, spec §6.5).
    ///
    /// - Parameters:
    ///   - key: the recipient's key.
    ///   - checkFileHash: runs on the file hash right after the outer signature passed, before
    ///     the file key is opened or anything decrypted; it throws to stop the open.
    /// - Returns: the content, the verified inner signature and the file hash.
    /// - Throws: every error of ``open(with:)``, and what `checkFileHash` throws.
    func openSignedHashingFile(
        with key: X25519.PrivateKey, checkFileHash: ([UInt8]) throws -> Void = { _ in }
    ) throws -> (content: [UInt8], innerSignature: [UInt8], fileHash: [UInt8]) {
        let opened = try openSigned(with: key, hashingFile: true, checkFileHash: checkFileHash)
        return (opened.content, opened.innerSignature, opened.fileHash ?? fileHash)
    }

    private func openSigned(
        with key: X25519.PrivateKey, hashingFile: Bool, checkFileHash: ([UInt8]) throws -> Void = { _ in }
    ) throws -> (content: [UInt8], innerSignature: [UInt8], fileHash: [UInt8]?) {
        let sink = MemorySink(capacity: payload.count)
        let opened = try reader.openSigned(
            fileKey: { try SealedEnvelope.fileKey(of: $0, kind: kind, with: key, file: file) },
            hashingFile: hashingFile, checkFileHash: checkFileHash
        ) { sink }
        return (sink.bytes, opened.innerSignature, opened.fileHash)
    }

    /// True when `signature` is the inner signature (§5.4) of this envelope's sender over `content`:
    /// what an auditor checks after release with the content the locked results carry (a
    /// submission: its kind signs the plaintext hash).
    func isInnerSignature(_ signature: [UInt8], over content: [UInt8]) -> Bool {
        header.senderSigningKey.isValidSignature(
            signature, for: kind.domain("inner") + headerHash + BLAKE2b.hash(content, outputLength: 64))
    }

    /// Verifies and decrypts locked results with the file key from partial decryptions
    /// (spec §8.7), in the open order of spec §5.5.
    ///
    /// - Throws: as ``open(with:)``.
    func open(jointKey: Ristretto255.Point, partials: [(index: UInt64, partial: Ristretto255.Point)]) throws -> [UInt8]
    {
        let sink = MemorySink(capacity: payload.count)
        try reader.open(
            fileKey: {
                try SealedEnvelope.fileKey(of: $0, kind: kind, jointKey: jointKey, partials: partials, file: file)
            }
        ) { sink }
        return sink.bytes
    }
}
