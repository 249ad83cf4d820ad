internal import VaultCrypto

/// Receiving the units' explanations (spec §12.4 "Receive"): checked without decrypting, kept
/// in `explanations/` (every revision, the highest one live), journaled as `receive-explanation`;
/// after the notice's deadline still accepted, and marked late.
extension Inbox {
    /// The notices issued (unit → file hash) and the answer deadline, from the `preliminary`
    /// entry; nil before the preliminary merge.
    func issuedNotices(_ journal: RoundJournal.Contents) -> (answerBy: String, notices: [String: [UInt8]])? {
        guard let entry = journal.entries.first(where: { $0.kind == .preliminary }),
            let listed = RoundVerification.listedNotices(entry)
        else { return nil }
        return (
            listed.answerBy,
            Dictionary(listed.notices.map { ($0.unit, $0.fileHash) }, uniquingKeysWith: { a, _ in a })
        )
    }

    /// Checks one explanation and, if it passes, copies it into `explanations/` and journals it.
    ///
    /// - Throws: `format.*`, `envelope.bad-signature`, the binding errors of
    ///   ``ExplanationFile/checkBinding(to:notices:)``, ``InboxError`` `inbox.duplicate`, `inbox.stale`.
    func admitExplanation(_ path: String, secretary: SecretIdentity, now: String = Timestamp.now()) throws -> Outcome {
        let bytes = try FileIO.read(path, maxBytes: UnitExplanation.maxFileSize)
        let file = try ExplanationFile(parsing: bytes, file: path)
        let journal = try RoundJournal.load(
            roundDirectory: roundDirectory, secretaryKey: roster.secretary.signingKey, roundHash: roster.roundHash)
        let issued = issuedNotices(journal)
        try file.checkBinding(to: roster, notices: issued?.notices ?? [:])
        let unit = file.unit
        let hash = file.fileHash
        let earlier = journal.entries.filter { $0.kind == .receiveExplanation && $0.details["unit"] == .string(unit) }
        var previous: Int?
        for entry in earlier {
            if case .string(let hex)? = entry.details["fileHash"], let h = Hex.decode(hex),
                Sodium.constantTimeEqual(h, hash)
            {
                throw InboxError(.duplicate, [.file(path), .member(unit), .revision(file.revision)])
            }
            if case .integer(let r)? = entry.details["revision"] { previous = max(previous ?? 0, Int(r)) }
        }
        if let previous, file.revision <= previous {
            throw InboxError(
                .stale, [.file(path), .member(unit), .revision(file.revision), .revision(previous)],
                hint: ErrorHint(.inboxStale))
        }
        let layout = RoundLayout(roundDirectory)
        try FileIO.makeDirectory(layout.explanations, mode: 0o755)
        let target = FileIO.join(
            layout.explanations, RoundLayout.explanationFileName(unit: unit, revision: file.revision))
        // Not journaled (the revision is above every journaled one): a leftover of an interrupted receive.
        try FileIO.writeAtomically(bytes, to: target, mode: 0o644, replacing: true)
        let late = issued.map { now > $0.answerBy } ?? false
        var details: [String: JSONValue] = [
            "fileHash": .hex(hash), "late": .bool(late), "revision": .integer(Int64(file.revision)),
            "unit": .string(unit),
        ]
        if let previous { details["supersedes"] = .integer(Int64(previous)) }
        do {
            try RoundJournal.append(
                roundDirectory: roundDirectory, event: .receiveExplanation, details: details, secretary: secretary)
        } catch {
            try? FileIO.remove(target)
            throw error
        }
        return .explanation(unit: unit, revision: file.revision, late: late)
    }
}

extension Inbox {
    /// True for a file the explanation phase receives (spec §12.2): an explanation (`.avx`), an
    /// evidence file (`.ave`, a member's is refused when it is checked, a unit's is received) or a
    /// second-round revision (`.av2`, refused when checked before the first `forward`).
    static func isExplanationPhaseFile(_ path: String) -> Bool {
        path.hasSuffix(RoundLayout.explanationExtension) || path.hasSuffix(RoundLayout.evidenceExtension)
            || path.hasSuffix(RoundLayout.secondExtension)
    }

    /// Receives a unit's evidence file (already checked: signature, round, recipient, the unit's
    /// key, context): the explanation of that revision must have been received; the file goes to
    /// `explanations/UNIT.rN.eK.ave`, journaled as `receive-explanation-evidence`. Which answer
    /// cites it is in the explanation's plaintext (checked when the secretary opens it, §12.5).
    ///
    /// - Throws: ``ExplanationError`` `inbox.evidence-without-explanation`, ``InboxError``
    ///   `inbox.duplicate`, ``EvidenceError`` `evidence.index-taken`.
    func admitUnitEvidence(_ checked: Evidence.Checked, secretary: SecretIdentity) throws -> Outcome {
        let path = checked.file.file
        let unit = checked.sender.id
        let revision = checked.context.revision
        let journal = try RoundJournal.load(
            roundDirectory: roundDirectory, secretaryKey: roster.secretary.signingKey, roundHash: roster.roundHash)
        guard
            journal.entries.contains(where: {
                $0.kind == .receiveExplanation && $0.details["unit"] == .string(unit)
                    && $0.details["revision"] == .integer(Int64(revision))
            })
        else {
            throw ExplanationError(
                .inboxEvidenceWithoutExplanation, [.file(path), .text(unit), .text(String(revision))])
        }
        let folder = RoundLayout(roundDirectory).explanations
        let target = FileIO.join(folder, checked.canonicalName)
        let journaled = journal.entries.contains {
            $0.kind == .receiveExplanationEvidence && $0.details["unit"] == .string(unit)
                && $0.details["revision"] == .integer(Int64(revision))
                && $0.details["index"] == .integer(Int64(checked.context.index))
        }
        // Not journaled: a leftover of an interrupted receive, replaced.
        if FileIO.exists(target), !journaled { try FileIO.remove(target) }
        if FileIO.exists(target) {
            if (try? Evidence.hashFile(target)).map({ Sodium.constantTimeEqual($0, checked.fileHash) }) == true {
                throw InboxError(
                    .duplicate, [.file(path), .member(unit), .revision(revision), .text(String(checked.context.index))])
            }
            throw EvidenceError(.indexTaken, [.file(path), .text(checked.canonicalName)])
        }
        try FileIO.makeDirectory(folder, mode: 0o755)
        try Evidence.copy(checked.file, to: target, expecting: checked.fileHash)
        do {
            var details = Evidence.journalDetails(
                fileHash: checked.fileHash, member: unit, revision: revision, index: checked.context.index,
                size: checked.context.size)
            details["unit"] = details.removeValue(forKey: "member")
            try RoundJournal.append(
                roundDirectory: roundDirectory, event: .receiveExplanationEvidence, details: details,
                secretary: secretary)
        } catch {
            try? FileIO.remove(target)
            throw error
        }
        return .evidence(member: unit, revision: revision, index: checked.context.index)
    }
}
