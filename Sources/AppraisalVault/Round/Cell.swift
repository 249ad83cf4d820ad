/// One appraisable cell: a unit × a sub-criterion.
public struct Cell: Sendable, Hashable, CustomStringConvertible {
    /// The unit id.
    public let unit: String
    /// The sub-criterion code.
    public let code: String

    /// A cell.
    public init(unit: String, code: String) {
        self.unit = unit
        self.code = code
    }

    /// `unit/code`, e.g. `so-tu-phap/1.1.1`.
    public var description: String { "\(unit)/\(code)" }
}
