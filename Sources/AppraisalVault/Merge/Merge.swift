internal import Foundation

/// Combines the members' appraisals into results (spec §6.4, §6.5): a pure function of
/// the round and the decrypted submissions.
public enum Merge {
    /// The outcome: results plus coverage.
    public struct Outcome: Sendable {
        /// The computed results.
        public internal(set) var results: Results
        /// What was and was not appraised.
        public let coverage: Coverage
    }

    /// Computes results and coverage.
    ///
    /// One pass over every submission's rows into dense per-cell arrays indexed by the plan's
    /// cells (unit order, then framework order: fields, criteria, sub-criteria, then bonus and
    /// penalty items), then one pass over the plan; the figures are exactly those of the direct
    /// form (``runReference(_:roundHash:submissions:survey:)``, which the tests compare it with).
    ///
    /// - Parameters:
    ///   - input: the round's plan (framework, units, self-assessment, members, labels).
    ///   - roundHash: the round's file hash.
    ///   - submissions: each submitting member's appraisals, by member id (already checked with
    ///     ``AppraisalCheck``; rows for cells not assigned to that member count as conflicts).
    ///   - survey: scores for `survey` sub-criteria, or nil when no survey was supplied.
    /// - Returns: the computed results and the coverage (the gaps and conflicts found).
    public static func run(
        _ input: RoundPlan, roundHash: [UInt8], submissions: [String: [Appraisal]], survey: [Cell: Points]?
    ) -> Outcome {
        guard let index = CellIndex(input) else {
            return runReference(input, roundHash: roundHash, submissions: submissions, survey: survey)
        }
        // Who must appraise what: an index into input.members, -1 for nobody.
        var assignee = [Int32](repeating: -1, count: index.count)
        for (m, member) in input.members.enumerated() {
            for cell in input.cells(of: member) {
                // A plan's cells are always indexed; one that is not cannot be merged densely.
                guard let c = index.position(cell) else {
                    return runReference(input, roundHash: roundHash, submissions: submissions, survey: survey)
                }
                assignee[c] = Int32(m)
            }
        }
        // Who did: the number of rows per cell and the first (submitter, row); every claimant of
        // a cell claimed more than once; the claimants of cells outside the plan.
        let submitters = Array(submissions)
        var claims = [Int32](repeating: 0, count: index.count)
        var firstSubmitter = [Int32](repeating: -1, count: index.count)
        var firstRow = [Int32](repeating: -1, count: index.count)
        var repeated = [Int: [String]]()
        var outside = [Cell: [String]]()
        for (s, (member, rows)) in submitters.enumerated() {
            for (r, row) in rows.enumerated() {
                guard let c = index.position(row.cell) else {
                    outside[row.cell, default: []].append(member)
                    continue
                }
                claims[c] += 1
                if claims[c] == 1 {
                    firstSubmitter[c] = Int32(s)
                    firstRow[c] = Int32(r)
                } else {
                    if claims[c] == 2 { repeated[c] = [submitters[Int(firstSubmitter[c])].key] }
                    repeated[c]!.append(member)
                }
            }
        }
        func isAccepted(_ c: Int) -> Bool {
            claims[c] == 1 && assignee[c] >= 0
                && submitters[Int(firstSubmitter[c])].key == input.members[Int(assignee[c])].id
        }
        var gaps = [Coverage.Gap]()
        var conflicts = [Coverage.Conflict]()
        var appraisable = 0
        var appraised = 0
        for c in 0..<index.count {
            if assignee[c] >= 0 {
                appraisable += 1
                if claims[c] == 0 {
                    gaps.append(Coverage.Gap(cell: index.cell(c), member: input.members[Int(assignee[c])].id))
                }
            }
            if claims[c] > 0 {
                if isAccepted(c) {
                    appraised += 1
                } else {
                    let members = claims[c] == 1 ? [submitters[Int(firstSubmitter[c])].key] : repeated[c]!
                    conflicts.append(Coverage.Conflict(cell: index.cell(c), members: members.sorted()))
                }
            }
        }
        for (cell, members) in outside {
            conflicts.append(Coverage.Conflict(cell: cell, members: members.sorted()))
        }
        gaps.sort { ($0.cell.unit, $0.cell.code) < ($1.cell.unit, $1.cell.code) }
        conflicts.sort { ($0.cell.unit, $0.cell.code) < ($1.cell.unit, $1.cell.code) }
        let coverage = Coverage(
            appraisable: appraisable, appraised: appraised, gaps: gaps, conflicts: conflicts,
            missingMembers: input.members.map(\.id).filter { submissions[$0] == nil })
        func accepted(_ c: Int) -> (member: String, appraisal: Appraisal)? {
            guard isAccepted(c) else { return nil }
            let (member, rows) = submitters[Int(firstSubmitter[c])]
            return (member, rows[Int(firstRow[c])])
        }

        // Scores per unit.
        var units = [Results.UnitResult]()
        units.reserveCapacity(input.units.count)
        for (u, unit) in input.units.enumerated() {
            guard let framework = index.framework(unit: u) else {
                units.append(Self.unitResult(unit, cells: [], criteria: [], fields: [], input: input))
                continue
            }
            var c = index.base[u]
            var cells = [Results.CellResult]()
            cells.reserveCapacity(index.cellsPerSet[index.setOfUnit[u]])
            var criteria = [Results.Subtotal]()
            var fields = [Results.Subtotal]()
            for field in framework.fields {
                var fieldSelf = Points.Sum()
                var fieldFinal = Points.Sum()
                var fieldMax = Points.Sum()
                for criterion in field.criteria {
                    var critSelf = Points.Sum()
                    var critFinal = Points.Sum()
                    var critMax = Points.Sum()
                    for sub in criterion.subCriteria {
                        defer { c += 1 }
                        let selfScore =
                            sub.method == .selfAssessed
                            ? input.selfAssessment.score(unit: unit.id, code: sub.code) : nil
                        var final: Points?
                        var reason = ""
                        var appraiser = ""
                        switch sub.method {
                        case .survey:
                            final = survey?[Cell(unit: unit.id, code: sub.code)]
                        case .selfAssessed, .council, .bonus, .penalty:
                            if let a = accepted(c) {
                                final = a.appraisal.score
                                reason = a.appraisal.reason
                                appraiser = a.member
                            }
                        }
                        cells.append(
                            Results.CellResult(
                                code: sub.code, method: sub.method, max: sub.max, selfScore: selfScore,
                                appraised: final, reason: reason, appraiser: appraiser))
                        if sub.method != .survey || survey != nil { critMax.add(sub.max) }
                        critSelf.add(selfScore ?? .zero)
                        critFinal.add(final ?? .zero)
                    }
                    let (s, f, m) = (critSelf.total, critFinal.total, critMax.total)
                    criteria.append(Results.Subtotal(code: criterion.code, selfTotal: s, appraisedTotal: f, max: m))
                    fieldSelf.add(s)
                    fieldFinal.add(f)
                    fieldMax.add(m)
                }
                fields.append(
                    Results.Subtotal(
                        code: field.code, selfTotal: fieldSelf.total, appraisedTotal: fieldFinal.total,
                        max: fieldMax.total))
            }
            // Bonus and penalty items (spec §6.4): appraised like council cells, outside the tree.
            for item in framework.bonusAndPenalty {
                let a = accepted(c)
                c += 1
                cells.append(
                    Results.CellResult(
                        code: item.code, method: item.method, max: item.max, selfScore: nil,
                        appraised: a?.appraisal.score, reason: a?.appraisal.reason ?? "", appraiser: a?.member ?? ""))
            }
            units.append(Self.unitResult(unit, cells: cells, criteria: criteria, fields: fields, input: input))
        }
        return Outcome(
            results: Results(round: roundHash, surveyAvailable: survey != nil, units: ranked(units, input.labels)),
            coverage: coverage)
    }

