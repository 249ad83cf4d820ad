import Testing

@testable import AppraisalVault

@Suite("Round plan (spec §3.3–§3.4)")
struct RoundPlanTests {
    typealias F = MergeFixture

    /// Members and units are found by id; an unknown id finds nothing.
    @Test func lookup() throws {
        let plan = try F.input()
        #expect(plan.member("m2")?.id == "m2")
        #expect(plan.member("m3") == nil)
        #expect(plan.unit("u3")?.name == "Huyện C")
        #expect(plan.unit("u4") == nil)
    }

    /// Appraisable cells are unit order then framework order, and leave out survey sub-criteria.
    @Test func appraisableCells() throws {
        let cells = try F.input().appraisableCells
        #expect(cells.count == 6)
        #expect(cells.prefix(2) == [Cell(unit: "u1", code: "1.1.1"), Cell(unit: "u1", code: "1.1.2")])
        #expect(!cells.contains { $0.code == "1.1.3" })
    }

    /// Each appraisable cell has exactly the member whose declared codes cover it.
    @Test func assignees() throws {
        let plan = try F.input()
        let assignees = plan.assignees
        #expect(Set(assignees.keys) == Set(plan.appraisableCells))
        for cell in plan.appraisableCells {
            #expect(assignees[cell] == (cell.code == "1.1.1" ? "m1" : "m2"))
        }
        #expect(plan.cells(of: try #require(plan.member("m1"))).allSatisfy { assignees[$0] == "m1" })
    }
}
