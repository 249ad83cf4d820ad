internal import VaultCrypto

/// Receiving the members' second-round revisions (spec §12.6 "Receive"): checked without
/// decrypting, kept in `second/` (every revision, the highest one live), journaled as
/// `receive-second`; only once explanations were forwarded (phase `second-appraisal`, §12.2).
extension Inbox {
    /// Checks one second-round revision and, if it passes, copies it into `second/` and journals it.
    ///
    /// - Throws: `format.*`, `envelope.bad-signature`, the binding errors of
    ///   ``SecondAppraisalFile/checkBinding(to:)``, ``SecondAppraisalError``
    ///   `inbox.second-before-forward`, ``InboxError`` `inbox.duplicate`, `inbox.stale`.
    func admitSecond(_ path: String, secretary: SecretIdentity) throws -> Outcome {
        let bytes = try FileIO.read(path, maxBytes: SecondAppraisal.maxFileSize)
        let file = try SecondAppraisalFile(parsing: bytes, file: path)
        let journal = try RoundJournal.load(
            roundDirectory: roundDirectory, secretaryKey: roster.secretary.signingKey, roundHash: roster.roundHash)
        guard journal.entries.contains(where: { $0.kind == .forward }) else {
            throw SecondAppraisalError(.inboxBeforeForward, [.file(path)])
        }
        try file.checkBinding(to: roster)
        let member = file.member
        let hash = file.fileHash
        var previous: Int?
        for entry in journal.entries where entry.kind == .receiveSecond && entry.details["member"] == .string(member) {
            if case .string(let hex)? = entry.details["fileHash"], let h = Hex.decode(hex),
                Sodium.constantTimeEqual(h, hash)
            {
                throw InboxError(.duplicate, [.file(path), .member(member), .revision(file.revision)])
            }
            if case .integer(let r)? = entry.details["revision"] { previous = max(previous ?? 0, Int(r)) }
        }
        if let previous, file.revision <= previous {
            throw InboxError(
                .stale, [.file(path), .member(member), .revision(file.revision), .revision(previous)],
                hint: ErrorHint(.inboxStale))
        }
        let layout = RoundLayout(roundDirectory)
        try FileIO.makeDirectory(layout.second, mode: 0o755)
        let target = FileIO.join(layout.second, RoundLayout.secondFileName(member: member, revision: file.revision))
        // Not journaled (the revision is above every journaled one): a leftover of an interrupted receive.
        try FileIO.writeAtomically(bytes, to: target, mode: 0o644, replacing: true)
        var details: [String: JSONValue] = [
            "fileHash": .hex(hash), "member": .string(member), "revision": .integer(Int64(file.revision)),
        ]
        if let previous { details["supersedes"] = .integer(Int64(previous)) }
        do {
            try RoundJournal.append(
                roundDirectory: roundDirectory, event: .receiveSecond, details: details, secretary: secretary)
        } catch {
            try? FileIO.remove(target)
            throw error
        }
        return .second(member: member, revision: file.revision, previous: previous)
    }
}
