import Foundation
import Testing

@testable import avault

/// `avault demo` from any folder: the sample round and the demo identities are built into the
/// binary (Sources/avault/Demo/EmbeddedDemoFiles.swift, written by scripts/embed-demo-files.py).
@Suite(.serialized) struct DemoAnywhereCLITests {
    /// Run from an empty temporary folder, without --samples / --keys: the round runs, and the
    /// temporary copy of the samples is gone afterwards.
    @Test func demoFromEmptyFolder() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let tmp = cli.path("tmp")
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: false)
        let r = try cli.run(["demo"], environment: ["TMPDIR": tmp])
        #expect(r.exited(0), "\(r)")
        let coverage = try #require(r.stdout.firstMatch(of: /([0-9]+)\/([0-9]+)/), "\(r)")
        #expect(coverage.1 == coverage.2, "every cell covered: \(r)")
        #expect(FileManager.default.fileExists(atPath: cli.path("demo-round/report.html")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).isEmpty)
        // Overrides still work: a samples folder that does not exist is named.
        let wrong = try cli.run(["demo", "--dir", "d2", "--samples", "nowhere"], environment: ["TMPDIR": tmp])
        #expect(!wrong.exited(0), "\(wrong)")
        #expect(wrong.stderr.contains("nowhere/"), "\(wrong)")
    }

    /// The embedded copies are the repository's files byte for byte (regenerate with
    /// `python3 scripts/embed-demo-files.py` when this fails).
    @Test func embeddedFilesMatchTheRepository() throws {
        let keys = try FileManager.default.contentsOfDirectory(atPath: CLI.root.path + "/keys")
            .filter { $0.hasSuffix(".key") || $0.hasSuffix(".pub") }
        let embedded = EmbeddedDemoFiles.files.map(\.path)
        #expect(Set(embedded.filter { $0.hasPrefix("keys/") }) == Set(keys.map { "keys/" + $0 }))
        for (path, hex) in EmbeddedDemoFiles.files {
            let file = Array(try Data(contentsOf: CLI.root.appendingPathComponent(path)))
            #expect(BuiltInDemoFiles.bytes(hex) == file, "\(path): run python3 scripts/embed-demo-files.py")
        }
    }
}
