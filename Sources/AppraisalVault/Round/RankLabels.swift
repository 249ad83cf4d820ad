/// The rank labels of each group, by thresholds on the index % (e.g. Tốt ≥ 90, Khá ≥ 80,
/// Trung bình ≥ 65, else Yếu).
public struct RankLabels: Sendable, Hashable {
    /// One label and the lowest index % that earns it.
    public struct Threshold: Sendable, Hashable {
        /// The label, NFC, e.g. `Tốt`.
        public let label: String
        /// The lowest index % (0–100) that earns it.
        public let minimum: Points

        /// A threshold.
        public init(label: String, minimum: Points) {
            self.label = label
            self.minimum = minimum
        }
    }

    /// Thresholds per group id, each sorted from the highest minimum down to a last one at 0.
    public let groups: [String: [Threshold]]

    /// Wraps validated thresholds.
    public init(groups: [String: [Threshold]]) { self.groups = groups }

    /// Tốt ≥ 90, Khá ≥ 80, Trung bình ≥ 65, Yếu below.
    public static let defaultThresholds: [Threshold] = [
        Threshold(label: "Tốt", minimum: Points(integer: 90)),
        Threshold(label: "Khá", minimum: Points(integer: 80)),
        Threshold(label: "Trung bình", minimum: Points(integer: 65)),
        Threshold(label: "Yếu", minimum: .zero),
    ]

    /// The default thresholds for every group.
    public static func defaults(for groups: [UnitGroup]) -> RankLabels {
        RankLabels(groups: Dictionary(uniqueKeysWithValues: groups.map { ($0.id, defaultThresholds) }))
    }

    /// The label for an index % in `group` (nil for an unknown group).
    public func label(group: String, percent: Points) -> String? {
        groups[group]?.first { percent >= $0.minimum }?.label
    }
}
