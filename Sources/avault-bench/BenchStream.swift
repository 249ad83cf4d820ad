import ArgumentParser
import Glibc
import VaultCrypto

@testable import AppraisalVault

/// `avault-bench stream` (docs/performance.md, P1): seal and open of a large attachment against
/// age + minisign and the raw libsodium flat-hash floor (one thread, flat BLAKE2b), measured in
/// the same run.
struct BenchStream: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "Time streaming seal/open of a large file against age + minisign and the libsodium flat-hash floor.")

    @Option(help: "File size in MiB.")
    var size = 1024

    @Option(help: "Runs; medians are reported.")
    var runs = 3

    @OptionGroup var scratchOptions: ScratchOptions

    func run() throws {
        try scratchOptions.run(peers: ["age", "minisign"]) { scratch in
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
                    try BenchSupport.timed(
                        "\(exe) worker seal \(q(input)) \(q(scratch + "/sealed.ave"))", scratch: scratch)
                )
                record(
                    "avault open",
                    try BenchSupport.timed(
                        "\(exe) worker open \(q(scratch + "/sealed.ave")) \(q(scratch + "/out.avault"))",
                        scratch: scratch))
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
                        ? "flat-hash floor: secretstream push + flat BLAKE2b, 1 thread, in memory"
                        : "flat-hash floor: secretstream pull + flat BLAKE2b, 1 thread, in memory")
                    : name
                let r = name == ours ? "—" : BenchSupport.ratio(m(name) / m(ours))
                out(
                    "| \(label) | \(Clock.format(m(name))) | \(BenchSupport.mbps(bytes, m(name))) | \(rss[name].map(BenchSupport.mib) ?? "—") | \(r) |"
                )
            }
        }
    }

    /// The raw libsodium flat-hash floor: secretstream over 64 KiB chunks plus one flat BLAKE2b
    /// pass over the same bytes, one thread, a cache-resident 1 MiB buffer reused (no I/O). It is
    /// not evidence's tree hash (spec §5.4), whose leaves seal and open hash on two threads, so
    /// avault can come in under this floor: it bounds a one-thread flat-hash design, not avault.
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
