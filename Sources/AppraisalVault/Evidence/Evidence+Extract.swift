internal import Glibc
internal import VaultCrypto

/// The secretary recovers the evidence (spec §10.9): each file opened streaming into a staging
/// folder, checked against the member's signed list, and released only when all passed.
extension Evidence {
    /// One document written by ``extract(roundDirectory:round:secretary:to:member:)``.
    public struct Extracted: Sendable {
        /// The member (or the secretary) who attached it.
        public let member: String
        /// The submission revision it belongs to.
        public let revision: Int
        /// Its position in that submission's list.
        public let index: Int
        /// The document's evidence name.
        public let name: String
        /// Bytes.
        public let size: Int
        /// Where it was written.
        public let path: String
    }

    private struct Job {
        let source: String
        let member: String
        let context: Context
        /// The listed file hash (§10.2); nil for the secretary's own.
        let fileHash: [UInt8]?
        let destination: String
    }

    /// The prefix of the staging folders, `DIR/.avault-extract-XXXXXX` (spec §10.9).
    static let stagingPrefix = ".avault-extract-"

    /// Extracts the evidence of every live submission (or of `member` only) and the secretary's
    /// own into `out/MEMBER/rN/NAME`, under a shared lock of the round (``RoundLock``). First
    /// removes the staging folders an interrupted extract left in `out` (spec §10.9).
    ///
    /// - Throws: ``MergeError`` `merge.not-secretary`, ``RoundError`` `round.locked`,
    ///   `file.exists`, any envelope error, `merge.missing-evidence`, `merge.evidence-mismatch`;
    ///   nothing is left under `out` then.
    public static func extract(
        roundDirectory: String, round: RoundDefinition, secretary: SecretIdentity, to out: String,
        member only: String? = nil
    ) throws -> [Extracted] {
        guard secretary.identity.signingKey == round.secretary.signingKey,
            secretary.encryptionKey.publicKey == round.secretary.encryptionKey
        else { throw MergeError(.notSecretary, [.text(secretary.identity.id), .text(round.secretary.id)]) }
        removeLeftoverStaging(in: out)
        return try RoundLock.shared(roundDirectory, command: "extract") {
            try extractLocked(roundDirectory: roundDirectory, round: round, secretary: secretary, to: out, member: only)
        }
    }

