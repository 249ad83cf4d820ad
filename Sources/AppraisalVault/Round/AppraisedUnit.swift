/// A unit whose PAR Index is appraised: a department (sở, ban, ngành) or a district-level
/// People's Committee (UBND cấp huyện).
public struct AppraisedUnit: Sendable, Hashable {
    /// The unit id (an ``Identifier``), e.g. `so-tu-phap`.
    public let id: String
    /// The display name, NFC, e.g. `Sở Tư pháp`.
    public let name: String
    /// The id of its ``UnitGroup`` (units are ranked within their group).
    public let group: String

    /// A unit (validated by the caller).
    public init(id: String, name: String, group: String) {
        self.id = id
        self.name = name
        self.group = group
    }
}
