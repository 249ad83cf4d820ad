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

    /// One sheet per group (ranking and points per field) and one of adjustments; names valid for
    /// a spreadsheet; every score a number cell equal to the JSON report's; methods in Vietnamese.
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
        #expect(sheets.map(\.name) == groups.map { $0["name"] as! String } + ["Điều chỉnh"])
        for name in sheets.map(\.name) {
            #expect(name.utf16.count <= 31 && !name.contains { "[]:*?/\\".contains($0) }, "\(name)")
        }
        #expect(Set(sheets.map { $0.name.lowercased() }).count == sheets.count)

        for (group, sheet) in zip(groups, sheets) {
            let cells = sheet.cells
            #expect(cells[2]?[1] == .text("Hạng") && cells[2]?[7] == .text("Chỉ số (%)"), "\(cells[2] ?? [:])")
            let units = try #require(group["units"] as? [[String: Any]])
            #expect(cells.keys.max() == units.count + 2)
            for (i, unit) in units.enumerated() {
                let row = try #require(cells[i + 3])
                #expect(row[1] == .number(String(unit["rank"] as! Int)))
                #expect(row[2] == .text(unit["id"] as! String))
                for (column, key) in [(4, "self"), (5, "appraised"), (6, "max"), (7, "percent")] {
                    #expect(row[column] == .number(unit[key] as! String), "\(unit["id"]!) \(key)")
                }
                let fields = try #require(unit["fields"] as? [[String: Any]])
                for (k, field) in fields.enumerated() {
                    #expect(row[9 + k] == .number(field["appraised"] as! String))
                }
            }
        }
        let adjusted = try #require(sheets.last?.cells)
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
