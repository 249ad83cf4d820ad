package import VaultCrypto

/// A sealed envelope read from any ``ByteSource``, parsed from both ends (spec §5.1): the one
/// streaming reader that the in-memory ``SealedEnvelope`` and ``SealedEnvelope/OnDisk`` wrap.
///
/// ``open(with:authorize:into:)`` is the only implementation of the open order of spec §5.5.
struct EnvelopeReader<Source: ByteSource> {
    /// The kind.
    let kind: ArtifactKind
    /// The parsed header.
    let header: EnvelopeHeader
    /// Magic through the header, as read.
    let preamble: [UInt8]
    /// `BLAKE2b-512(preamble)`.
    let headerHash: [UInt8]
    /// Where the payload lies in `source`.
    let payload: Range<Int>
    /// The last 64 bytes.
    let outerSignature: [UInt8]
    /// The whole envelope.
    let source: Source
    /// The path, for messages.
    let file: String

    /// Parses the preamble and the layout (spec §5.5 steps 1–2), reading only the preamble and the
    /// outer signature.
    ///
    /// - Throws: ``FormatError`` format errors, ``EnvelopeError`` `envelope.bad-length`.
    init(parsing source: Source, expecting kind: ArtifactKind, file: String) throws {
        guard source.size > 0 else { throw FormatError(.empty, [.file(file)]) }
        let prefix = try source.bytes(at: 0, upTo: min(source.size, Container.fixedPrefixLength))
        let length =
            prefix.count == Container.fixedPrefixLength
            ? Int(prefix[9]) << 24 | Int(prefix[10]) << 16 | Int(prefix[11]) << 8 | Int(prefix[12]) : 0
        let preambleLength = Container.fixedPrefixLength + min(length, EnvelopeHeader.maxLength + 1)
        // The preamble is parsed with the container's rules (magic, version, kind, header limits).
        let head = try source.bytes(at: 0, upTo: min(source.size, preambleLength))
        let container = try Container(
            parsing: head, expecting: kind, file: file, maxHeaderLength: EnvelopeHeader.maxLength)
        do { header = try EnvelopeHeader(json: container.header, kind: kind) } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
        let bodyLength = source.size - container.preamble.count
        guard bodyLength >= SealedEnvelope.finalChunkLength + Ed25519.signatureLength else {
            throw FormatError(.truncated, [.file(file)])
        }
        let payloadLength = bodyLength - Ed25519.signatureLength
        guard SealedEnvelope.isValidPayloadLength(payloadLength) else { throw EnvelopeError(.badLength, [.file(file)]) }
        self.kind = kind
        self.preamble = container.preamble
        self.headerHash = BLAKE2b.hash(container.preamble, outputLength: 64)
        self.payload = container.preamble.count..<(container.preamble.count + payloadLength)
        let signature = try source.bytes(at: payload.upperBound, upTo: Ed25519.signatureLength)
        guard signature.count == Ed25519.signatureLength else { throw FormatError(.truncated, [.file(file)]) }
        self.outerSignature = signature
        self.source = source
        self.file = file
    }

    /// What the outer signature check hashed on the way.
    struct Verified {
        /// The file hash, when asked for (always for evidence, where it costs nothing: §10.1).
        let fileHash: [UInt8]?
        /// Evidence: `cipherHash`, the root of the tree hash over the content chunks as stored,
        /// which the inner signature covers (§5.4).
        let contentCipherHash: [UInt8]?
        /// Evidence, when a private copy was asked for: the payload exactly as the outer check
        /// hashed it, which the decrypting pass reads instead of the file (§5.5 steps 3 and 6).
        let copy: FileIO.PrivateCopy?
    }

    /// Spec §5.5 step 3: streams the payload once and checks the outer signature.
    ///
    /// - Parameter hashingFile: also return the file hash.
    /// - Returns: the file hash when `hashingFile`, else nil.
    /// - Throws: ``EnvelopeError`` `envelope.bad-signature`.
    func verifyOuter(hashingFile: Bool = true) throws -> [UInt8]? {
        let verified = try checkOuter(hashingFile: hashingFile)
        return hashingFile ? verified.fileHash : nil
    }

