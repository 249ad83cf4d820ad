internal import VaultCrypto

/// Sealing evidence: a member's attachments (spec §10.3) and the secretary's own (§10.5).
extension Evidence {
    /// One document to seal: where it is, its evidence name, and the sealed file to write.
    struct Planned: Sendable {
        let source: String
        let name: String
        let index: Int
        let output: String
    }

    /// The evidence name of `path`: NFC of its base name, checked (spec §10.1).
    static func name(of path: String) throws -> String {
        let name = Text.nfc(FileIO.split(path).base)
        if let refusal = Text.refusal(in: name) {
            throw EvidenceError(.nameCharacter, [.file(path), .text(refusal.codePoint)])
        }
        guard isValidName(name) else { throw EvidenceError(.badName, [.file(path)]) }
        return name
    }

    /// Plans a member's attachments for `revision`, written into `folder` as `M.rN.eK.ave`:
    /// names valid and different, at most 999, no output existing, every input a readable file.
    static func plan(
        _ files: [String], member: String, revision: Int, folder: String, firstIndex: Int = 1, taken: Set<String> = []
    ) throws -> [Planned] {
        guard firstIndex - 1 + files.count <= maxIndex else {
            throw EvidenceError(.tooMany, [.text(String(files.count)), .text(String(maxIndex))])
        }
        var names = taken
        var out = [Planned]()
        for (i, source) in files.enumerated() {
            let name = try name(of: source)
            guard names.insert(name).inserted else {
                throw EvidenceError(.duplicateName, [.file(source), .text(name)])
            }
            _ = try FileIO.StreamReader(path: source)  // exists, regular, readable
            let output = FileIO.join(
                folder, RoundLayout.evidenceFileName(member: member, revision: revision, index: firstIndex + i))
            try FileIO.refuseExisting(output)
            out.append(Planned(source: source, name: name, index: firstIndex + i, output: output))
        }
        return out
    }

    /// Seals every planned document (streaming) from `sender` to the round's secretary. On any
    /// failure the files already written are deleted.
    static func seal(
        _ planned: [Planned], revision: Int, round: [UInt8], sender: SecretIdentity, recipient: X25519.PublicKey,
        created: String = Timestamp.now(), using random: any RandomSource = SystemRandom()
    ) throws -> [Attachment] {
        var written = [String]()
        var attachments = [Attachment]()
        do {
            for p in planned {
                let sealed = try SealedEnvelope.sealFile(
                    p.source, to: p.output, kind: .evidence, round: round,
                    context: { Context(index: p.index, name: p.name, revision: revision, size: $0).json },
                    sender: sender,
                    recipient: recipient, created: created, using: random)
                written.append(p.output)
                attachments.append(
                    Attachment(fileHash: sealed.fileHash, index: p.index, name: p.name, size: sealed.size))
            }
        } catch {
            removeAll(written)
            throw error
        }
        return attachments
    }

    /// Deletes files (cleanup after a failure; errors ignored).
    static func removeAll(_ paths: [String]) {
        for path in paths { try? FileIO.remove(path) }
    }

    /// True when the round has been merged (a manifest exists).
    static func isMerged(_ roundDirectory: String) -> Bool {
        FileIO.exists(FileIO.join(roundDirectory, RoundLayout.manifestFileName))
    }

    /// The secretary adds their own evidence to the round folder (spec §10.5).
    ///
    /// - Parameters:
    ///   - files: the documents.
    ///   - roundDirectory: the round folder (not merged yet).
    ///   - round: its verified definition.
    ///   - secretary: the unlocked secretary identity; any other identity is refused.
    /// - Returns: the paths written in `ROUND/evidence/`.
    /// - Throws: ``MergeError`` `merge.not-secretary`, ``RoundError`` `round.locked`,
    ///   `evidence.after-merge`, `evidence.*`, `file.exists`, a file error.
    public static func add(
        _ files: [String], to roundDirectory: String, round: RoundDefinition, secretary: SecretIdentity
    ) throws -> [String] {
        try add(files, roundDirectory: roundDirectory, roster: round.roster, secretary: secretary)
            .map { RoundLayout(roundDirectory).path(RoundLayout.evidenceFolder, $0) }
    }

    /// The secretary adds their own evidence to the round folder (spec §10.5), holding the
    /// round's lock (``RoundLock``) and completing an interrupted receive or add first.
    ///
    /// - Returns: the file names written in `evidence/`.
    static func add(
        _ files: [String], roundDirectory: String, roster: Roster, secretary: SecretIdentity,
        created: String = Timestamp.now(), using random: any RandomSource = SystemRandom()
    ) throws -> [String] {
        try RoundLock.exclusive(roundDirectory, command: "evidence add") {
            try addLocked(
                files, roundDirectory: roundDirectory, roster: roster, secretary: secretary, created: created,
                using: random)
        }
    }

    private static func addLocked(
        _ files: [String], roundDirectory: String, roster: Roster, secretary: SecretIdentity, created: String,
        using random: any RandomSource
    ) throws -> [String] {
        let inbox = Inbox(roundDirectory: roundDirectory, roster: roster)
        try inbox.requireSecretary(secretary)
        guard !isMerged(roundDirectory) else {
            throw EvidenceError(
                .afterMerge, [.file(FileIO.join(roundDirectory, RoundLayout.manifestFileName))], step: .create)
        }
        try inbox.recoverInterrupted(secretary: secretary)
        let folder = FileIO.join(roundDirectory, RoundLayout.evidenceFolder)
        // Existing secretary evidence: the next index and the names in use.
        var highest = 0
        var taken = Set<String>()
        for name in try list(folder) {
            guard let parsed = RoundLayout.parseEvidenceFileName(name), parsed.member == roster.secretary.id else {
                continue
            }
            highest = max(highest, parsed.index)
            let checked = try check(FileIO.join(folder, name), roster: roster)
            taken.insert(checked.context.name)
        }
        try FileIO.makeDirectory(folder, mode: 0o755)
        let planned = try plan(
            files, member: roster.secretary.id, revision: 1, folder: folder, firstIndex: highest + 1, taken: taken)
        let attachments = try seal(
            planned, revision: 1, round: roster.roundHash, sender: secretary, recipient: roster.secretary.encryptionKey,
            created: created,
            using: random)
        var journaled = 0
        do {
            for a in attachments {
                try RoundJournal.append(
                    roundDirectory: roundDirectory, event: .receiveEvidence,
                    details: journalDetails(
                        fileHash: a.fileHash, member: roster.secretary.id, revision: 1, index: a.index, size: a.size),
                    secretary: secretary, at: created)
                journaled += 1
            }
        } catch {
            // The journal is the record: a file it does not name is not added.
            removeAll(planned.dropFirst(journaled).map(\.output))
            throw error
        }
        return planned.map { FileIO.split($0.output).base }
    }

    /// The details of a `receive-evidence` journal entry (spec §10.8).
    static func journalDetails(fileHash: [UInt8], member: String, revision: Int, index: Int, size: Int) -> [String:
        JSONValue]
    {
        [
            "fileHash": .hex(fileHash), "index": .int(index), "member": .string(member), "revision": .int(revision),
            "size": .int(size),
        ]
    }
}
