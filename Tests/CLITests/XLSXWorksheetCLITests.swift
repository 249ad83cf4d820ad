import Foundation
import Testing

@testable import AppraisalVault

/// `avault worksheet` as XLSX and CSV dialects, and `seal` of XLSX worksheets, through the binary.
@Suite("CLI: XLSX worksheets", .serialized)
struct XLSXWorksheetCLITests {
    /// A demo round with tv-08's key and passphrase file next to it.
    func demo() throws -> CLI {
        let cli = try CLI()
        let root = CLI.root.path
        let demo = try cli.run(["demo", "--dir", "d", "--samples", root + "/samples", "--keys", root + "/keys"])
        try #require(demo.exited(0), "\(demo)")
        _ = try cli.write("tv-08.key", Array(try Data(contentsOf: URL(fileURLWithPath: root + "/keys/tv-08.key"))))
        _ = try cli.passphraseFile("demo-appraisal-2026")
        return cli
    }

    func seal(_ cli: CLI, _ file: String, out: String) throws -> CLIResult {
        try cli.run([
            "seal", file, "--round", cli.path("d/round"), "--key", "tv-08.key", "--passphrase-file", "pass.txt",
            "-o", out,
        ])
    }

    /// The issued sheet XML and the other parts of tv-08's XLSX worksheet.
    func issued(_ cli: CLI) throws -> (parts: [String: [UInt8]], sheet: String) {
        let r = try cli.run(["worksheet", "--round", cli.path("d/round"), "--member", "tv-08", "-o", "tv-08.xlsx"])
        try #require(r.exited(0), "\(r)")
        let parts = try ZipArchive.read(try cli.read("tv-08.xlsx"))
        return (parts, String(decoding: try #require(parts["xl/worksheets/sheet1.xml"]), as: UTF8.self))
    }

    /// `sheet` with every score set to its row's maximum and a reason on every row.
    func filled(_ sheet: String) -> String {
        var s = sheet
        for row in 8...65 {
            guard let e = s.range(of: "<c r=\"E\(row)\" s=\"5\"><v>"), let end = s[e.upperBound...].firstIndex(of: "<")
            else { continue }
            let max = String(s[e.upperBound..<end])
            s = s.replacingOccurrences(
                of: "<c r=\"G\(row)\" s=\"2\"/>", with: "<c r=\"G\(row)\" s=\"2\"><v>\(max)</v></c>")
            s = s.replacingOccurrences(
                of: "<c r=\"H\(row)\" s=\"2\"/>",
                with: "<c r=\"H\(row)\" s=\"2\" t=\"inlineStr\"><is><t>Đủ hồ sơ</t></is></c>")
        }
        return s
    }

    /// `sheet` with the whole cell `name` replaced by `cell`.
    func replacing(_ name: String, in sheet: String, with cell: String) throws -> String {
        let start = try #require(sheet.range(of: "<c r=\"\(name)\""))
        let end = try #require(sheet[start.upperBound...].range(of: "</c>"))
        return sheet.replacingCharacters(in: start.lowerBound..<end.upperBound, with: cell)
    }

    func write(_ cli: CLI, _ name: String, parts: [String: [UInt8]], sheet: String) throws {
        var p = parts
        p["xl/worksheets/sheet1.xml"] = Array(sheet.utf8)
        _ = try cli.write(name, ZipArchive.write(p.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
    }

    /// The XLSX worksheet is the default: header block, Vietnamese titles, frozen rows, numbers as
    /// numbers, protection with only the score and reason cells unlocked, validations, and an
    /// instructions sheet.
    @Test func xlsxWorksheetLayout() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        let (parts, sheet) = try issued(cli)
        #expect(try cli.read("tv-08.xlsx").starts(with: [0x50, 0x4B, 0x03, 0x04]))
        for fragment in [
            "Dấu vân tay của vòng", "Mã đơn vị", "Điểm thẩm định", "Lý do", "state=\"frozen\"", "ySplit=\"7\"",
            "<sheetProtection sheet=\"1\"", "<dataValidation type=\"decimal\"", "<c r=\"E8\" s=\"5\"><v>",
            "<c r=\"G8\" s=\"2\"/>", "<col min=\"4\"",
        ] {
            #expect(sheet.contains(fragment), "\(fragment)")
        }
        let styles = String(decoding: try #require(parts["xl/styles.xml"]), as: UTF8.self)
        #expect(styles.contains("<protection locked=\"0\"/>"))
        let help = String(decoding: try #require(parts["xl/worksheets/sheet2.xml"]), as: UTF8.self)
        #expect(help.contains("Hướng dẫn điền phiếu thẩm định"))
    }

    /// A filled XLSX worksheet seals; a changed fixed cell, a formula without a value, an error
    /// value, a damaged file and an encrypted workbook are refused, naming the file and cell, and
    /// nothing is sealed.
    @Test func sealXLSX() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        let (parts, sheet) = try issued(cli)
        let blank = try seal(cli, "tv-08.xlsx", out: "blank.avs")
        #expect(!blank.exited(0) && blank.stderr.contains("no appraised score"), "\(blank)")
        let good = filled(sheet)
        try write(cli, "ok.xlsx", parts: parts, sheet: good)
        let ok = try seal(cli, "ok.xlsx", out: "ok.avs")
        #expect(ok.exited(0), "\(ok)")
        #expect(FileManager.default.fileExists(atPath: cli.path("ok.avs")))

        let cases: [(String, String, String)] = [
            (
                "changed", good.replacingOccurrences(of: "Sở Tư pháp</t>", with: "Sở</t>"),
                "changed.xlsx!B8"
            ),
            ("formula", try replacing("G9", in: good, with: "<c r=\"G9\" s=\"2\"><f>1+1</f></c>"), "formula.xlsx!G9"),
            ("error", try replacing("G9", in: good, with: "<c r=\"G9\" t=\"e\"><v>#DIV/0!</v></c>"), "#DIV/0!"),
            (
                "added",
                good.replacingOccurrences(
                    of: "</sheetData>", with: "<row r=\"70\"><c r=\"A70\"><v>1</v></c></row></sheetData>"),
                "added.xlsx!A70"
            ),
            (
                // The last cell a sheet can have: one check, not a walk over 1,048,576 × 16,384 cells.
                "far",
                good.replacingOccurrences(
                    of: "</sheetData>",
                    with: "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row></sheetData>"),
                "far.xlsx!XFD1048576"
            ),
        ]
        for (name, text, mention) in cases {
            try write(cli, name + ".xlsx", parts: parts, sheet: text)
            let r = try seal(cli, name + ".xlsx", out: name + ".avs")
            #expect(!r.exited(0), "\(name): \(r)")
            #expect(r.stderr.contains(name + ".xlsx") && r.stderr.contains(mention), "\(name): \(r)")
            #expect(!FileManager.default.fileExists(atPath: cli.path(name + ".avs")), "\(name)")
        }
        // Container and part refusals, each naming the file.
        try write(
            cli, "badxml.xlsx", parts: parts, sheet: good.replacingOccurrences(of: "</sheetData>", with: "</sheetDat>"))
        try write(
            cli, "badcell.xlsx", parts: parts, sheet: good.replacingOccurrences(of: "r=\"G9\"", with: "r=\"G9X\""))
        var noSheet = parts
        noSheet["xl/worksheets/sheet1.xml"] = nil
        _ = try cli.write(
            "nosheet.xlsx", ZipArchive.write(noSheet.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
        _ = try cli.write("many.xlsx", ZipArchive.write((0...ZipArchive.maxEntries).map { ("p\($0)", [UInt8]()) }))
        for (name, mention) in [
            ("badxml", "is not well-formed XML"), ("badcell", "cell G9X has a value or type"),
            ("nosheet", "has no xl/worksheets/sheet1.xml"), ("many", "decompresses beyond the limits"),
        ] {
            let r = try seal(cli, name + ".xlsx", out: name + ".avs")
            #expect(r.exited(65) && r.stderr.contains(name + ".xlsx") && r.stderr.contains(mention), "\(name): \(r)")
        }
        let zip = try cli.read("ok.xlsx")
        _ = try cli.write("cut.xlsx", Array(zip.prefix(zip.count / 2)))
        let cut = try seal(cli, "cut.xlsx", out: "cut.avs")
        #expect(cut.exited(65) && cut.stderr.contains("cannot be read as an .xlsx"), "\(cut)")
        _ = try cli.write(
            "old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512))
        let old = try seal(cli, "old.xls", out: "old.avs")
        #expect(old.exited(65) && old.stderr.contains("password-protected"), "\(old)")
    }

    /// `-o x.csv` writes the CSV worksheet; `--csv-dialect vi` (and LANG=vi) writes `;` and decimal
    /// commas, which `seal` reads back.
    @Test func csvDialects() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        let round = cli.path("d/round")
        let plain = try cli.run(["worksheet", "--round", round, "--member", "tv-08", "-o", "a.csv"])
        #expect(plain.exited(0), "\(plain)")
        let a = String(decoding: try cli.read("a.csv").dropFirst(3), as: UTF8.self)
        // The header block first (spec §3.9), then the column names.
        #expect(a.hasPrefix("Vòng thẩm định,") && a.contains("\r\nHạn nộp,Theo thông báo của thư ký,,,,,,\r\n"), "\(a)")
        #expect(a.contains("\r\nma_don_vi,ten_don_vi,"))
        let vi = try cli.run([
            "worksheet", "--round", round, "--member", "tv-08", "-o", "b.txt", "--format", "csv", "--csv-dialect", "vi",
        ])
        #expect(vi.exited(0), "\(vi)")
        let b = String(decoding: try cli.read("b.txt").dropFirst(3), as: UTF8.self)
        #expect(b.hasPrefix("Vòng thẩm định;") && b.contains("\r\nma_don_vi;ten_don_vi;"), "\(b)")
        let one = try cli.run([
            "worksheet", "--round", round, "--member", "tv-01", "-o", "one.csv", "--csv-dialect", "vi",
        ])
        #expect(one.exited(0), "\(one)")
        let text = String(decoding: try cli.read("one.csv"), as: UTF8.self)
        // Points columns get decimal commas; criterion codes keep their dots.
        #expect(text.contains(";1.1.1;") && text.contains(";0,5;0,5;;"), "\(text.prefix(400))")
        let auto = try cli.run(
            ["worksheet", "--round", round, "--member", "tv-08", "-o", "c.csv"], language: "vi_VN.UTF-8")
        #expect(auto.exited(0), "\(auto)")
        #expect(try cli.read("c.csv") == cli.read("b.txt"))
        // Filled with decimal commas, it seals.
        let lines = WorksheetLines(b)
        var out = lines.head
        for line in lines.rows {
            var f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            f[6] = f[4]
            f[7] = "Đủ hồ sơ"
            out.append(f.joined(separator: ";"))
        }
        _ = try cli.write("filled.csv", CSV.bom + Array((out.joined(separator: "\r\n") + "\r\n").utf8))
        let sealed = try seal(cli, "filled.csv", out: "f.avs")
        #expect(sealed.exited(0), "\(sealed)")
    }

    /// A flood of problems prints the first 20 and a count; another member's worksheet (CSV or
    /// XLSX), a public key file and another avault file are recognised in one message.
    @Test func sealRecognisesWrongFiles() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        let round = cli.path("d/round")
        for name in ["tv-07.xlsx", "tv-07.csv", "tv-08.csv"] {
            let member = String(name.prefix(5))
            let r = try cli.run(["worksheet", "--round", round, "--member", member, "-o", name])
            try #require(r.exited(0), "\(r)")
        }
        let blank = try seal(cli, "tv-08.csv", out: "a.avs")
        let lines = blank.stderr.split(separator: "\n")
        #expect(blank.exited(65) && lines.count == 22, "\(blank)")
        // One problem per data row of the blank sheet (no appraised score), the first 20 shown.
        let rows = WorksheetLines(String(decoding: try cli.read("tv-08.csv"), as: UTF8.self)).rows.count
        #expect(rows > 20)
        #expect(
            lines[20].contains("\(rows - 20) more not shown") && lines[21].contains("problems found: \(rows)"),
            "\(blank)")
        for name in ["tv-07.xlsx", "tv-07.csv"] {
            let r = try seal(cli, name, out: "b.avs")
            #expect(r.exited(65) && r.stderr.contains("\(name) is the worksheet of tv-07, not of tv-08"), "\(r)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r)")
        }
        let pub = try seal(cli, CLI.root.path + "/keys/tv-08.pub", out: "c.avs")
        #expect(pub.exited(65) && pub.stderr.contains("is a public key file (.pub), not a worksheet"), "\(pub)")
        let avr = try seal(cli, cli.path("d/round/round.avr"), out: "d.avs")
        #expect(avr.exited(65) && avr.stderr.contains("is an avault round-definition file"), "\(avr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: cli.path("")).filter { $0.hasSuffix(".avs") }.isEmpty)
    }
}
