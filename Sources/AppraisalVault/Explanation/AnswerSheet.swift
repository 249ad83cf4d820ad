/// Reading a unit's filled answer sheet (spec §12.4) against the notice it answers.
///
/// The sheet is the CSV `notice open --sheet` wrote, in either dialect (`,` or `;`, decimal
/// points or commas, with or without BOM, as a spreadsheet re-saves it). Every problem is reported
/// (file, line, column), not only the first; the answers come back only when there is none.
public enum AnswerSheet {
    /// `y_kien` values read as agreement, after NFC, trimming and lowercasing.
    public static let agreeWords: Set<String> = ["đồng ý", "dong y", "dong-y", "đồng-ý", "agree"]
    /// `y_kien` values read as disagreement.
    public static let disagreeWords: Set<String> = [
        "không đồng ý", "khong dong y", "khong-dong-y", "không-đồng-ý", "disagree",
    ]

    /// The answers of the sheet `bytes` to `notice`: one per contested cell (``UnitNotice/contested``),
    /// in the notice's order; an empty `y_kien` is agreement.
    ///
    /// - Throws: ``InputError`` when the file is not CSV or lacks a column; ``InputProblems`` with
    ///   every ``ExplanationError`` of the rows: `explanation.unknown-cell` (a row of another unit
    ///   or a cell not in the notice), `explanation.duplicate-cell`, `explanation.missing-cell`,
    ///   `explanation.changed-cell` (an informational cell differing from the notice),
    ///   `explanation.bad-answer`, `explanation.not-contested`, `explanation.missing-text`,
    ///   `explanation.text-without-dispute`, `explanation.long-text`,
    ///   `explanation.unknown-evidence` (a `minh_chung` name not in `evidence`), `explanation.evidence-without-dispute`, `input.control-character`, `input.bidi-control`.
    ///
    /// An XLSX workbook (recognised by its ZIP signature) is read as §3.9 reads a worksheet: every
    /// cell outside the three answer columns must hold what ``UnitNotice/sheet()`` holds
    /// (`xlsx.changed-cell`, naming the cell).
    public static func read(
        _ bytes: [UInt8], file: String, notice: UnitNotice, evidence: Set<String> = []
    ) throws -> [UnitExplanation.Answer] {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let (table, problems) = try WorksheetReader.xlsxTable(bytes, file: file, issued: notice.sheet())
            return try read(
                table, file: file, notice: notice, evidence: evidence, problems: problems, checkFixed: false)
        }
        return try read(
            CSV.parse(bytes, file: file), file: file, notice: notice, evidence: evidence, problems: InputProblems(),
            checkFixed: true)
    }

    /// The answers of a parsed sheet; `checkFixed` compares the informational cells with the
    /// notice (the XLSX reader has compared every fixed cell already).
    static func read(
        _ table: CSV.Table, file: String, notice: UnitNotice, evidence: Set<String>, problems: InputProblems,
        checkFixed: Bool
    ) throws -> [UnitExplanation.Answer] {
        let column = try table.columns(required: UnitNotice.sheetColumns)
        var problems = problems
        var answered = [String: UnitExplanation.Answer]()
        var seen = Set<String>()
        let cells = Dictionary(notice.cells.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        for record in table.records {
            func field(_ name: String) -> CSV.Field { record[column[name]!] }
            func location(_ name: String) -> [ErrorContext.Value] { InputLocation(field(name), in: file).context }
            let unit = field("ma_don_vi").text.trimmingSpaces
            let code = field("ma_tieu_chi").text.trimmingSpaces
            guard unit == notice.unit, let cell = cells[code] else {
                let at = unit == notice.unit ? "ma_tieu_chi" : "ma_don_vi"
                problems.add(ExplanationError(.unknownCell, location(at) + [.text(unit), .text(code)]))
                continue
            }
            guard seen.insert(code).inserted else {
                problems.add(ExplanationError(.duplicateCell, location("ma_tieu_chi") + [.text(code)]))
                continue
            }
            let fixed: [(String, String, Bool)] = [
                ("tieu_chi", cell.shownTitle, false), ("diem_toi_da", cell.max.description, true),
                ("diem_tu_cham", cell.selfScore?.description ?? "", true),
                ("diem_tham_dinh", cell.score.description, true),
                ("chenh_lech", cell.difference?.description ?? "", true), ("ly_do_tham_dinh", cell.reason, false),
            ]
            for (name, expected, numeric) in fixed
            where checkFixed && !same(field(name).text, expected, numeric: numeric) {
                problems.add(ExplanationError(.changedCell, location(name) + [.text(name), .text(expected)]))
            }
            var bad = false
            for name in ["y_kien", "giai_trinh", "minh_chung"] {
                if let refusal = Text.refusal(in: field(name).text, multiline: name == "giai_trinh") {
                    problems.add(InputError(refusal, at: InputLocation(field(name), in: file)))
                    bad = true
                }
            }
            guard !bad else { continue }
            // Evidence names, `;` between them (§10.1 names; each one given to `explain --attach`).
            var cited = [String]()
            for part in field("minh_chung").text.split(separator: ";") {
                let name = Text.nfc(String(part).trimmingSpaces)
                guard !name.isEmpty, !cited.contains(name) else { continue }
                if evidence.contains(name) {
                    cited.append(name)
                } else {
                    problems.add(ExplanationError(.unknownEvidence, location("minh_chung") + [.text(name)]))
                }
            }
            let word = Text.nfc(field("y_kien").text.trimmingSpaces).lowercased()
            let text = Text.trimmingSpaces(Text.normalizingLineBreaks(Text.nfc(field("giai_trinh").text)))
            let agree: Bool
            if word.isEmpty || agreeWords.contains(word) {
                agree = true
            } else if disagreeWords.contains(word) {
                agree = false
            } else {
                problems.add(ExplanationError(.badAnswer, location("y_kien") + [.text(field("y_kien").text)]))
                continue
            }
            if agree, !cited.isEmpty {
                problems.add(ExplanationError(.evidenceWithoutDispute, location("minh_chung") + [.text(code)]))
            } else if agree, !Text.isBlank(text) {
                problems.add(ExplanationError(.textWithoutDispute, location("giai_trinh") + [.text(code)]))
            } else if !agree, cell.difference == .zero {
                problems.add(ExplanationError(.notContested, location("y_kien") + [.text(code)]))
            } else if !agree, Text.isBlank(text) {
                problems.add(ExplanationError(.missingText, location("giai_trinh") + [.text(code)]))
            } else if text.utf8.count > UnitExplanation.maxTextBytes {
                problems.add(
                    ExplanationError(
                        .longText, location("giai_trinh") + [.text(String(UnitExplanation.maxTextBytes))]))
            } else {
                answered[code] = UnitExplanation.Answer(
                    code: code, agree: agree, text: agree ? "" : text, attachments: cited)
            }
        }
        for cell in notice.cells where !seen.contains(cell.code) {
            problems.add(ExplanationError(.missingCell, [.file(file), .text(cell.code)]))
        }
        guard problems.isEmpty else { throw problems }
        return notice.contested.map {
            answered[$0.code] ?? UnitExplanation.Answer(code: $0.code, agree: true, text: "")
        }
    }

    /// True when an informational cell came back as the notice holds it: text equal after NFC and
    /// trimming (a leading `'` a spreadsheet may keep is ignored), a number equal in value.
    static func same(_ found: String, _ expected: String, numeric: Bool) -> Bool {
        let f = Text.trimmingSpaces(Text.normalizingLineBreaks(Text.nfc(found)))
        let e = Text.trimmingSpaces(Text.nfc(expected))
        if numeric {
            if f.isEmpty || e.isEmpty { return f.isEmpty && e.isEmpty }
            guard let a = Points(parsing: f), let b = Points(parsing: e) else { return false }
            return a == b
        }
        return f == e || (f.hasPrefix("'") && String(f.dropFirst()) == e)
    }
}
