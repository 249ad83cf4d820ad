internal import VaultCrypto

/// The secretary's inbox: accepted submissions in `ROUND/submissions/`, superseded ones in
/// `ROUND/superseded/`, every decision in the journal (spec §6).
///
/// File names are `MEMBER.rREVISION.avs`. At most one live submission per member: a higher
/// revision supersedes the live one (moved to `superseded/`, journaled); the same file again is a
/// duplicate; a revision at or below the live one is stale; anything failing a check is rejected
/// and journaled as `reject` with the rule's message id. Nothing is decrypted here.
public struct Inbox: Sendable {
    /// The round folder.
    public let roundDirectory: String
    /// Who may submit.
    let roster: Roster

    /// Largest submission file accepted.
    static let maxSubmissionSize = 256 << 20

    /// The inbox of the round folder `roundDirectory` holding `round`.
    public init(roundDirectory: String, round: RoundDefinition) {
        self.init(roundDirectory: roundDirectory, roster: round.roster)
    }

    init(roundDirectory: String, roster: Roster) {
        self.roundDirectory = roundDirectory
        self.roster = roster
    }

    /// A live submission as listed in the folder.
    struct Entry: Sendable, Hashable {
        /// The member id.
        let member: String
        /// Its revision.
        let revision: Int
        /// Its file name inside `submissions/`.
        let fileName: String
    }

    /// What happened to one received file.
    public enum Outcome: Sendable, Equatable {
        /// Accepted as the member's first submission.
        case accepted(member: String, revision: Int)
        /// Accepted, replacing an earlier revision.
        case superseded(member: String, revision: Int, previous: Int)
        /// An evidence file accepted into `evidence/` (spec §10.4).
        case evidence(member: String, revision: Int, index: Int)
        /// A unit's explanation accepted into `explanations/` (spec §12.4), `late` after the deadline.
        case explanation(unit: String, revision: Int, late: Bool)
        /// A member's second-round revision accepted into `second/` (spec §12.6), `previous` the
        /// highest earlier revision.
        case second(member: String, revision: Int, previous: Int?)
    }

    /// The live submissions, one per member, by member id.
    ///
    /// Names starting with `.` (temporary files of an interrupted write) are ignored.
    ///
    /// - Throws: ``InboxError`` `inbox.stray-file` for any file in `submissions/` that does not
    ///   follow the naming rule, `inbox.two-live` if a member has two live files.
    func live() throws -> [String: Entry] {
        let folder = RoundLayout(roundDirectory).submissions
        guard FileIO.isDirectory(folder) else { return [:] }
        var out = [String: Entry]()
        for name in try FileIO.listVisible(folder) {
            guard let (member, revision) = RoundLayout.parseSubmissionFileName(name) else {
                throw InboxError(.strayFile, [.file(FileIO.join(folder, name))])
            }
            guard out[member] == nil else { throw InboxError(.twoLive, [.file(folder), .member(member)]) }
            out[member] = Entry(member: member, revision: revision, fileName: name)
        }
        return out
    }

    /// Checks one sealed file and, if it passes, copies it into the round atomically.
    ///
    /// Rejections are journaled (as `reject`, with the message id) and then thrown.
    ///
    /// - Parameters:
    ///   - path: the sealed submission (`.avs`) or evidence (`.ave`) file to receive.
    ///   - secretary: the unlocked secretary identity.
    ///   - earlier: what an earlier ``recoverInterrupted(secretary:)`` in the same run completed
    ///     (re-sending such a file is not a replay).
    /// - Returns: what was accepted: a first submission, a superseding revision, or an evidence file.
    /// - Throws: ``MergeError`` `merge.not-secretary` when `secretary` is not the round's secretary,
    ///   ``RoundError`` `round.locked`, ``InboxError`` `inbox.round-merged` (nothing is journaled
    ///   then), or the rule the file broke.
    func receive(_ path: String, secretary: SecretIdentity, recovered earlier: [Outcome] = []) throws -> Outcome {
        try RoundLock.exclusive(roundDirectory, command: "receive") {
            try requireSecretary(secretary)
            try requireOpen(explanationsOnly: Inbox.isExplanationPhaseFile(path))
            return try admitJournaled(path, secretary: secretary, recovered: earlier)
        }
    }

