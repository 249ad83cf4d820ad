import Testing
import VaultCrypto

@testable import AppraisalVault

/// The streaming merge's parts against the direct forms they replace: the dense merge
/// (``Merge/run(_:roundHash:submissions:survey:)``) against ``Merge/runReference(_:roundHash:submissions:survey:)``,
/// the direct results writer (``Results/canonicalJSON()``) against `CanonicalJSON.serialize(json)`,
/// and the integer shortcuts of ``Points`` against `Decimal`.
@Suite("Dense merge ≡ reference merge; results writer ≡ canonical serialiser")
struct MergeDenseTests {
    static func p(_ s: String) -> Points { Points(parsing: s)! }

    static let identities: [PublicIdentity] = (1...4).map { i in
        try! SecretIdentity.generate(
            id: "m\(i)", name: "M\(i)", role: .member, isDemo: true, created: "2026-01-01T00:00:00Z",
            using: DeterministicRandom(seed: "dense merge \(i)")
        ).identity
    }

    static let steps = ["0.25", "0.5", "1", "0.1"]

    /// A framework with random fields, criteria and methods (codes unique unless `repeatCode`).
    static func framework(_ g: inout SeededRandom, tag: String, repeatCode: Bool = false) -> Framework {
        var fields = [Framework.Field]()
        for f in 1...g.int(1...3) {
            var criteria = [Framework.Criterion]()
            for c in 1...g.int(1...2) {
                let subs = (1...g.int(1...4)).map { s in
                    Framework.SubCriterion(
                        code: repeatCode && f == 1 && c == 1 && s == 2 ? "\(tag)1.1.1" : "\(tag)\(f).\(c).\(s)",
                        title: "S", max: p(g.pick(["1", "2", "0.5", "3.75"])), step: p(g.pick(steps)),
                        method: g.pick([.selfAssessed, .selfAssessed, .council, .survey]))
                }
                criteria.append(
                    Framework.Criterion(
                        code: "\(tag)\(f).\(c)", title: "C", max: Points.sum(subs.map(\.max)), step: .quarter,
                        subCriteria: subs))
            }
            fields.append(
                Framework.Field(
                    code: "\(tag)\(f)", title: "F", max: Points.sum(criteria.map(\.max)), step: .quarter,
                    criteria: criteria))
        }
        let bonus =
            g.chance(50)
            ? [Framework.SubCriterion(code: "\(tag)T1", title: "B", max: p("1"), step: .quarter, method: .bonus)] : []
        let penalty =
            g.chance(50)
            ? [Framework.SubCriterion(code: "\(tag)TR1", title: "P", max: p("2"), step: p("0.5"), method: .penalty)]
            : []
        return Framework(
            id: tag, title: "T", total: Points.sum(fields.map(\.max)), fields: fields, bonus: bonus, penalty: penalty)
    }

    /// A random plan: one or two sets, units in up to three groups, members with random codes.
    static func plan(_ g: inout SeededRandom) -> RoundPlan {
        let groups = [UnitGroup(id: "g", name: "G"), UnitGroup(id: "h", name: "H"), UnitGroup(id: "k", name: "K")]
        let twoSets = g.chance(40)
        let sets =
            twoSets
            ? [
                CriteriaSet(id: "a", groups: ["g", "h"], framework: framework(&g, tag: "")),
                CriteriaSet(id: "b", groups: ["k"], framework: framework(&g, tag: "b", repeatCode: g.chance(10))),
            ]
            : [CriteriaSet(id: CriteriaSet.defaultID, groups: ["g", "h", "k"], framework: framework(&g, tag: ""))]
        let units = (1...g.int(1...7)).map { AppraisedUnit(id: "u\($0)", name: "U\($0)", group: g.pick(groups).id) }
        var entries = [Cell: SelfAssessment.Entry]()
        for u in units {
            let f = sets.first { $0.groups.contains(u.group) }!.framework
            for sub in f.subCriteria where sub.method == .selfAssessed {
                entries[Cell(unit: u.id, code: sub.code)] = SelfAssessment.Entry(
                    score: g.chance(15) ? nil : p(g.pick(["0", "0.25", "1", "0.5", "2"])))
            }
        }
        let members = identities.prefix(g.int(1...4)).map { id in
            let codes = sets.flatMap { set in
                set.framework.appraisableSubCriteria.filter { _ in g.chance(50) }.map { "\(set.id):\($0.code)" }
            }
            return Member(
                identity: id, codes: twoSets ? codes : codes.map { String($0.split(separator: ":")[1]) },
                units: g.chance(20) ? [units[0].id] : [])
        }
        return RoundPlan(
            sets: sets, groups: groups, units: units, selfAssessment: SelfAssessment(entries: entries),
            members: Array(members), labels: RankLabels.defaults(for: groups), indexAbove100: g.chance(30))
    }

