import ArgumentParser
import Glibc
import VaultCrypto

@testable import AppraisalVault

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

    @OptionGroup var scratchOptions: ScratchOptions

    func run() throws {
        try scratchOptions.run(peers: ["minisign"]) { scratch in
            let q = BenchSupport.quote
            let folder = scratch + "/submissions"
            let setup = Clock.now()
            let (round, names, total) = try Self.prepare(files: files, in: folder)
            defer { round.remove() }
            out(
                "\(files) sealed submissions, \(total / files) B each on average (set-up \(Clock.format(Clock.now() - setup)))."
            )
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
                guard ok == names.count else {
                    throw ValidationError("only \(ok) of \(names.count) submissions verified")
                }
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
    }

    /// Writes `files` sealed submissions (100 members × as many revisions as needed) into the new
    /// folder `folder`: the synthetic round (remove it afterwards), the files' paths and their bytes
    /// in total.
    static func prepare(files: Int, in folder: String) throws -> (round: SyntheticRound, paths: [String], bytes: Int) {
        let round = try SyntheticRound(units: 1, subCriteria: 100, members: 100)
        _ = mkdir(folder, 0o700)
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
        return (round, try FileIO.list(folder).map { folder + "/" + $0 }, total)
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
