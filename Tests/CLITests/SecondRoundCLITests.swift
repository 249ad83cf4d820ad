import Foundation
import Testing

@testable import AppraisalVault

/// The second round (spec §12.6), through the built `avault`: `worksheet --second` lists only
/// the cells forwarded to the member, `seal --second` checks the sheet against them and seals
/// `MEMBER.rN.av2`, `receive` takes it in after the first `forward`, `verify` checks 14e.
/// The round is ``ExplanationCLITests``' (u1 disagrees on 1.1.1, tv-01's cell), forwarded to
/// tv-01 by `explanations forward` (§12.5).
@Suite("avault worksheet --second, seal --second")
struct SecondRoundCLITests {
    /// The round with u1's explanation received (disagreeing on 1.1.1 only) and, when `forward`,
    /// that cell forwarded to tv-01 by `explanations forward` (`round/forwarded/tv-01.u1.r1.avf`).
    static func forwardedRound(_ cli: CLI, forward: Bool = true) throws -> (demo: String, unit: String) {
        let pass = try ExplanationCLITests.notifiedRound(cli, answerBy: "2099-12-31")
        let sheet = try ExplanationCLITests.fill(
            cli, ["1.1.1": "không đồng ý,\"Đã ban hành đúng hạn, văn bản số 12\","])
        let explained = try ExplanationCLITests.explain(cli, sheet, key: "keys/u1.key", pass: pass.unit)
        #expect(explained.exited(0), "\(explained)")
        let received = try ExplanationCLITests.receive(cli, "u1.r1.avx", pass: pass.demo)
        #expect(received.exited(0), "\(received)")
        guard forward else { return pass }
        let forwarded = try cli.run([
            "explanations", "forward", "--round", "round", "--key", "keys/thu-ky.key", "--passphrase-file", pass.demo,
        ])
        #expect(forwarded.exited(0), "\(forwarded)")
        #expect(FileManager.default.fileExists(atPath: cli.path("round/forwarded/tv-01.u1.r1.avf")))
        return pass
    }

    static func worksheet(_ cli: CLI, pass: String, key: String = "keys/tv-01.key", out: String = "second.csv")
        throws -> CLIResult
    {
        try cli.run([
            "worksheet", "--second", "--round", "round", "--forwarded", "round/forwarded/tv-01.u1.r1.avf", "--key",
            key, "--passphrase-file", pass, "-o", out,
        ])
    }