    /// Submissions for `plan`: mostly each member's own cells, with gaps, duplicates, rows for
    /// others' cells, cells outside the plan, and absent members.
    static func submissions(_ plan: RoundPlan, _ g: inout SeededRandom) -> [String: [Appraisal]] {
        var out = [String: [Appraisal]]()
        let all = plan.members.flatMap { plan.cells(of: $0) }
        for member in plan.members where !g.chance(10) {
            var rows = [Appraisal]()
            for cell in plan.cells(of: member) where !g.chance(8) {
                rows.append(
                    Appraisal(
                        unit: cell.unit, code: cell.code, score: p(g.pick(["0", "0.25", "0.5", "1", "1.75", "3"])),
                        reason: g.pick(["", "Lý do", "x\ny"])))
                if g.chance(3) { rows.append(rows.last!) }
            }
            if g.chance(10), let other = all.randomElement(using: &g) {
                rows.append(Appraisal(unit: other.unit, code: other.code, score: p("0.5"), reason: ""))
            }
            if g.chance(10) {
                rows.append(
                    Appraisal(unit: g.pick(["u1", "u99"]), code: g.pick(["9.9.9", "1.1.1"]), score: .zero, reason: ""))
            }
            out[member.id] = rows.shuffled(using: &g)
        }
        return out
    }

    /// Survey scores for some survey cells, or none.
    static func survey(_ plan: RoundPlan, _ g: inout SeededRandom) -> [Cell: Points]? {
        guard g.chance(50) else { return nil }
        var out = [Cell: Points]()
        for u in plan.units {
            for sub in plan.framework(unit: u.id)?.subCriteria ?? [] where sub.method == .survey && g.chance(80) {
                out[Cell(unit: u.id, code: sub.code)] = p(g.pick(["0", "0.5", "0.25"]))
            }
        }
        return out
    }

    /// The dense merge gives the reference's results and coverage on random plans and submissions,
    /// and the direct writer the canonical serialiser's bytes.
    @Test(arguments: 0..<6)
    func denseMergeEqualsReference(seed: UInt64) {
        var g = SeededRandom(7000 + seed)
        for _ in 0..<60 {
            let plan = Self.plan(&g)
            let submissions = Self.submissions(plan, &g)
            let survey = Self.survey(plan, &g)
            let round = [UInt8](repeating: UInt8(seed), count: 32)
            let dense = Merge.run(plan, roundHash: round, submissions: submissions, survey: survey)
            let reference = Merge.runReference(plan, roundHash: round, submissions: submissions, survey: survey)
            #expect(dense.coverage == reference.coverage)
            #expect(dense.results == reference.results)
            #expect(dense.results.canonicalJSON() == CanonicalJSON.serialize(reference.results.json))
        }
    }

