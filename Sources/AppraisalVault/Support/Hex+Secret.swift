internal import VaultCrypto

// MARK: - Secret hex

extension Hex {
    /// Encodes secret bytes as lowercase hex without a table lookup or a branch on the secret.
    ///
    /// Each nibble `n` becomes `0x30 + n`, plus `0x27` when `n > 9`, computed with a sign mask.
    /// The result is a `String` and cannot be wiped: use this only where a format requires the
    /// secret in text (a release token, spec §8.4) and say so in the caller's documentation.
    static func encode(secret: SecretBytes) -> String {
        var out = [UInt8]()
        out.reserveCapacity(2 * secret.count)
        secret.withUnsafeBytes { bytes in
            for b in bytes {
                out.append(digit(Int32(b >> 4)))
                out.append(digit(Int32(b & 0x0f)))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes lowercase hex of exactly `length` bytes straight into secret memory.
    ///
    /// The decoding has no branch and no memory index that depends on a character; only the
    /// final verdict (valid or not) and the length are revealed. Uppercase, odd length or any
    /// other character gives nil.
    static func decodeSecret(_ text: String, length: Int) -> SecretBytes? {
        let utf8 = Array(text.utf8)
        guard utf8.count == 2 * length, let out = try? SecretBytes(count: length) else { return nil }
        var bad: Int32 = 0
        out.withUnsafeMutableBytes { o in
            for i in 0..<length {
                let (hi, badHi) = nibble(Int32(utf8[2 * i]))
                let (lo, badLo) = nibble(Int32(utf8[2 * i + 1]))
                bad |= badHi | badLo
                o[i] = UInt8(truncatingIfNeeded: hi << 4 | lo)
            }
        }
        return bad == 0 ? out : nil
    }

    /// The lowercase hex digit for `n` in 0…15: `0x30 + n + (0x27 if n > 9)`.
    private static func digit(_ n: Int32) -> UInt8 {
        // (9 - n) >> 31 is -1 (all ones) when n > 9, else 0.
        UInt8(truncatingIfNeeded: 0x30 + n + (((9 - n) >> 31) & 0x27))
    }

    /// The value of a lowercase hex character and a non-zero flag when it is not one.
    private static func nibble(_ c: Int32) -> (value: Int32, bad: Int32) {
        // Each mask is -1 when c lies in the range, else 0: both differences are negative.
        let isDigit = ((0x2f - c) & (c - 0x3a)) >> 31
        let isLower = ((0x60 - c) & (c - 0x67)) >> 31
        let value = (isDigit & (c - 0x30)) | (isLower & (c - 0x57))
        return (value, ~(isDigit | isLower) & 1)
    }
}
