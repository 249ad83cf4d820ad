/// How completely the round was appraised (spec §6.4, §6.5 step 3).
public struct Coverage: Sendable, Hashable {
    /// A cell with no appraisal, and who should have appraised it.
    public struct Gap: Sendable, Hashable {
        /// The cell.
        public let cell: Cell
        /// The assigned member.
        public let member: String
    }

    /// A cell appraised by someone not assigned to it, or more than once.
    public struct Conflict: Sendable, Hashable {
        /// The cell.
        public let cell: Cell
        /// Everyone who appraised it.
        public let members: [String]
    }

    /// Cells that must be appraised.
    public let appraisable: Int
    /// Cells appraised exactly once by their assigned member.
    public let appraised: Int
    /// Cells nobody appraised.
    public let gaps: [Gap]
    /// Cells appraised wrongly.
    public let conflicts: [Conflict]
    /// Members who have not submitted.
    public let missingMembers: [String]

    /// True when every appraisable cell has exactly one appraisal by its member.
    public var isComplete: Bool { gaps.isEmpty && conflicts.isEmpty }
}
