/// The rules a member's appraisals must follow (spec §3.9, §6.5 step 2), checked when sealing and
/// again when merging. Every problem is reported, not only the first.
public struct AppraisalCheck: Sendable {
    /// One broken rule, with where it was found.
    public struct Problem: Sendable, Hashable {
        /// The worksheet line (0 when not from a worksheet).
        public let line: Int
        /// The cell concerned, if any.
        public let cell: Cell?
        /// What is wrong (an `appraisal.*` code).
        public let error: InputError
        /// The worksheet column the problem is in, when it is one cell's (the reason), else 0.
        public var column = 0
    }

    /// The sub-criteria of each criteria set, by code.
    let subCriteria: [[String: Framework.SubCriterion]]
    /// The index of each unit's set in ``subCriteria``; nil in a one-set check (every unit set 0).
    let setOfUnit: [String: Int]?
    let selfAssessment: SelfAssessment
    let assigned: Set<Cell>
    let order: [Cell]

    /// Prepares the check for one member's assigned cells.
    ///
    /// A cell's sub-criterion is that of the unit's criteria set; a code outside it is unknown.
    public init(plan: RoundPlan, assignedCells: [Cell]) {
        self.init(
            frameworks: plan.sets.map(\.framework), setOfUnit: plan.setOfUnit, selfAssessment: plan.selfAssessment,
            assignedCells: assignedCells)
    }

    /// Prepares the check for one member's assigned cells in a one-set round.
    public init(framework: Framework, selfAssessment: SelfAssessment, assignedCells: [Cell]) {
        self.init(frameworks: [framework], setOfUnit: nil, selfAssessment: selfAssessment, assignedCells: assignedCells)
    }

    init(frameworks: [Framework], setOfUnit: [String: Int]?, selfAssessment: SelfAssessment, assignedCells: [Cell]) {
        self.subCriteria = frameworks.map { f in
            Dictionary(uniqueKeysWithValues: (f.subCriteria + f.bonusAndPenalty).map { ($0.code, $0) })
        }
        self.setOfUnit = setOfUnit
        self.selfAssessment = selfAssessment
        self.assigned = Set(assignedCells)
        self.order = assignedCells
    }

    /// All problems with `rows`: unassigned or unknown cells, duplicates, scores out of range or off
    /// step, missing or blank reasons, and every assigned cell that has no row.
    ///
    /// - Parameters:
    ///   - rows: the appraisals read from the worksheet.
    ///   - reported: cells whose row was already reported as unreadable (they are not reported
    ///     again as missing).
    /// - Returns: every problem found, empty when the rows are acceptable.
    public func problems(_ rows: [Appraisal], alreadyReported reported: Set<Cell> = []) -> [Problem] {
        var problems = [Problem]()
        var seen = [Cell: Int]()
        for row in rows {
            let cell = row.cell
            guard let set = setOfUnit == nil ? 0 : setOfUnit![cell.unit], let sub = subCriteria[set][cell.code] else {
                problems.append(
                    Problem(line: row.line, cell: cell, error: InputError(.appraisalUnknownCode, [.text(row.code)])))
                continue
            }
            guard assigned.contains(cell) else {
                problems.append(
                    Problem(
                        line: row.line, cell: cell,
                        error: InputError(.appraisalUnassigned, [.text(row.unit), .text(row.code)])))
                continue
            }
            if let first = seen[cell] {
                problems.append(
                    Problem(
                        line: row.line, cell: cell,
                        error: InputError(
                            .appraisalDuplicate, [.text(row.unit), .text(row.code), .text(String(first))])))
                continue
            }
            seen[cell] = row.line
            if row.score.isNegative {
                problems.append(
                    Problem(
                        line: row.line, cell: cell,
                        error: InputError(.appraisalNegative, [.decimal(row.score.description)])))
            } else if row.score > sub.max {
                problems.append(
                    Problem(
                        line: row.line, cell: cell,
                        error: InputError(
                            sub.method.isBonusOrPenalty ? .appraisalAboveCap : .appraisalAboveMax,
                            [.decimal(row.score.description), .decimal(sub.max.description)])))
            } else if !row.score.isMultiple(of: sub.step) {
                problems.append(
                    Problem(
                        line: row.line, cell: cell,
                        error: InputError(
                            .appraisalOffStep, [.decimal(row.score.description), .decimal(sub.step.description)])))
            }
            // One look-up for both of SelfAssessment's questions (isNotAssessed, score).
            let entry = selfAssessment.entry(unit: cell.unit, code: cell.code)
            if sub.method.isBonusOrPenalty, row.score != .zero, Text.isBlank(row.reason) {
                // A bonus or penalty other than 0 always needs its reason (spec §3.9).
                problems.append(
                    Problem(
                        line: row.line, cell: cell,
                        error: InputError(.appraisalExtraReason, [.decimal(row.score.description)]),
                        column: row.reasonColumn))
            } else if entry.map({ $0.score == nil }) ?? false, Text.isBlank(row.reason) {
                // Not self-assessed (spec §3.5): every appraised score needs a reason.
                problems.append(
                    Problem(
                        line: row.line, cell: cell,
                        error: InputError(.appraisalNotAssessedReason, [.decimal(row.score.description)]),
                        column: row.reasonColumn))
            } else if let own = entry?.score, own != row.score,
                Text.isBlank(row.reason)
            {
                // Blank (spec §1.3): nothing visible. Say so when the cell is not simply empty.
                let visiblyEmpty = row.reason.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" }
                problems.append(
                    Problem(
                        line: row.line, cell: cell,
                        error: InputError(
                            visiblyEmpty ? .appraisalMissingReason : .appraisalBlankReason,
                            [.decimal(row.score.description), .decimal(own.description)]),
                        column: row.reasonColumn))
            }
        }
        for cell in order where seen[cell] == nil && !reported.contains(cell) {
            problems.append(
                Problem(
                    line: 0, cell: cell, error: InputError(.appraisalMissingCell, [.text(cell.unit), .text(cell.code)]))
            )
        }
        return problems
    }
}
