import Foundation
import Testing

@testable import AppraisalVault

/// `avault survey import` and the survey at merge, verify and after release (spec §6.6, §9),
/// through the real binary, on a round whose framework has one survey sub-criterion (max 1).
@Suite("avault survey")
struct SurveyCLITests {
    /// Builds `cli.dir/round` with a survey item, both members' submissions received; copies the
    /// secretary's and two holders' keys. Returns the round and the passphrase file.
    static func setUp(_ cli: CLI) throws -> (round: RoundDefinition, pass: String) {
        let fm = FileManager.default
        try fm.createDirectory(atPath: cli.path("keys"), withIntermediateDirectories: true)
        for name in ["tv-01", "tv-02", "thu-ky", "chu-tich", "pho-chu-tich", "chanh-vp"] {
            try fm.copyItem(atPath: CLI.root.path + "/keys/\(name).pub", toPath: cli.path("keys/\(name).pub"))
        }
        for name in ["thu-ky", "chu-tich", "pho-chu-tich"] {
            _ = try cli.write("\(name).key", try FileIO.read(CLI.root.path + "/keys/\(name).key", maxBytes: 1 << 16))
        }
        let framework =
            "code,title,max,method,step\n1,Lĩnh vực A,2.5,,\n1.1,Tiêu chí A1,2.5,,\n1.1.1,Thành phần 1,1,self,\n"
            + "1.1.2,Thành phần 2,0.5,council,\n1.1.3,Điều tra XHH,1,survey,\ntotal,,2.5,,\n"
        let sources = RoundSetup.Sources(
            framework: try cli.write("framework.csv", Array(framework.utf8)),
            units: try cli.write(
                "units.csv", Array("id,name,group\nu1,Sở Một,so-nganh\nu2,UBND huyện Hai,huyen\n".utf8)),
            selfAssessment: try cli.write("self.csv", Array("unit,code,score\nu1,1.1.1,0.75\nu2,1.1.1,1\n".utf8)),
            members: try cli.write(
                "members.csv",
                Array(
                    "id,public_key_file,codes,units\ntv-01,keys/tv-01.pub,1,so-nganh\ntv-02,keys/tv-02.pub,1,huyen\n"
                        .utf8)),
            ceremony: try DemoCeremony.copy(into: cli.dir), title: "Vòng thử điều tra", year: 2025, isDemo: true)
        let secretary = VerifyCLITests.secrets["thu-ky"]!
        let round = try RoundFolder.create(try RoundSetup.load(sources), secretary: secretary, at: cli.path("round"))
        let inbox = Inbox(roundDirectory: cli.path("round"), roster: round.roster)
        for (member, unit) in [("tv-01", "u1"), ("tv-02", "u2")] {
            let rows = [
                Appraisal(unit: unit, code: "1.1.1", score: Points(parsing: "0.5")!, reason: "Thiếu kế hoạch"),
                Appraisal(unit: unit, code: "1.1.2", score: Points(parsing: "0.5")!, reason: ""),
            ]
            let bytes = try Sealing.seal(rows, round: round, member: VerifyCLITests.secrets[member]!, revision: 1)
            _ = try inbox.receive(try cli.write("\(member).r1.avs", bytes), secretary: secretary)
        }
        return (round, try cli.passphraseFile("demo-appraisal-2026"))
    }

    static func importSurvey(_ cli: CLI, _ csv: String, pass: String) throws -> CLIResult {
        try cli.run([
            "survey", "import", try cli.write("survey.csv", Array(csv.utf8)), "--round", "round", "--key",
            "thu-ky.key", "--passphrase-file", pass,
        ])
    }

    static func merge(_ cli: CLI, pass: String, _ extra: [String] = []) throws -> CLIResult {
        try cli.run(["merge", "--round", "round", "--key", "thu-ky.key", "--passphrase-file", pass] + extra)
    }

