import Testing
import VaultCrypto

@testable import AppraisalVault

/// Serves `first` until the reader has taken the final chunk of the first pass (the outer
/// signature check), then `second`: a file replaced in place between the two reads of an open.
private final class SwappingSource: ByteSource, @unchecked Sendable {
    let first: [UInt8]
    let second: [UInt8]
    let swapAfter: Int
    private var swapped = false

    init(first: [UInt8], second: [UInt8], swapAfter: Int) {
        self.first = first
        self.second = second
        self.swapAfter = swapAfter
    }

    var size: Int { first.count }

    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = try MemorySource(bytes: swapped ? second : first).read(at: offset, into: buffer)
        if offset == swapAfter { swapped = true }
        return n
    }
}

@Suite("Sealed envelope, file changed between the two reads (spec §5.5 step 6)")
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

    @Test func replacedCiphertextIsRefusedBeforeRelease() throws {
        let (signed, other, recipient) = try Self.pair()
        let a = try SealedEnvelope(parsing: signed, expecting: .evidence, file: "a")
        let b = try SealedEnvelope(parsing: other, expecting: .evidence, file: "b")
        #expect(a.preamble == b.preamble, "the two envelopes share a header")
        let contentEnd = signed.count - 64 - SealedEnvelope.finalChunkLength
        // Control: the same reader on an unchanged file opens it.
        let same = SwappingSource(first: signed, second: signed, swapAfter: contentEnd)
        #expect(try Self.open(same, with: recipient) == [UInt8](repeating: 1, count: Self.size))
        // The other ciphertext decrypts and authenticates chunk by chunk under the same key; only
        // the second hash of what is decrypted tells that it is not the signed file.
        let swapped = SwappingSource(first: signed, second: other, swapAfter: contentEnd)
        let error = #expect(throws: EnvelopeError.self) { try Self.open(swapped, with: recipient) }
        #expect(error?.code == .changedWhileReading)
    }
}
