/// One measured run: wall seconds, CPU seconds (user + system) and peak RSS in KiB, the last two
/// nil where they were not measured.
struct Sample: Equatable {
    var seconds: Double
    var cpu: Double?
    var rssKiB: Int?

    /// The runs of one side of a table row, summarised: median wall and CPU seconds, the largest
    /// peak RSS.
    struct Runs: Equatable {
        var all: [Sample] = []

        init(_ all: [Sample] = []) { self.all = all }

        var count: Int { all.count }
        var seconds: Double? { all.isEmpty ? nil : Clock.median(all.map(\.seconds)) }
        var cpu: Double? {
            let values = all.compactMap(\.cpu)
            return values.isEmpty ? nil : Clock.median(values)
        }
        var rssKiB: Int? { all.compactMap(\.rssKiB).max() }
    }

    /// Runs `ours` and `theirs` alternately, `pairs` times, `ours` first in each pair, so that a
    /// change in the machine's load during the run falls on both sides alike. Without `theirs`
    /// (the peer is missing) only `ours` runs.
    static func alternate<T>(pairs: Int, ours: () throws -> T, theirs: (() throws -> T)?) throws -> (
        ours: [T], theirs: [T]
    ) {
        var a = [T]()
        var b = [T]()
        for _ in 0..<pairs {
            a.append(try ours())
            if let theirs { b.append(try theirs()) }
        }
        return (a, b)
    }
}
