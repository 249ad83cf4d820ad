import ArgumentParser
import Glibc
import VaultCrypto

@testable import AppraisalVault

/// Shared helpers for the benchmarks that run peers (`age`, `minisign`) side by side.
enum BenchSupport {
    /// Fixed demo identities (no Argon2id; never real keys).
    static func identity(_ id: String, _ role: Role) throws -> SecretIdentity {
        try SecretIdentity.generate(
            id: id, name: "Bench \(id)", role: role, isDemo: true, created: SyntheticRound.created,
            using: DeterministicRandom(seed: "avault bench \(id)"))
    }

    static let round = [UInt8](repeating: 7, count: 32)

    /// This executable's path (for subprocess runs under `/usr/bin/time -v`).
    static var executable: String {
        var buffer = [Int8](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return n > 0 ? String(cString: Array(buffer[0..<n]) + [0]) : "avault-bench"
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences("'", "'\\''") + "'" }

    /// Runs `command` with `sh -c`; returns wall seconds. Throws on a non-zero status.
    @discardableResult
    static func shell(_ command: String) throws -> Double {
        let start = Clock.now()
        let status = system(command)
        let elapsed = Clock.now() - start
        guard status == 0 else { throw ValidationError("command failed (\(status)): \(command)") }
        return elapsed
    }

    /// Runs `command` under `/usr/bin/time -v`: wall seconds and peak RSS in KiB.
    static func timed(_ command: String, scratch: String) throws -> (seconds: Double, rssKiB: Int) {
        let report = scratch + "/time.txt"
        let seconds = try shell("/usr/bin/time -v -o \(quote(report)) sh -c \(quote(command)) >/dev/null")
        let text = (try? FileIO.read(report, maxBytes: 1 << 20)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let rss =
            text.split(separator: "\n").first { $0.contains("Maximum resident set size") }
            .flatMap { $0.split(separator: ":").last.flatMap { Int($0.filter(\.isNumber)) } } ?? 0
        return (seconds, rss)
    }

    /// Whether `tool` is an executable file in a `PATH` folder.
    static func have(_ tool: String) -> Bool {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { access("\($0)/\(tool)", X_OK) == 0 }
    }

    /// Says which peers are missing (their rows are left out); `make bench` installs them.
    static func note(missing tools: [String]) {
        let missing = tools.filter { !have($0) }
        guard !missing.isEmpty else { return }
        out("Not on PATH: \(missing.joined(separator: ", ")); their rows are left out (`make bench` installs them).")
    }

    /// Removes `path` and, if it is a folder, everything under it (symbolic links are removed,
    /// never followed). Best effort: a scratch folder left behind is not an error.
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            for name in (try? FileIO.list(path)) ?? [] { removeTree(path + "/" + name) }
            _ = rmdir(path)
        } else {
            _ = unlink(path)
        }
    }

    /// Removes the entries of `folder` whose names start with one of `prefixes`.
    static func remove(in folder: String, prefixes: [String]) {
        for name in (try? FileIO.list(folder)) ?? [] where prefixes.contains(where: { name.hasPrefix($0) }) {
            removeTree(folder + "/" + name)
        }
    }

    /// A scratch folder on disk (not tmpfs) under `parent`.
    static func scratch(in parent: String) throws -> String {
        var template = Array("\(parent)/avault-bench-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ValidationError("cannot create a scratch folder in \(parent)")
        }
        return String(cString: made)
    }