    /// One unit's totals from its cells and subtotals (spec §6.4), not yet ranked.
    static func unitResult(
        _ unit: AppraisedUnit, cells: [Results.CellResult], criteria: [Results.Subtotal], fields: [Results.Subtotal],
        input: RoundPlan
    ) -> Results.UnitResult {
        let selfTotal = Points.sum(fields.map(\.selfTotal))
        let baseTotal = Points.sum(fields.map(\.appraisedTotal))
        let maxTotal = Points.sum(fields.map(\.max))
        let bonus = extraTotal(cells, .bonus)
        let penalty = extraTotal(cells, .penalty)
        let finalTotal = self.finalTotal(base: baseTotal, bonus: bonus, penalty: penalty)
        return Results.UnitResult(
            unit: unit.id, group: unit.group, cells: cells, criteria: criteria, fields: fields,
            selfTotal: selfTotal, appraisedTotal: baseTotal, bonus: bonus, penalty: penalty,
            finalTotal: finalTotal, maxTotal: maxTotal,
            percent: index(finalTotal, of: maxTotal, above100: input.indexAbove100), rank: 0, label: "")
    }

    /// Ranks and labels within each group: equal percents share the rank of the first of them
    /// in descending order (one pass over each group's sorted units).
    static func ranked(_ units: [Results.UnitResult], _ labels: RankLabels) -> [Results.UnitResult] {
        var ranked = units
        var byGroup = [String: [Int]]()
        for (i, u) in units.enumerated() { byGroup[u.group, default: []].append(i) }
        for (group, indices) in byGroup {
            let members = indices.sorted { units[$0].percent > units[$1].percent }
            var rank = 0
            for (position, index) in members.enumerated() {
                let u = units[index]
                if position == 0 || units[members[position - 1]].percent != u.percent { rank = position + 1 }
                ranked[index] = u.ranked(rank, label: labels.label(group: group, percent: u.percent) ?? "")
            }
        }
        return ranked
    }

