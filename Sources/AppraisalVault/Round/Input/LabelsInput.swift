/// Reads rank-label thresholds (`group,label,min_percent`).
///
/// `group` is a group id or `*` (every group without rows of its own); `min_percent` is the
/// lowest index % earning the label, 0–100. Within a group labels and minima are unique and one
/// label has minimum 0 (the "else" label). Groups with no rows and no `*` rows get the defaults
/// (``RankLabels/defaultThresholds``).
public enum LabelsInput {
    /// Loads the labels file, or returns the defaults when `path` is nil.
    public static func load(_ path: String?, groups: [UnitGroup], problems: inout InputProblems) -> RankLabels? {
        guard let path else { return RankLabels.defaults(for: groups) }
        guard let (table, col) = CSV.load(path, required: ["group", "label", "min_percent"], problems: &problems)
        else { return nil }
        let before = problems.errors.count
        var rows = [String: [RankLabels.Threshold]]()
        let known = Set(groups.map(\.id))
        for r in table.records {
            let g = r[col["group"]!]
            let l = r[col["label"]!]
            let m = r[col["min_percent"]!]
            let group = g.text.trimmingSpaces
            let label = l.text.trimmingSpaces
            guard group == "*" || known.contains(group) else {
                problems.add(InputError(.labelsUnknownGroup, InputLocation(g, in: path).context + [.text(g.text)]))
                continue
            }
            guard Identifier.isValidName(label) else {
                problems.add(InputError(.labelsBadLabel, InputLocation(l, in: path).context))
                continue
            }
            guard let min = Points(parsing: m.text), !min.isNegative, min <= Points(integer: 100) else {
                problems.add(InputError(.labelsBadPercent, InputLocation(m, in: path).context + [.text(m.text)]))
                continue
            }
            if rows[group, default: []].contains(where: { $0.label == label || $0.minimum == min }) {
                problems.add(
                    InputError(.labelsDuplicate, InputLocation(l, in: path).context + [.text(label), .text(group)]))
                continue
            }
            rows[group, default: []].append(RankLabels.Threshold(label: label, minimum: min))
        }
        for (group, list) in rows.sorted(by: { $0.key < $1.key }) where !list.contains(where: { $0.minimum == .zero }) {
            problems.add(InputError(.labelsNoFloor, [.file(path), .text(group)]))
        }
        guard problems.errors.count == before else { return nil }
        var out = [String: [RankLabels.Threshold]]()
        for g in groups {
            out[g.id] = (rows[g.id] ?? rows["*"] ?? RankLabels.defaultThresholds).sorted { $0.minimum > $1.minimum }
        }
        return RankLabels(groups: out)
    }
}
