/// A group of units ranked together, with its display name.
public struct UnitGroup: Sendable, Hashable {
    /// The group id (an ``Identifier``), e.g. `so-nganh`.
    public let id: String
    /// The display name, NFC, e.g. `Sở, ban, ngành`.
    public let name: String

    /// A group (validated by the caller).
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// The groups known without a groups file: `so-nganh` (Sở, ban, ngành) and `huyen`
    /// (UBND cấp huyện). Any other group id needs a groups file (`--groups`).
    public static let builtIn: [UnitGroup] = [
        UnitGroup(id: "so-nganh", name: "Sở, ban, ngành"),
        UnitGroup(id: "huyen", name: "UBND cấp huyện"),
    ]
}
