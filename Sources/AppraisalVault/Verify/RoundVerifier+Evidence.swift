internal import VaultCrypto

/// Spec §10.10: evidence files, checked with public keys only, streaming their hashes.
extension RoundVerification {
    /// The live submission revision of each member, from the names in `submissions/`.
    var liveRevisions: [String: Int] {
        var out = [String: Int]()
        for file in files where file.isLive {
            if let parsed = RoundLayout.parseSubmissionFileName(file.name), out[parsed.member] == nil {
                out[parsed.member] = parsed.revision
            }
        }
        return out
    }

    // MARK: - Checks 8a–8c, per file

    mutating func checkEvidenceFiles() {
        var found = [(folder: String, name: String)]()
        for folder in [RoundLayout.evidenceFolder, RoundLayout.supersededFolder] where FileIO.exists(path(folder)) {
            do {
                let names = try Evidence.list(path(folder))
                found += names.filter {
                    folder == RoundLayout.evidenceFolder || $0.hasSuffix(RoundLayout.evidenceExtension)
                }.map { (folder, $0) }
            } catch {
                if folder == RoundLayout.evidenceFolder { fail("evidence.name", folder, error) }
            }
        }
        let live = liveRevisions
        for (folder, name) in found {
            let subject = folder + "/" + name
            let parsed = RoundLayout.parseEvidenceFileName(name)
            if let parsed {
                pass(
                    "evidence.name", subject, .evidenceNameOK,
                    [parsed.member, String(parsed.revision), String(parsed.index)])
            } else {
                fail("evidence.name", subject, EvidenceError.Code.strayFile, [subject])
            }
            var file = FoundFile(folder: folder, name: name, fileHash: nil)
            defer { evidenceFiles.append(file) }
            let onDisk: SealedEnvelope.OnDisk
            do {
                onDisk = try SealedEnvelope.OnDisk(path: path(folder, name), expecting: .evidence)
                file.fileHash = try onDisk.verifyOuter()
            } catch {
                file.fileHash = try? Evidence.hashFile(path(folder, name))
                fail(
                    "evidence.signature", subject,
                    (error as? EnvelopeError)?.code == .badSignature
                        ? EnvelopeError(.badSignature, [.file(subject)]) : error)
                continue
            }
            pass("evidence.signature", subject, .evidenceSigned, [onDisk.header.sender])
            let sender: PublicIdentity
            let context: Evidence.Context
            do {
                (sender, context) = try Evidence.bind(onDisk, roster: round.roster)
            } catch {
                fail("evidence.binding", subject, error)
                continue
            }
            let canonical = RoundLayout.evidenceFileName(
                member: sender.id, revision: context.revision, index: context.index)
            guard canonical == name else {
                fail("evidence.binding", subject, .evidenceNameMismatch, [subject, canonical])
                continue
            }
            if folder == RoundLayout.evidenceFolder, sender.id != round.secretary.id,
                live[sender.id] != context.revision
            {
                fail(
                    "evidence.binding", subject, EvidenceError.Code.notLive,
                    [subject, sender.id, String(context.revision), live[sender.id].map(String.init) ?? "–"])
                continue
            }
            pass(
                "evidence.binding", subject, .evidenceBound,
                [sender.id, String(context.revision), String(context.index), round.secretary.id])
        }
    }

    // MARK: - Check 12a

    mutating func checkManifestEvidence(_ manifest: Manifest) {
        let liveFiles = evidenceFiles.filter(\.isLive)
        guard !manifest.evidence.isEmpty || !liveFiles.isEmpty else { return }
        var problems = [(subject: String, text: Notice)]()
        let byName = Dictionary(liveFiles.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let submissions = Dictionary(
            manifest.submissions.map { ($0.member, $0.revision) }, uniquingKeysWith: { a, _ in a })
        var listed = Set<String>()
        for entry in manifest.evidence {
            let subject = RoundLayout.evidenceFolder + "/" + entry.fileName
            listed.insert(entry.fileName)
            let bound =
                entry.member == round.secretary.id ? entry.revision == 1 : submissions[entry.member] == entry.revision
            if !bound {
                problems.append((subject, Notice(VerificationReport.Finding.evidenceUnbound, [.text(subject)])))
            }
            guard let file = byName[entry.fileName] else {
                problems.append(
                    (
                        subject,
                        Notice(
                            VerificationReport.Finding.evidenceListedMissing,
                            [
                                .text(subject), .member(entry.member), .revision(entry.revision),
                                .text(String(entry.index)),
                            ])
                    ))
                continue
            }
            if file.fileHash != entry.fileHash {
                problems.append((subject, Notice(VerificationReport.Finding.listedChanged, [.text(subject)])))
            }
        }
        for file in liveFiles where !listed.contains(file.name) {
            problems.append((file.subject, Notice(VerificationReport.Finding.evidenceUnlisted, [.text(file.subject)])))
        }
        report(
            "manifest.evidence", problems, subject: RoundLayout.manifestFileName,
            ok: Notice(VerificationReport.Finding.manifestEvidenceOK, [.text(String(manifest.evidence.count))]))
    }

    // MARK: - Check 9, evidence part

    /// What the journal's `receive-evidence` entries say should be on disk ("folder/name" →
    /// hash, entry), given each member's last journaled submission revision; malformed entries
    /// are reported in `problems`.
    func expectedEvidence(
        _ journal: [RoundJournal.Entry], lastRevision: [String: Int64],
        problems: inout [(subject: String, text: Notice)]
    ) -> [String: (hash: String, entry: Int)] {
        var expected = [String: (hash: String, entry: Int)]()
        for entry in journal where entry.kind == .receiveEvidence {
            guard case .string(let member)? = entry.details["member"],
                case .integer(let revision)? = entry.details["revision"],
                case .integer(let index)? = entry.details["index"], case .integer = entry.details["size"],
                case .string(let hash)? = entry.details["fileHash"], Hex.decode(hash)?.count == 32,
                entry.details.count == 5,
                (1...Int64(Evidence.maxIndex)).contains(index), (1...1_000_000).contains(revision)
            else {
                problems.append(
                    (
                        RoundLayout.journalFileName,
                        Notice(
                            VerificationReport.Finding.journalEntryMalformed,
                            [.text(String(entry.sequence)), .text(entry.event)])
                    ))
                continue
            }
            let live = member == round.secretary.id || lastRevision[member] == revision
            let folder = live ? RoundLayout.evidenceFolder : RoundLayout.supersededFolder
            expected[
                folder + "/" + RoundLayout.evidenceFileName(member: member, revision: Int(revision), index: Int(index))] =
                (hash, entry.sequence)
        }
        return expected
    }
}
