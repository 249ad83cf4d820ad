import Testing
import VaultCrypto

/// The group and scalar wrappers against RFC 9496 Appendix A and values computed with plain
/// integers (ℓ = 2²⁵² + 27742317777372353535851937790883648493), not with libsodium.
@Suite("Ristretto255")
struct Ristretto255Tests {
    typealias Point = Ristretto255.Point
    typealias Scalar = Ristretto255.Scalar

    /// RFC 9496 A.1: encodings of B, 2B, 3B, 4B.
    static let multiples = [
        "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76",
        "6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919",
        "94741f5d5d52755ece4f23f044ee27d5d1ea1e2bd196b462166b16152a9d0259",
        "da80862773358b466ffadfe0b3293ab3d9fd53c5ea6c955358f568322daf6a57",
    ]
    static let order = "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010"
    static let orderMinusOne = "ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010"

    @Test func generatorMultiplesMatchRFC9496() throws {
        #expect(hex(Point.generator.rawRepresentation) == Self.multiples[0])
        for (k, expected) in Self.multiples.enumerated() {
            #expect(hex(try Point.base(times: Scalar(UInt64(k + 1))).rawRepresentation) == expected)
            #expect(hex(try Point.generator.multiplied(by: Scalar(UInt64(k + 1))).rawRepresentation) == expected)
        }
    }

    /// RFC 9496 A.2 (non-canonical field encodings, negative field elements) and the identity.
    @Test(arguments: [
        "0000000000000000000000000000000000000000000000000000000000000000",
        "00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    ])
    func badEncodingsRejected(encoding: String) {
        #expect(
            sodiumError { () throws(SodiumError) in try Point(rawRepresentation: bytes(hex: encoding)) }?.kind
                == .invalidParameter)
    }

    @Test func wrongLengthRejected() {
        #expect(
            sodiumError { () throws(SodiumError) in try Point(rawRepresentation: [UInt8](repeating: 1, count: 31)) }?
                .kind == .invalidLength)
    }

