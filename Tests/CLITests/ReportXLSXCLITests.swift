import AppraisalVault
import Foundation
import Testing

/// `report --format xlsx` (docs/report.md, "XLSX"): the annexes as a workbook, read back with the
/// project's own XLSX reader and checked against the JSON report of the same round.
@Suite("CLI: report as XLSX", .serialized)
struct ReportXLSXCLITests {
    /// The JSON report's groups and adjustments, to compare the workbook with.
    static func json(_ cli: CLI, round: String) throws -> [String: Any] {
        let r = try cli.run(["report", "--round", round, "--format", "json", "-o", "r.json"])
        #expect(r.exited(0), "\(r)")
        return try #require(try JSONSerialization.jsonObject(with: Data(try cli.read("r.json"))) as? [String: Any])
    }

    /// One sheet per group (ranking, base, bonus, penalty and final total, points per field), one
    /// of adjustments and one of bonus and penalty points (annex IV); names valid for a
    /// spreadsheet; every score a number cell equal to the JSON report's; methods in Vietnamese.
    @Test func workbookMatchesTheReport() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try DemoAndReleaseCLITests.demo(cli, "d")
        let r = try cli.run(["report", "--round", round, "--format", "xlsx", "-o", "r.xlsx"])
        #expect(r.exited(0), "\(r)")
        let bytes = try cli.read("r.xlsx")
        let sheets = try XLSXReader.sheets(bytes, file: "r.xlsx")
        let report = try Self.json(cli, round: round)
        let groups = try #require(report["groups"] as? [[String: Any]])
        let adjustments = try #require(report["adjustments"] as? [[String: Any]])
        let extras = try #require(report["bonusAndPenalty"] as? [[String: Any]])
        // The demo has an explanation round: its history sheet comes last.
        #expect(
            sheets.map(\.name) == groups.map { $0["name"] as! String } + ["Điều chỉnh", "Thưởng, trừ", "Giải trình"])
        for name in sheets.map(\.name) {
            #expect(name.utf16.count <= 31 && !name.contains { "[]:*?/\\".contains($0) }, "\(name)")
        }
        #expect(Set(sheets.map { $0.name.lowercased() }).count == sheets.count)

        for (group, sheet) in zip(groups, sheets) {
            let cells = sheet.cells
            // Both demo sets have bonus and penalty items: their three columns follow the base total.
            #expect(cells[2]?[1] == .text("Hạng") && cells[2]?[6] == .text("Điểm thưởng"), "\(cells[2] ?? [:])")
            #expect(cells[2]?[8] == .text("Tổng điểm cuối cùng") && cells[2]?[10] == .text("Chỉ số (%)"))
            let units = try #require(group["units"] as? [[String: Any]])
            #expect(cells.keys.max() == units.count + 2)
            for (i, unit) in units.enumerated() {
                let row = try #require(cells[i + 3])
                #expect(row[1] == .number(String(unit["rank"] as! Int)))
                #expect(row[2] == .text(unit["id"] as! String))
                let columns = [
                    (4, "self"), (5, "appraised"), (6, "bonus"), (7, "penalty"), (8, "final"), (9, "max"),
                    (10, "percent"),
                ]
                for (column, key) in columns {
                    #expect(row[column] == .number(unit[key] as! String), "\(unit["id"]!) \(key)")
                }
                let fields = try #require(unit["fields"] as? [[String: Any]])
                for (k, field) in fields.enumerated() {
                    #expect(row[12 + k] == .number(field["appraised"] as! String))
                }
            }
        }
        let adjusted = try #require(sheets.dropLast(2).last?.cells)
        #expect(adjusted.keys.max() == adjustments.count + 2)
        #expect(adjustments.count > 0)
        let methods = Set((3...(adjustments.count + 2)).compactMap { adjusted[$0]?[6]?.fieldText })
        #expect(methods.isSubset(of: ["Tự đánh giá", "Hội đồng chấm"]) && !methods.isEmpty, "\(methods)")
        for (i, a) in adjustments.enumerated() {
            let row = try #require(adjusted[i + 3])
            #expect(row[2] == .text(a["unit"] as! String) && row[4] == .text(a["code"] as! String))
            #expect(row[7] == .number(a["self"] as! String) && row[8] == .number(a["appraised"] as! String))
            #expect(row[9] == .number(a["difference"] as! String))
            #expect(row[10] == .text(a["reason"] as! String) && row[11] == .text(a["appraiserName"] as! String))
        }
        // The explanation round's history (the demo: three explained cells): title, column titles,
        // one row per cell with the unit's text.
        let history = try #require(sheets.last?.cells)
        #expect(history.keys.max() == 3 + 2)
        #expect(history[2]?[7] == .text("Giải trình của đơn vị") && history[2]?[9] == .text("Quyết định"))
        #expect((3...5).allSatisfy { history[$0]?[7]?.fieldText.contains("(minh hoạ)") == true })
        let annex = try #require(sheets.dropLast().last?.cells)
        #expect(annex.keys.max() == extras.count + 2)
        let kinds = Set(extras.compactMap { $0["kind"] as? String })
        #expect(kinds == ["bonus", "penalty"], "\(kinds)")
        for (i, x) in extras.enumerated() {
            let row = try #require(annex[i + 3])
            let kind = x["kind"] as! String
            #expect(row[2] == .text(x["unit"] as! String) && row[5] == .text(x["code"] as! String))
            #expect(row[4] == .text(kind == "bonus" ? "Điểm thưởng" : "Điểm trừ"))
            let points = x["points"] as! String
            #expect(row[7] == .number(kind == "penalty" ? "-" + points : points), "\(x)")
            #expect(row[8] == .number(x["cap"] as! String) && row[9] == .text(x["reason"] as! String))
        }
        // The entries are stored, so the parts can be read as text: a `0.00` number format, and
        // number cells that use it.
        let raw = String(decoding: bytes, as: UTF8.self)
        #expect(raw.contains("<numFmt numFmtId=\"164\" formatCode=\"0.00\"/>"))
        #expect(raw.contains("<xf numFmtId=\"164\""))
        #expect(raw.contains(" s=\"\(6)\"><v>"))
    }

    /// Like the other formats, the workbook needs the release token: without it, or with another
    /// round's, nothing is written.
    @Test func releaseGated() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try DemoAndReleaseCLITests.demo(cli, "d")
        try FileManager.default.moveItem(atPath: round + "/release-token.avt", toPath: cli.path("token.avt"))
        let missing = try cli.run(["report", "--round", round, "--format", "xlsx", "-o", "r.xlsx"])
        #expect(!missing.exited(0), "\(missing)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("r.xlsx")))
        let given = try cli.run([
            "report", "--round", round, "--token", "token.avt", "--format", "xlsx", "-o", "r.xlsx",
        ])
        #expect(given.exited(0), "\(given)")
        #expect(XLSXReader.looksLikeWorkbook(try cli.read("r.xlsx")))
    }
}
