import Foundation
import Testing

@testable import avault

/// The progress line (docs/cli.md "Progress"): its texts, and that it appears only on a terminal.
@Suite(.serialized) struct ProgressCLITests {
    @Test func sizes() {
        #expect(ProgressText.size(0, in: .english) == "0 B")
        #expect(ProgressText.size(1023, in: .english) == "1023 B")
        #expect(ProgressText.size(1024, in: .english) == "1.0 KiB")
        #expect(ProgressText.size(1536, in: .vietnamese) == "1,5 KiB")
        #expect(ProgressText.size(1 << 30, in: .vietnamese) == "1,0 GiB")
        #expect(ProgressText.size(1 << 30, in: .english) == "1.0 GiB")
        #expect(ProgressText.size(451_000_000, in: .vietnamese) == "430,1 MiB")
        // Just under a unit rounds up into it rather than showing "1024,0 MiB".
        #expect(ProgressText.size((1 << 30) - 1, in: .english) == "1.0 GiB")
        #expect(ProgressText.size(5 << 40, in: .english) == "5.0 TiB")
    }

    @Test func durations() {
        #expect(ProgressText.duration(6, in: .english) == "6 s")
        #expect(ProgressText.duration(125, in: .english) == "2 min 05 s")
        #expect(ProgressText.duration(3720, in: .vietnamese) == "1 h 02 min")
    }

    @Test func line() {
        let half = ProgressText.line(name: "a.pdf", done: 1 << 29, total: 1 << 30, elapsed: 4, in: .vietnamese)
        #expect(half == "a.pdf: 50 % · 512,0 MiB / 1,0 GiB · 128,0 MiB/s · còn 4 s")
        let early = ProgressText.line(name: "a.pdf", done: 1 << 20, total: 1 << 30, elapsed: 0.1, in: .english)
        #expect(early == "a.pdf: 0 % · 1.0 MiB / 1.0 GiB · …/s · … left")
    }

    /// Sealing a 20 MiB attachment: no progress into a pipe; a progress line on a terminal; none
    /// on a terminal with --quiet.
    @Test func onlyOnATerminal() throws {
        let s = try SubmissionCLITests.withAgreeingWorksheet()
        defer { s.cleanUp() }
        let dir = s.dir
        try Data(count: 20 << 20).write(to: URL(fileURLWithPath: dir + "/members/big.bin"))
        func seal(_ out: String, _ extra: [String] = []) -> [String] {
            [
                "seal", "members/tv-01.csv", "--round", "round/round.avr", "--key", "keys/tv-01.key", "-o", out,
                "--attach", "members/big.bin", "--passphrase-file", "pass",
            ] + extra
        }
        let piped = try s.avault(seal("members/a.avs"))
        #expect(piped.status == 0, "\(piped.err)")
        #expect(!piped.err.contains("%") && !piped.err.contains("\u{1B}[K"), "\(piped.err)")

        let cli = try CLI()
        defer { cli.cleanUp() }
        let shell =
            "cd '\(dir)' && "
            + ([CLI.binary] + seal("members/b.avs", ["--revision", "2"])).map { "'\($0)'" }.joined(separator: " ")
        let shown = try cli.run(["-qec", shell, "/dev/null"], executable: "/usr/bin/script")
        #expect(shown.exited(0), "\(shown)")
        #expect(shown.stdout.contains("big.bin: ") && shown.stdout.contains(" / 20.0 MiB · "), "\(shown)")
        let quiet =
            "cd '\(dir)' && "
            + ([CLI.binary] + seal("members/c.avs", ["--revision", "3", "--quiet"])).map { "'\($0)'" }.joined(
                separator: " ")
        let none = try cli.run(["-qec", quiet, "/dev/null"], executable: "/usr/bin/script")
        #expect(none.exited(0), "\(none)")
        #expect(!none.stdout.contains(" / 20.0 MiB · "), "\(none)")
    }
}
