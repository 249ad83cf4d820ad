import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// Forwarded explanations (spec §12.5), through the built `avault`: `explanations forward` seals
/// to each member only the disputed cells assigned to them (and their evidence, re-sealed),
/// `explanations show` opens a member's own file only, and `verify` check 14d catches a forward
/// to a member not assigned the unit. The round is ``NoticeCLITests``' with three members:
/// tv-01 appraises 1.1.1 and TR1 of the departments, tv-02 their 1.1.2, tv-03 the district u3.
@Suite("avault explanations forward")
struct ForwardCLITests {
    static let members =
        "id,public_key_file,codes,units\ntv-01,keys/tv-01.pub,1.1.1 TR1,so-nganh\n"
        + "tv-02,keys/tv-02.pub,1.1.2,so-nganh\ntv-03,keys/tv-03.pub,1 TR1,huyen\n"

    static func secret(_ id: String) throws -> SecretIdentity {
        let path = CLI.root.path + "/keys/\(id).key"
        return try KeyFile(parsing: try FileIO.read(path, maxBytes: 1 << 16), file: path).unlock(
            passphrase: try SecretBytes(copying: Array("demo-appraisal-2026".utf8)))
    }

    /// The round after round 1 and the preliminary merge; u1's and u2's answer sheets written.
    static func notifiedRound(_ cli: CLI) throws -> (demo: String, unit: String) {
        let pass = try NoticeCLITests.prepare(cli)
        for name in ["tv-03"] {
            try FileManager.default.copyItem(
                atPath: CLI.root.path + "/keys/\(name).pub", toPath: cli.path("keys/\(name).pub"))
            _ = try cli.write(
                "keys/\(name).key", try FileIO.read(CLI.root.path + "/keys/\(name).key", maxBytes: 1 << 16))
        }
        _ = try cli.write("members.csv", Array(members.utf8))
        _ = try cli.write("unit-keys.csv", Array("unit,public_key_file\nu1,keys/u1.pub\nu2,keys/u2.pub\n".utf8))
        let made = try cli.run(NoticeCLITests.initArgs(unitKeys: "unit-keys.csv"))
        #expect(made.exited(0), "\(made)")
        let round = try RoundDefinition.load(roundDirectory: cli.path("round"))
        let inbox = Inbox(roundDirectory: cli.path("round"), roster: round.roster)
        func a(_ unit: String, _ code: String, _ score: String, _ reason: String = "") -> Appraisal {
            Appraisal(unit: unit, code: code, score: Points(parsing: score)!, reason: reason)
        }
        let rows: [String: [Appraisal]] = [
            "tv-01": [
                a("u1", "1.1.1", "0.5", "Kế hoạch ban hành chậm"), a("u1", "TR1", "0.25", "Báo cáo quý nộp chậm"),
                a("u2", "1.1.1", "0.25", "Không có minh chứng u2"), a("u2", "TR1", "0"),
            ],
            "tv-02": [a("u1", "1.1.2", "0.25", "Chưa đạt"), a("u2", "1.1.2", "0.25", "Chưa đạt u2")],
            "tv-03": [a("u3", "1.1.1", "1"), a("u3", "1.1.2", "0.5"), a("u3", "TR1", "0")],
        ]
        for (member, list) in rows {
            let bytes = try Sealing.seal(list, round: round, member: try secret(member), revision: 1)
            _ = try inbox.receive(try cli.write("\(member).r1.avs", bytes), secretary: try secret("thu-ky"))
        }
        let merged = try NoticeCLITests.preliminary(cli, pass: pass.demo)
        #expect(merged.exited(0), "\(merged)")
        for unit in ["u1", "u2"] {
            let opened = try NoticeCLITests.open(
                cli, "round/notices/\(unit).avn", key: "keys/\(unit).key", pass: pass.unit, ["--sheet", "\(unit).csv"])
            #expect(opened.exited(0), "\(opened)")
        }
        return pass
    }

    /// `unit`'s sheet with the answer columns of `code`'s row replaced by `answer`.
    static func fill(_ cli: CLI, _ unit: String, _ answers: [String: String], name: String) throws -> String {
        let text = try String(contentsOfFile: cli.path("\(unit).csv"), encoding: .utf8)
        var lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        for (i, line) in lines.enumerated() {
            for (code, answer) in answers where line.hasPrefix("\(unit),\(code),") {
                lines[i] = String(line.dropLast(3)) + "," + answer
            }
        }
        return try cli.write(name, Array(lines.joined(separator: "\r\n").utf8 + [13, 10]))
    }

