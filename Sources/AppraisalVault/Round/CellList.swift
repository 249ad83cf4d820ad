/// Renders lists of cells for messages: the first few and a count of the rest.
public enum CellList {
    /// How many cells a message lists before summarising.
    public static let shown = 10

    /// `a/1.1.1, b/1.1.2, … (and 37 more)` — the English-neutral part of a message.
    public static func summary(_ cells: [Cell]) -> String {
        let head = cells.prefix(shown).map(\.description).joined(separator: ", ")
        return cells.count > shown ? "\(head), … (+\(cells.count - shown))" : head
    }
}
