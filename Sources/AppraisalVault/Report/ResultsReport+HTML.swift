internal import Foundation

/// The printable HTML page (one self-contained file: inline CSS and SVG, no external assets).
extension ResultsReport {
    /// Escapes text for HTML element content and attribute values.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The annexes of the official document (``html()``), in Vietnamese: the ranking and chart per
    /// group, the per-field breakdown and every adjustment.
    func annexes() -> String {
        let e = ResultsReport.escape
        let v = ResultsReport.vietnamese
        var h = ""
        // Ranking and chart per group.
        h += "<h2 class=\"annex\">PHỤ LỤC I. XẾP HẠNG THEO NHÓM</h2>\n" + annexNote
        for group in round.groups {
            let rows = ranking(of: group)
            guard !rows.isEmpty else { continue }
            // Bonus and penalty columns only where the group's set has such items (spec §6.4).
            let extras = !(round.plan.set(group: group.id)?.framework.bonusAndPenalty.isEmpty ?? true)
            h += "<h3>\(e(group.name))</h3>\n<table><thead><tr><th>Hạng</th><th>Đơn vị</th><th>Điểm tự chấm</th>"
            h += "<th>Điểm thẩm định</th>"
            if extras { h += "<th>Điểm thưởng</th><th>Điểm trừ</th><th>Tổng điểm cuối cùng</th>" }
            h += "<th>Điểm tối đa</th><th>Chỉ số (%)</th><th>Xếp loại</th></tr></thead><tbody>\n"
            for (unit, r) in rows {
                h += "<tr><td class=\"c\">\(r.rank)</td><td>\(e(unit.name))</td><td class=\"n\">\(v(r.selfTotal))</td>"
                h += "<td class=\"n\">\(v(r.appraisedTotal))</td>"
                if extras {
                    h += "<td class=\"n\">\(v(r.bonus))</td><td class=\"n\">\(v(r.penalty))</td>"
                    h += "<td class=\"n\"><strong>\(v(r.finalTotal))</strong></td>"
                }
                h += "<td class=\"n\">\(v(r.maxTotal))</td>"
                h += "<td class=\"n\">\(ResultsReport.percentVietnamese(r.percent))</td><td>\(e(r.label))</td></tr>\n"
            }
            h += "</tbody></table>\n"
            h +=
                "<p class=\"note\">Điểm tự chấm chỉ gồm các tiêu chí thành phần do đơn vị tự đánh giá; điểm thẩm định gồm cả "
            h += "các tiêu chí do Hội đồng chấm\(results.surveyAvailable ? " và điểm điều tra xã hội học" : ""). "
            h +=
                "Các đơn vị có cùng chỉ số cùng hạng và được liệt kê theo thứ tự trong danh sách đơn vị của vòng.</p>\n"
            if extras { h += extrasNote }
            h += chart(rows.map { ($0.unit.name, $0.result.percent) }, title: group.name)
        }
        // Breakdown by field.
        h += "<h2 class=\"annex\">PHỤ LỤC II. ĐIỂM THEO LĨNH VỰC</h2>\n" + annexNote
        for group in round.groups {
            let rows = ranking(of: group)
            guard !rows.isEmpty else { continue }
            let fields = round.plan.set(group: group.id)?.framework.fields ?? []
            h += "<h3>\(e(group.name))</h3>\n<table><thead><tr><th>Đơn vị</th>"
            // The counted maxima (spec §6.4: survey cells count only when survey scores exist),
            // the same the index and the ranking use; every unit of a group shares them.
            for field in fields {
                h +=
                    "<th title=\"\(e(field.title))\">LV \(e(field.code))<br><span class=\"note\">tối đa \(v(countedMax(of: field)))</span></th>"
            }
            h += "<th>Tổng</th></tr></thead><tbody>\n"
            for (unit, r) in rows {
                h += "<tr><td>\(e(unit.name))</td>"
                for f in r.fields { h += "<td class=\"n\">\(v(f.appraisedTotal))</td>" }
                h += "<td class=\"n\"><strong>\(v(r.appraisedTotal))</strong></td></tr>\n"
            }
            h += "</tbody></table>\n"
        }
        if !results.surveyAvailable {
            h += "<p class=\"note\">Chưa có điểm điều tra xã hội học: điểm tối đa của mỗi lĩnh vực là điểm tối đa được "
            h += "tính (không gồm các tiêu chí điều tra), như chỉ số và xếp hạng.</p>\n"
        }
        for set in round.sets {
            h += "<p class=\"note\">Lĩnh vực\(round.sets.count > 1 ? " (\(e(set.name)))" : ""): "
            h += set.framework.fields.map { "\(e($0.code)). \(e($0.title))" }.joined(separator: "; ") + ".</p>\n"
        }
        // Adjustments.
        let names = appraiserNames
        let list = adjustments
        h += "<h2 class=\"annex\">PHỤ LỤC III. CÁC ĐIỀU CHỈNH SO VỚI ĐIỂM TỰ CHẤM (\(list.count))</h2>\n" + annexNote
        let notAssessed = notAssessedCount
        if notAssessed > 0 {
            h += "<p class=\"note\"><i>\(SelfAssessment.notAssessedMark)</i>: đơn vị không tự chấm tiêu chí thành phần "
            h += "này (\(notAssessed) ô); điểm tự chấm tính là 0 và điểm thẩm định phải kèm lý do.</p>\n"
        }
        if list.isEmpty {
            h += "<p>Không có điều chỉnh nào.</p>\n"
        } else {
            h +=
                "<table class=\"adj\"><thead><tr><th>Đơn vị</th><th>Mã</th><th>Tiêu chí thành phần</th><th>Tự chấm</th><th>Thẩm định</th>"
            h += "<th>Chênh lệch</th><th>Lý do</th><th>Người thẩm định</th></tr></thead><tbody>\n"
            for a in list {
                h += "<tr><td>\(e(a.unit.name))</td><td class=\"c\">\(e(a.code))</td><td>\(e(a.title))</td>"
                // Not self-assessed (spec §3.5): the mark instead of a score, no difference.
                h +=
                    a.selfScore.map { "<td class=\"n\">\(v($0))</td>" }
                    ?? "<td class=\"c\"><i>\(SelfAssessment.notAssessedMark)</i></td>"
                h += "<td class=\"n\">\(v(a.appraised))</td>"
                h +=
                    "<td class=\"n\">\(a.difference.map(ResultsReport.signedVietnamese) ?? "")</td><td>\(e(a.reason))</td>"
                h += "<td>\(e(names[a.appraiser] ?? a.appraiser))</td></tr>\n"
            }
            h += "</tbody></table>\n"
        }
        return h + extrasAnnex() + historyAnnex()
    }

