import Foundation
import Testing

/// The official report (docs/report.md): the HTML page has the blocks of a Vietnamese official
/// document and an A4 print stylesheet; `--format pdf` prints it with headless Chromium.
@Suite("CLI: official report", .serialized)
struct OfficialReportCLITests {
    /// Runs the demo into `cli.dir/d` and writes `report --format html` to `r.html`.
    static func page(_ cli: CLI) throws -> String {
        let round = try DemoAndReleaseCLITests.demo(cli, "d")
        let r = try cli.run(["report", "--round", round, "--format", "html", "-o", "r.html"])
        #expect(r.exited(0), "\(r)")
        return String(decoding: try cli.read("r.html"), as: UTF8.self)
    }

    /// The issuing body and number, national motto (underlined), place and date, title in
    /// capitals, annexes, signature block and recipients are on the page, in that order.
    @Test func documentBlocks() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let html = try Self.page(cli)
        let blocks = [
            "UBND TỈNH ĐIỆN BIÊN", "<b>HỘI ĐỒNG THẨM ĐỊNH</b>", "/BC-HĐTĐ", "<b>CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>",
            "class=\"motto sub\">Độc lập - Tự do - Hạnh phúc", "Điện Biên, ngày ", "<h1 class=\"doc\">BÁO CÁO</h1>",
            "KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM", "Nơi nhận:", "TM. HỘI ĐỒNG THẨM ĐỊNH", "CHỦ TỊCH",
            "PHỤ LỤC I. XẾP HẠNG THEO NHÓM", "PHỤ LỤC II. ĐIỂM THEO LĨNH VỰC", "PHỤ LỤC III. CÁC ĐIỀU CHỈNH",
        ]
        var last = html.startIndex
        for block in blocks {
            let found = html.range(of: block, range: last..<html.endIndex)
            #expect(found != nil, "missing or out of order: \(block)")
            if let found { last = found.upperBound }
        }
        #expect(html.contains(".motto{font-weight:bold;display:inline-block;border-bottom:1px solid #000"))
        #expect(html.contains("(Kèm theo Báo cáo số "))
        // The demo round gives no --recipient: the default "Nơi nhận" list, signed into the round.
        #expect(
            html.contains("- UBND tỉnh (để báo cáo);<br>\n- Sở Nội vụ;<br>") && html.contains("- Lưu: VT, HĐTĐ.</td>"))
        // One chart per group, inline SVG, no script.
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
        #expect(!html.contains("<script"))
    }

    /// The print stylesheet: A4, Nghị định 30 margins, Times New Roman 13 pt, page numbers,
    /// repeated table headers, no row split.
    @Test func printStylesheet() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let html = try Self.page(cli)
        #expect(html.contains("@page{size:A4;margin:20mm 15mm 20mm 30mm;"))
        #expect(html.contains("@top-center{content:counter(page)"))
        #expect(html.contains("font-family:\"Times New Roman\""))
        #expect(html.contains("font-size:13pt"))
        #expect(html.contains("thead{display:table-header-group}"))
        #expect(html.contains("tr{break-inside:avoid}"))
        #expect(html.components(separatedBy: "<thead>").count - 1 >= 5)
    }

    /// Every score and percent in a table cell has a decimal comma and exactly two decimals; the
    /// release time is in Vietnam time (UTC+7), never UTC.
    @Test func numbersAndTime() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let html = try Self.page(cli)
        let cells = html.components(separatedBy: "<td class=\"n\">").dropFirst().map {
            String($0.prefix { $0 != "<" }).replacingOccurrences(of: "<strong>", with: "")
        }
        #expect(cells.count > 100)
        let pattern = /^[+-]?[0-9]+,[0-9]{2}$/
        let bold = html.components(separatedBy: "<td class=\"n\"><strong>").dropFirst().map {
            String($0.prefix { $0 != "<" })
        }
        for cell in cells.filter({ !$0.isEmpty }) + bold {
            #expect(cell.wholeMatch(of: pattern) != nil, "not a two-decimal comma number: \(cell)")
        }
        #expect(cells.contains { $0.hasSuffix(",25") || $0.hasSuffix(",75") }, "quarter points keep two decimals")
        #expect(html.contains("(giờ Việt Nam, UTC+7)"))
        #expect(!html.contains("(UTC)"))
        // The release time of the JSON report (UTC), shifted by seven hours.
        let json = try cli.run(["report", "--round", cli.path("d/round"), "--format", "json", "-o", "r.json"])
        #expect(json.exited(0), "\(json)")
        let text = String(decoding: try cli.read("r.json"), as: UTF8.self)
        let utc = /"releasedAt":"[0-9]{4}-[0-9]{2}-[0-9]{2}T([0-9]{2}):([0-9]{2}):([0-9]{2})Z"/
        if let m = text.firstMatch(of: utc), let hour = Int(m.1) {
            let local = String(format: "%02d", (hour + 7) % 24) + ":\(m.2):\(m.3) (giờ Việt Nam, UTC+7)"
            #expect(html.contains(local), "\(local)")
        } else {
            Issue.record("no releasedAt in the JSON report")
        }
    }

    /// Without Chromium on PATH, `--format pdf` names the Debian package, exits 73 and writes nothing.
    @Test func pdfWithoutChromium() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try DemoAndReleaseCLITests.demo(cli, "d")
        try FileManager.default.createDirectory(atPath: cli.path("empty-bin"), withIntermediateDirectories: false)
        for language in ["en_US.UTF-8", "vi_VN.UTF-8"] {
            let r = try cli.run(
                ["report", "--round", round, "--format", "pdf", "-o", "r.pdf"], language: language,
                environment: ["PATH": cli.path("empty-bin")])
            #expect(r.exited(73), "\(r)")
            #expect(r.stderr.contains("chromium"), "\(r)")
            #expect(
                r.stderr.contains(language.hasPrefix("vi") ? "gói Debian chromium" : "Debian package chromium"), "\(r)")
            #expect(!FileManager.default.fileExists(atPath: cli.path("r.pdf")))
        }
    }

    /// With Chromium installed (CI installs the Debian package `chromium`), `--format pdf`
    /// writes a PDF of at least one page.
    @Test func pdfRendering() throws {
        #expect(
            FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"), "install the Debian package chromium")
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try DemoAndReleaseCLITests.demo(cli, "d")
        let r = try cli.run(["report", "--round", round, "--format", "pdf", "-o", "r.pdf"])
        #expect(r.exited(0), "\(r)")
        let pdf = try cli.read("r.pdf")
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let text = String(decoding: pdf, as: UTF8.self)
        let pages =
            text.components(separatedBy: "/Type /Page").count - text.components(separatedBy: "/Type /Pages").count
        #expect(pages >= 1, "\(pages) pages")
    }
}