    @Test func groupLaws() throws {
        let random = DeterministicRandom(seed: "ristretto group laws")
        let a = try Scalar.random(using: random)
        let b = try Scalar.random(using: random)
        let pa = try Point.base(times: a)
        let pb = try Point.base(times: b)
        // (a + b)·G = a·G + b·G; (a·b)·G = b·(a·G); a·G − b·G + b·G = a·G.
        #expect(try Point.base(times: a.adding(b)) == pa.adding(pb))
        #expect(try Point.base(times: a.multiplied(by: b)) == pa.multiplied(by: b))
        #expect(try pa.subtracting(pb).adding(pb) == pa)
        #expect(try pa.adding(pb) == pb.adding(pa))
        // P − P is the identity: refused rather than returned.
        #expect(sodiumError { () throws(SodiumError) in try pa.subtracting(pa) }?.kind == .invalidParameter)
        // a · a⁻¹ = 1; a + (−a) = 0.
        #expect(try a.multiplied(by: a.inverted()).isEqual(to: .one))
        #expect(try a.adding(a.negated()).isZero)
        // 0·G is the identity: refused.
        #expect(
            sodiumError { () throws(SodiumError) in try Point.base(times: a.subtracting(a)) }?.kind == .invalidParameter
        )
        #expect(sodiumError { () throws(SodiumError) in try Scalar(0).inverted() }?.kind == .invalidParameter)
        // The linear combination is the sum of the products.
        #expect(
            try Point.combination([pa, pb], [b, a])
                == Point.base(times: a.multiplied(by: b).adding(b.multiplied(by: a))))
    }

    /// The combination with the powers of a small public x (doubling and adding where that is
    /// cheaper) is the combination with the scalars 1, x, x², …, for every x ≤ 40 and up to six
    /// terms; `multiplied(bySmall:)` is `multiplied(by:)`, including the RFC's multiples of B.
    @Test func powersCombinationMatchesScalars() throws {
        let random = DeterministicRandom(seed: "powers")
        let points = try (0..<6).map { _ in try Point.base(times: Scalar.random(using: random)) }
        for x in UInt64(1)...40 {
            for count in 1...points.count {
                var powers = [Scalar.one]
                for _ in 1..<count { powers.append(try powers[powers.count - 1].multiplied(by: Scalar(x))) }
                let terms = Array(points[..<count])
                #expect(try Point.combination(terms, powersOf: x) == Point.combination(terms, powers), "x = \(x)")
            }
            #expect(try points[0].multiplied(bySmall: x) == points[0].multiplied(by: Scalar(x)), "x = \(x)")
        }
        for (k, expected) in Self.multiples.enumerated() {
            #expect(hex(try Point.generator.multiplied(bySmall: UInt64(k + 1)).rawRepresentation) == expected)
        }
        // The same refusals: no terms, x = 0, m = 0; a partial sum that is the identity.
        #expect(
            sodiumError { () throws(SodiumError) in try Point.combination([], powersOf: 2) }?.kind == .invalidLength)
        #expect(
            sodiumError { () throws(SodiumError) in try Point.combination([points[0]], powersOf: 0) }?.kind
                == .invalidLength)
        #expect(
            sodiumError { () throws(SodiumError) in try points[0].multiplied(bySmall: 0) }?.kind == .invalidParameter)
        let minusTwice = try points[0].multiplied(by: Scalar(2).negated())
        #expect(
            sodiumError { () throws(SodiumError) in try Point.combination([minusTwice, points[0]], powersOf: 2) }?.kind
                == .invalidParameter)
    }

    @Test func scalarsAgainstIntegerArithmetic() throws {
        // ℓ − 1 is canonical, ℓ is not; −1 = ℓ − 1; (ℓ − 1) + 1 = 0.
        let lMinusOne = try Scalar(canonical: bytes(hex: Self.orderMinusOne))
        #expect(
            sodiumError { () throws(SodiumError) in try Scalar(canonical: bytes(hex: Self.order)) }?.kind
                == .invalidParameter)
        #expect(hex(try Scalar.one.negated().publicBytes()) == Self.orderMinusOne)
        #expect(try lMinusOne.adding(.one).isZero)
        // 1/2 mod ℓ.
        #expect(
            hex(try Scalar(2).inverted().publicBytes())
                == "f7e97a2e8d31092c6bce7b51ef7c6f0a00000000000000000000000000000008")
        // bytes 00…3f as a 512-bit little-endian integer, mod ℓ.
        let wide = try SecretBytes(copying: (0..<64).map { UInt8($0) })
        #expect(
            hex(try Scalar.reducing(wide).publicBytes())
                == "7a3c6282f02d37a05023b60d5428e6cc5961d4c31221937adae0b574e4d07205")
    }

    @Test func lagrangeCoefficients() throws {
        // Over {1, 3}: λ₁ = 3/2, λ₃ = 1/(1 − 3) = −1/2.
        #expect(
            hex(try Scalar.lagrangeAtZero(index: 1, in: [1, 3]).publicBytes())
                == "f8e97a2e8d31092c6bce7b51ef7c6f0a00000000000000000000000000000008")
        #expect(
            hex(try Scalar.lagrangeAtZero(index: 3, in: [1, 3]).publicBytes())
                == "f6e97a2e8d31092c6bce7b51ef7c6f0a00000000000000000000000000000008")
        #expect(
            sodiumError { () throws(SodiumError) in try Scalar.lagrangeAtZero(index: 2, in: [1, 3]) }?.kind
                == .invalidParameter)
        #expect(
            sodiumError { () throws(SodiumError) in try Scalar.lagrangeAtZero(index: 1, in: [1, 1]) }?.kind
                == .invalidParameter)
        // Interpolating f(X) = s + c·X from f(1), f(3) gives s (in the exponent as well).
        let random = DeterministicRandom(seed: "ristretto lagrange")
        let s = try Scalar.random(using: random)
        let c = try Scalar.random(using: random)
        let f1 = try s.adding(c)
        let f3 = try s.adding(c.multiplied(by: Scalar(3)))
        let l1 = try Scalar.lagrangeAtZero(index: 1, in: [1, 3])
        let l3 = try Scalar.lagrangeAtZero(index: 3, in: [1, 3])
        #expect(try f1.multiplied(by: l1).adding(f3.multiplied(by: l3)).isEqual(to: s))
        let combined = try Point.combination([Point.base(times: f1), Point.base(times: f3)], [l1, l3])
        #expect(try combined == Point.base(times: s))
    }

    @Test func hashToScalarIsBLAKE2bReduced() throws {
        let message = Array("AppraisalVault".utf8)
        let expected = try Scalar.reducing(SecretBytes(copying: BLAKE2b.hash(message, outputLength: 64)))
        #expect(try Scalar.hashing(message).isEqual(to: expected))
        #expect(try !Scalar.hashing(message + [0]).isEqual(to: expected))
    }
}