    /// Removes every `DIR/.avault-extract-XXXXXX` folder (exactly that name, `XXXXXX` as
    /// `mkdtemp` makes it) that no running extract holds: the plaintext staging of an extract
    /// that was killed. Only the files directly inside are deleted; anything else is left.
    static func removeLeftoverStaging(in out: String) {
        for name in (try? FileIO.list(out)) ?? [] where isStagingName(name) {
            let folder = FileIO.join(out, name)
            let fd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }  // a running extract's
            for entry in (try? FileIO.list(folder)) ?? [] where !FileIO.isDirectory(FileIO.join(folder, entry)) {
                try? FileIO.remove(FileIO.join(folder, entry))
            }
            rmdir(folder)
        }
    }

    /// True for `.avault-extract-` followed by six ASCII letters or digits.
    static func isStagingName(_ name: String) -> Bool {
        guard name.hasPrefix(stagingPrefix) else { return false }
        let suffix = name.utf8.dropFirst(stagingPrefix.utf8.count)
        return suffix.count == 6
            && suffix.allSatisfy {
                (0x30...0x39).contains($0) || (0x41...0x5a).contains($0) || (0x61...0x7a).contains($0)
            }
    }

    private static func extractLocked(
        roundDirectory: String, round: RoundDefinition, secretary: SecretIdentity, to out: String, member only: String?
    ) throws -> [Extracted] {
        let roster = round.roster
        let folder = FileIO.join(roundDirectory, RoundLayout.evidenceFolder)
        var jobs = [Job]()
        func destination(_ member: String, _ context: Context) -> String {
            FileIO.join(out, member, "r\(context.revision)", context.name)
        }
        // Members' evidence, as their (decrypted) submissions list it.
        let inbox = Inbox(roundDirectory: roundDirectory, roster: roster)
        for entry in try inbox.live().values.sorted(by: { $0.member < $1.member })
        where only == nil || only == entry.member {
            let path = FileIO.join(roundDirectory, RoundLayout.submissionsFolder, entry.fileName)
            let envelope = try SealedEnvelope(
                parsing: try FileIO.read(path, maxBytes: Inbox.maxSubmissionSize), expecting: .submission, file: path)
            let identity = try roster.authorize(envelope)
            let content = try SubmissionContent(parsing: try envelope.open(with: secretary.encryptionKey), file: path)
            guard content.member == identity.id, content.member == entry.member, content.revision == entry.revision,
                content.round == round.fileHash
            else { throw MergeError(.contentMismatch, [.file(path)]) }
            for a in content.attachments {
                let context = Context(index: a.index, name: a.name, revision: content.revision, size: a.size)
                let source = FileIO.join(
                    folder, RoundLayout.evidenceFileName(member: entry.member, revision: entry.revision, index: a.index)
                )
                guard FileIO.exists(source) else {
                    throw MergeError(
                        .missingEvidence,
                        [
                            .file(source), .member(entry.member), .revision(entry.revision), .text(String(a.index)),
                            .text(a.name),
                        ])
                }
                jobs.append(
                    Job(
                        source: source, member: entry.member, context: context, fileHash: a.fileHash,
                        destination: destination(entry.member, context)))
            }
        }
        // The secretary's own (no list: the header is the record).
        if only == nil || only == roster.secretary.id {
            for name in try list(folder) {
                guard let parsed = RoundLayout.parseEvidenceFileName(name), parsed.member == roster.secretary.id else {
                    continue
                }
                let source = FileIO.join(folder, name)
                let (sender, context) = try bind(
                    try SealedEnvelope.OnDisk(path: source, expecting: .evidence), roster: roster)
                guard sender.id == roster.secretary.id,
                    RoundLayout.evidenceFileName(member: sender.id, revision: context.revision, index: context.index)
                        == name
                else {
                    throw MergeError(
                        .evidenceMismatch,
                        [
                            .file(source), .member(parsed.member), .revision(parsed.revision),
                            .text(String(parsed.index)),
                        ])
                }
                jobs.append(
                    Job(
                        source: source, member: sender.id, context: context, fileHash: nil,
                        destination: destination(sender.id, context)))
            }
        }
        // Never overwrite, and never two documents to one name.
        var destinations = Set<String>()
        for job in jobs {
            try FileIO.refuseExisting(job.destination)
            guard destinations.insert(job.destination).inserted else {
                throw EvidenceError(.duplicateName, [.text(job.source), .text(job.context.name)])
            }
        }
        guard !jobs.isEmpty else { return [] }

        let createdOut = !FileIO.exists(out)
        try FileIO.makeDirectory(out, mode: 0o700)
        var template = Array(FileIO.join(out, stagingPrefix + "XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw FormatError(.fileCannotWrite, [.file(out), .text(FileIO.errnoText())], step: .create)
        }
        let staging = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // Held while in use, so another extract's clean-up leaves it alone (closed on return).
        let stagingLock = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if stagingLock >= 0 { _ = flock(stagingLock, LOCK_EX) }
        defer { if stagingLock >= 0 { close(stagingLock) } }
        var staged = [String]()
        var released = [String]()
        func cleanUp() {
            for path in staged + released { try? FileIO.remove(path) }
            rmdir(staging)
            if createdOut { removeEmptyTree(out) }
        }
        do {
            // Open and check everything first: no byte is released before every file passed.
            for (i, job) in jobs.enumerated() {
                let file = try SealedEnvelope.OnDisk(path: job.source, expecting: .evidence)
                let temporary = FileIO.join(staging, String(i + 1))
                // §5.5 step 4, after the outer signature: the header is bound to the round and the list.
                let fileHash = try file.open(with: secretary.encryptionKey, to: temporary, mode: 0o600) { _ in
                    let (sender, context) = try bind(file, roster: roster)
                    guard sender.id == job.member, context == job.context else {
                        throw MergeError(
                            .evidenceMismatch,
                            [
                                .text(job.source), .member(job.member), .revision(job.context.revision),
                                .text(String(job.context.index)),
                            ])
                    }
                }
                staged.append(temporary)
                if let expected = job.fileHash, !Sodium.constantTimeEqual(fileHash, expected) {
                    throw MergeError(
                        .evidenceMismatch,
                        [
                            .text(job.source), .member(job.member), .revision(job.context.revision),
                            .text(String(job.context.index)),
                        ])
                }
            }
            // Release: link each into place (refusing an existing file).
            for (i, job) in jobs.enumerated() {
                let parent = FileIO.split(job.destination).directory
                try FileIO.makeDirectory(FileIO.split(parent).directory, mode: 0o700)
                try FileIO.makeDirectory(parent, mode: 0o700)
                try FileIO.move(staged[i], to: job.destination)
                released.append(job.destination)
            }
            staged.removeAll()
            rmdir(staging)
        } catch {
            cleanUp()
            throw error
        }
        return jobs.map {
            Extracted(
                member: $0.member, revision: $0.context.revision, index: $0.context.index, name: $0.context.name,
                size: $0.context.size,
                path: $0.destination)
        }
    }

    /// Removes empty folders under and including `path` (after a failed extract into a new folder).
    private static func removeEmptyTree(_ path: String) {
        for name in (try? FileIO.list(path)) ?? [] where FileIO.isDirectory(FileIO.join(path, name)) {
            removeEmptyTree(FileIO.join(path, name))
        }
        rmdir(path)
    }
}
