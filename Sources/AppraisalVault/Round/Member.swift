/// A council member and what they are assigned.
///
/// The assignment is stored as declared — framework codes (a field or criterion code assigns
/// every appraisable sub-criterion under it) and optionally the units it is limited to (unit or
/// group ids) — and expanded with ``cells(in:units:)``, so the signed round definition reads like
/// the council's own decision.
public struct Member: Sendable, Hashable {
    /// The member's public identity (role `member`).
    public let identity: PublicIdentity
    /// The assigned codes as declared (fields, criteria or sub-criteria, `SET:CODE` or a bare code
    /// in a one-set round), in input order.
    public let codes: [String]
    /// The unit or group ids the assignment is limited to; empty means every unit.
    public let units: [String]
    /// The units the member heads or represents (recusal, spec §3.4 M5): none of their cells
    /// may be assigned to the member.
    public let ownUnits: [String]

    /// A member (validated by the caller).
    public init(identity: PublicIdentity, codes: [String], units: [String] = [], ownUnits: [String] = []) {
        self.identity = identity
        self.codes = codes
        self.units = units
        self.ownUnits = ownUnits
    }

    /// The member id.
    public var id: String { identity.id }

    /// The cells this member appraises, in unit order then framework order.
    ///
    /// Each code applies to the units of the set it names (``resolve(_:in:)``); codes that name
    /// nothing contribute nothing; survey sub-criteria are never included.
    public func cells(in sets: [CriteriaSet], units allUnits: [AppraisedUnit]) -> [Cell] {
        var perSet = [String: Set<String>]()
        for code in self.codes {
            guard let (set, local) = Member.resolve(code, in: sets) else { continue }
            for sub in set.framework.subCriteria(under: local) ?? [] where sub.method.isAppraisable {
                perSet[set.id, default: []].insert(sub.code)
            }
        }
        var ordered = [String: [String]]()
        var setOfGroup = [String: String]()
        for set in sets {
            for group in set.groups where setOfGroup[group] == nil { setOfGroup[group] = set.id }
            if let codes = perSet[set.id] {
                ordered[set.id] = set.framework.appraisableSubCriteria.map(\.code).filter(codes.contains)
            }
        }
        let scope = units.isEmpty ? allUnits : allUnits.filter { units.contains($0.id) || units.contains($0.group) }
        return scope.flatMap { unit in
            (setOfGroup[unit.group].flatMap { ordered[$0] } ?? []).map { Cell(unit: unit.id, code: $0) }
        }
    }

    /// The cells this member appraises in a one-set round on `framework` (every unit's set).
    public func cells(in framework: Framework, units allUnits: [AppraisedUnit]) -> [Cell] {
        let set = CriteriaSet(
            id: CriteriaSet.defaultID, groups: Array(Set(allUnits.map(\.group))), framework: framework)
        return cells(in: [set], units: allUnits)
    }

    /// The set and the framework code an assignment code names (spec §3.4): `SET:CODE`, or a bare
    /// `CODE` in a round with a single set; nil when the set is unknown or a bare code is used
    /// with several sets (the code itself is not checked here).
    /// The one spelling of a resolved code, `SET:CODE`, whether it was written qualified or not.
    static func normalized(set: CriteriaSet, code: String) -> String { set.id + ":" + code }

    public static func resolve(_ code: String, in sets: [CriteriaSet]) -> (set: CriteriaSet, code: String)? {
        if let colon = code.firstIndex(of: ":") {
            let id = String(code[..<colon])
            guard let set = sets.first(where: { $0.id == id }) else { return nil }
            return (set, String(code[code.index(after: colon)...]))
        }
        return sets.count == 1 ? (sets[0], code) : nil
    }
}
