import ArgumentParser
import Glibc

@testable import AppraisalVault

/// `avault-bench`: developer benchmarks on synthetic data (docs/performance.md).
///
/// Its own executable so that nothing here ships in `avault`. It runs the peers it measures
/// against (`age`, `minisign`, `hyperfine`, `/usr/bin/time`) when they are on `PATH` and leaves
/// them out of the tables otherwise; it never installs anything (`make bench` does that).
@main
struct AVaultBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "avault-bench",
        abstract: "Developer benchmarks on synthetic rounds (no real keys, no passphrases).",
        version: AppraisalVault.version,
        subcommands: [
            BenchTable.self, BenchStream.self, BenchVerify.self, BenchMerge.self, BenchFile.self, BenchWorker.self,
        ])
}

/// Writes one line to standard output.
func out(_ text: String) {
    var text = text + "\n"
    text.withUTF8 { buffer in
        var done = 0
        while done < buffer.count {
            let n = Glibc.write(STDOUT_FILENO, buffer.baseAddress! + done, buffer.count - done)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return }
            done += n
        }
    }
}