    /// The second-round sheet with the three answer columns of `u1/1.1.1` set to `answer`, and `extra` rows.
    static func fill(_ cli: CLI, _ answer: String, extra: [String] = []) throws -> String {
        let text = try String(contentsOfFile: cli.path("second.csv"), encoding: .utf8)
        var lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 2, "\(lines)")
        #expect(lines[1].hasSuffix(",,,"), "\(lines[1])")
        lines[1] = String(lines[1].dropLast(3)) + "," + answer
        return try cli.write("second-filled.csv", Array((lines + extra).joined(separator: "\r\n").utf8 + [13, 10]))
    }

    static func seal(_ cli: CLI, _ sheet: String, pass: String, _ extra: [String] = []) throws -> CLIResult {
        try cli.run(
            [
                "seal", "--second", sheet, "--round", "round", "--key", "keys/tv-01.key", "--passphrase-file", pass,
                "--forwarded", "round/forwarded/tv-01.u1.r1.avf",
            ] + extra)
    }

    static func receive(_ cli: CLI, _ file: String, pass: String) throws -> CLIResult {
        try ExplanationCLITests.receive(cli, file, pass: pass)
    }

    static func opened(_ cli: CLI, _ file: String) throws -> SecondAppraisal {
        try SecondAppraisalFile.load(cli.path(file)).open(with: VerifyCLITests.secrets["thu-ky"]!)
    }

    /// The sheet has exactly the forwarded cell, with the unit's text and the round-1 values.
    @Test func worksheetListsOnlyForwardedCells() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.forwardedRound(cli)
        let r = try Self.worksheet(cli, pass: pass.demo)
        #expect(r.exited(0), "\(r)")
        #expect(r.stdout.contains("1 explained cells from 1 forwarded files"), "\(r.stdout)")
        let text = try String(contentsOfFile: cli.path("second.csv"), encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 2, "\(lines)")
        #expect(lines[0].hasSuffix(SecondSheet.columns.joined(separator: ",")), "\(lines[0])")
        #expect(lines[1].hasPrefix("u1,"), "\(lines[1])")
        #expect(lines[1].contains(",1.1.1,"), "\(lines[1])")
        #expect(lines[1].contains("Đã ban hành đúng hạn, văn bản số 12"), "\(lines[1])")
        #expect(lines[1].contains("0.5,Kế hoạch ban hành chậm"), "\(lines[1])")
        // XLSX too, and another member's key is refused before any passphrase.
        let x = try Self.worksheet(cli, pass: pass.demo, out: "second.xlsx")
        #expect(x.exited(0), "\(x)")
        let other = try Self.worksheet(cli, pass: pass.demo, key: "keys/tv-02.key", out: "other.csv")
        #expect(!other.exited(0))
        #expect(other.stderr.contains("is for member tv-01, not for tv-02"), "\(other.stderr)")
        let unit = try Self.worksheet(cli, pass: pass.unit, key: "keys/u1.key", out: "unit.csv")
        #expect(!unit.exited(0))
        #expect(unit.stderr.contains("not the key of an appraising member"), "\(unit.stderr)")
    }

    /// Keep with a reason, sealed, received, verified; then a change as revision 2 supersedes it;
    /// the same file again is a duplicate, an older revision stale.
    @Test func keepThenChangeReceiveVerify() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.forwardedRound(cli)
        #expect(try Self.worksheet(cli, pass: pass.demo).exited(0))
        let keep = try Self.fill(cli, "giữ,,\"Giữ nguyên: văn bản số 12 ban hành sau hạn\"")
        let sealed = try Self.seal(cli, keep, pass: pass.demo)
        #expect(sealed.exited(0), "\(sealed)")
        #expect(sealed.stdout.contains("1 cells, 0 changed"), "\(sealed.stdout)")
        let first = try Self.opened(cli, "tv-01.r1.av2")
        #expect(first.rows.count == 1)
        #expect(first.rows[0].decision == .keep)
        #expect(first.rows[0].score == Points(parsing: "0.5"))
        #expect(
            first.rows[0].explanation
                == (try ForwardedExplanationFile.load(
                    cli.path("round/forwarded/tv-01.u1.r1.avf")
                ).fileHash))
        let again = try Self.seal(cli, keep, pass: pass.demo)
        #expect(!again.exited(0))
        #expect(again.stderr.contains("tv-01.r1.av2"), "\(again.stderr)")
        let r1 = try Self.receive(cli, "tv-01.r1.av2", pass: pass.demo)
        #expect(r1.exited(0), "\(r1)")
        #expect(r1.stdout.contains("second-round revision of member tv-01, revision 1"), "\(r1.stdout)")
        #expect(FileManager.default.fileExists(atPath: cli.path("round/second/tv-01.r1.av2")))
        let entry = try #require(try ExplanationCLITests.journal(cli).last)
        #expect(entry.event == "receive-second")
        #expect(entry.details["member"] == .string("tv-01"))
        #expect(entry.details["supersedes"] == nil)
        let change = try Self.fill(cli, "sửa,1,\"Chấp nhận giải trình\nvăn bản số 12 đúng hạn\"")
        let sealed2 = try Self.seal(cli, change, pass: pass.demo, ["--revision", "2"])
        #expect(sealed2.exited(0), "\(sealed2)")
        let second = try Self.opened(cli, "tv-01.r2.av2")
        #expect(second.rows[0].decision == .change)
        #expect(second.rows[0].score == Points(parsing: "1"))
        #expect(second.rows[0].reason == "Chấp nhận giải trình\nvăn bản số 12 đúng hạn")
        #expect(try Self.receive(cli, "tv-01.r2.av2", pass: pass.demo).exited(0))
        #expect(try ExplanationCLITests.journal(cli).last?.details["supersedes"] == .integer(1))
        let duplicate = try Self.receive(cli, "tv-01.r2.av2", pass: pass.demo)
        #expect(!duplicate.exited(0))
        #expect(duplicate.stdout.contains("rejected") || duplicate.stderr.contains("already"), "\(duplicate)")
        let stale = try Self.seal(cli, keep, pass: pass.demo, ["-o", "stale.r1.av2"])
        #expect(stale.exited(0), "\(stale)")
        let refused = try Self.receive(cli, "stale.r1.av2", pass: pass.demo)
        #expect(!refused.exited(0))
        let rejects = try ExplanationCLITests.journal(cli).filter { $0.event == "reject" }.map { $0.details["rule"] }
        #expect(rejects.suffix(2) == [.string("inbox.duplicate"), .string("inbox.stale")], "\(rejects)")
        let verified = try cli.run(["verify", "round", "--json"])
        #expect(verified.exited(0), "\(verified)")
        #expect(verified.stdout.contains("verify.second-ok"), "\(verified.stdout)")
    }

    /// A change to a cell nobody explained is refused (`second.not-explained`); with
    /// `--unexplained UNIT/CODE` it is a recorded exception row without `explanation`.
    @Test func changeWithoutExplanationRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.forwardedRound(cli)
        #expect(try Self.worksheet(cli, pass: pass.demo).exited(0))
        let extra = "u2,,1.1.1,,,,,,,,sửa,0.5,Xem lại minh chứng"
        let sheet = try Self.fill(cli, "giữ,,Giữ nguyên", extra: [extra])
        let r = try Self.seal(cli, sheet, pass: pass.demo)
        #expect(!r.exited(0))
        #expect(r.stderr.contains("second-filled.csv:3:3: cell u2/1.1.1 was not explained to you"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("tv-01.r1.av2")))
        let bad = try Self.seal(cli, sheet, pass: pass.demo, ["--unexplained", "u3/1.1.1"])
        #expect(!bad.exited(0))
        #expect(bad.stderr.contains("not a cell UNIT/CODE assigned to member tv-01"), "\(bad.stderr)")
        let ok = try Self.seal(cli, sheet, pass: pass.demo, ["--unexplained", "u2/1.1.1"])
        #expect(ok.exited(0), "\(ok)")
        let opened = try Self.opened(cli, "tv-01.r1.av2")
        #expect(opened.rows.map(\.cell) == [Cell(unit: "u1", code: "1.1.1"), Cell(unit: "u2", code: "1.1.1")])
        #expect(opened.rows[1].explanation == nil)
        #expect(opened.rows[1].decision == .change)
    }

    /// The sheet's rules, each refused with its id and nothing written.
    @Test(arguments: [
        ("giữ,0.75,Giữ", "cell u1/1.1.1: keeping the score but diem_tham_dinh is 0.75"),
        ("sửa,0.5,Sửa", "changing but the new score 0.5 is the round-1 score"),
        ("giữ,,   ", "cell u1/1.1.1: no reason in ly_do"),
        ("sửa,,Sửa", "changing, but no new score"),
        ("sửa,0.3,Sửa", "score 0.3 is not valid for this cell (0 to 1, a multiple of 0.25)"),
        ("có lẽ,,Lý do", "is not a decision"),
    ])
    func sheetRuleRefused(answer: String, message: String) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.forwardedRound(cli)
        #expect(try Self.worksheet(cli, pass: pass.demo).exited(0))
        let r = try Self.seal(cli, try Self.fill(cli, answer), pass: pass.demo)
        #expect(!r.exited(0))
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("tv-01.r1.av2")))
    }

    /// A forwarded cell without its row, and a changed informational cell, are refused.
    @Test func missingRowAndChangedCellRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.forwardedRound(cli)
        #expect(try Self.worksheet(cli, pass: pass.demo).exited(0))
        let text = try String(contentsOfFile: cli.path("second.csv"), encoding: .utf8)
        let header = text.components(separatedBy: "\r\n")[0]
        let empty = try cli.write("empty.csv", Array((header + "\r\n").utf8))
        let r = try Self.seal(cli, empty, pass: pass.demo)
        #expect(!r.exited(0))
        #expect(r.stderr.contains("the forwarded cell u1/1.1.1 has no row"), "\(r.stderr)")
        let sheet = try Self.fill(cli, "giữ,,Giữ")
        let changed = try String(contentsOfFile: sheet, encoding: .utf8).replacingOccurrences(
            of: "Kế hoạch ban hành chậm", with: "Kế hoạch ban hành đúng hạn")
        let c = try Self.seal(cli, try cli.write("changed.csv", Array(changed.utf8)), pass: pass.demo)
        #expect(!c.exited(0))
        #expect(c.stderr.contains("column ly_do_vong_1 was changed"), "\(c.stderr)")
    }

    /// The XLSX form: only the three answer columns unlocked; filled, it is sealed; a changed
    /// read-only cell is refused naming the cell.
    @Test func xlsxSheet() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.forwardedRound(cli)
        #expect(try Self.worksheet(cli, pass: pass.demo, out: "second.xlsx").exited(0))
        let parts = try ZipArchive.read(try cli.read("second.xlsx"))
        let sheet = String(decoding: try #require(parts["xl/worksheets/sheet1.xml"]), as: UTF8.self)
        #expect(sheet.contains("<sheetProtection"), "protected")
        func write(_ name: String, _ xml: String) throws -> String {
            var p = parts
            p["xl/worksheets/sheet1.xml"] = Array(xml.utf8)
            return try cli.write(name, ZipArchive.write(p.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
        }
        var filled = try ExplanationCLITests.filling("K5", in: sheet, with: "sửa")
        filled = try ExplanationCLITests.filling("L5", in: filled, with: "1")
        filled = try ExplanationCLITests.filling("M5", in: filled, with: "Chấp nhận giải trình")
        let changed = filled.replacingOccurrences(of: "Kế hoạch ban hành chậm", with: "Kế hoạch đúng hạn")
        #expect(changed != filled)
        let refused = try Self.seal(cli, try write("changed.xlsx", changed), pass: pass.demo)
        #expect(!refused.exited(0))
        #expect(refused.stderr.contains("changed.xlsx!H5"), "\(refused.stderr)")
        let r = try Self.seal(cli, try write("filled.xlsx", filled), pass: pass.demo)
        #expect(r.exited(0), "\(r)")
        let opened = try Self.opened(cli, "tv-01.r1.av2")
        #expect(opened.rows.first?.score == Points(parsing: "1"))
        #expect(opened.rows.first?.reason == "Chấp nhận giải trình")
    }

    /// `receive` of a second-round file before any `forward` is refused (and journaled as a reject).
    @Test func receiveBeforeForwardRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.forwardedRound(cli, forward: false)
        let round = try RoundDefinition.load(roundDirectory: cli.path("round"))
        let second = SecondAppraisal(
            round: round.fileHash, member: "tv-01", revision: 1,
            rows: [
                SecondAppraisal.Row(
                    unit: "u1", code: "1.1.1", decision: .keep, explanation: [UInt8](repeating: 7, count: 32),
                    score: Points(parsing: "0.5"), reason: "Giữ")
            ])
        let bytes = try SecondAppraisalFile.seal(second, member: VerifyCLITests.secrets["tv-01"]!, to: round.secretary)
        _ = try cli.write("tv-01.r1.av2", bytes)
        let r = try Self.receive(cli, "tv-01.r1.av2", pass: pass.demo)
        #expect(!r.exited(0))
        #expect(r.stderr.contains("no explanation has been forwarded yet"), "\(r.stderr)")
        #expect(try ExplanationCLITests.journal(cli).last?.details["rule"] == .string("inbox.second-before-forward"))
    }

    /// A revision in tv-01's name signed with tv-02's key is refused at receive (`inbox.key-mismatch`).
    @Test func signedByAnotherMemberRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.forwardedRound(cli)
        let round = try RoundDefinition.load(roundDirectory: cli.path("round"))
        let other = VerifyCLITests.secrets["tv-02"]!
        guard case .object(var fields) = other.identity.json else {
            Issue.record("identity json")
            return
        }
        fields["id"] = .string("tv-01")
        let forged = SecretIdentity(
            identity: try PublicIdentity(json: .object(fields)), signingKey: other.signingKey,
            encryptionKey: other.encryptionKey)
        let second = SecondAppraisal(
            round: round.fileHash, member: "tv-01", revision: 1,
            rows: [
                SecondAppraisal.Row(
                    unit: "u1", code: "1.1.1", decision: .change, explanation: [UInt8](repeating: 7, count: 32),
                    score: Points(parsing: "1"), reason: "Sửa")
            ])
        _ = try cli.write("tv-01.r1.av2", try SecondAppraisalFile.seal(second, member: forged, to: round.secretary))
        let r = try Self.receive(cli, "tv-01.r1.av2", pass: pass.demo)
        #expect(!r.exited(0))
        #expect(try ExplanationCLITests.journal(cli).last?.details["rule"] == .string("inbox.key-mismatch"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("round/second/tv-01.r1.av2")))
    }
}