    static func mbps(_ bytes: Int, _ seconds: Double) -> String {
        seconds > 0 ? "\(Int(Double(bytes) / seconds / 1e6))" : "-"
    }
    static func ratio(_ x: Double) -> String { "\(Double(Int(x * 100)) / 100)×" }
    static func mib(_ kib: Int) -> String { "\(Double(kib * 10 / 1024) / 10) MiB" }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// `avault-bench stream` (docs/performance.md, P1): seal and open of a large attachment against
/// age + minisign and the raw libsodium floor, measured in the same run.
struct BenchStream: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "Time streaming seal/open of a large file against age + minisign and the libsodium floor.")

    @Option(help: "File size in MiB.")
    var size = 1024

    @Option(help: "Runs; medians are reported.")
    var runs = 3

    @Option(help: "Folder for the scratch files (on disk, not tmpfs); removed afterwards.")
    var dir = "/var/tmp"

    func run() throws {
        BenchSupport.note(missing: ["age", "minisign"])
        let scratch = try BenchSupport.scratch(in: dir)
        defer { BenchSupport.removeTree(scratch) }
        let bytes = size << 20
        let input = scratch + "/input.bin"
        let q = BenchSupport.quote
        // Random input, 1 MiB at a time.
        do {
            let writer = try FileIO.AtomicWriter(path: input, mode: 0o600)
            var block = [UInt8](repeating: 0, count: 1 << 20)
            for _ in 0..<size {
                block = SystemRandom().bytes(1 << 20)
                try writer.write(block)
            }
            try writer.commit()
        }
        let hasPeers = BenchSupport.have("age") && BenchSupport.have("minisign")
        if hasPeers {
            try BenchSupport.shell(
                "cd \(q(scratch)) && age-keygen -o age.key 2>/dev/null && age-keygen -y age.key > age.pub && "
                    + "minisign -G -W -f -p mini.pub -s mini.key >/dev/null")
        }
        let exe = q(BenchSupport.executable)
        var t = [String: [Double]]()
        var rss = [String: Int]()
        func record(_ name: String, _ r: (seconds: Double, rssKiB: Int)) {
            t[name, default: []].append(r.seconds)
            rss[name] = max(rss[name] ?? 0, r.rssKiB)
        }
        for run in 0..<runs {
            BenchSupport.remove(in: scratch, prefixes: ["out.", "sealed."])
            record(
                "avault seal",
                try BenchSupport.timed("\(exe) worker seal \(q(input)) \(q(scratch + "/sealed.ave"))", scratch: scratch)
            )
            record(
                "avault open",
                try BenchSupport.timed(
                    "\(exe) worker open \(q(scratch + "/sealed.ave")) \(q(scratch + "/out.avault"))", scratch: scratch))
            if run == 0 {
                try BenchSupport.shell("cmp \(q(input)) \(q(scratch + "/out.avault"))")
            }
            if hasPeers {
                let d = q(scratch)
                record(
                    "age -r + minisign -S",
                    try BenchSupport.timed(
                        "cd \(d) && age -R age.pub -o sealed.age input.bin && minisign -S -s mini.key -m sealed.age",
                        scratch: scratch))
                record(
                    "minisign -V + age -d",
                    try BenchSupport.timed(
                        "cd \(d) && minisign -Vq -p mini.pub -m sealed.age && age -d -i age.key -o out.age sealed.age",
                        scratch: scratch))
                BenchSupport.remove(in: scratch, prefixes: ["out.age", "sealed.age"])
                record(
                    "age -r + minisign -S, + fsync",
                    try BenchSupport.timed(
                        "cd \(d) && age -R age.pub -o sealed.age input.bin && sync sealed.age && minisign -S -s mini.key -m sealed.age",
                        scratch: scratch))
                record(
                    "minisign -V + age -d, + fsync",
                    try BenchSupport.timed(
                        "cd \(d) && minisign -Vq -p mini.pub -m sealed.age && age -d -i age.key -o out.age sealed.age && sync out.age",
                        scratch: scratch))
            }
            let floor = try Self.floor(bytes: bytes)
            t["floor seal", default: []].append(floor.seal)
            t["floor open", default: []].append(floor.open)
        }
        let m = { (name: String) in Clock.median(t[name] ?? []) }
        out("")
        out(
            "P1 stream, \(size) MiB, median of \(runs) (wall time of the whole process; avault includes fsync of its output)"
        )
        out("")
        out("| operation | median | MB/s | peak RSS | avault ÷ this (throughput) |")
        out("|---|---:|---:|---:|---:|")
        let rows: [(String, String)] = [
            ("avault seal", "avault seal"), ("age -r + minisign -S", "avault seal"),
            ("age -r + minisign -S, + fsync", "avault seal"),
            ("floor seal", "avault seal"),
            ("avault open", "avault open"), ("minisign -V + age -d", "avault open"),
            ("minisign -V + age -d, + fsync", "avault open"),
            ("floor open", "avault open"),
        ]
        for (name, ours) in rows where t[name] != nil {
            let label =
                name.hasPrefix("floor")
                ? (name == "floor seal"
                    ? "floor: secretstream push + BLAKE2b, 1 thread, in memory"
                    : "floor: secretstream pull + BLAKE2b, 1 thread, in memory")
                : name
            let r = name == ours ? "—" : BenchSupport.ratio(m(name) / m(ours))
            out(
                "| \(label) | \(Clock.format(m(name))) | \(BenchSupport.mbps(bytes, m(name))) | \(rss[name].map(BenchSupport.mib) ?? "—") | \(r) |"
            )
        }
    }

    /// The raw libsodium floor: secretstream over 64 KiB chunks plus one BLAKE2b pass over the
    /// same bytes, one thread, a cache-resident 1 MiB buffer reused (no I/O).
    /// `bytes` need not be a multiple of 1 MiB: whole MiB blocks are timed and the time scaled.
    static func floor(bytes: Int) throws -> (seal: Double, open: Double) {
        let key = try SecretBytes(count: SecretStream.keyLength, from: SystemRandom())
        let ad = [UInt8](repeating: 1, count: 64)
        let chunk = 65_536
        let plain = SystemRandom().bytes(1 << 20)
        var cipher = [UInt8](repeating: 0, count: 16 * (chunk + 17))
        var back = [UInt8](repeating: 0, count: 1 << 20)
        let enc = try SecretStream.Encryptor(key: key)
        let dec = try SecretStream.Decryptor(key: key, header: enc.header)
        let sealHash = BLAKE2b.Hasher(outputLength: 64)
        let openHash = BLAKE2b.Hasher(outputLength: 64)
        var sealTime = 0.0
        var openTime = 0.0
        let blocks = max(1, (bytes + (1 << 20) - 1) >> 20)
        let scale = Double(bytes) / Double(blocks << 20)
        for _ in 0..<blocks {
            let s = Clock.now()
            try plain.withUnsafeBytes { p in
                try ad.withUnsafeBytes { a in
                    try cipher.withUnsafeMutableBytes { c in
                        for i in 0..<16 {
                            _ = try enc.push(
                                UnsafeRawBufferPointer(rebasing: p[i * chunk..<(i + 1) * chunk]), additionalData: a,
                                isFinal: false,
                                into: UnsafeMutableRawBufferPointer(rebasing: c[i * (chunk + 17)..<c.count]))
                        }
                        sealHash.update(bytes: UnsafeRawBufferPointer(c))
                    }
                }
            }
            let o = Clock.now()
            try cipher.withUnsafeBytes { c in
                try ad.withUnsafeBytes { a in
                    try back.withUnsafeMutableBytes { b in
                        for i in 0..<16 {
                            _ = try dec.pull(
                                UnsafeRawBufferPointer(rebasing: c[i * (chunk + 17)..<(i + 1) * (chunk + 17)]),
                                additionalData: a,
                                into: UnsafeMutableRawBufferPointer(rebasing: b[i * chunk..<b.count]))
                        }
                        openHash.update(bytes: UnsafeRawBufferPointer(b))
                    }
                }
            }
            let e = Clock.now()
            sealTime += o - s
            openTime += e - o
        }
        _ = sealHash.finalize()
        _ = openHash.finalize()
        return (sealTime * scale, openTime * scale)
    }
}

