// Golden tests for `avault … --help` in both languages (Vietnamese and English, as every message
// of the catalog), run on the real binary.
//
// The goldens live in Tests/CLITests/Golden/help/, one file per command path and language:
// `avault.en.txt` for the root, `round-init.vi.txt` for `avault round init --help` under
// LANG=vi_VN.UTF-8 (`en` is LANG=C.UTF-8). The list of command paths comes from the binary
// itself (the SUBCOMMANDS section of the English help, followed recursively), so a new command
// without goldens fails, and so does a golden no command produces.
//
// To regenerate after an intended change of the help texts (then review `git diff`):
//
//     swift build --build-tests
//     AVAULT_UPDATE_GOLDEN=1 swift test --disable-xctest --skip-build --filter HelpGolden
//
// That rewrites every golden and deletes the leftovers. Output does not depend on the terminal:
// the binary runs with its standard output on a pipe and COLUMNS=80 (argument-parser wraps help
// at the terminal width), and the help names the command `avault`, never the binary's path.
import Foundation
import Testing

@Suite("HelpGolden")
struct HelpGoldenTests {
    static let folder = CLI.root.appendingPathComponent("Tests/CLITests/Golden/help").path
    static let update = ProcessInfo.processInfo.environment["AVAULT_UPDATE_GOLDEN"] == "1"
    /// Golden language tag → LANG.
    static let languages = ["en": "C.UTF-8", "vi": "vi_VN.UTF-8"]

    /// Runs `avault <path> --help` in `lang` with a fixed width and returns standard output.
    static func help(_ path: [String], lang: String, columns: String = "80") throws -> String {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let r = try cli.run(path + ["--help"], language: lang, environment: ["COLUMNS": columns])
        #expect(r.exited(0), "\(path): \(r)")
        #expect(r.stderr.isEmpty, "\(path): \(r.stderr)")
        return r.stdout
    }

    /// The names under SUBCOMMANDS: in a help text (two-space indent; deeper lines are wrapped abstracts).
    static func subcommands(in text: String) -> [String] {
        var names = [String]()
        var inside = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "SUBCOMMANDS:" {
                inside = true
                continue
            }
            guard inside else { continue }
            if line.isEmpty { break }
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
            let name = line.dropFirst(2).prefix { $0 != " " }
            if !name.isEmpty { names.append(String(name)) }
        }
        return names
    }

    /// Every command path, root first, found from the English help.
    static let commandPaths: [[String]] = {
        var found = [[String]]()
        var queue: [[String]] = [[]]
        while !queue.isEmpty {
            let path = queue.removeFirst()
            found.append(path)
            let text = (try? help(path, lang: "C.UTF-8")) ?? ""
            queue += subcommands(in: text).map { path + [$0] }
        }
        return found
    }()

    static func fileName(_ path: [String], _ tag: String) -> String {
        (path.isEmpty ? "avault" : path.joined(separator: "-")) + ".\(tag).txt"
    }

    /// A line diff over the longest common subsequence: `-N` a golden line N that is not in the
    /// output, `+N` an output line N that is not in the golden.
    static func diff(expected: String, actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var common = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var out = ["--- golden", "+++ actual"]
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                i += 1
                j += 1
            } else if j < b.count, i == a.count || common[i][j + 1] >= common[i + 1][j] {
                out.append("+\(j + 1) \(b[j])")
                j += 1
            } else {
                out.append("-\(i + 1) \(a[i])")
                i += 1
            }
        }
        return out.joined(separator: "\n")
    }

    /// The command list is the binary's: the root and its subcommands, recursively (the parser
    /// the list relies on must find them).
    @Test func commandListComesFromBinary() {
        let paths = Self.commandPaths
        #expect(paths.first == [])
        #expect(paths.contains(["round", "init"]) && paths.contains(["seal"]), "\(paths)")
        #expect(Set(paths.map { $0.joined(separator: " ") }).count == paths.count)
    }

    /// The goldens are exactly one file per command path and language: none missing, none left over.
    @Test func goldenSetMatchesCommands() throws {
        let expected = Set(Self.commandPaths.flatMap { p in Self.languages.keys.map { Self.fileName(p, $0) } })
        if Self.update {
            try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
        }
        let present = Set(
            try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".txt") })
        if Self.update {
            for leftover in present.subtracting(expected) {
                try FileManager.default.removeItem(atPath: Self.folder + "/" + leftover)
            }
            return
        }
        #expect(expected.subtracting(present).isEmpty, "missing goldens: \(expected.subtracting(present).sorted())")
        #expect(present.subtracting(expected).isEmpty, "leftover goldens: \(present.subtracting(expected).sorted())")
    }

    /// `--help` of every command path in each language matches its golden byte for byte.
    @Test(arguments: ["en", "vi"])
    func helpMatchesGolden(_ tag: String) throws {
        let lang = try #require(Self.languages[tag])
        for path in Self.commandPaths {
            let actual = try Self.help(path, lang: lang)
            let file = Self.folder + "/" + Self.fileName(path, tag)
            if Self.update {
                try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: URL(fileURLWithPath: file))
                continue
            }
            guard let golden = FileManager.default.contents(atPath: file) else {
                Issue.record("no golden \(Self.fileName(path, tag)); regenerate with AVAULT_UPDATE_GOLDEN=1")
                continue
            }
            let expected = String(decoding: golden, as: UTF8.self)
            if actual != expected {
                Issue.record(
                    "avault\(path.map { " " + $0 }.joined()) --help (\(tag)) differs from \(Self.fileName(path, tag)):\n\(Self.diff(expected: expected, actual: actual))"
                )
            }
        }
    }

    /// The goldens do not depend on the caller's terminal: the width matters (COLUMNS=200 wraps
    /// differently), the pinned COLUMNS=80 is what a run with no width given produces on a pipe,
    /// and the text names the command `avault`, never the binary's path.
    @Test func helpWidthIsPinned() throws {
        let pinned = try Self.help(["seal"], lang: "C.UTF-8")
        #expect(try Self.help(["seal"], lang: "C.UTF-8", columns: "200") != pinned)
        let cli = try CLI()
        defer { cli.cleanUp() }
        let unset = try cli.run(["seal", "--help"], language: "C.UTF-8")
        #expect(unset.stdout == pinned)
        #expect(!pinned.contains(CLI.binary) && !pinned.contains(".build") && pinned.contains("USAGE: avault seal "))
    }
}
