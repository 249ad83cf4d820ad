extension Shamir {
    /// Arithmetic in GF(2^8) with the AES reduction polynomial x⁸ + x⁴ + x³ + x + 1 (0x11B), spec §4.1.
    ///
    /// Addition and subtraction are both XOR. Multiplication is shift-and-add over the eight bits
    /// of the second operand with masks instead of branches, and the inverse is a fixed chain of
    /// squarings and multiplications: no log/exp tables, no branch or memory index depends on a
    /// secret byte (the lesson of HashiCorp Vault PR 9932).
    enum Field {
        /// The reduction polynomial without its x⁸ term: 0x1B.
        static let reduction: UInt8 = 0x1B

        /// Adds (and subtracts) two field elements: XOR.
        @inline(__always)
        static func add(_ a: UInt8, _ b: UInt8) -> UInt8 { a ^ b }

        /// Multiplies two field elements in constant time.
        ///
        /// Eight rounds, each adding `a` when the low bit of `b` is set (by mask) and then
        /// multiplying `a` by x, reducing by 0x1B when its top bit was set (by mask).
        static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
            var a = a
            var b = b
            var product: UInt8 = 0
            for _ in 0..<8 {
                product ^= a & (0 &- (b & 1))
                let carry = 0 &- (a >> 7)
                a = (a << 1) ^ (reduction & carry)
                b >>= 1
            }
            return product
        }

        /// The multiplicative inverse, computed as a²⁵⁴ (Fermat) with a fixed sequence of
        /// 7 squarings and 6 multiplications; `inverse(0)` is 0.
        static func inverse(_ a: UInt8) -> UInt8 {
            // 254 = 0b1111_1110: a^254 = a^2 · a^4 · a^8 · a^16 · a^32 · a^64 · a^128.
            var power = multiply(a, a)  // a^2
            var result = power
            for _ in 0..<6 {
                power = multiply(power, power)
                result = multiply(result, power)
            }
            return result
        }

        /// Divides `a` by a non-zero `b`.
        static func divide(_ a: UInt8, _ b: UInt8) -> UInt8 { multiply(a, inverse(b)) }
    }
}
