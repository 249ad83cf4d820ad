import Foundation
import Testing

/// `-o -` is standard output; decrypted or binary data never lands on a terminal unless asked.
@Suite("CLI: -o - and the terminal", .serialized)
struct StandardOutputCLITests {
    /// `open -o -` into a pipe: the results JSON on stdout, the command's line on stderr, no file `-`.
    @Test func openToPipe() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try DemoAndReleaseCLITests.demo(cli, "d")
        let r = try cli.run(["open", "--round", round, "-o", "-"])
        #expect(r.exited(0), "\(r)")
        #expect(r.stdout.hasPrefix("{") && r.stdout.contains("\"units\""), "\(r)")
        #expect(r.stderr.contains("standard output"), "\(r)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("-")))
        // The report too, each format.
        let csv = try cli.run(["report", "--round", round, "--format", "csv", "-o", "-"])
        #expect(csv.exited(0), "\(csv)")
        #expect(csv.stdout.utf8.starts(with: [0xEF, 0xBB, 0xBF]), "\(csv)")
        #expect(!csv.stdout.contains("Wrote the report"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("-")))
    }

    /// On a terminal, `open -o -` and `report -o -` refuse (exit 64, nothing decrypted shown)
    /// unless `--to-terminal`; a PDF never goes to a terminal.
    @Test func decryptedRefusedOnTerminal() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try DemoAndReleaseCLITests.demo(cli, "d")
        let open = try Self.onTerminal(cli, ["open", "--round", round, "-o", "-"])
        #expect(open.status == 64, "\(open)")
        #expect(open.stdout.contains("--to-terminal"), "\(open)")
        #expect(!open.stdout.contains("\"units\""), "\(open)")
        let report = try Self.onTerminal(cli, ["report", "--round", round, "--format", "json", "-o", "-"])
        #expect(report.status == 64, "\(report)")
        let asked = try Self.onTerminal(cli, ["open", "--round", round, "-o", "-", "--to-terminal"])
        #expect(asked.status == 0, "\(asked)")
        #expect(asked.stdout.contains("\"units\""), "\(asked)")
        let pdf = try Self.onTerminal(
            cli, ["report", "--round", round, "--format", "pdf", "-o", "-", "--to-terminal"])
        #expect(pdf.status == 64, "\(pdf)")
        #expect(pdf.stdout.contains("binary"), "\(pdf)")
    }

    /// A worksheet: CSV may go to a terminal or a pipe; XLSX only to a pipe; a folder output refuses `-`.
    @Test func worksheetAndFolders() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try DemoAndReleaseCLITests.demo(cli, "d")
        let csv = try cli.run(["worksheet", "--round", round, "--member", "tv-01", "--format", "csv", "-o", "-"])
        #expect(csv.exited(0), "\(csv)")
        #expect(csv.stdout.contains("ma_don_vi,"), "\(csv)")
        #expect(csv.stderr.contains("standard output"), "\(csv)")
        let xlsx = try cli.run(["worksheet", "--round", round, "--member", "tv-01", "-o", "-"])
        #expect(xlsx.exited(0), "\(xlsx)")
        #expect(xlsx.stdout.hasPrefix("PK"), "\(xlsx)")
        let onScreen = try Self.onTerminal(cli, ["worksheet", "--round", round, "--member", "tv-01", "-o", "-"])
        #expect(onScreen.status == 64, "\(onScreen)")
        let extract = try cli.run(["extract", "--round", round, "--key", "k.key", "-o", "-"])
        #expect(extract.exited(64), "\(extract)")
        #expect(extract.stderr.contains("writes a folder"), "\(extract)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("-")))
    }

    /// Runs avault under `script`, so its standard output (and error) is a pseudo-terminal;
    /// `stdout` is everything the terminal showed.
    static func onTerminal(_ cli: CLI, _ arguments: [String]) throws -> CLIResult {
        let quoted = ([CLI.binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return try cli.run(
            ["-qec", quoted.joined(separator: " "), "/dev/null"], executable: "/usr/bin/script")
    }
}
