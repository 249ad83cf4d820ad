internal import VaultCrypto

/// The one streaming writer of a sealed envelope (spec §5.2–5.4): content from any
/// ``ByteSource``, the envelope to any ``ByteSink``. ``SealedEnvelope/seal(_:kind:round:context:sender:recipient:created:using:)``
/// and ``SealedEnvelope/sealFile(_:to:kind:round:context:sender:recipient:created:using:)`` wrap it.
struct EnvelopeWriter {
    /// Who can open the envelope.
    enum Recipient: Sendable {
        /// The holder of this X25519 key (submissions, evidence).
        case key(X25519.PublicKey)
        /// Any t holders of the round's joint key, together (locked results, spec §8.7).
        case joint(Ristretto255.Point)
    }

    /// The envelope kind.
    let kind: ArtifactKind
    /// The round definition's file hash.
    let round: [UInt8]
    /// The unlocked sender identity.
    let sender: SecretIdentity
    /// Who can open the envelope.
    let recipient: Recipient
    /// Informational creation time.
    let created: String
    /// Where the file key and its sealing (or the KEM's ephemeral scalar), then the stream header
    /// come from, in that order.
    let random: any RandomSource

    /// Seals all of `source` into `sink`, then releases the sink.
    ///
    /// - Parameters:
    ///   - source: the plaintext.
    ///   - input: the content's path, for messages.
    ///   - context: the kind-specific header fields, given the content size (read before the header is written).
    ///   - sink: where the sealed bytes go; released (made visible) only after the last byte.
    /// - Returns: the sealed file's hashes and sizes.
    /// - Throws: the source's and the sink's errors; ``CryptoError`` `crypto.failure`.
    func seal(
        _ source: some ByteSource, input: String, context: (_ size: Int) -> [String: JSONValue],
        into sink: some ByteSink
    ) throws -> SealedEnvelope.SealedFile {
        do {
            let result = try write(source, input: input, context: context, into: sink)
            try sink.release()
            return result
        } catch {
            sink.discard()
            throw error
        }
    }

