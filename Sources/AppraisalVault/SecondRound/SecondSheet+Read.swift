/// Reading a member's filled second-round sheet (spec §12.6) against the forwarded cells.
extension SecondSheet {
    /// The rows of the sheet `bytes`: one per forwarded item (in the items' order), then the
    /// exception rows of `unexplained` (cells of `member` nobody explained, changed on purpose).
    ///
    /// A CSV in either dialect (§3.8, §3.9 rules), or an XLSX workbook (recognised by its ZIP
    /// signature) read as §3.9 reads a worksheet against ``sheet(_:round:member:)``. Every problem
    /// is reported (file, line, column), not only the first.
    ///
    /// - Throws: ``InputError`` when the file is not CSV or lacks a column; ``InputProblems`` with
    ///   every problem of the rows: ``SecondAppraisalError`` `second.not-explained`,
    ///   `second.duplicate-row`, `second.changed-cell`, `second.bad-decision`, `second.missing-reason`,
    ///   `second.long-reason`, `second.missing-score`, `second.bad-score`, `second.keep-changes-score`,
    ///   `second.change-keeps-score`, `second.unexplained-keep`, `second.missing-row`;
    ///   ``InputError`` `input.bad-number`, `input.control-character`, `input.bidi-control`, `xlsx.*`.
    public static func read(
        _ bytes: [UInt8], file: String, items: [Item], round: RoundDefinition, member: Member,
        unexplained: Set<Cell> = []
    ) throws -> [SecondAppraisal.Row] {
        let table: CSV.Table
        var problems = InputProblems()
        let xlsx = bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
        if xlsx {
            (table, problems) = try WorksheetReader.xlsxTable(
                bytes, file: file, issued: sheet(items, round: round, member: member))
        } else {
            table = try CSV.parse(bytes, file: file)
        }
        let column = try table.columns(required: columns)
        let byCell = Dictionary(items.map { ($0.cell, $0) }, uniquingKeysWith: { a, _ in a })
        var decided = [Cell: SecondAppraisal.Row]()
        var exceptions = [SecondAppraisal.Row]()
        var seen = Set<Cell>()
        for record in table.records {
            func field(_ name: String) -> CSV.Field { record[column[name]!] }
            func location(_ name: String) -> [ErrorContext.Value] { InputLocation(field(name), in: file).context }
            let cell = Cell(
                unit: field("ma_don_vi").text.trimmingSpaces, code: field("ma_tieu_chi").text.trimmingSpaces)
            let item = byCell[cell]
            guard item != nil || unexplained.contains(cell) else {
                problems.add(SecondAppraisalError(.notExplained, location("ma_tieu_chi") + [.text(cell.description)]))
                continue
            }
            guard seen.insert(cell).inserted else {
                problems.add(SecondAppraisalError(.duplicateRow, location("ma_tieu_chi") + [.text(cell.description)]))
                continue
            }
            if let item, !xlsx {
                let values = fixedValues(item, round: round)
                for (name, numeric) in fixed where !AnswerSheet.same(field(name).text, values[name]!, numeric: numeric)
                {
                    problems.add(
                        SecondAppraisalError(.changedCell, location(name) + [.text(name), .text(values[name]!)]))
                }
            }
            var bad = false
            for name in ["quyet_dinh", "diem_tham_dinh", "ly_do"] {
                if let refusal = Text.refusal(in: field(name).text, multiline: name == "ly_do") {
                    problems.add(InputError(refusal, at: InputLocation(field(name), in: file)))
                    bad = true
                }
            }
            guard !bad else { continue }
            let word = Text.nfc(field("quyet_dinh").text.trimmingSpaces).lowercased()
            let decision: SecondAppraisal.Decision
            if keepWords.contains(word) {
                decision = .keep
            } else if changeWords.contains(word) {
                decision = .change
            } else {
                problems.add(
                    SecondAppraisalError(.badDecision, location("quyet_dinh") + [.text(field("quyet_dinh").text)]))
                continue
            }
            let reason = Text.trimmingSpaces(Text.normalizingLineBreaks(Text.nfc(field("ly_do").text)))
            if Text.isBlank(reason) {
                problems.add(SecondAppraisalError(.missingReason, location("ly_do") + [.text(cell.description)]))
                continue
            }
            if reason.utf8.count > SubmissionContent.maxReasonBytes {
                problems.add(
                    SecondAppraisalError(
                        .longReason, location("ly_do") + [.text(String(SubmissionContent.maxReasonBytes))]))
                continue
            }
            guard
                let score = score(
                    field("diem_tham_dinh"), file: file, cell: cell, item: item, decision: decision,
                    round: round, problems: &problems)
            else { continue }
            let row = SecondAppraisal.Row(
                unit: cell.unit, code: cell.code, decision: decision, explanation: item?.explanation, score: score,
                reason: reason)
            if item == nil { exceptions.append(row) } else { decided[cell] = row }
        }
        for item in items where !seen.contains(item.cell) {
            problems.add(SecondAppraisalError(.missingRow, [.file(file), .text(item.cell.description)]))
        }
        guard problems.isEmpty else { throw problems }
        return items.compactMap { decided[$0.cell] } + exceptions
    }

    /// The score of one row: the round-1 score when keeping with `diem_tham_dinh` empty; else the
    /// number written, valid for the cell (0 to its maximum or cap, a multiple of its step) and
    /// equal to the round-1 score exactly when keeping. nil (and a problem added) otherwise.
    private static func score(
        _ field: CSV.Field, file: String, cell: Cell, item: Item?, decision: SecondAppraisal.Decision,
        round: RoundDefinition, problems: inout InputProblems
    ) -> Points?? {
        let at = InputLocation(field, in: file).context
        let written = field.text.trimmingSpaces
        guard item != nil || decision == .change else {
            problems.add(SecondAppraisalError(.unexplainedKeep, at + [.text(cell.description)]))
            return nil
        }
        if written.isEmpty {
            guard decision == .keep else {
                problems.add(SecondAppraisalError(.missingScore, at + [.text(cell.description)]))
                return nil
            }
            return .some(item?.score)
        }
        guard let score = Points(parsing: written) else {
            problems.add(InputError(.inputBadNumber, at + [.text(written)], hint: ErrorHint(.numberFormat)))
            return nil
        }
        guard let sub = round.plan.subCriterion(unit: cell.unit, code: cell.code), !score.isNegative,
            score <= sub.max, score.isMultiple(of: sub.step)
        else {
            let sub = round.plan.subCriterion(unit: cell.unit, code: cell.code)
            problems.add(
                SecondAppraisalError(
                    .badScore,
                    at + [
                        .text(cell.description), .decimal(score.description), .decimal(sub?.max.description ?? "0"),
                        .decimal(sub?.step.description ?? "0"),
                    ]))
            return nil
        }
        if let item {
            if decision == .keep, item.score != score {
                problems.add(
                    SecondAppraisalError(
                        .keepChangesScore,
                        at + [
                            .text(cell.description), .decimal(score.description), .text(item.score?.description ?? ""),
                        ]))
                return nil
            }
            if decision == .change, item.score == score {
                problems.add(
                    SecondAppraisalError(
                        .changeKeepsScore, at + [.text(cell.description), .decimal(score.description)]))
                return nil
            }
        }
        return .some(score)
    }
}
