internal import VaultCrypto

/// Evidence attachments (spec §10): sealed envelopes of kind `evidence`, one per document,
/// streamed, bound to the member's submission by its `attachments` list.
public enum Evidence {
    /// Most attachments per submission (and highest index).
    static let maxIndex = 999
    /// Largest `size` (2^53 − 1, exact in every JSON reader).
    static let maxSize: Int64 = (1 << 53) - 1

    /// The header `context` of an evidence envelope (spec §10.1).
    struct Context: Sendable, Hashable {
        let index: Int
        let name: String
        let revision: Int
        let size: Int

        init(index: Int, name: String, revision: Int, size: Int) {
            self.index = index
            self.name = name
            self.revision = revision
            self.size = size
        }

        var json: [String: JSONValue] {
            ["index": .int(index), "name": .string(name), "revision": .int(revision), "size": .int(size)]
        }

        /// Reads a context strictly.
        init(_ context: [String: JSONValue]) throws(FieldReader.Failure) {
            var r = try FieldReader(.object(context), path: "context")
            index = Int(try r.integer("index", in: 1...Int64(Evidence.maxIndex)))
            name = try r.string("name", maxBytes: 255)
            guard Evidence.isValidName(name) else {
                throw FieldReader.Failure(path: "context.name", reason: "not a valid evidence name")
            }
            revision = Int(try r.integer("revision", in: 1...1_000_000))
            size = Int(try r.integer("size", in: 0...Evidence.maxSize))
            try r.finish()
        }
    }

    /// One entry of a submission's `attachments` list (spec §10.2).
    public struct Attachment: Sendable, Hashable {
        /// The evidence file's hash (§10.1): binds its ciphertext, hence (by the key commitment) the document.
        public let fileHash: [UInt8]
        /// Position, from 1.
        public let index: Int
        /// The document's base name.
        public let name: String
        /// Bytes.
        public let size: Int

        public init(fileHash: [UInt8], index: Int, name: String, size: Int) {
            self.fileHash = fileHash
            self.index = index
            self.name = name
            self.size = size
        }

        var json: JSONValue {
            .object([
                "fileHash": .hex(fileHash), "index": .int(index),
                "name": .string(name),
                "size": .int(size),
            ])
        }
    }

