import Foundation
import Testing

@testable import AppraisalVault

/// The quick checks' command lines read without swift-argument-parser (`FastArguments`) give
/// exactly what the parser gives: each line below runs through the binary with the fast path and
/// with `AVAULT_NO_FAST_ARGUMENTS=1`, in English and Vietnamese, and standard output, standard
/// error and the exit status must be byte-identical. The lines cover the shapes the fast path
/// takes (good, failing and missing inputs, options in either order) and shapes it must leave to
/// the parser (`--round=R`, `--help`, repeated or unknown options, a value starting with `-`,
/// `help` as a value, a malformed fingerprint).
@Suite("fast argument path = parser")
struct FastArgumentsCLITests {
    @Test func sameOutputBothWays() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let round = try VerifyCLITests.mergedRound(cli, merge: false)
        let fp = round.fingerprint.description
        var bytes = try cli.read("round/submissions/tv-01.r1.avs")
        bytes[bytes.count / 2] ^= 1
        _ = try cli.write("tv-01.r1.avs", bytes)
        let file = "round/submissions/tv-01.r1.avs"
        let receipt = "round/receipts/tv-01.r1.avc"
        let lines: [[String]] = [
            ["--version"],
            ["key", "show", "keys/tv-01.pub"], ["key", "show", "nope.pub"], ["key", "show", file],
            ["key", "show", "-x"], ["key", "show", "help"], ["key", "show", ""], ["key", "show", "a", "b"],
            ["key", "show"], ["key", "show", "--help"],
            ["receipt", "check", receipt, "--round", "round"],
            ["receipt", "check", "--round", "round/round.avr", receipt],
            ["receipt", "check", receipt, "--round", "round", "--fingerprint", fp],
            ["receipt", "check", receipt, "--round", "round", "--fingerprint", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF"],
            ["receipt", "check", receipt, "--round", "round", "--fingerprint", "xyz"],
            ["receipt", "check", receipt, "--round", "nowhere"], ["receipt", "check", "nope.avc", "--round", "round"],
            ["receipt", "check", file, "--round", "round"], ["receipt", "check", receipt],
            ["receipt", "check", receipt, "--round=round"], ["receipt", "check", receipt, "--round", "round", "-h"],
            ["receipt", "check", receipt, "--round", "round", "--round", "round"],
            ["receipt", "check", receipt, "--round", "--fingerprint"],
            ["verify", file, "--round", "round"], ["verify", file, "--round", "round/round.avr", "--fingerprint", fp],
            ["verify", "--json", "--round", "round", file], ["verify", "tv-01.r1.avs", "--round", "round"],
            ["verify", file, "--round", "round", "--fingerprint", "xyz"],
            ["verify", file, "--round", "round", "--receipts", "round/receipts"],
            ["verify", file, "--round", "round", "--quiet"], ["verify", file, "--round", "round", "--json", "--json"],
            ["verify", "nope.r1.avs", "--round", "round"], ["verify", file, "--round", "nowhere"],
            ["verify", "round"], ["verify", "help", "--round", "round"], ["verify", file, "--rund", "round"],
            ["--version", "x"], ["key", "show", "--", "keys/tv-01.pub"], ["key", "show", "-"], ["key", "show", "show"],
            ["verify", "--", file, "--round", "round"], ["receipt", "check", receipt, "--round", "-"],
        ]
        for line in lines {
            for language in ["en_US.UTF-8", "vi_VN.UTF-8"] {
                let fast = try cli.run(line, language: language)
                let parser = try cli.run(line, language: language, environment: ["AVAULT_NO_FAST_ARGUMENTS": "1"])
                #expect(fast.reason == parser.reason && fast.status == parser.status, "\(line): \(fast) / \(parser)")
                #expect(fast.stdout == parser.stdout, "\(line) \(language)")
                #expect(fast.stderr == parser.stderr, "\(line) \(language)")
            }
        }
    }
}
