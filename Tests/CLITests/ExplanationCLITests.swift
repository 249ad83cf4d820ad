import Foundation
import Testing

@testable import AppraisalVault

/// The units' explanations (spec §12.4), through the built `avault`: the answer sheet of
/// `notice open --sheet`, filled and sealed by `explain`, taken in by `receive` without
/// decrypting, checked by `verify`. The round is ``NoticeCLITests``' (units u1, u2 with keys).
@Suite("avault explain")
struct ExplanationCLITests {
    /// The round of ``NoticeCLITests/submittedRound(_:)`` after the preliminary merge with the
    /// deadline `answerBy`, and u1's answer sheet written in `dialect`; returns the passphrase files.
    static func notifiedRound(_ cli: CLI, answerBy: String, dialect: String = "standard") throws -> (
        demo: String, unit: String
    ) {
        let pass = try NoticeCLITests.submittedRound(cli)
        let merged = try cli.run([
            "merge", "--preliminary", "--answer-by", answerBy, "--round", "round", "--key", "keys/thu-ky.key",
            "--passphrase-file", pass.demo,
        ])
        #expect(merged.exited(0), "\(merged)")
        let opened = try NoticeCLITests.open(
            cli, "round/notices/u1.avn", key: "keys/u1.key", pass: pass.unit,
            ["--sheet", "u1.csv", "--csv-dialect", dialect])
        #expect(opened.exited(0), "\(opened)")
        return pass
    }

    /// u1's sheet with the answer columns of `code`'s row replaced by `answer` (already in the
    /// sheet's dialect), and `extra` rows appended.
    static func fill(_ cli: CLI, _ answers: [String: String], extra: [String] = [], separator: String = ",")
        throws -> String
    {
        let text = try String(contentsOfFile: cli.path("u1.csv"), encoding: .utf8)
        var lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        for (i, line) in lines.enumerated() {
            for (code, answer) in answers where line.hasPrefix("u1\(separator)\(code)\(separator)") {
                let empty = String(repeating: separator, count: 3)
                #expect(line.hasSuffix(empty), "\(line)")
                lines[i] = String(line.dropLast(3)) + separator + answer
            }
        }
        return try cli.write("filled.csv", Array((lines + extra).joined(separator: "\r\n").utf8 + [13, 10]))
    }

    static func explain(_ cli: CLI, _ sheet: String, key: String, pass: String, _ extra: [String] = []) throws
        -> CLIResult
    {
        try cli.run(["explain", sheet, "--round", "round", "--key", key, "--passphrase-file", pass] + extra)
    }

    static func receive(_ cli: CLI, _ file: String, pass: String) throws -> CLIResult {
        try cli.run(["receive", file, "--round", "round", "--key", "keys/thu-ky.key", "--passphrase-file", pass])
    }

    static func journal(_ cli: CLI) throws -> [RoundJournal.Entry] {
        let round = try RoundDefinition.load(roundDirectory: cli.path("round"))
        return try RoundJournal.load(
            roundDirectory: cli.path("round"), secretaryKey: round.secretary.signingKey, roundHash: round.fileHash
        ).entries
    }

