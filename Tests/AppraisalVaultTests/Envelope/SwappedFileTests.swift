import Testing
import VaultCrypto

@testable import AppraisalVault

/// Serves `first` until the reader has read at `swapAfter` (e.g. the final chunk of the outer
/// signature check), then `second`: a file replaced in place while an open runs.
private final class SwappingSource: ByteSource, @unchecked Sendable {
    let first: [UInt8]
    let second: [UInt8]
    let swapAfter: Int
    private var swapped = false
    /// Reads served after the swap.
    private(set) var readsAfterSwap = 0

    init(first: [UInt8], second: [UInt8], swapAfter: Int) {
        self.first = first
        self.second = second
        self.swapAfter = swapAfter
    }

    var size: Int { first.count }

    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if swapped { readsAfterSwap += 1 }
        let n = try MemorySource(bytes: swapped ? second : first).read(at: offset, into: buffer)
        if offset == swapAfter { swapped = true }
        return n
    }
}

@Suite("Sealed envelope, file changed between the two reads (spec §5.5 steps 3 and 6)")
struct SwappedFileTests {
    static let size = 2 * SealedEnvelope.chunkSize + 11

    /// Two evidence envelopes with the same header (same file key and stream header: the sender's
    /// own randomness), different content of the same size: what a sender who knows the file key
    /// can write over the signed file while the secretary's `extract` runs.
    static func pair() throws -> (signed: [UInt8], other: [UInt8], recipient: SecretIdentity) {
        let (sender, recipient) = try SealedEnvelopeTests.identities("swap")
        func seal(_ fill: UInt8) throws -> [UInt8] {
            try SealedEnvelope.seal(
                [UInt8](repeating: fill, count: Self.size), kind: .evidence, round: StreamingEnvelopeTests.round,
                context: ["size": .int(Self.size)], sender: sender, recipient: recipient.identity.encryptionKey,
                created: "2026-01-01T00:00:00Z", using: DeterministicRandom(seed: "same key"))
        }
        return (try seal(1), try seal(2), recipient)
    }

    /// Opens `source` as `OnDisk.open` does, with the private copy in `folder`.
    fileprivate static func open(_ source: SwappingSource, with recipient: SecretIdentity, copyIn folder: String)
        throws -> [UInt8]
    {
        let reader = try EnvelopeReader(parsing: source, expecting: .evidence, file: "e.ave")
        let sink = MemorySink(capacity: source.size)
        _ = try reader.openSigned(
            fileKey: {
                try SealedEnvelope.fileKey(of: $0, kind: .evidence, with: recipient.encryptionKey, file: "e.ave")
            },
            copyFolder: folder, into: { sink })
        return sink.bytes
    }

    /// The file replaced after the outer check: the decrypting pass reads the private copy the
    /// check wrote, so the plaintext released is the signed one; the copy leaves nothing behind.
    @Test func replacedCiphertextAfterTheCheckIsNotWhatIsDecrypted() throws {
        let (signed, other, recipient) = try Self.pair()
        let a = try SealedEnvelope(parsing: signed, expecting: .evidence, file: "a")
        let b = try SealedEnvelope(parsing: other, expecting: .evidence, file: "b")
        #expect(a.preamble == b.preamble, "the two envelopes share a header")
        let contentEnd = signed.count - 64 - SealedEnvelope.finalChunkLength
        let folder = try StreamingEnvelopeTests.folder()
        // Control: the other file opens on its own, under the same key, to other content.
        let alone = SwappingSource(first: other, second: other, swapAfter: contentEnd)
        #expect(try Self.open(alone, with: recipient, copyIn: folder) == [UInt8](repeating: 2, count: Self.size))
        // Swapped once the check has read the final chunk: every later read of the file would
        // see `other`, which authenticates chunk by chunk under the same key.
        let swapped = SwappingSource(first: signed, second: other, swapAfter: contentEnd)
        #expect(try Self.open(swapped, with: recipient, copyIn: folder) == [UInt8](repeating: 1, count: Self.size))
        #expect(swapped.readsAfterSwap == 0, "the decrypting pass read the file, not the copy")
        #expect(try FileIO.list(folder).isEmpty, "the private copy left a file")
        #expect(PrivateCopyTests.descriptors(in: folder).isEmpty, "the private copy is still open")
    }

    /// The file replaced during the check (after its first chunk): the check hashed a mix, so
    /// the outer signature refuses it before anything is decrypted.
    @Test func replacedCiphertextDuringTheCheckIsRefused() throws {
        let (signed, other, recipient) = try Self.pair()
        let start = try SealedEnvelope(parsing: signed, expecting: .evidence, file: "a").preamble.count
        let folder = try StreamingEnvelopeTests.folder()
        let swapped = SwappingSource(first: signed, second: other, swapAfter: start)
        let error = #expect(throws: EnvelopeError.self) { try Self.open(swapped, with: recipient, copyIn: folder) }
        #expect(error?.code == .badSignature)
        #expect(try FileIO.list(folder).isEmpty)
        #expect(PrivateCopyTests.descriptors(in: folder).isEmpty)
    }
}
