import Foundation
import Testing

@testable import AppraisalVault

/// The final merge after the explanation round (spec §12.7), through the built `avault`: the
/// second-round decision replaces the explained cell, the locked results keep the history, the
/// report prints it after release, and `verify` checks the chain (check 26). The round is
/// ``SecondRoundCLITests``' (u1 disputes 1.1.1, forwarded to tv-01).
@Suite("avault merge after the explanation round")
struct FinalMergeHistoryCLITests {
    static func merge(_ cli: CLI, pass: String, _ extra: [String] = []) throws -> CLIResult {
        try cli.run(["merge", "--round", "round", "--key", "keys/thu-ky.key", "--passphrase-file", pass] + extra)
    }

    /// tv-01's second-round file with `answer` in the three answer columns, sealed and received.
    static func decide(_ cli: CLI, pass: String, _ answer: String, _ extra: [String] = [], extraRows: [String] = [])
        throws
    {
        #expect(try SecondRoundCLITests.worksheet(cli, pass: pass).exited(0))
        let sheet = try SecondRoundCLITests.fill(cli, answer, extra: extraRows)
        let sealed = try SecondRoundCLITests.seal(cli, sheet, pass: pass, extra)
        #expect(sealed.exited(0), "\(sealed)")
        let received = try SecondRoundCLITests.receive(cli, "tv-01.r1.av2", pass: pass)
        #expect(received.exited(0), "\(received)")
    }

    /// Two of the three demo holders approve and combine; returns the opened results.
    static func release(_ cli: CLI, pass: String) throws -> Results {
        var approvals = [String]()
        for id in ["chu-tich", "pho-chu-tich"] {
            _ = try cli.write("keys/\(id).key", try FileIO.read(CLI.root.path + "/keys/\(id).key", maxBytes: 1 << 16))
            let r = try cli.run([
                "release", "approve", "--round", "round", "--key", "keys/\(id).key", "--passphrase-file", pass,
                "--decision", "Quyết định số 1/QĐ-UBND (thử)", "-o", "\(id).ava",
            ])
            #expect(r.exited(0), "\(r)")
            approvals.append("\(id).ava")
        }
        let combined = try cli.run(["release", "combine"] + approvals + ["--round", "round"])
        #expect(combined.exited(0), "\(combined)")
        let opened = try cli.run(["open", "--round", "round", "-o", "results.json"])
        #expect(opened.exited(0), "\(opened)")
        return try Results(json: try CanonicalJSON.parse(try cli.read("results.json").dropLast()))
    }

    /// The member changes the explained cell: the results take the new score and reason, the
    /// history keeps the preliminary score, the unit's text and the answer; the report shows it;
    /// verify passes with check 26.
    @Test func changedCellKeepsItsHistory() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try SecondRoundCLITests.forwardedRound(cli)
        try Self.decide(cli, pass: pass.demo, "sửa,1,\"Chấp nhận giải trình: văn bản số 12 đúng hạn\"")
        // status: the second appraisal in counts and member ids only.
        let status = try cli.run(["status", "--round", "round"])
        #expect(status.stdout.contains("explanations forwarded: 1 files to 1 members: tv-01"), "\(status.stdout)")
        #expect(status.stdout.contains("second-round revisions received from 1 of those 1 members: tv-01"))
        #expect(!status.stdout.contains("Chấp nhận") && !status.stdout.contains("Đã ban hành"))
        let merged = try Self.merge(cli, pass: pass.demo)
        #expect(merged.exited(0), "\(merged)")
        #expect(merged.stdout.contains("1 explained cells (0 kept, 1 changed"), "\(merged.stdout)")
        #expect(!merged.stdout.contains("Đã ban hành") && !merged.stdout.contains("Chấp nhận"), "no content printed")
        let manifest = try ReleaseFolder.loadMerged(cli.path("round")).manifest
        #expect(manifest.explanations.map(\.unit) == ["u1"])
        #expect(manifest.second.map(\.member) == ["tv-01"])
        #expect(manifest.exceptions.isEmpty)
        // After the final merge nothing is forwarded any more.
        let late = try cli.run([
            "explanations", "forward", "--round", "round", "--key", "keys/thu-ky.key",
            "--passphrase-file", pass.demo,
        ])
        #expect(late.status != 0 && late.stderr.contains("the round is merged"), "\(late)")