    /// Refuses to take anything into a merged round (spec §6.2 "Closed round"): a manifest
    /// exists, or the journal records a merge. A merge is final (§6.5), so a submission received
    /// after it could never be merged and would only leave the folder failing `verify`.
    ///
    /// With `explanationsOnly` (every file received is an explanation) the round stays open after
    /// the preliminary merge (spec §12.2).
    ///
    /// - Throws: ``InboxError`` `inbox.round-merged`, naming the file that says so; a journal error.
    func requireOpen(explanationsOnly: Bool = false) throws {
        if let evidence = try RoundLayout.mergedEvidence(
            roundDirectory: roundDirectory, secretaryKey: roster.secretary.signingKey, roundHash: roster.roundHash)
        {
            throw InboxError(.roundMerged, [.file(roundDirectory), .file(evidence)], hint: ErrorHint(.roundMerged))
        }
        // §12.2: after the notices, round 1 is closed: they describe exactly what it holds.
        guard !explanationsOnly else { return }
        let layout = RoundLayout(roundDirectory)
        if FileIO.exists(layout.journal),
            try RoundJournal.load(
                roundDirectory: roundDirectory, secretaryKey: roster.secretary.signingKey, roundHash: roster.roundHash
            ).entries.contains(where: { $0.kind == .preliminary })
        {
            throw ExplanationError(.afterPreliminary, [.file(roundDirectory), .file(layout.journal)])
        }
    }

    /// ``receive(_:secretary:recovered:)`` once the lock is held and the round is open: completes
    /// an interrupted receive, admits the file, and journals a rejection.
    private func admitJournaled(_ path: String, secretary: SecretIdentity, recovered earlier: [Outcome]) throws
        -> Outcome
    {
        let recovered = earlier + (try recoverInterrupted(secretary: secretary))
        do {
            if path.hasSuffix(RoundLayout.explanationExtension) {
                return try admitExplanation(path, secretary: secretary)
            }
            if path.hasSuffix(RoundLayout.secondExtension) { return try admitSecond(path, secretary: secretary) }
            return path.hasSuffix(RoundLayout.evidenceExtension)
                ? try admitEvidence(path, secretary: secretary) : try admit(path, secretary: secretary)
        } catch {
            // Sending again the file whose receive was just completed is not a replay.
            let error = error.asAppraisalError
            if let duplicate = error as? InboxError, duplicate.code == .duplicate,
                let member = duplicate.context.member, let revision = duplicate.context.revision,
                let done = recovered.first(where: { outcome in
                    if case .accepted(let m, let r) = outcome, m == member, r == revision { return true }
                    if case .superseded(let m, let r, _) = outcome, m == member, r == revision { return true }
                    if case .evidence(let m, let r, let i) = outcome, m == member, r == revision,
                        duplicate.context.values.last == .text(String(i))
                    {
                        return true
                    }
                    return false
                })
            {
                return done
            }
            // File names come from outside (e.g. NFD from macOS): normalise, and keep refused characters out.
            let name = Text.replacingRefused(Text.nfc(FileIO.split(path).base))
            var details: [String: JSONValue] = [
                "file": .string(name.isEmpty ? "?" : name), "rule": .string(error.messageID),
            ]
            if path.hasSuffix(RoundLayout.evidenceExtension) {
                if let hash = try? Evidence.hashFile(path) { details["fileHash"] = .hex(hash) }
            } else if let bytes = try? FileIO.read(path, maxBytes: Inbox.maxSubmissionSize) {
                details["fileHash"] = .hex(BLAKE2b.hash(bytes, outputLength: 32))
            }
            try RoundJournal.append(
                roundDirectory: roundDirectory, event: .reject, details: details, secretary: secretary)
            throw error
        }
    }

