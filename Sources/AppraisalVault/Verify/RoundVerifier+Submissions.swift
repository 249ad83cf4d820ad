internal import VaultCrypto

/// Spec §9.2 steps 6–9: the sealed submissions on disk and their agreement with the journal.
extension RoundVerification {
    // MARK: - Steps 6–8: every file in submissions/ and superseded/

    mutating func checkSubmissionFiles() {
        var any = false
        for folder in [RoundLayout.submissionsFolder, RoundLayout.supersededFolder] {
            let folderPath = path(folder)
            guard FileIO.exists(folderPath) else { continue }
            let names: [String]
            do {
                // Evidence moved to superseded/ with its submission is checked by §10.10.
                names = try FileIO.listVisible(folderPath).filter {
                    !(folder == RoundLayout.supersededFolder && $0.hasSuffix(RoundLayout.evidenceExtension))
                }
            } catch {
                fail("submission.name", folder, error)
                continue
            }
            var liveMembers = Set<String>()
            // The expensive part (read, hash, parse, outer signature) runs over both cores in
            // batches (bounded memory); the report is then written in the original order.
            let batchSize = 64
            for start in stride(from: 0, to: names.count, by: batchSize) {
                let batch = Array(names[start..<min(start + batchSize, names.count)])
                let loaded = Self.load(batch.map { (path(folder, $0), folder + "/" + $0) })
                for (name, file) in zip(batch, loaded) {
                    any = true
                    checkSubmission(folder: folder, name: name, loaded: file, liveMembers: &liveMembers)
                }
            }
        }
        if !any { notYet("submission.name", RoundLayout.submissionsFolder, .noSubmissions) }
    }

    /// A submission file read and checked as far as it can be without the report.
    struct LoadedSubmission {
        var bytes: Result<[UInt8], any Error> = .failure(FormatError(.empty))
        var fileHash: [UInt8]?
        var envelope: Result<SealedEnvelope, any Error>?
        var hasValidOuterSignature = false
    }

    /// Reads, hashes, parses and checks the outer signature of each `(path, subject)` in parallel.
    static func load(_ files: [(path: String, subject: String)]) -> [LoadedSubmission] {
        let results = UnsafeMutableBufferPointer<LoadedSubmission>.allocate(capacity: files.count)
        results.initialize(repeating: LoadedSubmission())
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        Parallel.forEach(files.count) { i in
            do {
                let bytes = try FileIO.read(files[i].path, maxBytes: Inbox.maxSubmissionSize)
                results[i] = load(bytes: bytes, subject: files[i].subject)
            } catch {
                results[i] = LoadedSubmission(bytes: .failure(error))
            }
        }
        return Array(results)
    }

    /// Hashes, parses and checks the outer signature of the bytes of one submission file.
    static func load(bytes: [UInt8], subject: String) -> LoadedSubmission {
        var loaded = LoadedSubmission(bytes: .success(bytes))
        loaded.fileHash = BLAKE2b.hash(bytes, outputLength: 32)
        do {
            let envelope = try SealedEnvelope(parsing: bytes, expecting: .submission, file: subject)
            loaded.envelope = .success(envelope)
            loaded.hasValidOuterSignature = envelope.hasValidOuterSignature
        } catch {
            loaded.envelope = .failure(error)
        }
        return loaded
    }

    /// Checks 6–8 of one submission file: its name, outer signature and binding to the round.
    /// `subject` names it in the report (`folder/name` in a round folder, the path as given for
    /// `verify FILE --round R`); `liveMembers` collects the members with a file in `submissions/`.
    mutating func checkSubmission(
        folder: String, name: String, subject: String? = nil, loaded: LoadedSubmission,
        liveMembers: inout Set<String>
    ) {
        let subject = subject ?? folder + "/" + name
        let parsedName = RoundLayout.parseSubmissionFileName(name)
        if let parsedName {
            if folder == RoundLayout.submissionsFolder, !liveMembers.insert(parsedName.member).inserted {
                fail("submission.name", subject, InboxError.Code.twoLive, [folder, parsedName.member])
            } else {
                pass("submission.name", subject, .nameOK, [parsedName.member, String(parsedName.revision)])
            }
        } else {
            fail("submission.name", subject, InboxError.Code.strayFile, [subject])
        }
        if case .failure(let error) = loaded.bytes {
            files.append(FoundFile(folder: folder, name: name, fileHash: nil))
            return fail("submission.signature", subject, error)
        }
        files.append(FoundFile(folder: folder, name: name, fileHash: loaded.fileHash))
        let envelope: SealedEnvelope
        switch loaded.envelope {
        case .success(let e)?: envelope = e
        case .failure(let error)?: return fail("submission.signature", subject, error)
        case nil: return
        }
        guard loaded.hasValidOuterSignature else {
            return fail("submission.signature", subject, EnvelopeError.Code.badSignature, [subject])
        }
        pass("submission.signature", subject, .submissionSigned, [envelope.header.sender])
        checkBinding(envelope, subject: subject, name: parsedName)
    }