/// `avault-bench worker`: the avault side of P1/P4 as its own process (so `/usr/bin/time -v`
/// measures its peak RSS alone). Not a user command.
struct BenchWorker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Benchmark worker (internal).", shouldDisplay: false)

    @Argument var operation: String
    @Argument var paths: [String] = []

    func run() throws {
        switch operation {
        case "seal":
            let sender = try BenchSupport.identity("tv-1", .member)
            let recipient = try BenchSupport.identity("thu-ky", .secretary)
            _ = try SealedEnvelope.sealFile(
                paths[0], to: paths[1], kind: .evidence, round: BenchSupport.round, context: { ["size": .int($0)] },
                sender: sender,
                recipient: recipient.identity.encryptionKey, created: SyntheticRound.created)
        case "open":
            let recipient = try BenchSupport.identity("thu-ky", .secretary)
            _ = try SealedEnvelope.OnDisk(path: paths[0], expecting: .evidence).open(
                with: recipient.encryptionKey, to: paths[1])
        case "check":
            // One sealed submission: outer signature and the sender key (what verify does per file).
            let bytes = try FileIO.read(paths[0], maxBytes: Inbox.maxSubmissionSize)
            let envelope = try SealedEnvelope(parsing: bytes, expecting: .submission, file: paths[0])
            guard envelope.hasValidOuterSignature,
                Hex.encode(envelope.header.senderSigningKey.rawRepresentation) == paths[1]
            else {
                throw ExitCode(1)
            }
        default:
            throw ValidationError("unknown worker operation \(operation)")
        }
    }
}

