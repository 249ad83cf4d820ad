internal import VaultCrypto

/// Spec §9.3: with a verified release token, the released results are opened and checked for
/// consistency with the round definition and with themselves.
extension RoundVerification {
    typealias Problems = [(subject: String, text: Notice)]

    mutating func checkReleasedResults() {
        guard let partials = releasePartials else { return }
        let subject = RoundLayout.resultsFileName
        guard let envelope = results?.envelope, let manifest else { return }
        let released: Results
        do {
            let plaintext = try envelope.open(jointKey: round.release.jointKey, partials: partials)
            do {
                released = try Results(json: try CanonicalJSON.parse(plaintext))
            } catch {
                return fail("results.open", subject, FormatError.Code.header, [subject, String(describing: error)])
            }
        } catch {
            return fail("results.open", subject, error)
        }
        guard released.round == round.fileHash, released.surveyAvailable == manifest.value.surveyAvailable else {
            return fail("results.open", subject, .resultsHeaderMismatch, [subject])
        }
        pass("results.open", subject, .resultsOpened, [String(released.units.count)])
        checkConsistency(of: released, manifest: manifest.value)
    }

    /// Spec §9.3 checks 2–5 on opened results: shape and totals, index, reasons, appraisers.
    mutating func checkConsistency(of released: Results, manifest: Manifest) {
        let subject = RoundLayout.resultsFileName
        guard checkShape(released, subject: subject) else { return }
        checkTotals(released, subject: subject)
        checkPercent(released, subject: subject)
        checkReasons(released, subject: subject)
        checkAppraisers(released, subject: subject, manifest: manifest)
        checkSignedSubmissions(released, manifest: manifest)
        checkSignedSurvey(released, manifest: manifest)
        checkHistory(released, manifest: manifest)
    }

    /// Units in definition order with their groups; cells in framework order with the round's
    /// method, maximum and self score. Without this nothing else can be compared.
    private mutating func checkShape(_ r: Results, subject: String) -> Bool {
        guard r.units.map(\.unit) == round.units.map(\.id), r.units.map(\.group) == round.units.map(\.group) else {
            fail("results.totals", subject, .resultsUnits, [subject])
            return false
        }
        for u in r.units {
            let framework = round.plan.framework(unit: u.unit)!
            let subs = framework.subCriteria + framework.bonusAndPenalty
            guard u.cells.map(\.code) == subs.map(\.code),
                u.criteria.map(\.code) == framework.criteria.map(\.code),
                u.fields.map(\.code) == framework.fields.map(\.code)
            else {
                fail("results.totals", subject, .resultsCells, [u.unit])
                return false
            }
            for (cell, sub) in zip(u.cells, subs) {
                let selfScore =
                    sub.method == .selfAssessed ? round.selfAssessment.score(unit: u.unit, code: sub.code) : nil
                guard cell.method == sub.method, cell.max == sub.max, cell.selfScore == selfScore else {
                    fail("results.totals", subject, .resultsCellDiffers, [u.unit, cell.code])
                    return false
                }
            }
        }
        return true
    }

    /// Cells add up to criteria, criteria to fields, fields to the unit (spec §6.4).
    private mutating func checkTotals(_ r: Results, subject: String) {
        var problems = Problems()
        for u in r.units {
            let counted = { (c: Results.CellResult) in c.method != .survey || r.surveyAvailable }
            var criterionTotals = [(String, Points, Points, Points)]()
            var index = 0
            let framework = round.plan.framework(unit: u.unit)!
            for criterion in framework.criteria {
                let cells = u.cells[index..<(index + criterion.subCriteria.count)]
                index += criterion.subCriteria.count
                criterionTotals.append(
                    (
                        criterion.code, Points.sum(cells.map { $0.selfScore ?? .zero }),
                        Points.sum(cells.map { $0.appraised ?? .zero }),
                        Points.sum(cells.filter(counted).map(\.max))
                    ))
            }
            for (subtotal, want) in zip(u.criteria, criterionTotals)
            where (subtotal.selfTotal, subtotal.appraisedTotal, subtotal.max) != (want.1, want.2, want.3) {
                problems.append(
                    (subject, Notice(VerificationReport.Finding.totalWrong, [.text(u.unit), .text(subtotal.code)])))
            }
            var criterionIndex = 0
            for (field, subtotal) in zip(framework.fields, u.fields) {
                let parts = u.criteria[criterionIndex..<(criterionIndex + field.criteria.count)]
                criterionIndex += field.criteria.count
                if subtotal.selfTotal != Points.sum(parts.map(\.selfTotal))
                    || subtotal.appraisedTotal != Points.sum(parts.map(\.appraisedTotal))
                    || subtotal.max != Points.sum(parts.map(\.max))
                {
                    problems.append(
                        (subject, Notice(VerificationReport.Finding.totalWrong, [.text(u.unit), .text(subtotal.code)])))
                }
            }
            if u.selfTotal != Points.sum(u.fields.map(\.selfTotal))
                || u.appraisedTotal != Points.sum(u.fields.map(\.appraisedTotal))
                || u.maxTotal != Points.sum(u.fields.map(\.max))
            {
                problems.append(
                    (subject, Notice(VerificationReport.Finding.totalWrong, [.text(u.unit), .text("total")])))
            }
            // Spec §3.3, §6.4: every appraised sub-criterion within 0 up to its maximum, on its step.
            for c in u.cells where c.method == .selfAssessed || c.method == .council {
                guard let a = c.appraised, let sub = framework.subCriterion(c.code),
                    a.isNegative || a > c.max || !a.isMultiple(of: sub.step)
                else { continue }
                problems.append(
                    (
                        subject,
                        Notice(
                            VerificationReport.Finding.cellOutOfRange,
                            [.text(u.unit), .text(c.code), .text(a.description), .text(c.max.description)])
                    ))
            }
            // Spec §6.4: bonus and penalty sums, each item within 0 up to its cap, the final total.
            for c in u.cells where c.method.isBonusOrPenalty {
                guard let a = c.appraised,
                    a.isNegative || a > c.max || !a.isMultiple(of: framework.subCriterion(c.code)!.step)
                else { continue }
                problems.append(
                    (
                        subject,
                        Notice(
                            VerificationReport.Finding.extraOverCap,
                            [.text(u.unit), .text(c.code), .text(a.description), .text(c.max.description)])
                    ))
            }
            let bonus = Merge.extraTotal(u.cells, .bonus)
            let penalty = Merge.extraTotal(u.cells, .penalty)
            if u.bonus != bonus || u.penalty != penalty
                || u.finalTotal != Merge.finalTotal(base: u.appraisedTotal, bonus: bonus, penalty: penalty)
            {
                problems.append(
                    (subject, Notice(VerificationReport.Finding.totalWrong, [.text(u.unit), .text("final")])))
            }
        }
        report(
            "results.totals", problems, subject: subject,
            ok: Notice(VerificationReport.Finding.totalsOK, [.text(String(r.units.count))]))
    }