    /// u1 disagrees on 1.1.1 (tv-01's, with evidence) and 1.1.2 (tv-02's), agrees on TR1; u2
    /// agrees with everything. Both explanations and the evidence are received.
    static func explainedRound(_ cli: CLI) throws -> (demo: String, unit: String) {
        let pass = try notifiedRound(cli)
        _ = try cli.write("ke-hoach.pdf", Array("%PDF-1.4 kế hoạch số 12, bản chụp".utf8))
        let u1 = try fill(
            cli, "u1",
            [
                "1.1.1": "không đồng ý,Kế hoạch ban hành đúng hạn,ke-hoach.pdf",
                "1.1.2": "không đồng ý,\"Đã có báo cáo\nsố 5/BC\",",
            ], name: "u1-filled.csv")
        let e1 = try ExplanationCLITests.explain(
            cli, u1, key: "keys/u1.key", pass: pass.unit, ["--attach", "ke-hoach.pdf"])
        #expect(e1.exited(0), "\(e1)")
        let u2 = try fill(cli, "u2", [:], name: "u2-filled.csv")
        let e2 = try ExplanationCLITests.explain(cli, u2, key: "keys/u2.key", pass: pass.unit)
        #expect(e2.exited(0), "\(e2)")
        let received = try cli.run([
            "receive", "u1.r1.e1.ave", "u1.r1.avx", "u2.r1.avx", "--round", "round", "--key", "keys/thu-ky.key",
            "--passphrase-file", pass.demo,
        ])
        #expect(received.exited(0), "\(received)")
        return pass
    }

    static func forward(_ cli: CLI, key: String = "keys/thu-ky.key", pass: String) throws -> CLIResult {
        try cli.run(["explanations", "forward", "--round", "round", "--key", key, "--passphrase-file", pass])
    }

