/// The units' self-assessed scores: one entry per unit × `self` sub-criterion (spec §3.5).
///
/// An entry without a score is a sub-criterion the unit did not self-assess ("chưa tự đánh giá"):
/// it counts as 0 in the self totals, worksheets and reports mark it, and any appraised score on
/// it needs a reason.
public struct SelfAssessment: Sendable, Hashable {
    /// One self-assessed score with the unit's optional note.
    public struct Entry: Sendable, Hashable {
        /// The score, within `[0, max]` and on the sub-criterion's step; nil when the unit did not
        /// self-assess the sub-criterion.
        public let score: Points?
        /// The unit's note (NFC; empty when none).
        public let note: String

        /// An entry.
        public init(score: Points?, note: String = "") {
            self.score = score
            self.note = note
        }
    }

    /// The mark worksheets and reports show for a sub-criterion the unit did not self-assess.
    public static let notAssessedMark = "chưa tự đánh giá"

    /// Where each unit's entries start in `slots`, and the code table that places them.
    private let units: [String: Slot]
    /// Each code's position within a unit, one table per distinct list of codes (a set's `self`
    /// sub-criteria).
    private let tables: [[String: Int]]
    /// Every entry, unit after unit: dense, where a dictionary keyed by cell took about three times
    /// the memory at a million cells, and 8 bytes each where an ``Entry`` takes 64.
    private let slots: Slots

    /// The entries' scores (into `points`) and notes (into `notes`, ``PointsTable/none`` for an
    /// empty note), unit after unit.
    private struct Slots: Sendable {
        var scores = [Int32]()
        var notes = [Int32]()
        var points = PointsTable()
        var noteTexts = [String]()

        var count: Int { scores.count }

        mutating func reserveCapacity(_ n: Int) {
            scores.reserveCapacity(n)
            notes.reserveCapacity(n)
        }

        mutating func append(_ entry: Entry) {
            scores.append(points.index(entry.score))
            if entry.note.isEmpty {
                notes.append(PointsTable.none)
            } else {
                notes.append(Int32(noteTexts.count))
                noteTexts.append(entry.note)
            }
        }

        func score(_ k: Int) -> Points? { points[scores[k]] }

        subscript(k: Int) -> Entry { Entry(score: score(k), note: notes[k] < 0 ? "" : noteTexts[Int(notes[k])]) }
    }

    private struct Slot: Sendable, Hashable {
        let base: Int
        let table: Int
    }

    /// Builds the dense form unit by unit, as a round definition lists its entries.
    struct Builder {
        private var units = [String: Slot]()
        private var tables = [[String: Int]]()
        /// The table of each list of codes, keyed by ``key(_:)`` (a `[String]` key type would cost a
        /// search of the runtime's conformance tables at its first use in a process).
        private var tableOfCodes = [String: Int]()
        private var slots = Slots()

        init(capacity: Int = 0) { slots.reserveCapacity(capacity) }

        /// The table for a unit whose entries are for `codes`, in that order.
        mutating func table(for codes: [String]) -> Int {
            let key = Self.key(codes)
            if let t = tableOfCodes[key] { return t }
            var positions = [String: Int](minimumCapacity: codes.count)
            // A code given twice reads its last entry, as a dictionary keyed by cell would.
            for (i, code) in codes.enumerated() { positions[code] = i }
            tables.append(positions)
            tableOfCodes[key] = tables.count - 1
            return tables.count - 1
        }

        /// One string per list of codes, different for different lists: each code after its
        /// length in bytes and a colon.
        static func key(_ codes: [String]) -> String {
            var key = ""
            for code in codes { key += "\(code.utf8.count):\(code)" }
            return key
        }

        /// Appends `unit`'s entries, one per code of `table`, in its order; a unit given again
        /// replaces the earlier one, a unit without entries is left out.
        mutating func append(unit: String, table: Int, entries: [Entry]) {
            guard !entries.isEmpty else { return }
            units[unit] = Slot(base: slots.count, table: table)
            for entry in entries { slots.append(entry) }
        }

        /// The self-assessment.
        func build() -> SelfAssessment { SelfAssessment(units: units, tables: tables, slots: slots) }
    }

    private init(units: [String: Slot], tables: [[String: Int]], slots: Slots) {
        (self.units, self.tables, self.slots) = (units, tables, slots)
    }

    /// Wraps validated entries.
    public init(entries: [Cell: Entry]) {
        var byUnit = [String: [(code: String, entry: Entry)]]()
        for (cell, entry) in entries { byUnit[cell.unit, default: []].append((cell.code, entry)) }
        var builder = Builder(capacity: entries.count)
        for (unit, list) in byUnit.sorted(by: { $0.key < $1.key }) {
            let sorted = list.sorted { $0.code < $1.code }
            builder.append(unit: unit, table: builder.table(for: sorted.map(\.code)), entries: sorted.map(\.entry))
        }
        self = builder.build()
    }

    /// The entries by cell (built on each use: for a look-up ask ``entry(unit:code:)``).
    public var entries: [Cell: Entry] {
        var out = [Cell: Entry](minimumCapacity: slots.count)
        for (unit, slot) in units {
            for (code, i) in tables[slot.table] { out[Cell(unit: unit, code: code)] = slots[slot.base + i] }
        }
        return out
    }

    /// The entry of `unit` for `code`, nil when there is none.
    public func entry(unit: String, code: String) -> Entry? {
        guard let slot = units[unit], let i = tables[slot.table][code] else { return nil }
        return slots[slot.base + i]
    }

    /// The self score of `unit` for `code`; nil when that sub-criterion is not self-assessed by
    /// method or the unit did not self-assess it (``isNotAssessed(unit:code:)`` tells them apart).
    public func score(unit: String, code: String) -> Points? {
        guard let slot = units[unit], let i = tables[slot.table][code] else { return nil }
        return slots.score(slot.base + i)
    }

    /// Where `unit`'s entries start and the code table that places them, nil for a unit without
    /// entries: with ``positions(of:in:)`` and ``score(at:)``, for a reader that looks up every code
    /// of many units (the merge) without hashing each.
    func slot(of unit: String) -> (base: Int, table: Int)? { units[unit].map { ($0.base, $0.table) } }

    /// The position within a unit of each of `codes` in code table `table`, -1 for a code it lacks.
    func positions(of codes: [String], in table: Int) -> [Int32] {
        codes.map { tables[table][$0].map { Int32($0) } ?? -1 }
    }

    /// The score of entry `k`: a unit's base (``slot(of:)``) plus a position in its table.
    func score(at k: Int) -> Points? { slots.score(k) }

    /// True when `unit/code` is a `self` sub-criterion the unit did not self-assess.
    public func isNotAssessed(unit: String, code: String) -> Bool {
        entry(unit: unit, code: code).map { $0.score == nil } ?? false
    }

    /// The number of entries without a score.
    public var notAssessedCount: Int {
        units.values.reduce(0) { n, slot in
            n + tables[slot.table].values.filter { slots.score(slot.base + $0) == nil }.count
        }
    }

    /// The same entries, however they were laid out.
    public static func == (a: SelfAssessment, b: SelfAssessment) -> Bool {
        guard a.units.count == b.units.count else { return false }
        for (unit, slot) in a.units {
            guard let other = b.units[unit], a.tables[slot.table].count == b.tables[other.table].count else {
                return false
            }
            for (code, i) in a.tables[slot.table] where b.entry(unit: unit, code: code) != a.slots[slot.base + i] {
                return false
            }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(units.count)
        hasher.combine(slots.count)
    }
}
