/// The criteria tree of a round: fields → criteria → sub-criteria (lĩnh vực → tiêu chí →
/// tiêu chí thành phần), with exact maxima (docs/spec/03-round.md §3).
///
/// A `Framework` value is always valid: it is only built by ``FrameworkInput`` (from JSON or CSV)
/// or read back from a signed round definition, both of which run the same checks — codes unique
/// and hierarchical, every max positive and on its step, parts summing to their parent, fields
/// summing to ``total``.
public struct Framework: Sendable, Hashable {
    /// An optional identifier of the criteria set (from the JSON input; empty for CSV).
    public let id: String
    /// An optional title of the criteria set (empty when not given).
    public let title: String
    /// The declared total (normally 100).
    public let total: Points
    /// The fields, in document order.
    public let fields: [Field]

    /// Assembles a framework; callers have validated it (see the type's discussion).
    init(id: String, title: String, total: Points, fields: [Field]) {
        self.id = id
        self.title = title
        self.total = total
        self.fields = fields
    }

    /// Every criterion, in document order.
    public var criteria: [Criterion] { fields.flatMap(\.criteria) }

    /// Every sub-criterion, in document order.
    public var subCriteria: [SubCriterion] { criteria.flatMap(\.subCriteria) }

    /// The sub-criteria council members appraise (method `self` or `council`), in document order.
    public var appraisableSubCriteria: [SubCriterion] { subCriteria.filter { $0.method.isAppraisable } }

    /// The sub-criterion with `code`, if any.
    public func subCriterion(_ code: String) -> SubCriterion? { subCriteria.first { $0.code == code } }

    /// The sub-criteria at or under `code` (a field, criterion or sub-criterion code), in document
    /// order; nil when no node has that code.
    public func subCriteria(under code: String) -> [SubCriterion]? {
        for field in fields {
            if field.code == code { return field.criteria.flatMap(\.subCriteria) }
            for criterion in field.criteria {
                if criterion.code == code { return criterion.subCriteria }
                if let sub = criterion.subCriteria.first(where: { $0.code == code }) { return [sub] }
            }
        }
        return nil
    }

    /// The position of each sub-criterion code in document order (for sorting cells).
    public var order: [String: Int] {
        Dictionary(uniqueKeysWithValues: subCriteria.enumerated().map { ($1.code, $0) })
    }
}
