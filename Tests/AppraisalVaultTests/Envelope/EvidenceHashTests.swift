import Dispatch
import Synchronization
import Testing
import VaultCrypto

@testable import AppraisalVault

/// The tree hash of an evidence payload (spec §5.4), written out here from the spec's formulas,
/// against the library's serial and pipelined forms.
@Suite("Evidence payload hash (spec §5.4)")
struct EvidenceHashTests {
    static let leafLength = 16 * (65_536 + 17)

    static func u64be(_ value: Int) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) } }

    static func domain(_ purpose: String) -> [UInt8] { Array("AppraisalVault/v1/evidence/\(purpose)".utf8) + [0] }

    /// The leaf hashes `leaf_0 … leaf_(k−1)` of the content chunks `content`, from the spec.
    static func leafHashes(_ content: [UInt8]) -> [[UInt8]] {
        var leaves = [[UInt8]]()
        var index = 0
        while index * leafLength < content.count {
            let leaf = content[(index * leafLength)..<min((index + 1) * leafLength, content.count)]
            leaves.append(BLAKE2b.hash(domain("leaf") + u64be(index) + leaf, outputLength: 64))
            index += 1
        }
        return leaves
    }

    /// `cipherHash` of the content chunks `content`, from the spec.
    static func cipherHash(_ content: [UInt8]) -> [UInt8] {
        BLAKE2b.hash(domain("cipher-hash") + leafHashes(content).joined() + u64be(content.count), outputLength: 64)
    }

    /// `payloadHash` of an evidence payload, from the spec.
    static func payloadHash(_ payload: [UInt8]) -> [UInt8] {
        let content = Array(payload.dropLast(81))
        return BLAKE2b.hash(domain("payload-hash") + cipherHash(content) + payload.suffix(81), outputLength: 64)
    }

    /// The format constant and the pipelines' block agree: one block of chunks as stored is one leaf.
    @Test func leafIsOnePipelineBlock() {
        #expect(EvidenceHash.leafLength == Self.leafLength)
        #expect(
            SealedEnvelope.blockChunks * (SealedEnvelope.chunkSize + SealedEnvelope.chunkOverhead)
                == EvidenceHash.leafLength)
        EvidenceHash.checkLeafIsOneBlock()
    }

    @Test(arguments: [0, 1, leafLength - 1, leafLength, leafLength + 1, 3 * leafLength + 5])
    func serialMatchesTheSpec(length: Int) {
        let content = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 11) }
        #expect(EvidenceHash.Leaves.prefix >= 128)
        // Pieces of awkward sizes, so leaves straddle them.
        let serial = EvidenceHash.Serial()
        var offset = 0
        var piece = 1
        content.withUnsafeBytes { raw in
            while offset < length {
                let k = min(piece, length - offset)
                serial.update(bytes: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + k]))
                offset += k
                piece = piece * 3 + 1_000
            }
        }
        #expect(serial.finalize() == Self.cipherHash(content))
        let payload = content + [UInt8](repeating: 9, count: 81)
        #expect(SealedEnvelope.payloadHash(of: payload, kind: .evidence) == Self.payloadHash(payload))
        #expect(SealedEnvelope.payloadHash(of: payload, kind: .submission) == BLAKE2b.hash(payload, outputLength: 64))
    }

    /// The pipelined form gives the same root whichever thread hashes which leaf.
    @Test func leavesHashedByEitherStageGiveTheSameRoot() {
        let content = (0..<(4 * Self.leafLength + 3)).map { UInt8(truncatingIfNeeded: $0 >> 3) }
        for pattern in [0, 1, 2, 3] {
            let leaves = EvidenceHash.Leaves()
            let slot = UnsafeMutableRawBufferPointer.allocate(
                byteCount: EvidenceHash.Leaves.prefix + Self.leafLength, alignment: 64)
            defer { slot.deallocate() }
            var index = 0
            content.withUnsafeBytes { raw in
                while index * Self.leafLength < content.count {
                    let range = (index * Self.leafLength)..<min((index + 1) * Self.leafLength, content.count)
                    let data = UnsafeMutableRawBufferPointer(
                        rebasing: slot[EvidenceHash.Leaves.prefix..<(EvidenceHash.Leaves.prefix + range.count)])
                    data.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[range]))
                    EvidenceHash.Leaves.mark(
                        slot, leaf: index, length: range.count, hashing: (index + pattern) % (pattern + 1) == 0)
                    leaves.add(UnsafeRawBufferPointer(rebasing: slot[..<(EvidenceHash.Leaves.prefix + range.count)]))
                    index += 1
                }
            }
            #expect(leaves.finalize() == Self.cipherHash(content), "pattern \(pattern)")
        }
    }

    /// The first stage really hashes a leaf when ``TwoStagePipeline/workerIsBehind``: the second
    /// stage is held on its first block until the first stage has filled block 2 (blocks 0 and 1
    /// then in the backlog, so the worker is behind whatever the scheduling), and the root equals
    /// the spec's serial form.
    @Test func firstStageHashesALeafWhenTheWorkerIsBehind() throws {
        let leafLength = EvidenceHash.leafLength
        let content = (0..<(4 * leafLength + 3)).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ $0 >> 9) }
        let gate = DispatchSemaphore(value: 0)
        let hashedByFirstStage = Mutex<[Int]>([])
        let behindWhenFilled = Mutex<[Bool]>([])
        let leaves = EvidenceHash.Leaves()
        let prefix = EvidenceHash.Leaves.prefix
        var first = true
        try TwoStagePipeline.run(
            blockSize: prefix + leafLength, inline: false,
            consume: { block in
                if first {
                    first = false
                    gate.wait()
                }
                let index = block.load(fromByteOffset: 0, as: Int.self)
                if block[8] == 1 { hashedByFirstStage.withLock { $0.append(index) } }
                leaves.add(UnsafeRawBufferPointer(block))
            }
        ) { pipeline in
            var index = 0
            try content.withUnsafeBytes { raw in
                while index * leafLength < content.count {
                    let range = (index * leafLength)..<min((index + 1) * leafLength, content.count)
                    try pipeline.send { slot in
                        UnsafeMutableRawBufferPointer(rebasing: slot[prefix..<(prefix + range.count)])
                            .copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[range]))
                        let behind = pipeline.workerIsBehind
                        behindWhenFilled.withLock { $0.append(behind) }
                        EvidenceHash.Leaves.mark(slot, leaf: index, length: range.count, hashing: behind)
                        return prefix + range.count
                    }
                    // Block 2 is filled: let the worker go (unconditionally, so nothing waits forever).
                    if index == 2 { gate.signal() }
                    index += 1
                }
            }
        }
        let behind = behindWhenFilled.withLock { $0 }
        #expect(behind.count == 5)
        #expect(behind.prefix(3) == [false, false, true], "blocks 0 and 1 were in the backlog when block 2 was filled")
        #expect(hashedByFirstStage.withLock { $0 }.contains(2), "the first stage hashed leaf 2 itself")
        #expect(leaves.finalize() == Self.cipherHash(content))
    }
}
