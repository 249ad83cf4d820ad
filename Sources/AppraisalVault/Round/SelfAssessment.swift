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

    /// The entries by cell.
    public let entries: [Cell: Entry]

    /// Wraps validated entries.
    public init(entries: [Cell: Entry]) { self.entries = entries }

    /// The self score of `unit` for `code`; nil when that sub-criterion is not self-assessed by
    /// method or the unit did not self-assess it (``isNotAssessed(unit:code:)`` tells them apart).
    public func score(unit: String, code: String) -> Points? { entries[Cell(unit: unit, code: code)]?.score }

    /// True when `unit/code` is a `self` sub-criterion the unit did not self-assess.
    public func isNotAssessed(unit: String, code: String) -> Bool {
        entries[Cell(unit: unit, code: code)].map { $0.score == nil } ?? false
    }

    /// The number of entries without a score.
    public var notAssessedCount: Int { entries.values.filter { $0.score == nil }.count }
}
