/// The second-round sheet (spec §12.6): what `worksheet --second` writes from the member's
/// forwarded explanations and `seal --second` reads back, one row per forwarded cell.
///
/// Columns: the worksheet's identity columns (§3.9), the round-1 values and the unit's explanation
/// (read-only), then `quyet_dinh`, `diem_tham_dinh` and `ly_do` for the member to fill.
public enum SecondSheet {
    /// One forwarded cell, as the sheet shows it.
    public struct Item: Sendable, Hashable {
        /// The unit id.
        public let unit: String
        /// The cell's code.
        public let code: String
        /// The file hash of the forwarded explanation (kind 22) it came in.
        public let explanation: [UInt8]
        /// The round-1 self score, if any.
        public let selfScore: Points?
        /// The round-1 appraised score.
        public let score: Points?
        /// The round-1 reason.
        public let reason: String
        /// The unit's explanation text.
        public let text: String
        /// The names of the evidence the unit cites.
        public let attachments: [String]

        /// An item.
        public init(
            unit: String, code: String, explanation: [UInt8], selfScore: Points?, score: Points?, reason: String,
            text: String, attachments: [String]
        ) {
            self.unit = unit
            self.code = code
            self.explanation = explanation
            self.selfScore = selfScore
            self.score = score
            self.reason = reason
            self.text = text
            self.attachments = attachments
        }

        /// The cell.
        public var cell: Cell { Cell(unit: unit, code: code) }
    }

    /// The columns, in order; the last three are the member's to fill.
    public static let columns = [
        "ma_don_vi", "ten_don_vi", "ma_tieu_chi", "tieu_chi", "diem_toi_da", "diem_tu_cham", "diem_vong_1",
        "ly_do_vong_1", "giai_trinh", "minh_chung", "quyet_dinh", "diem_tham_dinh", "ly_do",
    ]
    /// The columns checked against the forwarded files when a CSV comes back (numeric or text).
    static let fixed: [(name: String, numeric: Bool)] = [
        ("ten_don_vi", false), ("tieu_chi", false), ("diem_toi_da", true), ("diem_tu_cham", true),
        ("diem_vong_1", true), ("ly_do_vong_1", false), ("giai_trinh", false), ("minh_chung", false),
    ]
    /// The column titles (Vietnamese), above the column names in the XLSX form.
    static let titles = [
        "Mã đơn vị", "Tên đơn vị", "Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định vòng 1",
        "Lý do vòng 1", "Nội dung giải trình", "Minh chứng", "Quyết định (giữ / sửa)", "Điểm thẩm định lại",
        "Lý do (trả lời giải trình)",
    ]
    /// `quyet_dinh` values read as keeping the round-1 score (NFC, trimmed, lowercased).
    public static let keepWords: Set<String> = ["giữ", "giu", "keep"]
    /// `quyet_dinh` values read as changing it.
    public static let changeWords: Set<String> = ["sửa", "sua", "change"]

    /// The informational values of `item`'s row, by column name (canonical decimals).
    static func fixedValues(_ item: Item, round: RoundDefinition) -> [String: String] {
        let sub = round.plan.subCriterion(unit: item.unit, code: item.code)
        return [
            "ten_don_vi": round.units.first(where: { $0.id == item.unit })?.name ?? "",
            "tieu_chi": sub.map { Worksheet.title(of: $0) } ?? "",
            "diem_toi_da": sub?.max.description ?? "",
            "diem_tu_cham": item.selfScore?.description ?? "",
            "diem_vong_1": item.score?.description ?? "",
            "ly_do_vong_1": item.reason,
            "giai_trinh": item.text,
            "minh_chung": item.attachments.joined(separator: "; "),
        ]
    }

    /// The rows, header first; text neutralised for spreadsheets, decimals canonical or with a comma.
    public static func rows(_ items: [Item], round: RoundDefinition, decimalComma: Bool = false) -> [[String]] {
        [columns]
            + items.map { item in
                let v = fixedValues(item, round: round)
                return [item.unit, CSV.spreadsheetText(v["ten_don_vi"]!), item.code]
                    + fixed.dropFirst().map { c in
                        c.numeric
                            ? (decimalComma ? String(v[c.name]!.map { $0 == "." ? "," : $0 }) : v[c.name]!)
                            : CSV.spreadsheetText(v[c.name]!)
                    } + ["", "", ""]
            }
    }

    /// The sheet as CSV: UTF-8 with BOM; `,` and `.`, or (`vietnamese`) `;` and decimal commas.
    public static func csv(_ items: [Item], round: RoundDefinition, vietnamese: Bool) -> [UInt8] {
        CSV.write(
            rows(items, round: round, decimalComma: vietnamese), separator: vietnamese ? CSV.semicolon : CSV.comma,
            byteOrderMark: true)
    }

    /// The sheet as a workbook sheet: a header block (round, member), the titles on row 3, the
    /// column names on row 4, one row per item; only the last three columns are unlocked.
    public static func sheet(_ items: [Item], round: RoundDefinition, member: Member) -> Worksheet.Sheet {
        let width = columns.count
        func pad(_ r: [SheetCell]) -> [SheetCell] { r + [SheetCell](repeating: .empty, count: width - r.count) }
        func text(_ s: String) -> SheetCell { s.isEmpty ? .empty : .text(s) }
        var out: [[SheetCell]] = [
            pad([.text("Thẩm định lại (vòng 2)"), .text(round.title)]),
            pad([.text("Thành viên"), .text("\(member.identity.name) (\(member.id))")]),
            titles.map { .text($0) },
            columns.map { .text($0) },
        ]
        var limits = [(max: Points, step: Points)]()
        for item in items {
            let v = fixedValues(item, round: round)
            let sub = round.plan.subCriterion(unit: item.unit, code: item.code)
            limits.append((sub?.max ?? .zero, sub?.step ?? Points.quarter))
            out.append(
                pad(
                    [.text(item.unit), text(v["ten_don_vi"]!), .text(item.code)]
                        + fixed.dropFirst().map { c in
                            c.numeric ? (v[c.name]!.isEmpty ? .empty : .number(v[c.name]!)) : text(v[c.name]!)
                        }))
        }
        return Worksheet.Sheet(rows: out, namesRow: 4, editable: [11, 12, 13], limits: limits)
    }

    /// The sheet as an XLSX workbook.
    public static func xlsx(_ items: [Item], round: RoundDefinition, member: Member) -> [UInt8] {
        XLSXWriter.worksheet(sheet(items, round: round, member: member), title: round.title)
    }
}
