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

    /// The kind (submission, locked results, evidence).
    package let kind: ArtifactKind
    /// The parsed header.
    package let header: EnvelopeHeader
    /// Magic through the header, as read.
    package let preamble: [UInt8]
    /// `BLAKE2b-512(preamble)`.
    package let headerHash: [UInt8]
    /// The secretstream chunks, as read.
    package let payload: ArraySlice<UInt8>
    /// The last 64 bytes.
    package let outerSignature: [UInt8]
    /// The path, for messages.
    package let file: String

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
    package static func seal(
        _ content: [UInt8], kind: ArtifactKind, round: [UInt8], context: [String: JSONValue], sender: SecretIdentity,
        recipient: X25519.PublicKey, created: String = Timestamp.now(), using random: any RandomSource = SystemRandom()
    ) throws -> [UInt8] {
        do {
            let fileKey = try SecretBytes(count: SecretStream.keyLength, from: random)
            let sealedKey = try SealedBox.seal(fileKey, to: recipient, using: random)
            let stream = try SecretStream.Encryptor(key: fileKey, using: random)
            let header = EnvelopeHeader(
                context: context, created: created,
                fileKeyCommitment: commitment(fileKey: fileKey, kind: kind, round: round),
                recipient: recipient, round: round, sealedFileKey: sealedKey, sender: sender.identity.id,
                senderSigningKey: sender.signingKey.publicKey, streamHeader: stream.header)
            let preamble = Container.preamble(kind: kind, header: header.json)
            let headerHash = BLAKE2b.hash(preamble, outputLength: 64)

            var payload = [UInt8]()
            payload.reserveCapacity(content.count + (content.count / chunkSize + 2) * chunkOverhead + 64)
            let contentHasher = BLAKE2b.Hasher(outputLength: 64)
            var offset = 0
            while offset < content.count {
                let end = min(offset + chunkSize, content.count)
                let chunk = content[offset..<end]
                contentHasher.update(chunk)
                try stream.push(chunk, additionalData: headerHash, isFinal: false, into: &payload)
                offset = end
            }
            let inner = try sender.signingKey.signature(for: kind.domain("inner") + headerHash + contentHasher.finalize())
            try stream.push(inner, additionalData: headerHash, isFinal: true, into: &payload)
            let outer = try sender.signingKey.signature(
                for: kind.domain("outer") + headerHash + BLAKE2b.hash(payload, outputLength: 64))
            return preamble + payload + outer
        } catch {
            throw CryptoError(error)
        }
    }

    /// `BLAKE2b-256(key = fileKey, domain("file-key-commitment") || round)`.
    static func commitment(fileKey: SecretBytes, kind: ArtifactKind, round: [UInt8]) -> [UInt8] {
        BLAKE2b.hash(kind.domain("file-key-commitment") + round, outputLength: 32, secretKey: fileKey)
    }

    /// Spec §5.5 step 5, shared by the in-memory and the streaming open: the reader's key must be
    /// the recipient, the sealed file key must open with it, and it must match its commitment.
    ///
    /// - Throws: ``EnvelopeError`` `envelope.not-for-you`, `envelope.commitment`.
    static func fileKey(
        of header: EnvelopeHeader, kind: ArtifactKind, with key: X25519.PrivateKey, file: String
    ) throws -> SecretBytes {
        guard key.publicKey == header.recipient else { throw EnvelopeError(.notForYou, [.file(file)]) }
        let fileKey: SecretBytes
        do {
            fileKey = try SealedBox.open(header.sealedFileKey, with: key)
        } catch {
            throw EnvelopeError(.notForYou, [.file(file)])
        }
        guard fileKey.count == SecretStream.keyLength,
            Sodium.constantTimeEqual(commitment(fileKey: fileKey, kind: kind, round: header.round), header.fileKeyCommitment)
        else { throw EnvelopeError(.commitment, [.file(file)]) }
        return fileKey
    }

    // MARK: - Parsing

    /// Parses the layout of a sealed envelope (no signature check, no decryption).
    ///
    /// - Throws: ``EnvelopeError`` format errors and `envelope.bad-length`.
    package init(parsing bytes: [UInt8], expecting kind: ArtifactKind, file: String) throws {
        let container = try Container(parsing: bytes, expecting: kind, file: file, maxHeaderLength: EnvelopeHeader.maxLength)
        do {
            header = try EnvelopeHeader(json: container.header)
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
        let body = container.body
        guard body.count >= SealedEnvelope.finalChunkLength + Ed25519.signatureLength else {
            throw FormatError(.truncated, [.file(file)])
        }
        let payloadEnd = body.endIndex - Ed25519.signatureLength
        let payload = body[body.startIndex..<payloadEnd]
        guard SealedEnvelope.isValidPayloadLength(payload.count) else { throw EnvelopeError(.badLength, [.file(file)]) }
        self.kind = kind
        self.preamble = container.preamble
        self.headerHash = BLAKE2b.hash(container.preamble, outputLength: 64)
        self.payload = payload
        self.outerSignature = Array(body[payloadEnd...])
        self.file = file
    }

    /// True when the outer signature by `header.senderSigningKey` covers this exact file.
    package var hasValidOuterSignature: Bool {
        let message = kind.domain("outer") + headerHash + BLAKE2b.hash(payload, outputLength: 64)
        return header.senderSigningKey.isValidSignature(outerSignature, for: message)
    }

    /// The content hash the inner signature covers is not visible without decrypting; this is the
    /// hash of the whole file as stored, which manifests and journals refer to.
    package var fileHash: [UInt8] {
        let hasher = BLAKE2b.Hasher(outputLength: 32)
        hasher.update(preamble)
        hasher.update(payload)
        hasher.update(outerSignature)
        return hasher.finalize()
    }

    // MARK: - Opening

    /// Verifies and decrypts with the recipient's key, in the order of spec §5.5.
    ///
    /// - Throws: ``EnvelopeError`` `envelope.bad-signature`, `envelope.not-for-you`,
    ///   `envelope.commitment`, `envelope.corrupt`, `envelope.inner-signature`.
    package func open(with key: X25519.PrivateKey) throws -> [UInt8] {
        guard hasValidOuterSignature else { throw EnvelopeError(.badSignature, [.file(file)], hint: ErrorHint(.askForNewCopy)) }
        let fileKey = try SealedEnvelope.fileKey(of: header, kind: kind, with: key, file: file)
        do {
            let stream = try SecretStream.Decryptor(key: fileKey, header: header.streamHeader)
            let contentHasher = BLAKE2b.Hasher(outputLength: 64)
            var content = [UInt8]()
            content.reserveCapacity(payload.count)
            let step = SealedEnvelope.chunkSize + SealedEnvelope.chunkOverhead
            let contentEnd = payload.endIndex - SealedEnvelope.finalChunkLength
            var offset = payload.startIndex
            while offset < contentEnd {
                let end = min(offset + step, contentEnd)
                let (plain, isFinal) = try stream.pull(payload[offset..<end], additionalData: headerHash)
                guard !isFinal else { throw EnvelopeError(.corrupt, [.file(file)]) }
                contentHasher.update(plain)
                content += plain
                offset = end
            }
            let (inner, isFinal) = try stream.pull(payload[contentEnd...], additionalData: headerHash)
            guard isFinal, inner.count == Ed25519.signatureLength else { throw EnvelopeError(.corrupt, [.file(file)]) }
            try stream.finish()
            let message = kind.domain("inner") + headerHash + contentHasher.finalize()
            guard header.senderSigningKey.isValidSignature(inner, for: message) else {
                throw EnvelopeError(.innerSignature, [.file(file)])
            }
            return content
        } catch let e as any AppraisalError {
            throw e
        } catch {
            throw EnvelopeError(.corrupt, [.file(file)])
        }
    }
}
