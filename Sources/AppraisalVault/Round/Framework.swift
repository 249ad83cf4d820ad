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
    /// The bonus items (điểm thưởng, method `bonus`), outside ``total``, in document order (§3.3).
    public let bonus: [SubCriterion]
    /// The penalty items (điểm trừ, method `penalty`), outside ``total``, in document order (§3.3).
    public let penalty: [SubCriterion]

    /// Assembles a framework; callers have validated it (see the type's discussion).
    init(
        id: String, title: String, total: Points, fields: [Field], bonus: [SubCriterion] = [],
        penalty: [SubCriterion] = []
    ) {
        self.id = id
        self.title = title
        self.total = total
        self.fields = fields
        self.bonus = bonus
        self.penalty = penalty
        let subCriteria = fields.flatMap(\.criteria).flatMap(\.subCriteria)
        self.subCriteria = subCriteria
        self.appraisableSubCriteria = subCriteria.filter { $0.method.isAppraisable } + bonus + penalty
    }

    /// The bonus items then the penalty items: each is scored 0 up to its cap (its `max`) and is
    /// outside the tree's sums.
    public var bonusAndPenalty: [SubCriterion] { bonus + penalty }

    /// Every criterion, in document order.
    public var criteria: [Criterion] { fields.flatMap(\.criteria) }

    /// Every sub-criterion, in document order (made once, in `init`: every round load and
    /// coverage check asks for it many times).
    public let subCriteria: [SubCriterion]

    /// What council members appraise: the sub-criteria of method `self` or `council` in document
    /// order, then the bonus and the penalty items (spec §3.3); made once, in `init`.
    public let appraisableSubCriteria: [SubCriterion]

    /// The sub-criterion, or the bonus or penalty item, with `code`, if any.
    public func subCriterion(_ code: String) -> SubCriterion? {
        subCriteria.first { $0.code == code } ?? bonusAndPenalty.first { $0.code == code }
    }

    /// The sub-criteria at or under `code` (a field, criterion or sub-criterion code), in document
    /// order, or the one bonus or penalty item with that code; nil when nothing has that code.
    public func subCriteria(under code: String) -> [SubCriterion]? {
        if let item = bonusAndPenalty.first(where: { $0.code == code }) { return [item] }
        for field in fields {
            if field.code == code { return field.criteria.flatMap(\.subCriteria) }
            for criterion in field.criteria {
                if criterion.code == code { return criterion.subCriteria }
                if let sub = criterion.subCriteria.first(where: { $0.code == code }) { return [sub] }
            }
        }
        return nil
    }

    /// The position of each sub-criterion code in document order, then of each bonus and penalty
    /// item (for sorting cells).
    public var order: [String: Int] {
        Dictionary(uniqueKeysWithValues: (subCriteria + bonusAndPenalty).enumerated().map { ($1.code, $0) })
    }
}
