import PropertyBased
import Testing

@testable import AppraisalVault

/// A tiny round: one field, one criterion with a self, a council and a survey sub-criterion;
/// three units in two groups; two members.
enum MergeFixture {
    static func p(_ s: String) -> Points { Points(parsing: s)! }

    static let framework = Framework(
        id: "t", title: "Test", total: p("2"),
        fields: [
            Framework.Field(
                code: "1", title: "Lĩnh vực", max: p("2"), step: p("0.25"),
                criteria: [
                    Framework.Criterion(
                        code: "1.1", title: "Tiêu chí", max: p("2"), step: p("0.25"),
                        subCriteria: [
                            Framework.SubCriterion(
                                code: "1.1.1", title: "Tự chấm", max: p("1"), step: p("0.25"), method: .selfAssessed),
                            Framework.SubCriterion(
                                code: "1.1.2", title: "Hội đồng", max: p("0.5"), step: p("0.25"), method: .council),
                            Framework.SubCriterion(
                                code: "1.1.3", title: "Điều tra", max: p("0.5"), step: p("0.25"), method: .survey),
                        ])
                ])
        ])
    static let units = [
        AppraisedUnit(id: "u1", name: "Sở A", group: "g"), AppraisedUnit(id: "u2", name: "Sở B", group: "g"),
        AppraisedUnit(id: "u3", name: "Huyện C", group: "h"),
    ]
    static let selfScores = SelfAssessment(
        entries: Dictionary(
            uniqueKeysWithValues: units.map { (Cell(unit: $0.id, code: "1.1.1"), SelfAssessment.Entry(score: p("1"))) })
    )

    static func members() throws -> [Member] {
        try ["m1", "m2"].map { id in
            let s = try SecretIdentity.generate(
                id: id, name: id, role: .member, isDemo: true, created: "2026-01-01T00:00:00Z")
            return Member(identity: s.identity, codes: [id == "m1" ? "1.1.1" : "1.1.2"])
        }
    }

    static func input() throws -> RoundPlan {
        RoundPlan(
            framework: framework, groups: [UnitGroup(id: "g", name: "G"), UnitGroup(id: "h", name: "H")], units: units,
            selfAssessment: selfScores, members: try members(),
            labels: RankLabels.defaults(for: [UnitGroup(id: "g", name: "G"), UnitGroup(id: "h", name: "H")]))
    }

    static let m1Rows = [
        Appraisal(unit: "u1", code: "1.1.1", score: p("0.75"), reason: "Thiếu kế hoạch"),
        Appraisal(unit: "u2", code: "1.1.1", score: p("1"), reason: ""),
        Appraisal(unit: "u3", code: "1.1.1", score: p("0,5"), reason: "Báo cáo chậm"),
    ]
    static let m2Rows = [
        Appraisal(unit: "u1", code: "1.1.2", score: p("0.5"), reason: ""),
        Appraisal(unit: "u2", code: "1.1.2", score: p("0.25"), reason: ""),
        Appraisal(unit: "u3", code: "1.1.2", score: p("0.5"), reason: ""),
    ]
    static let round = [UInt8](repeating: 9, count: 32)
}

@Suite("Merge (spec §6.4, §6.5)")
struct MergeTests {
    typealias F = MergeFixture

    /// Totals add up per criterion, field and unit; the index is total ÷ max × 100 rounded to 2 places.
    @Test func totalsAndIndex() throws {
        let outcome = Merge.run(
            try F.input(), roundHash: F.round, submissions: ["m1": F.m1Rows, "m2": F.m2Rows], survey: nil)
        let u1 = try #require(outcome.results.units.first { $0.unit == "u1" })
        #expect(u1.appraisedTotal == F.p("1.25"))
        #expect(u1.selfTotal == F.p("1"))
        #expect(u1.maxTotal == F.p("1.5"))  // survey left out when no survey is supplied
        #expect(u1.percent == F.p("83.33"))
        #expect(u1.fields[0].appraisedTotal == u1.criteria[0].appraisedTotal)
        #expect(u1.cells.first { $0.code == "1.1.1" }?.difference == F.p("-0.25"))
        #expect(u1.cells.first { $0.code == "1.1.1" }?.appraiser == "m1")
        #expect(outcome.coverage.isComplete)
        #expect(outcome.coverage.appraisable == 6 && outcome.coverage.appraised == 6)
    }

    /// Survey scores, when supplied, count toward total and maximum.
    @Test func surveyCounts() throws {
        let survey = Dictionary(uniqueKeysWithValues: F.units.map { (Cell(unit: $0.id, code: "1.1.3"), F.p("0.5")) })
        let outcome = Merge.run(
            try F.input(), roundHash: F.round, submissions: ["m1": F.m1Rows, "m2": F.m2Rows], survey: survey)
        let u1 = try #require(outcome.results.units.first { $0.unit == "u1" })
        #expect(u1.maxTotal == F.p("2"))
        #expect(u1.appraisedTotal == F.p("1.75"))
        #expect(u1.percent == F.p("87.5"))
        #expect(outcome.results.surveyAvailable)
    }

