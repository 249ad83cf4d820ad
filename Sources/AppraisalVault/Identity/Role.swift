/// What an identity does in a round (spec §2.1, §2.2).
public enum Role: String, Sendable, CaseIterable, Hashable {
    /// A council member who appraises assigned cells and seals a submission.
    case member
    /// The council secretary who sets up the round, receives and merges.
    case secretary
    /// A release holder whose approval counts toward the t-of-n release.
    case holder
    /// An appraised unit (its PAR focal point): receives its own notice and answers it (spec §12.1).
    case unit
}
