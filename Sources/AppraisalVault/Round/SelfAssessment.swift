/// The units' self-assessed scores: one entry per unit × `self` sub-criterion.
public struct SelfAssessment: Sendable, Hashable {
    /// One self-assessed score with the unit's optional note.
    public struct Entry: Sendable, Hashable {
        /// The score, within `[0, max]` and on the sub-criterion's step.
        public let score: Points
        /// The unit's note (NFC; empty when none).
        public let note: String

        /// An entry.
        public init(score: Points, note: String = "") {
            self.score = score
            self.note = note
        }
    }

    /// The entries by cell.
    public let entries: [Cell: Entry]

    /// Wraps validated entries.
    public init(entries: [Cell: Entry]) { self.entries = entries }

    /// The self score of `unit` for `code`, if that sub-criterion is self-assessed.
    public func score(unit: String, code: String) -> Points? { entries[Cell(unit: unit, code: code)]?.score }
}
