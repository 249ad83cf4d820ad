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
    /// penalty items; ``Fold``), then one pass over the plan; the figures are exactly those of the direct
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
        guard var fold = Fold(input) else {
            return runReference(input, roundHash: roundHash, submissions: submissions, survey: survey)
        }
        for (member, rows) in submissions { fold.fold(member: member, rows: rows) }
        return Outcome(results: fold.results(roundHash: roundHash, survey: survey), coverage: fold.coverage())
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