/// `avault-bench verify` (docs/performance.md, P2): the per-file checks of `receive`/`verify` over a folder
/// of small sealed submissions, in parallel and on one thread, against a `minisign -V` loop and
/// a raw read + BLAKE2b + Ed25519 loop.
struct BenchVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Time bulk verification of sealed submissions against minisign and the libsodium floor.")

    @Option(help: "Number of sealed submissions.")
    var files = 10_000

    @Option(help: "Runs; medians are reported.")
    var runs = 3

    @Option(help: "Folder for the scratch files; removed afterwards.")
    var dir = "/var/tmp"

    func run() throws {
        BenchSupport.note(missing: ["minisign"])
        let scratch = try BenchSupport.scratch(in: dir)
        defer { BenchSupport.removeTree(scratch) }
        let q = BenchSupport.quote
        let round = try SyntheticRound(units: 1, subCriteria: 100, members: 100)
        defer { round.remove() }
        let folder = scratch + "/submissions"
        _ = mkdir(folder, 0o700)
        let setup = Clock.now()
        var total = 0
        for i in 0..<files {
            let member = round.members[i % round.members.count]
            let bytes = try Sealing.seal(
                round.rows[member.identity.id]!, round: round.definition, member: member,
                revision: i / round.members.count + 1,
                created: SyntheticRound.created)
            total += bytes.count
            try FileIO.writeAtomically(
                bytes,
                to: folder + "/"
                    + RoundLayout.submissionFileName(member: member.identity.id, revision: i / round.members.count + 1))
        }
        out(
            "\(files) sealed submissions, \(total / files) B each on average (set-up \(Clock.format(Clock.now() - setup)))."
        )
        let names = try FileIO.list(folder).map { folder + "/" + $0 }
        let roster = round.definition.roster
        var t = [String: [Double]]()
        let hasMinisign = BenchSupport.have("minisign")
        if hasMinisign {
            try BenchSupport.shell(
                "cd \(q(scratch)) && minisign -G -W -f -p mini.pub -s mini.key >/dev/null && minisign -S -s mini.key -m submissions/*.avs >/dev/null"
            )
        }
        for _ in 0..<runs {
            var s = Clock.now()
            let ok = Self.check(names, roster: roster, parallel: true)
            t["parallel", default: []].append(Clock.now() - s)
            guard ok == names.count else { throw ValidationError("only \(ok) of \(names.count) submissions verified") }
            s = Clock.now()
            _ = Self.check(names, roster: roster, parallel: false)
            t["serial", default: []].append(Clock.now() - s)
            s = Clock.now()
            try Self.floor(names)
            t["floor", default: []].append(Clock.now() - s)
            if hasMinisign {
                t["minisign", default: []].append(
                    try BenchSupport.shell(
                        "cd \(q(scratch)) && bash -c 'for f in submissions/*.avs; do minisign -Vq -p mini.pub -m \"$f\" || exit 1; done'"
                    ))
            }
        }
        let m = { (name: String) in Clock.median(t[name] ?? []) }
        let ours = m("parallel")
        out("")
        out("P2 bulk verify, \(files) files, median of \(runs)")
        out("")
        out("| method | median | files/s | avault ÷ this (throughput) |")
        out("|---|---:|---:|---:|")
        for (name, label) in [
            ("parallel", "avault checks (outer signature + binding + file hash), both cores"),
            ("serial", "the same checks, one thread"),
            ("floor", "floor: read + BLAKE2b + one Ed25519 verify, one thread"),
            ("minisign", "`minisign -V` per file in a bash loop"),
        ] where t[name] != nil {
            out(
                "| \(label) | \(Clock.format(m(name))) | \(Int(Double(files) / m(name))) | \(name == "parallel" ? "—" : BenchSupport.ratio(m(name) / ours)) |"
            )
        }
    }

    /// The checks `verify` makes per submission file; returns how many passed.
    static func check(_ paths: [String], roster: Roster, parallel: Bool) -> Int {
        let passed = UnsafeMutableBufferPointer<Bool>.allocate(capacity: paths.count)
        passed.initialize(repeating: false)
        defer { passed.deallocate() }
        let one = { (i: Int) in
            let path = paths[i]
            guard let bytes = try? FileIO.read(path, maxBytes: Inbox.maxSubmissionSize),
                let envelope = try? SealedEnvelope(parsing: bytes, expecting: .submission, file: path),
                envelope.hasValidOuterSignature, let member = try? roster.authorize(envelope),
                case .integer(let revision)? = envelope.header.context["revision"],
                let name = RoundLayout.parseSubmissionFileName(String(path.split(separator: "/").last!)),
                name.member == member.id, name.revision == Int(revision)
            else { return }
            _ = envelope.fileHash
            passed[i] = true
        }
        if parallel { Parallel.forEach(paths.count) { one($0) } } else { for i in paths.indices { one(i) } }
        return passed.filter { $0 }.count
    }

    /// Read + BLAKE2b-512 of the file + one Ed25519 verify per file, one thread.
    static func floor(_ paths: [String]) throws {
        let key = try Ed25519.PrivateKey.generate()
        let signature = try key.signature(for: [UInt8](repeating: 0, count: 64))
        for path in paths {
            let bytes = try FileIO.read(path, maxBytes: Inbox.maxSubmissionSize)
            let digest = BLAKE2b.hash(bytes, outputLength: 64)
            _ = key.publicKey.isValidSignature(signature, for: digest)
        }
    }
}

