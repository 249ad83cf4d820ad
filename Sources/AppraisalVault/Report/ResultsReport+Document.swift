/// The report as an official document in the layout of Nghị định 30/2020/NĐ-CP (docs/report.md):
/// issuing body and number top left, national motto top right, place and date, title, body,
/// signature block and recipients, then the tables as annexes. One self-contained HTML page with a
/// print stylesheet for A4.
extension ResultsReport {
    /// Who issues and signs the document. The defaults are those of the provincial council.
    public struct Document: Sendable, Hashable {
        /// The governing body, first line of the top-left block.
        public var authority: String
        /// The issuing body, second line (bold).
        public var issuer: String
        /// The document number, `12/BC-HĐTĐ` (a number without `/` gets `/BC-HĐTĐ`); empty leaves
        /// it for the clerk to fill in.
        public var number: String
        /// The place in the place-and-date line.
        public var place: String
        /// The signer's title under "TM. <issuer>".
        public var signerTitle: String
        /// The signer's name; empty leaves the line for a hand-written name.
        public var signer: String
        /// The "Nơi nhận" list.
        public var recipients: [String]

        /// A document block; every argument has the council's default.
        public init(
            authority: String = "UBND TỈNH ĐIỆN BIÊN", issuer: String = "HỘI ĐỒNG THẨM ĐỊNH", number: String = "",
            place: String = "Điện Biên", signerTitle: String = "CHỦ TỊCH", signer: String = "",
            recipients: [String] = RoundDocument.defaultRecipients
        ) {
            self.authority = authority
            self.issuer = issuer
            self.number = number
            self.place = place
            self.signerTitle = signerTitle
            self.signer = signer
            self.recipients = recipients
        }

        /// The document block of a round's particulars (``RoundDefinition/document``), recipients included.
        public init(_ round: RoundDocument) {
            self.init(
                authority: round.issuer, issuer: round.council, number: round.number, place: round.place,
                signerTitle: round.signerTitle, signer: round.signer, recipients: round.recipients)
        }
    }

    /// `12/BC-HĐTĐ`, or with room for the number when it is not given yet.
    var documentNumber: String {
        if document.number.contains("/") { return document.number }
        let n = document.number.isEmpty ? "\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}" : document.number
        return "\(n)/BC-HĐTĐ"
    }

    /// `ngày 25 tháng 11 năm 2026` (Vietnam time), dotted when the release time is unreadable.
    var documentDate: String {
        guard let t = ResultsReport.vietnamTime(releasedAt) else { return "ngày … tháng … năm …" }
        return "ngày \(t.day) tháng \(t.month) năm \(t.year)"
    }

    /// `HỘI ĐỒNG THẨM ĐỊNH` → `Hội đồng thẩm định`, for the issuer's name inside a sentence.
    static func sentenceCase(_ s: String) -> String {
        let low = s.lowercased()
        return low.prefix(1).uppercased() + low.dropFirst()
    }

    /// The line under each annex title that ties it to the document.
    var annexNote: String {
        "<p class=\"annex-of\">(Kèm theo Báo cáo số \(ResultsReport.escape(documentNumber)) \(documentDate) của "
            + "\(ResultsReport.escape(ResultsReport.sentenceCase(document.issuer)))"
            + ")</p>\n"
    }

    /// The print stylesheet: A4 with the margins of Nghị định 30 (top and bottom 20 mm, left 30 mm,
    /// right 15 mm), Times New Roman 13 pt, page numbers top centre from page 2, table headers
    /// repeated on each page, no row split across pages.
    static let documentStyle = """
        @page{size:A4;margin:20mm 15mm 20mm 30mm;@top-center{content:counter(page);font:13pt "Times New Roman",serif}}
        @page:first{@top-center{content:none}}
        html{background:#888}
        body{font-family:"Times New Roman","Liberation Serif",Times,serif;font-size:13pt;line-height:1.3;color:#000;
        background:#fff;width:165mm;margin:1em auto;padding:20mm 15mm 20mm 30mm}
        @media print{html{background:none}body{width:auto;margin:0;padding:0}}
        .head{width:100%;border-collapse:collapse;margin:0;font-size:13pt}.head td{border:0;padding:0;text-align:center;
        vertical-align:top}.head td.l{width:40%}.head td.r{width:60%}
        .head .rule{display:inline-block;border-top:1px solid #000;width:40%;
        margin-top:2px}.head .motto{font-weight:bold;display:inline-block;border-bottom:1px solid #000;padding-bottom:1px}
        .head .sub{font-size:14pt;font-weight:bold}.place{font-style:italic;text-align:right;margin:.6em 0 0}
        .no{margin-top:.4em}h1.doc{font-size:14pt;font-weight:bold;text-align:center;margin:1.2em 0 0}
        .doc-sub{font-size:14pt;font-weight:bold;text-align:center;margin:0 0 .2em}.doc-rule{width:30%;margin:.2em auto 1em;
        border-top:1px solid #000}
        p.body{text-align:justify;text-indent:1.27cm;margin:.3em 0;font-size:14pt}
        .sign{width:100%;border-collapse:collapse;margin-top:1em;break-inside:avoid}.sign td{border:0;vertical-align:top;
        padding:0}.sign td.to{width:50%;font-size:11pt}.sign td.to b{font-size:12pt;font-style:italic}
        .sign td.by{text-align:center;font-weight:bold;font-size:14pt}.sign .space{height:28mm}
        .demo{color:#a00;font-weight:bold;text-align:center;border:2px solid #a00;padding:.3em;margin:.5em 0}
        h2.annex{font-size:14pt;text-align:center;margin:0;padding-top:10pt;break-before:page;border:0}
        p.annex-of{text-align:center;font-style:italic;margin:0 0 .8em}
        h3{font-size:13pt;margin:1em 0 .3em;break-after:avoid}
        table{border-collapse:collapse;width:100%;margin:.4em 0 1em;font-size:12pt}table.adj{font-size:11pt}
        thead{display:table-header-group}tr{break-inside:avoid}
        th,td{border:1px solid #000;padding:2px 4px;vertical-align:top}th{font-weight:bold;background:#eee}
        td.n{text-align:right;white-space:nowrap}td.c{text-align:center}
        .fp{font-family:"Liberation Mono",monospace;font-size:11pt;word-break:break-all}
        .note{font-size:11pt}svg{width:100%;height:auto;break-inside:avoid}
        """

