import ArgumentParser
import Glibc
import VaultCrypto

@testable import AppraisalVault

/// `avault-bench file` (docs/performance.md, P4): verifying one sealed file as a process, against `minisign -V`.
struct BenchFile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "file", abstract: "Time one-file verification as a process against minisign -V.")

    @Option(help: "Runs per command.")
    var runs = 200

    @OptionGroup var scratchOptions: ScratchOptions

    func run() throws {
        try scratchOptions.run(peers: ["minisign", "hyperfine"]) { scratch in
            let q = BenchSupport.quote
            let fixture = try SealedSubmissionFixture(in: scratch, minisign: true)
            defer { fixture.round.remove() }
            let file = fixture.file
            let ours = "\(BenchSupport.executable) worker check \(file) \(fixture.senderKey)"
            let theirs = "minisign -Vq -p \(scratch)/mini.pub -m \(file)"
            var results = [Double]()
            if BenchSupport.have("hyperfine") {
                try BenchSupport.shell(
                    "hyperfine -N --warmup 10 --runs \(runs) --export-csv \(q(scratch + "/h.csv")) \(q(ours)) \(q(theirs)) >/dev/null"
                )
                let csv = String(decoding: try FileIO.read(scratch + "/h.csv", maxBytes: 1 << 20), as: UTF8.self)
                for line in csv.split(separator: "\n").dropFirst() {
                    // command,mean,stddev,median,user,system,min,max
                    let fields = line.split(separator: ",")
                    results.append(Double(fields[fields.count - 5]) ?? 0)
                }
            } else {
                for command in [ours, theirs] {
                    let seconds = try BenchSupport.shell(
                        "bash -c 'for i in $(seq \(runs)); do \(command) || exit 1; done'")
                    results.append(seconds / Double(runs))
                }
            }
            out("")
            out(
                "P4 one file (\(fixture.size) B sealed submission), median of \(runs) runs\(BenchSupport.have("hyperfine") ? " (hyperfine -N)" : " (bash loop, mean)")"
            )
            out("")
            out("| command | per file | ÷ minisign -V |")
            out("|---|---:|---:|")
            out(
                "| `avault-bench worker check` (parse + outer signature + sender key) | \(Int(results[0] * 1e6)) µs | \(BenchSupport.ratio(results[0] / results[1])) |"
            )
            out("| `minisign -V` | \(Int(results[1] * 1e6)) µs | 1.0× |")
        }
    }
}
