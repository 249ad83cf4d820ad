import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// The worked example of spec §4.12 (docs/spec/04-release-setup.md): values are fixed here and
/// quoted in the spec; the tests recompute them and check the spec still quotes them.
@Suite("Release: worked vector")
struct ReleaseVectorTests {
    static let roundID = "000102030405060708090a0b0c0d0e0f"
    static let releaseKey = "822d9a3db47f664333d6e4f8805f33531fe67c1d992f833bfa06804f8aec9d69"
    static let releaseSecret = "c933dbf582ef338cd4f4f8e0d6d487f765466714a821b05310a76a40bbee3497"
    static let commitmentDomain =
        "41707072616973616c5661756c742f76312f726f756e642d646566696e6974696f6e2f73686172652d636f6d6d69746d656e7400"
    /// Per holder: encryption key, share y, commitment, sealed share.
    static let holders: [(encryptionKey: String, y: String, commitment: String, sealedShare: String)] = [
        (
            "84a70323e0570559fad8c7e11ffc67b0ba18a4fefb4a1388b150689d1949c40c",
            "9cec84bcd2e862090ec1f43341f3576ca569af23e7aae40a9ae155d29aa68160",
            "7634c1518dded09905267be0ce016d5551b6bfd899fde5af0526bd31e824b252",
            "7fd586278d87b22e77f5ed364635fca1c04c5f7d358df5fe219077799c1f9428e95946a928fb39e638969df1fff11cdb"
                + "38aec7c31b270feee4289f3f03c05f12c49293445425f8d0d2d2a55aab530831"
        ),
        (
            "270be16d80f6a9c1e356dbf2459de671118cafc4eaf63cb91618d4314f910022",
            "6396656722e1919d7b9ee05de39a3cdafe18ec7a362c18e11f2b147ff97e4562",
            "9ff78eb09713ffd30408aa572eb82fd090f9b1a74f4c9a708633584bc182b0b0",
            "5906c85199825bf65e57bde2f20776d91ec37f2f9a28adbd50d7c9bf524a1228b5f817898ee99c926d24473c91c3fab6"
                + "3f26c44e9a065e40e211393b16652321ccfc0d699b0b30b3eec5bb822f411ffb"
        ),
        (
            "588d2e18da4b75a6b3db12d2a65bae0f1b57a2cb62f81c2d246e56796f550b7d",
            "36493a2e72e6c018a1abec8e74bdec413e37244d79a74cb8956d2bedd836f095",
            "001afde700916a0bc414106993062574fd9afe3d188cb05742d6a921bd85f371",
            "c82cfcde328f9cb40b52b550f47a5394a64ac534b674d4276ab0f3b2b4fc7f6872cad44d897ace0f5304577b4a8e2643"
                + "243dc31c696090ee04c9c88f9141ff55e2dc71c1cef4b0f782612bb9a889248f"
        ),
    ]

    struct Vector {
        let holders: [SecretIdentity]
        let policy: ReleasePolicy
    }

    /// Recomputes the vector exactly as spec §4.12 describes.
    static func compute() throws -> Vector {
        let holders = try (1...3).map { i in
            try SecretIdentity.generate(
                id: "holder-\(i)", name: "Holder \(i)", role: .holder, isDemo: true, created: "2026-01-01T00:00:00Z",
                using: DeterministicRandom(seed: "AppraisalVault release vector holder \(i)"))
        }
        let policy = try ReleasePolicy.create(
            holders: holders.map(\.identity), threshold: 2, roundID: Hex.decode(roundID)!,
            using: DeterministicRandom(seed: "AppraisalVault release vector"))
        return Vector(holders: holders, policy: policy)
    }

    static func hex(_ secret: SecretBytes) -> String { secret.withUnsafeBytes { Hex.encode($0) } }

    /// Rule: creation is reproducible: release key, commitments and sealed shares equal the vector.
    @Test func publicValuesMatch() throws {
        let v = try Self.compute()
        #expect(Hex.encode(v.policy.releaseKey.rawRepresentation) == Self.releaseKey)
        #expect(Hex.encode(ReleasePolicy.commitmentDomain) == Self.commitmentDomain)
        #expect(v.policy.holders.count == Self.holders.count)
        for (entry, expected) in zip(v.policy.holders, Self.holders) {
            #expect(Hex.encode(entry.identity.encryptionKey.rawRepresentation) == expected.encryptionKey)
            #expect(Hex.encode(entry.commitment) == expected.commitment)
            #expect(Hex.encode(entry.sealedShare) == expected.sealedShare)
        }
    }

    /// Rule: each holder opens the vector's share y, every pair reconstructs the vector's secret.
    @Test func secretValuesMatch() throws {
        let v = try Self.compute()
        let roundID = Hex.decode(Self.roundID)!
        let shares = try v.holders.map { try v.policy.openShare(holder: $0, roundID: roundID) }
        #expect(shares.map { Self.hex($0.y) } == Self.holders.map(\.y))
        for pair in [[0, 1], [0, 2], [1, 2]] {
            let key = try v.policy.reconstruct(pair.map { shares[$0] }, roundID: roundID)
            #expect(Self.hex(key.secret) == Self.releaseSecret)
        }
        // The shares are public here, so the commitments can be checked from the spec's data alone.
        for (i, h) in Self.holders.enumerated() {
            let y = try SecretBytes(copying: Hex.decode(h.y)!)
            #expect(Hex.encode(ReleasePolicy.commitment(roundID: roundID, x: UInt8(i + 1), y: y)) == h.commitment)
        }
    }

    /// Rule: the spec quotes every value of the vector, so spec and code cannot drift apart.
    @Test func specQuotesTheVector() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let spec = try String(contentsOf: root.appendingPathComponent("docs/spec/04-release-setup.md"), encoding: .utf8)
        // Long values may be wrapped in the spec; compare with whitespace removed.
        let flat = spec.filter { !$0.isWhitespace }
        var quoted = [Self.roundID, Self.releaseKey, Self.releaseSecret, Self.commitmentDomain]
        for h in Self.holders { quoted += [h.encryptionKey, h.y, h.commitment, h.sealedShare] }
        for value in quoted {
            #expect(flat.contains(value), "spec does not quote \(value)")
        }
    }
}
