internal import VaultCrypto

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
        let preamble = container.preamble
        let bodyLength = source.size - preamble.count
        guard bodyLength >= SealedEnvelope.finalChunkLength + Ed25519.signatureLength else {
            throw FormatError(.truncated, [.file(file)])
        }
        let payloadLength = bodyLength - Ed25519.signatureLength
        guard SealedEnvelope.isValidPayloadLength(payloadLength) else { throw EnvelopeError(.badLength, [.file(file)]) }
        self.kind = kind
        self.preamble = preamble
        self.headerHash = BLAKE2b.hash(preamble, outputLength: 64)
        self.payload = preamble.count..<(preamble.count + payloadLength)
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
        /// Evidence, when a second reading was asked for: the source, with a record of the payload
        /// exactly as the outer check hashed it, which the decrypting pass reads the file through
        /// (§5.5 steps 3 and 6).
        let reread: CheckedReread<Source>?
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
    ///   - rereading: evidence only: also record the payload, as it is hashed, in a
    ///     ``CheckedReread`` for the decrypting pass to read the source through; false for none
    ///     (a check that decrypts nothing, or a private source).
    /// - Returns: the hashes, and the second reading when one was asked for.
    /// - Throws: ``EnvelopeError`` `envelope.bad-signature`; ``FormatError`` for I/O.
    func checkOuter(hashingFile: Bool, rereading: Bool = false) throws -> Verified {
        if kind.signsCiphertext {
            // One pass (§5.4, §10.1): the content chunks as a tree of leaves, then the final chunk.
            let contentEnd = payload.upperBound - SealedEnvelope.finalChunkLength
            let truncated = FormatError(.truncated, [.file(file)])
            let reread = rereading ? try CheckedReread(source, from: payload.lowerBound, file: file) : nil
            // Two stages: this thread reads each leaf into a pipeline slot (memory of this
            // process) and hashes the odd leaves there; the worker hashes the even ones, adds them
            // all to the root in order and records the same slot for the second reading. (A fixed
            // half each: the worker's Poly1305 record is about a fifth of a leaf's BLAKE2b, close to
            // what reading costs this thread; hashing only when the worker was behind left this
            // thread idle more often, 1.9–2.2 s against 1.7–1.8 s per GiB opened.)
            // What is recorded is byte for byte what was hashed, whatever happens to the file.
            let tree = EvidenceHash.Leaves()
            let prefix = EvidenceHash.Leaves.prefix
            try TwoStagePipeline.run(
                blockSize: prefix + EvidenceHash.leafLength,
                inline: contentEnd - payload.lowerBound <= EvidenceHash.leafLength,
                consume: { slot in
                    tree.add(UnsafeRawBufferPointer(slot))
                    try reread?.record(UnsafeRawBufferPointer(rebasing: slot[prefix...]))
                }
            ) { pipeline in
                var offset = payload.lowerBound
                var leaf = 0
                while offset < contentEnd {
                    try pipeline.send { slot in
                        let length = min(EvidenceHash.leafLength, contentEnd - offset)
                        let block = UnsafeMutableRawBufferPointer(rebasing: slot[prefix..<(prefix + length)])
                        guard try source.read(at: offset, into: block) == length else { throw truncated }
                        EvidenceHash.Leaves.mark(slot, leaf: leaf, length: length, hashing: leaf % 2 == 1)
                        offset += length
                        leaf += 1
                        return prefix + length
                    }
                }
            }
            let contentCipherHash = tree.finalize()
            let last = try source.bytes(at: contentEnd, upTo: SealedEnvelope.finalChunkLength)
            guard last.count == SealedEnvelope.finalChunkLength else { throw truncated }
            try reread?.record(contentsOf: last)
            let payloadHash = EvidenceHash.payloadHash(cipherHash: contentCipherHash, finalChunk: last)
            try checkOuterSignature(payloadHash)
            let fileHash = SealedEnvelope.partsFileHash(
                kind: kind, headerHash: headerHash, payloadHash: payloadHash, outerSignature: outerSignature)
            return Verified(fileHash: fileHash, contentCipherHash: contentCipherHash, reread: reread)
        }
        let payloadHasher = BLAKE2b.Hasher(outputLength: 64)
        let fileHasher = hashingFile ? BLAKE2b.Hasher(outputLength: 32) : nil
        fileHasher?.update(preamble)
        // Two stages: this thread reads and hashes the payload; the worker hashes the file.
        try TwoStagePipeline.run(
            blockSize: SealedEnvelope.hashBlock, inline: fileHasher == nil || payload.count <= SealedEnvelope.hashBlock,
            consume: { block in fileHasher?.update(bytes: UnsafeRawBufferPointer(block)) }
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
        return Verified(fileHash: fileHasher?.finalize(), contentCipherHash: nil, reread: nil)
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
    ///   - makeSink: where the plaintext goes; created only after the file key opened.
    /// - Throws: ``EnvelopeError`` `envelope.bad-signature`, what `authorize` throws,
    ///   `envelope.not-for-you`, `envelope.commitment`, `envelope.corrupt`,
    ///   `envelope.changed-while-reading`, `envelope.inner-signature`, and the sink's errors.
    func open<Sink: ByteSink>(
        with key: X25519.PrivateKey, authorize: (EnvelopeHeader) throws -> Void = { _ in },
        into makeSink: () throws -> Sink
    ) throws {
        try open(
            fileKey: { try SealedEnvelope.fileKey(of: $0, kind: kind, with: key, file: file) }, authorize: authorize,
            into: makeSink)
    }

    /// Opens the envelope as ``open(with:authorize:into:)`` does, with step 5 done by
    /// `fileKey` (for locked results: the key combined from partial decryptions, spec §8.7).
    ///
    /// - Parameters:
    ///   - recover: recovers and checks the file key from the header, after steps 3–4.
    ///   - authorize: the caller's binding checks on the header, run after the outer signature.
    ///   - makeSink: where the plaintext goes; created only after the file key opened.
    /// - Throws: as ``open(with:authorize:into:)``, and what `fileKey` throws.
    func open<Sink: ByteSink>(
        fileKey recover: (EnvelopeHeader) throws -> SecretBytes, authorize: (EnvelopeHeader) throws -> Void = { _ in },
        into makeSink: () throws -> Sink
    ) throws {
        _ = try openSigned(fileKey: recover, authorize: authorize, into: makeSink)
    }

    /// ``open(fileKey:authorize:into:)``, also returning the verified inner signature (which
    /// locked results carry for each merged submission, spec §6.4) and, for evidence, the file
    /// hash (§10.1) from the pass that checked the outer signature.
    ///
    /// Evidence from a source that is not private (a file) is decrypted through the
    /// ``CheckedReread`` that step 3 recorded as it hashed (§5.5 step 6): the file is read again,
    /// and nothing is released unless that second reading was byte for byte what was signed. With
    /// `hashingFile`, the file hash of any kind is computed in that pass too.
    func openSigned<Sink: ByteSink>(
        fileKey recover: (EnvelopeHeader) throws -> SecretBytes, authorize: (EnvelopeHeader) throws -> Void = { _ in },
        hashingFile: Bool = false, checkFileHash: ([UInt8]) throws -> Void = { _ in },
        into makeSink: () throws -> Sink
    ) throws -> (innerSignature: [UInt8], fileHash: [UInt8]?) {
        let verified = try checkOuter(hashingFile: hashingFile, rereading: kind.signsCiphertext && !source.isPrivate)
        if hashingFile, let fileHash = verified.fileHash { try checkFileHash(fileHash) }
        try authorize(header)
        let fileKey = try recover(header)
        let sink = try makeSink()
        do {
            let inner =
                if let reread = verified.reread {
                    try decrypt(reread, with: fileKey, verified: verified, into: sink)
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
    /// its checked second reading) into `sink`, hashing the plaintext, then checks the final chunk
    /// and the inner signature. A kind that signs the ciphertext hashes nothing here: `input` holds
    /// the bytes whose hash step 3 computed (`verified.contentCipherHash`), or its
    /// ``ByteSource/checkReadBack()`` refuses them.
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
        // Two stages: this thread reads a block and moves `stream` past its chunks by their stored
        // MACs (``SecretStream/Decryptor/skip(chunkEndingWith:)``), leaving a decryptor at the
        // block's first chunk; it decrypts the block itself when the worker is behind. The worker
        // confirms the ciphertext read (a second reading's check), decrypts the block if this
        // thread did not, hashes the plaintext and writes it. Every chunk is pulled, so a block
        // that fails fails the open, and nothing is released before `finish` (spec §5.5).
        // A slot holds the block's offset, length, index and whether it was decrypted (1 or 0),
        // the ciphertext as read, then its plaintext.
        let blockCipher = SealedEnvelope.blockChunks * step
        let plainStart = Self.slotPrefix + blockCipher
        let shortRead = FormatError(.truncated, [.file(file)])
        // One decryptor per block in flight: block `k` uses `positioned[k % depth]`, which this
        // thread sets only once block `k - depth` was consumed (the pipeline's free slots).
        let positioned: [SecretStream.Decryptor]
        do {
            positioned = try (0..<TwoStagePipeline.depth).map { _ in try SecretStream.Decryptor(copying: stream) }
        } catch { throw CryptoError(error) }
        let additionalData = UnsafeRawBufferPointer(ad)
        /// Pulls the `count` bytes of ciphertext in `slot` into its plaintext area.
        func decryptBlock(_ slot: UnsafeMutableRawBufferPointer, count: Int, with decryptor: SecretStream.Decryptor)
            throws
        {
            var done = 0
            var written = 0
            while done < count {
                let k = min(step, count - done)
                let pulled: (count: Int, isFinal: Bool)
                do {
                    pulled = try decryptor.pull(
                        UnsafeRawBufferPointer(rebasing: slot[(Self.slotPrefix + done)..<(Self.slotPrefix + done + k)]),
                        additionalData: additionalData,
                        into: UnsafeMutableRawBufferPointer(rebasing: slot[(plainStart + written)...]))
                } catch { throw corrupt }
                guard !pulled.isFinal else { throw corrupt }
                written += pulled.count
                done += k
            }
        }
        let inline = contentEnd - payload.lowerBound <= blockCipher
        let thread = SealedEnvelope.decryptingThread
        try TwoStagePipeline.run(
            blockSize: plainStart + SealedEnvelope.blockChunks * SealedEnvelope.chunkSize,
            inline: inline,
            consume: { slot in
                let offset = slot.load(fromByteOffset: 0, as: Int.self)
                let count = slot.load(fromByteOffset: 8, as: Int.self)
                let block = slot.load(fromByteOffset: 16, as: Int.self)
                let decrypted = slot.load(fromByteOffset: 24, as: Int.self)
                input.confirm(
                    UnsafeRawBufferPointer(rebasing: slot[Self.slotPrefix..<(Self.slotPrefix + count)]), at: offset)
                if decrypted == 0 {
                    try decryptBlock(slot, count: count, with: positioned[block % positioned.count])
                }
                let out = UnsafeRawBufferPointer(rebasing: slot[plainStart...])
                contentHasher?.update(bytes: out)
                try sink.write(bytes: out)
            }
        ) { pipeline in
            var offset = payload.lowerBound
            var block = 0
            while offset < contentEnd {
                try pipeline.send { slot in
                    let count = min(blockCipher, contentEnd - offset)
                    let cipher = UnsafeMutableRawBufferPointer(
                        rebasing: slot[Self.slotPrefix..<(Self.slotPrefix + count)])
                    guard try input.readDeferringCheck(at: offset, into: cipher) == count else { throw shortRead }
                    let decryptor = positioned[block % positioned.count]
                    decryptor.assign(from: stream)
                    var chunks = 0
                    var done = 0
                    while done < count {
                        let k = min(step, count - done)
                        stream.skip(
                            chunkEndingWith: UnsafeRawBufferPointer(
                                rebasing: cipher[(done + k - SecretStream.macLength)..<(done + k)]))
                        chunks += 1
                        done += k
                    }
                    let here =
                        switch thread {
                        case .either: inline || pipeline.workerIsBehind
                        case .reader: true
                        case .worker: false
                        }
                    if here { try decryptBlock(slot, count: count, with: decryptor) }
                    slot.storeBytes(of: offset, toByteOffset: 0, as: Int.self)
                    slot.storeBytes(of: count, toByteOffset: 8, as: Int.self)
                    slot.storeBytes(of: block, toByteOffset: 16, as: Int.self)
                    slot.storeBytes(of: here ? 1 : 0, toByteOffset: 24, as: Int.self)
                    offset += count
                    block += 1
                    return plainStart + count - chunks * SealedEnvelope.chunkOverhead
                }
            }
        }
        return try finish(stream, reading: input, signedHash: verified.contentCipherHash ?? contentHasher?.finalize())
    }

    /// The end of spec §5.5 step 6 and step 7, once every content chunk was pulled from `input`:
    /// the final chunk, the second reading's check (a ``CheckedReread``), and the inner signature
    /// over `signedHash`.
    ///
    /// - Returns: the verified inner signature.
    /// - Throws: ``EnvelopeError`` `envelope.corrupt`, `envelope.changed-while-reading`,
    ///   `envelope.inner-signature`; ``FormatError`` `format.truncated`.
    func finish(_ stream: SecretStream.Decryptor, reading input: some ByteSource, signedHash: [UInt8]?) throws
        -> [UInt8]
    {
        let corrupt = EnvelopeError(.corrupt, [.file(file)])
        let contentEnd = payload.upperBound - SealedEnvelope.finalChunkLength
        let last = try input.bytes(at: contentEnd, upTo: SealedEnvelope.finalChunkLength)
        guard last.count == SealedEnvelope.finalChunkLength else { throw FormatError(.truncated, [.file(file)]) }
        // The second reading must be what step 3 hashed (spec §5.5 step 6), before step 7 judges it.
        try input.checkReadBack()
        let inner: [UInt8]
        do {
            let pulled = try stream.pull(last, additionalData: headerHash)
            guard pulled.isFinal, pulled.plaintext.count == Ed25519.signatureLength else { throw corrupt }
            try stream.finish()
            inner = pulled.plaintext
        } catch { throw corrupt }
        guard let signedHash,
            header.senderSigningKey.isValidSignature(inner, for: kind.domain("inner") + headerHash + signedHash)
        else {
            throw EnvelopeError(.innerSignature, [.file(file)])
        }
        return inner
    }
}

extension EnvelopeReader {
    /// Bytes before a decrypting slot's ciphertext: its offset, length, block index and whether
    /// it was decrypted (8 each), padded to 64.
    fileprivate static var slotPrefix: Int { 64 }
}

extension EnvelopeReader: Sendable where Source: Sendable {}

extension SealedEnvelope {
    /// Which thread of an open decrypts a block of chunks (``EnvelopeReader``'s decrypting pass).
    enum DecryptingThread: Sendable {
        /// The reading thread when the worker is behind (or the payload is one block), else the worker.
        case either
        /// Always the reading thread.
        case reader
        /// Always the second stage (the worker, or the reading thread right after when inline).
        case worker
    }

    /// `.either` in the product; tests bind `.reader` or `.worker` to run both paths on one file.
    @TaskLocal static var decryptingThread = DecryptingThread.either
}
