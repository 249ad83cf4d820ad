/// One appraised cell as a member enters it: the unit, the sub-criterion, the appraised score and
/// the reason for any change against the unit's self score.
public struct Appraisal: Sendable, Hashable {
    /// The unit id.
    public let unit: String
    /// The sub-criterion code.
    public let code: String
    /// The appraised score.
    public let score: Points
    /// Why the score differs from the self score (may be empty when it does not).
    public let reason: String
    /// The worksheet line it came from (0 when not from a worksheet).
    public let line: Int
    /// The worksheet column of the reason (0 when not from a worksheet).
    public let reasonColumn: Int

    public init(unit: String, code: String, score: Points, reason: String, line: Int = 0, reasonColumn: Int = 0) {
        self.unit = unit
        self.code = code
        self.score = score
        self.reason = reason
        self.line = line
        self.reasonColumn = reasonColumn
    }

    /// The cell it appraises.
    public var cell: Cell { Cell(unit: unit, code: code) }
}
