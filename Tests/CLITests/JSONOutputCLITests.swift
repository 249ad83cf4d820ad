import Foundation
import Testing

/// `--json` on `status`, `round show` and `receive` (shapes in docs/cli.md), and `receive`'s
/// warning about evidence a submission lists but that was not given.
@Suite(.serialized) struct JSONOutputCLITests {
    /// Parses one line of JSON output.
    static func object(_ text: String) throws -> [String: Any] {
        #expect(text.hasSuffix("\n") && text.dropLast().contains("\n") == false, "one line: \(text)")
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func statusShowReceiveAndMissingEvidence() throws {
        let s = try SubmissionCLITests.withAgreeingWorksheet()
        defer { s.cleanUp() }
        let dir = s.dir
        try Data([0x42]).write(to: URL(fileURLWithPath: dir + "/members/biên bản.txt"))
        let pass = ["--passphrase-file", "pass"]
        let secretary = ["--key", "keys/thu-ky.key"] + pass

        let show = try Self.object(try s.avault(["round", "show", "round", "--json"]).out)
        #expect(show["format"] as? String == "avault-round-v1")
        let members = try #require(show["members"] as? [[String: Any]])
        #expect(members.contains { $0["id"] as? String == "tv-01" })
        #expect((show["round"] as? [String: Any])?["fingerprint"] is String)

        let before = try Self.object(try s.avault(["status", "--round", "round", "--json"]).out)
        #expect(before["format"] as? String == "avault-status-v1")
        #expect(before["submitted"] as? Int == 0)
        #expect((before["members"] as? [[String: Any]])?.first?["revision"] is NSNull)

        let sealed = try s.avault(
            [
                "seal", "members/tv-01.csv", "--round", "round/round.avr", "--key", "keys/tv-01.key", "-o",
                "members/tv-01.avs", "--attach", "members/biên bản.txt",
            ] + pass)
        #expect(sealed.status == 0, "\(sealed.err)")

        // The submission without its evidence file: accepted, with a warning naming the file.
        let received = try s.avault(["receive", "members/tv-01.avs", "--round", "round", "--json"] + secretary)
        #expect(received.status == 0, "\(received.err)")
        let batch = try Self.object(received.out)
        #expect(batch["format"] as? String == "avault-receive-v1")
        #expect(batch["accepted"] as? Int == 1 && batch["rejected"] as? Int == 0)
        let item = try #require((batch["items"] as? [[String: Any]])?.first)
        #expect(item["outcome"] as? String == "accepted" && item["member"] as? String == "tv-01")
        let missing = try #require(item["missingEvidence"] as? [[String: Any]])
        #expect(missing.first?["file"] as? String == "tv-01.r1.e1.ave")
        #expect(missing.first?["document"] as? String == "biên bản.txt")
        #expect(received.err.contains("warning: members/tv-01.avs lists the evidence file tv-01.r1.e1.ave"))
        #expect(received.err.contains("avault receive members/tv-01.r1.e1.ave"), "\(received.err)")

        // Given afterwards, nothing is missing any more; a rejected file is an item with its error id.
        let evidence = try s.avault(
            ["receive", "members/tv-01.r1.e1.ave", "members/tv-01.avs", "--round", "round", "--json"] + secretary)
        #expect(evidence.status == 65, "\(evidence.err)")
        let second = try Self.object(evidence.out)
        let items = try #require(second["items"] as? [[String: Any]])
        #expect(items.contains { $0["outcome"] as? String == "evidence" && $0["index"] as? Int == 1 })
        let rejected = try #require(items.first { $0["outcome"] as? String == "rejected" })
        #expect((rejected["error"] as? [String: Any])?["id"] as? String == "inbox.duplicate")
        #expect(!evidence.err.contains("lists the evidence file"))

        let after = try Self.object(try s.avault(["status", "--round", "round", "--json"]).out)
        #expect(after["submitted"] as? Int == 1)
        #expect(
            (after["members"] as? [[String: Any]])?.first { $0["id"] as? String == "tv-01" }?["revision"] as? Int == 1)
    }
}
