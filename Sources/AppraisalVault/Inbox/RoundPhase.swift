/// The phase of a round (spec §12.2), from its journal alone, and what `status` says of the notices.
///
/// ``appraisal`` from `round-init`, ``explanation`` from the `preliminary` entry,
/// ``secondAppraisal`` from the first `forward` entry, ``merged`` from
/// the `merge` entry; ``released`` is ``merged`` with `release-token.avt` in the folder (the
/// release is not journaled; `status` does not verify the token, `verify` does, checks 18–19).
public enum RoundPhase: String, Sendable, CaseIterable {
    /// Round-1 submissions are being collected.
    case appraisal
    /// The preliminary merge is done: notices issued, round-1 submissions closed.
    case explanation
    /// Explanations were forwarded to the members: second-round revisions are being collected.
    case secondAppraisal = "second-appraisal"
    /// The final merge is done: results locked until release.
    case merged
    /// A release token is in the round folder.
    case released

    /// The phase of `entries` (a journal, in order), `released` when `hasToken` after the merge.
    static func of(_ entries: [RoundJournal.Entry], hasToken: Bool) -> RoundPhase {
        if entries.contains(where: { $0.kind == .merge }) { return hasToken ? .released : .merged }
        if entries.contains(where: { $0.kind == .forward }) { return .secondAppraisal }
        if entries.contains(where: { $0.kind == .preliminary }) { return .explanation }
        return .appraisal
    }

    /// The notices of a round with unit keys, counts and unit ids only (never a content).
    public struct Notices: Sendable, Equatable {
        /// The answer deadline, once the preliminary merge set it.
        public let answerBy: String?
        /// The units sent a notice by the preliminary merge, in round order (empty before it).
        public let notified: [String]
        /// The units without a key, which get no notice: the `preliminary` entry's list, or the
        /// round's before it.
        public let withoutKey: [String]
        /// The units whose explanation was received (§12.4), in round order.
        public var answered: [String] = []
        /// Of those, the units whose latest explanation came after the deadline.
        public var late: [String] = []
        /// The forwarded explanations written (`forward` entries, §12.5).
        public var forwardedFiles = 0
        /// The members they went to, in round order.
        public var forwardedTo: [String] = []
        /// The members whose second-round revision was received (§12.6), in round order.
        public var secondFrom: [String] = []

        /// From the first `preliminary` entry of `entries`, or the round's unit keys before one;
        /// nil for a round without unit keys. A malformed entry (`verify` check 14b reports it)
        /// reads as no notice issued and no deadline.
        static func of(_ entries: [RoundJournal.Entry], round: RoundDefinition) -> Notices? {
            guard !round.unitKeys.isEmpty else { return nil }
            let withoutKey = round.unitsWithoutKey.map(\.id)
            guard let entry = entries.first(where: { $0.kind == .preliminary }) else {
                return Notices(answerBy: nil, notified: [], withoutKey: withoutKey)
            }
            guard let listed = RoundVerification.listedNotices(entry) else {
                return Notices(answerBy: nil, notified: [], withoutKey: withoutKey)
            }
            var notices = Notices(
                answerBy: listed.answerBy, notified: listed.notices.map(\.unit), withoutKey: listed.withoutKey)
            // The latest `receive-explanation` entry per unit says whether it came late.
            var lateness = [String: Bool]()
            for e in entries where e.kind == .receiveExplanation {
                if case .string(let unit)? = e.details["unit"], case .bool(let isLate)? = e.details["late"] {
                    lateness[unit] = isLate
                }
            }
            let order = round.units.map(\.id)
            notices.answered = order.filter { lateness[$0] != nil }
            notices.late = order.filter { lateness[$0] == true }
            // Counts and member ids of the second appraisal, from the journal alone.
            func member(_ e: RoundJournal.Entry) -> String? {
                if case .string(let id)? = e.details["member"] { return id }
                return nil
            }
            let forwards = entries.filter { $0.kind == .forward }
            notices.forwardedFiles = forwards.count
            let to = Set(forwards.compactMap(member))
            let from = Set(entries.filter { $0.kind == .receiveSecond }.compactMap(member))
            notices.forwardedTo = round.members.map(\.id).filter(to.contains)
            notices.secondFrom = round.members.map(\.id).filter(from.contains)
            return notices
        }
    }
}