    /// The writer with every part of the results present: signed submissions, survey,
    /// explanations, second-round files and history.
    @Test func writerWithEveryPart() throws {
        var g = SeededRandom(42)
        let plan = Self.plan(&g)
        let merged = Merge.run(plan, roundHash: [UInt8](repeating: 1, count: 32), submissions: [:], survey: [:])
        var results = Results(round: merged.results.round, surveyAvailable: true, units: merged.results.units)
        let content = SubmissionContent(
            member: "m1", revision: 2, round: [UInt8](repeating: 1, count: 32),
            rows: [Appraisal(unit: "u1", code: "1.1.1", score: Self.p("0.5"), reason: "Lý do \"a\"\n")]
        ).encoded()
        results.submissions = [
            Results.SignedSubmission(
                member: "m1", revision: 2, fileHash: [UInt8](repeating: 3, count: 32), contentBytes: content,
                innerSignature: [UInt8](repeating: 4, count: 64))
        ]
        let file = Results.SignedFile(
            sender: "u1", revision: 1, fileHash: [UInt8](repeating: 5, count: 32),
            content: .object(["a": .string("b\u{1}"), "n": .integer(-3)]),
            innerSignature: [UInt8](repeating: 6, count: 64))
        results.explanations = [file]
        results.second = [
            Results.SignedFile(
                sender: "m1", revision: 3, fileHash: [UInt8](repeating: 7, count: 32), content: .object([:]),
                innerSignature: [UInt8](repeating: 6, count: 64))
        ]
        results.survey = Results.SignedSurvey(
            revision: 1, fileHash: [UInt8](repeating: 8, count: 32),
            content: .object(["x": .array([.null, .bool(true)])]),
            innerSignature: [UInt8](repeating: 9, count: 64))
        results.history = [
            Results.History(
                unit: "u1", code: "1.1.1", member: "m1", preliminaryScore: Self.p("1"), preliminaryReason: "",
                explanation: Results.History.Explained(
                    fileHash: [UInt8](repeating: 2, count: 32), forwarded: nil, text: "Giải trình",
                    attachments: ["a.pdf"]),
                final: Results.History.Final(
                    kept: false, score: Self.p("0.75"), reason: "Đổi", file: [UInt8](repeating: 2, count: 32)))
        ]
        #expect(results.canonicalJSON() == CanonicalJSON.serialize(results.json))
        #expect(try Results(json: CanonicalJSON.parse(results.canonicalJSON())) == results)
    }

    /// The committed results seed of the fuzz corpus round-trips through the writer.
    @Test func writerOnCorpusSeed() throws {
        let path = #filePath.split(separator: "/").dropLast(4).joined(separator: "/")
        let seed = "/" + path + "/Fuzz/corpus/FuzzResults/seed-00"
        guard FileIO.exists(seed) else { return }
        let bytes = try FileIO.read(seed, maxBytes: 1 << 20)
        guard let value = try? CanonicalJSON.parse(bytes), let results = try? Results(json: value) else { return }
        #expect(results.canonicalJSON() == bytes)
    }

    /// `appendDescription` writes `description`; `Sum` equals chained `+`, in value and text.
    @Test func pointsShortcuts() {
        var g = SeededRandom(5)
        var values = [Points.zero, Points(units: 0, scale: 3), Points(units: -5, scale: 2), Points(integer: -3)]
        for _ in 0..<3000 {
            let units = Int64(g.int(-2_000_000...2_000_000)) * (g.chance(10) ? 1_000_000 : 1)
            values.append(Points(units: units, scale: g.int(0...12)))
        }
        values.append(Points(units: .max, scale: 0))
        values.append(Points(units: .min + 1, scale: 6))
        values.append(Points(Points(parsing: "1.5")!.value))  // no exact form
        for v in values {
            var out = [UInt8]()
            v.appendDescription(to: &out)
            #expect(String(decoding: out, as: UTF8.self) == v.description, "\(v.value)")
        }
        for _ in 0..<500 {
            let terms = (0..<g.int(0...8)).map { _ in g.pick(values) }
            var sum = Points.Sum()
            var chained = Points.zero
            for t in terms {
                sum.add(t)
                chained = chained + t
            }
            #expect(sum.total == chained)
            #expect(sum.total.description == chained.description)
        }
    }
}

extension SeededRandom: RandomNumberGenerator {}