    /// A valid evidence name: NFC, 1–255 bytes, one path component, no control or bidirectional
    /// characters, not blank (spec §10.1, §1.3).
    static func isValidName(_ name: String) -> Bool {
        let bytes = name.utf8.count
        return bytes >= 1 && bytes <= 255 && name != "." && name != ".." && Text.nfc(name).utf8.elementsEqual(name.utf8)
            && !name.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0.value == 0 }
            && !Text.hasControlCharacters(name) && !Text.isBlank(name)
    }

    /// The content length a payload of `length` bytes carries (spec §5.3); valid lengths only.
    static func contentLength(payload length: Int) -> Int {
        let content = length - SealedEnvelope.finalChunkLength
        let step = SealedEnvelope.chunkSize + SealedEnvelope.chunkOverhead
        return content - SealedEnvelope.chunkOverhead * ((content + step - 1) / step)
    }

    /// An evidence file on disk whose outer signature verified and whose header is bound to the
    /// round (spec §10.4 steps 1–4).
    struct Checked {
        /// The parsed file.
        let file: SealedEnvelope.OnDisk
        /// BLAKE2b-256 of the file.
        let fileHash: [UInt8]
        /// The sender (a member or the secretary).
        let sender: PublicIdentity
        /// The context.
        let context: Context
        /// True when sent by the secretary.
        let bySecretary: Bool
        /// The name the round folder gives it.
        var canonicalName: String {
            RoundLayout.evidenceFileName(member: sender.id, revision: context.revision, index: context.index)
        }
    }

    /// Parses `path` as evidence, verifies its outer signature streaming, and checks its binding.
    ///
    /// - Throws: ``EnvelopeError`` `format.*`, `envelope.bad-length`, `envelope.bad-signature`,
    ///   `inbox.wrong-round`, `inbox.wrong-recipient`, `inbox.wrong-role`, `inbox.not-member`,
    ///   `inbox.key-mismatch`, `format.header`.
    static func check(_ path: String, roster: Roster) throws -> Checked {
        let file = try SealedEnvelope.OnDisk(path: path, expecting: .evidence)
        let fileHash = try file.verifyOuter()
        let (sender, context) = try bind(file, roster: roster)
        return Checked(
            file: file, fileHash: fileHash, sender: sender, context: context,
            bySecretary: sender.id == roster.secretary.id)
    }

    /// The binding checks of an evidence header (no signature check): §10.1, §10.4 steps 3–4.
    static func bind(_ file: SealedEnvelope.OnDisk, roster: Roster) throws -> (PublicIdentity, Context) {
        let header = file.header
        let path = file.file
        let sender: PublicIdentity
        if header.sender == roster.secretary.id, header.senderSigningKey == roster.secretary.signingKey {
            guard Sodium.constantTimeEqual(header.round, roster.roundHash) else {
                throw InboxError(.wrongRound, [.file(path)], hint: ErrorHint(.inboxWrongRound))
            }
            guard header.recipient == roster.secretary.encryptionKey else {
                throw InboxError(.wrongRecipient, [.file(path)])
            }
            sender = roster.secretary
        } else if let unit = roster.units.first(where: {
            $0.id == header.sender && $0.signingKey == header.senderSigningKey
        }) {
            // A unit's evidence to its explanation (spec §12.4).
            guard Sodium.constantTimeEqual(header.round, roster.roundHash) else {
                throw InboxError(.wrongRound, [.file(path)], hint: ErrorHint(.inboxWrongRound))
            }
            guard header.recipient == roster.secretary.encryptionKey else {
                throw InboxError(.wrongRecipient, [.file(path)])
            }
            sender = unit
        } else {
            sender = try roster.authorize(header: header, file: path)
        }
        let context: Context
        do { context = try Context(header.context) } catch {
            throw FormatError(.header, [.file(path), .text(error.description)])
        }
        guard context.size == contentLength(payload: file.payload.count) else {
            throw FormatError(.header, [.file(path), .text("context.size does not match the payload length")])
        }
        if sender.id == roster.secretary.id, context.revision != 1 {
            throw FormatError(.header, [.file(path), .text("context.revision must be 1 for the secretary's evidence")])
        }
        return (sender, context)
    }

    /// The evidence files in `folder` (temporary files left out), sorted.
    static func list(_ folder: String) throws -> [String] {
        guard FileIO.isDirectory(folder) else { return [] }
        return try FileIO.listVisible(folder).sorted()
    }

    /// The file hash of an evidence file (spec §10.1): of its parts when its layout parses
    /// (§5.5 steps 1–2; one streaming pass over the payload), else BLAKE2b-256 of its bytes (what
    /// a journal `reject` entry records for a file that is not an envelope).
    static func hashFile(_ path: String) throws -> [UInt8] {
        let reader = try FileIO.StreamReader(path: path)
        if let file = try? EnvelopeReader(parsing: reader, expecting: .evidence, file: path) {
            let payload = PayloadHasher(payload: file.payload)
            try reader.forEachBlock(in: file.payload, blockSize: SealedEnvelope.hashBlock, shortRead: shrank(path)) {
                block in
                payload.update(bytes: block)
            }
            return SealedEnvelope.partsFileHash(
                kind: .evidence, headerHash: file.headerHash, payloadHash: payload.finalize(),
                outerSignature: file.outerSignature)
        }
        let hasher = BLAKE2b.Hasher(outputLength: 32)
        try reader.forEachBlock(in: 0..<reader.size, blockSize: SealedEnvelope.hashBlock, shortRead: shrank(path)) {
            block in
            hasher.update(bytes: block)
        }
        return hasher.finalize()
    }

    /// Copies the verified evidence `file` to `destination` streaming and atomically (never
    /// replacing), keeping the copy only if the bytes copied have the file hash `expected`
    /// (§10.1: the preamble, payload and signature hashed as they are copied, one pass).
    static func copy(_ file: SealedEnvelope.OnDisk, to destination: String, expecting expected: [UInt8]) throws {
        let source = file.file
        let reader = try FileIO.StreamReader(path: source)
        let writer = try FileIO.AtomicWriter(path: destination, mode: 0o644)
        let preambleHasher = BLAKE2b.Hasher(outputLength: 64)
        let payload = file.payload
        let payloadHasher = PayloadHasher(payload: payload)
        var signature = [UInt8]()
        do {
            var offset = 0
            try reader.forEachBlock(in: 0..<reader.size, blockSize: SealedEnvelope.hashBlock, shortRead: shrank(source))
            { block in
                let range = offset..<offset + block.count
                let head = range.clamped(to: 0..<payload.lowerBound)
                let body = range.clamped(to: payload)
                let tail = range.clamped(to: payload.upperBound..<Int.max)
                func part(_ r: Range<Int>) -> UnsafeRawBufferPointer {
                    UnsafeRawBufferPointer(rebasing: block[(r.lowerBound - offset)..<(r.upperBound - offset)])
                }
                if !head.isEmpty { preambleHasher.update(bytes: part(head)) }
                if !body.isEmpty { payloadHasher.update(bytes: part(body)) }
                if !tail.isEmpty { signature += part(tail) }
                try writer.write(bytes: block)
                offset += block.count
            }
            let hash = SealedEnvelope.partsFileHash(
                kind: .evidence, headerHash: preambleHasher.finalize(), payloadHash: payloadHasher.finalize(),
                outerSignature: signature)
            guard offset == reader.size, Sodium.constantTimeEqual(hash, expected) else {
                throw EnvelopeError(.badSignature, [.file(source)], hint: ErrorHint(.askForNewCopy))
            }
            try writer.commit()
        } catch {
            writer.abort()
            throw error
        }
    }

    /// `payloadHash` (§5.4) of an evidence payload at `payload` in its file, given in order in
    /// pieces of any size, on one thread: the content chunks' tree, then the final chunk.
    private final class PayloadHasher {
        private let content = EvidenceHash.Serial()
        private var last = [UInt8]()
        private var offset: Int
        private let contentEnd: Int

        init(payload: Range<Int>) {
            offset = payload.lowerBound
            contentEnd = payload.upperBound - SealedEnvelope.finalChunkLength
        }

        func update(bytes: UnsafeRawBufferPointer) {
            let split = max(0, min(bytes.count, contentEnd - offset))
            content.update(bytes: UnsafeRawBufferPointer(rebasing: bytes[..<split]))
            last += UnsafeRawBufferPointer(rebasing: bytes[split...])
            offset += bytes.count
        }

        func finalize() -> [UInt8] { EvidenceHash.payloadHash(cipherHash: content.finalize(), finalChunk: last) }
    }

    private static func shrank(_ path: String) -> FormatError {
        FormatError(.fileUnreadable, [.file(path), .text("file shrank while reading")], step: .read)
    }
}
