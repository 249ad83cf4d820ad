import Foundation
import Testing

@testable import AppraisalVault

/// Units as participants and their notices (spec §12.1, §12.3), through the built `avault`: unit
/// keys made with `keygen --role unit`, listed by `round init --unit-keys`, the preliminary merge,
/// and `notice open`, which only the unit's own key passes.
@Suite("avault notice")
struct NoticeCLITests {
    static let framework =
        "code,title,max,method,step\n1,Lĩnh vực A,1.5,,\n1.1,Tiêu chí A1,1.5,,\n1.1.1,Thành phần 1,1,self,\n"
        + "1.1.2,Thành phần 2,0.5,council,\nTR1,Chậm nộp báo cáo,1,penalty,0.25\ntotal,,1.5,,\n"
    static let units = "id,name,group\nu1,Sở Một,so-nganh\nu2,Sở Hai,so-nganh\nu3,UBND huyện Ba,huyen\n"
    static let selfScores = "unit,code,score\nu1,1.1.1,0.75\nu2,1.1.1,1\nu3,1.1.1,1\n"
    static let members =
        "id,public_key_file,codes,units\ntv-01,keys/tv-01.pub,1 TR1,so-nganh\ntv-02,keys/tv-02.pub,1 TR1,huyen\n"

    /// The input files, the demo keys the round needs, the passphrase file and unit keys u1, u2 made
    /// by the binary (`keygen --role unit`, passphrase `đơn vị thử`); returns the passphrase files.
    static func prepare(_ cli: CLI) throws -> (demo: String, unit: String) {
        let fm = FileManager.default
        try fm.createDirectory(atPath: cli.path("keys"), withIntermediateDirectories: true)
        for name in ["tv-01", "tv-02", "thu-ky", "chu-tich"] {
            try fm.copyItem(atPath: CLI.root.path + "/keys/\(name).pub", toPath: cli.path("keys/\(name).pub"))
            _ = try cli.write(
                "keys/\(name).key", try FileIO.read(CLI.root.path + "/keys/\(name).key", maxBytes: 1 << 16))
        }
        _ = try cli.write("framework.csv", Array(framework.utf8))
        _ = try cli.write("units.csv", Array(units.utf8))
        _ = try cli.write("self.csv", Array(selfScores.utf8))
        _ = try cli.write("members.csv", Array(members.utf8))
        try DemoCeremony.copy(into: cli.dir)
        let unitPass = try cli.passphraseFile("đơn vị thử nghiệm một hai", name: "unit.pass")
        for unit in ["u1", "u2"] {
            let made = try cli.run([
                "keygen", "--id", unit, "--name", "Đầu mối CCHC \(unit)", "--role", "unit", "--out", cli.path("keys"),
                "--kdf", "interactive", "--passphrase-file", unitPass,
            ])
            #expect(made.exited(0), "\(made)")
        }
        return (try cli.passphraseFile("demo-appraisal-2026"), unitPass)
    }

    static func initArgs(unitKeys: String, out: String = "round") -> [String] {
        [
            "round", "init", "--framework", "framework.csv", "--units", "units.csv", "--self-assessment", "self.csv",
            "--members", "members.csv", "--ceremony", "ceremony", "--title", "Vòng giải trình", "--year", "2025",
            "--key", "keys/thu-ky.key", "--passphrase-file", "pass.txt", "--out", out, "--demo",
            "--unit-keys", unitKeys,
        ]
    }