    /// Round, recipient, sender and key, context, and the name (spec §6.2 steps 3–7, §6.1).
    private mutating func checkBinding(
        _ envelope: SealedEnvelope, subject: String, name: (member: String, revision: Int)?
    ) {
        let member: PublicIdentity
        do {
            member = try round.roster.authorize(envelope)
        } catch {
            return fail("submission.binding", subject, error)
        }
        let revision: Int
        do throws(FieldReader.Failure) {
            var r = try FieldReader(.object(envelope.header.context), path: "context")
            revision = Int(try r.integer("revision", in: 1...1_000_000))
            try r.finish()
        } catch {
            return fail("submission.binding", subject, FormatError.Code.header, [subject, error.description])
        }
        if let name, name.member != member.id || name.revision != revision {
            return fail(
                "submission.binding", subject, .nameMismatch,
                [subject, name.member, String(name.revision), member.id, String(revision)])
        }
        pass("submission.binding", subject, .submissionBound, [member.id, String(revision), round.secretary.id])
    }

    // MARK: - Step 9: files against the journal

    mutating func checkJournalAgainstFiles() {
        let subject = RoundLayout.journalFileName
        guard let journal else { return }
        var problems = [(subject: String, text: Notice)]()
        // What the journal says should be on disk: the latest revision live, earlier ones superseded.
        var history = [String: [RoundJournal.Entry]]()
        var rejects = 0
        for entry in journal {
            switch entry.kind {
            case .receive?, .supersede?:
                guard case .string(let member)? = entry.details["member"],
                    case .integer(let revision)? = entry.details["revision"],
                    case .string(let hashText)? = entry.details["fileHash"], Hex.decode(hashText)?.count == 32
                else {
                    problems.append(
                        (
                            subject,
                            Notice(
                                VerificationReport.Finding.journalEntryMalformed,
                                [.text(String(entry.sequence)), .text(entry.event)])
                        ))
                    continue
                }
                // A receive starts a member's history; a supersede names the live revision it
                // replaces and carries a higher one.
                var previous: Int64?
                if case .integer(let r)? = history[member]?.last?.details["revision"] { previous = r }
                let consistent =
                    entry.kind == .receive
                    ? previous == nil && entry.details["supersedes"] == nil
                    : previous != nil && entry.details["supersedes"] == .integer(previous!) && revision > previous!
                if !consistent {
                    problems.append(
                        (
                            subject,
                            Notice(
                                VerificationReport.Finding.journalEntryMalformed,
                                [.text(String(entry.sequence)), .text(entry.event)])
                        ))
                }
                history[member, default: []].append(entry)
            case .reject?:
                rejects += 1
            default:
                break
            }
        }
        var expected = [String: (hash: String, entry: Int)]()  // "folder/name" -> journaled hash
        for (member, entries) in history {
            for (i, entry) in entries.enumerated() {
                guard case .integer(let revision)? = entry.details["revision"],
                    case .string(let hash)? = entry.details["fileHash"]
                else { continue }
                let folder = i == entries.count - 1 ? RoundLayout.submissionsFolder : RoundLayout.supersededFolder
                expected[folder + "/" + RoundLayout.submissionFileName(member: member, revision: Int(revision))] = (
                    hash, entry.sequence
                )
            }
        }
        var lastRevision = [String: Int64]()
        for (member, entries) in history {
            if case .integer(let r)? = entries.last?.details["revision"] { lastRevision[member] = r }
        }
        for (subject, want) in expectedEvidence(journal, lastRevision: lastRevision, problems: &problems) {
            expected[subject] = want
        }
        let onDisk = Dictionary(
            (files + evidenceFiles).map { ($0.subject, $0.fileHash) }, uniquingKeysWith: { a, _ in a })
        for (fileSubject, want) in expected.sorted(by: { $0.value.entry < $1.value.entry }) {
            guard let file = onDisk[fileSubject] else {
                problems.append(
                    (
                        fileSubject,
                        Notice(
                            VerificationReport.Finding.journaledFileMissing,
                            [.text(fileSubject), .text(String(want.entry))])
                    ))
                continue
            }
            if file.map(Hex.encode) != want.hash {
                problems.append(
                    (
                        fileSubject,
                        Notice(
                            VerificationReport.Finding.journaledFileChanged,
                            [.text(fileSubject), .text(String(want.entry))])
                    ))
            }
        }
        for subject in (files + evidenceFiles).map(\.subject) where expected[subject] == nil {
            problems.append((subject, Notice(VerificationReport.Finding.fileNotJournaled, [.text(subject)])))
        }
        let live = files.filter(\.isLive).count
        report(
            "journal.files", problems, subject: subject,
            ok: Notice(
                VerificationReport.Finding.journalFilesOK,
                [.text(String(live)), .text(String(files.count - live)), .text(String(rejects))]))
    }
}
