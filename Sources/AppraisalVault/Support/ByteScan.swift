/// Word-at-a-time tests for the readers' byte loops: eight bytes at a step tell whether any of
/// them needs a closer look, and where the first such byte is, so a loop reads byte by byte only
/// where it must.
///
/// A mask has the high bit of each flagged byte set. The lowest flagged byte is always exactly
/// the first byte that matches (a subtraction only borrows upwards, so a false flag can only
/// appear above a true one), and a mask is zero exactly when no byte matches.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes of `b` at `offset` (which must leave eight bytes), the first byte lowest.
    @inline(__always)
    static func word(_ b: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(b.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// The bytes of `w` equal to `c`.
    @inline(__always)
    static func equal(_ w: UInt64, _ c: UInt8) -> UInt64 {
        let x = w ^ (ones &* UInt64(c))
        return (x &- ones) & ~x & highs
    }

    /// The bytes of `w` below `n` (`n` ≤ 128).
    @inline(__always)
    static func below(_ w: UInt64, _ n: UInt8) -> UInt64 { (w &- ones &* UInt64(n)) & ~w & highs }

    /// The bytes of `w` at 0x80 or above (not ASCII).
    @inline(__always)
    static func high(_ w: UInt64) -> UInt64 { w & highs }

    /// The position (0–7) of the lowest flagged byte of a nonzero `mask`.
    @inline(__always)
    static func first(_ mask: UInt64) -> Int { mask.trailingZeroBitCount >> 3 }

    /// The flags of `mask` in the bytes before position `k` (0–8).
    @inline(__always)
    static func before(_ k: Int, _ mask: UInt64) -> UInt64 { k == 0 ? 0 : mask & (UInt64.max >> (64 - 8 * k)) }
}
