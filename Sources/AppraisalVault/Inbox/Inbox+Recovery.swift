internal import VaultCrypto

/// Completing a `receive` that was interrupted (spec §6.2, "interrupted receive").
///
/// `receive` writes the submission into `submissions/`, moves the member's previous live file to
/// `superseded/`, then appends the journal entry: the journal entry is the commit. A kill between
/// these steps leaves either an unjournaled live file, or two live files for one member. Before it
/// does anything else, every `receive` and `merge` completes such a state from what is on disk:
/// each unjournaled file in `submissions/` is checked again exactly as on receipt (signature,
/// round, recipient, sender and key, revision in the name) and journaled (`receive`, or
/// `supersede` when the member already had a journaled submission); an older revision left beside
/// it moves to `superseded/`. A file that fails the checks is left alone for `verify` to report.
/// Evidence is completed the same way (spec §10.4 "Interrupted"): an unjournaled file in
/// `evidence/` is checked again as on receipt and journaled `receive-evidence`, and the evidence of
/// a superseded revision still in `evidence/` finishes its move to `superseded/`.
///
/// Recovery runs under the round's lock (``RoundLock``): a file another command is still writing
/// is never taken for an interrupted one.
extension Inbox {
    /// Every file in `submissions/` that follows the naming rule, by member, ascending revision.
    func filesByMember() throws -> [String: [Entry]] {
        let folder = FileIO.join(roundDirectory, RoundLayout.submissionsFolder)
        guard FileIO.isDirectory(folder) else { return [:] }
        var out = [String: [Entry]]()
        for name in try FileIO.listVisible(folder) {
            guard let (member, revision) = RoundLayout.parseSubmissionFileName(name) else { continue }
            out[member, default: []].append(Entry(member: member, revision: revision, fileName: name))
        }
        return out.mapValues { $0.sorted { $0.revision < $1.revision } }
    }

    /// Completes any interrupted receive of submissions and evidence, holding the round's lock;
    /// returns what it journaled.
    ///
    /// - Throws: ``MergeError`` `merge.not-secretary` when `secretary` is not the round's secretary,
    ///   ``RoundError`` `round.locked`.
    @discardableResult
    func recoverInterrupted(secretary: SecretIdentity) throws -> [Outcome] {
        try RoundLock.exclusive(roundDirectory, command: "receive") {
            try requireSecretary(secretary)
            return try recoverSubmissions(secretary: secretary) + recoverEvidence(secretary: secretary)
        }
    }

    /// The submissions part of ``recoverInterrupted(secretary:)`` (spec §6.2).
    private func recoverSubmissions(secretary: SecretIdentity) throws -> [Outcome] {
        let journalPath = FileIO.join(roundDirectory, RoundLayout.journalFileName)
        guard FileIO.exists(journalPath) else { return [] }
        let journal = try RoundJournal.load(
            roundDirectory: roundDirectory, secretaryKey: secretary.identity.signingKey, roundHash: roster.roundHash)
        var journaled = [String: (member: String, revision: Int)]()
        for entry in journal.entries where entry.kind?.acceptsSubmission == true {
            if case .string(let hash) = entry.details["fileHash"], case .string(let member) = entry.details["member"],
                case .integer(let revision) = entry.details["revision"]
            {
                journaled[hash] = (member, Int(revision))
            }
        }
        var outcomes = [Outcome]()
        let submissions = FileIO.join(roundDirectory, RoundLayout.submissionsFolder)
        let superseded = FileIO.join(roundDirectory, RoundLayout.supersededFolder)
        for (member, files) in try filesByMember().sorted(by: { $0.key < $1.key }) {
            for file in files {
                let path = FileIO.join(submissions, file.fileName)
                let bytes = try FileIO.read(path, maxBytes: Inbox.maxSubmissionSize)
                let hash = Hex.encode(BLAKE2b.hash(bytes, outputLength: 32))
                if journaled[hash] != nil { continue }
                // Unjournaled: re-check as on receipt; leave anything that fails for verify.
                guard let envelope = try? SealedEnvelope(parsing: bytes, expecting: .submission, file: path),
                    let identity = try? roster.authorize(envelope), identity.id == member,
                    envelope.header.context == ["revision": .integer(Int64(file.revision))]
                else { continue }
                let previous = journaled.values.filter { $0.member == member }.map(\.revision).max()
                var details: [String: JSONValue] = [
                    "fileHash": .string(hash), "member": .string(member), "revision": .integer(Int64(file.revision)),
                    "recovered": .bool(true),
                ]
                if let previous { details["supersedes"] = .integer(Int64(previous)) }
                try RoundJournal.append(
                    roundDirectory: roundDirectory, event: previous == nil ? .receive : .supersede, details: details,
                    secretary: secretary)
                journaled[hash] = (member, file.revision)
                outcomes.append(
                    previous.map { .superseded(member: member, revision: file.revision, previous: $0) }
                        ?? .accepted(member: member, revision: file.revision))
            }
            // Older revisions still beside the newest journaled one finish their move.
            let remaining = try filesByMember()[member] ?? []
            if let newest = remaining.last {
                for older in remaining.dropLast() where older.revision < newest.revision {
                    try FileIO.makeDirectory(superseded, mode: 0o755)
                    let target = FileIO.join(superseded, older.fileName)
                    if FileIO.exists(target) {
                        try FileIO.remove(FileIO.join(submissions, older.fileName))  // the move had completed its link
                    } else {
                        try FileIO.move(FileIO.join(submissions, older.fileName), to: target)
                    }
                }
            }
        }
        return outcomes
    }

