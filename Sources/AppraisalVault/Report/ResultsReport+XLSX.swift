/// The report as an XLSX workbook (docs/report.md, "XLSX"): the annexes as sheets of cells.
extension ResultsReport {
    /// The Vietnamese name of a scoring method, as the report shows it.
    public static func methodName(_ method: ScoringMethod) -> String {
        switch method {
        case .selfAssessed: "Tự đánh giá"
        case .council: "Hội đồng chấm"
        case .survey: "Điều tra xã hội học"
        case .bonus: "Điểm thưởng"
        case .penalty: "Điểm trừ"
        }
    }

    /// The workbook: per group (of its criteria set) one sheet with the ranking and the appraised
    /// points per field, then one sheet of every adjustment with its reason and appraiser, and,
    /// when some set has bonus or penalty items, one sheet of every bonus and penalty other than 0
    /// (annex IV). Scores,
    /// maxima, differences and percents are number cells shown with two decimals (`0.00`); ranks
    /// are whole numbers; column titles are Vietnamese. Row 1 is the sheet's title, row 2 the
    /// column titles (frozen).
    public func xlsx() -> [UInt8] {
        var sheets = [(name: String, rows: [[SheetCell]], styles: [[XLSXWriter.Style]])]()
        func number(_ p: Points) -> (SheetCell, XLSXWriter.Style) { (.number(p.description), .decimal) }
        func text(_ s: String) -> (SheetCell, XLSXWriter.Style) { (.text(s), .wrap) }
        func add(_ name: String, title: String, header: [String], body: [[(SheetCell, XLSXWriter.Style)]]) {
            sheets.append(
                (
                    name, [[.text(title)], header.map { .text($0) }] + body.map { $0.map(\.0) },
                    [[.title], header.map { _ in .bold }] + body.map { $0.map(\.1) }
                ))
        }
        for group in round.groups {
            let rows = ranking(of: group)
            guard !rows.isEmpty else { continue }
            let set = round.plan.set(group: group.id)
            let fields = set?.framework.fields ?? []
            let extras = !(set?.framework.bonusAndPenalty.isEmpty ?? true)
            var header = ["Hạng", "Mã đơn vị", "Đơn vị", "Điểm tự chấm", "Điểm thẩm định"]
            if extras { header += ["Điểm thưởng", "Điểm trừ", "Tổng điểm cuối cùng"] }
            header += ["Điểm tối đa", "Chỉ số (%)", "Xếp loại"]
            // The counted maxima (spec §6.4), the same every unit of the group has.
            for (field, counted) in zip(fields, rows[0].result.fields) {
                header.append("LV \(field.code). \(field.title) (tối đa \(ResultsReport.vietnamese(counted.max)))")
            }
            let body = rows.map { unit, r in
                [(.number(String(r.rank)), .normal), text(unit.id), text(unit.name)]
                    + [number(r.selfTotal), number(r.appraisedTotal)]
                    + (extras ? [number(r.bonus), number(r.penalty), number(r.finalTotal)] : [])
                    + [number(r.maxTotal), number(r.percent)]
                    + [text(r.label)] + r.fields.map { number($0.appraisedTotal) }
            }
            let setName = round.sets.count > 1 ? " (bộ tiêu chí \(set?.name ?? ""))" : ""
            add(
                group.name, title: "Xếp hạng và điểm theo lĩnh vực — \(group.name)\(setName)", header: header,
                body: body)
        }
        let names = appraiserNames
        let groupNames = Dictionary(uniqueKeysWithValues: round.groups.map { ($0.id, $0.name) })
        let body = adjustments.map { a in
            let method = round.plan.subCriterion(unit: a.unit.id, code: a.code)?.method
            return [
                text(groupNames[a.unit.group] ?? a.unit.group), text(a.unit.id), text(a.unit.name), text(a.code),
                text(a.title), text(method.map(ResultsReport.methodName) ?? ""),
                a.selfScore.map(number) ?? text(SelfAssessment.notAssessedMark),
                number(a.appraised), a.difference.map(number) ?? text(""), text(a.reason),
                text(names[a.appraiser] ?? a.appraiser),
            ]
        }
        add(
            "Điều chỉnh", title: "Các điều chỉnh so với điểm tự chấm (\(body.count))",
            header: [
                "Nhóm", "Mã đơn vị", "Đơn vị", "Mã tiêu chí", "Tiêu chí thành phần", "Phương pháp", "Điểm tự chấm",
                "Điểm thẩm định", "Chênh lệch", "Lý do", "Người thẩm định",
            ], body: body)
        if round.sets.contains(where: { !$0.framework.bonusAndPenalty.isEmpty }) {
            let rows = bonusAndPenalty.map { b in
                [
                    text(groupNames[b.unit.group] ?? b.unit.group), text(b.unit.id), text(b.unit.name),
                    text(ResultsReport.methodName(b.method)), text(b.code), text(b.title),
                    (SheetCell.number((b.method == .penalty ? "-" : "") + b.points.description), .decimal),
                    number(b.cap), text(b.reason), text(names[b.appraiser] ?? b.appraiser),
                ]
            }
            add(
                "Thưởng, trừ", title: "Điểm thưởng và điểm trừ (\(rows.count))",
                header: [
                    "Nhóm", "Mã đơn vị", "Đơn vị", "Loại", "Mã", "Nội dung", "Điểm", "Tối đa", "Lý do",
                    "Người thẩm định",
                ], body: rows)
        }
        if let history = historySheet() {
            add(
                "Giải trình", title: "Giải trình của đơn vị và thẩm định lại (\(history.rows.count))",
                header: history.header, body: history.rows)
        }
        let unique = XLSXWriter.sheetNames(sheets.map(\.name))
        let parts = zip(unique, sheets).map { name, sheet in
            XLSXWriter.Part(
                name: name,
                xml: XLSXWriter.sheetXML(
                    rows: sheet.rows, styles: sheet.styles, widths: XLSXWriter.fittedWidths(sheet.rows, from: 1),
                    frozenRows: 2, protected: false, extra: ""))
        }
        return XLSXWriter.workbook(parts, title: round.title)
    }
}