    private func write(
        _ source: some ByteSource, input: String, context: (_ size: Int) -> [String: JSONValue],
        into sink: some ByteSink
    ) throws -> SealedEnvelope.SealedFile {
        let fileKey: SecretBytes
        let transport: KeyTransport
        switch recipient {
        case .key(let key):
            fileKey = try crypto { try SecretBytes(count: SecretStream.keyLength, from: random) }
            let sealedKey = try crypto { try SealedBox.seal(fileKey, to: key, using: random) }
            transport = .sealed(recipient: key, sealedFileKey: sealedKey)
        case .joint(let key):
            let kem = try crypto {
                try Ristretto255.KEM.encapsulate(to: key, context: kind.domain("file-key"), using: random)
            }
            fileKey = kem.key
            transport = .joint(recipient: key, ephemeral: kem.ephemeral)
        }
        defer { fileKey.wipe() }
        let stream = try crypto { try SecretStream.Encryptor(key: fileKey, using: random) }
        let size = source.size
        let header = EnvelopeHeader(
            context: context(size), created: created,
            fileKeyCommitment: SealedEnvelope.commitment(fileKey: fileKey, kind: kind, round: round),
            keyTransport: transport, round: round, sender: sender.identity.id,
            senderSigningKey: sender.signingKey.publicKey, streamHeader: stream.header)
        let preamble = Container.preamble(kind: kind, header: header.json)
        let headerHash = BLAKE2b.hash(preamble, outputLength: 64)
        // Evidence (§5.4, §10.1): one hash pass, over the ciphertext, as a tree whose leaves either
        // thread hashes, gives the inner signature's message, the outer one's and the file hash.
        let signsCiphertext = kind.signsCiphertext
        let fileHasher = signsCiphertext ? nil : BLAKE2b.Hasher(outputLength: 32)
        let payloadHasher = signsCiphertext ? nil : BLAKE2b.Hasher(outputLength: 64)
        let contentHasher = signsCiphertext ? nil : BLAKE2b.Hasher(outputLength: 64)
        let tree = signsCiphertext ? EvidenceHash.Leaves() : nil
        try sink.write(contentsOf: preamble)
        fileHasher?.update(preamble)

        let chunk = SealedEnvelope.chunkSize
        let blockPlain = SealedEnvelope.blockChunks * chunk
        let ad = UnsafeMutableRawBufferPointer.allocate(byteCount: headerHash.count, alignment: 8)
        ad.copyBytes(from: headerHash)
        defer { ad.deallocate() }
        // Two stages: this thread reads (and, for the kinds that sign the plaintext, hashes it)
        // and encrypts; the worker hashes the payload (and the file) and writes. Evidence: a
        // block of `blockChunks` chunks as stored is one leaf (checked), hashed here when the
        // worker is behind, else by the worker.
        let prefix = EvidenceHash.Leaves.prefix
        if tree != nil { EvidenceHash.checkLeafIsOneBlock() }
        try TwoStagePipeline.run(
            blockSize: prefix + EvidenceHash.leafLength,
            inline: size <= blockPlain,
            consume: { slot in
                let out = UnsafeRawBufferPointer(rebasing: slot[prefix...])
                tree?.add(UnsafeRawBufferPointer(slot))
                payloadHasher?.update(bytes: out)
                fileHasher?.update(bytes: out)
                try sink.write(bytes: out)
            }
        ) { pipeline in
            var leaf = 0
            try source.forEachBlock(
                in: 0..<size, blockSize: blockPlain,
                shortRead: FormatError(
                    .fileUnreadable, [.file(input), .text("file shrank while reading")], step: .read)
            ) { block in
                contentHasher?.update(bytes: block)
                try pipeline.send { slot in
                    let cipher = UnsafeMutableRawBufferPointer(rebasing: slot[prefix...])
                    var done = 0
                    var written = 0
                    while done < block.count {
                        let k = min(chunk, block.count - done)
                        written += try crypto {
                            try stream.push(
                                UnsafeRawBufferPointer(rebasing: block[done..<done + k]),
                                additionalData: UnsafeRawBufferPointer(ad),
                                isFinal: false, into: UnsafeMutableRawBufferPointer(rebasing: cipher[written...]))
                        }
                        done += k
                    }
                    if tree != nil {
                        EvidenceHash.Leaves.mark(slot, leaf: leaf, length: written, hashing: pipeline.workerIsBehind)
                    }
                    leaf += 1
                    return prefix + written
                }
            }
        }
        let cipherHash = tree?.finalize()
        let signedHash = contentHasher?.finalize() ?? cipherHash!
        let inner = try crypto { try sender.signingKey.signature(for: kind.domain("inner") + headerHash + signedHash) }
        let last = try crypto { try stream.push(inner, additionalData: headerHash, isFinal: true) }
        fileHasher?.update(last)
        try sink.write(contentsOf: last)
        let payloadHash =
            cipherHash.map { EvidenceHash.payloadHash(cipherHash: $0, finalChunk: last) }
            ?? {
                payloadHasher!.update(last)
                return payloadHasher!.finalize()
            }()
        let outer = try crypto {
            try sender.signingKey.signature(for: kind.domain("outer") + headerHash + payloadHash)
        }
        try sink.write(contentsOf: outer)
        let fileHash: [UInt8]
        if let fileHasher {
            fileHasher.update(outer)
            fileHash = fileHasher.finalize()
        } else {
            fileHash = SealedEnvelope.partsFileHash(
                kind: kind, headerHash: headerHash, payloadHash: payloadHash, outerSignature: outer)
        }
        return SealedEnvelope.SealedFile(fileHash: fileHash, size: size)
    }

    /// Runs a crypto step; a failure there is an internal error.
    private func crypto<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw CryptoError(error) }
    }
}
