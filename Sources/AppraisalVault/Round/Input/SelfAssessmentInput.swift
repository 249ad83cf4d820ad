/// Reads the units' self-assessment (`unit,code,score[,note]`).
///
/// Rules: every unit × `self` sub-criterion has exactly one row; the unit and code must exist and
/// the code must be a `self` sub-criterion; scores parse with ``Points/init(parsing:)`` and lie in
/// `[0, max]` on the sub-criterion's step, and an empty score means the unit did not self-assess
/// the sub-criterion; notes are NFC without control characters other than
/// line breaks, at most 2000 bytes. Missing cells are reported together (summarised when many).
public enum SelfAssessmentInput {
    /// Loads and validates the self-assessment against the framework and units of a one-set round.
    public static func load(
        _ path: String, framework: Framework, units: [AppraisedUnit], problems: inout InputProblems
    ) -> SelfAssessment? {
        let set = CriteriaSet(id: CriteriaSet.defaultID, groups: Array(Set(units.map(\.group))), framework: framework)
        return load(path, sets: [set], units: units, problems: &problems)
    }

    /// Loads and validates the self-assessment: each unit's codes are those of its group's set.
    public static func load(
        _ path: String, sets: [CriteriaSet], units: [AppraisedUnit], problems: inout InputProblems
    ) -> SelfAssessment? {
        guard
            let (table, col) = CSV.load(
                path, required: ["unit", "code", "score"], optional: ["note"], problems: &problems)
        else { return nil }
        let before = problems.errors.count
        var frameworkOfGroup = [String: Framework]()
        for set in sets {
            for g in set.groups where frameworkOfGroup[g] == nil { frameworkOfGroup[g] = set.framework }
        }
        var subsOfUnit = [String: [String: Framework.SubCriterion]]()
        var subsOfGroup = [String: [String: Framework.SubCriterion]]()
        for (g, f) in frameworkOfGroup {
            subsOfGroup[g] = Dictionary(uniqueKeysWithValues: f.subCriteria.map { ($0.code, $0) })
        }
        for u in units { subsOfUnit[u.id] = subsOfGroup[u.group] ?? [:] }
        var entries = [Cell: SelfAssessment.Entry]()
        var lines = [Cell: Int]()
        for r in table.records {
            let unit = r[col["unit"]!]
            let code = r[col["code"]!]
            let score = r[col["score"]!]
            let unitText = unit.text.trimmingSpaces
            let codeText = code.text.trimmingSpaces
            guard let subs = subsOfUnit[unitText] else {
                problems.add(InputError(.selfUnknownUnit, InputLocation(unit, in: path).context + [.text(unit.text)]))
                continue
            }
            guard let sub = subs[codeText] else {
                problems.add(InputError(.selfUnknownCode, InputLocation(code, in: path).context + [.text(code.text)]))
                continue
            }
            guard sub.method == .selfAssessed else {
                problems.add(
                    InputError(
                        .selfNotSelf,
                        InputLocation(code, in: path).context + [.text(codeText), .text(sub.method.rawValue)]))
                continue
            }
            let cell = Cell(unit: unitText, code: codeText)
            if let line = lines[cell] {
                problems.add(
                    InputError(
                        .selfDuplicate, InputLocation(unit, in: path).context + [.text(cell.description), .line(line)]))
                continue
            }
            lines[cell] = r.line
            // An empty score: the unit did not self-assess the sub-criterion (spec §3.5).
            let points: Points?
            if score.text.trimmingSpaces.isEmpty {
                points = nil
            } else if let p = Points(parsing: score.text) {
                points = p
            } else {
                problems.add(FrameworkInput.badNumber(score, file: path))
                continue
            }
            if let points,
                let problem = Self.problem(points, sub: sub, code: codeText, at: InputLocation(score, in: path))
            {
                problems.add(problem)
                continue
            }
            var note = ""
            if let n = col["note"] {
                note = r[n].text.trimmingSpaces
                if Text.refusal(in: note, multiline: true) != nil || note.utf8.count > 2000 {
                    problems.add(InputError(.selfBadNote, InputLocation(r[n], in: path).context))
                    continue
                }
            }
            entries[cell] = SelfAssessment.Entry(score: points, note: note)
        }
        if problems.errors.count == before {
            let expected = units.flatMap { u in
                (frameworkOfGroup[u.group]?.subCriteria ?? []).filter { $0.method == .selfAssessed }.map {
                    Cell(unit: u.id, code: $0.code)
                }
            }
            let missing = expected.filter { lines[$0] == nil }
            if !missing.isEmpty {
                problems.add(
                    InputError(
                        .selfMissing, [.file(path), .text(String(missing.count)), .text(CellList.summary(missing))]))
            }
        }
        return problems.errors.count == before ? SelfAssessment(entries: entries) : nil
    }

    /// `self.out-of-range` or `self.off-step` for a score outside `[0, max]` or off the step.
    private static func problem(
        _ points: Points, sub: Framework.SubCriterion, code: String, at location: InputLocation
    ) -> InputError? {
        if points.isNegative || points > sub.max {
            return InputError(
                .selfOutOfRange,
                location.context + [.decimal(points.description), .text(code), .decimal(sub.max.description)])
        }
        if !points.isMultiple(of: sub.step) {
            return InputError(
                .selfOffStep,
                location.context + [.decimal(points.description), .text(code), .decimal(sub.step.description)])
        }
        return nil
    }
}
