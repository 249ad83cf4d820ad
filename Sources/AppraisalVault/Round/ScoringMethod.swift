/// How a sub-criterion, or a bonus or penalty item, is scored (spec §3.3).
public enum ScoringMethod: String, Sendable, Hashable, CaseIterable {
    /// The unit self-assesses; a council member appraises the self-score.
    case selfAssessed = "self"
    /// The council scores it from its own monitoring data.
    case council
    /// A sociological survey, entered separately; never appraised by members.
    case survey
    /// A bonus item (điểm thưởng) outside the framework's total, 0 up to its cap, added (§3.3).
    case bonus
    /// A penalty item (điểm trừ) outside the framework's total, 0 up to its cap, subtracted (§3.3).
    case penalty

    /// True when council members score it (`self`, `council`, `bonus`, `penalty`).
    public var isAppraisable: Bool { self != .survey }

    /// True for a bonus or penalty item (outside the 100-point tree; a reason is required for
    /// any value other than 0).
    public var isBonusOrPenalty: Bool { self == .bonus || self == .penalty }

    /// The methods a sub-criterion of the tree may have (`self`, `council`, `survey`).
    public static let treeMethods: [ScoringMethod] = [.selfAssessed, .council, .survey]
}
