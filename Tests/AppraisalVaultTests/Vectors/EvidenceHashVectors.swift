import Foundation
import VaultCrypto

@testable import AppraisalVault

/// Hash-only vectors for the evidence tree hash (spec §5.4, area `evidence-hash`), at the leaf
/// boundaries, so that the leaf length, the big-endian leaf index and the leaf order are checked
/// across implementations (the `evidence` vectors have one short leaf).
///
/// The content is not in the file: `content-length:` n bytes with byte j = j mod 251
/// (`content-rule:`). The body is the 81-byte final chunk, byte j = (3·j + 1) mod 256. The
/// header gives `leaf-count:` k, `leaf-hashes:` leaf_0 … leaf_(k−1) (hex, one space between;
/// absent when k = 0), `cipher-hash:` and `payload-hash:`. The generator computes them from the
/// spec's formulas (``EvidenceHashTests``); the runner from the library's ``EvidenceHash``.
extension VectorGenerator {
    static let evidenceHashContentRule = "byte j = j mod 251"

    /// The content of an `evidence-hash` vector: `length` bytes, byte j = j mod 251.
    static func evidenceHashContent(length: Int) -> [UInt8] {
        let period = (0..<251).map { UInt8($0) }
        var content = [UInt8]()
        content.reserveCapacity(length + 251)
        while content.count < length { content += period }
        return Array(content.prefix(length))
    }

    /// The final chunk of every `evidence-hash` vector: byte j = (3·j + 1) mod 256, j = 0…80.
    static func evidenceHashFinalChunk() -> [UInt8] {
        (0..<81).map { UInt8(truncatingIfNeeded: 3 * $0 + 1) }
    }

    @Sendable static func evidenceHashVectors() throws -> [Vector] {
        let leaf = EvidenceHashTests.leafLength
        let cases: [(String, Int, String)] = [
            ("empty", 0, "no content chunk: no leaf, cipherHash over the length 0 alone"),
            ("one-byte", 1, "one leaf of 1 byte"),
            ("leaf-minus-one", leaf - 1, "one leaf, 1 byte short of a whole leaf"),
            ("one-leaf", leaf, "exactly one whole leaf"),
            ("leaf-plus-one", leaf + 1, "a whole leaf, then leaf 1 of 1 byte"),
            ("two-leaves", 2 * leaf, "exactly two whole leaves"),
            ("two-leaves-plus-one", 2 * leaf + 1, "two whole leaves, then leaf 2 of 1 byte"),
        ]
        let finalChunk = evidenceHashFinalChunk()
        return cases.map { name, length, comment in
            let content = evidenceHashContent(length: length)
            let leaves = EvidenceHashTests.leafHashes(content)
            let cipherHash = EvidenceHashTests.cipherHash(content)
            let payloadHash = EvidenceHashTests.payloadHash(content + finalChunk)
            var fields: [(String, String)] = [
                ("content-length", String(length)), ("content-rule", evidenceHashContentRule),
                ("leaf-count", String(leaves.count)),
            ]
            if !leaves.isEmpty { fields.append(("leaf-hashes", leaves.map { Hex.encode($0) }.joined(separator: " "))) }
            fields += [("cipher-hash", Hex.encode(cipherHash)), ("payload-hash", Hex.encode(payloadHash))]
            return vector(
                "evidence-hash", name, expect: "success", fields,
                comment: "n = \(length): \(comment); body: the final chunk, byte j = (3j + 1) mod 256", finalChunk)
        }
    }
}

extension VectorRunner {
    /// `evidence-hash`: builds the content from its rule and hashes it with the library's serial
    /// and pipelined forms (``EvidenceHash``), against every listed hash.
    @Sendable static func runEvidenceHash(_ vector: Vector) -> String {
        guard vector["content-rule"] == VectorGenerator.evidenceHashContentRule,
            let length = vector["content-length"].flatMap({ Int($0) }), length >= 0,
            let count = vector["leaf-count"].flatMap({ Int($0) }),
            let cipherHash = vector["cipher-hash"].flatMap({ Hex.decode($0) }),
            let payloadHash = vector["payload-hash"].flatMap({ Hex.decode($0) }),
            vector.body.count == SealedEnvelope.finalChunkLength
        else { return "no valid content-length, content-rule, leaf-count, hashes or 81-byte body" }
        let listed = (vector["leaf-hashes"] ?? "").split(separator: " ").map { Hex.decode(String($0)) }
        guard listed.count == count, listed.allSatisfy({ $0?.count == 64 }) else { return "bad leaf-hashes" }
        let content = VectorGenerator.evidenceHashContent(length: length)
        let leafLength = EvidenceHash.leafLength
        var leaves = [[UInt8]]()
        var root: [UInt8] = []
        content.withUnsafeBytes { raw in
            var offset = 0
            while offset < length {
                let end = min(offset + leafLength, length)
                leaves.append(EvidenceHash.leaf(leaves.count, UnsafeRawBufferPointer(rebasing: raw[offset..<end])))
                offset = end
            }
            let serial = EvidenceHash.Serial()
            serial.update(bytes: raw)
            root = serial.finalize()
        }
        guard leaves == listed.map({ $0! }) else { return "leaf hashes differ" }
        guard root == cipherHash else { return "cipher-hash differs" }
        let payload = content + vector.body
        guard EvidenceHash.payloadHash(cipherHash: root, finalChunk: vector.body) == payloadHash,
            SealedEnvelope.payloadHash(of: payload, kind: .evidence) == payloadHash
        else { return "payload-hash differs" }
        return "success"
    }
}