    /// Ranks are within a group, best first; labels follow the group's thresholds.
    @Test func ranksAndLabels() throws {
        let outcome = Merge.run(
            try F.input(), roundHash: F.round, submissions: ["m1": F.m1Rows, "m2": F.m2Rows], survey: nil)
        let byUnit = Dictionary(uniqueKeysWithValues: outcome.results.units.map { ($0.unit, $0) })
        #expect(byUnit["u2"]!.percent == F.p("83.33") && byUnit["u1"]!.percent == F.p("83.33"))
        #expect(byUnit["u1"]!.rank == 1 && byUnit["u2"]!.rank == 1)  // a tie shares the rank
        #expect(byUnit["u3"]!.rank == 1)  // alone in its group
        #expect(byUnit["u1"]!.label == "Khá")
        #expect(byUnit["u3"]!.percent == F.p("66.67") && byUnit["u3"]!.label == "Trung bình")
    }

    /// A member who did not submit leaves gaps named by cell and member.
    @Test func gapsAreNamed() throws {
        let outcome = Merge.run(try F.input(), roundHash: F.round, submissions: ["m1": F.m1Rows], survey: nil)
        #expect(!outcome.coverage.isComplete)
        #expect(outcome.coverage.gaps.map(\.member) == ["m2", "m2", "m2"])
        #expect(outcome.coverage.gaps.map(\.cell.unit) == ["u1", "u2", "u3"])
        #expect(outcome.coverage.missingMembers == ["m2"])
    }

    /// A cell appraised by someone not assigned to it is a conflict and is not used.
    @Test func conflictsAreNamed() throws {
        var intruder = F.m2Rows
        intruder.append(Appraisal(unit: "u1", code: "1.1.1", score: F.p("0"), reason: "x"))
        let outcome = Merge.run(
            try F.input(), roundHash: F.round, submissions: ["m1": F.m1Rows, "m2": intruder], survey: nil)
        #expect(
            outcome.coverage.conflicts == [
                Coverage.Conflict(cell: Cell(unit: "u1", code: "1.1.1"), members: ["m1", "m2"])
            ])
        #expect(outcome.results.units.first { $0.unit == "u1" }?.cells.first?.appraised == nil)
    }

    /// Merge does not depend on the order of rows within a submission (a merge law).
    @Test func rowOrderDoesNotMatter() async throws {
        let input = try F.input()
        let reference = Merge.run(
            input, roundHash: F.round, submissions: ["m1": F.m1Rows, "m2": F.m2Rows], survey: nil)
        await propertyCheck(input: Gen.int(in: 0...5), Gen.int(in: 0...5)) { a, b in
            let m1 = Array(F.m1Rows.shuffledDeterministically(a))
            let m2 = Array(F.m2Rows.shuffledDeterministically(b))
            let again = Merge.run(input, roundHash: F.round, submissions: ["m1": m1, "m2": m2], survey: nil)
            #expect(again.results == reference.results)
            #expect(again.coverage == reference.coverage)
        }
    }

    /// Results survive canonical JSON and back unchanged.
    @Test func resultsJSONRoundTrip() throws {
        let outcome = Merge.run(
            try F.input(), roundHash: F.round, submissions: ["m1": F.m1Rows, "m2": F.m2Rows], survey: nil)
        let bytes = CanonicalJSON.serialize(outcome.results.json)
        #expect(try Results(json: CanonicalJSON.parse(bytes)) == outcome.results)
    }
}

@Suite("Appraisal rules (spec §3.9)")
struct AppraisalCheckTests {
    typealias F = MergeFixture

    static func check() throws -> AppraisalCheck {
        let m1 = try F.members()[0]
        return AppraisalCheck(
            framework: F.framework, selfAssessment: F.selfScores,
            assignedCells: m1.cells(in: F.framework, units: F.units))
    }

    static func codes(_ rows: [Appraisal]) throws -> [String] { try check().problems(rows).map(\.error.messageID) }

    /// A complete, valid worksheet has no problems.
    @Test func validRows() throws { #expect(try Self.codes(F.m1Rows).isEmpty) }

    /// Each rule fires on its own case, with the worksheet line.
    @Test func everyRule() throws {
        var rows = F.m1Rows
        rows[0] = Appraisal(unit: "u1", code: "1.1.1", score: F.p("1.25"), reason: "x", line: 2)
        #expect(try Self.codes(rows) == ["appraisal.above-max"])
        rows[0] = Appraisal(unit: "u1", code: "1.1.1", score: F.p("-0.25"), reason: "x", line: 2)
        #expect(try Self.codes(rows) == ["appraisal.negative"])
        rows[0] = Appraisal(unit: "u1", code: "1.1.1", score: F.p("0.3"), reason: "x", line: 2)
        #expect(try Self.codes(rows) == ["appraisal.off-step"])
        rows[0] = Appraisal(unit: "u1", code: "1.1.1", score: F.p("0.5"), reason: "  ", line: 2)
        #expect(try Self.codes(rows) == ["appraisal.missing-reason"])
        #expect(try Self.check().problems(rows).first?.line == 2)
        #expect(try Self.codes(Array(F.m1Rows.dropLast())) == ["appraisal.missing-cell"])
        #expect(try Self.codes(F.m1Rows + [F.m1Rows[0]]) == ["appraisal.duplicate"])
        #expect(try Self.codes(F.m1Rows + [F.m2Rows[0]]) == ["appraisal.unassigned"])
        #expect(
            try Self.codes(F.m1Rows + [Appraisal(unit: "u1", code: "9.9.9", score: .zero, reason: "")]) == [
                "appraisal.unknown-code"
            ])
    }

