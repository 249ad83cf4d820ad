/// What a round appraises and who appraises it: the framework, the units and their groups, the
/// self-assessment, the members with their assignments, and the rank labels (spec §3.2–§3.5).
///
/// One value holds these six parts wherever they travel together: a ``RoundSetup`` read from
/// the secretary's files, a signed ``RoundDefinition``, and the input of ``Merge/run(_:roundHash:submissions:survey:)``.
/// Both round types expose the parts as their own properties (`definition.units`), through
/// dynamic member lookup.
public struct RoundPlan: Sendable, Hashable {
    /// The criteria framework.
    public let framework: Framework
    /// The groups, in order of first use by ``units``.
    public let groups: [UnitGroup]
    /// The units, in order (the order of results).
    public let units: [AppraisedUnit]
    /// The units' self-assessed scores.
    public let selfAssessment: SelfAssessment
    /// The members and their declared assignments, in order.
    public let members: [Member]
    /// The rank labels per group.
    public let labels: RankLabels

    /// Assembles a plan from validated parts (``RoundSetup/load(_:)`` and the round definition
    /// reader run the checks of spec §3.3–§3.5).
    public init(
        framework: Framework, groups: [UnitGroup], units: [AppraisedUnit], selfAssessment: SelfAssessment,
        members: [Member], labels: RankLabels
    ) {
        self.framework = framework
        self.groups = groups
        self.units = units
        self.selfAssessment = selfAssessment
        self.members = members
        self.labels = labels
    }

    /// The member with `id`, if any.
    public func member(_ id: String) -> Member? { members.first { $0.id == id } }

    /// The unit with `id`, if any.
    public func unit(_ id: String) -> AppraisedUnit? { units.first { $0.id == id } }

    /// The cells `member` appraises, in unit order then framework order.
    public func cells(of member: Member) -> [Cell] { member.cells(in: framework, units: units) }

    /// Every appraisable cell (unit × `self`/`council` sub-criterion), in unit then framework
    /// order (spec §3.3).
    public var appraisableCells: [Cell] {
        units.flatMap { u in framework.appraisableSubCriteria.map { Cell(unit: u.id, code: $0.code) } }
    }

    /// The member id assigned to each appraisable cell (spec §3.4: exactly one per cell in a
    /// valid round).
    public var assignees: [Cell: String] {
        var assignee = [Cell: String]()
        for member in members {
            for cell in cells(of: member) { assignee[cell] = member.id }
        }
        return assignee
    }
}
