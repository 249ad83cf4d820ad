/// Reads a member's filled worksheet (spec §3, worksheet CSV) back into appraisals.
///
/// Columns are matched by name: `ma_don_vi`, `ma_tieu_chi`, `diem_tham_dinh` and `ly_do` are
/// required; `ten_don_vi`, `tieu_chi`, `diem_toi_da` and `diem_tu_cham` are informational and
/// may be present. Every unreadable cell is reported (file, line, column), not only the first.
public enum WorksheetReader {
    /// The worksheet's columns, in the order `avault worksheet` writes them.
    public static var columns: [String] { Worksheet.columns }
    static let required = ["ma_don_vi", "ma_tieu_chi", "diem_tham_dinh", "ly_do"]

    /// The rows that could be read, and the problems with the others.
    ///
    /// - Throws: ``AppraisalError`` when the file is not CSV or lacks a required column (nothing else
    ///   can be checked then).
    public static func read(
        _ bytes: [UInt8], file: String
    ) throws -> (rows: [Appraisal], problems: InputProblems, unreadable: Set<Cell>) {
        try read(CSV.parse(bytes, file: file).skippingExportedHeaderBlock(), file: file)
    }

    /// The rows of a parsed worksheet table (CSV, or the data rows of an XLSX worksheet).
    static func read(
        _ table: CSV.Table, file: String
    ) throws -> (rows: [Appraisal], problems: InputProblems, unreadable: Set<Cell>) {
        let column = try table.columns(required: required, optional: columns.filter { !required.contains($0) })
        var rows = [Appraisal]()
        var problems = InputProblems()
        var unreadable = Set<Cell>()
        for record in table.records {
            let unit = record[column["ma_don_vi"]!].text.trimmingSpaces
            let code = record[column["ma_tieu_chi"]!].text.trimmingSpaces
            let scoreField = record[column["diem_tham_dinh"]!]
            let reason = record[column["ly_do"]!].text.trimmingSpaces
            let location = InputLocation(scoreField, in: file)
            let cell = Cell(unit: unit, code: code)
            guard !scoreField.text.trimmingSpaces.isEmpty else {
                unreadable.insert(cell)
                problems.add(InputError(.worksheetMissingScore, location.context + [.text(unit), .text(code)]))
                continue
            }
            guard let score = Points(parsing: scoreField.text) else {
                unreadable.insert(cell)
                problems.add(
                    InputError(
                        .inputBadNumber, location.context + [.text(scoreField.text)], hint: ErrorHint(.numberFormat)))
                continue
            }
            guard reason.utf8.count <= SubmissionContent.maxReasonBytes else {
                unreadable.insert(cell)
                problems.add(
                    InputError(.worksheetLongReason, InputLocation(record[column["ly_do"]!], in: file).context))
                continue
            }
            rows.append(
                Appraisal(
                    unit: unit, code: code, score: score, reason: reason, line: record.line,
                    reasonColumn: record[column["ly_do"]!].column))
        }
        return (rows, problems, unreadable)
    }
}