    static func forwarded(_ cli: CLI) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cli.path("round/forwarded")).sorted()
    }

    /// Each member receives only their own disputed cells of u1 (u2 agreed: nothing), with the
    /// evidence re-sealed to them; counts only on the terminal; the journal records one `forward`
    /// per file and the phase is second-appraisal; verify passes with check 14d. Another member,
    /// a unit or the secretary cannot open a member's file. Forwarding again forwards nothing new;
    /// a later revision is forwarded again.
    @Test func forwardsOnlyAssignedCells() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.explainedRound(cli)
        let r = try Self.forward(cli, pass: pass.demo)
        #expect(r.exited(0), "\(r)")
        #expect(r.stdout.contains("Forwarded 2 file(s) to 2 member(s), 2 cell(s) in all"), "\(r.stdout)")
        #expect(r.stdout.contains("Units that agreed with every cell (nothing to forward): u2"), "\(r.stdout)")
        #expect(!r.stdout.contains("Kế hoạch") && !r.stdout.contains("0.5"), "no content: \(r.stdout)")
        #expect(try Self.forwarded(cli) == ["tv-01.u1.r1.avf", "tv-01.u1.r1.e1.ave", "tv-02.u1.r1.avf"])
        let tv01 = try ForwardedExplanationFile.load(cli.path("round/forwarded/tv-01.u1.r1.avf"))
        let mine = try tv01.open(with: Self.secret("tv-01"))
        #expect(mine.items.map(\.code) == ["1.1.1"])
        #expect(mine.items[0].text == "Kế hoạch ban hành đúng hạn" && mine.items[0].reason == "Kế hoạch ban hành chậm")
        #expect(mine.items[0].score == Points(parsing: "0.5") && mine.items[0].selfScore == Points(parsing: "0.75"))
        #expect(mine.items[0].attachments.map(\.name) == ["ke-hoach.pdf"])
        let tv02 = try ForwardedExplanationFile.load(cli.path("round/forwarded/tv-02.u1.r1.avf"))
        let theirs = try tv02.open(with: Self.secret("tv-02"))
        #expect(theirs.items.map(\.code) == ["1.1.2"] && theirs.items[0].attachments.isEmpty)
        #expect(theirs.items[0].text == "Đã có báo cáo\nsố 5/BC")
        // Nobody else opens tv-01's file: another member, the secretary (envelope), a unit (CLI).
        for id in ["tv-02", "tv-03", "thu-ky"] {
            #expect(throws: EnvelopeError.self, "\(id)") { try tv01.open(with: Self.secret(id)) }
        }
        let other = try cli.run([
            "explanations", "show", "round/forwarded/tv-01.u1.r1.avf", "--key", "keys/tv-02.key", "--passphrase-file",
            pass.demo,
        ])
        #expect(other.status != 0 && other.stderr.contains("is for member tv-01, not for tv-02"), "\(other)")
        let unit = try cli.run([
            "explanations", "show", "round/forwarded/tv-01.u1.r1.avf", "--key", "keys/u1.key", "--passphrase-file",
            pass.unit,
        ])
        #expect(unit.status != 0 && unit.stderr.contains("a key of role unit"), "\(unit)")
        // The member reads it and extracts the evidence.
        let shown = try cli.run([
            "explanations", "show", "round/forwarded/tv-01.u1.r1.avf", "--key", "keys/tv-01.key", "--round", "round",
            "--evidence-out", "ev", "--passphrase-file", pass.demo,
        ])
        #expect(shown.exited(0), "\(shown)")
        #expect(shown.stdout.contains("1.1.1  0.75 → 0.5  Kế hoạch ban hành chậm"), "\(shown.stdout)")
        #expect(shown.stdout.contains("Kế hoạch ban hành đúng hạn") && shown.stdout.contains("ke-hoach.pdf"))
        #expect(try String(contentsOfFile: cli.path("ev/ke-hoach.pdf"), encoding: .utf8).contains("kế hoạch số 12"))
        // Journal and phase.
        let journal = try ExplanationCLITests.journal(cli)
        #expect(journal.filter { $0.kind == .forward }.count == 2)
        #expect(journal.filter { $0.kind == .forwardEvidence }.count == 1)
        let status = try cli.run(["status", "--round", "round", "--json"])
        #expect(status.stdout.contains("\"phase\":\"second-appraisal\""), "\(status.stdout)")
        let verified = try cli.run(["verify", "round"])
        #expect(!verified.stdout.contains("✗"), "\(verified.stdout)")
        #expect(verified.stdout.contains("forwarded/ holds the 2 forwarded explanations"), "\(verified.stdout)")
        // Again: nothing new.
        let again = try Self.forward(cli, pass: pass.demo)
        #expect(again.exited(0) && again.stdout.contains("Nothing new to forward"), "\(again)")
        #expect(try ExplanationCLITests.journal(cli).count == journal.count)
        // A second revision of u1 (1.1.1 only disputed) is forwarded again, to tv-01 only.
        let u1 = try Self.fill(cli, "u1", ["1.1.1": "không đồng ý,Bổ sung: đúng hạn,"], name: "u1-r2.csv")
        let e = try ExplanationCLITests.explain(cli, u1, key: "keys/u1.key", pass: pass.unit, ["--revision", "2"])
        #expect(e.exited(0), "\(e)")
        #expect(try ExplanationCLITests.receive(cli, "u1.r2.avx", pass: pass.demo).exited(0))
        let later = try Self.forward(cli, pass: pass.demo)
        #expect(later.exited(0) && later.stdout.contains("Forwarded 1 file(s) to 1 member(s)"), "\(later)")
        #expect(try Self.forwarded(cli).contains("tv-01.u1.r2.avf"))
        #expect(!(try Self.forwarded(cli).contains("tv-02.u1.r2.avf")))
        let after = try cli.run(["verify", "round"])
        #expect(!after.stdout.contains("✗"), "\(after.stdout)")
    }

    /// A forward to a member not assigned any cell of the unit, made by hand (re-sealed as the
    /// secretary to tv-03, with a matching journal entry), fails verify: `verify.forward-wrong-member`.
    @Test func forwardToWrongMemberFailsVerify() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.explainedRound(cli)
        #expect(try Self.forward(cli, pass: pass.demo).exited(0))
        let content = try ForwardedExplanationFile.load(cli.path("round/forwarded/tv-02.u1.r1.avf"))
            .open(with: Self.secret("tv-02"))
        let misdirected = ForwardedExplanation(
            round: content.round, unit: "u1", member: "tv-03", explanation: content.explanation, items: content.items)
        let round = try RoundDefinition.load(roundDirectory: cli.path("round"))
        let bytes = try ForwardedExplanationFile.seal(
            misdirected, secretary: Self.secret("thu-ky"), to: round.member("tv-03")!.identity)
        _ = try cli.write("round/forwarded/tv-03.u1.r1.avf", bytes, mode: 0o644)
        _ = try RoundJournal.append(
            roundDirectory: cli.path("round"), event: .forward,
            details: [
                "cells": .int(1), "explanation": .hex(content.explanation),
                "fileHash": .hex(BLAKE2b.hash(bytes, outputLength: 32)), "member": .string("tv-03"),
                "unit": .string("u1"),
            ], secretary: Self.secret("thu-ky"))
        let verified = try cli.run(["verify", "round", "--json"])
        #expect(verified.status != 0, "\(verified)")
        #expect(verified.stdout.contains("\"message\":\"verify.forward-wrong-member\""), "\(verified.stdout)")
        // A file in forwarded/ the journal does not name is a stray.
        try FileManager.default.removeItem(atPath: cli.path("round/forwarded/tv-03.u1.r1.avf"))
        let missing = try cli.run(["verify", "round", "--json"])
        #expect(missing.stdout.contains("\"message\":\"verify.forward-missing\""), "\(missing.stdout)")
    }

    /// The refusals: before the preliminary merge; with a member's key; an explanation that does not
    /// answer exactly the contested cells of its notice (nothing written, nothing journaled).
    @Test func refusals() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try NoticeCLITests.prepare(cli)
        _ = try cli.write("unit-keys.csv", Array("unit,public_key_file\nu1,keys/u1.pub\n".utf8))
        #expect(try cli.run(NoticeCLITests.initArgs(unitKeys: "unit-keys.csv")).exited(0))
        let early = try Self.forward(cli, pass: pass.demo)
        #expect(early.status != 0 && early.stderr.contains("the preliminary merge was not made"), "\(early)")

        let cli2 = try CLI()
        defer { cli2.cleanUp() }
        let pass2 = try Self.notifiedRound(cli2)
        let member = try Self.forward(cli2, key: "keys/tv-01.key", pass: pass2.demo)
        #expect(member.status != 0 && member.stderr.contains("thu-ky"), "\(member)")
        // u1 answers only 1.1.1 of its three contested cells, signed with its round key.
        let round = try RoundDefinition.load(roundDirectory: cli2.path("round"))
        let notice = try NoticeFile.load(cli2.path("round/notices/u1.avn"))
        let unitKey = try KeyFile(parsing: try FileIO.read(cli2.path("keys/u1.key"), maxBytes: 1 << 16), file: "u1")
            .unlock(passphrase: try SecretBytes(copying: Array("đơn vị thử nghiệm một hai".utf8)))
        let partial = UnitExplanation(
            round: round.fileHash, unit: "u1", notice: notice.fileHash, revision: 1,
            answers: [.init(code: "1.1.1", agree: false, text: "Đúng hạn")])
        let bytes = try ExplanationFile.seal(partial, unit: unitKey, to: round.secretary)
        _ = try cli2.write("u1.r1.avx", bytes)
        #expect(try ExplanationCLITests.receive(cli2, "u1.r1.avx", pass: pass2.demo).exited(0))
        let before = try ExplanationCLITests.journal(cli2).count
        let r = try Self.forward(cli2, pass: pass2.demo)
        #expect(r.status != 0 && r.stderr.contains("does not answer exactly the contested cells"), "\(r)")
        #expect((try? Self.forwarded(cli2)) ?? [] == [])
        #expect(try ExplanationCLITests.journal(cli2).count == before)
        // The final merge refuses that explanation too (`merge.explanation-mismatch`); a forward
        // after the merge is refused in FinalMergeHistoryCLITests.
        let merged = try cli2.run([
            "merge", "--round", "round", "--key", "keys/thu-ky.key", "--passphrase-file", pass2.demo,
            "--allow-incomplete",
        ])
        #expect(
            merged.status == 65 && merged.stderr.contains("does not answer exactly the contested cells"), "\(merged)")
    }

    /// The evidence a forwarded cell cites is checked before anything is journaled: missing from
    /// explanations/ (`forward.evidence-missing`), or another file under its name (a later
    /// revision's copy: `forward.evidence-mismatch`); nothing is left in forwarded/.
    @Test func evidenceChecked() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.explainedRound(cli)
        let evidence = cli.path("round/explanations/u1.r1.e1.ave")
        try FileManager.default.moveItem(atPath: evidence, toPath: cli.path("kept.ave"))
        let before = try ExplanationCLITests.journal(cli).count
        let missing = try Self.forward(cli, pass: pass.demo)
        #expect(missing.status != 0 && missing.stderr.contains("is not in explanations/"), "\(missing)")
        #expect(try Self.forwarded(cli) == [])
        // u1's revision 2 attaches another document under the same name; its file put in place of r1's.
        _ = try cli.write("ke-hoach.pdf", Array("%PDF-1.4 một tài liệu khác".utf8))
        let u1 = try Self.fill(
            cli, "u1", ["1.1.1": "không đồng ý,Khác,ke-hoach.pdf", "1.1.2": "không đồng ý,Khác,"], name: "u1-r2.csv")
        let e = try ExplanationCLITests.explain(
            cli, u1, key: "keys/u1.key", pass: pass.unit, ["--attach", "ke-hoach.pdf", "--revision", "2"])
        #expect(e.exited(0), "\(e)")
        try FileManager.default.copyItem(atPath: cli.path("u1.r2.e1.ave"), toPath: evidence)
        let mismatch = try Self.forward(cli, pass: pass.demo)
        #expect(
            mismatch.status != 0 && mismatch.stderr.contains("is not the file its explanation lists"), "\(mismatch)")
        #expect(try Self.forwarded(cli) == [])
        #expect(try ExplanationCLITests.journal(cli).count == before)
    }
}
