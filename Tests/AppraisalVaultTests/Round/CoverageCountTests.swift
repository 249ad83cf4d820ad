import Testing

@testable import AppraisalVault

/// The coverage check of a round's assignments (spec §3.4) counted per cell in dense arrays
/// against the same check counted in a dictionary per distinct cell.
@Suite("Dense coverage check ≡ per-cell dictionary check")
struct CoverageCountTests {
    /// On random plans (overlaps, gaps, recusals, one or two sets, a repeated code now and then)
    /// both report the same problems in the same order, with the same text.
    @Test(arguments: 0..<4)
    func denseEqualsByCell(seed: UInt64) {
        var g = SeededRandom(9300 + seed)
        var seen = Set<String>()
        for _ in 0..<80 {
            let plan = MergeDenseTests.plan(&g)
            let members = plan.members.map { m in
                Member(
                    identity: m.identity, codes: m.codes, units: m.units,
                    ownUnits: g.chance(20) ? [plan.units[g.int(0...(plan.units.count - 1))].id] : [])
            }
            var dense = InputProblems()
            var byCell = InputProblems()
            MembersInput.checkCoverage(members, sets: plan.sets, units: plan.units, file: "m", problems: &dense)
            MembersInput.checkCoverageByCell(members, sets: plan.sets, units: plan.units, file: "m", problems: &byCell)
            #expect(dense.errors.map(\.messageID) == byCell.errors.map(\.messageID))
            #expect(dense.description == byCell.description)
            seen.formUnion(dense.errors.map(\.messageID))
        }
        // The random plans reach every rule of the check.
        #expect(seen.isSuperset(of: ["assign.overlap", "assign.gap", "assign.own-unit"]))
    }
}
