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
}
