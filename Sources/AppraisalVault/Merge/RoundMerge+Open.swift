internal import VaultCrypto

extension RoundMerge {
    /// The live submissions, opened and checked (spec §6.5 steps 1–2), as the final and the
    /// preliminary merge (§12.3) both need them.
    struct Opened {
        /// Each member's rows; empty when they were folded instead.
        var submissions = [String: [Appraisal]]()
        /// The rows folded one submission at a time (``Merge/Fold``), when asked for and the plan
        /// allows it; then `submissions` stays empty.
        var fold: Merge.Fold?
        /// The signed submissions, for the locked results (§6.4), without their contents
        /// (`contentBytes` empty): those stay in their files, in `contents`.
        var signed = [Results.SignedSubmission]()
        /// The signed contents of `signed`, opened again from their files when the results are
        /// written.
        var contents: SignedContents
        /// The manifest's inputs.
        var inputs = [Manifest.Input]()
        /// Each member's revision and the evidence it lists.
        var listed = [String: (revision: Int, attachments: [Evidence.Attachment])]()
    }

    /// The round as a merge finds it under the lock, for the final and the preliminary merge:
    /// the secretary's key checked against the round, the journal no older than a pin or a
    /// holder's checkpoint (spec §11.2, §11.4), an interrupted receive recovered, and no merge
    /// journaled yet (a merge is final, §6.5).
    ///
    /// - Throws: `merge.not-secretary`, `merge.already-journaled`, and what loading the round,
    ///   the journal and the checkpoints throws.
    static func openForMerge(roundDirectory: String, secretary: SecretIdentity) throws -> (
        round: RoundDefinition, inbox: Inbox, journal: RoundJournal.Contents
    ) {
        let round = try RoundDefinition.load(roundDirectory: roundDirectory)
        guard secretary.identity.signingKey == round.secretary.signingKey,
            secretary.encryptionKey.publicKey == round.secretary.encryptionKey
        else { throw MergeError(.notSecretary, [.text(secretary.identity.id), .text(round.secretary.id)]) }
        let inbox = Inbox(roundDirectory: roundDirectory, roster: round.roster)
        func journal() throws -> RoundJournal.Contents {
            try RoundJournal.load(
                roundDirectory: roundDirectory, secretaryKey: round.secretary.signingKey, roundHash: round.fileHash)
        }
        // A journal older than this machine's pin or a holder's checkpoint is not merged, nor
        // extended by a recovery.
        try Checkpoint.requireAll(roundDirectory: roundDirectory, round: round, journal: try journal().entries)
        try inbox.recoverInterrupted(secretary: secretary)
        let recovered = try journal()
        guard !recovered.entries.contains(where: { $0.kind == .merge }) else {
            throw MergeError(.alreadyJournaled, [.file(FileIO.join(roundDirectory, RoundLayout.journalFileName))])
        }
        return (round, inbox, recovered)
    }

    /// Opens every live submission with the secretary's key, checks its binding, content and
    /// rows against the round, and names the first problem without a score or reason (S1).
    ///
    /// With `fold`, each submission's rows are folded into ``Opened/fold`` once checked and
    /// dropped (unless the plan cannot be merged densely): only its signed content is kept.
    /// Nothing is written either way.
    ///
    /// - Throws: any envelope or inbox error naming the file, `merge.content-mismatch`,
    ///   `merge.invalid-content`.
    static func openLive(
        roundDirectory: String, round: RoundDefinition, inbox: Inbox, secretary: SecretIdentity, fold: Bool = false
    ) throws -> Opened {
        var opened = Opened(contents: SignedContents(key: secretary.encryptionKey))
        if fold { opened.fold = Merge.Fold(round.plan) }
        for entry in try inbox.live().values.sorted(by: { $0.member < $1.member }) {
            let path = FileIO.join(roundDirectory, RoundLayout.submissionsFolder, entry.fileName)
            let bytes = try FileIO.read(path, maxBytes: Inbox.maxSubmissionSize)
            let envelope = try SealedEnvelope(parsing: bytes, expecting: .submission, file: path)
            let identity = try round.roster.authorize(envelope)
            let plain = try envelope.openSignedHashingFile(with: secretary.encryptionKey)
            let content = try SubmissionContent(parsing: plain.content, file: path)
            guard content.member == identity.id, content.member == entry.member, content.revision == entry.revision,
                envelope.header.context["revision"] == .integer(Int64(content.revision)),
                content.round == round.fileHash
            else { throw MergeError(.contentMismatch, [.file(path)]) }
            guard let member = round.member(identity.id) else {
                throw InboxError(.notMember, [.file(path), .member(identity.id)])
            }
            let check = AppraisalCheck(
                plan: round.plan, assignedCells: round.cells(of: member))
            let problems = check.problems(content.rows)
            guard problems.isEmpty else {
                // Name the rule and the cell, never the submitted score or reason (S1).
                let first = problems[0]
                throw MergeError(
                    .invalidContent,
                    [
                        .file(path), .text(String(problems.count)),
                        .text(first.error.messageID + (first.cell.map { " (\($0.unit) / \($0.code))" } ?? "")),
                    ])
            }
            if opened.fold != nil {
                opened.fold?.fold(member: identity.id, rows: content.rows)
            } else {
                opened.submissions[identity.id] = content.rows
            }
            // §6.4: the signed content travels in the locked results, for the checks after release;
            // until they are written it stays in its file (a round's worth of plaintext).
            opened.signed.append(
                Results.SignedSubmission(
                    member: identity.id, revision: content.revision, fileHash: plain.fileHash,
                    contentBytes: [], innerSignature: plain.innerSignature))
            opened.contents.append(
                path: path, fileSize: bytes.count, fileHash: plain.fileHash, size: plain.content.count,
                innerSignature: plain.innerSignature)
            opened.listed[identity.id] = (content.revision, content.attachments)
            opened.inputs.append(
                Manifest.Input(member: identity.id, revision: content.revision, fileHash: plain.fileHash))
        }
        return opened
    }
}
