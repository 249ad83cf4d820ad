import PropertyBased
import Testing

@testable import AppraisalVault

@Suite("Release: GF(256) field")
struct ReleaseFieldTests {
    typealias Field = Shamir.Field

    /// Reference multiplication: carry-less product, then reduction by 0x11B bit by bit (with branches).
    static func referenceMultiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var product: UInt16 = 0
        for bit in 0..<8 where (b >> bit) & 1 == 1 {
            product ^= UInt16(a) << bit
        }
        for bit in stride(from: 15, through: 8, by: -1) where (product >> bit) & 1 == 1 {
            product ^= 0x11B << (bit - 8)
        }
        return UInt8(product)
    }

    /// Rule: multiplication agrees with the reference for all 65,536 pairs.
    @Test func multiplicationMatchesReferenceForAllPairs() {
        var mismatches = 0
        for a in 0...255 {
            for b in 0...255 where Field.multiply(UInt8(a), UInt8(b)) != Self.referenceMultiply(UInt8(a), UInt8(b)) {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    /// Rule: the polynomial is AES's 0x11B (FIPS-197 §4.2 examples: 57·83 = c1, 53·ca = 01).
    @Test func knownAESProducts() {
        #expect(Field.multiply(0x57, 0x83) == 0xC1)
        #expect(Field.multiply(0x57, 0x13) == 0xFE)
        #expect(Field.multiply(0x53, 0xCA) == 0x01)
        #expect(Field.inverse(0x53) == 0xCA)
    }

    /// Rule: multiplication is commutative (all pairs); 1 is the identity and 0 absorbs.
    @Test func commutativeWithIdentityAndZero() {
        for a in UInt8.min...UInt8.max {
            #expect(Field.multiply(a, 1) == a)
            #expect(Field.multiply(a, 0) == 0)
            for b in UInt8.min...UInt8.max where Field.multiply(a, b) != Field.multiply(b, a) {
                Issue.record("\(a)·\(b) is not commutative")
            }
        }
    }

    /// Rule: multiplication is associative (sampled).
    @Test func associative() async {
        await propertyCheck(count: 3000, input: Gen.uint8(), Gen.uint8(), Gen.uint8()) { a, b, c in
            #expect(Field.multiply(Field.multiply(a, b), c) == Field.multiply(a, Field.multiply(b, c)))
        }
    }

    /// Rule: multiplication distributes over addition (XOR) (sampled).
    @Test func distributive() async {
        await propertyCheck(count: 3000, input: Gen.uint8(), Gen.uint8(), Gen.uint8()) { a, b, c in
            #expect(Field.multiply(a, Field.add(b, c)) == Field.add(Field.multiply(a, b), Field.multiply(a, c)))
        }
    }

    /// Rule: a · inverse(a) = 1 for all 255 non-zero a, the inverse is unique, and inverse(0) = 0.
    @Test func inverses() {
        for a in UInt8(1)...UInt8.max {
            let inv = Field.inverse(a)
            #expect(Field.multiply(a, inv) == 1, "a = \(a)")
            #expect((UInt8(1)...UInt8.max).filter { Self.referenceMultiply(a, $0) == 1 } == [inv])
        }
        #expect(Field.inverse(0) == 0)
    }
}
