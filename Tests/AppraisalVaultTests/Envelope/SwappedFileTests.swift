import Testing
import VaultCrypto

@testable import AppraisalVault

/// Serves `first` until the reader has read at `swapAfter` for the `time`-th time (e.g. the
/// final chunk of the outer signature check, or a block of the decrypting pass), then `second`:
/// a file replaced in place while an open runs.
private final class SwappingSource: ByteSource, @unchecked Sendable {
    let first: [UInt8]
    let second: [UInt8]
    let swapAfter: Int
    let time: Int
    private var swapped = false
    private var readsAtSwapAfter = 0
    /// Reads served after the swap.
    private(set) var readsAfterSwap = 0

    init(first: [UInt8], second: [UInt8], swapAfter: Int, time: Int = 1) {
        self.first = first
        self.second = second
        self.swapAfter = swapAfter
        self.time = time
    }

    var size: Int { first.count }

    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if swapped { readsAfterSwap += 1 }
        let n = try MemorySource(bytes: swapped ? second : first).read(at: offset, into: buffer)
        if offset == swapAfter {
            readsAtSwapAfter += 1
            if readsAtSwapAfter == time { swapped = true }
        }
        return n
    }
}

@Suite("Sealed envelope, file changed between the two reads (spec §5.5 steps 3 and 6)")
struct SwappedFileTests {
    static let size = 2 * SealedEnvelope.chunkSize + 11

    /// Two evidence envelopes with the same header (same file key and stream header: the sender's
    /// own randomness), different content of the same size: what a sender who knows the file key
    /// can write over the signed file while the secretary's `extract` runs.
    static func pair(size: Int = Self.size) throws -> (signed: [UInt8], other: [UInt8], recipient: SecretIdentity) {
        let (sender, recipient) = try SealedEnvelopeTests.identities("swap")
        func seal(_ fill: UInt8) throws -> [UInt8] {
            try SealedEnvelope.seal(
                [UInt8](repeating: fill, count: size), kind: .evidence, round: StreamingEnvelopeTests.round,
                context: ["size": .int(size)], sender: sender, recipient: recipient.identity.encryptionKey,
                created: "2026-01-01T00:00:00Z", using: DeterministicRandom(seed: "same key"))
        }
        return (try seal(1), try seal(2), recipient)
    }

    /// Opens `source` as `OnDisk.open` does: into memory, released only if everything passed.
    fileprivate static func open(_ source: SwappingSource, with recipient: SecretIdentity) throws -> [UInt8] {
        let reader = try EnvelopeReader(parsing: source, expecting: .evidence, file: "e.ave")
        let sink = MemorySink(capacity: source.size)
        _ = try reader.openSigned(
            fileKey: {
                try SealedEnvelope.fileKey(of: $0, kind: .evidence, with: recipient.encryptionKey, file: "e.ave")
            },
            into: { sink })
        return sink.bytes
    }

    /// The file replaced after the outer check: the decrypting pass reads the other ciphertext,
    /// which authenticates chunk by chunk under the same key, but it is not what was hashed, so
    /// nothing is released (`envelope.changed-while-reading`).
    @Test func replacedCiphertextAfterTheCheckIsRefused() throws {
        let (signed, other, recipient) = try Self.pair()
        let a = try SealedEnvelope(parsing: signed, expecting: .evidence, file: "a")
        let b = try SealedEnvelope(parsing: other, expecting: .evidence, file: "b")
        #expect(a.preamble == b.preamble, "the two envelopes share a header")
        let contentEnd = signed.count - 64 - SealedEnvelope.finalChunkLength
        // Control: the other file opens on its own, under the same key, to other content.
        let alone = SwappingSource(first: other, second: other, swapAfter: contentEnd)
        #expect(try Self.open(alone, with: recipient) == [UInt8](repeating: 2, count: Self.size))
        // Control: a "swap" to the same bytes opens to the signed content.
        let same = SwappingSource(first: signed, second: signed, swapAfter: contentEnd)
        #expect(try Self.open(same, with: recipient) == [UInt8](repeating: 1, count: Self.size))
        #expect(same.readsAfterSwap > 0, "the decrypting pass reads the file again")
        // Swapped once the check has read the final chunk.
        let swapped = SwappingSource(first: signed, second: other, swapAfter: contentEnd)
        let error = #expect(throws: EnvelopeError.self) { try Self.open(swapped, with: recipient) }
        #expect(error?.code == .changedWhileReading)
        #expect(swapped.readsAfterSwap > 0)
    }

    /// A payload of several pipeline blocks, so that the decrypting pass confirms each block on
    /// the worker after this thread decrypted it. Replaced after the check, the other ciphertext
    /// decrypts block by block and is refused by the second reading's check; replaced in the
    /// middle of the decrypting pass, the chunks no longer authenticate (secretstream's nonce
    /// follows the previous chunk's tag) and it is refused as corrupt. Nothing is released.
    @Test func aFileOfSeveralBlocksReplacedAfterOrDuringTheDecryptingPassIsRefused() throws {
        let size = 3 * SealedEnvelope.blockChunks * SealedEnvelope.chunkSize + 11
        let (signed, other, recipient) = try Self.pair(size: size)
        let start = try SealedEnvelope(parsing: signed, expecting: .evidence, file: "a").preamble.count
        let contentEnd = signed.count - 64 - SealedEnvelope.finalChunkLength
        let same = SwappingSource(first: signed, second: signed, swapAfter: contentEnd)
        #expect(try Self.open(same, with: recipient) == [UInt8](repeating: 1, count: size))
        let after = SwappingSource(first: signed, second: other, swapAfter: contentEnd)
        let refused = #expect(throws: EnvelopeError.self) { try Self.open(after, with: recipient) }
        #expect(refused?.code == .changedWhileReading)
        #expect(after.readsAfterSwap >= 5, "the decrypting pass read every block of the other file")
        let during = SwappingSource(first: signed, second: other, swapAfter: start + EvidenceHash.leafLength, time: 2)
        let corrupt = #expect(throws: EnvelopeError.self) { try Self.open(during, with: recipient) }
        #expect(corrupt?.code == .corrupt)
    }

    /// The file replaced during the check (after its first chunk): the check hashed a mix, so
    /// the outer signature refuses it before anything is decrypted.
    @Test func replacedCiphertextDuringTheCheckIsRefused() throws {
        let (signed, other, recipient) = try Self.pair()
        let start = try SealedEnvelope(parsing: signed, expecting: .evidence, file: "a").preamble.count
        let swapped = SwappingSource(first: signed, second: other, swapAfter: start)
        let error = #expect(throws: EnvelopeError.self) { try Self.open(swapped, with: recipient) }
        #expect(error?.code == .badSignature)
    }
}