    /// ``verifyOuter(hashingFile:)``, returning every hash it computed.
    ///
    /// - Parameters:
    ///   - hashingFile: also return the file hash.
    ///   - copyFolder: evidence only: also write the payload, as it is hashed, into a
    ///     ``FileIO/PrivateCopy`` in this folder (the folder the plaintext goes to), for the
    ///     decrypting pass; nil for none (a check that decrypts nothing, or a private source).
    /// - Returns: the hashes, and the copy when one was asked for.
    /// - Throws: ``EnvelopeError`` `envelope.bad-signature`, `envelope.private-copy`; ``FormatError`` for I/O.
    func checkOuter(hashingFile: Bool, copyFolder: String? = nil) throws -> Verified {
        if kind.signsCiphertext {
            // One pass (§5.4, §10.1): the content chunks as a tree of leaves, then the final chunk.
            let contentEnd = payload.upperBound - SealedEnvelope.finalChunkLength
            let truncated = FormatError(.truncated, [.file(file)])
            let copy = try copyFolder.map {
                try FileIO.PrivateCopy(in: $0, of: file, base: payload.lowerBound, fileSize: source.size)
            }
            // Two stages: this thread reads each leaf into a pipeline slot (memory of this
            // process), hashing it there when the worker is behind; the worker hashes the others,
            // adds them to the root in order and appends the same slot to the copy. What is copied
            // is byte for byte what was hashed, whatever happens to the file meanwhile.
            let tree = EvidenceHash.Leaves()
            let prefix = EvidenceHash.Leaves.prefix
            try TwoStagePipeline.run(
                blockSize: prefix + EvidenceHash.leafLength,
                inline: contentEnd - payload.lowerBound <= EvidenceHash.leafLength,
                consume: { slot in
                    tree.add(slot)
                    try copy?.append(UnsafeRawBufferPointer(rebasing: slot[prefix...]))
                }
            ) { pipeline in
                var offset = payload.lowerBound
                var leaf = 0
                while offset < contentEnd {
                    try pipeline.send { slot in
                        let length = min(EvidenceHash.leafLength, contentEnd - offset)
                        let block = UnsafeMutableRawBufferPointer(rebasing: slot[prefix..<(prefix + length)])
                        guard try source.read(at: offset, into: block) == length else { throw truncated }
                        EvidenceHash.Leaves.mark(slot, leaf: leaf, length: length, hashing: pipeline.workerIsBehind)
                        offset += length
                        leaf += 1
                        return prefix + length
                    }
                }
            }
            let contentCipherHash = tree.finalize()
            let last = try source.bytes(at: contentEnd, upTo: SealedEnvelope.finalChunkLength)
            guard last.count == SealedEnvelope.finalChunkLength else { throw truncated }
            try copy?.append(contentsOf: last)
            let payloadHash = EvidenceHash.payloadHash(cipherHash: contentCipherHash, finalChunk: last)
            try checkOuterSignature(payloadHash)
            let fileHash = SealedEnvelope.partsFileHash(
                kind: kind, headerHash: headerHash, payloadHash: payloadHash, outerSignature: outerSignature)
            return Verified(fileHash: fileHash, contentCipherHash: contentCipherHash, copy: copy)
        }
        let payloadHasher = BLAKE2b.Hasher(outputLength: 64)
        let fileHasher = hashingFile ? BLAKE2b.Hasher(outputLength: 32) : nil
        fileHasher?.update(preamble)
        // Two stages: this thread reads and hashes the payload; the worker hashes the file.
        try TwoStagePipeline.run(
            blockSize: SealedEnvelope.hashBlock, inline: fileHasher == nil || payload.count <= SealedEnvelope.hashBlock,
            consume: { block in fileHasher?.update(bytes: block) }
        ) { pipeline in
            try source.forEachBlock(
                in: payload, blockSize: SealedEnvelope.hashBlock, shortRead: FormatError(.truncated, [.file(file)])
            ) {
                block in
                payloadHasher.update(bytes: block)
                if fileHasher != nil {
                    try pipeline.send { slot in
                        slot.copyMemory(from: block)
                        return block.count
                    }
                }
            }
        }
        fileHasher?.update(outerSignature)
        try checkOuterSignature(payloadHasher.finalize())
        return Verified(fileHash: fileHasher?.finalize(), contentCipherHash: nil, copy: nil)
    }

