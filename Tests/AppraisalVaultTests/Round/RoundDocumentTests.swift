import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// The report particulars and the deadline of the round definition (spec §3.2 `document`,
/// `deadline`): validated at `round init`, signed, read back, used by the official report.
@Suite struct RoundDocumentTests {
    let base: RoundDefinitionTests

    init() throws { base = try RoundDefinitionTests() }

    /// Given particulars are stored NFC in the signed round and appear in the report's header,
    /// place-and-date line and signature block.
    @Test func particularsReachTheReport() throws {
        var sources = try base.sources()
        // NFD input (decomposed diacritics) is normalised, spaces trimmed.
        sources.document = RoundDocument(
            issuer: " UBND TỈNH LAI CHÂU ".decomposedStringWithCanonicalMapping, council: "HỘI ĐỒNG ĐÁNH GIÁ",
            place: "Lai Châu", signer: "Nguyễn Văn Bình", signerTitle: "PHÓ CHỦ TỊCH", number: "07",
            recipients: [
                "UBND tỉnh Lai Châu (để báo cáo)", " Sở Nội vụ ".decomposedStringWithCanonicalMapping, "Lưu: VT",
            ])
        sources.deadline = "2026-12-15"
        let setup = try RoundSetup.load(sources)
        let (bytes, _) = try RoundDefinition.create(from: setup, secretary: base.secretary)
        let round = try RoundDefinition(parsing: bytes, file: "round.avr")
        #expect(round.document.issuer == "UBND TỈNH LAI CHÂU" && Text.isNFC(round.document.issuer))
        #expect(round.deadline == "2026-12-15")
        let (_, results, _) = try ReleasedResultsTests.opened()
        let html = ResultsReport(
            round: round, results: results, decision: VerifyFixture.decision, releasedAt: "2026-12-20T08:00:00Z"
        ).html()
        #expect(html.contains("<div>UBND TỈNH LAI CHÂU</div><div><b>HỘI ĐỒNG ĐÁNH GIÁ</b></div>"))
        #expect(html.contains("Số: 07/BC-HĐTĐ"))
        #expect(html.contains("Lai Châu, ngày 20 tháng 12 năm 2026"))
        #expect(html.contains("TM. HỘI ĐỒNG ĐÁNH GIÁ<br>PHÓ CHỦ TỊCH"))
        #expect(html.contains("Nguyễn Văn Bình</td>"))
        // The recipients, in order, as the "Nơi nhận" list (`;` after each, `.` after the last).
        #expect(round.document.recipients == ["UBND tỉnh Lai Châu (để báo cáo)", "Sở Nội vụ", "Lưu: VT"])
        #expect(
            html.contains(
                "<b>Nơi nhận:</b><br>\n- UBND tỉnh Lai Châu (để báo cáo);<br>\n- Sở Nội vụ;<br>\n- Lưu: VT.</td>"))
        #expect(!html.contains("Các đơn vị được thẩm định"))
        #expect(!html.contains("ĐIỆN BIÊN") && !html.contains("Điện Biên,"))
        // A number with its own symbol is shown as given.
        var report = ResultsReport(round: round, results: results, decision: "d", releasedAt: VerifyFixture.created)
        report.document.number = "15/BC-HĐĐG"
        #expect(report.html().contains("Số: 15/BC-HĐĐG<") && !report.html().contains("15/BC-HĐĐG/BC-HĐTĐ"))
        // The XLSX worksheet shows the deadline in its header block.
        let member = try #require(round.member("tv-01"))
        let sheet = Worksheet.sheet(for: member, in: round)
        #expect(sheet.rows[4].prefix(2) == [.text("Hạn nộp"), .text("15/12/2026")])
    }

    /// Defaults: the council's particulars, no deadline.
    @Test func defaults() throws {
        let (bytes, _) = try base.create()
        let round = try RoundDefinition(parsing: bytes, file: "round.avr")
        #expect(round.document == RoundDocument() && round.deadline == "")
        #expect(round.document.recipients == RoundDocument.defaultRecipients)
        let sheet = Worksheet.sheet(for: try #require(round.member("tv-01")), in: round)
        #expect(sheet.rows[4].prefix(2) == [.text("Hạn nộp"), .text("Theo thông báo của thư ký")])
    }

    /// Invalid particulars and deadlines are refused at `round init`, each naming its option.
    @Test func refusedAtInit() throws {
        var sources = try base.sources()
        sources.document.place = " "
        sources.document.signer = "Nguyễn\u{202E}Văn"
        sources.document.council = String(repeating: "Đ", count: 101)  // 202 bytes
        sources.document.number = "1\u{1B}2"
        sources.deadline = "15/12/2026"
        sources.document.recipients = ["Sở Nội vụ", "\u{00A0}"]
        #expect {
            try RoundSetup.load(sources)
        } throws: { error in
            guard let problems = error as? InputProblems else { return false }
            let found = problems.errors.map {
                [$0.messageID] + (($0 as? RoundError)?.context.arguments.prefix(1) ?? [])
            }
            return found.contains(["round.bad-document", "--place"])
                && found.contains(["round.bad-document", "--signer"])
                && found.contains(["round.bad-document", "--council"])
                && found.contains(["round.bad-document", "--document-number"])
                && found.contains(["round.bad-deadline", "15/12/2026"])
                && found.contains(["round.bad-document", "--recipient"])
        }
    }

    /// Deadlines: a real calendar date or empty.
    @Test(arguments: [
        ("", true), ("2026-12-15", true), ("2028-02-29", true), ("2026-02-29", false), ("2026-13-01", false),
        ("2026-04-31", false), ("1999-12-31", false), ("2026-1-05", false), ("2026-12-15T00:00:00Z", false),
        ("2100-02-29", false), ("2000-02-29", true),
    ])
    func deadlineRule(_ text: String, _ valid: Bool) {
        #expect(RoundDocument.isValidDeadline(text) == valid)
    }
}