    /// The evidence part of ``recoverInterrupted(secretary:)`` (spec §10.4 "Interrupted"), after
    /// the submissions' (a member's evidence must belong to the live revision).
    ///
    /// A file is journaled when an entry names its member, revision and index; only the others
    /// are read (streaming), so a round with large evidence is not hashed on every run.
    private func recoverEvidence(secretary: SecretIdentity) throws -> [Outcome] {
        let layout = RoundLayout(roundDirectory)
        let names = try Evidence.list(layout.evidence).filter { RoundLayout.parseEvidenceFileName($0) != nil }
        guard !names.isEmpty, FileIO.exists(layout.journal) else { return [] }
        let journal = try RoundJournal.load(
            roundDirectory: roundDirectory, secretaryKey: secretary.identity.signingKey, roundHash: roster.roundHash)
        var journaled = Set<String>()
        for entry in journal.entries where entry.kind == .receiveEvidence {
            if case .string(let member) = entry.details["member"],
                case .integer(let revision) = entry.details["revision"],
                case .integer(let index) = entry.details["index"]
            {
                journaled.insert(
                    RoundLayout.evidenceFileName(member: member, revision: Int(revision), index: Int(index)))
            }
        }
        // Each member's live revision, leniently: a stray file in submissions/ is the rejection
        // of the file being received (or merge's), not a reason to stop the recovery.
        let live = try filesByMember().compactMapValues { $0.last?.revision }
        var outcomes = [Outcome]()
        for name in names {
            guard let (member, revision, index) = RoundLayout.parseEvidenceFileName(name) else { continue }
            let path = FileIO.join(layout.evidence, name)
            if journaled.contains(name) {
                // A superseded revision's evidence finishes its move (spec §10.4 "Supersede").
                guard member != roster.secretary.id, let current = live[member], current > revision else {
                    continue
                }
                try FileIO.makeDirectory(layout.superseded, mode: 0o755)
                let target = FileIO.join(layout.superseded, name)
                if FileIO.exists(target) {
                    try FileIO.remove(path)  // the move had completed its link
                } else {
                    try FileIO.move(path, to: target)
                }
                continue
            }
            // Unjournaled: re-check as on receipt (§10.4 steps 1–5); leave anything that fails for verify.
            guard let checked = try? Evidence.check(path, roster: roster), checked.canonicalName == name,
                checked.bySecretary ? revision == 1 : live[member] == revision
            else { continue }
            try RoundJournal.append(
                roundDirectory: roundDirectory, event: .receiveEvidence,
                details: Evidence.journalDetails(
                    fileHash: checked.fileHash, member: member, revision: revision, index: index,
                    size: checked.context.size),
                secretary: secretary)
            outcomes.append(.evidence(member: member, revision: revision, index: index))
        }
        return outcomes
    }
}