@Suite("Ristretto255 proofs and KEM")
struct Ristretto255ProofTests {
    typealias Point = Ristretto255.Point
    typealias Scalar = Ristretto255.Scalar

    @Test func schnorrProofVerifiesAndBinds() throws {
        let random = DeterministicRandom(seed: "schnorr")
        let a = try Scalar.random(using: random)
        let c = try Point.base(times: a)
        let context = Array("context".utf8)
        let proof = try Ristretto255.Schnorr.prove(secret: a, commitment: c, context: context, using: random)
        #expect(Ristretto255.Schnorr.isValid(proof, commitment: c, context: context))
        #expect(!Ristretto255.Schnorr.isValid(proof, commitment: c, context: context + [1]))
        #expect(!Ristretto255.Schnorr.isValid(proof, commitment: try c.adding(.generator), context: context))
        #expect(!Ristretto255.Schnorr.isValid(flipped(proof, at: 40), commitment: c, context: context))
        // A proof for another secret does not verify for C.
        let other = try Ristretto255.Schnorr.prove(
            secret: try Scalar.random(using: random), commitment: c, context: context, using: random)
        #expect(!Ristretto255.Schnorr.isValid(other, commitment: c, context: context))
    }

    @Test func chaumPedersenProofVerifiesAndBinds() throws {
        let random = DeterministicRandom(seed: "dleq")
        let x = try Scalar.random(using: random)
        let y = try Point.base(times: x)
        let u = try Point.base(times: Scalar.random(using: random))
        let d = try u.multiplied(by: x)
        let context = Array("bound".utf8)
        let proof = try Ristretto255.ChaumPedersen.prove(
            secret: x, base: u, key: y, partial: d, context: context, using: random)
        #expect(Ristretto255.ChaumPedersen.isValid(proof, base: u, key: y, partial: d, context: context))
        #expect(!Ristretto255.ChaumPedersen.isValid(proof, base: u, key: y, partial: d, context: context + [0]))
        // A forged partial (another point) fails, so does the right partial for another U.
        let forged = try d.adding(.generator)
        #expect(!Ristretto255.ChaumPedersen.isValid(proof, base: u, key: y, partial: forged, context: context))
        let u2 = try u.adding(.generator)
        #expect(
            !Ristretto255.ChaumPedersen.isValid(
                proof, base: u2, key: y, partial: try u2.multiplied(by: x), context: context))
        #expect(
            !Ristretto255.ChaumPedersen.isValid(flipped(proof, at: 3), base: u, key: y, partial: d, context: context))
    }

    /// 2-of-3 in the exponent: any two partials give the encapsulated key; one partial or a
    /// wrong partial gives another key.
    @Test func kemOpensWithThresholdPartialsOnly() throws {
        let random = DeterministicRandom(seed: "kem")
        let s = try Scalar.random(using: random)
        let c1 = try Scalar.random(using: random)
        func share(_ j: UInt64) throws -> Scalar { try s.adding(c1.multiplied(by: Scalar(j))) }
        let y = try Point.base(times: s)
        let context = Array("kem".utf8)
        let (u, key) = try Ristretto255.KEM.encapsulate(to: y, context: context, using: random)
        func open(_ set: [UInt64]) throws -> SecretBytes {
            try Ristretto255.KEM.decapsulate(
                ephemeral: u, jointKey: y, partials: try set.map { ($0, try u.multiplied(by: share($0))) },
                context: context)
        }
        #expect(try open([1, 2]) == key)
        #expect(try open([3, 1]) == key)
        #expect(try open([1, 2, 3]) == key)
        #expect(try open([2]) != key)
        let wrong = try Ristretto255.KEM.decapsulate(
            ephemeral: u, jointKey: y,
            partials: [(1, try u.multiplied(by: share(1))), (2, try u.multiplied(by: share(2)).adding(.generator))],
            context: context)
        #expect(wrong != key)
        #expect(
            try Ristretto255.KEM.decapsulate(
                ephemeral: u, jointKey: y,
                partials: [(1, try u.multiplied(by: share(1))), (2, try u.multiplied(by: share(2)))],
                context: context + [0]) != key)
    }
}
