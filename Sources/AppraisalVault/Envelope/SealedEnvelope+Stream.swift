package import VaultCrypto

/// Streaming forms of seal and open for envelopes of any size (evidence attachments, spec §10):
/// the same bytes as the in-memory forms, with memory bounded by one chunk plus a 1 MiB block.
extension SealedEnvelope {
    /// Bytes read per block while hashing a payload.
    static let hashBlock = 1 << 20
    /// Chunks per block in the streaming pipelines (1 MiB of plaintext).
    static let blockChunks = 16
    /// Blocks in flight per buffer ring.
    static let ringSize = 3

    /// True when a payload of `length` bytes has the shape of spec §5.3.
    static func isValidPayloadLength(_ length: Int) -> Bool {
        guard length >= finalChunkLength else { return false }
        let remainder = (length - finalChunkLength) % (chunkSize + chunkOverhead)
        return remainder == 0 || remainder > chunkOverhead
    }

    /// What a streaming seal produced.
    package struct SealedFile: Sendable {
        /// BLAKE2b-256 of the whole envelope file.
        package let fileHash: [UInt8]
        /// BLAKE2b-512 of the plaintext (what a submission lists for its attachments).
        package let contentHash: [UInt8]
        /// The plaintext size.
        package let size: Int
    }

    /// Seals the file at `input` into a new file at `output`, streaming.
    ///
    /// `context` may refer to the input's size: it is read before the header is written.
    package static func sealFile(
        _ input: String, to output: String, kind: ArtifactKind, round: [UInt8],
        context makeContext: (_ size: Int) -> [String: JSONValue], sender: SecretIdentity, recipient: X25519.PublicKey,
        created: String = Timestamp.now(), using random: any RandomSource = SystemRandom()
    ) throws -> SealedFile {
        let reader = try FileIO.StreamReader(path: input)
        let writer = try FileIO.AtomicWriter(path: output, mode: 0o644)
        do {
            let fileKey = try SecretBytes(count: SecretStream.keyLength, from: random)
            let sealedKey = try SealedBox.seal(fileKey, to: recipient, using: random)
            let stream = try SecretStream.Encryptor(key: fileKey, using: random)
            let header = EnvelopeHeader(
                context: makeContext(reader.size), created: created,
                fileKeyCommitment: commitment(fileKey: fileKey, kind: kind, round: round), recipient: recipient, round: round,
                sealedFileKey: sealedKey, sender: sender.identity.id, senderSigningKey: sender.signingKey.publicKey,
                streamHeader: stream.header)
            let preamble = Container.preamble(kind: kind, header: header.json)
            let headerHash = BLAKE2b.hash(preamble, outputLength: 64)
            let fileHasher = BLAKE2b.Hasher(outputLength: 32)
            let payloadHasher = BLAKE2b.Hasher(outputLength: 64)
            let contentHasher = BLAKE2b.Hasher(outputLength: 64)
            try writer.write(preamble)
            fileHasher.update(preamble)
            // Pipeline over 1 MiB blocks: this thread reads and encrypts; one lane hashes the
            // plaintext, one the payload, one the whole file and writes it (spec bytes unchanged).
            let blockPlain = blockChunks * chunkSize
            let blockCipher = blockChunks * (chunkSize + chunkOverhead)
            let plain = BlockRing(count: ringSize, capacity: blockPlain, users: 1)
            let cipher = BlockRing(count: ringSize, capacity: blockCipher, users: 2)
            let contentLane = Lane("content"), payloadLane = Lane("payload"), fileLane = Lane("file")
            let out = Parallel.UncheckedBox(writer)
            let size = reader.size
            let blocks = (size + blockPlain - 1) / blockPlain
            defer {
                plain.waitAll()
                cipher.waitAll()
            }
            try headerHash.withUnsafeBytes { ad in
                for i in 0..<blocks {
                    let p = plain.acquire(i)
                    let length = min(blockPlain, size - i * blockPlain)
                    let n: Int
                    do {
                        n = try reader.read(at: i * blockPlain, into: UnsafeMutableRawBufferPointer(rebasing: p.bytes[0..<length]))
                        guard n == length else { throw FormatError(.fileUnreadable, [.file(input), .text("file shrank while reading")], step: .read) }
                    } catch {
                        plain.release(i)
                        throw error
                    }
                    p.count = n
                    contentLane.async {
                        contentHasher.update(bytes: p.used)
                        plain.release(i)
                    }
                    let c = cipher.acquire(i)
                    var done = 0
                    var written = 0
                    do {
                        while done < n {
                            let k = min(chunkSize, n - done)
                            written += try stream.push(
                                UnsafeRawBufferPointer(rebasing: p.bytes[done..<done + k]), additionalData: ad, isFinal: false,
                                into: UnsafeMutableRawBufferPointer(rebasing: c.bytes[written..<c.bytes.count]))
                            done += k
                        }
                    } catch {
                        cipher.release(i)
                        cipher.release(i)
                        throw error
                    }
                    c.count = written
                    payloadLane.async {
                        payloadHasher.update(bytes: c.used)
                        cipher.release(i)
                    }
                    fileLane.async {
                        defer { cipher.release(i) }
                        fileHasher.update(bytes: c.used)
                        try out.value.write(bytes: c.used)
                    }
                }
            }
            try contentLane.drain()
            try payloadLane.drain()
            try fileLane.drain()
            let offset = size
            let contentHash = contentHasher.finalize()
            let inner = try sender.signingKey.signature(for: kind.domain("inner") + headerHash + contentHash)
            var last = [UInt8]()
            try stream.push(inner, additionalData: headerHash, isFinal: true, into: &last)
            payloadHasher.update(last)
            fileHasher.update(last)
            try writer.write(last)
            let outer = try sender.signingKey.signature(for: kind.domain("outer") + headerHash + payloadHasher.finalize())
            fileHasher.update(outer)
            try writer.write(outer)
            try writer.commit()
            return SealedFile(fileHash: fileHasher.finalize(), contentHash: contentHash, size: offset)
        } catch let error as any AppraisalError {
            writer.abort()
            throw error
        } catch {
            writer.abort()
            throw CryptoError(error)
        }
    }

