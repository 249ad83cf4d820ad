/// Reads the units' public keys (`unit,public_key_file`, spec §12.1), the `--unit-keys` file.
///
/// `public_key_file` is a `.pub` file, relative to the CSV's folder unless absolute; it must
/// verify, have role `unit` and carry the unit's id. Units not in the file get no key (and no
/// notice). Keys shared with another identity of the round are refused later, with the other
/// roles' keys (``RoundSetup/checkDistinctKeys(_:)``, rule U3).
public enum UnitKeysInput {
    /// Loads the file; the keys come back in the order of `units` (rule U2).
    ///
    /// - Parameters:
    ///   - path: the CSV file.
    ///   - units: the round's units.
    ///   - problems: collects every problem found in the file.
    /// - Returns: the unit identities in round order, or nil when problems were found.
    public static func load(_ path: String, units: [AppraisedUnit], problems: inout InputProblems)
        -> [PublicIdentity]?
    {
        guard let (table, col) = CSV.load(path, required: ["unit", "public_key_file"], problems: &problems) else {
            return nil
        }
        let before = problems.errors.count
        let folder = FileIO.split(path).directory
        let unitIDs = Set(units.map(\.id))
        var found = [String: PublicIdentity]()
        var lines = [String: Int]()
        for r in table.records {
            let unitCell = r[col["unit"]!]
            let keyCell = r[col["public_key_file"]!]
            let unit = unitCell.text.trimmingSpaces
            let here = InputLocation(unitCell, in: path).context
            guard unitIDs.contains(unit) else {
                problems.add(InputError(.unitKeysUnknownUnit, here + [.text(unitCell.text)]))
                continue
            }
            if let line = lines[unit] {
                problems.add(InputError(.unitKeysDuplicate, here + [.text(unit), .line(line)]))
                continue
            }
            lines[unit] = r.line
            let keyText = keyCell.text.trimmingSpaces
            let keyPath = keyText.hasPrefix("/") || folder == "." ? keyText : FileIO.join(folder, keyText)
            let at = InputLocation(keyCell, in: path).context
            let identity: PublicIdentity
            do {
                identity = try PublicIdentity.load(keyPath)
            } catch {
                problems.add(InputError(.unitKeysKeyUnusable, at + [.file(keyPath)]))
                problems.add(error)
                continue
            }
            guard identity.role == .unit else {
                problems.add(InputError(.unitKeysWrongRole, at + [.file(keyPath), .text(identity.role.rawValue)]))
                continue
            }
            guard identity.id == unit else {
                problems.add(
                    InputError(.unitKeysIDMismatch, at + [.file(keyPath), .member(identity.id), .text(unit)]))
                continue
            }
            found[unit] = identity
        }
        guard problems.errors.count == before else { return nil }
        return units.compactMap { found[$0.id] }
    }
}
