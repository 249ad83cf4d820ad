internal import VaultCrypto

/// The hashes of an evidence payload (spec §5.4): a tree over fixed leaves of the content chunks,
/// so that two threads can hash one payload, and the payload hash over its root and final chunk.
///
/// ```
/// leaf_i      = BLAKE2b-512(domain("leaf") ‖ u64be(i) ‖ C_i)
/// C_i         = content[i·1 048 848 ..< min((i+1)·1 048 848, n)]     (half-open: end excluded)
/// cipherHash  = BLAKE2b-512(domain("cipher-hash") ‖ leaf_0 ‖ … ‖ leaf_(k−1) ‖ u64be(n))
/// payloadHash = BLAKE2b-512(domain("payload-hash") ‖ cipherHash ‖ final chunk)
/// ```
enum EvidenceHash {
    /// Bytes per leaf, a format constant (spec §5.4): 16 content chunks as stored (65 553 bytes each).
    /// The streaming pipelines carry one leaf per block (``checkLeafIsOneBlock()``).
    static let leafLength = 1_048_848
    /// The length of a leaf hash.
    static let digestLength = 64

    private static let kind = ArtifactKind.evidence

    /// Stops the process if a pipeline block of ``SealedEnvelope/blockChunks`` chunks as stored is
    /// not exactly one leaf: the pipelines that hash a leaf per block rely on it.
    static func checkLeafIsOneBlock() {
        precondition(
            SealedEnvelope.blockChunks * (SealedEnvelope.chunkSize + SealedEnvelope.chunkOverhead) == leafLength,
            "a pipeline block of content chunks as stored must be one evidence leaf (spec §5.4)")
    }

    /// `u64be(value)`.
    private static func bigEndian(_ value: Int) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: UInt64(value) >> (8 * (7 - $0))) }
    }

    /// `leaf_index` of `bytes` (at most ``leafLength`` of them), written into `out` (64 bytes).
    static func leaf(_ index: Int, _ bytes: UnsafeRawBufferPointer, into out: UnsafeMutableRawBufferPointer) {
        out.copyBytes(from: leaf(index, bytes))
    }

    /// `leaf_index` of `bytes`.
    static func leaf(_ index: Int, _ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        let hasher = leafHasher(index)
        hasher.update(bytes: bytes)
        return hasher.finalize()
    }

    /// A hasher primed for `leaf_index`.
    static func leafHasher(_ index: Int) -> BLAKE2b.Hasher {
        let hasher = BLAKE2b.Hasher(outputLength: digestLength)
        hasher.update(kind.domain("leaf") + bigEndian(index))
        return hasher
    }

    /// `payloadHash` from `cipherHash` and the final chunk.
    static func payloadHash(cipherHash: [UInt8], finalChunk: [UInt8]) -> [UInt8] {
        BLAKE2b.hash(kind.domain("payload-hash") + cipherHash + finalChunk, outputLength: 64)
    }

    /// The root over leaf hashes given in order.
    final class Root {
        private let hasher = BLAKE2b.Hasher(outputLength: 64)
        /// Leaves added so far.
        private(set) var leaves = 0
        /// Content bytes they cover.
        private(set) var length = 0

        init() { hasher.update(EvidenceHash.kind.domain("cipher-hash")) }

        /// Adds the next leaf's hash (`digest`, 64 bytes) covering `count` content bytes.
        func add(_ digest: UnsafeRawBufferPointer, covering count: Int) {
            hasher.update(bytes: digest)
            leaves += 1
            length += count
        }

        /// `cipherHash`; call once, after the last leaf.
        func finalize() -> [UInt8] {
            hasher.update(EvidenceHash.bigEndian(length))
            return hasher.finalize()
        }
    }

    /// `cipherHash` of content chunks that a ``TwoStagePipeline`` carries one leaf per block:
    /// the first stage writes each block's leaf after ``prefix`` bytes of bookkeeping and calls
    /// ``mark(_:leaf:length:hashing:)`` (hashing the leaf itself when the worker is behind), the
    /// second stage calls ``add(_:)`` in order, which hashes the leaves not hashed yet.
    final class Leaves {
        /// Bytes before a block's leaf: the leaf's index (8), whether it is hashed (1), its hash (64 at 64).
        static let prefix = 128
        private let root = Root()

        init() {}

        /// Records `slot`'s leaf (`length` bytes after the prefix) as leaf `index`, and hashes it
        /// now when `hashing`.
        static func mark(_ slot: UnsafeMutableRawBufferPointer, leaf index: Int, length: Int, hashing: Bool) {
            slot.storeBytes(of: index, toByteOffset: 0, as: Int.self)
            slot[8] = hashing ? 1 : 0
            guard hashing else { return }
            leaf(
                index, UnsafeRawBufferPointer(rebasing: slot[prefix..<(prefix + length)]),
                into: UnsafeMutableRawBufferPointer(rebasing: slot[64..<128]))
        }

        /// Adds the leaf of `block` (a slot as marked, up to the end of its leaf) to the root.
        func add(_ block: UnsafeRawBufferPointer) {
            let index = block.load(fromByteOffset: 0, as: Int.self)
            precondition(index == root.leaves, "leaves are added in order")
            let bytes = UnsafeRawBufferPointer(rebasing: block[Self.prefix...])
            if block[8] == 1 {
                root.add(UnsafeRawBufferPointer(rebasing: block[64..<128]), covering: bytes.count)
            } else {
                leaf(index, bytes).withUnsafeBytes { root.add($0, covering: bytes.count) }
            }
        }

        /// `cipherHash`; call once, after the last leaf.
        func finalize() -> [UInt8] { root.finalize() }
    }

    /// `cipherHash` of content chunks given in pieces of any size, on one thread.
    final class Serial {
        private let root = Root()
        private var current: BLAKE2b.Hasher?
        private var filled = 0

        init() {}

        /// Appends content bytes.
        func update(bytes: UnsafeRawBufferPointer) {
            var offset = 0
            while offset < bytes.count {
                let hasher = current ?? startLeaf()
                let k = min(leafLength - filled, bytes.count - offset)
                hasher.update(bytes: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + k]))
                filled += k
                offset += k
                if filled == leafLength { endLeaf() }
            }
        }

        private func startLeaf() -> BLAKE2b.Hasher {
            let hasher = EvidenceHash.leafHasher(root.leaves)
            current = hasher
            return hasher
        }

        private func endLeaf() {
            guard let hasher = current else { return }
            hasher.finalize().withUnsafeBytes { root.add($0, covering: filled) }
            current = nil
            filled = 0
        }

        /// `cipherHash`; call once.
        func finalize() -> [UInt8] {
            endLeaf()
            return root.finalize()
        }
    }

    /// Both hashes of a payload held in memory.
    static func hashes(payload: UnsafeRawBufferPointer) -> (cipherHash: [UInt8], payloadHash: [UInt8]) {
        let contentEnd = payload.count - SealedEnvelope.finalChunkLength
        let serial = Serial()
        serial.update(bytes: UnsafeRawBufferPointer(rebasing: payload[..<contentEnd]))
        let cipherHash = serial.finalize()
        return (cipherHash, payloadHash(cipherHash: cipherHash, finalChunk: Array(payload[contentEnd...])))
    }
}