        let results = try Self.release(cli, pass: pass.demo)
        let cell = try #require(results.units.first { $0.unit == "u1" }?.cells.first { $0.code == "1.1.1" })
        #expect(cell.appraised == Points(parsing: "1"))
        #expect(cell.reason == "Chấp nhận giải trình: văn bản số 12 đúng hạn")
        #expect(results.history.count == 1)
        let h = try #require(results.history.first)
        #expect(h.unit == "u1" && h.code == "1.1.1" && h.member == "tv-01")
        #expect(h.preliminaryScore == Points(parsing: "0.5") && h.preliminaryReason == "Kế hoạch ban hành chậm")
        #expect(h.explanation?.text == "Đã ban hành đúng hạn, văn bản số 12")
        #expect(
            h.explanation?.forwarded
                == (try ForwardedExplanationFile.load(cli.path("round/forwarded/tv-01.u1.r1.avf")).fileHash))
        #expect(h.final?.kept == false && h.final?.score == Points(parsing: "1"))
        #expect(results.explanations.map(\.sender) == ["u1"] && results.second.map(\.sender) == ["tv-01"])

        let verified = try cli.run(["verify", "round", "--json"])
        #expect(verified.exited(0), "\(verified)")
        #expect(verified.stdout.contains("verify.history-ok"), "\(verified.stdout)")
        let report = try cli.run(["report", "--round", "round", "--format", "html", "-o", "r.html"])
        #expect(report.exited(0), "\(report)")
        let html = try String(contentsOfFile: cli.path("r.html"), encoding: .utf8)
        #expect(html.contains("GIẢI TRÌNH VÀ THẨM ĐỊNH LẠI (1)"))
        #expect(html.contains("Đã ban hành đúng hạn, văn bản số 12") && html.contains("Điều chỉnh"))
    }

    /// Keep: the cell stays as round 1 left it; the answer is in the history only.
    @Test func keptCellStays() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try SecondRoundCLITests.forwardedRound(cli)
        try Self.decide(cli, pass: pass.demo, "giữ,,\"Giữ nguyên: văn bản ban hành sau hạn\"")
        #expect(try Self.merge(cli, pass: pass.demo).exited(0))
        let results = try Self.release(cli, pass: pass.demo)
        let cell = try #require(results.units.first { $0.unit == "u1" }?.cells.first { $0.code == "1.1.1" })
        #expect(cell.appraised == Points(parsing: "0.5") && cell.reason == "Kế hoạch ban hành chậm")
        #expect(results.history.first?.final?.kept == true)
        #expect(results.history.first?.final?.reason == "Giữ nguyên: văn bản ban hành sau hạn")
        let verified = try cli.run(["verify", "round"])
        #expect(verified.exited(0), "\(verified)")
    }

    /// Before the member's decision the merge is refused (`merge.second-missing`); without a
    /// forward it is `merge.not-forwarded`; `--allow-incomplete` merges both, the dispute recorded
    /// without a decision (and, unforwarded, without a forward), and verify passes.
    @Test func undecidedAndUnforwardedRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try SecondRoundCLITests.forwardedRound(cli)
        let missing = try Self.merge(cli, pass: pass.demo)
        #expect(!missing.exited(0))
        #expect(missing.stderr.contains("1 explained cells have no second-round decision yet: tv-01: u1/1.1.1"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("round/manifest.avm")))

        let other = try CLI()
        defer { other.cleanUp() }
        let pass2 = try SecondRoundCLITests.forwardedRound(other, forward: false)
        let unforwarded = try Self.merge(other, pass: pass2.demo)
        #expect(!unforwarded.exited(0))
        #expect(unforwarded.stderr.contains("never forwarded"), "\(unforwarded.stderr)")
        #expect(unforwarded.stderr.contains("explanations forward"), "\(unforwarded.stderr)")
        #expect(try Self.merge(other, pass: pass2.demo, ["--allow-incomplete"]).exited(0))
        let results = try Self.release(other, pass: pass2.demo)
        let h = try #require(results.history.first)
        #expect(h.explanation?.forwarded == nil && h.final == nil && h.explanation?.text != nil)
        let cell = try #require(results.units.first { $0.unit == "u1" }?.cells.first { $0.code == "1.1.1" })
        #expect(cell.appraised == h.preliminaryScore)
        let verified = try other.run(["verify", "round"])
        #expect(verified.exited(0), "\(verified)")
    }

    /// A round with unit keys and no preliminary merge: refused, unless `--skip-explanation`
    /// (journaled as skipped, and verify still passes).
    @Test func noPreliminaryNeedsSkip() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try NoticeCLITests.submittedRound(cli)
        let refused = try Self.merge(cli, pass: pass.demo)
        #expect(!refused.exited(0))
        #expect(refused.stderr.contains("no preliminary merge"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--skip-explanation"), "\(refused.stderr)")
        let skipped = try Self.merge(cli, pass: pass.demo, ["--skip-explanation"])
        #expect(skipped.exited(0), "\(skipped)")
        #expect(try ExplanationCLITests.journal(cli).last?.details["explanation"] == .string("skipped"))
        let verified = try cli.run(["verify", "round"])
        #expect(verified.exited(0), "\(verified)")
    }

    /// A second-round change to a cell nobody explained (sealed with `--unexplained`) is refused
    /// at the merge unless the secretary allows it; then the manifest and the journal record the
    /// exception, the history has it without an explanation, and verify passes.
    @Test func unexplainedChangeNeedsTheSecretary() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try SecondRoundCLITests.forwardedRound(cli)
        try Self.decide(
            cli, pass: pass.demo, "giữ,,\"Giữ nguyên\"", ["--unexplained", "u2/1.1.1"],
            extraRows: [#"u2,,1.1.1,,,,,,,,sửa,0.5,"Hội đồng rà soát lại hồ sơ""#])
        let refused = try Self.merge(cli, pass: pass.demo)
        #expect(!refused.exited(0))
        #expect(refused.stderr.contains("which no unit explained"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--allow-unexplained-change u2/1.1.1"), "\(refused.stderr)")
        let bad = try Self.merge(cli, pass: pass.demo, ["--allow-unexplained-change", "u2-1.1.1"])
        #expect(!bad.exited(0) && bad.stderr.contains("not UNIT/CODE"), "\(bad)")
        let typo = try Self.merge(
            cli, pass: pass.demo, ["--allow-unexplained-change", "u2/1.1.1", "--allow-unexplained-change", "u2/1.1.2"])
        #expect(!typo.exited(0) && typo.stderr.contains("u2/1.1.2: no second-round revision changes"), "\(typo)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("round/manifest.avm")))
        let allowed = try Self.merge(cli, pass: pass.demo, ["--allow-unexplained-change", "u2/1.1.1"])
        #expect(allowed.exited(0), "\(allowed)")
        #expect(allowed.stdout.contains("1 allowed exceptions"), "\(allowed.stdout)")
        #expect(try ExplanationCLITests.journal(cli).last?.details["exceptions"] == .array([.string("u2/1.1.1")]))
        let results = try Self.release(cli, pass: pass.demo)
        let exception = try #require(results.history.first { $0.unit == "u2" })
        #expect(exception.explanation == nil && exception.final?.score == Points(parsing: "0.5"))
        let verified = try cli.run(["verify", "round"])
        #expect(verified.exited(0), "\(verified)")
    }
}
