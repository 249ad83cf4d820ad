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
