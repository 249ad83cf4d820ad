/// One criteria set (bộ tiêu chí) of a round: an id, the framework it scores with, and the
/// groups of units appraised on it (docs/spec/03-round.md §3.3).
///
/// A round holds one or more sets; every group — and so every unit — belongs to exactly one.
/// Members' assignment codes name a set with `SET:CODE` (§3.4).
public struct CriteriaSet: Sendable, Hashable {
    /// The set id (an ``Identifier``), e.g. `so` or `huyen`.
    public let id: String
    /// The group ids it covers, in input order (non-empty).
    public let groups: [String]
    /// Its criteria tree, maxima, steps and methods.
    public let framework: Framework

    /// A set (validated by the caller).
    public init(id: String, groups: [String], framework: Framework) {
        self.id = id
        self.groups = groups
        self.framework = framework
    }

    /// The display name: the framework's title, or the set id when it has none.
    public var name: String { framework.title.isEmpty ? id : framework.title }

    /// The set id used when `--framework FILE` names no set: `khung`.
    public static let defaultID = "khung"
}
