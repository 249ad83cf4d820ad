import Testing

@testable import AppraisalVault

/// ``SelfAssessment``'s dense layout (entries unit after unit, a code table per set) against the
/// dictionary keyed by cell it replaced.
@Suite("Dense self-assessment ≡ dictionary by cell")
struct SelfAssessmentLayoutTests {
    /// Built from a dictionary, or unit by unit in framework order as a round definition is read,
    /// the self-assessment answers every look-up as the dictionary does, gives it back, counts
    /// the same entries without a score, and the two layouts are equal.
    @Test(arguments: 0..<4)
    func denseAnswersAsTheDictionary(seed: UInt64) {
        var g = SeededRandom(9500 + seed)
        for _ in 0..<40 {
            let plan = MergeDenseTests.plan(&g)
            let dictionary = plan.selfAssessment.entries
            let rebuilt = SelfAssessment(entries: dictionary)
            var builder = SelfAssessment.Builder()
            for unit in plan.units {
                let subs = (plan.framework(unit: unit.id)?.subCriteria ?? []).filter { $0.method == .selfAssessed }
                builder.append(
                    unit: unit.id, table: builder.table(for: subs.map(\.code)),
                    entries: subs.map { dictionary[Cell(unit: unit.id, code: $0.code)]! })
            }
            let read = builder.build()
            #expect(rebuilt == read && read == plan.selfAssessment)
            #expect(read.entries == dictionary && rebuilt.entries == dictionary)
            #expect(read.notAssessedCount == dictionary.values.filter { $0.score == nil }.count)
            for unit in plan.units + [AppraisedUnit(id: "nobody", name: "N", group: "g")] {
                for sub in plan.sets.flatMap(\.framework.subCriteria) {
                    let cell = Cell(unit: unit.id, code: sub.code)
                    #expect(read.entry(unit: unit.id, code: sub.code) == dictionary[cell])
                    #expect(read.score(unit: unit.id, code: sub.code) == dictionary[cell]?.score)
                    #expect(
                        read.isNotAssessed(unit: unit.id, code: sub.code)
                            == (dictionary[cell].map { $0.score == nil } ?? false))
                }
            }
            // One entry different: not equal.
            if let (cell, entry) = dictionary.first {
                var changed = dictionary
                changed[cell] = SelfAssessment.Entry(score: entry.score, note: entry.note + "x")
                #expect(SelfAssessment(entries: changed) != read)
            }
        }
    }
}
