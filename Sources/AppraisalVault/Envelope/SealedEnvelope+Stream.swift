package import VaultCrypto

/// Streaming forms of seal and open for envelopes of any size (evidence attachments, spec §10):
/// the same bytes as the in-memory forms (both open through ``EnvelopeReader``), with memory
/// bounded by one chunk plus a 1 MiB block.
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
    ) throws(VaultError) -> SealedFile {
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
                        guard n == length else { throw VaultError(.fileUnreadable, [input, "file shrank while reading"], status: .ioError) }
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
        } catch let error as VaultError {
            writer.abort()
            throw error
        } catch {
            writer.abort()
            throw VaultError(.cryptoFailure, [String(describing: error)], status: .software)
        }
    }

    /// A sealed envelope on disk, parsed from both ends without loading its payload.
    package struct OnDisk {
        /// The envelope, read through the one streaming reader.
        let reader: EnvelopeReader<FileIO.StreamReader>

        /// The kind.
        package var kind: ArtifactKind { reader.kind }
        /// The parsed header.
        package var header: EnvelopeHeader { reader.header }
        /// `BLAKE2b-512(preamble)`.
        package var headerHash: [UInt8] { reader.headerHash }
        /// Where the payload lies in the file.
        package var payload: Range<Int> { reader.payload }
        /// The last 64 bytes.
        package var outerSignature: [UInt8] { reader.outerSignature }
        /// The path.
        package var file: String { reader.file }

        /// Parses the preamble and the layout of the envelope at `path`.
        package init(path: String, expecting kind: ArtifactKind) throws(VaultError) {
            reader = try EnvelopeReader(parsing: try FileIO.StreamReader(path: path), expecting: kind, file: path)
        }

        /// Streams the payload once: checks the outer signature and returns the file hash.
        ///
        /// - Throws: ``VaultError`` `envelope.bad-signature`.
        package func verifyOuter() throws(VaultError) -> [UInt8] {
            try reader.verifyOuter(hashingFile: true) ?? []
        }

        /// Verifies, then decrypts into a new file at `output` (mode `mode`), in the order of
        /// spec §5.5 (``EnvelopeReader/open(with:authorize:into:)``): the plaintext appears at
        /// `output` only after every check passed; on any failure the temporary file is deleted.
        ///
        /// - Parameter authorize: the caller's binding checks (§5.5 step 4), run after the outer signature.
        /// - Returns: BLAKE2b-512 of the plaintext.
        package func open(
            with key: X25519.PrivateKey, to output: String, mode: UInt32 = 0o600,
            authorize: (EnvelopeHeader) throws(VaultError) -> Void = { _ in }
        ) throws(VaultError) -> [UInt8] {
            try reader.open(with: key, authorize: authorize) { () throws(VaultError) in
                try FileIO.AtomicWriter(path: output, mode: mode)
            }
        }
    }
}