    /// `round init --unit-keys`: the keys go into the signed round; `round show`, `status` and
    /// `verify` name the unit without a key. Each reject rule of the file is refused, nothing written.
    @Test func unitKeysInTheRound() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        _ = try Self.prepare(cli)
        let bad: [(csv: String, expected: String)] = [
            (
                "unit,public_key_file\nu1,keys/tv-01.pub\n",
                "has role member; a unit needs an identity made with keygen --role unit"
            ),
            ("unit,public_key_file\nu2,keys/u1.pub\n", "belongs to \"u1\", not to unit \"u2\""),
            ("unit,public_key_file\nu9,keys/u1.pub\n", "\"u9\" is not a unit of the units file"),
            ("unit,public_key_file\nu1,keys/u1.pub\nu1,keys/u1.pub\n", "unit u1 is listed twice"),
        ]
        for (i, b) in bad.enumerated() {
            _ = try cli.write("bad\(i).csv", Array(b.csv.utf8))
            let r = try cli.run(Self.initArgs(unitKeys: "bad\(i).csv", out: "bad\(i)"))
            #expect(r.status != 0)
            #expect(r.stderr.contains(b.expected) && r.stderr.contains("bad\(i).csv:"), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: cli.path("bad\(i)/round.avr")))
        }
        _ = try cli.write("unit-keys.csv", Array("unit,public_key_file\nu2,keys/u2.pub\nu1,keys/u1.pub\n".utf8))
        let made = try cli.run(Self.initArgs(unitKeys: "unit-keys.csv"))
        #expect(made.exited(0), "\(made)")
        let round = try RoundDefinition.load(roundDirectory: cli.path("round"))
        #expect(round.unitKeys.map(\.id) == ["u1", "u2"])
        #expect(round.unitKeys.allSatisfy { $0.role == .unit })
        #expect(round.unitsWithoutKey.map(\.id) == ["u3"])
        let shown = try cli.run(["round", "show", "round"])
        #expect(shown.stdout.contains("2 of 3 units have a key"), "\(shown.stdout)")
        #expect(shown.stdout.contains("without a key, no notice: u3"), "\(shown.stdout)")
        let status = try cli.run(["status", "--round", "round"])
        #expect(status.stdout.contains("without a key, no notice: u3"), "\(status)")
        let verified = try cli.run(["verify", "round", "--json"])
        #expect(verified.stdout.contains("\"message\":\"verify.units-without-key\""), "\(verified.stdout)")
        #expect(verified.stdout.contains("\"status\":\"warn\",\"subject\":\"round.avr\""), "\(verified.stdout)")
    }

    /// The round of ``unitKeysInTheRound()`` with both members' submissions received (in process).
    static func submittedRound(_ cli: CLI) throws -> (demo: String, unit: String) {
        let passes = try prepare(cli)
        _ = try cli.write("unit-keys.csv", Array("unit,public_key_file\nu1,keys/u1.pub\nu2,keys/u2.pub\n".utf8))
        let made = try cli.run(initArgs(unitKeys: "unit-keys.csv"))
        #expect(made.exited(0), "\(made)")
        let round = try RoundDefinition.load(roundDirectory: cli.path("round"))
        let secretary = VerifyCLITests.secrets["thu-ky"]!
        let inbox = Inbox(roundDirectory: cli.path("round"), roster: round.roster)
        let rows: [String: [Appraisal]] = [
            "tv-01": [
                Appraisal(unit: "u1", code: "1.1.1", score: Points(parsing: "0.5")!, reason: "Kế hoạch ban hành chậm"),
                Appraisal(unit: "u1", code: "1.1.2", score: Points(parsing: "0.5")!, reason: ""),
                Appraisal(unit: "u1", code: "TR1", score: Points(parsing: "0.25")!, reason: "Báo cáo quý nộp chậm"),
                Appraisal(unit: "u2", code: "TR1", score: .zero, reason: ""),
                Appraisal(unit: "u2", code: "1.1.1", score: Points(parsing: "0.25")!, reason: "Không có minh chứng u2"),
                Appraisal(unit: "u2", code: "1.1.2", score: Points(parsing: "0.25")!, reason: "Chưa đạt u2"),
            ],
            "tv-02": [
                Appraisal(unit: "u3", code: "1.1.1", score: Points(parsing: "1")!, reason: ""),
                Appraisal(unit: "u3", code: "1.1.2", score: Points(parsing: "0.5")!, reason: ""),
                Appraisal(unit: "u3", code: "TR1", score: .zero, reason: ""),
            ],
        ]
        for (member, list) in rows {
            let bytes = try Sealing.seal(list, round: round, member: VerifyCLITests.secrets[member]!, revision: 1)
            _ = try inbox.receive(try cli.write("\(member).r1.avs", bytes), secretary: secretary)
        }
        return passes
    }

    static func preliminary(_ cli: CLI, pass: String) throws -> CLIResult {
        try cli.run([
            "merge", "--preliminary", "--answer-by", "2026-02-01", "--round", "round", "--key", "keys/thu-ky.key",
            "--passphrase-file", pass,
        ])
    }

    static func open(_ cli: CLI, _ notice: String, key: String, pass: String, _ extra: [String] = []) throws
        -> CLIResult
    {
        try cli.run(["notice", "open", notice, "--key", key, "--passphrase-file", pass] + extra)
    }

    /// The preliminary merge writes one notice per unit with a key, journaled, and no score on the
    /// terminal; it is made once, and round 1 is closed after it. The round still verifies.
    @Test func preliminaryMergeWritesNotices() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.submittedRound(cli)
        let r = try Self.preliminary(cli, pass: pass.demo)
        #expect(r.exited(0), "\(r)")
        #expect(r.stdout.contains("2 notices written"), "\(r.stdout)")
        #expect(r.stdout.contains("without a key, no notice: u3"), "\(r.stdout)")
        #expect(!r.stdout.contains("0.5") && !r.stdout.contains("Kế hoạch"), "no score or reason: \(r.stdout)")
        let fm = FileManager.default
        #expect(try fm.contentsOfDirectory(atPath: cli.path("round/notices")).sorted() == ["u1.avn", "u2.avn"])
        let round = try RoundDefinition.load(roundDirectory: cli.path("round"))
        let journal = try RoundJournal.load(
            roundDirectory: cli.path("round"), secretaryKey: round.secretary.signingKey, roundHash: round.fileHash)
        let entry = try #require(journal.entries.last)
        #expect(entry.kind == .preliminary)
        #expect(entry.details["answerBy"] == .string("2026-02-01T16:59:59Z"))
        #expect(entry.details["withoutKey"] == .array([.string("u3")]))
        for unit in ["u1", "u2"] {
            let file = try NoticeFile.load(cli.path("round/notices/\(unit).avn"))
            try file.checkBinding(to: round)
            #expect(file.unit == unit)
        }
        let again = try Self.preliminary(cli, pass: pass.demo)
        #expect(again.status != 0)
        #expect(again.stderr.contains("the preliminary merge was already made"), "\(again.stderr)")
        // Round 1 is closed: a new revision is refused, nothing journaled.
        let rows = [
            Appraisal(unit: "u3", code: "1.1.1", score: Points(parsing: "1")!, reason: ""),
            Appraisal(unit: "u3", code: "1.1.2", score: Points(parsing: "0.25")!, reason: "Sửa"),
        ]
        let late = try cli.write(
            "tv-02.r2.avs", try Sealing.seal(rows, round: round, member: VerifyCLITests.secrets["tv-02"]!, revision: 2))
        let received = try cli.run([
            "receive", late, "--round", "round", "--key", "keys/thu-ky.key", "--passphrase-file", pass.demo,
        ])
        #expect(received.status != 0)
        #expect(received.stderr.contains("round-1 submissions are closed"), "\(received)")
        let verified = try cli.run(["verify", "round"])
        #expect(!verified.stdout.contains("✗"), "\(verified.stdout)")
    }

    /// A unit opens only its own notice: another unit's key, a member's, a holder's key and an
    /// auditor's public file are refused before anything is decrypted. The unit's own notice and
    /// its exports hold only its own cells, and no rank.
    @Test func onlyTheUnitOpensItsNotice() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.submittedRound(cli)
        #expect(try Self.preliminary(cli, pass: pass.demo).exited(0))
        let other = try Self.open(cli, "round/notices/u2.avn", key: "keys/u1.key", pass: pass.unit)
        #expect(other.status != 0)
        #expect(other.stderr.contains("this notice is for unit u2, not for u1"), "\(other.stderr)")
        // The same file renamed as u1's is still u2's (the name is not what binds it).
        try FileManager.default.copyItem(atPath: cli.path("round/notices/u2.avn"), toPath: cli.path("u1.avn"))
        #expect(try Self.open(cli, "u1.avn", key: "keys/u1.key", pass: pass.unit).status != 0)
        for key in ["keys/tv-01.key", "keys/chu-tich.key", "keys/thu-ky.key"] {
            let refused = try Self.open(cli, "round/notices/u1.avn", key: key, pass: pass.demo)
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("a notice opens only with the unit's own key"), "\(key): \(refused.stderr)")
        }
        let auditor = try Self.open(cli, "round/notices/u1.avn", key: "keys/u1.pub", pass: pass.unit)
        #expect(auditor.status != 0)
        #expect(!auditor.stdout.contains("1.1.1"), "\(auditor.stdout)")

        let own = try Self.open(
            cli, "round/notices/u1.avn", key: "keys/u1.key", pass: pass.unit,
            ["--round", "round", "--html", "u1.html", "--sheet", "u1.csv", "--csv-dialect", "standard"])
        #expect(own.exited(0), "\(own)")
        #expect(own.stdout.contains("Sở Một (u1)"), "\(own.stdout)")
        #expect(own.stdout.contains("1.1.1  0.75 → 0.5  (-0.25)  Kế hoạch ban hành chậm"), "\(own.stdout)")
        #expect(own.stdout.contains("2026-02-01T16:59:59Z"), "\(own.stdout)")
        let html = try String(contentsOfFile: cli.path("u1.html"), encoding: .utf8)
        let csv = try String(contentsOfFile: cli.path("u1.csv"), encoding: .utf8)
        for text in [html, csv, own.stdout] {
            #expect(!text.contains("u2") && !text.contains("Sở Hai") && !text.contains("u3"), "\(text)")
            #expect(!text.contains("Không có minh chứng") && !text.contains("Chưa đạt"), "\(text)")
            #expect(!text.lowercased().contains("rank") && !text.contains("Xếp hạng") && !text.contains("hạng"))
        }
        #expect(html.contains("Kế hoạch ban hành chậm") && html.contains("Sở Một"))
        // Printed like the report: A4, decimal commas with two decimals, the deadline in Vietnam time.
        #expect(html.contains("@page{size:A4") && html.contains("<td class=\"n\">0,50</td>"), "\(html)")
        #expect(html.contains("23:59:59 (giờ Việt Nam, UTC+7) ngày 01/02/2026"), "\(html)")
        // The penalty item is a cell of its own, outside the base total: base 1, penalty 0.25, final 0.75.
        #expect(own.stdout.contains("TR1  — → 0.25  (—)  Báo cáo quý nộp chậm"), "\(own.stdout)")
        #expect(own.stdout.contains("Totals: self 0.75, appraised 1, of 1.5"), "\(own.stdout)")
        #expect(own.stdout.contains("Bonus 0, penalty 0.25: preliminary final total 0.75."), "\(own.stdout)")
        #expect(
            html.contains("Điểm trừ: Chậm nộp báo cáo") && html.contains("tổng điểm cuối cùng (sơ bộ): <b>0,75</b>"))
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 4, "\(lines)")
        #expect(lines[0].hasSuffix(UnitNotice.sheetColumns.joined(separator: ",")))
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("u1,") }, "\(lines)")
        let attributes = try FileManager.default.attributesOfItem(atPath: cli.path("u1.csv"))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}