    /// The formula note under a ranking with bonus and penalty columns (spec §6.4).
    var extrasNote: String {
        let cap = round.plan.indexAbove100 ? "có thể vượt 100" : "tối đa là 100"
        return "<p class=\"note\">Tổng điểm cuối cùng = điểm thẩm định + điểm thưởng − điểm trừ (không nhỏ hơn 0); "
            + "chỉ số = tổng điểm cuối cùng ÷ điểm tối đa × 100 (\(cap)); xếp hạng theo chỉ số này.</p>\n"
    }

    /// Annex IV: every bonus and penalty other than 0, with its reason and appraiser; absent when
    /// no set has such items.
    func extrasAnnex() -> String {
        guard round.sets.contains(where: { !$0.framework.bonusAndPenalty.isEmpty }) else { return "" }
        let e = ResultsReport.escape
        let names = appraiserNames
        let list = bonusAndPenalty
        var h = "<h2 class=\"annex\">PHỤ LỤC IV. ĐIỂM THƯỞNG, ĐIỂM TRỪ (\(list.count))</h2>\n" + annexNote
        guard !list.isEmpty else { return h + "<p>Không có điểm thưởng, điểm trừ nào.</p>\n" }
        h += "<table class=\"adj\"><thead><tr><th>Đơn vị</th><th>Loại</th><th>Mã</th><th>Nội dung</th>"
        h += "<th>Điểm</th><th>Tối đa</th><th>Lý do</th><th>Người thẩm định</th></tr></thead><tbody>\n"
        for x in list {
            h += "<tr><td>\(e(x.unit.name))</td><td>\(x.method == .bonus ? "Thưởng" : "Trừ")</td>"
            h += "<td class=\"c\">\(e(x.code))</td><td>\(e(x.title))</td>"
            h += "<td class=\"n\">\(x.method == .bonus ? "+" : "-")\(ResultsReport.vietnamese(x.points))</td>"
            h += "<td class=\"n\">\(ResultsReport.vietnamese(x.cap))</td><td>\(e(x.reason))</td>"
            h += "<td>\(e(names[x.appraiser] ?? x.appraiser))</td></tr>\n"
        }
        return h + "</tbody></table>\n"
    }

    /// A horizontal bar chart of the index per unit, as inline SVG.
    func chart(_ bars: [(name: String, percent: Points)], title: String) -> String {
        let e = ResultsReport.escape
        let rowHeight = 18
        let labelWidth = 300
        let barWidth = 360
        let top = 24
        let height = top + bars.count * rowHeight + 24
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Biểu đồ chỉ số — \(e(title))\" "
        s +=
            "viewBox=\"0 0 \(labelWidth + barWidth + 70) \(height)\" font-family=\"Times New Roman,serif\" font-size=\"11\">\n"
        s += "<text x=\"0\" y=\"14\" font-weight=\"bold\">Chỉ số CCHC (%) — \(e(title))</text>\n"
        for tick in stride(from: 0, through: 100, by: 20) {
            let x = labelWidth + barWidth * tick / 100
            s += "<line x1=\"\(x)\" y1=\"\(top - 4)\" x2=\"\(x)\" y2=\"\(height - 18)\" stroke=\"#ccc\"/>"
            s += "<text x=\"\(x)\" y=\"\(height - 6)\" text-anchor=\"middle\">\(tick)</text>\n"
        }
        for (i, bar) in bars.enumerated() {
            let y = top + i * rowHeight
            let clamped = min(max(bar.percent.value, 0), 100)
            let width = NSDecimalNumber(decimal: clamped * Decimal(barWidth) / 100).intValue
            s += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 13)\" text-anchor=\"end\">\(e(bar.name))</text>"
            s +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"\(rowHeight - 6)\" fill=\"#2b5797\"/>"
            s +=
                "<text x=\"\(labelWidth + width + 4)\" y=\"\(y + 13)\">\(ResultsReport.percentVietnamese(bar.percent))</text>\n"
        }
        return s + "</svg>\n"
    }
}
