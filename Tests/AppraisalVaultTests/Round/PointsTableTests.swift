import Foundation
import Testing

@testable import AppraisalVault

/// ``PointsTable``: each exact form stored once, every point given back equal to the one stored
/// and written the same; no points as ``PointsTable/none``.
@Suite("Points table")
struct PointsTableTests {
    /// Scores in any order (more distinct ones than the recent look-ups hold, repeated, and sums
    /// and differences): the index of each gives it back equal and with the same text; the same
    /// exact form always has the same index; nil is `none`.
    @Test func givesBackWhatWasStored() {
        var g = SeededRandom(4242)
        var table = PointsTable()
        var seen = [String: Int32]()
        for _ in 0..<2000 {
            let units = Int64(g.next() % 40) - 8
            var p = Points(units: units, scale: Int(g.next() % 3))
            if g.next() % 5 == 0 { p = p + Points.quarter - Points(integer: 1) }
            let i = table.index(p)
            #expect(i != PointsTable.none)
            #expect(table[i] == p && table[i]?.description == p.description)
            if let key = p.exactKey {
                let name = "\(key.units)/\(key.scale)"
                #expect(seen[name].map { $0 == i } ?? true, "\(name)")
                seen[name] = i
            }
        }
        #expect(table.index(nil) == PointsTable.none && table[PointsTable.none] == nil)
        // Points without an exact form are stored as they come.
        let inexact = Points(Points(integer: 1).value / 3)
        #expect(inexact.exactKey == nil)
        let i = table.index(inexact)
        #expect(table[i] == inexact && table[i]?.description == inexact.description)
    }
}
