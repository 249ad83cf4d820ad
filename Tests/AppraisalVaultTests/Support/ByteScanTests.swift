import Testing

@testable import AppraisalVault

/// The word-at-a-time tests against the byte-by-byte answers.
struct ByteScanTests {
    /// Every byte value at every position of a word among fillers (ASCII, high bytes, the
    /// values themselves), and random words: each mask is zero exactly when no byte matches,
    /// its first flagged byte is the first byte that matches, and no byte before it is flagged.
    @Test func wordMasksMatchByteLoops() {
        var random = SeededRandom(4242)
        var words = [[UInt8]]()
        for filler: UInt8 in [0x61, 0xE1, 0x20, 0x7f, 0x00, 0xff, 0x22, 0x5c, 0x01, 0x80] {
            for position in 0..<8 {
                for value in 0...255 {
                    var w = [UInt8](repeating: filler, count: 8)
                    w[position] = UInt8(value)
                    words.append(w)
                }
            }
        }
        for _ in 0..<20_000 { words.append((0..<8).map { _ in UInt8(random.int(0...255)) }) }
        var mismatches = [String]()
        func check(_ mask: UInt64, _ bytes: [UInt8], _ matches: (UInt8) -> Bool, _ what: String) {
            let expected = bytes.firstIndex(where: matches)
            let found = mask == 0 ? nil : ByteScan.first(mask)
            if found != expected { mismatches.append("\(what) \(bytes)") }
            for k in 0...8 where (ByteScan.before(k, mask) != 0) != bytes.prefix(k).contains(where: matches) {
                mismatches.append("\(what) before \(k) \(bytes)")
            }
        }
        for bytes in words {
            let w = bytes.withUnsafeBufferPointer { ByteScan.word($0, at: 0) }
            for c: UInt8 in [0x00, 0x22, 0x5c, 0x7f, 0x80, 0xC2, 0xD8, 0xE2, 0xff] {
                check(ByteScan.equal(w, c), bytes, { $0 == c }, "equal \(c)")
            }
            for n: UInt8 in [0x01, 0x20, 0x80] { check(ByteScan.below(w, n), bytes, { $0 < n }, "below \(n)") }
            check(ByteScan.high(w), bytes, { $0 >= 0x80 }, "high")
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
