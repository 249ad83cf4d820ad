import Foundation
import Testing

/// End-to-end: `avault demo` runs the whole round; the release commands refuse what they must.
@Suite("CLI: demo round and release", .serialized)
struct DemoAndReleaseCLITests {
    static let root = CLI.root.path

    /// Runs the demo into `cli.dir/name` and returns the round folder.
    static func demo(_ cli: CLI, _ name: String) throws -> String {
        let r = try cli.run(["demo", "--dir", name, "--samples", root + "/samples", "--keys", root + "/keys"])
        #expect(r.exited(0), "\(r)")
        return cli.path(name + "/round")
    }

    /// The demo runs every step and leaves a Vietnamese HTML report, a CSV with BOM and JSON.
    @Test func demoRunsEndToEnd() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let r = try cli.run(["demo", "--dir", "d", "--samples", Self.root + "/samples", "--keys", Self.root + "/keys"])
        #expect(r.exited(0), "\(r)")
        // Two criteria sets: 19 departments × 72 appraisable sub-criteria of `so`, 10 districts × 69
        // of `huyen`, each set also a bonus and a penalty item per unit; survey cells 19 × 21 + 10 × 12, imported into the round before the merge.
        #expect(r.stdout.contains("\(19 * 74 + 10 * 71)/\(19 * 74 + 10 * 71) cells appraised"), "\(r.stdout)")
        #expect(r.stdout.contains("Survey imported: \(19 * 21 + 10 * 12) scores"), "\(r.stdout)")
        #expect(r.stdout.contains("report.html"))
        // Both groups' rankings, each under its set, with every unit once.
        for (heading, count) in [
            ("Ranking of Sở, ban, ngành (criteria set so, 19 units):", 19),
            ("Ranking of UBND cấp huyện (criteria set huyen, 10 units):", 10),
        ] {
            let lines = r.stdout.components(separatedBy: "\n")
            let at = try #require(lines.firstIndex(of: heading), "\(r.stdout)")
            #expect(lines[(at + 1)...].prefix { $0.hasPrefix("  ") }.count == count)
        }
        // The recused heads never appraise their own department; tv-08 covers those cells.
        let results = try JSONSerialization.jsonObject(with: Data(try cli.read("d/results.json"))) as? [String: Any]
        let units = try #require(results?["units"] as? [[String: Any]])
        for (unit, head) in [("so-tu-phap", "tv-02"), ("so-tai-chinh", "tv-06")] {
            let cells = try #require(units.first { $0["unit"] as? String == unit }?["cells"] as? [[String: Any]])
            let appraisers = Set(cells.compactMap { $0["appraiser"] as? String })
            #expect(!appraisers.contains(head) && appraisers.contains("tv-08"), "\(unit): \(appraisers)")
        }
        let report = String(decoding: try cli.read("d/report.json"), as: UTF8.self)
        #expect(report.contains(#""name":"Sở, ban, ngành","set":"so""#) && report.contains(#""set":"huyen""#))
        let html = String(decoding: try cli.read("d/report.html"), as: UTF8.self)
        #expect(html.contains("KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"))
        #expect(html.contains("VÒNG DEMO"))
        #expect(html.contains("<svg"))
        // no external assets
        #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(Array(try cli.read("d/report.csv").prefix(3)) == [0xEF, 0xBB, 0xBF])
        // The round show fingerprint equals the one in the report header.
        let show = try cli.run(["round", "show", cli.path("d/round")])
        let fingerprint = show.stdout.split(separator: "\n").last { $0.contains("Round fingerprint") }
            .map { String($0.split(separator: " ")[2]) }
        #expect(fingerprint.map { html.contains($0) } == true, "\(show)")
    }

    /// Release negatives through the binary: fewer than t, the same approval twice, a non-holder,
    /// a token from another round, altered locked results.
    @Test func releaseRefusals() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try Self.demo(cli, "a")
        let other = try Self.demo(cli, "b")
        let pass = try cli.passphraseFile("demo-appraisal-2026")
        let keys = Self.root + "/keys/"
        // Keys copied with mode 600 (git does not keep modes).
        for id in ["chu-tich", "tv-01"] {
            _ = try cli.write("\(id).key", Array(try Data(contentsOf: URL(fileURLWithPath: keys + id + ".key"))))
        }
        let decision = "Quyết định số 9/QĐ-UBND (thử)"

        // A member is not a release holder.
        let notHolder = try cli.run([
            "release", "approve", "--round", round, "--key", "tv-01.key", "--passphrase-file", pass, "--decision",
            decision,
        ])
        #expect(notHolder.exited(77), "\(notHolder)")
        #expect(notHolder.stderr.contains("not a release holder"))

        // One approval, or the same one twice, is not enough (t = 2).
        let ok = try cli.run([
            "release", "approve", "--round", round, "--key", "chu-tich.key", "--passphrase-file", pass, "--decision",
            decision, "-o", "c.ava",
        ])
        #expect(ok.exited(0), "\(ok)")
        let one = try cli.run(["release", "combine", "c.ava", "--round", round, "-o", "t1.avt"])
        #expect(one.exited(65) && one.stderr.contains("1 more needed"), "\(one)")
        let twice = try cli.run(["release", "combine", "c.ava", "c.ava", "--round", round, "-o", "t2.avt"])
        #expect(twice.exited(65) && twice.stderr.contains("have 1 (chu-tich)"), "\(twice)")
        #expect(
            !FileManager.default.fileExists(atPath: cli.path("t1.avt"))
                && !FileManager.default.fileExists(atPath: cli.path("t2.avt")))

        // An approval for round A does not count for round B.
        let wrongRound = try cli.run(["release", "combine", "c.ava", "--round", other, "-o", "t3.avt"])
        #expect(wrongRound.exited(65), "\(wrongRound)")

        // Round B's token does not open round A.
        let foreign = try cli.run(["open", "--round", round, "--token", other + "/release-token.avt", "-o", "x.json"])
        #expect(foreign.exited(65) && foreign.stderr.contains("avault: error:"), "\(foreign)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("x.json")))

        // Altered locked results are refused before anything is decrypted.
        var results = try cli.read("a/round/results.avl")
        results[results.count / 2] ^= 1
        _ = try cli.write("a/round/results.avl", results, mode: 0o644)
        let tampered = try cli.run(["open", "--round", round, "-o", "y.json"])
        #expect(tampered.exited(65) && tampered.stderr.contains("results.avl"), "\(tampered)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("y.json")))
    }
}