    /// The HTML page: the official document with the tables as annexes, in Vietnamese.
    public func html() -> String {
        let e = ResultsReport.escape
        let d = document
        var h = """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(round.title))</title>
            <style>
            \(ResultsReport.documentStyle)
            </style></head><body>
            <table class="head"><tr><td class="l"><div>\(e(d.authority))</div><div><b>\(e(d.issuer))</b></div>
            <div class="rule"></div><div class="no">Số: \(e(documentNumber))</div></td>
            <td class="r"><div><b>CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></div>
            <div><span class="motto sub">Độc lập - Tự do - Hạnh phúc</span></div>
            <div class="place">\(e(d.place)), \(documentDate)</div></td></tr></table>
            <h1 class="doc">BÁO CÁO</h1>
            <div class="doc-sub">KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM \(round.year)</div>
            <div class="doc-sub">\(e(round.title))</div>
            <div class="doc-rule"></div>

            """
        if round.isDemo {
            h += "<div class=\"demo\">VÒNG DEMO — dữ liệu minh hoạ, không phải kết quả chính thức.</div>\n"
        }
        for reference in round.references { h += "<p class=\"body\"><i>Căn cứ \(e(reference));</i></p>\n" }
        let units = results.units.count
        let groups = round.groups.filter { !ranking(of: $0).isEmpty }.count
        h += """
            <p class="body">Thực hiện \(e(decision)), \(e(ResultsReport.sentenceCase(d.issuer))) báo cáo \
            kết quả thẩm định Chỉ số cải cách hành chính năm \(round.year) của \(units) đơn vị, chia thành \
            \(groups) nhóm, như sau:</p>
            <p class="body">1. Kết quả được mở khoá lúc \(e(ResultsReport.dateVietnamese(releasedAt))) bằng mã \
            mở khoá do \(round.release.threshold)/\(round.release.holders.count) người giữ khoá phê duyệt; dấu vân \
            tay của vòng thẩm định: <span class="fp">\(e(round.fingerprint.description))</span>.</p>
            <p class="body">2. Xếp hạng theo nhóm tại Phụ lục I; điểm theo lĩnh vực tại Phụ lục II; các điều chỉnh \
            so với điểm tự chấm (\(adjustments.count)), kèm lý do và người thẩm định, tại Phụ lục III\(extrasSentence)\(historySentence).</p>

            """
        if !results.surveyAvailable {
            h += "<p class=\"body\">3. Chưa có điểm điều tra xã hội học: chỉ số được tính trên tổng điểm tối đa "
            h += "của các tiêu chí đã thẩm định.</p>\n"
        }
        h += "<table class=\"sign\"><tr><td class=\"to\"><b>Nơi nhận:</b><br>\n"
        h += d.recipients.enumerated().map { i, r in
            "- \(e(r))\(i == d.recipients.count - 1 ? "." : ";")"
        }.joined(separator: "<br>\n")
        h += "</td>\n<td class=\"by\">TM. \(e(d.issuer))<br>\(e(d.signerTitle))<div class=\"space\"></div>"
        h += "\(d.signer.isEmpty ? "" : e(d.signer))</td></tr></table>\n"
        h += annexes()
        h += "<p class=\"note\">Tạo bởi AppraisalVault \(AppraisalVault.version).</p>\n</body></html>\n"
        return h
    }

    /// The body's pointer to annex IV, when some set has bonus or penalty items ("" otherwise).
    var extrasSentence: String {
        guard round.sets.contains(where: { !$0.framework.bonusAndPenalty.isEmpty }) else { return "" }
        return "; điểm thưởng, điểm trừ (\(bonusAndPenalty.count)), kèm lý do và người thẩm định, tại Phụ lục IV"
    }
}
