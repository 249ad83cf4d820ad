internal import VaultCrypto

/// `avault survey import` (spec §6.6): the secretary seals the survey scores into the round as
/// `survey.avq`, signed by the secretary and encrypted to the secretary, and journals it. A
/// re-import before the merge replaces the file (journaled with `supersedes`); after the merge
/// it is refused.
public enum SurveyImport {
    /// What the import did, for printing (counts only, never a score).
    public struct Report: Sendable {
        /// The survey cells scored.
        public let scores: Int
        /// The import's revision (1, then one more per re-import).
        public let revision: Int
        /// Where `survey.avq` was written.
        public let path: String
    }

    /// Reads the survey CSV against the round (every problem at once), refuses a merged round,
    /// then unlocks the secretary's key and imports.
    ///
    /// - Throws: ``InputProblems`` for the CSV; ``MergeError`` `survey.after-merge`; as
    ///   ``run(roundDirectory:secretary:scores:created:using:)``.
    public static func run(
        roundDirectory: String, round: RoundDefinition, file: String, unlock: () throws -> SecretIdentity
    ) throws -> Report {
        let scores = try SurveyInput.read(
            try FileIO.read(file, maxBytes: SurveyScores.maxFileSize), file: file, round: round)
        try requireOpen(roundDirectory: roundDirectory, round: round)
        return try run(roundDirectory: roundDirectory, secretary: unlock(), scores: scores)
    }

    /// Seals and journals checked scores, holding the round's lock (``RoundLock``).
    ///
    /// - Throws: ``MergeError`` `merge.not-secretary`, ``MergeError`` `survey.after-merge`,
    ///   ``RoundError`` `round.locked`, any journal error, `file.cannot-write`.
    static func run(
        roundDirectory: String, secretary: SecretIdentity, scores: [Cell: Points], created: String = Timestamp.now(),
        using random: any RandomSource = SystemRandom()
    ) throws -> Report {
        try RoundLock.exclusive(roundDirectory, command: "survey import") {
            let round = try RoundDefinition.load(roundDirectory: roundDirectory)
            guard secretary.identity.signingKey == round.secretary.signingKey,
                secretary.encryptionKey.publicKey == round.secretary.encryptionKey
            else { throw MergeError(.notSecretary, [.text(secretary.identity.id), .text(round.secretary.id)]) }
            try requireOpen(roundDirectory: roundDirectory, round: round)
            let journal = try RoundJournal.load(
                roundDirectory: roundDirectory, secretaryKey: round.secretary.signingKey, roundHash: round.fileHash)
            let previous = lastImport(in: journal.entries)
            let revision = (previous?.revision ?? 0) + 1
            let content = SurveyScores(revision: revision, round: round.fileHash, scores: scores)
            let bytes = try SealedEnvelope.seal(
                CanonicalJSON.serialize(content.json), kind: .survey, round: round.fileHash,
                context: ["revision": .integer(Int64(revision))], sender: secretary,
                recipient: round.secretary.encryptionKey, created: created, using: random)
            let path = RoundLayout(roundDirectory).survey
            try FileIO.writeAtomically(bytes, to: path, mode: 0o644, replacing: true)
            var details: [String: JSONValue] = [
                "fileHash": .hex(BLAKE2b.hash(bytes, outputLength: 32)), "revision": .integer(Int64(revision)),
            ]
            if let previous { details["supersedes"] = .integer(Int64(previous.revision)) }
            try RoundJournal.append(
                roundDirectory: roundDirectory, event: .surveyImport, details: details, secretary: secretary,
                at: created)
            return Report(scores: scores.count, revision: revision, path: path)
        }
    }

    /// Refuses a merged round (§6.6): a manifest exists, or the journal records a merge.
    ///
    /// - Throws: ``MergeError`` `survey.after-merge`, naming the file that shows the merge.
    static func requireOpen(roundDirectory: String, round: RoundDefinition) throws {
        if let evidence = try RoundLayout.mergedEvidence(
            roundDirectory: roundDirectory, secretaryKey: round.secretary.signingKey, roundHash: round.fileHash)
        {
            throw MergeError(
                .surveyAfterMerge, [.file(roundDirectory), .file(evidence)], hint: ErrorHint(.roundMerged))
        }
    }

    /// The last `survey-import` entry's revision and file hash, when the journal has one.
    static func lastImport(in entries: [RoundJournal.Entry]) -> (revision: Int, fileHash: [UInt8])? {
        guard let entry = entries.last(where: { $0.kind == .surveyImport }),
            case .integer(let revision)? = entry.details["revision"],
            case .string(let hash)? = entry.details["fileHash"], let fileHash = Hex.decode(hash), fileHash.count == 32
        else { return nil }
        return (Int(revision), fileHash)
    }

    /// Opens the journaled `survey.avq` for the merge (§6.5 step 1): the file is the last
    /// journaled import (hash and revision), its header binds it to this round and its secretary,
    /// and its content, once decrypted and its inner signature verified, fits the round.
    ///
    /// - Returns: nil when nothing was imported (no `survey-import` entry and no file).
    /// - Throws: ``MergeError`` `merge.survey-content` naming the file and what is wrong; any
    ///   envelope error naming the file.
    static func openForMerge(
        roundDirectory: String, round: RoundDefinition, journal: [RoundJournal.Entry], secretary: SecretIdentity
    ) throws -> (scores: SurveyScores, signed: Results.SignedSurvey)? {
        let path = RoundLayout(roundDirectory).survey
        let last = lastImport(in: journal)
        guard let last else {
            if FileIO.exists(path) { throw MergeError(.surveyContent, [.file(path), .text("not journaled")]) }
            return nil
        }
        let bytes = try FileIO.read(path, maxBytes: SurveyScores.maxFileSize)
        let envelope = try SealedEnvelope(parsing: bytes, expecting: .survey, file: path)
        guard envelope.fileHash == last.fileHash else {
            throw MergeError(.surveyContent, [.file(path), .text("not the journaled import")])
        }
        guard case .sealed(let recipient, _) = envelope.header.keyTransport,
            recipient == round.secretary.encryptionKey, envelope.header.round == round.fileHash,
            envelope.header.sender == round.secretary.id,
            envelope.header.senderSigningKey == round.secretary.signingKey,
            envelope.header.context == ["revision": .integer(Int64(last.revision))]
        else { throw MergeError(.surveyContent, [.file(path), .text("header")]) }
        let opened = try envelope.openSigned(with: secretary.encryptionKey)
        let scores = try SurveyScores(parsing: opened.content, file: path)
        if scores.revision != last.revision {
            throw MergeError(.surveyContent, [.file(path), .text("revision")])
        }
        if let problem = scores.mismatch(with: round) {
            throw MergeError(.surveyContent, [.file(path), .text(problem)])
        }
        let signed = Results.SignedSurvey(
            revision: last.revision, fileHash: last.fileHash, content: try CanonicalJSON.parse(opened.content),
            innerSignature: opened.innerSignature)
        return (scores, signed)
    }
}
