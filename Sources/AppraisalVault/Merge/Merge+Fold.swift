extension Merge {
    /// The dense merge, one submission at a time (spec §6.4, §6.5): each member's rows are folded
    /// into per-cell arrays indexed by the plan's cells (``CellIndex``) and can then be dropped;
    /// the coverage and each unit's results are read from the arrays.
    ///
    /// Per cell it keeps who must appraise it, how many rows claim it, and the first claim's
    /// member, score and reason: enough for the figures of ``runReference(_:roundHash:submissions:survey:)``
    /// whatever order the submissions come in.
    struct Fold {
        let input: RoundPlan
        let index: CellIndex
        /// Who must appraise each cell: an index into `input.members`, -1 for nobody.
        private let assignee: [Int32]
        /// The rows claiming each cell, and the first claim's submitter (into `submitters`),
        /// score (into `scores`) and reason (into `reasonEnds`, ``PointsTable/none`` for none): 16
        /// bytes a cell.
        private var claims: [Int32]
        private var firstSubmitter: [Int32]
        private var firstScore: [Int32]
        private var firstReason: [Int32]
        private var scores = PointsTable()
        /// The first claims' reasons as UTF-8, one after another (not a string each, which would
        /// stay behind among the freed rows of every submission), reason `r` ending at
        /// `reasonEnds[r + 1]`.
        private var reasonBytes = [UInt8]()
        private var reasonEnds = [0]
        /// Every claimant of a cell claimed more than once; the claimants of cells outside the plan.
        private var repeated = [Int: [String]]()
        private var outside = [Cell: [String]]()
        /// The members folded, in order.
        private(set) var submitters = [String]()
        private var submitted = Set<String>()
        /// Each unit's self scores in the self-assessment (``SelfAssessment/score(at:)``): the base
        /// of its entries (-1 for none) and its list in `selfPositions` (one per set and code
        /// table) of each of its cells' entry positions, -1 for a cell not self-assessed.
        private let selfBase: [Int]
        private let selfList: [Int]
        private let selfPositions: [[Int32]]

        /// Nil when the plan cannot be merged densely (a framework repeats a code, the plan
        /// repeats a unit id, or a member's cell is not indexed).
        init?(_ input: RoundPlan) {
            guard let index = CellIndex(input) else { return nil }
            var assignee = [Int32](repeating: -1, count: index.count)
            for (m, member) in input.members.enumerated() {
                for cell in input.cells(of: member) {
                    guard let c = index.position(cell) else { return nil }
                    assignee[c] = Int32(m)
                }
            }
            var selfBase = [Int](repeating: -1, count: input.units.count)
            var selfList = [Int](repeating: -1, count: input.units.count)
            var selfPositions = [[Int32]]()
            var listOf = [Int: Int]()
            for (u, unit) in input.units.enumerated() {
                guard let framework = index.framework(unit: u), let slot = input.selfAssessment.slot(of: unit.id)
                else { continue }
                let key = index.setOfUnit[u] << 32 | slot.table
                if listOf[key] == nil {
                    let subs = framework.fields.flatMap { $0.criteria.flatMap(\.subCriteria) }
                    let found = input.selfAssessment.positions(of: subs.map(\.code), in: slot.table)
                    selfPositions.append(zip(subs, found).map { $0.method == .selfAssessed ? $1 : -1 })
                    listOf[key] = selfPositions.count - 1
                }
                selfBase[u] = slot.base
                selfList[u] = listOf[key]!
            }
            (self.selfBase, self.selfList, self.selfPositions) = (selfBase, selfList, selfPositions)
            self.input = input
            self.index = index
            self.assignee = assignee
            claims = [Int32](repeating: 0, count: index.count)
            firstSubmitter = [Int32](repeating: -1, count: index.count)
            firstScore = [Int32](repeating: PointsTable.none, count: index.count)
            firstReason = [Int32](repeating: PointsTable.none, count: index.count)
        }

        /// Folds in `member`'s rows (each member once; already checked with ``AppraisalCheck``).
        mutating func fold(member: String, rows: [Appraisal]) {
            let s = Int32(submitters.count)
            submitters.append(member)
            submitted.insert(member)
            for row in rows {
                guard let c = index.position(row.cell) else {
                    outside[row.cell, default: []].append(member)
                    continue
                }
                claims[c] += 1
                if claims[c] == 1 {
                    firstSubmitter[c] = s
                    firstScore[c] = scores.index(row.score)
                    if !row.reason.isEmpty {
                        firstReason[c] = Int32(reasonEnds.count - 1)
                        reasonBytes.append(contentsOf: row.reason.utf8)
                        reasonEnds.append(reasonBytes.count)
                    }
                } else {
                    if claims[c] == 2 { repeated[c] = [submitters[Int(firstSubmitter[c])]] }
                    repeated[c]!.append(member)
                }
            }
        }

        private func isAccepted(_ c: Int) -> Bool {
            claims[c] == 1 && assignee[c] >= 0
                && submitters[Int(firstSubmitter[c])] == input.members[Int(assignee[c])].id
        }

        /// The accepted row of cell `c`: its member, score and reason.
        private func accepted(_ c: Int) -> (member: String, score: Points, reason: String)? {
            guard isAccepted(c), let score = scores[firstScore[c]] else { return nil }
            return (submitters[Int(firstSubmitter[c])], score, reason(firstReason[c]))
        }

        /// Reason `r` of `reasonEnds`; empty for ``PointsTable/none``.
        private func reason(_ r: Int32) -> String {
            guard r >= 0 else { return "" }
            return String(decoding: reasonBytes[reasonEnds[Int(r)]..<reasonEnds[Int(r) + 1]], as: UTF8.self)
        }

        /// What was and was not appraised, of what was folded.
        func coverage() -> Coverage {
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
                        let members = claims[c] == 1 ? [submitters[Int(firstSubmitter[c])]] : repeated[c]!
                        conflicts.append(Coverage.Conflict(cell: index.cell(c), members: members.sorted()))
                    }
                }
            }
            for (cell, members) in outside {
                conflicts.append(Coverage.Conflict(cell: cell, members: members.sorted()))
            }
            gaps.sort { ($0.cell.unit, $0.cell.code) < ($1.cell.unit, $1.cell.code) }
            conflicts.sort { ($0.cell.unit, $0.cell.code) < ($1.cell.unit, $1.cell.code) }
            return Coverage(
                appraisable: appraisable, appraised: appraised, gaps: gaps, conflicts: conflicts,
                missingMembers: input.members.map(\.id).filter { !submitted.contains($0) })
        }

        /// The results of the unit at `u` (plan order), not yet ranked.
        func unitResult(_ u: Int, survey: [Cell: Points]?) -> Results.UnitResult {
            let unit = input.units[u]
            guard let framework = index.framework(unit: u) else {
                return Merge.unitResult(unit, cells: [], criteria: [], fields: [], input: input)
            }
            var c = index.base[u]
            var cells = [Results.CellResult]()
            cells.reserveCapacity(index.cellsPerSet[index.setOfUnit[u]])
            var criteria = [Results.Subtotal]()
            criteria.reserveCapacity(framework.fields.reduce(0) { $0 + $1.criteria.count })
            var fields = [Results.Subtotal]()
            fields.reserveCapacity(framework.fields.count)
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
                        let position = selfBase[u] < 0 ? -1 : Int(selfPositions[selfList[u]][c - index.base[u]])
                        let selfScore = position < 0 ? nil : input.selfAssessment.score(at: selfBase[u] + position)
                        var final: Points?
                        var reason = ""
                        var appraiser = ""
                        switch sub.method {
                        case .survey:
                            final = survey?[Cell(unit: unit.id, code: sub.code)]
                        case .selfAssessed, .council, .bonus, .penalty:
                            if let a = accepted(c) {
                                final = a.score
                                reason = a.reason
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
                        appraised: a?.score, reason: a?.reason ?? "", appraiser: a?.member ?? ""))
            }
            return Merge.unitResult(unit, cells: cells, criteria: criteria, fields: fields, input: input)
        }

        /// Every unit's results without its cells, criteria and fields (``Results/UnitResult/summarized``),
        /// ranked, for a writer that asks ``unitResult(_:survey:)`` for them again as it writes each
        /// unit (``CanonicalResultsSource``), so no more than one unit's details are held at a time; with
        /// each unit's object size as written unranked (rank 0, label `""`), and its full maximum
        /// (the sum of its cells' maxima, for ``RoundMerge/reducedMaxima(_:)``).
        func summary(roundHash: [UInt8], survey: [Cell: Points]?) -> (
            results: Results, unitSizes: [Int], fullMaxima: [Points]
        ) {
            var units = [Results.UnitResult]()
            var sizes = [Int]()
            var full = [Points]()
            units.reserveCapacity(input.units.count)
            sizes.reserveCapacity(input.units.count)
            full.reserveCapacity(input.units.count)
            var scratch = [UInt8]()
            for u in 0..<input.units.count {
                let result = unitResult(u, survey: survey)
                scratch.removeAll(keepingCapacity: true)
                Results.write(result, into: &scratch)
                sizes.append(scratch.count)
                var sum = Points.Sum()
                for cell in result.cells { sum.add(cell.max) }
                full.append(sum.total)
                units.append(result.summarized)
            }
            let results = Results(round: roundHash, surveyAvailable: survey != nil, units: ranked(units, input.labels))
            return (results, sizes, full)
        }

        /// Every unit's results, ranked: ``Merge/run(_:roundHash:submissions:survey:)``'s.
        func results(roundHash: [UInt8], survey: [Cell: Points]?) -> Results {
            let units = (0..<input.units.count).map { unitResult($0, survey: survey) }
            return Results(
                round: roundHash, surveyAvailable: survey != nil, units: ranked(units, input.labels))
        }
    }
}
