/// Who has submitted to a round, from its folder and its journal (spec §6.2, §7);
/// never a score.
public struct RoundStatus: Sendable {
    /// One member's state.
    public struct Member: Sendable {
        /// The member's identity.
        public let identity: PublicIdentity
        /// The live revision, or nil when nothing was received.
        public let revision: Int?
        /// When the journal recorded the live submission (`?` when it does not say).
        public let receivedAt: String?
    }

    /// The round.
    public let round: RoundDefinition
    /// Every member of the round, in the round's order.
    public let members: [Member]

    /// The phase of the round, from its journal (spec §12.2).
    public private(set) var phase: RoundPhase = .appraisal
    /// The notices (a round with unit keys only): deadline, units notified and without a key.
    public private(set) var notices: RoundPhase.Notices?

    /// The number of members with a live submission.
    public var submitted: Int { members.filter { $0.revision != nil }.count }

    /// Reads the live submissions and the journal (verified against the round's secretary),
    /// under a shared lock of the round (``RoundLock``).
    ///
    /// - Throws: ``InboxError`` `inbox.stray-file`, `inbox.two-live`, ``RoundError``
    ///   `round.locked`, any journal error.
    public static func load(roundDirectory: String, round: RoundDefinition) throws -> RoundStatus {
        try RoundLock.shared(roundDirectory, command: "status") {
            try read(roundDirectory: roundDirectory, round: round)
        }
    }

    private static func read(roundDirectory: String, round: RoundDefinition) throws -> RoundStatus {
        let live = try Inbox(roundDirectory: roundDirectory, roster: round.roster).live()
        let journal = try RoundJournal.load(
            roundDirectory: roundDirectory, secretaryKey: round.secretary.signingKey, roundHash: round.fileHash)
        var receivedAt = [String: String]()
        for entry in journal.entries where entry.kind?.acceptsSubmission == true {
            if case .string(let member) = entry.details["member"] { receivedAt[member] = entry.at }
        }
        let members = round.members.map { m in
            Member(
                identity: m.identity, revision: live[m.id]?.revision,
                receivedAt: live[m.id] == nil ? nil : receivedAt[m.id] ?? "?")
        }
        var status = RoundStatus(round: round, members: members)
        status.phase = RoundPhase.of(journal.entries, hasToken: FileIO.exists(RoundLayout(roundDirectory).token))
        status.notices = RoundPhase.Notices.of(journal.entries, round: round)
        return status
    }
}