    /// The index is recomputed; ranks and labels follow from it (spec §6.4).
    private mutating func checkPercent(_ r: Results, subject: String) {
        var problems = Problems()
        for u in r.units {
            let percent = Merge.index(u.finalTotal, of: u.maxTotal, above100: round.plan.indexAbove100)
            let rank = 1 + r.units.filter { $0.group == u.group && $0.percent > u.percent }.count
            let label = round.labels.label(group: u.group, percent: u.percent) ?? ""
            if u.percent != percent || u.rank != rank || u.label != label {
                problems.append(
                    (
                        subject,
                        Notice(
                            VerificationReport.Finding.percentWrong,
                            [
                                .text(u.unit), .decimal(u.percent.description), .decimal(percent.description),
                                .text(String(rank)), .text(label),
                            ])
                    ))
            }
        }
        report(
            "results.percent", problems, subject: subject,
            ok: Notice(VerificationReport.Finding.percentOK, [.text(String(r.units.count))]))
    }

    /// Rule 3 of the council: any change against the self score states a reason, and so does any
    /// appraised score on a sub-criterion the unit did not self-assess (spec §3.5: method `self`,
    /// self score null — the shape check has matched it against the round).
    private mutating func checkReasons(_ r: Results, subject: String) {
        var problems = Problems()
        var changed = 0
        for u in r.units {
            for c in u.cells {
                if c.method.isBonusOrPenalty, let a = c.appraised, a != .zero {
                    // Spec §3.9: a bonus or penalty other than 0 states its reason.
                    changed += 1
                    if Text.isBlank(c.reason) {
                        problems.append(
                            (
                                subject,
                                Notice(
                                    VerificationReport.Finding.extraReasonMissing,
                                    [.text(u.unit), .text(c.code), .text(a.description)])
                            ))
                    }
                    continue
                }
                let notAssessed = c.method == .selfAssessed && c.selfScore == nil && c.appraised != nil
                guard notAssessed || (c.selfScore != nil && c.appraised != nil && c.selfScore != c.appraised) else {
                    continue
                }
                changed += 1
                if Text.isBlank(c.reason) {  // spec §1.3: blank
                    problems.append(
                        (subject, Notice(VerificationReport.Finding.reasonMissing, [.text(u.unit), .text(c.code)])))
                }
            }
        }
        report(
            "results.reasons", problems, subject: subject,
            ok: Notice(VerificationReport.Finding.reasonsOK, [.text(String(changed))]))
    }

    /// Rule 1: every appraised cell was appraised by the member assigned to it, and only by one
    /// whose submission the manifest lists; the count matches the manifest's coverage.
    private mutating func checkAppraisers(_ r: Results, subject: String, manifest: Manifest) {
        let assignee = round.assignees
        let merged = Set(manifest.submissions.map(\.member))
        var problems = Problems()
        var appraised = 0
        for u in r.units {
            for c in u.cells {
                let cell = Cell(unit: u.unit, code: c.code)
                if c.method == .survey || c.appraised == nil {
                    if !c.appraiser.isEmpty || (c.method != .survey && !c.reason.isEmpty) {
                        problems.append(
                            (
                                subject,
                                Notice(
                                    VerificationReport.Finding.appraiserUnexpected,
                                    [.text(u.unit), .text(c.code), .text(c.appraiser)])
                            ))
                    }
                    continue
                }
                appraised += 1
                if c.appraiser != assignee[cell] || !merged.contains(c.appraiser) {
                    problems.append(
                        (
                            subject,
                            Notice(
                                VerificationReport.Finding.appraiserWrong,
                                [.text(u.unit), .text(c.code), .text(c.appraiser), .text(assignee[cell] ?? "–")])
                        ))
                }
            }
        }
        if appraised != manifest.appraised {
            problems.append(
                (
                    subject,
                    Notice(
                        VerificationReport.Finding.appraisedCount,
                        [.text(String(appraised)), .text(String(manifest.appraised))])
                ))
        }
        report(
            "results.appraisers", problems, subject: subject,
            ok: Notice(VerificationReport.Finding.appraisersOK, [.text(String(appraised))]))
    }
}
