internal import Foundation

extension Merge {
    /// Computes results and coverage the direct way, with a dictionary per cell: the reference
    /// ``run(_:roundHash:submissions:survey:)`` is tested against, and what it falls back to for a
    /// plan whose cells it cannot index densely (a code repeated in a framework).
    ///
    /// - Parameters:
    ///   - input: the round's plan (framework, units, self-assessment, members, labels).
    ///   - roundHash: the round's file hash.
    ///   - submissions: each submitting member's appraisals, by member id (already checked with
    ///     ``AppraisalCheck``; rows for cells not assigned to that member count as conflicts).
    ///   - survey: scores for `survey` sub-criteria, or nil when no survey was supplied.
    /// - Returns: the computed results and the coverage (the gaps and conflicts found).
    static func runReference(
        _ input: RoundPlan, roundHash: [UInt8], submissions: [String: [Appraisal]], survey: [Cell: Points]?
    ) -> Outcome {
        // Who must appraise what.
        let assignee = input.assignees
        // Who did.
        var byCell = [Cell: [(member: String, appraisal: Appraisal)]]()
        for (member, rows) in submissions {
            for row in rows { byCell[row.cell, default: []].append((member, row)) }
        }
        var gaps = [Coverage.Gap]()
        var conflicts = [Coverage.Conflict]()
        var accepted = [Cell: (member: String, appraisal: Appraisal)]()
        for (cell, entries) in byCell {
            let own = entries.filter { $0.member == assignee[cell] }
            if entries.count == 1, own.count == 1 {
                accepted[cell] = own[0]
            } else {
                conflicts.append(Coverage.Conflict(cell: cell, members: entries.map(\.member).sorted()))
            }
        }
        let sortedAssigned = assignee.keys.sorted { ($0.unit, $0.code) < ($1.unit, $1.code) }
        for cell in sortedAssigned where byCell[cell] == nil {
            gaps.append(Coverage.Gap(cell: cell, member: assignee[cell]!))
        }
        conflicts.sort { ($0.cell.unit, $0.cell.code) < ($1.cell.unit, $1.cell.code) }
        let coverage = Coverage(
            appraisable: assignee.count, appraised: accepted.count, gaps: gaps, conflicts: conflicts,
            missingMembers: input.members.map(\.id).filter { submissions[$0] == nil })

        // Scores per unit.
        var units = [Results.UnitResult]()
        for unit in input.units {
            var cells = [Results.CellResult]()
            var criteria = [Results.Subtotal]()
            var fields = [Results.Subtotal]()
            for field in input.framework(unit: unit.id)?.fields ?? [] {
                var fieldSelf = Points.zero
                var fieldFinal = Points.zero
                var fieldMax = Points.zero
                for criterion in field.criteria {
                    var critSelf = Points.zero
                    var critFinal = Points.zero
                    var critMax = Points.zero
                    for sub in criterion.subCriteria {
                        let cell = Cell(unit: unit.id, code: sub.code)
                        let selfScore =
                            sub.method == .selfAssessed
                            ? input.selfAssessment.score(unit: unit.id, code: sub.code) : nil
                        var final: Points?
                        var reason = ""
                        var appraiser = ""
                        switch sub.method {
                        case .survey:
                            final = survey?[cell]
                        case .selfAssessed, .council, .bonus, .penalty:
                            if let a = accepted[cell] {
                                final = a.appraisal.score
                                reason = a.appraisal.reason
                                appraiser = a.member
                            }
                        }
                        cells.append(
                            Results.CellResult(
                                code: sub.code, method: sub.method, max: sub.max, selfScore: selfScore,
                                appraised: final,
                                reason: reason, appraiser: appraiser))
                        if sub.method != .survey || survey != nil { critMax = critMax + sub.max }
                        critSelf = critSelf + (selfScore ?? .zero)
                        critFinal = critFinal + (final ?? .zero)
                    }
                    criteria.append(
                        Results.Subtotal(
                            code: criterion.code, selfTotal: critSelf, appraisedTotal: critFinal, max: critMax))
                    fieldSelf = fieldSelf + critSelf
                    fieldFinal = fieldFinal + critFinal
                    fieldMax = fieldMax + critMax
                }
                fields.append(
                    Results.Subtotal(code: field.code, selfTotal: fieldSelf, appraisedTotal: fieldFinal, max: fieldMax))
            }
            // Bonus and penalty items (spec §6.4): appraised like council cells, outside the tree.
            for item in input.framework(unit: unit.id)?.bonusAndPenalty ?? [] {
                let a = accepted[Cell(unit: unit.id, code: item.code)]
                cells.append(
                    Results.CellResult(
                        code: item.code, method: item.method, max: item.max, selfScore: nil,
                        appraised: a?.appraisal.score, reason: a?.appraisal.reason ?? "", appraiser: a?.member ?? ""))
            }
            let selfTotal = Points.sum(fields.map(\.selfTotal))
            let baseTotal = Points.sum(fields.map(\.appraisedTotal))
            let maxTotal = Points.sum(fields.map(\.max))
            let bonus = extraTotal(cells, .bonus)
            let penalty = extraTotal(cells, .penalty)
            let finalTotal = self.finalTotal(base: baseTotal, bonus: bonus, penalty: penalty)
            units.append(
                Results.UnitResult(
                    unit: unit.id, group: unit.group, cells: cells, criteria: criteria, fields: fields,
                    selfTotal: selfTotal, appraisedTotal: baseTotal, bonus: bonus, penalty: penalty,
                    finalTotal: finalTotal, maxTotal: maxTotal,
                    percent: index(finalTotal, of: maxTotal, above100: input.indexAbove100), rank: 0, label: ""))
        }
        // Ranks and labels within each group.
        var ranked = units
        for group in Set(units.map(\.group)) {
            let members = units.indices.filter { units[$0].group == group }.sorted {
                units[$0].percent > units[$1].percent
            }
            for (position, index) in members.enumerated() {
                let u = units[index]
                let rank = members.firstIndex { units[$0].percent == u.percent }.map { $0 + 1 } ?? position + 1
                ranked[index] = u.ranked(rank, label: input.labels.label(group: group, percent: u.percent) ?? "")
            }
        }
        return Outcome(
            results: Results(round: roundHash, surveyAvailable: survey != nil, units: ranked), coverage: coverage)
    }
}
