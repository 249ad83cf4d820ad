/// One row of `avault-bench table`: a case of issue 16, avault's figures, the peer's figures
/// measured in the same run, their ratio and the goal with its verdict.
///
/// Pure values: the measurements are done elsewhere (``BenchTable``); building a row from them
/// and rendering it are what the tests check.
struct TableRow: Equatable {
    /// Wall time, CPU seconds and peak RSS as shown in the table ("—" where not measured).
    struct Cell: Equatable {
        var time = "—"
        var cpu = "—"
        var rss = "—"

        /// The medians of `runs` (nil or empty: all "—").
        init(_ runs: Sample.Runs?) {
            guard let runs, let seconds = runs.seconds else { return }
            time = TableRow.seconds(seconds)
            cpu = runs.cpu.map(TableRow.seconds) ?? "—"
            rss = runs.rssKiB.map(BenchSupport.mib) ?? "—"
        }

        init(time: String, cpu: String = "—", rss: String = "—") {
            self.time = time
            self.cpu = cpu
            self.rss = rss
        }
    }

    /// A goal of the issue: the judged number (a ratio, seconds or MiB, as the row says) at least
    /// or at most `limit`.
    struct Goal: Equatable {
        enum Bound: Equatable { case atLeast, atMost }

        var bound: Bound
        var limit: Double
        /// As printed: "≥ 1.5×", "≤ 10 s".
        var text: String

        static func atLeast(_ limit: Double, _ text: String) -> Goal { Goal(bound: .atLeast, limit: limit, text: text) }
        static func atMost(_ limit: Double, _ text: String) -> Goal { Goal(bound: .atMost, limit: limit, text: text) }

        /// Whether `value` meets the goal; a missed goal says by what factor (≥ 1).
        func verdict(_ value: Double?) -> Verdict {
            guard let value, value.isFinite, value > 0 else { return .notMeasured }
            switch bound {
            case .atLeast: return value >= limit ? .met : .missed(by: limit / value)
            case .atMost: return value <= limit ? .met : .missed(by: value / limit)
            }
        }
    }

    enum Verdict: Equatable {
        case met
        /// Off by this factor (the goal ÷ the figure for "at least", the figure ÷ the goal for "at most").
        case missed(by: Double)
        case notMeasured
        /// The goal is for the full size; a `--quick` run measures a smaller one.
        case notApplicable

        var text: String {
            switch self {
            case .met: return "met"
            case .missed(let factor): return "**missed** (\(TableRow.ratio(factor)) off)"
            case .notMeasured: return "not measured"
            case .notApplicable: return "n/a at this size"
            }
        }
    }

    var name: String
    var ours: Cell
    /// The peer's name, or why it is not there ("age not on PATH").
    var peer: String
    var theirs: Cell
    var ratio: String
    var goal: Goal?
    /// The number the goal judges.
    var judged: Double?
    /// False where the goal is for a size this run did not measure.
    var goalApplies = true

    var verdict: Verdict {
        guard let goal else { return .notMeasured }
        return goalApplies ? goal.verdict(judged) : .notApplicable
    }

    // MARK: Building rows

    /// A throughput row (P1, P2): the ratio is the peer's median time ÷ avault's, above 1 when
    /// avault is faster, and the goal judges it.
    static func throughput(
        _ name: String, ours: Sample.Runs, peer: String, theirs: Sample.Runs?, goal: Goal?
    ) -> TableRow {
        let r = quotient(theirs?.seconds, ours.seconds)
        return TableRow(
            name: name, ours: Cell(ours), peer: peer, theirs: Cell(theirs), ratio: r.map(ratio) ?? "—", goal: goal,
            judged: r)
    }

    /// A slowdown row (P4 / start-up): the ratio is avault's median time ÷ the peer's, and the
    /// goal judges it.
    static func slowdown(
        _ name: String, ours: Sample.Runs?, peer: String, theirs: Sample.Runs?, goal: Goal?
    ) -> TableRow {
        let r = quotient(ours?.seconds, theirs?.seconds)
        return TableRow(
            name: name, ours: Cell(ours), peer: peer, theirs: Cell(theirs), ratio: r.map(ratio) ?? "—", goal: goal,
            judged: r)
    }

    /// A row whose goal is on avault's own median time (P3 merge): the ratio to the floor is
    /// shown as "N× the floor".
    static func absolute(
        _ name: String, ours: Sample.Runs, peer: String, theirs: Sample.Runs?, goal: Goal?, applies: Bool
    ) -> TableRow {
        let r = quotient(ours.seconds, theirs?.seconds)
        return TableRow(
            name: name, ours: Cell(ours), peer: peer, theirs: Cell(theirs),
            ratio: r.map { ratio($0) + " the floor" } ?? "—",
            goal: goal, judged: ours.seconds, goalApplies: applies)
    }

    /// `a ÷ b`, nil unless both are positive.
    static func quotient(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b, a > 0, b > 0, a.isFinite, b.isFinite else { return nil }
        return a / b
    }

    // MARK: Rendering

    static let header = [
        "| case | avault | CPU | peak RSS | peer in the same run | peer | CPU | peak RSS | ratio | goal | result |",
        "|---|---:|---:|---:|---|---:|---:|---:|---:|---|---|",
    ]

    /// The row as one Markdown table line (`|` in texts escaped).
    var markdown: String {
        let cells = [
            name, ours.time, ours.cpu, ours.rss, peer, theirs.time, theirs.cpu, theirs.rss, ratio, goal?.text ?? "—",
            goal == nil ? "—" : verdict.text,
        ]
        return "| " + cells.map { $0.replacingOccurrences("|", "\\|") }.joined(separator: " | ") + " |"
    }

    /// The whole table: header and rows.
    static func markdown(_ rows: [TableRow]) -> [String] { header + rows.map(\.markdown) }

    /// Seconds with three significant figures: "3.92 ms", "123 ms", "3.30 s", "74.3 s".
    static func seconds(_ s: Double) -> String {
        if s < 0.01 { return fixed(s * 1000, 2) + " ms" }
        if s < 0.1 { return fixed(s * 1000, 1) + " ms" }
        if s < 1 { return fixed(s * 1000, 0) + " ms" }
        if s < 10 { return fixed(s, 2) + " s" }
        if s < 100 { return fixed(s, 1) + " s" }
        return fixed(s, 0) + " s"
    }

    /// A size in bytes: "812 KiB" below 1 MiB, else "5.9 MiB".
    static func bytes(_ n: Int) -> String {
        n < 1 << 20 ? "\(Int((Double(n) / 1024).rounded())) KiB" : fixed(Double(n) / 1_048_576, 1) + " MiB"
    }

    /// A ratio: "0.83×", "14.2×", "555×".
    static func ratio(_ x: Double) -> String {
        x < 10 ? fixed(x, 2) + "×" : x < 100 ? fixed(x, 1) + "×" : fixed(x, 0) + "×"
    }

    /// `value` rounded to `digits` decimals, without Foundation.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = Int((abs(value) * scale).rounded())
        let whole = n / Int(scale)
        let sign = value < 0 && n != 0 ? "-" : ""
        guard digits > 0 else { return sign + "\(whole)" }
        let frac = String(n % Int(scale))
        return sign + "\(whole)." + String(repeating: "0", count: digits - frac.count) + frac
    }
}
