import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// `avault verify` through the real binary, on a merged round folder built with the library from
/// the demo identities (keys/, passphrase `demo-appraisal-2026`).
@Suite("avault verify")
struct VerifyCLITests {
    static let secrets: [String: SecretIdentity] = {
        var out = [String: SecretIdentity]()
        for id in ["thu-ky", "tv-01", "tv-02"] {
            let path = CLI.root.path + "/keys/\(id).key"
            let bytes = try! FileIO.read(path, maxBytes: 1 << 16)
            out[id] = try! KeyFile(parsing: bytes, file: path).unlock(
                passphrase: try! SecretBytes(copying: Array("demo-appraisal-2026".utf8)))
        }
        return out
    }()

    /// Builds `cli.dir/round`: init, two members' submissions received, merged (unless `merge` is
    /// false). Returns the round.
    static func mergedRound(_ cli: CLI, merge: Bool = true) throws -> RoundDefinition {
        let round = try newRound(cli)
        let secretary = secrets["thu-ky"]!
        let dir = cli.path("round")
        let inbox = Inbox(roundDirectory: dir, roster: round.roster)
        for (member, unit, score, reason) in [("tv-01", "u1", "0.5", "Thiếu kế hoạch"), ("tv-02", "u2", "1", "")] {
            let rows = [
                Appraisal(unit: unit, code: "1.1.1", score: Points(parsing: score)!, reason: reason),
                Appraisal(unit: unit, code: "1.1.2", score: Points(parsing: "0.5")!, reason: ""),
            ]
            let bytes = try Sealing.seal(rows, round: round, member: secrets[member]!, revision: 1)
            _ = try inbox.receive(try cli.write("\(member).r1.avs", bytes), secretary: secretary)
        }
        if merge {
            _ = try RoundMerge.run(
                roundDirectory: dir, secretary: secretary, withoutSurvey: true, allowIncomplete: false)
        }
        return round
    }

    /// Builds `cli.dir/round` (round init only: two members, three holders of the demo ceremony, t = 2). Returns the round.
    static func newRound(_ cli: CLI, title: String = "Vòng thử verify") throws -> RoundDefinition {
        let fm = FileManager.default
        try fm.createDirectory(atPath: cli.path("keys"), withIntermediateDirectories: true)
        for name in ["tv-01", "tv-02", "thu-ky", "chu-tich", "pho-chu-tich", "chanh-vp"] {
            try fm.copyItem(atPath: CLI.root.path + "/keys/\(name).pub", toPath: cli.path("keys/\(name).pub"))
        }
        let framework =
            "code,title,max,method,step\n1,Lĩnh vực A,1.5,,\n1.1,Tiêu chí A1,1.5,,\n1.1.1,Thành phần 1,1,self,\n1.1.2,Thành phần 2,0.5,council,\ntotal,,1.5,,\n"
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
            ceremony: try DemoCeremony.copy(into: cli.dir), title: title, year: 2025, isDemo: true)
        return try RoundFolder.create(
            try RoundSetup.load(sources), secretary: secrets["thu-ky"]!, at: cli.path("round"))
    }

    /// A clean merged round: every check printed with ✓ or –, a PASSED summary, exit 0; JSON says
    /// passed and names the anchor. (Made in-process without a pin store: nothing pinned it.)
    @Test func cleanRoundExitsZero() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try Self.mergedRound(cli)
        let r = try cli.run(["verify", "round", "--fingerprint", round.fingerprint.description.lowercased()])
        #expect(r.exited(0), "\(r)")
        #expect(r.stdout.contains("✓ round.fingerprint  round.avr"))
        #expect(r.stdout.contains("✓ manifest.submissions  manifest.avm"))
        #expect(r.stdout.contains("– token.verify  release-token.avt  No release token yet"))
        #expect(r.stdout.contains("PASSED:"))
        let json = try cli.run(["verify", "round", "--json", "--fingerprint", round.fingerprint.description])
        #expect(json.exited(0), "\(json)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["passed"] as? Bool == true)
        #expect(object?["anchor"] as? String == "fingerprint")
        #expect(object?["round"] as? String == Hex.encode(round.fileHash))
        let checks = object?["checks"] as? [[String: Any]] ?? []
        #expect(checks.first?["id"] as? String == "round.signature")
        #expect(checks.allSatisfy { Set($0.keys) == ["detail", "id", "message", "passed", "status", "subject"] })
    }

    /// A submission removed after the merge and a wrong fingerprint: exit 1, the failing checks named, in Vietnamese too.
    @Test func failuresExitOne() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        _ = try Self.mergedRound(cli)
        try FileManager.default.removeItem(atPath: cli.path("round/submissions/tv-02.r1.avs"))
        let r = try cli.run(["verify", "round", "--fingerprint", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF"])
        #expect(r.exited(1), "\(r)")
        #expect(r.stdout.contains("✗ round.fingerprint"))
        #expect(r.stdout.contains("✗ manifest.submissions  submissions/tv-02.r1.avs"))
        #expect(r.stdout.contains("FAILED:"))
        let vi = try cli.run(["verify", "round"], language: "vi_VN.UTF-8")
        #expect(vi.exited(1))
        #expect(vi.stdout.contains("đã bị xoá sau khi tổng hợp"))
        let json = try cli.run(["verify", "round", "--json"])
        #expect(json.exited(1))
        #expect(json.stdout.contains(#""id":"manifest.submissions","message":"verify.listed-missing","passed":false"#))
    }

    /// An unreadable --fingerprint is a usage error (64); a missing folder is 66.
    @Test func usageErrors() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let bad = try cli.run(["verify", ".", "--fingerprint", "xyz"])
        #expect(bad.exited(64))
        #expect(bad.stderr.contains("not a fingerprint"))
        let missing = try cli.run(["verify", "nowhere"])
        #expect(missing.exited(66))
    }
}
