/// Reading a filled XLSX worksheet (docs/spec/03-round.md §3.9).
extension WorksheetReader {
    /// The data table of a filled XLSX worksheet, compared cell by cell with the sheet as issued.
    ///
    /// Every cell outside the editable cells (``Worksheet/Sheet/isEditable(row:column:)``) must hold
    /// what the issued sheet holds: text equal after NFC, a number equal in value; any difference
    /// is an `xlsx.changed-cell` problem naming the cell. The result is a table with the column
    /// names as header and one record per data row; a field's line is its sheet row and its
    /// column the sheet column, so later problems name the cell too.
    ///
    /// - Throws: ``InputError`` when the file is not a readable workbook (``XLSXReader``).
    static func xlsxTable(
        _ bytes: [UInt8], file: String, issued: Worksheet.Sheet
    ) throws -> (table: CSV.Table, problems: InputProblems) {
        let grid = try XLSXReader.firstSheet(bytes, file: file)
        var problems = InputProblems()
        // The issued area cell by cell; beyond it only the cells the file holds, so a far-away
        // cell (XFD1048576) costs one check, not a walk over the empty rectangle up to it.
        let width = max(1, issued.rows.map(\.count).max() ?? 0)
        let lastRow = max(1, issued.rows.count)
        func cell(_ r: Int, _ c: Int, _ found: SheetCell) -> String {
            let expected = r <= issued.rows.count && c <= issued.rows[r - 1].count ? issued.rows[r - 1][c - 1] : .empty
            var text = Text.normalizingLineBreaks(Text.nfc(found.fieldText))
            if case .number(let n) = found { text = excelPrecision(n) }
            if let refusal = Text.refusal(in: text, multiline: true) {
                problems.add(InputError(refusal, at: InputLocation(file: file, line: r, column: c)))
                text = ""
            }
            if issued.isEditable(row: r, column: c) {
                if case .bool = found {
                    text = found.fieldText  // reported as a bad number by the row checks
                }
            } else if !same(expected, found, text) {
                problems.add(
                    InputError(
                        .xlsxChangedCell,
                        [
                            .file(file), .text(SheetCell.name(row: r, column: c)), .text(expected.fieldText),
                            .text(found.fieldText),
                        ]))
            }
            return text
        }
        var records = [CSV.Record]()
        for r in 1...lastRow {
            var fields = [CSV.Field]()
            for c in 1...width {
                let text = cell(r, c, grid[r]?[c] ?? .empty)
                if c <= issued.rows[issued.namesRow - 1].count {
                    fields.append(CSV.Field(text: text, line: r, column: c))
                }
            }
            if r > issued.namesRow && r <= issued.namesRow + issued.limits.count {
                records.append(CSV.Record(fields: fields, line: r))
            }
        }
        for (r, row) in grid.sorted(by: { $0.key < $1.key }) {
            for (c, found) in row.sorted(by: { $0.key < $1.key }) where r > lastRow || c > width {
                _ = cell(r, c, found)
            }
        }
        let header = CSV.Record(
            fields: issued.rows[issued.namesRow - 1].enumerated().map {
                CSV.Field(text: $0.element.fieldText, line: issued.namesRow, column: $0.offset + 1)
            }, line: issued.namesRow)
        return (CSV.Table(file: file, header: header, records: records, separator: CSV.comma), problems)
    }

    /// True when a fixed cell came back as issued.
    static func same(_ expected: SheetCell, _ found: SheetCell, _ foundText: String) -> Bool {
        switch (expected, found) {
        case (.empty, .empty): return true
        case (.empty, .text(let t)): return t.isEmpty
        case (.text(let e), .text): return Text.nfc(e) == foundText
        case (.number(let e), .number):
            guard let a = Points(parsing: e), let b = Points(parsing: foundText) else { return false }
            return a == b
        default: return false
        }
    }

    /// A stored number as the value a spreadsheet shows: at most 15 significant digits (Excel
    /// may store a typed `2.55` as `2.5499999999999998`), in plain decimal form when it fits.
    static func excelPrecision(_ stored: String) -> String {
        let negative = stored.hasPrefix("-")
        let body = negative ? String(stored.dropFirst()) : stored
        guard !body.contains("E"), !body.contains("e") else { return stored }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        let significantInteger = integer.drop { $0 == "0" }.count
        let significant =
            significantInteger > 0 ? significantInteger + fraction.count : fraction.drop { $0 == "0" }.count
        guard significant > 15 else { return stored }
        // Keep 15 significant digits, rounding half up on the digit strings.
        let keepFraction =
            significantInteger > 0
            ? max(0, 15 - significantInteger) : fraction.prefix { $0 == "0" }.count + 15
        guard keepFraction < fraction.count else { return stored }
        let roundUp = fraction[fraction.index(fraction.startIndex, offsetBy: keepFraction)] >= "5"
        var digits = Array(integer + fraction.prefix(keepFraction))
        if roundUp {
            var k = digits.count - 1
            while k >= 0 {
                guard digits[k] == "9" else {
                    digits[k] = Character(String(digits[k].wholeNumberValue! + 1))
                    break
                }
                digits[k] = "0"
                k -= 1
            }
            if k < 0 { digits.insert("1", at: 0) }
        }
        let intCount = digits.count - keepFraction
        let newInteger = String(digits[0..<intCount])
        fraction = String(digits[intCount...])
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let value = (newInteger.isEmpty ? "0" : newInteger) + (fraction.isEmpty ? "" : "." + fraction)
        return (negative ? "-" : "") + value
    }
}

extension WorksheetReader {
    /// Reads a filled XLSX worksheet: the fixed cells compared with `issued`, then the data rows
    /// checked like a CSV worksheet's.
    static func xlsx(
        _ bytes: [UInt8], file: String, issued: Worksheet.Sheet
    ) throws -> (rows: [Appraisal], problems: InputProblems, unreadable: Set<Cell>) {
        let (table, changed) = try xlsxTable(bytes, file: file, issued: issued)
        var (rows, problems, unreadable) = try read(table, file: file)
        var all = changed
        for e in problems.errors { all.add(e) }
        problems = all
        return (rows, problems, unreadable)
    }
}
