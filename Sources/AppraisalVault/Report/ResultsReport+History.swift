/// The explanation round in the report (spec §12.7, docs/report.md): for every explained cell,
/// the preliminary score and reason, the unit's explanation with its evidence names, the member's
/// decision, the final score and the member's answer.
extension ResultsReport {
    /// The annex number of the history: after annex IV when some set has bonus and penalty items.
    var historyAnnexNumber: String {
        round.sets.contains(where: { !$0.framework.bonusAndPenalty.isEmpty }) ? "V" : "IV"
    }

    /// The body's pointer to the history annex ("" when the round had no explanation round).
    var historySentence: String {
        guard !results.history.isEmpty else { return "" }
        let changed = results.history.filter { $0.final?.kept == false }.count
        return "; kết quả giải trình của các đơn vị và thẩm định lại (\(results.history.count) ô, \(changed) ô "
            + "được điều chỉnh) tại Phụ lục \(historyAnnexNumber)"
    }

    /// What the member decided, in Vietnamese.
    static func decisionName(_ entry: Results.History) -> String {
        guard let final = entry.final else { return "Chưa thẩm định lại" }
        if entry.explanation == nil { return "Điều chỉnh ngoại lệ" }
        return final.kept ? "Giữ nguyên" : "Điều chỉnh"
    }

    /// The unit's explanation with its evidence names, as one text.
    static func explanationText(_ entry: Results.History) -> String {
        guard let e = entry.explanation else { return "(không có giải trình; Hội đồng cho phép điều chỉnh)" }
        return e.attachments.isEmpty ? e.text : e.text + "\nMinh chứng: " + e.attachments.joined(separator: "; ")
    }

    /// The history annex (HTML); "" when the round had no explanation round.
    func historyAnnex() -> String {
        guard !results.history.isEmpty else { return "" }
        let e = ResultsReport.escape
        let v = ResultsReport.vietnamese
        let names = appraiserNames
        let unitNames = Dictionary(uniqueKeysWithValues: round.units.map { ($0.id, $0.name) })
        var h = "<h2 class=\"annex\">PHỤ LỤC \(historyAnnexNumber). GIẢI TRÌNH VÀ THẨM ĐỊNH LẠI "
        h += "(\(results.history.count))</h2>\n" + annexNote
        h += "<table class=\"adj\"><thead><tr><th>Đơn vị</th><th>Mã</th><th>Tiêu chí thành phần</th>"
        h += "<th>Điểm sơ bộ</th><th>Lý do sơ bộ</th><th>Giải trình của đơn vị</th><th>Quyết định</th>"
        h += "<th>Điểm cuối cùng</th><th>Ý kiến thẩm định lại</th><th>Người thẩm định</th></tr></thead><tbody>\n"
        for entry in results.history {
            let final = entry.final?.score ?? entry.preliminaryScore
            h += "<tr><td>\(e(unitNames[entry.unit] ?? entry.unit))</td><td class=\"c\">\(e(entry.code))</td>"
            h += "<td>\(e(title(unit: entry.unit, code: entry.code)))</td>"
            h += "<td class=\"n\">\(v(entry.preliminaryScore))</td><td>\(e(entry.preliminaryReason))</td>"
            h += "<td>\(e(ResultsReport.explanationText(entry)))</td><td>\(ResultsReport.decisionName(entry))</td>"
            h += "<td class=\"n\"><strong>\(v(final))</strong></td><td>\(e(entry.final?.reason ?? ""))</td>"
            h += "<td>\(e(names[entry.member] ?? entry.member))</td></tr>\n"
        }
        return h + "</tbody></table>\n"
    }

    /// The history sheet's rows (XLSX), nil when the round had no explanation round.
    func historySheet() -> (header: [String], rows: [[(SheetCell, XLSXWriter.Style)]])? {
        guard !results.history.isEmpty else { return nil }
        let names = appraiserNames
        let unitNames = Dictionary(uniqueKeysWithValues: round.units.map { ($0.id, $0.name) })
        func text(_ s: String) -> (SheetCell, XLSXWriter.Style) { (.text(s), .wrap) }
        func number(_ p: Points) -> (SheetCell, XLSXWriter.Style) { (.number(p.description), .decimal) }
        let rows = results.history.map { entry in
            [
                text(entry.unit), text(unitNames[entry.unit] ?? entry.unit), text(entry.code),
                text(title(unit: entry.unit, code: entry.code)), number(entry.preliminaryScore),
                text(entry.preliminaryReason), text(entry.explanation?.text ?? ""),
                text(entry.explanation?.attachments.joined(separator: "; ") ?? ""),
                text(ResultsReport.decisionName(entry)), number(entry.final?.score ?? entry.preliminaryScore),
                text(entry.final?.reason ?? ""), text(names[entry.member] ?? entry.member),
            ]
        }
        return (
            [
                "Mã đơn vị", "Đơn vị", "Mã tiêu chí", "Tiêu chí thành phần", "Điểm sơ bộ", "Lý do sơ bộ",
                "Giải trình của đơn vị", "Minh chứng", "Quyết định", "Điểm cuối cùng", "Ý kiến thẩm định lại",
                "Người thẩm định",
            ], rows
        )
    }
}
