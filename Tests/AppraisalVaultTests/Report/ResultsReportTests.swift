import Testing

@testable import AppraisalVault

@Suite("Report formatting")
struct ResultsReportTests {
    /// Text that reaches the HTML page is escaped, so a reason cannot inject markup or script.
    @Test func htmlEscaping() {
        #expect(
            ResultsReport.escape("<script>alert('x')</script> & \"q\"")
                == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
        #expect(ResultsReport.escape("Nguyễn Văn An") == "Nguyễn Văn An")
    }

    /// Scores show a decimal comma; percentages always two decimals; differences carry a sign.
    @Test func vietnameseNumbers() {
        #expect(ResultsReport.vietnamese(Points(parsing: "86.75")!) == "86,75")
        #expect(ResultsReport.percentVietnamese(Points(parsing: "83")!) == "83,00")
        #expect(ResultsReport.percentVietnamese(Points(parsing: "85.5")!) == "85,50")
        #expect(ResultsReport.percentVietnamese(Points(parsing: "76.75")!) == "76,75")
        #expect(ResultsReport.signedVietnamese(Points(parsing: "0.25")!) == "+0,25")
        #expect(ResultsReport.signedVietnamese(Points(parsing: "-0.5")!) == "-0,50")
        #expect(ResultsReport.signedVietnamese(.zero) == "0,00")
        #expect(ResultsReport.vietnamese(Points(parsing: "47")!) == "47,00")
    }

    /// The release time is shown as a Vietnamese date in Vietnam time (UTC+7), across midnight too.
    @Test func vietnameseDate() {
        #expect(
            ResultsReport.dateVietnamese("2026-12-20T08:05:00Z") == "15:05:00 (giờ Việt Nam, UTC+7) ngày 20/12/2026")
        #expect(
            ResultsReport.dateVietnamese("2026-12-31T17:30:00Z") == "00:30:00 (giờ Việt Nam, UTC+7) ngày 01/01/2027")
        #expect(ResultsReport.dateVietnamese("not a time") == "not a time")
    }
}

@Suite("Report CSV (docs/report.md)")
struct ResultsReportCSVTests {
    /// Text cells of report.csv that a spreadsheet would run as a formula (first character `=`,
    /// `+`, `-`, `@`, tab or carriage return) are written with a leading `'`; other text is unchanged.
    @Test(arguments: [
        "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "Thiếu = kế hoạch",
    ])
    func formulaCellsAreNeutralised(reason: String) throws {
        let (f, results, _) = try ReleasedResultsTests.opened()
        let edited = ReleasedResultsTests.edit(results, unit: "u1", cell: "1.1.1") {
            ReleasedResultsTests.cell($0, reason: reason)
        }
        let report = ResultsReport(
            round: f.round, results: edited, decision: VerifyFixture.decision, releasedAt: VerifyFixture.created)
        let table = try CSV.parse(report.csv(), file: "report.csv")
        let column = { (name: String) throws -> Int in
            try #require(table.header.fields.firstIndex { $0.text == name }, "no column \(name)")
        }
        let unit = try column("ma_don_vi")
        let code = try column("ma_tieu_chi")
        let why = try column("ly_do")
        let row = try #require(table.records.first { $0[unit].text == "u1" && $0[code].text == "1.1.1" })
        let dangerous = "=+-@\t\r".unicodeScalars.contains(reason.unicodeScalars.first!)
        // Read back, line breaks come normalised to LF (spec §3.8); the writer still neutralised the CR.
        let expected = Text.normalizingLineBreaks(dangerous ? "'" + reason : reason)
        #expect(row[why].text == expected, "\(row[why].text.debugDescription)")
        // No text cell of the report starts like a formula.
        for record in table.records {
            for field in record.fields where !field.text.isEmpty && Double(field.text) == nil {
                #expect(
                    !"=+-@\t\r".unicodeScalars.contains(field.text.unicodeScalars.first!),
                    "\(field.text.debugDescription)")
            }
        }
    }
}
