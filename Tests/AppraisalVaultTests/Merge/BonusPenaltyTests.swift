import Foundation
import Testing

@testable import AppraisalVault

/// Bonus and penalty items (spec §3.3 F6, §6.4): the formula, the cap parameter, the floor at 0,
/// and the seal-time rules.
@Suite("Bonus and penalty (spec §3.3 F6, §6.4)")
struct BonusPenaltyTests {
    typealias F = MergeFixture
    static func p(_ s: String) -> Points { Points(parsing: s)! }

    /// MergeFixture's framework with bonus `T1` (cap 1) and penalty `TR1` (cap 2, step 0.5).
    static let framework = Framework(
        id: "t", title: "Test", total: p("2"), fields: F.framework.fields,
        bonus: [Framework.SubCriterion(code: "T1", title: "Sáng kiến", max: p("1"), step: p("0.25"), method: .bonus)],
        penalty: [Framework.SubCriterion(code: "TR1", title: "Vi phạm", max: p("2"), step: p("0.5"), method: .penalty)])

    /// The fixture's plan on that framework; m2 also holds the bonus and penalty items.
    static func plan(indexAbove100: Bool = false) throws -> RoundPlan {
        let members = try F.members().map { m in
            Member(identity: m.identity, codes: m.id == "m2" ? m.codes + ["T1", "TR1"] : m.codes)
        }
        let groups = [UnitGroup(id: "g", name: "G"), UnitGroup(id: "h", name: "H")]
        return RoundPlan(
            framework: framework, groups: groups, units: F.units, selfAssessment: F.selfScores, members: members,
            labels: RankLabels.defaults(for: groups), indexAbove100: indexAbove100)
    }

    /// m2's rows plus a bonus and a penalty for each unit.
    static func m2Rows(bonus: String, penalty: String) -> [Appraisal] {
        F.m2Rows
            + F.units.flatMap { u in
                [
                    Appraisal(unit: u.id, code: "T1", score: p(bonus), reason: bonus == "0" ? "" : "Sáng kiến"),
                    Appraisal(unit: u.id, code: "TR1", score: p(penalty), reason: penalty == "0" ? "" : "Chậm"),
                ]
            }
    }

    static func merged(bonus: String, penalty: String, above100: Bool = false) throws -> Results.UnitResult {
        let outcome = Merge.run(
            try plan(indexAbove100: above100), roundHash: F.round,
            submissions: ["m1": F.m1Rows, "m2": m2Rows(bonus: bonus, penalty: penalty)], survey: nil)
        #expect(outcome.coverage.isComplete)
        return try #require(outcome.results.units.first { $0.unit == "u1" })
    }

    /// final = base + bonus − penalty; the index is on the final total.
    @Test func finalTotalAndIndex() throws {
        // u1: base 1.25 of max 1.5 (survey left out); +0.25 − 0.5 = 1.
        let u1 = try Self.merged(bonus: "0.25", penalty: "0.5")
        #expect(u1.appraisedTotal == Self.p("1.25"))
        #expect(u1.bonus == Self.p("0.25") && u1.penalty == Self.p("0.5"))
        #expect(u1.finalTotal == Self.p("1"))
        #expect(u1.percent == Self.p("66.67"))
        // The items are cells after the sub-criteria, outside every field and the maximum.
        #expect(u1.cells.map(\.code) == ["1.1.1", "1.1.2", "1.1.3", "T1", "TR1"])
        #expect(u1.fields[0].appraisedTotal == Self.p("1.25") && u1.maxTotal == Self.p("1.5"))
    }

    /// The index is capped at 100 by default; with `indexAbove100` a bonus takes it above.
    @Test func capParameter() throws {
        // u1: 1.25 + 1 = 2.25 of 1.5 → 150 %.
        #expect(try Self.merged(bonus: "1", penalty: "0").percent == Self.p("100"))
        #expect(try Self.merged(bonus: "1", penalty: "0", above100: true).percent == Self.p("150"))
        #expect(Merge.index(Self.p("101"), of: Self.p("100"), above100: false) == Self.p("100"))
        #expect(Merge.index(Self.p("101"), of: Self.p("100"), above100: true) == Self.p("101"))
        #expect(Merge.index(Self.p("99.995"), of: Self.p("100"), above100: false) == Self.p("100"))
        #expect(Merge.index(Self.p("1"), of: .zero, above100: true) == .zero)
    }

    /// A penalty larger than the base total floors the final total at 0.
    @Test func floorAtZero() throws {
        #expect(Merge.finalTotal(base: Self.p("1"), bonus: .zero, penalty: Self.p("1.5")) == .zero)
        #expect(Merge.finalTotal(base: Self.p("1"), bonus: Self.p("0.5"), penalty: Self.p("1.5")) == .zero)
        #expect(Merge.finalTotal(base: Self.p("1"), bonus: Self.p("0.5"), penalty: Self.p("1")) == Self.p("0.5"))
        // u1: 1.25 − 2 < 0.
        let u1 = try Self.merged(bonus: "0", penalty: "2")
        #expect(u1.finalTotal == .zero && u1.percent == .zero)
    }

    /// The results JSON carries bonus, penalty and final and reads back the same.
    @Test func resultsJSONRoundTrip() throws {
        let outcome = Merge.run(
            try Self.plan(), roundHash: F.round,
            submissions: ["m1": F.m1Rows, "m2": Self.m2Rows(bonus: "0.5", penalty: "0.5")], survey: nil)
        let back = try Results(json: outcome.results.json)
        #expect(back == outcome.results)
        guard case .object(let top) = outcome.results.json, case .array(let units)? = top["units"],
            case .object(let u1)? = units.first
        else { throw CancellationError() }
        #expect(u1["bonus"] == .string("0.5") && u1["penalty"] == .string("0.5") && u1["final"] == .string("1.25"))
    }

    /// Seal and merge rules: a value above the cap, off its step, or not 0 without a reason.
    @Test func appraisalRules() throws {
        let plan = try Self.plan()
        let member = try #require(plan.member("m2"))
        let check = AppraisalCheck(plan: plan, assignedCells: plan.cells(of: member))
        var rows = Self.m2Rows(bonus: "0", penalty: "0")
        #expect(check.problems(rows).isEmpty)
        rows[3] = Appraisal(unit: "u1", code: "T1", score: Self.p("1.25"), reason: "Sáng kiến")
        rows[4] = Appraisal(unit: "u1", code: "TR1", score: Self.p("0.5"), reason: " \u{00A0}")
        rows[6] = Appraisal(unit: "u2", code: "TR1", score: Self.p("0.25"), reason: "Chậm")
        let found = check.problems(rows).map { "\($0.cell!) \($0.error.messageID)" }
        #expect(
            found == [
                "u1/T1 appraisal.above-cap", "u1/TR1 appraisal.extra-reason", "u2/TR1 appraisal.off-step",
            ], "\(found)")
    }
}
