import Testing

@testable import AppraisalVault

/// The word-at-a-time tests against the byte-by-byte answers.
struct ByteScanTests {
    /// Every byte value at every position of a word among fillers (ASCII, high bytes, the
    /// values themselves), and random words: `has`, `hasBelow` and `hasHigh` answer as a loop over
    /// the eight bytes does.
    @Test func wordTestsMatchByteLoops() {
        var random = SeededRandom(4242)
        var words = [[UInt8]]()
        for filler: UInt8 in [0x61, 0xE1, 0x20, 0x7f, 0x00, 0xff, 0x22, 0x5c] {
            for position in 0..<8 {
                for value in 0...255 {
                    var w = [UInt8](repeating: filler, count: 8)
                    w[position] = UInt8(value)
                    words.append(w)
                }
            }
        }
        for _ in 0..<20_000 { words.append((0..<8).map { _ in UInt8(random.int(0...255)) }) }
        let probes: [UInt8] = [0x00, 0x22, 0x5c, 0x7f, 0x80, 0xC2, 0xD8, 0xE2, 0xff]
        var mismatches = 0
        for bytes in words {
            let w = bytes.withUnsafeBufferPointer { ByteScan.word($0, at: 0) }
            for c in probes where ByteScan.has(w, c) != bytes.contains(c) { mismatches += 1 }
            for n: UInt8 in [0x01, 0x20, 0x80] where ByteScan.hasBelow(w, n) != bytes.contains(where: { $0 < n }) {
                mismatches += 1
            }
            if ByteScan.hasHigh(w) != bytes.contains(where: { $0 >= 0x80 }) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }
}