/// `avault-bench file` (docs/performance.md, P4): verifying one sealed file as a process, against `minisign -V`.
struct BenchFile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "file", abstract: "Time one-file verification as a process against minisign -V.")

    @Option(help: "Runs per command.")
    var runs = 200

    @Option(help: "Folder for the scratch files; removed afterwards.")
    var dir = "/var/tmp"

    func run() throws {
        BenchSupport.note(missing: ["minisign", "hyperfine"])
        let scratch = try BenchSupport.scratch(in: dir)
        defer { BenchSupport.removeTree(scratch) }
        let q = BenchSupport.quote
        let round = try SyntheticRound(units: 29, subCriteria: 72, members: 8)
        defer { round.remove() }
        let member = round.members[0]
        let bytes = try Sealing.seal(
            round.rows[member.identity.id]!, round: round.definition, member: member, revision: 1,
            created: SyntheticRound.created)
        let file = scratch + "/" + RoundLayout.submissionFileName(member: member.identity.id, revision: 1)
        try FileIO.writeAtomically(bytes, to: file)
        try BenchSupport.shell(
            "cd \(q(scratch)) && minisign -G -W -f -p mini.pub -s mini.key >/dev/null && minisign -S -s mini.key -m \(q(file)) >/dev/null"
        )
        let ours =
            "\(BenchSupport.executable) worker check \(file) \(Hex.encode(member.signingKey.publicKey.rawRepresentation))"
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
                let seconds = try BenchSupport.shell("bash -c 'for i in $(seq \(runs)); do \(command) || exit 1; done'")
                results.append(seconds / Double(runs))
            }
        }
        out("")
        out(
            "P4 one file (\(bytes.count) B sealed submission), median of \(runs) runs\(BenchSupport.have("hyperfine") ? " (hyperfine -N)" : " (bash loop, mean)")"
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
