internal import VaultCrypto

/// Spec §9.2 steps 10–15: the manifest and the locked results.
extension RoundVerification {
    // MARK: - Steps 10–14: manifest

    mutating func checkManifest() {
        let subject = RoundLayout.manifestFileName
        guard FileIO.exists(path(subject)) else { return notYet("manifest.signature", subject, .noManifest) }
        let doc: SignedDocument
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path(subject), maxBytes: 16 << 20)
            doc = try SignedDocument(parsing: bytes, expecting: .manifest, file: subject, maxHeaderLength: 16 << 20)
        } catch {
            return fail("manifest.signature", subject, error)
        }
        let value: Manifest
        do throws(FieldReader.Failure) {
            value = try Manifest(json: doc.container.header)
        } catch {
            return fail("manifest.signature", subject, FormatError.Code.header, [subject, error.description])
        }
        if doc.isSigned(by: round.secretary.signingKey) {
            pass("manifest.signature", subject, .manifestSigned, [round.secretary.id])
        } else {
            fail("manifest.signature", subject, MergeError.Code.manifestBadSignature, [subject])
        }
        manifest = (value, doc.fileHash)
        if value.round == round.fileHash {
            pass("manifest.round", subject, .manifestRound)
        } else {
            fail("manifest.round", subject, .manifestWrongRound, [subject])
        }
        checkManifestSubmissions(value)
        checkManifestEvidence(value)
        checkManifestCoverage(value)
        checkManifestJournal(value, fileHash: doc.fileHash)
    }

    /// `submissions/` holds exactly the listed files, with the listed hashes (spec §6.3).
    private mutating func checkManifestSubmissions(_ manifest: Manifest) {
        var problems = [(subject: String, text: Notice)]()
        let live = Dictionary(files.filter(\.isLive).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var listed = Set<String>()
        for input in manifest.submissions {
            let name = RoundLayout.submissionFileName(member: input.member, revision: input.revision)
            let fileSubject = RoundLayout.submissionsFolder + "/" + name
            listed.insert(name)
            guard let file = live[name] else {
                problems.append(
                    (
                        fileSubject,
                        Notice(
                            VerificationReport.Finding.listedMissing,
                            [.text(fileSubject), .member(input.member), .revision(input.revision)])
                    ))
                continue
            }
            if file.fileHash != input.fileHash {
                problems.append((fileSubject, Notice(VerificationReport.Finding.listedChanged, [.text(fileSubject)])))
            }
        }
        for file in files where file.isLive && !listed.contains(file.name) {
            problems.append((file.subject, Notice(VerificationReport.Finding.unlisted, [.text(file.subject)])))
        }
        report(
            "manifest.submissions", problems, subject: RoundLayout.manifestFileName,
            ok: Notice(VerificationReport.Finding.manifestSubmissionsOK, [.text(String(manifest.submissions.count))]))
    }

    /// Coverage is consistent with the round, and complete unless locked incomplete on purpose.
    private mutating func checkManifestCoverage(_ m: Manifest) {
        let subject = RoundLayout.manifestFileName
        let listedMembers = Set(m.submissions.map(\.member))
        let missing = round.members.map(\.id).filter { !listedMembers.contains($0) }.sorted()
        let counts = [String(m.appraised), String(m.appraisable), String(m.gaps), String(m.conflicts)]
        // A merge refuses unassigned and missing rows (§6.5), so the only gaps are the cells of
        // members who did not submit, and there are no conflicts (spec §9.2 check 13).
        let missingCells = missing.compactMap(round.member).reduce(0) { $0 + round.cells(of: $1).count }
        let consistent =
            m.conflicts == 0 && m.gaps == missingCells && m.appraisable == round.appraisableCells.count
            && m.appraised <= m.appraisable
            && m.gaps <= m.appraisable && m.missingMembers == missing
            && listedMembers.allSatisfy { round.member($0) != nil }
            && (m.allowIncomplete == (m.gaps > 0 || m.conflicts > 0))
            && (m.gaps > 0 || m.conflicts > 0 || m.appraised == m.appraisable)
        if !m.allowIncomplete, m.gaps > 0 || m.conflicts > 0 {
            return fail("manifest.coverage", subject, .coverageIncomplete, [subject] + counts)
        }
        guard consistent else {
            return fail(
                "manifest.coverage", subject, .coverageInconsistent,
                [subject, String(round.appraisableCells.count)] + counts)
        }
        if m.allowIncomplete {
            pass(
                "manifest.coverage", subject, .coverageIncompleteAllowed,
                counts + [m.missingMembers.isEmpty ? "–" : m.missingMembers.joined(separator: ", ")])
        } else {
            pass("manifest.coverage", subject, .coverageOK, Array(counts.prefix(2)))
        }
    }

    /// The journal's `merge` entry names this manifest and these results, and sits right after
    /// the head the manifest recorded (spec §6.5 step 4, §7).
    private mutating func checkManifestJournal(_ m: Manifest, fileHash: [UInt8]) {
        let subject = RoundLayout.manifestFileName
        guard let journal else { return fail("manifest.journal", subject, .noJournalToCheck, [subject]) }
        let merges = journal.filter { $0.kind == .merge }
        guard merges.count == 1, let entry = merges.first else {
            return fail("manifest.journal", subject, .mergeEntryCount, [String(merges.count)])
        }
        let before = journal.prefix { $0.sequence < entry.sequence }
        let preliminary = before.first { $0.kind == .preliminary }
        let expectedDetails = RoundMerge.mergeDetails(
            manifest: fileHash, results: m.results, submissions: m.submissions.count,
            skipped: !round.unitKeys.isEmpty && preliminary == nil, exceptions: m.exceptions)
        guard entry.details == expectedDetails else {
            return fail("manifest.journal", subject, .mergeEntryDetails, [String(entry.sequence), subject])
        }
        guard entry.previous == m.journalHead else {
            return fail("manifest.journal", subject, .mergeEntryHead, [String(entry.sequence), subject])
        }
        // Each merged submission was received (or superseded into place) before the merge.
        for input in m.submissions {
            let received = before.contains {
                $0.kind?.acceptsSubmission == true && $0.details["member"] == .string(input.member)
                    && $0.details["revision"] == .integer(Int64(input.revision))
                    && $0.details["fileHash"] == .hex(input.fileHash)
            }
            guard received else {
                return fail("manifest.journal", subject, .mergedNotReceived, [input.member, String(input.revision)])
            }
        }
        // §12.7: the round-1 files are the ones the notices describe; the explanations and the
        // second-round files merged are the live ones journaled.
        if let preliminary, preliminary.details["submissions"] != PreliminaryMerge.listed(m.submissions) {
            return fail("manifest.journal", subject, .mergedNotPreliminary, [String(preliminary.sequence)])
        }
        let entries = Array(before)
        let explanations = RoundMerge.liveEntries(entries, event: .receiveExplanation, sender: "unit")
        let second = RoundMerge.liveEntries(entries, event: .receiveSecond, sender: "member")
        let listedExplanations = m.explanations.map { "\($0.unit) \($0.revision) \(Hex.encode($0.fileHash))" }
        let listedSecond = m.second.map { "\($0.member) \($0.revision) \(Hex.encode($0.fileHash))" }
        guard
            listedExplanations.sorted()
                == (preliminary == nil
                    ? []
                    : explanations.map { "\($0.key) \($0.value.revision) \(Hex.encode($0.value.fileHash))" }.sorted()),
            listedSecond.sorted()
                == second.map({ "\($0.key) \($0.value.revision) \(Hex.encode($0.value.fileHash))" }).sorted()
        else {
            return fail("manifest.journal", subject, .mergedNotLiveExplanationRound, [subject])
        }
        pass("manifest.journal", subject, .manifestJournalOK, [String(entry.sequence)])
    }

    // MARK: - Step 15: locked results

    mutating func checkLockedResults() {
        let subject = RoundLayout.resultsFileName
        guard FileIO.exists(path(subject)) else {
            if manifest != nil { fail("results.hash", subject, .resultsMissing, [subject]) }
            return
        }
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path(subject), maxBytes: LockedResults.maxFileSize)
        } catch {
            return fail("results.hash", subject, error)
        }
        let fileHash = BLAKE2b.hash(bytes, outputLength: 32)
        results = (bytes, fileHash, nil)
        if let manifest {
            if manifest.value.results == fileHash {
                pass("results.hash", subject, .resultsHashOK, [RoundVerification.short(fileHash)])
            } else {
                fail("results.hash", subject, .resultsHashMismatch, [subject])
            }
        } else {
            fail("results.hash", subject, .resultsWithoutManifest, [subject])
        }
        do {
            let envelope = try LockedResults.check(
                bytes, file: subject, policy: round.release, roundHash: round.fileHash, secretary: round.secretary)
            results = (bytes, fileHash, envelope)
            pass("results.envelope", subject, .resultsEnvelopeOK, [round.secretary.id])
        } catch {
            fail("results.envelope", subject, error)
        }
    }
}
