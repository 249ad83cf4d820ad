import Testing

@testable import avault_bench

/// The arithmetic and text of `avault-bench table` (issue 16 §4): medians of the pairs, the ratio
/// each row shows, the goal's verdict, and how a missing peer reads.
@Suite("avault-bench table rows")
struct TableRowTests {
    static func runs(_ seconds: [Double], cpu: [Double]? = nil, rss: [Int]? = nil) -> Sample.Runs {
        Sample.Runs(
            seconds.indices.map { Sample(seconds: seconds[$0], cpu: cpu?[$0], rssKiB: rss?[$0]) })
    }

    /// The median of an odd count is the middle value, of an even count the mean of the two
    /// middle ones; an outlier does not move it.
    @Test func medians() {
        #expect(Clock.median([3, 1, 100]) == 3)
        #expect(Clock.median([4, 1, 3, 2]) == 2.5)
        #expect(Clock.median([]) == 0)
        let r = Self.runs([2, 9, 3], cpu: [1, 5, 2], rss: [10, 30, 20])
        #expect(r.seconds == 3)
        #expect(r.cpu == 2)
        #expect(r.rssKiB == 30)
        #expect(Sample.Runs().seconds == nil)
        #expect(Self.runs([1, 2]).cpu == nil)
        #expect(Self.runs([1, 2]).rssKiB == nil)
    }

    /// Pairs alternate: avault, then the peer, `pairs` times; without a peer only avault runs.
    @Test func alternation() throws {
        var order = [String]()
        var n = 0
        let both = try Sample.alternate(
            pairs: 3,
            ours: { () -> Int in
                n += 1
                order.append("a")
                return n
            },
            theirs: { () -> Int in
                n += 1
                order.append("b")
                return n
            })
        #expect(order == ["a", "b", "a", "b", "a", "b"])
        #expect(both.ours == [1, 3, 5])
        #expect(both.theirs == [2, 4, 6])
        let alone = try Sample.alternate(pairs: 2, ours: { 7 }, theirs: nil)
        #expect(alone.ours == [7, 7])
        #expect(alone.theirs.isEmpty)
    }

    /// "At least" is met at the limit and missed below it by limit ÷ value; "at most" is met at
    /// the limit and missed above it by value ÷ limit; no figure is "not measured".
    @Test func goalVerdicts() {
        let faster = TableRow.Goal.atLeast(1.5, "≥ 1.5×")
        #expect(faster.verdict(1.5) == .met)
        #expect(faster.verdict(2) == .met)
        #expect(faster.verdict(0.75) == .missed(by: 2))
        let bounded = TableRow.Goal.atMost(3, "≤ 3×")
        #expect(bounded.verdict(3) == .met)
        #expect(bounded.verdict(12) == .missed(by: 4))
        #expect(bounded.verdict(nil) == .notMeasured)
        #expect(bounded.verdict(0) == .notMeasured)
        #expect(bounded.verdict(.infinity) == .notMeasured)
        #expect(TableRow.Verdict.missed(by: 1.4).text == "**missed** (1.40× off)")
    }

    /// A throughput row divides the peer's median time by avault's (above 1: avault is faster)
    /// and judges that ratio.
    @Test func throughputRow() {
        let row = TableRow.throughput(
            "P1 seal", ours: Self.runs([2, 3, 100], cpu: [4, 5, 6], rss: [1024, 2048, 1536]), peer: "age",
            theirs: Self.runs([6, 7, 6]), goal: .atLeast(1.5, "≥ 1.5×"))
        #expect(row.judged == 2)
        #expect(row.ratio == "2.00×")
        #expect(row.verdict == .met)
        #expect(row.ours == TableRow.Cell(time: "3.00 s", cpu: "5.00 s", rss: "2.0 MiB"))
        #expect(
            row.markdown
                == "| P1 seal | 3.00 s | 5.00 s | 2.0 MiB | age | 6.00 s | — | — | 2.00× | ≥ 1.5× | met |")
        let slower = TableRow.throughput(
            "P1 open", ours: Self.runs([4, 4, 4]), peer: "age", theirs: Self.runs([3, 3, 3]),
            goal: .atLeast(1.5, "≥ 1.5×"))
        #expect(slower.ratio == "0.75×")
        #expect(slower.verdict == .missed(by: 2))
    }

    /// A peer missing from PATH: its cells are empty, the row says so, and the goal is not
    /// measured (never met).
    @Test func missingPeer() {
        let row = TableRow.throughput(
            "P1 seal", ours: Self.runs([1]), peer: "age or minisign not on PATH", theirs: nil,
            goal: .atLeast(1.5, "≥ 1.5×"))
        #expect(row.ratio == "—")
        #expect(row.verdict == .notMeasured)
        #expect(row.markdown.contains("| age or minisign not on PATH | — | — | — | — | ≥ 1.5× | not measured |"))
    }

    /// A slowdown row (start-up) divides avault's time by the peer's; an absolute row judges
    /// avault's own time and, on a `--quick` size, does not judge at all.
    @Test func slowdownAndAbsoluteRows() {
        let start = TableRow.slowdown(
            "`avault --version`", ours: Self.runs([0.009, 0.0092, 0.0088]), peer: "`minisign -V`",
            theirs: Self.runs([0.001, 0.001, 0.001]), goal: .atMost(3, "≤ 3×"))
        #expect(start.ratio == "9.00×")
        #expect(start.verdict == .missed(by: 3))
        #expect(start.ours.time == "9.00 ms")
        let merge = TableRow.absolute(
            "P3 merge", ours: Self.runs([0.8, 0.9, 1.2]), peer: "floor", theirs: Self.runs([0.009]),
            goal: .atMost(1, "≤ 1 s"), applies: true)
        #expect(merge.judged == 0.9)
        #expect(merge.ratio == "100× the floor")
        #expect(merge.verdict == .met)
        var quick = merge
        quick.goalApplies = false
        #expect(quick.verdict == .notApplicable)
    }

    /// Figures keep three significant digits; a `|` in a cell cannot break the table.
    @Test func text() {
        #expect(TableRow.seconds(0.003_92) == "3.92 ms")
        #expect(TableRow.seconds(0.0525) == "52.5 ms")
        #expect(TableRow.seconds(0.123) == "123 ms")
        #expect(TableRow.seconds(3.3) == "3.30 s")
        #expect(TableRow.seconds(74.3) == "74.3 s")
        #expect(TableRow.ratio(0.834) == "0.83×")
        #expect(TableRow.ratio(14.2) == "14.2×")
        #expect(TableRow.ratio(555.4) == "555×")
        #expect(TableRow.fixed(2.005, 0) == "2")
        #expect(TableRow.fixed(-0.5, 1) == "-0.5")
        #expect(TableRow.bytes(600 * 1024) == "600 KiB")
        #expect(TableRow.bytes(6_186_598) == "5.9 MiB")
        #expect(BenchTable.count(1_000_000) == "1,000,000")
        #expect(BenchTable.count(100) == "100")
        let row = TableRow(
            name: "a | b", ours: TableRow.Cell(nil), peer: "p", theirs: TableRow.Cell(nil), ratio: "—", goal: nil,
            judged: nil)
        #expect(row.markdown == "| a \\| b | — | — | — | p | — | — | — | — | — | — |")
        #expect(TableRow.markdown([row]).count == 3)
        #expect(BenchTable.loadVerdict(before: 0.3, cores: 2) == "quiet at the start.")
        #expect(BenchTable.loadVerdict(before: 2.5, cores: 2).contains("machine loaded at the start"))
    }
}
