import ArgumentParser
import Glibc
import VaultCrypto

@testable import AppraisalVault

extension BenchTable {
    /// P4 and start-up (issue 16 §3): commands as new processes against `minisign -V` of a 16 KB
    /// sealed submission, with `hyperfine -N` (a loop of spawns when it is missing), each pair one
    /// hyperfine run of the avault command then of `minisign -V`.
    func startupRows(scratch: String, notes: inout [String]) throws -> [TableRow] {
        let folder = scratch + "/startup"
        _ = mkdir(folder, 0o700)
        defer { BenchSupport.removeTree(folder) }
        progress("P4: a sealed submission and the demo round…")
        // The one-file case: a 16 KB sealed submission of a synthetic round.
        let hasMinisign = BenchSupport.have("minisign")
        let fixture = try SealedSubmissionFixture(in: folder, minisign: hasMinisign)
        let round = fixture.round
        defer { round.remove() }
        let file = fixture.file
        let peer = ["minisign", "-Vq", "-p", folder + "/mini.pub", "-m", file]
        let oneFile = Self.oneFileChecks(
            file: file, round: round.directory, fingerprint: round.definition.fingerprint.description, avault: avault,
            senderKey: fixture.senderKey)

        // The product binary's commands, on the demo round (`avault demo`).
        let hasAvault = access(avault, X_OK) == 0
        let state = ["XDG_STATE_HOME": folder + "/state"]
        var commands: [(name: String, argv: [String]?, missing: String)] = []
        let noBinary = "no avault binary at \(avault) (`make release`)"
        var demo: String?
        if hasAvault {
            if access(samples, R_OK) == 0 && access(keys, R_OK) == 0 {
                try Spawn.run(
                    [avault, "demo", "--dir", folder + "/demo", "--samples", samples, "--keys", keys],
                    environment: state)
                demo = folder + "/demo/round"
            } else {
                notes.append("Start-up: `--samples \(samples)` or `--keys \(keys)` not found, so no demo round.")
            }
        }
        commands.append(("`avault --version`", hasAvault ? [avault, "--version"] : nil, noBinary))
        commands.append(
            (
                "`avault key show thu-ky.pub`",
                hasAvault && demo != nil ? [avault, "key", "show", keys + "/thu-ky.pub"] : nil,
                hasAvault ? "no demo keys" : noBinary
            ))
        commands.append(
            (
                "`avault receipt check tv-01.r1.avc --round round` (demo round)",
                demo.map { [avault, "receipt", "check", $0 + "/receipts/tv-01.r1.avc", "--round", $0] },
                hasAvault ? "no demo round" : noBinary
            ))
        for check in oneFile { commands.append((check.name, check.argv, noBinary)) }

        let runs = quick ? 10 : 40
        let hasHyperfine = BenchSupport.have("hyperfine")
        notes.append(
            "Start-up rows: \(hasHyperfine ? "hyperfine -N, warm-up 3" : "hyperfine not on PATH: a loop of spawns"), "
                + "\(runs) runs of each command per pair, the median per pair, then the median of the pairs; CPU per run "
                + "(\(hasHyperfine ? "hyperfine's user + system" : "wait4")); peak RSS of one extra run. "
                + "`minisign -V` checks the 16 KB sealed submission of the one-file row.")
        var rows = [TableRow]()
        for command in commands {
            guard let argv = command.argv else {
                rows.append(
                    .slowdown(
                        command.name, ours: nil, peer: command.missing, theirs: nil,
                        goal: .atMost(3, "≤ 3× minisign -V")))
                continue
            }
            progress("P4: \(command.name)")
            var ours = Sample.Runs()
            var theirs = Sample.Runs()
            for _ in 0..<pairs {
                let pair = try Self.startupPair(
                    argv, hasMinisign ? peer : nil, runs: runs, hyperfine: hasHyperfine, scratch: folder,
                    environment: state)
                ours.all.append(pair.ours)
                if let t = pair.theirs { theirs.all.append(t) }
            }
            rows.append(
                .slowdown(
                    command.name, ours: ours, peer: hasMinisign ? "`minisign -V`, 16 KB file" : "minisign not on PATH",
                    theirs: hasMinisign ? theirs : nil, goal: .atMost(3, "≤ 3× minisign -V")))
        }
        return rows
    }

    /// The one-file checks as new processes: `avault verify FILE --round R` (spec §9.7: the round
    /// definition, then the file's name, outer signature and binding), and the benchmark's worker,
    /// which does only the per-file part (parse + outer signature + sender key) in a binary built
    /// with the same flags.
    static func oneFileChecks(
        file: String, round: String, fingerprint: String, avault: String, senderKey: String
    ) -> [(
        name: String, argv: [String]?
    )] {
        [
            (
                "`avault verify FILE --round R` (one sealed file, 16 KB)",
                access(avault, X_OK) == 0
                    ? [avault, "verify", file, "--round", round, "--fingerprint", fingerprint] : nil
            ),
            (
                "P4 check one sealed file as a new process (`avault-bench worker check`)",
                [BenchSupport.executable, "worker", "check", file, senderKey]
            ),
        ]
    }

    /// One pair of a start-up row: `runs` runs of `ours`, then of `theirs`; medians of wall time,
    /// mean CPU per run, and the peak RSS of one more run of each.
    static func startupPair(
        _ ours: [String], _ theirs: [String]?, runs: Int, hyperfine: Bool, scratch: String,
        environment: [String: String]
    ) throws -> (ours: Sample, theirs: Sample?) {
        let commands = [ours] + (theirs.map { [$0] } ?? [])
        var results = [Sample]()
        if hyperfine {
            let csv = scratch + "/hyperfine.csv"
            try Spawn.run(
                ["hyperfine", "-N", "--warmup", "3", "--runs", "\(runs)", "--style", "none", "--export-csv", csv]
                    + commands.map { $0.map(BenchSupport.quote).joined(separator: " ") },
                environment: environment)
            let text = String(decoding: try FileIO.read(csv, maxBytes: 1 << 20), as: UTF8.self)
            // command,mean,stddev,median,user,system,min,max (the command may hold commas: read from the end)
            for line in text.split(separator: "\n").dropFirst() {
                let f = line.split(separator: ",")
                guard f.count >= 8, let median = Double(f[f.count - 5]), let user = Double(f[f.count - 4]),
                    let system = Double(f[f.count - 3])
                else { throw ValidationError("unexpected hyperfine output: \(line)") }
                results.append(Sample(seconds: median, cpu: user + system, rssKiB: nil))
            }
            guard results.count == commands.count else {
                throw ValidationError("hyperfine measured \(results.count) commands")
            }
        } else {
            for argv in commands {
                let samples = try (0..<runs).map { _ in try Spawn.run(argv, environment: environment) }
                let r = Sample.Runs(samples)
                results.append(Sample(seconds: r.seconds ?? 0, cpu: r.cpu, rssKiB: nil))
            }
        }
        for (i, argv) in commands.enumerated() {
            results[i].rssKiB = try Spawn.run(argv, environment: environment).rssKiB
        }
        return (results[0], theirs == nil ? nil : results[1])
    }
}