    /// `;` separators and decimal commas are read; a score over its maximum is one error naming
    /// the cell, not followed by "no survey score for" the same row; nothing is written.
    @Test func overMaximumIsOneError() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let (_, pass) = try Self.setUp(cli)
        let bad = try Self.importSurvey(cli, "unit;code;score\nu1;1.1.3;1,5\nu2;1.1.3;0,75\n", pass: pass)
        #expect(bad.exited(65), "\(bad)")
        #expect(bad.stderr.contains("survey.csv:2:3: score 1.5 must be within [0, 1]"), "\(bad)")
        #expect(!bad.stderr.contains("no survey score"), "\(bad)")
        #expect(bad.stderr.components(separatedBy: "error:").count == 2, "\(bad)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("round/survey.avq")))
        let good = try Self.importSurvey(cli, "unit;code;score\nu1;1.1.3;1\nu2;1.1.3;0,75\n", pass: pass)
        #expect(good.exited(0) && good.stdout.contains("Survey imported: 2 scores (import 1)"), "\(good)")
        #expect(FileManager.default.fileExists(atPath: cli.path("round/survey.avq")))
    }

    /// A survey cell without a row is named; a framework with survey items is not merged without
    /// an imported survey unless `--without-survey`, and then the reduced maximum is printed.
    @Test func missingSurveyNeedsWithoutSurvey() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let (_, pass) = try Self.setUp(cli)
        let partial = try Self.importSurvey(cli, "unit,code,score\nu1,1.1.3,1\n", pass: pass)
        #expect(partial.exited(65) && partial.stderr.contains("no survey score for u2 / 1.1.3"), "\(partial)")
        let refused = try Self.merge(cli, pass: pass)
        #expect(refused.exited(64), "\(refused)")
        #expect(refused.stderr.contains("no survey was imported into the round"), "\(refused)")
        #expect(refused.stderr.contains("--without-survey"), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("round/manifest.avm")))
        let merged = try Self.merge(cli, pass: pass, ["--without-survey"])
        #expect(merged.exited(0), "\(merged)")
        #expect(
            merged.stdout.contains("each index is over the reduced maximum of 1.5 points, not 2.5"), "\(merged)")
    }

    /// A re-import before the merge replaces the survey (import 2, journaled); after the merge an
    /// import is refused and `--without-survey` with an imported survey is refused too.
    @Test func importAfterMergeRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let (round, pass) = try Self.setUp(cli)
        #expect(try Self.importSurvey(cli, "unit,code,score\nu1,1.1.3,1\nu2,1.1.3,0.5\n", pass: pass).exited(0))
        let again = try Self.importSurvey(cli, "unit,code,score\nu1,1.1.3,0.75\nu2,1.1.3,0.5\n", pass: pass)
        #expect(again.exited(0) && again.stdout.contains("(import 2)"), "\(again)")
        let journal = try RoundJournal.load(
            roundDirectory: cli.path("round"), secretaryKey: round.secretary.signingKey, roundHash: round.fileHash)
        let imports = journal.entries.filter { $0.kind == .surveyImport }
        #expect(imports.count == 2 && imports[1].details["supersedes"] == .integer(1))
        let without = try Self.merge(cli, pass: pass, ["--without-survey"])
        #expect(without.exited(64) && without.stderr.contains("a survey was imported"), "\(without)")
        let merged = try Self.merge(cli, pass: pass)
        #expect(merged.exited(0) && !merged.stdout.contains("reduced maximum"), "\(merged)")
        let before = try cli.read("round/survey.avq")
        let late = try Self.importSurvey(cli, "unit,code,score\nu1,1.1.3,0.25\nu2,1.1.3,0.5\n", pass: pass)
        #expect(late.exited(65) && late.stderr.contains("the round is merged"), "\(late)")
        #expect(try cli.read("round/survey.avq") == before)
    }

    /// `verify` names a survey file altered after the merge (check 14a), and one replaced by a
    /// copy that was never journaled.
    @Test func tamperedSurveyDetected() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let (round, pass) = try Self.setUp(cli)
        #expect(try Self.importSurvey(cli, "unit,code,score\nu1,1.1.3,1\nu2,1.1.3,0.5\n", pass: pass).exited(0))
        #expect(try Self.merge(cli, pass: pass).exited(0))
        let fingerprint = round.fingerprint.description
        let clean = try cli.run(["verify", "round", "--fingerprint", fingerprint])
        #expect(clean.exited(0) && clean.stdout.contains("✓ survey.file  survey.avq"), "\(clean)")
        var bytes = try cli.read("round/survey.avq")
        bytes[bytes.count - 100] ^= 0x01
        _ = try cli.write("round/survey.avq", bytes, mode: 0o644)
        let tampered = try cli.run(["verify", "round", "--fingerprint", fingerprint])
        #expect(tampered.exited(1) && tampered.stdout.contains("✗ survey.file  survey.avq"), "\(tampered)")
    }

    /// After release anyone with the token recomputes every cell, the survey cells included: the
    /// results carry the signed survey and verify checks each survey cell against it.
    @Test func recomputeAfterRelease() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let (round, pass) = try Self.setUp(cli)
        #expect(try Self.importSurvey(cli, "unit;code;score\nu1;1.1.3;1\nu2;1.1.3;0,5\n", pass: pass).exited(0))
        #expect(try Self.merge(cli, pass: pass).exited(0))
        for id in ["chu-tich", "pho-chu-tich"] {
            let ok = try cli.run([
                "release", "approve", "--round", "round", "--key", "\(id).key", "--passphrase-file", pass,
                "--decision", "Quyết định số 9/QĐ-UBND (thử)", "-o", "\(id).ava",
            ])
            #expect(ok.exited(0), "\(ok)")
        }
        #expect(try cli.run(["release", "combine", "chu-tich.ava", "pho-chu-tich.ava", "--round", "round"]).exited(0))
        let verified = try cli.run(["verify", "round", "--fingerprint", round.fingerprint.description])
        #expect(verified.exited(0), "\(verified)")
        #expect(verified.stdout.contains("✓ results.survey"), "\(verified)")
        #expect(verified.stdout.contains("2 survey cells match it"), "\(verified)")
        #expect(verified.stdout.contains("✓ results.totals"), "\(verified)")
        let opened = try cli.run(["open", "--round", "round", "-o", "r.json"])
        #expect(opened.exited(0), "\(opened)")
        var json = try cli.read("r.json")
        if json.last == 0x0a { json.removeLast() }
        let results = try Results(json: try CanonicalJSON.parse(json))
        let survey = results.units.map { u in u.cells.first { $0.method == .survey }?.appraised?.description }
        #expect(survey == ["1", "0.5"])
        #expect(results.survey?.revision == 1)
        #expect(results.units.map(\.maxTotal.description) == ["2.5", "2.5"])
    }
}
