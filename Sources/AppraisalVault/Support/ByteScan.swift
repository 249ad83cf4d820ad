/// Word-at-a-time tests for the readers' byte loops: eight bytes at a step tell whether any of
/// them needs a closer look, and only such a word is read byte by byte. Each test is exact about
/// whether the word has such a byte (it may be true for a byte after one that does, never false
/// when one does), so a loop that reads a flagged word byte by byte reads every byte it must.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes of `b` at `offset` (which must leave eight bytes), in memory order.
    @inline(__always)
    static func word(_ b: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UnsafeRawPointer(b.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// True when some byte of `w` is `c`.
    @inline(__always)
    static func has(_ w: UInt64, _ c: UInt8) -> Bool {
        let x = w ^ (ones &* UInt64(c))
        return (x &- ones) & ~x & highs != 0
    }

    /// True when some byte of `w` is below `n` (`n` ≤ 128).
    @inline(__always)
    static func hasBelow(_ w: UInt64, _ n: UInt8) -> Bool {
        (w &- ones &* UInt64(n)) & ~w & highs != 0
    }

    /// True when some byte of `w` is 0x80 or above (not ASCII).
    @inline(__always)
    static func hasHigh(_ w: UInt64) -> Bool { w & highs != 0 }
}
