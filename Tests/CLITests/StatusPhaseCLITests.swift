import Foundation
import Testing

@testable import AppraisalVault

/// `status` shows the round's phase from its journal (spec §12.2) and, in a round with unit keys,
/// the notices: the deadline, who was notified, who has no key (ids and counts, never a content);
/// in text and `--json`, through the built `avault`.
extension NoticeCLITests {
    /// `status --json` of `round`, parsed.
    static func statusJSON(_ cli: CLI, _ round: String) throws -> [String: Any] {
        let r = try cli.run(["status", "--round", round, "--json"])
        #expect(r.exited(0), "\(r)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    /// Before and after the preliminary merge: appraisal, then explanation with the two notified
    /// units, the deadline and the unit without a key; never a score or a reason.
    @Test func statusShowsPhaseAndNotices() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.submittedRound(cli)
        let before = try cli.run(["status", "--round", "round"])
        #expect(before.exited(0), "\(before)")
        #expect(before.stdout.contains("Phase: appraisal (round-1 submissions are being collected)."), "\(before)")
        #expect(before.stdout.contains("2 of 3 units have a key and will receive their own notice"), "\(before)")
        #expect(before.stdout.contains("without a key, no notice: u3"), "\(before)")
        #expect(!before.stdout.contains("notices issued") && !before.stdout.contains("answers due"))
        let beforeJSON = try Self.statusJSON(cli, "round")
        #expect(beforeJSON["phase"] as? String == "appraisal")
        let noticesBefore = try #require(beforeJSON["notices"] as? [String: Any])
        #expect(noticesBefore["answerBy"] is NSNull)
        #expect(noticesBefore["notified"] as? [String] == [])
        #expect(noticesBefore["withoutKey"] as? [String] == ["u3"])

        #expect(try Self.preliminary(cli, pass: pass.demo).exited(0))
        let after = try cli.run(["status", "--round", "round"])
        #expect(after.exited(0), "\(after)")
        #expect(after.stdout.contains("Phase: explanation (preliminary merge done, notices issued"), "\(after)")
        #expect(after.stdout.contains("notices issued to 2 of 3 units: u1 u2"), "\(after)")
        #expect(after.stdout.contains("answers due by 2026-02-01T16:59:59Z"), "\(after)")
        #expect(after.stdout.contains("without a key, no notice: u3"), "\(after)")
        #expect(!after.stdout.contains("Kế hoạch") && !after.stdout.contains("0.25"), "no content: \(after.stdout)")
        let json = try Self.statusJSON(cli, "round")
        #expect(json["phase"] as? String == "explanation")
        let notices = try #require(json["notices"] as? [String: Any])
        #expect(notices["answerBy"] as? String == "2026-02-01T16:59:59Z")
        #expect(notices["notified"] as? [String] == ["u1", "u2"])
        #expect(notices["withoutKey"] as? [String] == ["u3"])
        let vi = try cli.run(["status", "--round", "round"], language: "vi_VN.UTF-8")
        #expect(vi.stdout.contains("Giai đoạn: giải trình"), "\(vi.stdout)")
        #expect(vi.stdout.contains("đã gửi thông báo cho 2 trong 3 đơn vị: u1 u2"), "\(vi.stdout)")
        #expect(vi.stdout.contains("hạn giải trình: 2026-02-01T16:59:59Z"), "\(vi.stdout)")
    }

    /// The demo round (three units with keys, its explanation round done): released with its
    /// token, merged without it; the notices part names who was notified and who answered.
    @Test func statusShowsMergedAndReleased() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try DemoAndReleaseCLITests.demo(cli, "d")
        let released = try cli.run(["status", "--round", round])
        #expect(released.stdout.contains("Phase: released (a release token is in the round folder)."), "\(released)")
        let json = try Self.statusJSON(cli, round)
        #expect(json["phase"] as? String == "released")
        let notices = try #require(json["notices"] as? [String: Any])
        #expect(notices["notified"] as? [String] == ["so-noi-vu", "so-tu-phap", "h-dien-bien"])
        #expect(notices["answered"] as? [String] == ["so-noi-vu", "so-tu-phap", "h-dien-bien"])
        #expect(notices["late"] as? [String] == [])
        try FileManager.default.removeItem(atPath: round + "/" + RoundLayout.tokenFileName)
        let merged = try cli.run(["status", "--round", round])
        #expect(merged.stdout.contains("Phase: merged (final results locked until the release)."), "\(merged)")
        #expect(try Self.statusJSON(cli, round)["phase"] as? String == "merged")
    }
}
