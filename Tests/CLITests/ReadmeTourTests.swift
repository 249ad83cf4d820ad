import Foundation
import Testing

/// The README tour runs verbatim (issue 14 §5): every `sh` block of the README's "A tour"
/// section, in order, as one bash script with `set -e`, in a temporary folder holding copies of
/// `samples/` and `keys/` (what the tour says to start from), with the built `avault` first on
/// `PATH`. The script text is the README's, unchanged; the first command that exits non-zero
/// fails the test, with the trace of what ran.
@Suite struct ReadmeTourTests {
    /// The text of the ```sh blocks of the README's "A tour" section (up to the next `## ` heading), in order.
    static func tourBlocks() throws -> [String] {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "\n## A tour\n"))
        let section = readme[start.upperBound...]
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        var blocks = [String]()
        var current: [Substring]?
        for line in section[..<end].split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```sh" {
                current = []
            } else if let lines = current, line == "```" {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        #expect(current == nil, "an unterminated ```sh block in the tour")
        return blocks
    }

    /// The blocks hold the whole round: every step of the design brief's §3, in that order.
    @Test func tourCoversTheRound() throws {
        let script = try Self.tourBlocks().joined(separator: "\n")
        var last = script.startIndex
        for step in [
            "avault demo", "avault keygen", "avault key show", "avault key check", "avault ceremony begin",
            "avault ceremony deal", "avault ceremony ack", "avault ceremony finish", "avault round init",
            "avault round show", "avault worksheet", "avault seal", "--attach", "avault receive", "avault status",
            "avault survey import", "avault merge", "avault release approve", "avault release combine",
            "avault receipt check", "avault checkpoint", "avault pin", "avault report", "avault verify",
            "avault extract",
        ] {
            let found = script.range(of: step, range: last..<script.endIndex)
            #expect(found != nil, "missing or out of order in the tour: \(step)")
            if let found { last = found.upperBound }
        }
        // Nothing left to fill in by hand.
        for placeholder in [" ...", "…/", "XXXX-XXXX", "[--"] {
            #expect(!script.contains(placeholder), "a placeholder in the tour: \(placeholder)")
        }
    }

    /// The tour, run as written, succeeds; what it leaves behind is what it says it makes.
    @Test func tourRunsVerbatim() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let fm = FileManager.default
        for folder in ["samples", "keys"] {
            try fm.copyItem(atPath: CLI.root.appendingPathComponent(folder).path, toPath: cli.path(folder))
        }
        let script = "set -eux\n" + (try Self.tourBlocks().joined(separator: "\n")) + "\n"
        _ = try cli.write("tour.sh", Array(script.utf8))
        let bin = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path
        let r = try cli.run(
            ["bash", "tour.sh"], language: "C", environment: ["PATH": bin + ":/usr/bin:/bin"],
            executable: "/usr/bin/env")
        #expect(r.exited(0), "the README tour stopped:\n\(r.stderr.suffix(4000))")
        for made in [
            "my-key/tv-09.pub", "le-tao-khoa/plan.avp", "vong-2025/round.avr", "tv-01.xlsx", "tv-01.r1.avs",
            "tv-01.r1.e1.ave", "usb/tv-01.r1.avc", "chu-tich.ava", "vong-2025/release-token.avt", "ket-qua.html",
            "minh-chung/tv-01/r1/bien-ban.txt",
        ] {
            #expect(fm.fileExists(atPath: cli.path(made)), "the tour did not make \(made)")
        }
        let verified = String(decoding: try cli.read("verify.txt"), as: UTF8.self)
        #expect(verified.contains("PASSED"), "\(verified.suffix(500))")
    }
}