    /// The dense numbering of a plan's cells: unit order, then the framework's fields, criteria
    /// and sub-criteria, then its bonus and penalty items.
    struct CellIndex {
        /// The first cell of each unit (in plan order).
        let base: [Int]
        /// The set of each unit (-1 for a unit without one).
        let setOfUnit: [Int]
        /// The cells of one unit of each set.
        let cellsPerSet: [Int]
        /// The position of each code within a unit of each set.
        let positions: [[String: Int]]
        /// The codes of each set in position order.
        let codes: [[String]]
        /// The unit index of each unit id.
        let unitIndex: [String: Int]
        let units: [AppraisedUnit]
        let sets: [CriteriaSet]
        /// The number of cells.
        let count: Int

        /// Nil when a framework repeats a code or the plan repeats a unit id.
        init?(_ plan: RoundPlan) {
            var positions = [[String: Int]]()
            var codes = [[String]]()
            for set in plan.sets {
                let f = set.framework
                let list =
                    f.fields.flatMap { $0.criteria.flatMap { $0.subCriteria.map(\.code) } }
                    + f.bonusAndPenalty.map(\.code)
                var position = [String: Int]()
                for (i, code) in list.enumerated() {
                    guard position.updateValue(i, forKey: code) == nil else { return nil }
                }
                positions.append(position)
                codes.append(list)
            }
            var base = [Int]()
            var setOfUnit = [Int]()
            var unitIndex = [String: Int]()
            var count = 0
            for (u, unit) in plan.units.enumerated() {
                guard unitIndex.updateValue(u, forKey: unit.id) == nil else { return nil }
                let set = plan.setOfUnit[unit.id] ?? -1
                base.append(count)
                setOfUnit.append(set)
                count += set >= 0 ? codes[set].count : 0
            }
            (self.base, self.setOfUnit, self.positions, self.codes, self.unitIndex) =
                (base, setOfUnit, positions, codes, unitIndex)
            self.cellsPerSet = codes.map(\.count)
            self.units = plan.units
            self.sets = plan.sets
            self.count = count
        }

        /// The position of `cell`, nil when it is not one of the plan's.
        func position(_ cell: Cell) -> Int? {
            guard let u = unitIndex[cell.unit], setOfUnit[u] >= 0, let p = positions[setOfUnit[u]][cell.code] else {
                return nil
            }
            return base[u] + p
        }

        /// The framework of the unit at `u`.
        func framework(unit u: Int) -> Framework? { setOfUnit[u] >= 0 ? sets[setOfUnit[u]].framework : nil }

        /// The cell at `position`.
        func cell(_ position: Int) -> Cell {
            // The last unit whose first cell is at or before the position.
            var low = 0
            var high = base.count
            while low < high {
                let mid = (low + high) / 2
                if base[mid] <= position { low = mid + 1 } else { high = mid }
            }
            let u = low - 1
            return Cell(unit: units[u].id, code: codes[setOfUnit[u]][position - base[u]])
        }
    }

    /// The sum of the appraised `method` cells (bonus or penalty) of one unit.
    static func extraTotal(_ cells: [Results.CellResult], _ method: ScoringMethod) -> Points {
        Points.sum(cells.filter { $0.method == method }.compactMap(\.appraised))
    }

    /// The final total (spec §6.4): `base + bonus − penalty`, floored at 0.
    public static func finalTotal(base: Points, bonus: Points, penalty: Points) -> Points {
        let total = base + bonus - penalty
        return total.isNegative ? .zero : total
    }

    /// The index (spec §6.4): `final ÷ max × 100` rounded half-up to 2 decimals, capped at 100
    /// unless `above100`; 0 when `max` is 0.
    public static func index(_ final: Points, of max: Points, above100: Bool) -> Points {
        let hundred = Points(integer: 100)
        let p = percent(final, of: max)
        return !above100 && p > hundred ? hundred : p
    }

    /// `part ÷ whole × 100`, rounded half-up to 2 decimals; 0 when `whole` is 0.
    static func percent(_ part: Points, of whole: Points) -> Points {
        guard whole.value > 0 else { return .zero }
        var exact = part.value * 100 / whole.value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 2, .plain)
        return Points(rounded)
    }
}
