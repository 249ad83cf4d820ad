internal import VaultCrypto

/// Re-sealing an evidence envelope to another reader, streaming (spec §12.5): the content is
/// decrypted one chunk at a time straight into the encryptor of the new envelope, so no
/// plaintext is ever written to disk and memory stays bounded by one block.
extension SealedEnvelope.OnDisk {
    /// Opens this envelope with `key` and seals its content, as it is decrypted, into a new
    /// envelope of the same kind at `output` (atomically, never replacing). The order of §5.5 is
    /// kept: outer signature, `authorize`, file key, every chunk, then the final chunk and the
    /// inner signature; the new file appears only after all of them passed. The chunks are read
    /// from the file again, and must be the bytes the outer check hashed (§5.5 steps 3 and 6).
    ///
    /// - Parameters:
    ///   - key: this envelope's recipient key.
    ///   - authorize: the caller's binding checks (§5.5 step 4), after the outer signature.
    ///   - output: the new file (mode 0644).
    ///   - context: the new header's `context`, given the content size.
    ///   - sender: the new envelope's sender.
    ///   - recipient: the new envelope's recipient.
    ///   - created: the new header's informational creation time.
    ///   - random: where the new file key and stream header come from.
    /// - Returns: this file's hash (§10.1) and what the new seal produced.
    /// - Throws: every error of opening (``EnvelopeError``, ``FormatError``), what `authorize` throws.
    func reseal(
        with key: X25519.PrivateKey, authorize: (EnvelopeHeader) throws -> Void = { _ in }, to output: String,
        context: (_ size: Int) -> [String: JSONValue], sender: SecretIdentity, recipient: X25519.PublicKey,
        created: String = Timestamp.now(), using random: any RandomSource = SystemRandom()
    ) throws -> (sourceHash: [UInt8], sealed: SealedEnvelope.SealedFile) {
        precondition(kind.signsCiphertext, "only evidence is re-sealed")
        let verified = try reader.checkOuter(hashingFile: true, rereading: true)
        guard let reread = verified.reread, let contentCipherHash = verified.contentCipherHash else {
            preconditionFailure("evidence from a file is checked for a second reading")
        }
        try authorize(header)
        let fileKey = try SealedEnvelope.fileKey(of: header, kind: kind, with: key, file: file)
        let source = try DecryptingSource(
            reader, reread: reread, fileKey: fileKey, contentCipherHash: contentCipherHash)
        let sink = CheckedSink(try FileIO.AtomicWriter(path: output, mode: 0o644)) { try source.finish() }
        let writer = EnvelopeWriter(
            kind: kind, round: header.round, sender: sender, recipient: .key(recipient), created: created,
            random: random)
        let sealed = try writer.seal(source, input: file, context: context, into: sink)
        return (verified.fileHash ?? [], sealed)
    }
}

/// The content of an envelope as a ``ByteSource`` read once, in order: each read decrypts the
/// next chunks of the file's checked second reading (§5.5 step 6). ``finish()`` is step 6's end
/// and step 7.
private final class DecryptingSource: ByteSource {
    let reader: EnvelopeReader<FileIO.StreamReader>
    /// The file read again, checked against what the outer check hashed (§5.5 steps 3 and 6).
    let reread: CheckedReread<FileIO.StreamReader>
    /// The hash of its content chunks, which the inner signature covers (§5.4).
    let contentCipherHash: [UInt8]
    let stream: SecretStream.Decryptor
    let size: Int
    let contentEnd: Int
    let ad: UnsafeMutableRawBufferPointer
    let chunk: UnsafeMutableRawBufferPointer
    var plainOffset = 0
    var cipherOffset: Int
    /// ``finish()`` passed.
    private var finished = false

    static let step = SealedEnvelope.chunkSize + SealedEnvelope.chunkOverhead

    init(
        _ reader: EnvelopeReader<FileIO.StreamReader>, reread: CheckedReread<FileIO.StreamReader>, fileKey: SecretBytes,
        contentCipherHash: [UInt8]
    ) throws {
        do { stream = try SecretStream.Decryptor(key: fileKey, header: reader.header.streamHeader) } catch {
            throw EnvelopeError(.corrupt, [.file(reader.file)])
        }
        self.reader = reader
        self.reread = reread
        self.contentCipherHash = contentCipherHash
        contentEnd = reader.payload.upperBound - SealedEnvelope.finalChunkLength
        cipherOffset = reader.payload.lowerBound
        size = Evidence.contentLength(payload: reader.payload.count)
        ad = UnsafeMutableRawBufferPointer.allocate(byteCount: reader.headerHash.count, alignment: 8)
        ad.copyBytes(from: reader.headerHash)
        chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.step, alignment: 64)
        // No content chunks: everything is checked before the new envelope is begun.
        if cipherOffset == contentEnd { try finish() }
    }

    deinit {
        ad.deallocate()
        chunk.deallocate()
    }

    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let corrupt = EnvelopeError(.corrupt, [.file(reader.file)])
        guard offset == plainOffset else { throw corrupt }
        var written = 0
        while written < buffer.count, cipherOffset < contentEnd {
            let k = min(Self.step, contentEnd - cipherOffset)
            let cipher = UnsafeMutableRawBufferPointer(rebasing: chunk[0..<k])
            guard try reread.read(at: cipherOffset, into: cipher) == k else {
                throw FormatError(.truncated, [.file(reader.file)])
            }
            let pulled: (count: Int, isFinal: Bool)
            do {
                pulled = try stream.pull(
                    UnsafeRawBufferPointer(cipher), additionalData: UnsafeRawBufferPointer(ad),
                    into: UnsafeMutableRawBufferPointer(rebasing: buffer[written...]))
            } catch { throw corrupt }
            guard !pulled.isFinal else { throw corrupt }
            written += pulled.count
            cipherOffset += k
        }
        plainOffset += written
        // The last content read: the checks run before the writer has the last plaintext, so it
        // never encrypts or signs anything of a source that does not verify (§5.5 steps 6–7).
        if cipherOffset == contentEnd { try finish() }
        return written
    }

    /// The end of §5.5 step 6 and step 7: every content chunk read again, the final chunk, the
    /// second reading checked, the inner signature over the hash the outer check computed of
    /// these same bytes.
    /// Idempotent: it runs once, on the last read, and again (doing nothing) when the new file is
    /// released.
    func finish() throws {
        guard !finished else { return }
        guard cipherOffset == contentEnd else { throw EnvelopeError(.corrupt, [.file(reader.file)]) }
        _ = try reader.finish(stream, reading: reread, signedHash: contentCipherHash)
        finished = true
    }
}

/// A sink that runs `check` before it releases what was written (and discards it if `check` throws).
private final class CheckedSink<Inner: ByteSink>: ByteSink {
    let inner: Inner
    let check: () throws -> Void

    init(_ inner: Inner, check: @escaping () throws -> Void) {
        self.inner = inner
        self.check = check
    }

    func write(bytes: UnsafeRawBufferPointer) throws { try inner.write(bytes: bytes) }

    func release() throws {
        try check()
        try inner.release()
    }

    func discard() { inner.discard() }
}
