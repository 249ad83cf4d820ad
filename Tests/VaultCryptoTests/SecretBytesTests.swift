import Testing
import VaultCrypto

@Suite("SecretBytes")
struct SecretBytesTests {
    /// New secrets are zeroed, and copying keeps the bytes.
    @Test func allocationAndCopy() throws {
        #expect(exposed(try SecretBytes(count: 5)) == [0, 0, 0, 0, 0])
        #expect(exposed(try SecretBytes(copying: [1, 2, 3])) == [1, 2, 3])
        #expect(try SecretBytes(count: 0).count == 0)
        #expect(throws: SodiumError(.invalidLength, "sodium_malloc")) { try SecretBytes(count: -1) }
    }

    /// == compares contents: equal bytes are equal; one differing byte, or a different length (even a prefix), is not.
    @Test func equality() throws {
        let a = try SecretBytes(copying: [1, 2, 3])
        #expect(a == (try SecretBytes(copying: [1, 2, 3])))
        #expect(a != (try SecretBytes(copying: [1, 2, 4])))
        #expect(a != (try SecretBytes(copying: [0, 2, 3])))
        #expect(a != (try SecretBytes(copying: [1, 2])))
        #expect(a != (try SecretBytes(copying: [1, 2, 3, 0])))
        #expect(try SecretBytes(count: 0) == SecretBytes(copying: [UInt8]()))
        #expect(try SecretBytes(count: 0) != SecretBytes(count: 1))
    }

    /// constantTimeEquals against public bytes follows the same rules, including lengths.
    @Test func constantTimeEqualsPublicBytes() throws {
        let a = try SecretBytes(copying: [9, 8, 7])
        #expect(a.constantTimeEquals([9, 8, 7] as [UInt8]))
        #expect(!a.constantTimeEquals([9, 8, 6] as [UInt8]))
        #expect(!a.constantTimeEquals([9, 8] as [UInt8]))
        #expect(Sodium.constantTimeEqual([UInt8](), [UInt8]()))
    }

    /// slice copies exactly the range; a range outside the secret is invalidLength.
    @Test func slice() throws {
        let a = try SecretBytes(copying: [0, 1, 2, 3, 4, 5])
        #expect(exposed(try a.slice(1..<4)) == [1, 2, 3])
        #expect(exposed(try a.slice(6..<6)) == [])
        #expect(exposed(try a.slice(0..<6)) == [0, 1, 2, 3, 4, 5])
        #expect(throws: SodiumError(.invalidLength, "sodium_malloc")) { try a.slice(4..<7) }
        // The slice is a copy: wiping it leaves the original intact.
        let s = try a.slice(0..<2)
        s.wipe()
        #expect(exposed(a) == [0, 1, 2, 3, 4, 5])
    }

    /// concatenating joins parts in order, empty parts included.
    @Test func concatenating() throws {
        let joined = try SecretBytes.concatenating([
            SecretBytes(copying: [1, 2]), SecretBytes(count: 0), SecretBytes(copying: [3]),
        ])
        #expect(exposed(joined) == [1, 2, 3])
        #expect(try SecretBytes.concatenating([]).count == 0)
    }

    /// wipe() zeroes every byte now and keeps the length.
    @Test func wipeZeroes() throws {
        let a = try SecretBytes(copying: [UInt8](repeating: 0xff, count: 64))
        a.wipe()
        #expect(a.count == 64)
        #expect(exposed(a) == [UInt8](repeating: 0, count: 64))
        try SecretBytes(count: 0).wipe()
    }

    /// Filling from a deterministic source is reproducible.
    @Test func fillFromSource() throws {
        let a = try SecretBytes(count: 40, from: DeterministicRandom(seed: "s"))
        let b = try SecretBytes(count: 40, from: DeterministicRandom(seed: "s"))
        #expect(a == b)
        #expect(exposed(a) != [UInt8](repeating: 0, count: 40))
    }
}