    /// The outer signature over `domain("outer") ‖ headerHash ‖ payloadHash` (§5.4).
    private func checkOuterSignature(_ payloadHash: [UInt8]) throws {
        let message = kind.domain("outer") + headerHash + payloadHash
        guard header.senderSigningKey.isValidSignature(outerSignature, for: message) else {
            throw EnvelopeError(.badSignature, [.file(file)], hint: ErrorHint(.askForNewCopy))
        }
    }

    /// Opens the envelope in the order of spec §5.5, the one place that order is written:
    /// outer signature (step 3), `authorize` (step 4, the caller's roster check), recipient and
    /// file key (step 5), every chunk with the final tag (step 6), inner signature (step 7); only
    /// then is the sink released (step 8). No plaintext is released before everything verified.
    ///
    /// - Parameters:
    ///   - key: the recipient's key.
    ///   - authorize: the caller's binding checks on the header, run after the outer signature.
    ///   - copyFolder: where the private copy of step 3 goes (evidence from a file: required).
    ///   - makeSink: where the plaintext goes; created only after the file key opened.
    /// - Throws: ``EnvelopeError`` `envelope.bad-signature`, `envelope.private-copy`, what `authorize`
    ///   throws, `envelope.not-for-you`, `envelope.commitment`, `envelope.corrupt`,
    ///   `envelope.inner-signature`, and the sink's errors.
    func open<Sink: ByteSink>(
        with key: X25519.PrivateKey, authorize: (EnvelopeHeader) throws -> Void = { _ in },
        copyFolder: String? = nil, into makeSink: () throws -> Sink
    ) throws {
        try open(
            fileKey: { try SealedEnvelope.fileKey(of: $0, kind: kind, with: key, file: file) }, authorize: authorize,
            copyFolder: copyFolder, into: makeSink)
    }

    /// Opens the envelope as ``open(with:authorize:copyFolder:into:)`` does, with step 5 done by
    /// `fileKey` (for locked results: the key combined from partial decryptions, spec §8.7).
    ///
    /// - Parameters:
    ///   - recover: recovers and checks the file key from the header, after steps 3–4.
    ///   - authorize: the caller's binding checks on the header, run after the outer signature.
    ///   - copyFolder: where the private copy of step 3 goes (evidence from a file: required).
    ///   - makeSink: where the plaintext goes; created only after the file key opened.
    /// - Throws: as ``open(with:authorize:copyFolder:into:)``, and what `fileKey` throws.
    func open<Sink: ByteSink>(
        fileKey recover: (EnvelopeHeader) throws -> SecretBytes, authorize: (EnvelopeHeader) throws -> Void = { _ in },
        copyFolder: String? = nil, into makeSink: () throws -> Sink
    ) throws {
        _ = try openSigned(fileKey: recover, authorize: authorize, copyFolder: copyFolder, into: makeSink)
    }

    /// ``open(fileKey:authorize:copyFolder:into:)``, also returning the verified inner signature
    /// (which locked results carry for each merged submission, spec §6.4) and, for evidence, the
    /// file hash (§10.1) from the pass that checked the outer signature.
    ///
    /// Evidence from a source that is not private (a file) is decrypted from the private copy
    /// that step 3 wrote into `copyFolder` as it hashed (§5.5 step 6), so what is decrypted is
    /// what was signed; the copy is closed, and its space freed, on every path. With `hashingFile`,
    /// the file hash of any kind is computed in that pass too.
    func openSigned<Sink: ByteSink>(
        fileKey recover: (EnvelopeHeader) throws -> SecretBytes, authorize: (EnvelopeHeader) throws -> Void = { _ in },
        copyFolder: String? = nil, hashingFile: Bool = false, into makeSink: () throws -> Sink
    ) throws -> (innerSignature: [UInt8], fileHash: [UInt8]?) {
        let copying = kind.signsCiphertext && !source.isPrivate
        precondition(!copying || copyFolder != nil, "evidence from a file is opened through a private copy")
        let verified = try checkOuter(hashingFile: hashingFile, copyFolder: copying ? copyFolder : nil)
        defer { verified.copy?.close() }
        try authorize(header)
        let fileKey = try recover(header)
        let sink = try makeSink()
        do {
            let inner =
                if let copy = verified.copy {
                    try decrypt(copy, with: fileKey, verified: verified, into: sink)
                } else {
                    try decrypt(source, with: fileKey, verified: verified, into: sink)
                }
            try sink.release()
            return (inner, verified.fileHash)
        } catch {
            sink.discard()
            throw error
        }
    }

