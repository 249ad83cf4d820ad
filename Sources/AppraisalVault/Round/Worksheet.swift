/// A member's worksheet: the spreadsheet-friendly list of exactly their cells (spec §3.9
/// step 3; columns in docs/spec/03-round.md §3.9).
///
/// CSV, UTF-8 with a byte-order mark (so Excel and LibreOffice detect UTF-8), comma-separated,
/// CRLF line ends: the header block of ``headerBlock(for:in:)`` (round title, member, round
/// fingerprint, year, deadline), one row with the Vietnamese column names of ``columns``, then
/// one row per cell in unit order then framework order; decimals are written canonically with `.`.
/// The last two columns are empty for the member to fill.
public enum Worksheet {
    /// The column names, in order.
    public static let columns = [
        "ma_don_vi", "ten_don_vi", "ma_tieu_chi", "tieu_chi", "diem_toi_da", "diem_tu_cham", "diem_tham_dinh", "ly_do",
    ]

    /// The rows (header first) of `member`'s worksheet in `round`.
    ///
    /// `diem_tu_cham` is the unit's self score for `self` sub-criteria, the text
    /// ``SelfAssessment/notAssessedMark`` when the unit did not self-assess one, and empty for
    /// `council` ones.
    /// The informational text columns `ten_don_vi` and `tieu_chi` are neutralised for spreadsheets
    /// (``CSV/spreadsheetText(_:)``): a title starting with `=` is not evaluated as a formula.
    public static func rows(for member: Member, in round: RoundDefinition) -> [[String]] {
        let names = Dictionary(uniqueKeysWithValues: round.units.map { ($0.id, $0.name) })
        var rows = [columns]
        for cell in round.cells(of: member) {
            let sub = round.plan.subCriterion(unit: cell.unit, code: cell.code)!
            let selfScore =
                round.selfAssessment.isNotAssessed(unit: cell.unit, code: cell.code)
                ? SelfAssessment.notAssessedMark
                : round.selfAssessment.score(unit: cell.unit, code: cell.code)?.description ?? ""
            rows.append([
                cell.unit, CSV.spreadsheetText(names[cell.unit]!), cell.code, CSV.spreadsheetText(title(of: sub)),
                sub.max.description, selfScore, "", "",
            ])
        }
        return rows
    }

    /// The `tieu_chi` text of a row: the title, prefixed `Điểm thưởng: ` or `Điểm trừ: ` for a
    /// bonus or penalty item (spec §3.9), so the member sees what a value other than 0 means.
    static func title(of sub: Framework.SubCriterion) -> String { title(sub.title, of: sub.method) }

    /// `title` as a row of `method` shows it (the prefix of ``title(of:)``).
    static func title(_ title: String, of method: ScoringMethod) -> String {
        switch method {
        case .bonus: "Điểm thưởng: " + title
        case .penalty: "Điểm trừ: " + title
        case .selfAssessed, .council, .survey: title
        }
    }

    /// The header block of the file forms (spec §3.9): label and value of the round title, the
    /// member's name and id, the round fingerprint, the year and the deadline (`DD/MM/YYYY`, or
    /// ``noDeadline``), each row padded with empty fields to the width of ``columns``. Readers
    /// skip it: a worksheet is read from its row of column names on.
    public static func headerBlock(for member: Member, in round: RoundDefinition) -> [[String]] {
        let values = [
            CSV.spreadsheetText(round.title), CSV.spreadsheetText("\(member.identity.name) (\(member.id))"),
            round.fingerprint.description, String(round.year),
            round.deadline.isEmpty ? noDeadline : RoundDocument.vietnameseDate(round.deadline),
        ]
        return zip(headerLabels, values).map { label, value in
            [label, value] + [String](repeating: "", count: columns.count - 2)
        }
    }

    /// The worksheet file bytes.
    public static func encode(for member: Member, in round: RoundDefinition) -> [UInt8] {
        CSV.write(
            headerBlock(for: member, in: round) + rows(for: member, in: round), separator: CSV.comma,
            byteOrderMark: true)
    }

    /// Writes the worksheet of the member `memberID` to `path` (mode 600: it will hold scores).
    ///
    /// - Returns: the member and the number of cells on the worksheet.
    /// - Throws: ``AppraisalError`` `worksheet.unknown-member` (listing the round's members), or a
    ///   file error.
    public static func write(
        member memberID: String, of round: RoundDefinition, to path: String
    ) throws -> (member: Member, cells: Int) {
        guard let member = round.member(memberID) else {
            throw InputError(
                .worksheetUnknownMember, [.member(memberID), .text(round.members.map(\.id).joined(separator: ", "))])
        }
        try FileIO.writeAtomically(encode(for: member, in: round), to: path, mode: 0o600)
        return (member, round.cells(of: member).count)
    }
}
