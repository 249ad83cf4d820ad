/// The XLSX worksheet (docs/spec/03-round.md §3.9): the rows of ``Worksheet/rows(for:in:)``
/// laid out under a header block, with Vietnamese column titles.
///
/// Layout: rows 1–5 the header block (round title, member, round fingerprint, year, deadline),
/// row 6 the Vietnamese column titles, row 7 the column names of ``Worksheet/columns``
/// (what `seal` and a CSV export read), then one row per cell. Only the columns of
/// ``Worksheet/editableColumns`` on the data rows are unlocked; every other cell must come back
/// as issued.
extension Worksheet {
    /// The columns a member fills in; every other cell of the sheet is fixed.
    public static let editableColumns = ["diem_tham_dinh", "ly_do"]

    /// The Vietnamese title of each column (a column without one shows its name).
    public static let columnTitles = [
        "ma_don_vi": "Mã đơn vị", "ten_don_vi": "Tên đơn vị", "ma_tieu_chi": "Mã tiêu chí", "tieu_chi": "Tiêu chí",
        "diem_toi_da": "Điểm tối đa", "diem_tu_cham": "Điểm tự chấm", "diem_tham_dinh": "Điểm thẩm định",
        "ly_do": "Lý do",
    ]

    /// The spreadsheet form of a member's worksheet.
    public struct Sheet: Sendable {
        /// The rows, from row 1; each row's cells from column 1.
        public let rows: [[SheetCell]]
        /// The 1-based row of the column names (``Worksheet/columns``); data rows follow it.
        public let namesRow: Int
        /// The 1-based columns a member may edit on the data rows.
        public let editable: Set<Int>
        /// The maximum and step of each data row, in row order.
        public let limits: [(max: Points, step: Points)]

        /// True when the cell at 1-based `row`, `column` is a member's to fill.
        public func isEditable(row: Int, column: Int) -> Bool {
            row > namesRow && row <= namesRow + limits.count && editable.contains(column)
        }
    }

    /// The header-block label texts (Vietnamese; the sheet is for the council's members).
    static let headerLabels = ["Vòng thẩm định", "Thành viên", "Dấu vân tay của vòng", "Năm", "Hạn nộp"]

    /// The deadline cell's text when the round has none.
    static let noDeadline = "Theo thông báo của thư ký"

    /// The sheet of `member`'s worksheet in `round`.
    public static func sheet(for member: Member, in round: RoundDefinition) -> Sheet {
        let table = rows(for: member, in: round)
        let names = table[0]
        let width = names.count
        func pad(_ r: [SheetCell]) -> [SheetCell] { r + [SheetCell](repeating: .empty, count: max(0, width - r.count)) }
        var out: [[SheetCell]] = [
            pad([.text(headerLabels[0]), .text(round.title)]),
            pad([.text(headerLabels[1]), .text("\(member.identity.name) (\(member.id))")]),
            pad([.text(headerLabels[2]), .text(round.fingerprint.description)]),
            pad([.text(headerLabels[3]), .number(String(round.year))]),
            pad([
                .text(headerLabels[4]),
                .text(round.deadline.isEmpty ? noDeadline : RoundDocument.vietnameseDate(round.deadline)),
            ]),
            names.map { .text(columnTitles[$0] ?? $0) },
            names.map { .text($0) },
        ]
        let codeColumn = names.firstIndex(of: "ma_tieu_chi")
        let unitColumn = names.firstIndex(of: "ma_don_vi")
        var limits = [(max: Points, step: Points)]()
        for row in table.dropFirst() {
            out.append(
                zip(names, row).map { name, value in
                    if value.isEmpty { return .empty }
                    if name.hasPrefix("diem_"), let p = Points(parsing: value) { return .number(p.description) }
                    return .text(value)
                })
            // Each unit's sub-criterion is that of its criteria set (spec §3.3).
            if let codeColumn, let unitColumn,
                let sub = round.plan.subCriterion(unit: row[unitColumn], code: row[codeColumn])
            {
                limits.append((sub.max, sub.step))
            } else {
                limits.append((.zero, .quarter))
            }
        }
        let editable = Set(names.enumerated().filter { editableColumns.contains($0.element) }.map { $0.offset + 1 })
        return Sheet(rows: out, namesRow: 7, editable: editable, limits: limits)
    }

    /// The XLSX file bytes of `member`'s worksheet.
    public static func encodeXLSX(for member: Member, in round: RoundDefinition) -> [UInt8] {
        XLSXWriter.worksheet(sheet(for: member, in: round), title: round.title)
    }
}

extension Worksheet {
    /// A worksheet file format.
    public enum FileFormat: Sendable, Hashable {
        /// The XLSX workbook (the default).
        case xlsx
        /// CSV; `vietnamese` writes `;` between fields and decimal commas (what Excel in a
        /// Vietnamese locale opens as columns and numbers).
        case csv(vietnamese: Bool)
    }

    /// The CSV bytes of the worksheet with `;` and decimal commas in the points columns.
    public static func encodeVietnameseCSV(for member: Member, in round: RoundDefinition) -> [UInt8] {
        let table = rows(for: member, in: round)
        let names = table[0]
        let body = table.dropFirst().map { row in
            zip(names, row).map { name, value in
                name.hasPrefix("diem_") && Points(parsing: value) != nil
                    ? String(value.map { $0 == "." ? "," : $0 }) : value
            }
        }
        return CSV.write(
            headerBlock(for: member, in: round) + [names] + body, separator: CSV.semicolon, byteOrderMark: true)
    }

    /// Writes the worksheet of the member `memberID` to `path` in `format` (mode 600: it will hold
    /// scores).
    ///
    /// - Returns: the member and the number of cells on the worksheet.
    /// - Throws: ``AppraisalError`` `worksheet.unknown-member` (listing the round's members), or a
    ///   file error.
    public static func write(
        member memberID: String, of round: RoundDefinition, to path: String, format: FileFormat
    ) throws -> (member: Member, cells: Int) {
        guard let member = round.member(memberID) else {
            throw InputError(
                .worksheetUnknownMember, [.member(memberID), .text(round.members.map(\.id).joined(separator: ", "))])
        }
        let bytes =
            switch format {
            case .xlsx: encodeXLSX(for: member, in: round)
            case .csv(vietnamese: false): encode(for: member, in: round)
            case .csv(vietnamese: true): encodeVietnameseCSV(for: member, in: round)
            }
        try FileIO.writeAtomically(bytes, to: path, mode: 0o600)
        return (member, round.cells(of: member).count)
    }
}
