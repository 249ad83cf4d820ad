import Foundation
import Testing

/// The text rules of spec §1.3 through the binary: blank reasons, control and bidi characters,
/// and the bare-separator rows spreadsheets write.
@Suite("CLI: text rules", .serialized)
struct TextRulesCLITests {
    /// A demo round, member tv-05's key (mode 600), its passphrase file, and its worksheet's text.
    struct Demo {
        let cli: CLI
        let pass: String
        let sheet: String

        init() throws {
            cli = try CLI()
            let root = CLI.root.path
            let demo = try cli.run(["demo", "--dir", "d", "--samples", root + "/samples", "--keys", root + "/keys"])
            #expect(demo.exited(0), "\(demo)")
            _ = try cli.write("tv-05.key", Array(try Data(contentsOf: URL(fileURLWithPath: root + "/keys/tv-05.key"))))
            pass = try cli.passphraseFile("demo-appraisal-2026")
            sheet = String(decoding: try cli.read("d/worksheets/tv-05.csv"), as: UTF8.self)
        }

        /// Writes `text` as a worksheet and seals it as tv-05 to `out`.
        func seal(_ text: String, out: String, extra: [String] = []) throws -> CLIResult {
            _ = try cli.write("sheet.csv", Array(text.utf8))
            return try cli.run(
                [
                    "seal", "sheet.csv", "--round", cli.path("d/round/round.avr"), "--key", "tv-05.key",
                    "--passphrase-file", pass, "-o", out,
                ] + extra)
        }
    }

    /// The worksheet's reason on line 2 (the appraised score there differs from the self score).
    static let reason = "Hồ sơ minh chứng chưa đầy đủ (minh hoạ)"

    /// A reason of only NBSP (Excel writes them) is refused at seal, naming file:line:column; so is
    /// one of ideographic spaces, of the Hangul filler U+3164 or of the Braille blank U+2800. Nothing
    /// is written.
    @Test func blankReasonRefusedAtSeal() throws {
        let d = try Demo()
        defer { d.cli.cleanUp() }
        #expect(d.sheet.contains(Self.reason))
        for blank in ["\u{00A0}\u{00A0}", "\u{3000}", "\u{3164}", "\u{2800}\u{2800}"] {
            let result = try d.seal(d.sheet.replacingOccurrences(of: Self.reason, with: blank), out: "x.avs")
            #expect(result.exited(65), "\(result)")
            #expect(result.stderr.contains("sheet.csv:2:8"), "\(result.stderr)")
            #expect(result.stderr.contains("only spaces or invisible characters"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: d.cli.path("x.avs")))
        }
        #expect(try d.seal(d.sheet, out: "ok.avs").exited(0))
    }

    /// ESC (a terminal escape) or BEL in a reason is refused with the code point; nothing is written.
    @Test func controlCharacterInReasonRefused() throws {
        let d = try Demo()
        defer { d.cli.cleanUp() }
        for (bad, point) in [("Hồ sơ\u{1B}[31m đỏ", "U+001B"), ("chuông\u{07}", "U+0007"), ("c1\u{9B}2J", "U+009B")] {
            let result = try d.seal(d.sheet.replacingOccurrences(of: Self.reason, with: bad), out: "x.avs")
            #expect(result.exited(65), "\(result)")
            #expect(result.stderr.contains("sheet.csv:2:8") && result.stderr.contains(point), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: d.cli.path("x.avs")))
        }
        // A reason on two lines (CRLF inside quotes, as Excel writes it) is fine.
        let twoLines = d.sheet.replacingOccurrences(of: Self.reason, with: "\"Dòng một\r\ndòng hai\"")
        let sealed = try d.seal(twoLines, out: "two.avs")
        #expect(sealed.exited(0), "\(sealed)")
    }

    /// Rows of bare separators (`,,,,,,,` as Excel writes at the end of a sheet) are empty lines.
    @Test func bareSeparatorRowsSkipped() throws {
        let d = try Demo()
        defer { d.cli.cleanUp() }
        let result = try d.seal(d.sheet + ",,,,,,,\r\n,,,,,,,\r\n", out: "x.avs")
        #expect(result.exited(0), "\(result)")
        #expect(!result.stderr.contains("no appraised score"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: d.cli.path("x.avs")))
    }

    /// An evidence file whose name holds U+202E (`bien-ban‮fdp.exe` shows as `bien-banexe.pdf`)
    /// is refused before anything is sealed, naming the code point.
    @Test func bidiControlInEvidenceNameRefused() throws {
        let d = try Demo()
        defer { d.cli.cleanUp() }
        let name = "bien-ban\u{202E}fdp.exe"
        _ = try d.cli.write(name, Array("MZ".utf8))
        let result = try d.seal(d.sheet, out: "x.avs", extra: ["--attach", d.cli.path(name)])
        #expect(result.exited(65), "\(result)")
        #expect(result.stderr.contains("U+202E") && result.stderr.contains("rename the file"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: d.cli.path("x.avs")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: d.cli.dir).allSatisfy { !$0.hasSuffix(".ave") })
    }
}
