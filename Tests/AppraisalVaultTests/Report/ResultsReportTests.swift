import Testing

@testable import AppraisalVault
@testable import avault

@Suite("Report formatting")
struct ResultsReportTests {
    /// Text that reaches the HTML page is escaped, so a reason cannot inject markup or script.
    @Test func htmlEscaping() {
        #expect(ResultsReport.escape("<script>alert('x')</script> & \"q\"")
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
        #expect(ResultsReport.signedVietnamese(Points(parsing: "-0.5")!) == "-0,5")
        #expect(ResultsReport.signedVietnamese(.zero) == "0")
    }

    /// The release time is shown as a Vietnamese date.
    @Test func vietnameseDate() {
        #expect(ResultsReport.dateVietnamese("2026-12-20T08:05:00Z") == "08:05:00 (UTC) ngày 20/12/2026")
        #expect(ResultsReport.dateVietnamese("not a time") == "not a time")
    }
}