    /// Spec §5.5 steps 6–7: pulls every chunk of `input` (the source, or for evidence from a file
    /// the private copy of step 3) into `sink`, hashing the plaintext, then checks the final chunk
    /// and the inner signature. A kind that signs the ciphertext hashes nothing here: `input` holds
    /// the bytes whose hash step 3 computed (`verified.contentCipherHash`), and no one else can
    /// change them.
    private func decrypt(
        _ input: some ByteSource, with fileKey: SecretBytes, verified: Verified, into sink: some ByteSink
    ) throws -> [UInt8] {
        let corrupt = EnvelopeError(.corrupt, [.file(file)])
        precondition(verified.contentCipherHash == nil || input.isPrivate, "evidence is decrypted from private bytes")
        let stream: SecretStream.Decryptor
        do { stream = try SecretStream.Decryptor(key: fileKey, header: header.streamHeader) } catch { throw corrupt }
        let contentHasher = verified.contentCipherHash == nil ? BLAKE2b.Hasher(outputLength: 64) : nil
        let step = SealedEnvelope.chunkSize + SealedEnvelope.chunkOverhead
        let contentEnd = payload.upperBound - SealedEnvelope.finalChunkLength
        let ad = UnsafeMutableRawBufferPointer.allocate(byteCount: headerHash.count, alignment: 8)
        ad.copyBytes(from: headerHash)
        defer { ad.deallocate() }
        // Two stages: this thread reads and decrypts; the worker hashes the plaintext and writes it.
        let blockCipher = SealedEnvelope.blockChunks * step
        try TwoStagePipeline.run(
            blockSize: SealedEnvelope.blockChunks * SealedEnvelope.chunkSize,
            inline: contentEnd - payload.lowerBound <= blockCipher,
            consume: { out in
                contentHasher?.update(bytes: out)
                try sink.write(bytes: out)
            }
        ) { pipeline in
            var offset = payload.lowerBound
            try input.forEachBlock(
                in: payload.lowerBound..<contentEnd, blockSize: blockCipher,
                shortRead: FormatError(.truncated, [.file(file)])
            ) { block in
                defer {
                    offset += block.count
                    input.discard(before: offset)
                }
                try pipeline.send { plain in
                    var done = 0
                    var written = 0
                    while done < block.count {
                        let k = min(step, block.count - done)
                        let pulled: (count: Int, isFinal: Bool)
                        do {
                            pulled = try stream.pull(
                                UnsafeRawBufferPointer(rebasing: block[done..<done + k]),
                                additionalData: UnsafeRawBufferPointer(ad),
                                into: UnsafeMutableRawBufferPointer(rebasing: plain[written...]))
                        } catch { throw corrupt }
                        guard !pulled.isFinal else { throw corrupt }
                        written += pulled.count
                        done += k
                    }
                    return written
                }
            }
        }
        let last = try input.bytes(at: contentEnd, upTo: SealedEnvelope.finalChunkLength)
        guard last.count == SealedEnvelope.finalChunkLength else { throw FormatError(.truncated, [.file(file)]) }
        // The copy read back must be the copy written (spec §5.5 step 6), before step 7 judges it.
        try input.checkReadBack()
        let inner: [UInt8]
        do {
            let pulled = try stream.pull(last, additionalData: headerHash)
            guard pulled.isFinal, pulled.plaintext.count == Ed25519.signatureLength else { throw corrupt }
            try stream.finish()
            inner = pulled.plaintext
        } catch { throw corrupt }
        guard let signedHash = verified.contentCipherHash ?? contentHasher?.finalize(),
            header.senderSigningKey.isValidSignature(inner, for: kind.domain("inner") + headerHash + signedHash)
        else {
            throw EnvelopeError(.innerSignature, [.file(file)])
        }
        return inner
    }
}

extension EnvelopeReader: Sendable where Source: Sendable {}
