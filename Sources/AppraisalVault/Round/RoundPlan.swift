/// What a round appraises and who appraises it: the criteria sets, the units and their groups, the
/// self-assessment, the members with their assignments, and the rank labels (spec §3.2–§3.5).
///
/// One value holds these six parts wherever they travel together: a ``RoundSetup`` read from
/// the secretary's files, a signed ``RoundDefinition``, and the input of ``Merge/run(_:roundHash:submissions:survey:)``.
/// Both round types expose the parts as their own properties (`definition.units`), through
/// dynamic member lookup.
public struct RoundPlan: Sendable, Hashable {
    /// The criteria sets, in input order; each group belongs to exactly one.
    public let sets: [CriteriaSet]
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
    /// The public identities (role `unit`) of the units that take part in the explanation round,
    /// in unit order; empty when the round has no explanation phase (spec §12.1).
    public let unitKeys: [PublicIdentity]
    /// The index rule (spec §6.4): when false, a unit's index (final total ÷ maximum × 100) is
    /// capped at 100; when true, bonus points may take it above 100.
    public let indexAbove100: Bool
    /// The index in ``sets`` of each unit's set, by unit id.
    let setOfUnit: [String: Int]

    /// Assembles a plan from validated parts (``RoundSetup/load(_:)`` and the round definition
    /// reader run the checks of spec §3.3–§3.5).
    public init(
        sets: [CriteriaSet], groups: [UnitGroup], units: [AppraisedUnit], selfAssessment: SelfAssessment,
        members: [Member], labels: RankLabels, unitKeys: [PublicIdentity] = [], indexAbove100: Bool = false
    ) {
        self.unitKeys = unitKeys
        self.sets = sets
        self.indexAbove100 = indexAbove100
        self.groups = groups
        self.units = units
        self.selfAssessment = selfAssessment
        self.members = members
        self.labels = labels
        var setOfGroup = [String: Int]()
        for (i, set) in sets.enumerated() {
            for group in set.groups where setOfGroup[group] == nil { setOfGroup[group] = i }
        }
        var setOfUnit = [String: Int]()
        for unit in units { setOfUnit[unit.id] = setOfGroup[unit.group] }
        self.setOfUnit = setOfUnit
    }

    /// A plan with a single criteria set (id ``CriteriaSet/defaultID``) covering every group.
    public init(
        framework: Framework, groups: [UnitGroup], units: [AppraisedUnit], selfAssessment: SelfAssessment,
        members: [Member], labels: RankLabels, indexAbove100: Bool = false
    ) {
        self.init(
            sets: [CriteriaSet(id: CriteriaSet.defaultID, groups: groups.map(\.id), framework: framework)],
            groups: groups, units: units, selfAssessment: selfAssessment, members: members, labels: labels,
            indexAbove100: indexAbove100)
    }

    /// The set covering `group`, if any.
    public func set(group: String) -> CriteriaSet? { sets.first { $0.groups.contains(group) } }

    /// The set the unit `id` is appraised on, if the unit exists.
    public func set(unit id: String) -> CriteriaSet? { setOfUnit[id].map { sets[$0] } }

    /// The framework the unit `id` is appraised on, if the unit exists.
    public func framework(unit id: String) -> Framework? { set(unit: id)?.framework }

    /// The sub-criterion `code` of the unit `unit`'s set, if both exist.
    public func subCriterion(unit: String, code: String) -> Framework.SubCriterion? {
        framework(unit: unit)?.subCriterion(code)
    }

    /// The units appraised on `set`, in round order.
    public func units(of set: CriteriaSet) -> [AppraisedUnit] { units.filter { set.groups.contains($0.group) } }

    /// The member with `id`, if any.
    public func member(_ id: String) -> Member? { members.first { $0.id == id } }

    /// The unit with `id`, if any.
    public func unit(_ id: String) -> AppraisedUnit? { units.first { $0.id == id } }

    /// The public identity of the unit `id`, if the round lists one (spec §12.1).
    public func unitKey(_ id: String) -> PublicIdentity? { unitKeys.first { $0.id == id } }

    /// The units without a key, in round order: they get no notice (spec §12.1).
    public var unitsWithoutKey: [AppraisedUnit] { units.filter { unitKey($0.id) == nil } }

    /// The cells `member` appraises, in unit order then framework order.
    public func cells(of member: Member) -> [Cell] { member.cells(in: sets, units: units) }

    /// Every appraisable cell (unit × `self`/`council` sub-criterion of the unit's set), in unit
    /// then framework order (spec §3.3).
    public var appraisableCells: [Cell] {
        units.flatMap { u in
            (framework(unit: u.id)?.appraisableSubCriteria ?? []).map { Cell(unit: u.id, code: $0.code) }
        }
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
