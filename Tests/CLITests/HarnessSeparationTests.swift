import Foundation
import Testing

/// The product binary carries no developer harness: the benchmarks are the separate `avault-bench`
/// executable (docs/performance.md), and no binary of the project installs packages or shells
/// out to `rm`.
@Suite("harnesses out of the product")
struct HarnessSeparationTests {
    static let bench = CLI.root.appendingPathComponent(".build/debug/avault-bench").path

    /// `avault --help` lists no `bench` command in either language, and `avault bench` is refused
    /// as an unknown command (usage error, 64).
    @Test func productHasNoBenchCommand() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for language in ["en_US.UTF-8", "vi_VN.UTF-8"] {
            let help = try cli.run(["--help"], language: language)
            #expect(help.exited(0), "\(help)")
            #expect(help.stdout.contains("verify"), "\(help)")
            #expect(!help.stdout.contains("bench"), "\(help)")
        }
        let bench = try cli.run(["bench", "merge"])
        #expect(bench.exited(64), "\(bench)")
    }

    /// Neither executable holds the text of a package install or a shell `rm` (the benchmarks
    /// remove their scratch folders in Swift; `make bench` installs the peers).
    @Test func binariesNeverInstallOrShellOutToRm() throws {
        for path in [CLI.binary, Self.bench] {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            for needle in ["apt-get", "rm -rf", "rm -f "] {
                #expect(bytes.range(of: Data(needle.utf8)) == nil, "\(path) contains \"\(needle)\"")
            }
        }
    }

    /// `avault-bench stream` at 1 MiB runs end to end (its worker subprocesses seal and open the
    /// file, the output is compared) and leaves its `--dir` empty: the scratch folder is removed.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs /usr/bin/time"))
    func benchStreamRemovesItsScratchFolder() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let dir = cli.path("scratch")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        let (succeeded, output) = try Self.runBench(
            ["stream", "--size", "1", "--runs", "1", "--dir", dir], home: cli.dir)
        #expect(succeeded, "\(output)")
        #expect(output.contains("| avault seal |") && output.contains("| avault open |"), "\(output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    /// `avault-bench table --quick` (one pair) runs every case end to end and prints one table
    /// with a row per case of issue 16 and a verdict for each goal, says the load average, writes
    /// the same table with `--markdown`, and leaves its `--dir` empty.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs /usr/bin/time"))
    func benchTableQuickRunsEveryCase() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let dir = cli.path("scratch")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        let (succeeded, output) = try Self.runBench(
            [
                "table", "--quick", "--pairs", "1", "--tmpfs", "", "--dir", dir, "--avault", CLI.binary,
                "--markdown", cli.path("table.md"),
            ], home: cli.dir, in: CLI.root)
        #expect(succeeded, "\(output)")
        for row in [
            "| P1 seal 8 MiB evidence, disk, output synced |", "| P1 open it (verify, then decrypt), disk,",
            "| P1 CPU per GiB", "| P1 peak RSS of the avault process", "| P3 merge 1,000 cells",
            "| P3 merge 10,000 cells",
            "| P3 10× the cells", "| P3 peak RSS of the merge, 10,000 cells", "| `avault --version` |",
            "| `avault key show thu-ky.pub` |", "| `avault receipt check", "| `avault verify FILE --round R`",
            "| P4 check one sealed file",
            "| P2 bulk check of 200 submissions |",
        ] {
            #expect(output.contains(row), "no row \(row) in \(output)")
        }
        #expect(output.contains("Load average at start "), "\(output)")
        #expect(output.contains("| goal | result |"), "\(output)")
        let peers = ["age", "minisign", "hyperfine"].allSatisfy {
            FileManager.default.isExecutableFile(atPath: "/usr/bin/" + $0)
        }
        if peers { #expect(!output.contains("not measured"), "\(output)") }
        let markdown = try String(contentsOfFile: cli.path("table.md"), encoding: .utf8)
        #expect(output.trimmingCharacters(in: .newlines) == markdown.trimmingCharacters(in: .newlines))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    /// Runs `avault-bench` with `arguments` (PATH limited to the system's, HOME `home`, in
    /// `directory` when given) and returns whether it exited with status 0, and its standard output.
    static func runBench(_ arguments: [String], home: String, in directory: URL? = nil) throws -> (Bool, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bench)
        if let directory { process.currentDirectoryURL = directory }
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": home]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationReason == .exit && process.terminationStatus == 0, output)
    }
}
