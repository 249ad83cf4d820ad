internal import VaultCrypto

/// Receiving evidence files (spec §10.4): checked streaming, never decrypted.
extension Inbox {
    /// The order `receive` takes files in: every `.avs` (and anything else) before any `.ave`,
    /// otherwise as given, so a new revision is live before its evidence is checked against it.
    public static func receiveOrder(_ files: [String]) -> [String] {
        files.filter { !$0.hasSuffix(RoundLayout.evidenceExtension) }
            + files.filter { $0.hasSuffix(RoundLayout.evidenceExtension) }
    }

    func admitEvidence(_ path: String, secretary: SecretIdentity) throws -> Outcome {
        let checked = try Evidence.check(path, roster: roster)
        if checked.sender.role == .unit { return try admitUnitEvidence(checked, secretary: secretary) }
        // After the notices only a unit's evidence is received (spec §12.2).
        try requireOpen()
        let member = checked.sender.id
        let revision = checked.context.revision
        if !checked.bySecretary {
            guard let current = try live()[member] else {
                throw EvidenceError(.noSubmission, [.file(path), .member(member), .revision(revision)])
            }
            guard current.revision == revision else {
                throw EvidenceError(
                    .notLive, [.file(path), .member(member), .revision(revision), .revision(current.revision)])
            }
        }
        guard !Evidence.isMerged(roundDirectory) else {
            throw EvidenceError(.afterMerge, [.file(FileIO.join(roundDirectory, RoundLayout.manifestFileName))])
        }
        let folder = FileIO.join(roundDirectory, RoundLayout.evidenceFolder)
        let target = FileIO.join(folder, checked.canonicalName)
        if FileIO.exists(target) {
            if (try? Evidence.hashFile(target)).map({ Sodium.constantTimeEqual($0, checked.fileHash) }) == true {
                throw InboxError(
                    .duplicate,
                    [.file(path), .member(member), .revision(revision), .text(String(checked.context.index))])
            }
            throw EvidenceError(.indexTaken, [.file(path), .text(checked.canonicalName)])
        }
        try FileIO.makeDirectory(folder, mode: 0o755)
        try Evidence.copy(checked.file, to: target, expecting: checked.fileHash)
        do {
            try RoundJournal.append(
                roundDirectory: roundDirectory, event: .receiveEvidence,
                details: Evidence.journalDetails(
                    fileHash: checked.fileHash, member: member, revision: revision, index: checked.context.index,
                    size: checked.context.size),
                secretary: secretary)
        } catch {
            try? FileIO.remove(target)
            throw error
        }
        return .evidence(member: member, revision: revision, index: checked.context.index)
    }
}
