import Foundation
import Testing

/// `avault seal` through the binary.
@Suite("CLI: seal", .serialized)
struct SealCLITests {
    /// `seal --fingerprint` stops on a round whose fingerprint differs from what the member was
    /// told (spec §2.3); a bad `--revision` is a usage error; and, once merged (journaled), a second
    /// merge is refused even if the manifest is removed (spec §7).
    @Test func sealChecksTheRoundFingerprint() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let root = CLI.root.path
        let demo = try cli.run(["demo", "--dir", "d", "--samples", root + "/samples", "--keys", root + "/keys"])
        #expect(demo.exited(0), "\(demo)")
        _ = try cli.write("tv-08.key", Array(try Data(contentsOf: URL(fileURLWithPath: root + "/keys/tv-08.key"))))
        let pass = try cli.passphraseFile("demo-appraisal-2026")
        let sheet = cli.path("d/worksheets/tv-08.csv")
        let wrong = try cli.run([
            "seal", sheet, "--round", cli.path("d/round/round.avr"), "--key", "tv-08.key", "--passphrase-file", pass,
            "--fingerprint", "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA", "-o", "x.avs",
        ])
        #expect(wrong.exited(65) && wrong.stderr.contains("not AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"), "\(wrong)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("x.avs")))
        let show = try cli.run(["round", "show", cli.path("d/round")])
        let fingerprint = try #require(
            show.stdout.split(separator: "\n").last { $0.contains("Round fingerprint") }
                .map { String($0.split(separator: " ")[2]) })
        let right = try cli.run([
            "seal", sheet, "--round", cli.path("d/round/round.avr"), "--key", "tv-08.key", "--passphrase-file", pass,
            "--fingerprint", fingerprint.lowercased(), "-o", "y.avs",
        ])
        #expect(right.exited(0) && right.stdout.contains("matches"), "\(right)")
        let bad = try cli.run(["seal", sheet, "--round", cli.path("d/round"), "--key", "tv-08.key", "--revision", "0"])
        #expect(bad.exited(64), "\(bad)")
        // Once merged (journaled), a second merge is refused even if the manifest is removed.
        try FileManager.default.removeItem(atPath: cli.path("d/round/manifest.avm"))
        _ = try cli.write("thu-ky.key", Array(try Data(contentsOf: URL(fileURLWithPath: root + "/keys/thu-ky.key"))))
        let again = try cli.run([
            "merge", "--round", cli.path("d/round"), "--key", "thu-ky.key", "--passphrase-file", pass,
        ])
        #expect(again.exited(73) && again.stderr.contains("already records a merge"), "\(again)")
    }
}
