import Testing
import VaultCrypto

@testable import AppraisalVault

@Suite("Release: Shamir sharing")
struct ReleaseShamirTests {
    static func secret(_ length: Int, seed: String) throws -> SecretBytes {
        try SecretBytes(count: length, from: DeterministicRandom(seed: seed))
    }

    static func bytes(_ s: SecretBytes) -> [UInt8] { s.withUnsafeBytes { Array($0) } }

    /// Rule: for every 1 ≤ t ≤ n ≤ 7, every subset of at least t shares reconstructs the secret.
    @Test func everySubsetOfAtLeastTReconstructs() throws {
        var checked = 0
        for n in 1...7 {
            for t in 1...n {
                let random = DeterministicRandom(seed: "subsets \(t) of \(n)")
                let secret = try SecretBytes(count: 32, from: random)
                let shares = try Shamir.split(secret, threshold: t, count: n, using: random)
                #expect(shares.map(\.x) == (1...n).map { UInt8($0) })
                for mask in 1..<(1 << n) where mask.nonzeroBitCount >= t {
                    let subset = shares.indices.filter { mask & (1 << $0) != 0 }.map { shares[$0] }
                    #expect(try Shamir.combine(subset) == secret, "t=\(t) n=\(n) mask=\(mask)")
                    checked += 1
                }
            }
        }
        #expect(checked == 769)  // Σ n·2^(n−1) for n = 1…7
    }

    /// Rule: t = n = 255 reconstructs, with shares given in reverse order.
    @Test func fullSizeSharing() throws {
        let random = DeterministicRandom(seed: "255 of 255")
        let secret = try SecretBytes(count: 32, from: random)
        let shares = try Shamir.split(secret, threshold: 255, count: 255, using: random)
        #expect(shares.last?.x == 255)
        #expect(try Shamir.combine(Array(shares.reversed())) == secret)
        #expect(try Shamir.combine(Array(shares.dropFirst())) != secret)
    }

    /// Rule: random (t, n) up to 255 reconstruct from a random t-subset.
    @Test(arguments: [(2, 255), (128, 200), (17, 17), (1, 255), (100, 101)])
    func randomThresholds(t: Int, n: Int) throws {
        let random = DeterministicRandom(seed: "random \(t) of \(n)")
        let secret = try SecretBytes(count: 33, from: random)
        let shares = try Shamir.split(secret, threshold: t, count: n, using: random)
        var generator = SystemRandomNumberGenerator()
        let subset = Array(shares.shuffled(using: &generator).prefix(t))
        #expect(try Shamir.combine(subset) == secret)
    }

    /// Rule: with t = 1 every share is the secret itself (a degree-0 polynomial).
    @Test func thresholdOneSharesAreTheSecret() throws {
        let secret = try Self.secret(32, seed: "t=1")
        for share in try Shamir.split(secret, threshold: 1, count: 4, using: SystemRandom()) {
            #expect(share.y == secret)
        }
    }

    /// Rule: t − 1 shares leave every secret value possible. For fixed shares at x = 1, 2 of a
    /// 3-of-5 sharing, the 256 possible shares at x = 3 map one-to-one onto the 256 secret values.
    @Test(arguments: ["a", "b", "c", "d"])
    func fewerThanThresholdRevealNothing(seed: String) throws {
        let random = DeterministicRandom(seed: "secrecy \(seed)")
        let secret = try SecretBytes(count: 1, from: random)
        let shares = try Shamir.split(secret, threshold: 3, count: 5, using: random)
        let known = Array(shares.prefix(2))
        var reached = [Int](repeating: 0, count: 256)
        for y in UInt8.min...UInt8.max {
            let third = Shamir.Share(x: 3, y: try SecretBytes(copying: [y]))
            let value = Self.bytes(try Shamir.combine(known + [third]))[0]
            reached[Int(value)] += 1
        }
        #expect(reached.allSatisfy { $0 == 1 })
        // The real third share is the one that gives the real secret.
        #expect(try Shamir.combine(known + [shares[2]]) == secret)
    }

    /// Rule: split rejects t = 0, t > n, n = 0, n > 255 and an empty secret.
    @Test func splitRejectsBadParameters() throws {
        let secret = try Self.secret(32, seed: "params")
        let random = SystemRandom()
        #expect(throws: ReleaseError(.thresholdRange)) {
            try Shamir.split(secret, threshold: 0, count: 3, using: random)
        }
        #expect(throws: ReleaseError(.thresholdRange)) {
            try Shamir.split(secret, threshold: 4, count: 3, using: random)
        }
        #expect(throws: ReleaseError(.holderCount)) { try Shamir.split(secret, threshold: 1, count: 0, using: random) }
        #expect(throws: ReleaseError(.holderCount)) {
            try Shamir.split(secret, threshold: 2, count: 256, using: random)
        }
        #expect(throws: ReleaseError(.secretEmpty)) {
            try Shamir.split(SecretBytes(count: 0), threshold: 1, count: 1, using: random)
        }
    }

    /// Rule: combine rejects no shares, x = 0, a duplicate x and shares of different lengths.
    @Test func combineRejectsBadShares() throws {
        let random = DeterministicRandom(seed: "combine rejects")
        let shares = try Shamir.split(Self.secret(32, seed: "c"), threshold: 2, count: 3, using: random)
        let zero = Shamir.Share(x: 0, y: shares[0].y)
        let duplicate = Shamir.Share(x: shares[1].x, y: shares[2].y)
        let short = Shamir.Share(x: 9, y: try SecretBytes(count: 31))
        #expect(throws: ReleaseError(.noShares)) { try Shamir.combine([]) }
        #expect(throws: ReleaseError(.shareXZero)) { try Shamir.combine([shares[0], zero]) }
        #expect(throws: ReleaseError(.shareDuplicateX)) { try Shamir.combine([shares[0], shares[1], duplicate]) }
        #expect(throws: ReleaseError(.shareLengthMismatch)) { try Shamir.combine([shares[0], short]) }
    }

    /// Rule: shares are neither the secret nor each other (the coefficients really are random).
    @Test func sharesLookRandom() throws {
        let secret = try SecretBytes(count: 32)  // all zero
        let shares = try Shamir.split(secret, threshold: 2, count: 3, using: DeterministicRandom(seed: "zero"))
        #expect(shares.allSatisfy { $0.y != secret })
        #expect(shares[0].y != shares[1].y)
    }
}
