/// How a sub-criterion is scored (spec §3.3).
public enum ScoringMethod: String, Sendable, Hashable, CaseIterable {
    /// The unit self-assesses; a council member appraises the self-score.
    case selfAssessed = "self"
    /// The council scores it from its own monitoring data.
    case council
    /// A sociological survey, entered separately; never appraised by members.
    case survey

    /// True when council members score it (`self` and `council`).
    public var isAppraisable: Bool { self != .survey }
}