    /// A reason made only of blank characters (spec §1.3: NBSP from Excel, U+3000, U+200B, U+FEFF,
    /// the Hangul fillers, the Braille blank, the grapheme joiner, variation selectors)
    /// is no reason: `appraisal.blank-reason`, the same rule for seal and merge; a visible reason passes.
    @Test func blankReason() throws {
        var rows = F.m1Rows
        for blank in [
            "\u{00A0}", "\u{00A0}\u{00A0}", "\u{3000}", "\u{200B}", "\u{FEFF}", " \u{00A0}\n", "\u{3164}", "\u{2800}",
            "\u{115F}\u{1160}", "\u{FFA0}", "\u{034F}", "\u{FE0F}", "\u{E0100}",
        ] {
            rows[0] = Appraisal(unit: "u1", code: "1.1.1", score: F.p("0.5"), reason: blank, line: 2)
            #expect(try Self.codes(rows) == ["appraisal.blank-reason"], "\(Array(blank.unicodeScalars))")
        }
        rows[0] = Appraisal(unit: "u1", code: "1.1.1", score: F.p("0.5"), reason: "\n\t ", line: 2)
        #expect(try Self.codes(rows) == ["appraisal.missing-reason"])
        rows[0] = Appraisal(unit: "u1", code: "1.1.1", score: F.p("0.5"), reason: "\u{00A0}thiếu hồ sơ", line: 2)
        #expect(try Self.codes(rows).isEmpty)
    }

    /// A cell the unit did not self-assess (spec §3.5) needs a reason whatever the score, even the
    /// maximum or 0 (`appraisal.not-assessed-reason`, also for a blank reason); merge counts its
    /// self score as 0 and carries `self: null`.
    @Test func notSelfAssessed() throws {
        var entries = F.selfScores.entries
        entries[Cell(unit: "u2", code: "1.1.1")] = SelfAssessment.Entry(score: nil, note: "")
        let selfScores = SelfAssessment(entries: entries)
        let m1 = try F.members()[0]
        let check = AppraisalCheck(
            framework: F.framework, selfAssessment: selfScores, assignedCells: m1.cells(in: F.framework, units: F.units)
        )
        var rows = F.m1Rows
        for (score, reason) in [("1", ""), ("0", ""), ("0.5", "\u{00A0}")] {
            rows[1] = Appraisal(unit: "u2", code: "1.1.1", score: F.p(score), reason: reason, line: 3)
            let problems = check.problems(rows)
            #expect(problems.map(\.error.messageID) == ["appraisal.not-assessed-reason"], "\(score)")
            #expect(problems.first?.line == 3 && problems.first?.cell == Cell(unit: "u2", code: "1.1.1"))
        }
        rows[1] = Appraisal(unit: "u2", code: "1.1.1", score: F.p("1"), reason: "Chấm theo hồ sơ", line: 3)
        #expect(check.problems(rows).isEmpty)
        let plan = try F.input()
        let input = RoundPlan(
            sets: plan.sets, groups: plan.groups, units: plan.units, selfAssessment: selfScores, members: plan.members,
            labels: plan.labels)
        let merged = Merge.run(input, roundHash: F.round, submissions: ["m1": rows, "m2": F.m2Rows], survey: nil)
        let u2 = try #require(merged.results.units.first { $0.unit == "u2" })
        #expect(u2.cells[0].selfScore == nil && u2.cells[0].appraised == F.p("1"))
        #expect(u2.selfTotal == .zero && u2.appraisedTotal == F.p("1.25"))
    }

    /// Every problem is reported at once, not only the first.
    @Test func allProblemsAtOnce() throws {
        let rows = [
            Appraisal(unit: "u1", code: "1.1.1", score: F.p("2"), reason: "x", line: 2),
            Appraisal(unit: "u2", code: "1.1.1", score: F.p("0.5"), reason: "", line: 3),
        ]
        #expect(try Self.codes(rows) == ["appraisal.above-max", "appraisal.missing-reason", "appraisal.missing-cell"])
    }
}

extension Array {
    /// A fixed permutation chosen by `seed` (rotation then optional reversal).
    func shuffledDeterministically(_ seed: Int) -> [Element] {
        guard !isEmpty else { return self }
        let r = seed % count
        let rotated = Array(self[r...] + self[..<r])
        return seed % 2 == 0 ? rotated : rotated.reversed()
    }
}
