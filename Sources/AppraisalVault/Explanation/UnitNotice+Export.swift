// What `avault notice open` writes (spec §12.3): the printable page and the answer sheet. Both
// hold only what the notice holds: the unit's own cells and totals, no rank, nothing of others.

extension UnitNotice {
    /// The answer sheet's columns (spec §12.3); the last three are the unit's to fill (§12.4).
    public static let sheetColumns = [
        "ma_don_vi", "ma_tieu_chi", "tieu_chi", "diem_toi_da", "diem_tu_cham", "diem_tham_dinh", "chenh_lech",
        "ly_do_tham_dinh", "y_kien", "giai_trinh", "minh_chung",
    ]

    /// The answer sheet's rows, header first: one per cell, informational text neutralised for
    /// spreadsheets (``CSV/spreadsheetText(_:)``), decimals canonical or with a decimal comma.
    public func sheetRows(decimalComma: Bool = false) -> [[String]] {
        func number(_ p: Points?) -> String {
            guard let p else { return "" }
            return decimalComma ? String(p.description.map { $0 == "." ? "," : $0 }) : p.description
        }
        return [Self.sheetColumns]
            + cells.map { c in
                [
                    unit, c.code, CSV.spreadsheetText(c.shownTitle), number(c.max), number(c.selfScore),
                    number(c.score),
                    number(c.difference), CSV.spreadsheetText(c.reason), "", "", "",
                ]
            }
    }

    /// The answer sheet as CSV: UTF-8 with BOM; `,` and `.`, or (`vietnamese`) `;` and decimal commas.
    public func sheetCSV(vietnamese: Bool) -> [UInt8] {
        CSV.write(
            sheetRows(decimalComma: vietnamese), separator: vietnamese ? CSV.semicolon : CSV.comma,
            byteOrderMark: true)
    }

    /// The answer sheet's column titles (Vietnamese), above the column names in the XLSX form.
    static let sheetTitles = [
        "Mã đơn vị", "Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định", "Chênh lệch",
        "Lý do thẩm định", "Ý kiến (đồng ý / không đồng ý)", "Nội dung giải trình", "Minh chứng",
    ]
    /// The answer sheet's header-block labels (rows 1–4 of the XLSX form).
    static let sheetLabels = ["Thông báo kết quả thẩm định", "Đơn vị", "Năm", "Hạn giải trình"]

    /// The answer sheet as a workbook sheet (spec §12.3): a header block (round, unit, year,
    /// deadline), the column titles, the column names on row 6, one row per cell; only `y_kien`,
    /// `giai_trinh` and `minh_chung` are unlocked. ``AnswerSheet`` compares every other cell of a
    /// returned workbook with this one.
    public func sheet() -> Worksheet.Sheet {
        let width = Self.sheetColumns.count
        func pad(_ r: [SheetCell]) -> [SheetCell] { r + [SheetCell](repeating: .empty, count: width - r.count) }
        func number(_ p: Points?) -> SheetCell { p.map { .number($0.description) } ?? .empty }
        func text(_ s: String) -> SheetCell { s.isEmpty ? .empty : .text(s) }
        var rows: [[SheetCell]] = [
            pad([.text(Self.sheetLabels[0]), .text(roundTitle)]),
            pad([.text(Self.sheetLabels[1]), .text("\(unitName) (\(unit))")]),
            pad([.text(Self.sheetLabels[2]), .number(String(year))]),
            pad([.text(Self.sheetLabels[3]), .text(answerBy)]),
            Self.sheetTitles.map { .text($0) },
            Self.sheetColumns.map { .text($0) },
        ]
        for c in cells {
            rows.append(
                pad([
                    .text(unit), .text(c.code), text(c.shownTitle), number(c.max), number(c.selfScore), number(c.score),
                    number(c.difference), text(c.reason),
                ]))
        }
        return Worksheet.Sheet(
            rows: rows, namesRow: 6, editable: [9, 10, 11], limits: cells.map { ($0.max, Points.quarter) })
    }

    /// The answer sheet as an XLSX workbook.
    public func sheetXLSX() -> [UInt8] { XLSXWriter.worksheet(sheet(), title: roundTitle) }

    /// The printable page, in Vietnamese, every text escaped; self-contained (inline CSS).
    /// Printed as the report is (docs/report.md): A4 with the margins of Nghị định 30/2020, Times
    /// New Roman 13 pt, the column titles repeated on every page, no row split across pages, every
    /// number with a decimal comma and two decimals, the deadline in Vietnam time.
    public func html() -> String {
        let e = ResultsReport.escape
        func n(_ p: Points?) -> String { p.map { e(ResultsReport.vietnamese($0)) } ?? "—" }
        let rows = cells.map { c in
            "<tr><td>\(e(c.code))</td><td>\(e(c.shownTitle))</td><td class=\"n\">\(n(c.max))</td>"
                + "<td class=\"n\">\(n(c.selfScore))</td><td class=\"n\">\(n(c.score))</td>"
                + "<td class=\"n\">\(n(c.difference))</td><td>\(e(c.reason).replacingNewlines)</td></tr>"
        }
        return """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>Thông báo kết quả thẩm định — \(e(unitName))</title>
            <style>@page{size:A4;margin:2cm 1.5cm 2cm 3cm}
            body{font-family:"Times New Roman",serif;font-size:13pt}table{border-collapse:collapse;width:100%}
            td,th{border:1px solid #444;padding:4px;vertical-align:top}td.n{text-align:right;white-space:nowrap}
            thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}
            h1{font-size:14pt;text-align:center}</style></head><body>
            <h1>THÔNG BÁO KẾT QUẢ THẨM ĐỊNH</h1>
            <p>\(e(roundTitle)) — năm \(year)</p>
            <p>Đơn vị: <b>\(e(unitName))</b> (\(e(unit)))</p>
            <p>Hạn gửi giải trình: <b>\(e(ResultsReport.dateVietnamese(answerBy)))</b></p>
            <table><thead><tr><th>Mã tiêu chí</th><th>Tiêu chí</th><th>Điểm tối đa</th><th>Điểm tự chấm</th>
            <th>Điểm thẩm định</th><th>Chênh lệch</th><th>Lý do</th></tr></thead>
            \(rows.joined(separator: "\n"))
            <tr><th colspan="2">Tổng</th><th class="n">\(n(maxTotal))</th><th class="n">\(n(selfTotal))</th>
            <th class="n">\(n(appraisedTotal))</th><th class="n">\(n(Points.sum(cells.compactMap(\.difference))))</th><th></th></tr>
            </table>
            \(extrasParagraph(n))<p>Kết quả sơ bộ, chưa phải kết quả chính thức; chỉ gửi riêng đơn vị.</p>
            </body></html>

            """
    }

    /// The bonus, penalty and final total line, when the unit's set has such items ("" otherwise).
    private func extrasParagraph(_ n: (Points?) -> String) -> String {
        guard cells.contains(where: { $0.kind != .subCriterion }) else { return "" }
        return "<p>Điểm thưởng: <b>\(n(bonusTotal))</b>; điểm trừ: <b>\(n(penaltyTotal))</b>; "
            + "tổng điểm cuối cùng (sơ bộ): <b>\(n(finalTotal))</b></p>\n"
    }
}

extension String {
    /// A decimal written with a decimal comma, as Vietnamese documents print it.
    fileprivate var replacingDots: String { String(map { $0 == "." ? "," : $0 }) }
    /// Line breaks as `<br>` (after escaping).
    fileprivate var replacingNewlines: String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>")
    }
}