    /// The whole path on time, with a Vietnamese sheet (`;`, decimal commas): the unit disagrees on
    /// one cell, `explain` writes `u1.r1.avx`, `receive` takes it in (journaled, not late), the
    /// secretary's opening gives the answers back, and `verify` passes with check 14c.
    @Test func explainReceiveVerify() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.notifiedRound(cli, answerBy: "2099-12-31", dialect: "vi")
        let sheet = try Self.fill(
            cli, ["1.1.1": "không đồng ý;\"Kế hoạch ban hành đúng hạn; có văn bản số 12\";"], separator: ";")
        let r = try Self.explain(cli, sheet, key: "keys/u1.key", pass: pass.unit)
        #expect(r.exited(0), "\(r)")
        #expect(r.stdout.contains("3 contested cells answered, 1 disagreed with"), "\(r.stdout)")
        #expect(FileManager.default.fileExists(atPath: cli.path("u1.r1.avx")))
        let received = try Self.receive(cli, "u1.r1.avx", pass: pass.demo)
        #expect(received.exited(0), "\(received)")
        #expect(received.stdout.contains("explanation of unit u1, revision 1"), "\(received.stdout)")
        #expect(!received.stdout.contains("LATE"), "\(received.stdout)")
        let entry = try #require(try Self.journal(cli).last)
        #expect(entry.kind == .receiveExplanation)
        #expect(entry.details["late"] == .bool(false) && entry.details["unit"] == .string("u1"))
        let file = try ExplanationFile.load(cli.path("round/explanations/u1.r1.avx"))
        let opened = try file.open(with: VerifyCLITests.secrets["thu-ky"]!)
        #expect(opened.answers.map(\.code) == ["1.1.1", "1.1.2", "TR1"])
        #expect(opened.answers[0].agree == false)
        #expect(opened.answers[0].text == "Kế hoạch ban hành đúng hạn; có văn bản số 12")
        #expect(opened.answers[1] == UnitExplanation.Answer(code: "1.1.2", agree: true, text: ""))
        let notice = try NoticeFile.load(cli.path("round/notices/u1.avn"))
        #expect(opened.notice == notice.fileHash)
        // The same file again is a duplicate, refused.
        let again = try Self.receive(cli, "u1.r1.avx", pass: pass.demo)
        #expect(again.status != 0 && again.stderr.contains("already received"), "\(again)")
        let verified = try cli.run(["verify", "round"])
        #expect(!verified.stdout.contains("✗"), "\(verified.stdout)")
        #expect(verified.stdout.contains("explanations/ holds the 1 explanations"), "\(verified.stdout)")
        // A file changed by hand in the round folder fails verify.
        var bytes = try FileIO.read(cli.path("round/explanations/u1.r1.avx"), maxBytes: 1 << 20)
        bytes[bytes.count - 5] ^= 1
        _ = try cli.write("round/explanations/u1.r1.avx", bytes, mode: 0o644)
        let tampered = try cli.run(["verify", "round"])
        #expect(tampered.status != 0 && tampered.stdout.contains("✗"), "\(tampered.stdout)")
    }

    /// The sheet's rules, each refused naming the file, line and column, nothing written: a row of
    /// another unit's cell, a changed appraised score, disagreeing without a text, a text while
    /// agreeing, an unknown answer.
    @Test func sheetRulesRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.notifiedRound(cli, answerBy: "2099-12-31")
        let cases: [(answers: [String: String], extra: [String], expected: String)] = [
            (
                [:], ["u2,1.1.1,Thành phần 1,1,1,0.25,-0.75,Không có minh chứng u2,không đồng ý,Sai,"],
                "filled.csv:5:1: unit u2, cell 1.1.1 is not a cell of your notice"
            ),
            ([:], ["u1,9.9,X,1,,0,,,,,"], "filled.csv:5:2: unit u1, cell 9.9 is not a cell of your notice"),
            (["1.1.1": "không đồng ý,,"], [], "filled.csv:2:10: cell 1.1.1: you disagree, so giai_trinh must say why"),
            (["1.1.1": "đồng ý,Lý do,"], [], "cell 1.1.1: an explanation while agreeing"),
            (["1.1.1": "có lẽ,,"], [], "filled.csv:2:9: “có lẽ” is not an answer"),
        ]
        for c in cases {
            let sheet = try Self.fill(cli, c.answers, extra: c.extra)
            let r = try Self.explain(cli, sheet, key: "keys/u1.key", pass: pass.unit)
            #expect(r.status != 0)
            #expect(r.stderr.contains(c.expected), "\(c.expected): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: cli.path("u1.r1.avx")))
        }
        // A changed informational cell (the appraised score) is refused naming the cell.
        let text = try String(contentsOfFile: cli.path("u1.csv"), encoding: .utf8)
        let changed = try cli.write(
            "changed.csv", Array(text.replacingOccurrences(of: ",0.5,-0.25,", with: ",0.75,0,").utf8))
        let r = try Self.explain(cli, changed, key: "keys/u1.key", pass: pass.unit)
        #expect(r.status != 0)
        #expect(r.stderr.contains("changed.csv:2:6: column diem_tham_dinh was changed"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("u1.r1.avx")))
    }

    /// Only the unit's own round key signs: a member's key is refused by `explain` before the
    /// passphrase; a unit key the round does not list is refused; a member-signed explanation
    /// file is refused by `receive` (journaled as a rejection), without decrypting.
    @Test func onlyTheUnitSigns() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.notifiedRound(cli, answerBy: "2099-12-31")
        let sheet = try Self.fill(cli, [:])
        let member = try Self.explain(cli, sheet, key: "keys/tv-01.key", pass: pass.demo)
        #expect(member.status != 0)
        #expect(member.stderr.contains("an explanation is signed only with a unit's key"), "\(member.stderr)")
        try FileManager.default.createDirectory(atPath: cli.path("other"), withIntermediateDirectories: true)
        let made = try cli.run([
            "keygen", "--id", "u1", "--name", "Giả mạo", "--role", "unit", "--out", cli.path("other"), "--kdf",
            "interactive", "--passphrase-file", pass.unit,
        ])
        #expect(made.exited(0), "\(made)")
        let other = try Self.explain(cli, sheet, key: "other/u1.key", pass: pass.unit)
        #expect(other.status != 0)
        #expect(other.stderr.contains("this key is not the one the round lists for unit u1"), "\(other.stderr)")
        // A member seals an explanation-shaped file to the secretary: receive refuses it.
        let round = try RoundDefinition.load(roundDirectory: cli.path("round"))
        let notice = try NoticeFile.load(cli.path("round/notices/u1.avn"))
        let forged = UnitExplanation(
            round: round.fileHash, unit: "tv-01", notice: notice.fileHash, revision: 1,
            answers: [UnitExplanation.Answer(code: "1.1.1", agree: false, text: "Giả")])
        let bytes = try ExplanationFile.seal(forged, unit: VerifyCLITests.secrets["tv-01"]!, to: round.secretary)
        let file = try cli.write("tv-01.r1.avx", bytes)
        let received = try Self.receive(cli, file, pass: pass.demo)
        #expect(received.status != 0)
        #expect(received.stderr.contains("signed by tv-01, a member of this round, not by a unit"), "\(received)")
        let entry = try #require(try Self.journal(cli).last)
        #expect(entry.kind == .reject && entry.details["rule"] == .string("inbox.explanation-wrong-role"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("round/explanations/tv-01.r1.avx")))
        let verified = try cli.run(["verify", "round"])
        #expect(!verified.stdout.contains("✗"), "\(verified.stdout)")
    }

    /// An explanation received after the notice's deadline is accepted and marked late, on the
    /// terminal and in the journal; verify passes and counts it.
    @Test func lateExplanationAcceptedAndMarked() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.notifiedRound(cli, answerBy: "2026-02-01")
        let sheet = try Self.fill(cli, ["1.1.2": "disagree,Thành phần này đã đạt,"])
        #expect(try Self.explain(cli, sheet, key: "keys/u1.key", pass: pass.unit).exited(0))
        let received = try Self.receive(cli, "u1.r1.avx", pass: pass.demo)
        #expect(received.exited(0), "\(received)")
        #expect(received.stdout.contains("accepted, LATE: u1.r1.avx"), "\(received.stdout)")
        let entry = try #require(try Self.journal(cli).last)
        #expect(entry.kind == .receiveExplanation && entry.details["late"] == .bool(true))
        // A second revision supersedes the first (both kept), also late; --json says so.
        let second = try Self.explain(cli, sheet, key: "keys/u1.key", pass: pass.unit, ["--revision", "2"])
        #expect(second.exited(0) && FileManager.default.fileExists(atPath: cli.path("u1.r2.avx")), "\(second)")
        let json = try cli.run([
            "receive", "u1.r2.avx", "--round", "round", "--key", "keys/thu-ky.key", "--passphrase-file", pass.demo,
            "--json",
        ])
        #expect(json.exited(0), "\(json)")
        #expect(json.stdout.contains("\"late\":true") && json.stdout.contains("\"outcome\":\"explanation\""), "\(json)")
        let superseding = try #require(try Self.journal(cli).last)
        #expect(superseding.details["supersedes"] == .integer(1) && superseding.details["revision"] == .integer(2))
        #expect(try Self.receive(cli, "u1.r1.avx", pass: pass.demo).stderr.contains("already received"))
        let verified = try cli.run(["verify", "round"])
        #expect(!verified.stdout.contains("✗"), "\(verified.stdout)")
        #expect(verified.stdout.contains("2 received after the deadline"), "\(verified.stdout)")
        // status: who answered and who was late, ids only (spec §12.2), as text and --json.
        let status = try cli.run(["status", "--round", "round"])
        #expect(status.stdout.contains("explanations received from 1 of 2 notified units: u1"), "\(status.stdout)")
        #expect(status.stdout.contains("received after the deadline (the council decides): u1"), "\(status.stdout)")
        #expect(!status.stdout.contains("Thành phần này đã đạt"), "\(status.stdout)")
        let statusJSON = try JSONOutputCLITests.object(try cli.run(["status", "--round", "round", "--json"]).stdout)
        let notices = try #require(statusJSON["notices"] as? [String: Any])
        #expect(notices["answered"] as? [String] == ["u1"] && notices["late"] as? [String] == ["u1"], "\(notices)")
    }

    /// `sheet` with the cell `name` (empty as issued) given the inline text `text`.
    static func filling(_ name: String, in sheet: String, with text: String) throws -> String {
        let start = try #require(sheet.range(of: "<c r=\"\(name)\" "))
        let end = try #require(sheet[start.upperBound...].range(of: "/>"))
        let style = String(sheet[start.upperBound..<end.lowerBound])
        return sheet.replacingCharacters(
            in: start.lowerBound..<end.upperBound,
            with: "<c r=\"\(name)\" \(style) t=\"inlineStr\"><is><t>\(text)</t></is></c>")
    }

    /// The XLSX answer sheet: `notice open --sheet u1.xlsx` writes it (only the answer columns
    /// unlocked); filled, it is accepted by `explain`; a changed fixed cell is refused naming the
    /// cell; the file goes through `receive` and `verify`.
    @Test func xlsxAnswerSheet() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.notifiedRound(cli, answerBy: "2099-12-31")
        let opened = try NoticeCLITests.open(
            cli, "round/notices/u1.avn", key: "keys/u1.key", pass: pass.unit, ["--sheet", "u1.xlsx"])
        #expect(opened.exited(0), "\(opened)")
        let parts = try ZipArchive.read(try cli.read("u1.xlsx"))
        let sheet = String(decoding: try #require(parts["xl/worksheets/sheet1.xml"]), as: UTF8.self)
        #expect(sheet.contains("<sheetProtection"), "protected")
        #expect(!sheet.contains("u2") && !sheet.contains("Không có minh chứng"), "only u1's cells")
        func write(_ name: String, _ xml: String) throws {
            var p = parts
            p["xl/worksheets/sheet1.xml"] = Array(xml.utf8)
            _ = try cli.write(name, ZipArchive.write(p.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
        }
        var filled = try Self.filling("I7", in: sheet, with: "Không đồng ý")
        filled = try Self.filling("J7", in: filled, with: "Đã ban hành đúng hạn")
        let changed = filled.replacingOccurrences(of: "<v>0.5</v></c><c r=\"G7\"", with: "<v>0.75</v></c><c r=\"G7\"")
        #expect(changed != filled, "the appraised score cell F7 was found")
        try write("changed.xlsx", changed)
        let refused = try Self.explain(cli, "changed.xlsx", key: "keys/u1.key", pass: pass.unit)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("changed.xlsx!F7"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("u1.r1.avx")))
        try write("filled.xlsx", filled)
        let r = try Self.explain(cli, "filled.xlsx", key: "keys/u1.key", pass: pass.unit)
        #expect(r.exited(0), "\(r)")
        #expect(r.stdout.contains("3 contested cells answered, 1 disagreed with"), "\(r.stdout)")
        let opened2 = try ExplanationFile.load(cli.path("u1.r1.avx")).open(with: VerifyCLITests.secrets["thu-ky"]!)
        #expect(
            opened2.answers.first == UnitExplanation.Answer(code: "1.1.1", agree: false, text: "Đã ban hành đúng hạn"))
        #expect(try Self.receive(cli, "u1.r1.avx", pass: pass.demo).exited(0))
        let verified = try cli.run(["verify", "round"])
        #expect(!verified.stdout.contains("✗"), "\(verified.stdout)")
    }

    /// Evidence to an explanation, as a member's to a submission: `explain --attach` seals each
    /// document streaming as `UNIT.rN.eK.ave`, the sheet cites it in `minh_chung`; a name not
    /// attached is refused (nothing written); `receive` takes the evidence after its explanation
    /// (journaled), refuses it without one; `verify` checks it.
    @Test func evidenceAttachments() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.notifiedRound(cli, answerBy: "2099-12-31")
        _ = try cli.write("ke-hoach.pdf", Array("%PDF-1.4 kế hoạch số 12".utf8))
        let wrong = try Self.fill(cli, ["1.1.1": "không đồng ý,Có văn bản,khac.pdf"])
        let refused = try Self.explain(cli, wrong, key: "keys/u1.key", pass: pass.unit, ["--attach", "ke-hoach.pdf"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("“khac.pdf” is not one of the files given with --attach"), "\(refused)")
        for name in ["u1.r1.avx", "u1.r1.e1.ave"] { #expect(!FileManager.default.fileExists(atPath: cli.path(name))) }
        let sheet = try Self.fill(cli, ["1.1.1": "không đồng ý,Có văn bản,ke-hoach.pdf"])
        let r = try Self.explain(cli, sheet, key: "keys/u1.key", pass: pass.unit, ["--attach", "ke-hoach.pdf"])
        #expect(r.exited(0), "\(r)")
        #expect(r.stdout.contains("u1.r1.e1.ave"), "\(r.stdout)")
        let received = try cli.run([
            "receive", "u1.r1.e1.ave", "u1.r1.avx", "--round", "round", "--key", "keys/thu-ky.key",
            "--passphrase-file", pass.demo,
        ])
        #expect(received.exited(0), "\(received)")
        #expect(received.stdout.contains("evidence 1 of u1"), "\(received.stdout)")
        let entry = try #require(try Self.journal(cli).last)
        #expect(entry.kind == .receiveExplanationEvidence && entry.details["unit"] == .string("u1"))
        #expect(FileManager.default.fileExists(atPath: cli.path("round/explanations/u1.r1.e1.ave")))
        let opened = try ExplanationFile.load(cli.path("round/explanations/u1.r1.avx"))
            .open(with: VerifyCLITests.secrets["thu-ky"]!)
        #expect(opened.attachments.map(\.name) == ["ke-hoach.pdf"])
        #expect(opened.answers[0].attachments == ["ke-hoach.pdf"])
        let verified = try cli.run(["verify", "round"])
        #expect(!verified.stdout.contains("✗"), "\(verified.stdout)")
        // Evidence of a revision whose explanation was not received is refused.
        let second = try Self.explain(
            cli, sheet, key: "keys/u1.key", pass: pass.unit, ["--attach", "ke-hoach.pdf", "--revision", "2"])
        #expect(second.exited(0), "\(second)")
        let alone = try Self.receive(cli, "u1.r2.e1.ave", pass: pass.demo)
        #expect(alone.status != 0)
        #expect(alone.stderr.contains("that explanation was not received"), "\(alone)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("round/explanations/u1.r2.e1.ave")))
    }
}
