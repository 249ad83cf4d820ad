import ArgumentParser
import Glibc
import VaultCrypto

@testable import AppraisalVault

extension BenchTable {
    /// P3: `avault merge` of a round at two sizes, 10× apart (100,000 and 1,000,000 cells; with
    /// `--quick` 1,000 and 10,000), each run a new `avault-bench worker merge` process, against the
    /// floor over the same sealed bytes; then the scaling ratio and peak RSS against the plaintext.
    func mergeRows(notes: inout [String]) throws -> [TableRow] {
        // Units × 100 sub-criteria × members; the goals are for the full sizes.
        let sizes: [(units: Int, members: Int, goal: TableRow.Goal)] = [
            (quick ? 10 : 1000, quick ? 10 : 100, .atMost(1, "≤ 1 s")),
            (quick ? 100 : 10_000, quick ? 10 : 100, .atMost(10, "≤ 10 s")),
        ]
        var rows = [TableRow]()
        var medians = [Double?]()
        var memory = [(cells: Int, rssKiB: Int?, plaintext: Int)]()
        for size in sizes {
            let cells = size.units * 100
            progress("P3 \(Self.count(cells)) cells: building the synthetic round…")
            let prepared = try Self.prepareMerge(units: size.units, members: size.members)
            defer { prepared.round.remove() }
            let exe = BenchSupport.executable
            let measured = try Sample.alternate(
                pairs: pairs,
                ours: {
                    progress("P3 \(Self.count(cells)) cells: avault merge")
                    try prepared.round.resetMerge()
                    return try Spawn.run([exe, "worker", "merge", prepared.round.directory])
                },
                theirs: {
                    Sample(seconds: try BenchStream.floor(bytes: prepared.sealedBytes).open, cpu: nil, rssKiB: nil)
                })
            let ours = Sample.Runs(measured.ours)
            medians.append(ours.seconds)
            memory.append((cells, ours.rssKiB, prepared.plaintextBytes))
            rows.append(
                .absolute(
                    "P3 merge \(Self.count(cells)) cells (\(Self.count(size.units)) units × 100 × \(size.members) members)",
                    ours: ours,
                    peer:
                        "floor: secretstream pull + BLAKE2b of the same \(TableRow.fixed(Double(prepared.sealedBytes) / 1e6, 1)) MB",
                    theirs: Sample.Runs(measured.theirs), goal: size.goal, applies: !quick))
        }
        let scaling = TableRow.quotient(medians[1], medians[0])
        rows.append(
            TableRow(
                name:
                    "P3 10× the cells: time ratio (\(Self.count(sizes[1].units * 100)) ÷ \(Self.count(sizes[0].units * 100)))",
                ours: TableRow.Cell(time: scaling.map { TableRow.ratio($0) + " the time" } ?? "—"), peer: "—",
                theirs: TableRow.Cell(time: "—"), ratio: scaling.map(TableRow.ratio) ?? "—",
                goal: .atMost(10.5, "≤ 10.5×"), judged: scaling))
        for m in memory {
            let factor = TableRow.quotient(m.rssKiB.map { Double($0) * 1024 }, Double(m.plaintext))
            rows.append(
                TableRow(
                    name: "P3 peak RSS of the merge, \(Self.count(m.cells)) cells, vs its plaintext",
                    ours: TableRow.Cell(time: "—", rss: m.rssKiB.map(BenchSupport.mib) ?? "—"),
                    peer: "plaintext of the submissions",
                    theirs: TableRow.Cell(time: "—", rss: TableRow.bytes(m.plaintext)),
                    ratio: factor.map { TableRow.ratio($0) + " the plaintext" } ?? "—",
                    goal: .atMost(4, "≤ 4× plaintext"),
                    judged: factor))
        }
        return rows
    }

    /// A synthetic round of `units` × 100 sub-criteria with `members` members, every member's
    /// submission sealed and received (as after `avault receive`), ready for `worker merge`; the
    /// sealed and the plaintext bytes of the submissions.
    static func prepareMerge(units: Int, members: Int) throws -> (
        round: SyntheticRound, sealedBytes: Int, plaintextBytes: Int
    ) {
        let round = try SyntheticRound(units: units, subCriteria: 100, members: members)
        do {
            let sealed = try round.members.map { m in
                try Sealing.seal(
                    round.rows[m.identity.id]!, round: round.definition, member: m, revision: 1,
                    created: SyntheticRound.created)
            }
            var plaintext = 0
            for (i, bytes) in sealed.enumerated() {
                let envelope = try SealedEnvelope(parsing: bytes, expecting: .submission, file: "m\(i).avs")
                plaintext += try envelope.open(with: round.secretary.encryptionKey).count
            }
            try round.receive(sealed)
            return (round, sealed.reduce(0) { $0 + $1.count }, plaintext)
        } catch {
            round.remove()
            throw error
        }
    }
}

extension SyntheticRound {
    /// The secretary of every ``SyntheticRound``: the first identity drawn from its seed (keep in
    /// step with ``init(units:subCriteria:members:)``); `worker merge` unlocks with it. A mismatch
    /// cannot pass silently: the merge could not open the submissions.
    static func secretaryIdentity() throws -> SecretIdentity {
        try SecretIdentity.generate(
            id: "thu-ky", name: "Bench thu-ky", role: .secretary, isDemo: true, created: created,
            using: DeterministicRandom(seed: "avault bench merge"))
    }
}
