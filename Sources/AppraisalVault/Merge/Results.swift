/// The merged results of a round: what the locked-results envelope carries (spec §6.4).
public struct Results: Sendable, Hashable {
    /// One sub-criterion of one unit.
    public struct CellResult: Sendable, Hashable {
        /// The sub-criterion code.
        public let code: String
        /// How it is scored.
        public let method: ScoringMethod
        /// Its maximum.
        public let max: Points
        /// The unit's self score (`self` method only).
        public let selfScore: Points?
        /// The final score: appraised, council or survey; nil when not available.
        public let appraised: Points?
        /// The reason given for a change (empty when none).
        public let reason: String
        /// The member who appraised it (empty for survey cells).
        public let appraiser: String

        /// Appraised minus self, when both exist.
        public var difference: Points? {
            guard let s = selfScore, let a = appraised else { return nil }
            return a - s
        }
    }

    /// A subtotal for a field or criterion.
    public struct Subtotal: Sendable, Hashable {
        /// The field or criterion code.
        public let code: String
        /// Sum of self scores.
        public let selfTotal: Points
        /// Sum of final scores.
        public let appraisedTotal: Points
        /// Its maximum.
        public let max: Points
    }

    /// One unit's results.
    public struct UnitResult: Sendable, Hashable {
        /// The unit id.
        public let unit: String
        /// Its group id.
        public let group: String
        /// Per sub-criterion, in framework order.
        public let cells: [CellResult]
        /// Per criterion.
        public let criteria: [Subtotal]
        /// Per field.
        public let fields: [Subtotal]
        /// Sum of self scores.
        public let selfTotal: Points
        /// Sum of final scores.
        public let appraisedTotal: Points
        /// The maximum the index is computed against.
        public let maxTotal: Points
        /// `appraisedTotal ÷ maxTotal × 100`, rounded half-up to 2 decimals.
        public let percent: Points
        /// Rank within the group (1 = best; equal percents share a rank).
        public let rank: Int
        /// The label from the group's thresholds.
        public let label: String
    }

    /// The round's file hash.
    public let round: [UInt8]
    /// Whether survey scores were supplied; when not, survey sub-criteria are left out of the
    /// maximum (the index is rescaled over what was appraised).
    public let surveyAvailable: Bool
    /// Per unit, in definition order.
    public let units: [UnitResult]
}
