/// The events a round journal records (spec §7): the `event` field of an entry.
///
/// Raw values are the names written in the journal; they are part of the format and never change.
public enum JournalEvent: String, Sendable, Hashable, CaseIterable {
    /// The round was created (`round init`); always the first entry.
    case roundInit = "round-init"
    /// A member's first submission was accepted into `submissions/` (spec §6.2).
    case receive
    /// A newer revision replaced the member's live submission (spec §6.2).
    case supersede
    /// A received file failed a check; `details.rule` names the message id (spec §6.2).
    case reject
    /// An evidence file entered `evidence/`, from a member or the secretary (spec §10.8).
    case receiveEvidence = "receive-evidence"
    /// The secretary imported survey scores into the round (spec §6.6), or replaced them.
    case surveyImport = "survey-import"
    /// The preliminary merge: each unit with a key was sent its own notice (spec §12.3).
    case preliminary
    /// A unit's explanation entered `explanations/`, on time or marked late (spec §12.4).
    case receiveExplanation = "receive-explanation"
    /// A unit's evidence file to its explanation entered `explanations/` (spec §12.4).
    case receiveExplanationEvidence = "receive-explanation-evidence"
    /// An explanation's cells were forwarded to one member assigned them (spec §12.5); the first
    /// one starts the phase `second-appraisal` (§12.2).
    case forward
    /// The member's re-sealed copy of a unit's evidence file, written with a `forward` (spec §12.5).
    case forwardEvidence = "forward-evidence"
    /// A member's second-round revision entered `second/` (spec §12.6).
    case receiveSecond = "receive-second"
    /// The round was merged and its results locked (spec §6.5).
    case merge

    /// True for the two events that make a submission live: ``receive`` and ``supersede``.
    public var acceptsSubmission: Bool { self == .receive || self == .supersede }
}
