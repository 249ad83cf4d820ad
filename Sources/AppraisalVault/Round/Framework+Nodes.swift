extension Framework {
    /// A field (lĩnh vực), e.g. `1`.
    public struct Field: Sendable, Hashable {
        /// The code, e.g. `1`.
        public let code: String
        /// The title, NFC.
        public let title: String
        /// The maximum, equal to the sum of its criteria.
        public let max: Points
        /// The step its maximum is a multiple of.
        public let step: Points
        /// The criteria, in document order.
        public let criteria: [Criterion]
    }

    /// A criterion (tiêu chí), e.g. `1.1`.
    public struct Criterion: Sendable, Hashable {
        /// The code, e.g. `1.1`.
        public let code: String
        /// The title, NFC.
        public let title: String
        /// The maximum, equal to the sum of its sub-criteria.
        public let max: Points
        /// The step its maximum is a multiple of.
        public let step: Points
        /// The sub-criteria, in document order.
        public let subCriteria: [SubCriterion]
    }

    /// A sub-criterion (tiêu chí thành phần), e.g. `1.1.1`: the unit of scoring.
    public struct SubCriterion: Sendable, Hashable {
        /// The code, e.g. `1.1.1`.
        public let code: String
        /// The title, NFC.
        public let title: String
        /// The maximum score.
        public let max: Points
        /// Scores and the maximum are whole multiples of this step (default 0.25).
        public let step: Points
        /// How it is scored.
        public let method: ScoringMethod

        /// True when `score` is within `[0, max]` and on the step.
        public func accepts(_ score: Points) -> Bool {
            !score.isNegative && score <= max && score.isMultiple(of: step)
        }
    }
}