    /// A sealed envelope on disk, parsed from both ends without loading its payload.
    package struct OnDisk {
        /// The kind.
        package let kind: ArtifactKind
        /// The parsed header.
        package let header: EnvelopeHeader
        /// `BLAKE2b-512(preamble)`.
        package let headerHash: [UInt8]
        /// Where the payload lies in the file.
        package let payload: Range<Int>
        /// The last 64 bytes.
        package let outerSignature: [UInt8]
        let preamble: [UInt8]
        let reader: FileIO.StreamReader

        /// The path.
        package var file: String { reader.path }

        /// Parses the preamble and the layout of the envelope at `path`.
        package init(path: String, expecting kind: ArtifactKind) throws {
            reader = try FileIO.StreamReader(path: path)
            guard reader.size > 0 else { throw FormatError(.empty, [.file(path)]) }
            let prefix = try reader.bytes(at: 0, count: min(reader.size, Container.fixedPrefixLength))
            let length = prefix.count == Container.fixedPrefixLength
                ? Int(prefix[9]) << 24 | Int(prefix[10]) << 16 | Int(prefix[11]) << 8 | Int(prefix[12]) : 0
            let preambleLength = Container.fixedPrefixLength + min(length, EnvelopeHeader.maxLength + 1)
            // Parse the preamble with the in-memory rules (magic, version, kind, header limits).
            let head = try reader.bytes(at: 0, count: min(reader.size, preambleLength))
            let container = try Container(parsing: head, expecting: kind, file: path, maxHeaderLength: EnvelopeHeader.maxLength)
            do { header = try EnvelopeHeader(json: container.header) } catch { throw FormatError(.header, [.file(path), .text(error.description)]) }
            let bodyLength = reader.size - container.preamble.count
            guard bodyLength >= SealedEnvelope.finalChunkLength + Ed25519.signatureLength else {
                throw FormatError(.truncated, [.file(path)])
            }
            let payloadLength = bodyLength - Ed25519.signatureLength
            guard SealedEnvelope.isValidPayloadLength(payloadLength) else { throw EnvelopeError(.badLength, [.file(path)]) }
            self.kind = kind
            self.preamble = container.preamble
            self.headerHash = BLAKE2b.hash(container.preamble, outputLength: 64)
            self.payload = container.preamble.count..<(container.preamble.count + payloadLength)
            self.outerSignature = try reader.bytes(at: payload.upperBound, count: Ed25519.signatureLength)
        }

        /// Streams the payload once: checks the outer signature and returns the file hash.
        ///
        /// - Throws: ``EnvelopeError`` `envelope.bad-signature`.
        package func verifyOuter() throws -> [UInt8] {
            let payloadHasher = BLAKE2b.Hasher(outputLength: 64)
            let fileHasher = BLAKE2b.Hasher(outputLength: 32)
            fileHasher.update(preamble)
            // This thread reads; one lane hashes the payload, one the whole file.
            let size = SealedEnvelope.hashBlock
            let ring = BlockRing(count: SealedEnvelope.ringSize, capacity: size, users: 2)
            let payloadLane = Lane("payload"), fileLane = Lane("file")
            let start = payload.lowerBound
            let blocks = (payload.count + size - 1) / size
            do {
                defer { ring.waitAll() }
                for i in 0..<blocks {
                    let b = ring.acquire(i)
                    let length = min(size, payload.upperBound - (start + i * size))
                    let n = try reader.read(at: start + i * size, into: UnsafeMutableRawBufferPointer(rebasing: b.bytes[0..<length]))
                    guard n == length else {
                        ring.release(i)
                        ring.release(i)
                        throw FormatError(.truncated, [.file(file)])
                    }
                    b.count = n
                    payloadLane.async {
                        payloadHasher.update(bytes: b.used)
                        ring.release(i)
                    }
                    fileLane.async {
                        fileHasher.update(bytes: b.used)
                        ring.release(i)
                    }
                }
                try payloadLane.drain()
                try fileLane.drain()
            } catch let error as any AppraisalError {
                throw error
            } catch {
                throw FormatError(.truncated, [.file(file)])
            }
            fileHasher.update(outerSignature)
            let message = kind.domain("outer") + headerHash + payloadHasher.finalize()
            guard header.senderSigningKey.isValidSignature(outerSignature, for: message) else {
                throw EnvelopeError(.badSignature, [.file(file)], hint: ErrorHint(.askForNewCopy))
            }
            return fileHasher.finalize()
        }

        /// Verifies, then decrypts into a new file at `output` (mode `mode`), in the order of
        /// spec §5.5: the plaintext appears at `output` only after every check passed; on any
        /// failure the temporary file is deleted.
        ///
        /// - Returns: BLAKE2b-512 of the plaintext.
        package func open(with key: X25519.PrivateKey, to output: String, mode: UInt32 = 0o600) throws -> [UInt8] {
            _ = try verifyOuter()
            let fileKey = try SealedEnvelope.fileKey(of: header, kind: kind, with: key, file: file)
            let writer = try FileIO.AtomicWriter(path: output, mode: mode)
            do {
                let stream = try SecretStream.Decryptor(key: fileKey, header: header.streamHeader)
                let contentHasher = BLAKE2b.Hasher(outputLength: 64)
                let step = SealedEnvelope.chunkSize + SealedEnvelope.chunkOverhead
                let contentEnd = payload.upperBound - SealedEnvelope.finalChunkLength
                // This thread reads and decrypts 1 MiB blocks; one lane hashes the plaintext, one writes it.
                let blockCipher = SealedEnvelope.blockChunks * step
                let blockPlain = SealedEnvelope.blockChunks * SealedEnvelope.chunkSize
                let cipher = RawBlock(blockCipher)
                let plain = BlockRing(count: SealedEnvelope.ringSize, capacity: blockPlain, users: 2)
                let contentLane = Lane("content"), writeLane = Lane("write")
                let out = Parallel.UncheckedBox(writer)
                let start = payload.lowerBound
                let blocks = (contentEnd - start + blockCipher - 1) / blockCipher
                do {
                    defer { plain.waitAll() }
                    try headerHash.withUnsafeBytes { ad in
                        for i in 0..<blocks {
                            let length = min(blockCipher, contentEnd - (start + i * blockCipher))
                            let n = try reader.read(
                                at: start + i * blockCipher, into: UnsafeMutableRawBufferPointer(rebasing: cipher.bytes[0..<length]))
                            guard n == length else { throw FormatError(.truncated, [.file(file)]) }
                            let p = plain.acquire(i)
                            var done = 0
                            var written = 0
                            do {
                                while done < n {
                                    let k = min(step, n - done)
                                    let (count, isFinal) = try stream.pull(
                                        UnsafeRawBufferPointer(rebasing: cipher.bytes[done..<done + k]), additionalData: ad,
                                        into: UnsafeMutableRawBufferPointer(rebasing: p.bytes[written..<p.bytes.count]))
                                    guard !isFinal else { throw EnvelopeError(.corrupt, [.file(file)]) }
                                    written += count
                                    done += k
                                }
                            } catch {
                                plain.release(i)
                                plain.release(i)
                                throw error
                            }
                            p.count = written
                            contentLane.async {
                                contentHasher.update(bytes: p.used)
                                plain.release(i)
                            }
                            writeLane.async {
                                defer { plain.release(i) }
                                try out.value.write(bytes: p.used)
                            }
                        }
                    }
                    try contentLane.drain()
                    try writeLane.drain()
                }
                let last = try reader.bytes(at: contentEnd, count: SealedEnvelope.finalChunkLength)
                let (inner, isFinal) = try stream.pull(last, additionalData: headerHash)
                guard isFinal, inner.count == Ed25519.signatureLength else { throw EnvelopeError(.corrupt, [.file(file)]) }
                try stream.finish()
                let contentHash = contentHasher.finalize()
                guard header.senderSigningKey.isValidSignature(inner, for: kind.domain("inner") + headerHash + contentHash) else {
                    throw EnvelopeError(.innerSignature, [.file(file)])
                }
                try writer.commit()
                return contentHash
            } catch let error as any AppraisalError {
                writer.abort()
                throw error
            } catch {
                writer.abort()
                throw EnvelopeError(.corrupt, [.file(file)])
            }
        }
    }
}
