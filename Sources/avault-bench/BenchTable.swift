import ArgumentParser
import Glibc
import VaultCrypto

@testable import AppraisalVault

/// `avault-bench table` (`make bench`; docs/performance.md): every case of issue 16 in one table,
/// avault and its peer measured alternately in the same run (`--pairs` pairs, avault first in each),
/// medians, the ratio, and the issue's goal with met or missed.
///
/// Processes (avault's workers and commands, the peers) are measured as children: wall time
/// and, from `wait4`, CPU seconds and peak RSS (``Spawn``). A peer missing from `PATH` leaves
/// its cells empty and says so; nothing is installed here (`make bench-deps` does that).
struct BenchTable: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table", abstract: "Measure every case of issue 16 against its peer, in one table.")

    @Flag(help: "Small sizes (8 MiB, 200 files, 1,000 and 10,000 cells, 10 runs per start-up pair): a fast check.")
    var quick = false

    @Option(help: "Pairs of alternating measurements (avault, then the peer) per case.")
    var pairs = 3

    @Option(help: "P1 file size in MiB (default 1024; 8 with --quick).")
    var size: Int?

    @Option(help: "Cases to run, comma-separated: p1 (stream), p2 (bulk check), p3 (merge), p4 (start-up).")
    var cases = "p1,p2,p3,p4"

    @Option(help: "Folder on tmpfs for P1's tmpfs rows; an empty value skips them.")
    var tmpfs = "/dev/shm"

    @Option(help: "The avault product binary for the start-up rows (built with `make release`).")
    var avault = ".build/release/avault"

    @Option(help: "The sample data and demo keys for `avault demo` (the start-up rows' round).")
    var samples = "samples"

    @Option(help: "The demo keys folder (see --samples).")
    var keys = "keys"

    @Option(help: "Also write the table and its notes as Markdown to this file.")
    var markdown: String?

    @OptionGroup var scratchOptions: ScratchOptions

    func validate() throws {
        guard (1...20).contains(pairs) else { throw ValidationError("--pairs must be 1…20") }
        if let size, !(1...65_536).contains(size) { throw ValidationError("--size must be 1…65536 (MiB)") }
        let known = Set(["p1", "p2", "p3", "p4"])
        guard !selected.isEmpty, selected.isSubset(of: known) else {
            throw ValidationError("--cases takes p1, p2, p3, p4, comma-separated")
        }
    }

    var selected: Set<String> { Set(cases.lowercased().split(separator: ",").map(String.init)) }

    /// The P1 size in MiB.
    var megabytes: Int { size ?? (quick ? 8 : 1024) }

    func run() throws {
        let started = Clock.now()
        let loadBefore = Spawn.loadAverage()
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        progress("Load average at start: \(Self.load(loadBefore)) (\(cores) cores).")
        var rows = [TableRow]()
        var notes = [String]()
        if access(Spawn.timeTool, X_OK) != 0 {
            notes.append("\(Spawn.timeTool) is missing, so no peak RSS was measured (`make bench-deps` installs it).")
        }
        // No "not on PATH" line first: the rows of a missing peer say so themselves.
        try scratchOptions.run(peers: []) { scratch in
            // Start-up first, while the machine is quietest: after P1 the kernel is still writing
            // back gigabytes and after P3 it reclaims a large heap, which slowed these
            // millisecond-long processes by up to 2× in one run. Printed in the issue's order.
            let startup = selected.contains("p4") ? try startupRows(scratch: scratch, notes: &notes) : []
            if selected.contains("p1") {
                rows += try streamRows(notes: &notes)
            }
            if selected.contains("p3") {
                rows += try mergeRows(notes: &notes)
            }
            rows += startup
            if selected.contains("p2") {
                rows += try bulkRows(scratch: scratch, notes: &notes)
            }
        }
        let loadAfter = Spawn.loadAverage()
        var lines = [String]()
        lines.append(
            "avault-bench table, \(Self.utcNow()): \(cores) cores, \(pairs) pair\(pairs == 1 ? "" : "s") per case "
                + "(avault, then the peer), medians\(quick ? "; --quick sizes" : "").")
        lines.append(
            "Load average at start \(Self.load(loadBefore)), at end \(Self.load(loadAfter)) (the run itself adds about 1–2); "
                + "\(Self.loadVerdict(before: loadBefore.first ?? 0, cores: cores))")
        lines.append("")
        lines += TableRow.markdown(rows)
        lines.append("")
        lines += Self.legend + notes
        lines.append("Total \(TableRow.seconds(Clock.now() - started)).")
        for line in lines { out(line) }
        if let markdown {
            try FileIO.writeAtomically(
                Array((lines.joined(separator: "\n") + "\n").utf8), to: markdown, replacing: true)
        }
    }

    static let legend = [
        "Ratios: P1 and P2 are the peer's time ÷ avault's (above 1: avault is faster); P3 avault ÷ the floor "
            + "(secretstream pull + BLAKE2b of the same sealed bytes, in process, one thread); P4 and start-up avault ÷ "
            + "`minisign -V`. A missed goal says by what factor. CPU is user + system seconds of the process and its "
            + "children (wait4); peak RSS the largest of the runs. P1's avault is `avault-bench worker seal|open` "
            + "(SealedEnvelope.sealFile, OnDisk.open, output fsynced); P3's avault is `avault-bench worker merge` "
            + "(RoundMerge.run after the unlock, a new process per run); P2's avault runs in this process "
            + "(both cores), so its RSS is not shown."
    ]

    // MARK: P1

    /// P1: seal and open of a `megabytes` MiB file on tmpfs and on disk, CPU per GiB, peak RSS.
    func streamRows(notes: inout [String]) throws -> [TableRow] {
        let hasPeers = BenchSupport.have("age") && BenchSupport.have("minisign")
        let peerSeal = hasPeers ? "`age -R` + `sync` + `minisign -S`" : "age or minisign not on PATH"
        let peerOpen = hasPeers ? "`minisign -V` + `age -d` + `sync`" : "age or minisign not on PATH"
        var rows = [TableRow]()
        var ourCPU = [Double]()
        var theirCPU = [Double]()
        var ourRSS = Sample.Runs()
        var theirRSS = Sample.Runs()
        let media = (tmpfs.isEmpty ? [] : [("tmpfs", tmpfs)]) + [("disk", scratchOptions.dir)]
        let size = megabytes
        for (medium, parent) in media {
            let scratch = try BenchSupport.scratch(in: parent)
            defer { BenchSupport.removeTree(scratch) }
            progress("P1 \(size) MiB on \(medium) (\(scratch)): writing the input…")
            try Self.randomFile(scratch + "/input.bin", mebibytes: size)
            let q = BenchSupport.quote
            let d = q(scratch)
            if hasPeers {
                try BenchSupport.shell(
                    "cd \(d) && age-keygen -o age.key 2>/dev/null && age-keygen -y age.key > age.pub && "
                        + "minisign -G -W -f -p mini.pub -s mini.key >/dev/null")
            }
            let exe = BenchSupport.executable
            var checked = false
            let measured = try Sample.alternate(
                pairs: pairs,
                ours: { () throws -> (Sample, Sample) in
                    progress("P1 \(medium): avault seal + open")
                    let seal = try Spawn.run([exe, "worker", "seal", scratch + "/input.bin", scratch + "/sealed.ave"])
                    let open = try Spawn.run([exe, "worker", "open", scratch + "/sealed.ave", scratch + "/out.bin"])
                    if !checked {
                        try BenchSupport.shell("cmp \(q(scratch + "/input.bin")) \(q(scratch + "/out.bin"))")
                        checked = true
                    }
                    BenchSupport.remove(in: scratch, prefixes: ["sealed.", "out."])
                    return (seal, open)
                },
                theirs: !hasPeers
                    ? nil
                    : { () throws -> (Sample, Sample) in
                        progress("P1 \(medium): age + minisign")
                        let seal = try Spawn.shell(
                            "cd \(d) && age -R age.pub -o sealed.age input.bin && sync sealed.age && "
                                + "minisign -S -s mini.key -m sealed.age >/dev/null && sync sealed.age.minisig")
                        let open = try Spawn.shell(
                            "cd \(d) && minisign -Vq -p mini.pub -m sealed.age && age -d -i age.key -o out.age sealed.age "
                                + "&& sync out.age")
                        BenchSupport.remove(in: scratch, prefixes: ["sealed.", "out."])
                        return (seal, open)
                    })
            let seal = Sample.Runs(measured.ours.map(\.0))
            let open = Sample.Runs(measured.ours.map(\.1))
            let peerSealRuns = hasPeers ? Sample.Runs(measured.theirs.map(\.0)) : nil
            let peerOpenRuns = hasPeers ? Sample.Runs(measured.theirs.map(\.1)) : nil
            let goal = TableRow.Goal.atLeast(1.5, "≥ 1.5×")
            rows.append(
                .throughput(
                    "P1 seal \(Self.size(size)) evidence, \(medium), output synced", ours: seal, peer: peerSeal,
                    theirs: peerSealRuns, goal: goal))
            rows.append(
                .throughput(
                    "P1 open it (verify, then decrypt), \(medium), output synced", ours: open, peer: peerOpen,
                    theirs: peerOpenRuns, goal: goal))
            ourCPU += measured.ours.compactMap { pair in pair.0.cpu.flatMap { s in pair.1.cpu.map { s + $0 } } }
            theirCPU += measured.theirs.compactMap { pair in pair.0.cpu.flatMap { s in pair.1.cpu.map { s + $0 } } }
            ourRSS.all += measured.ours.flatMap { [$0.0, $0.1] }
            theirRSS.all += measured.theirs.flatMap { [$0.0, $0.1] }
        }
        // CPU per GiB of seal + open, over both media.
        let perGiB = 1024 / Double(size)
        let ours = ourCPU.isEmpty ? nil : Clock.median(ourCPU) * perGiB
        let theirs = theirCPU.isEmpty ? nil : Clock.median(theirCPU) * perGiB
        let work = TableRow.quotient(ours, theirs)
        rows.append(
            TableRow(
                name: "P1 CPU per GiB, seal + open (user + sys)",
                ours: TableRow.Cell(time: "—", cpu: ours.map(TableRow.seconds) ?? "—"),
                peer: hasPeers ? "age + minisign" : "age or minisign not on PATH",
                theirs: TableRow.Cell(time: "—", cpu: theirs.map(TableRow.seconds) ?? "—"),
                ratio: work.map { TableRow.ratio($0) + " the peers' work" } ?? "—", goal: nil, judged: nil))
        let rss = ourRSS.rssKiB.map { Double($0) / 1024 }
        rows.append(
            TableRow(
                name:
                    "P1 peak RSS of the avault process (\(Self.size(size))\(size >= 4096 ? "" : "; 4 GiB: `make bench-4g`"))",
                ours: TableRow.Cell(time: "—", rss: ourRSS.rssKiB.map(BenchSupport.mib) ?? "—"),
                peer: hasPeers ? "age + minisign" : "age or minisign not on PATH",
                theirs: TableRow.Cell(time: "—", rss: theirRSS.rssKiB.map(BenchSupport.mib) ?? "—"), ratio: "—",
                goal: .atMost(32, "≤ 32 MiB"), judged: rss))
        if tmpfs.isEmpty { notes.append("P1 on tmpfs was not run (--tmpfs '').") }
        return rows
    }

    /// Writes `mebibytes` MiB of random bytes to `path`.
    static func randomFile(_ path: String, mebibytes: Int) throws {
        let writer = try FileIO.AtomicWriter(path: path, mode: 0o600)
        for _ in 0..<mebibytes { try writer.write(SystemRandom().bytes(1 << 20)) }
        try writer.commit()
    }

    // MARK: P2

    /// P2: the per-file checks of `verify`/`receive` over N sealed submissions, both cores,
    /// against `minisign -V` per file in a bash loop.
    func bulkRows(scratch: String, notes: inout [String]) throws -> [TableRow] {
        let files = quick ? 200 : 10_000
        progress("P2: sealing \(files) submissions…")
        let folder = scratch + "/submissions"
        let (round, paths, _) = try BenchVerify.prepare(files: files, in: folder)
        defer {
            round.remove()
            BenchSupport.removeTree(folder)
        }
        let q = BenchSupport.quote
        let hasMinisign = BenchSupport.have("minisign")
        if hasMinisign {
            try BenchSupport.shell(
                "cd \(q(scratch)) && minisign -G -W -f -p p2.pub -s p2.key >/dev/null && "
                    + "minisign -S -s p2.key -m submissions/*.avs >/dev/null")
        }
        let roster = round.definition.roster
        let measured = try Sample.alternate(
            pairs: pairs,
            ours: {
                progress("P2: avault checks")
                var passed = 0
                let sample = Spawn.inProcess { passed = BenchVerify.check(paths, roster: roster, parallel: true) }
                guard passed == paths.count else {
                    throw ValidationError("only \(passed) of \(paths.count) submissions verified")
                }
                return sample
            },
            theirs: !hasMinisign
                ? nil
                : {
                    progress("P2: minisign -V loop")
                    return try Spawn.run([
                        "bash", "-c",
                        "cd \(q(scratch)) && for f in submissions/*.avs; do minisign -Vq -p p2.pub -m \"$f\" || exit 1; done",
                    ])
                })
        return [
            .throughput(
                "P2 bulk check of \(Self.count(files)) submissions", ours: Sample.Runs(measured.ours),
                peer: hasMinisign ? "`minisign -V` per file, bash loop" : "minisign not on PATH",
                theirs: hasMinisign ? Sample.Runs(measured.theirs) : nil, goal: .atLeast(10, "≥ 10× (keep; was 14×)"))
        ]
    }

    // MARK: Text

    static func size(_ mebibytes: Int) -> String {
        mebibytes % 1024 == 0 ? "\(mebibytes / 1024) GiB" : "\(mebibytes) MiB"
    }

    /// 10000 → "10,000".
    static func count(_ n: Int) -> String {
        var digits = String(n)
        var groups = [String]()
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        return ([digits] + groups).joined(separator: ",")
    }

    static func load(_ values: [Double]) -> String {
        values.map { TableRow.fixed($0, 2) }.joined(separator: " ")
    }

    /// Whether the machine was quiet when the run started (the 1-minute load before any of our work).
    static func loadVerdict(before: Double, cores: Int) -> String {
        before < 0.5
            ? "quiet at the start."
            : "**machine loaded at the start (1-minute load \(TableRow.fixed(before, 2)) on \(cores) cores): figures are noisy, "
                + "compare only the ratios inside this run.**"
    }

    static func utcNow() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        var buffer = [Int8](repeating: 0, count: 64)
        let n = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M UTC", &parts)
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A progress line on standard error (the table itself goes to standard output).
func progress(_ text: String) {
    var text = text + "\n"
    text.withUTF8 { buffer in
        var done = 0
        while done < buffer.count {
            let n = Glibc.write(STDERR_FILENO, buffer.baseAddress! + done, buffer.count - done)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return }
            done += n
        }
    }
}
