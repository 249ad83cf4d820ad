import Foundation
import Testing

@testable import AppraisalVault

/// Evidence attachments through the built `avault` binary (spec §10): seal --attach, receive,
/// evidence add, merge, extract, verify, on the sample round with the demo keys.
@Suite(.serialized) struct EvidenceCLITests {
    /// Two attachments (one of 65,537 bytes, one named in Vietnamese) round-trip byte for byte;
    /// a chunk-reordered copy is refused by extract with nothing written; an evidence file added
    /// after the merge and a tampered one fail `avault verify`.
    @Test func attachReceiveMergeExtractVerify() throws {
        let s = try SubmissionCLITests.withAgreeingWorksheet()
        defer { s.cleanUp() }
        let dir = s.dir
        let big = (0..<65_537).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        try Data(big).write(to: URL(fileURLWithPath: dir + "/members/biên bản họp.pdf"))
        try Data([0x42]).write(to: URL(fileURLWithPath: dir + "/members/a.txt"))
        let pass = ["--passphrase-file", "pass"]
        let secretary = ["--key", "keys/thu-ky.key"] + pass

        // An attachment name that cannot be used refuses before anything is written.
        try Data([1]).write(to: URL(fileURLWithPath: dir + "/members/x\u{1}y"))
        let refused = try s.avault(
            [
                "seal", "members/tv-01.csv", "--round", "round/round.avr", "--key", "keys/tv-01.key", "-o",
                "members/tv-01.avs",
                "--attach", "members/a.txt", "--attach", "members/x\u{1}y",
            ] + pass)
        #expect(refused.status == 65, "\(refused.err)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir + "/members").filter {
                $0.hasSuffix(".ave") || $0.hasSuffix(".avs")
            }.isEmpty)

        let sealed = try s.avault(
            [
                "seal", "members/tv-01.csv", "--round", "round/round.avr", "--key", "keys/tv-01.key", "-o",
                "members/tv-01.avs",
                "--attach", "members/biên bản họp.pdf", "--attach", "members/a.txt",
            ] + pass)
        #expect(sealed.status == 0, "\(sealed.err)")
        #expect(
            sealed.out.contains("Sealed evidence members/tv-01.r1.e1.ave (\"biên bản họp.pdf\", 64.0 KiB)."),
            "\(sealed.out)")

        // Evidence listed first on the command line: receive takes the submission first.
        let received = try s.avault(
            ["receive", "members/tv-01.r1.e2.ave", "members/tv-01.r1.e1.ave", "members/tv-01.avs", "--round", "round"]
                + secretary)
        #expect(received.status == 0, "\(received.err)")
        #expect(
            received.out.contains("accepted: members/tv-01.r1.e1.ave — evidence 1 of tv-01, revision 1"),
            "\(received.out)")
        try Data("tờ trình".utf8).write(to: URL(fileURLWithPath: dir + "/to-trinh.txt"))
        let added = try s.avault(["evidence", "add", "to-trinh.txt", "--round", "round"] + secretary)
        #expect(added.status == 0 && added.out.contains("round/evidence/thu-ky.r1.e1.ave"), "\(added.err)")

        let merged = try s.avault(["merge", "--round", "round", "--allow-incomplete", "--without-survey"] + secretary)
        #expect(merged.status == 0, "\(merged.err)")
        #expect(merged.out.contains("Evidence: 3 files"), "\(merged.out)")

        let extracted = try s.avault(["extract", "--round", "round", "-o", "out", "--member", "tv-01"] + secretary)
        #expect(extracted.status == 0, "\(extracted.err)")
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: dir + "/out/tv-01/r1/biên bản họp.pdf"))) == big)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: dir + "/out/tv-01/r1/a.txt"))) == [0x42])
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/thu-ky"))
        let again = try s.avault(["extract", "--round", "round", "-o", "out", "--member", "tv-01"] + secretary)
        #expect(again.status == 73, "\(again.err)")

        let verified = try s.avault(["verify", "round"])
        #expect(verified.status == 0, "\(verified.out)")
        #expect(verified.out.contains("✓ manifest.evidence"), "\(verified.out)")

        // A chunk dropped: verify fails without decrypting; extract refuses and writes nothing.
        let path = dir + "/round/evidence/tv-01.r1.e1.ave"
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        var bytes = Array(original)
        let headerLength = Int(bytes[9]) << 24 | Int(bytes[10]) << 16 | Int(bytes[11]) << 8 | Int(bytes[12])
        let start = 13 + headerLength
        let step = 65_536 + 17
        bytes.removeSubrange(start..<(start + step))  // the first chunk dropped
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let tampered = try s.avault(["verify", "round", "--json"])
        #expect(tampered.status == 1)
        #expect(
            tampered.out.contains("\"id\":\"evidence.signature\",\"message\":\"envelope.bad-signature\""),
            "\(tampered.out)")
        #expect(
            tampered.out.contains("\"id\":\"manifest.evidence\",\"message\":\"verify.listed-changed\""),
            "\(tampered.out)")
        let refusedExtract = try s.avault(["extract", "--round", "round", "-o", "out2"] + secretary)
        #expect(refusedExtract.status == 65, "\(refusedExtract.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out2"))
        try original.write(to: URL(fileURLWithPath: path))

        // A file added after the merge.
        try FileManager.default.copyItem(
            atPath: dir + "/members/tv-01.r1.e2.ave", toPath: dir + "/round/evidence/tv-01.r1.e3.ave")
        let added2 = try s.avault(["verify", "round", "--json"])
        #expect(added2.status == 1)
        #expect(
            added2.out.contains("\"id\":\"manifest.evidence\",\"message\":\"verify.evidence-unlisted\""),
            "\(added2.out)")
        #expect(
            added2.out.contains("\"id\":\"evidence.binding\",\"message\":\"verify.evidence-name-mismatch\""),
            "\(added2.out)")
    }
}
