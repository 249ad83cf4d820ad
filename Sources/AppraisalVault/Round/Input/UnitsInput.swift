/// Reads the unit list (`id,name,group`) and, optionally, group names (`id,name`).
///
/// Unit ids are ``Identifier``s and unique; names are non-empty NFC text without control
/// characters; every group must be known: the built-in ``UnitGroup/builtIn`` (`so-nganh`,
/// `huyen`) or one declared in the groups file, which replaces and extends the built-in names.
/// Only groups that have units are kept, in order of first use.
public enum UnitsInput {
    /// Loads the groups file (`id,name`).
    public static func loadGroups(_ path: String, problems: inout InputProblems) -> [UnitGroup]? {
        guard let (table, col) = CSV.load(path, required: ["id", "name"], problems: &problems) else { return nil }
        var out = [UnitGroup]()
        let before = problems.errors.count
        for r in table.records {
            let id = r[col["id"]!]
            let name = r[col["name"]!]
            let idText = id.text.trimmingSpaces
            let nameText = name.text.trimmingSpaces
            if !Identifier.isValid(idText) {
                problems.add(InputError(.unitsBadID, InputLocation(id, in: path).context + [.text(id.text)]))
            } else if out.contains(where: { $0.id == idText }) {
                problems.add(InputError(.unitsDuplicateGroup, InputLocation(id, in: path).context + [.text(idText)]))
            } else if !Identifier.isValidName(nameText) {
                problems.add(InputError(.unitsBadName, InputLocation(name, in: path).context))
            } else {
                out.append(UnitGroup(id: idText, name: nameText))
            }
        }
        return problems.errors.count == before ? out : nil
    }

    /// Loads the units file.
    ///
    /// - Parameters:
    ///   - path: the units file (CSV `id,name,group`).
    ///   - declared: the groups file's groups, or nil for the built-in ones only.
    ///   - problems: collects every problem found in the file.
    /// - Returns: the units and the groups they use, or nil when problems were found.
    public static func load(_ path: String, groups declared: [UnitGroup]?, problems: inout InputProblems)
        -> (units: [AppraisedUnit], groups: [UnitGroup])?
    {
        guard let (table, col) = CSV.load(path, required: ["id", "name", "group"], problems: &problems) else {
            return nil
        }
        var known = UnitGroup.builtIn
        for g in declared ?? [] {
            known.removeAll { $0.id == g.id }
            known.append(g)
        }
        let before = problems.errors.count
        var units = [AppraisedUnit]()
        var firstLine = [String: Int]()
        var used = [UnitGroup]()
        for r in table.records {
            let id = r[col["id"]!]
            let name = r[col["name"]!]
            let group = r[col["group"]!]
            let idText = id.text.trimmingSpaces
            let nameText = name.text.trimmingSpaces
            let groupText = group.text.trimmingSpaces
            guard Identifier.isValid(idText) else {
                problems.add(InputError(.unitsBadID, InputLocation(id, in: path).context + [.text(id.text)]))
                continue
            }
            if let line = firstLine[idText] {
                problems.add(
                    InputError(.unitsDuplicate, InputLocation(id, in: path).context + [.text(idText), .line(line)]))
                continue
            }
            firstLine[idText] = id.line
            guard Identifier.isValidName(nameText) else {
                problems.add(InputError(.unitsBadName, InputLocation(name, in: path).context))
                continue
            }
            guard let g = known.first(where: { $0.id == groupText }) else {
                problems.add(
                    InputError(
                        .unitsUnknownGroup, InputLocation(group, in: path).context + [.text(group.text)],
                        hint: ErrorHint(.groupsFile)))
                continue
            }
            if !used.contains(g) { used.append(g) }
            units.append(AppraisedUnit(id: idText, name: nameText, group: groupText))
        }
        if units.isEmpty && problems.errors.count == before {
            problems.add(InputError(.unitsNone, [.file(path)]))
        }
        return problems.errors.count == before ? (units, used) : nil
    }
}
