package import VaultCrypto

/// Streaming forms of seal and open for envelopes of any size (evidence attachments, spec §10):
/// the same bytes as the in-memory forms (both go through ``EnvelopeWriter`` and
/// ``EnvelopeReader``), with memory bounded by one chunk plus a 1 MiB block.
extension SealedEnvelope {
    /// Bytes read per block while hashing a payload.
    static let hashBlock = 1 << 20
    /// Chunks per block while sealing or opening (1 MiB of plaintext). Bound to the format: an
    /// evidence block as stored is one leaf of the tree hash (spec §5.4), so
    /// `blockChunks * (chunkSize + chunkOverhead)` must equal ``EvidenceHash/leafLength``
    /// (checked by ``EvidenceHash/checkLeafIsOneBlock()`` and a test); do not tune it alone.
    static let blockChunks = 16

    /// The file hash of an evidence envelope (spec §10.1), from the parts already hashed:
    /// `BLAKE2b-256(domain("file-hash") ‖ headerHash ‖ payloadHash ‖ outer signature)`.
    static func partsFileHash(kind: ArtifactKind, headerHash: [UInt8], payloadHash: [UInt8], outerSignature: [UInt8])
        -> [UInt8]
    {
        BLAKE2b.hash(kind.domain("file-hash") + headerHash + payloadHash + outerSignature, outputLength: 32)
    }

    /// `payloadHash` of a payload in memory (spec §5.4): the tree's for evidence
    /// (``EvidenceHash``), else BLAKE2b-512 of its bytes.
    static func payloadHash(of payload: some Collection<UInt8>, kind: ArtifactKind) -> [UInt8] {
        let bytes = Array(payload)
        guard kind.signsCiphertext else { return BLAKE2b.hash(bytes, outputLength: 64) }
        return bytes.withUnsafeBytes { EvidenceHash.hashes(payload: $0).payloadHash }
    }

    /// True when a payload of `length` bytes has the shape of spec §5.3.
    static func isValidPayloadLength(_ length: Int) -> Bool {
        guard length >= finalChunkLength else { return false }
        let remainder = (length - finalChunkLength) % (chunkSize + chunkOverhead)
        return remainder == 0 || remainder > chunkOverhead
    }

    /// What a streaming seal produced.
    package struct SealedFile: Sendable {
        /// The file hash: BLAKE2b-256 of the whole file, or for evidence the one of its parts
        /// (``SealedEnvelope/partsFileHash(kind:headerHash:payloadHash:outerSignature:)``, §10.1).
        package let fileHash: [UInt8]
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
        let sink = try FileIO.AtomicWriter(path: output, mode: 0o644)
        let writer = EnvelopeWriter(
            kind: kind, round: round, sender: sender, recipient: .key(recipient), created: created, random: random)
        return try writer.seal(reader, input: input, context: makeContext, into: sink)
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
        package init(path: String, expecting kind: ArtifactKind) throws {
            reader = try EnvelopeReader(parsing: try FileIO.StreamReader(path: path), expecting: kind, file: path)
        }

        /// Streams the payload once: checks the outer signature and returns the file hash (§10.1).
        ///
        /// - Throws: ``EnvelopeError`` `envelope.bad-signature`.
        package func verifyOuter() throws -> [UInt8] {
            try reader.verifyOuter(hashingFile: true) ?? []
        }

        /// Verifies, then decrypts into a new file at `output` (mode `mode`), in the order of
        /// spec §5.5 (``EnvelopeReader/open(with:authorize:into:)``): the plaintext appears at
        /// `output` only after every check passed; on any failure the temporary file is deleted.
        /// Evidence is read twice, to check and to decrypt; the second reading must be the bytes
        /// the first hashed (§5.5 steps 3 and 6), else `envelope.changed-while-reading`.
        ///
        /// - Parameters:
        ///   - key: the reader's X25519 key (the recipient's).
        ///   - output: where the plaintext goes, written atomically only after everything verified.
        ///   - mode: the output file's mode.
        ///   - authorize: the caller's binding checks (§5.5 step 4), run after the outer signature.
        /// - Returns: the file hash (§10.1), from the same pass that checked the outer signature.
        /// - Throws: ``EnvelopeError`` for a file that does not verify or open, or that changed
        ///   between the two readings, ``FormatError`` for I/O, and whatever `authorize` throws.
        package func open(
            with key: X25519.PrivateKey, to output: String, mode: UInt32 = 0o600,
            authorize: (EnvelopeHeader) throws -> Void = { _ in }
        ) throws -> [UInt8] {
            try reader.openSigned(
                fileKey: { try SealedEnvelope.fileKey(of: $0, kind: kind, with: key, file: file) },
                authorize: authorize
            ) {
                try FileIO.AtomicWriter(path: output, mode: mode)
            }.fileHash ?? []
        }
    }
}
