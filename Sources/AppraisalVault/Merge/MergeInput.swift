/// Everything the merge needs from a round definition.
public struct MergeInput: Sendable {
    /// The criteria framework.
    public let framework: Framework
    /// The units, in definition order.
    public let units: [AppraisedUnit]
    /// The unit groups.
    public let groups: [UnitGroup]
    /// The units' self scores.
    public let selfAssessment: SelfAssessment
    /// The members and their assignments.
    public let members: [Member]
    /// Rank labels per group.
    public let labels: RankLabels

    public init(
        framework: Framework, units: [AppraisedUnit], groups: [UnitGroup], selfAssessment: SelfAssessment,
        members: [Member], labels: RankLabels
    ) {
        self.framework = framework
        self.units = units
        self.groups = groups
        self.selfAssessment = selfAssessment
        self.members = members
        self.labels = labels
    }
}

extension RoundDefinition {
    /// What the merge needs from this round.
    public var mergeInput: MergeInput {
        MergeInput(
            framework: framework, units: units, groups: groups, selfAssessment: selfAssessment, members: members, labels: labels)
    }
}