    /// Refuses any identity but the round's secretary: only they receive, and only their key
    /// signs the journal (spec §6.2).
    ///
    /// - Throws: ``MergeError`` `merge.not-secretary`.
    func requireSecretary(_ secretary: SecretIdentity) throws {
        guard secretary.identity.signingKey == roster.secretary.signingKey,
            secretary.encryptionKey.publicKey == roster.secretary.encryptionKey
        else { throw MergeError(.notSecretary, [.text(secretary.identity.id), .text(roster.secretary.id)]) }
    }

    private func admit(_ path: String, secretary: SecretIdentity) throws -> Outcome {
        let bytes = try FileIO.read(path, maxBytes: Inbox.maxSubmissionSize)
        let envelope = try SealedEnvelope(parsing: bytes, expecting: .submission, file: path)
        let member = try roster.authorize(envelope)
        let revision: Int
        do {
            var r = try FieldReader(.object(envelope.header.context), path: "context")
            revision = Int(try r.integer("revision", in: 1...1_000_000))
            try r.finish()
        } catch {
            throw FormatError(.header, [.file(path), .text(error.description)])
        }
        let hash = envelope.fileHash
        let live = try live()
        let submissions = FileIO.join(roundDirectory, RoundLayout.submissionsFolder)
        let superseded = FileIO.join(roundDirectory, RoundLayout.supersededFolder)
        if let current = live[member.id] {
            let currentPath = FileIO.join(submissions, current.fileName)
            let currentBytes = try FileIO.read(currentPath, maxBytes: Inbox.maxSubmissionSize)
            if Sodium.constantTimeEqual(BLAKE2b.hash(currentBytes, outputLength: 32), hash) {
                throw InboxError(.duplicate, [.file(path), .member(member.id), .revision(revision)])
            }
            guard revision > current.revision else {
                throw InboxError(
                    .stale, [.file(path), .member(member.id), .revision(revision), .revision(current.revision)],
                    hint: ErrorHint(.inboxStale))
            }
        }
        if let name = try? FileIO.listVisible(superseded).first(where: {
            RoundLayout.parseSubmissionFileName($0)?.member == member.id
                && RoundLayout.parseSubmissionFileName($0)?.revision == revision
        }) {
            throw InboxError(
                .stale, [.file(path), .member(member.id), .revision(revision), .text(name)],
                hint: ErrorHint(.inboxStale))
        }
        try FileIO.makeDirectory(submissions, mode: 0o755)
        let target = FileIO.join(submissions, RoundLayout.submissionFileName(member: member.id, revision: revision))
        try FileIO.writeAtomically(bytes, to: target, mode: 0o644)
        var details: [String: JSONValue] = [
            "fileHash": .hex(hash), "member": .string(member.id), "revision": .integer(Int64(revision)),
        ]
        var outcome = Outcome.accepted(member: member.id, revision: revision)
        var moved = [(from: String, to: String)]()
        do {
            if let current = live[member.id] {
                try FileIO.makeDirectory(superseded, mode: 0o755)
                let from = FileIO.join(submissions, current.fileName)
                let to = FileIO.join(superseded, current.fileName)
                try FileIO.move(from, to: to)
                moved.append((from, to))
                // Its evidence goes with it (spec §10.4).
                let evidence = FileIO.join(roundDirectory, RoundLayout.evidenceFolder)
                for name in try Evidence.list(evidence) {
                    guard let e = RoundLayout.parseEvidenceFileName(name), e.member == member.id,
                        e.revision == current.revision
                    else { continue }
                    try FileIO.move(FileIO.join(evidence, name), to: FileIO.join(superseded, name))
                    moved.append((FileIO.join(evidence, name), FileIO.join(superseded, name)))
                }
                details["supersedes"] = .integer(Int64(current.revision))
                outcome = .superseded(member: member.id, revision: revision, previous: current.revision)
            }
            try RoundJournal.append(
                roundDirectory: roundDirectory, event: live[member.id] == nil ? .receive : .supersede, details: details,
                secretary: secretary)
        } catch {
            // The journal is the record: if it cannot say so, the file is not accepted.
            for m in moved.reversed() { try? FileIO.move(m.to, to: m.from) }
            try? FileIO.remove(target)
            throw error
        }
        return outcome
    }
}
