/// A council member and what they are assigned.
///
/// The assignment is stored as declared — framework codes (a field or criterion code assigns
/// every appraisable sub-criterion under it) and optionally the units it is limited to (unit or
/// group ids) — and expanded with ``cells(in:units:)``, so the signed round definition reads like
/// the council's own decision.
public struct Member: Sendable, Hashable {
    /// The member's public identity (role `member`).
    public let identity: PublicIdentity
    /// The assigned codes as declared (fields, criteria or sub-criteria), in input order.
    public let codes: [String]
    /// The unit or group ids the assignment is limited to; empty means every unit.
    public let units: [String]

    /// A member (validated by the caller).
    public init(identity: PublicIdentity, codes: [String], units: [String] = []) {
        self.identity = identity
        self.codes = codes
        self.units = units
    }

    /// The member id.
    public var id: String { identity.id }

    /// The cells this member appraises, in unit order then framework order.
    ///
    /// Codes that name nothing contribute nothing; survey sub-criteria are never included.
    public func cells(in framework: Framework, units allUnits: [AppraisedUnit]) -> [Cell] {
        var codes = Set<String>()
        for code in self.codes {
            for sub in framework.subCriteria(under: code) ?? [] where sub.method.isAppraisable {
                codes.insert(sub.code)
            }
        }
        let scope = units.isEmpty ? allUnits : allUnits.filter { units.contains($0.id) || units.contains($0.group) }
        let ordered = framework.appraisableSubCriteria.map(\.code).filter(codes.contains)
        return scope.flatMap { unit in ordered.map { Cell(unit: unit.id, code: $0) } }
    }
}
