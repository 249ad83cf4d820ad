internal import VaultCrypto

/// The merge's evidence checks (spec §10.6): every listed attachment present and exactly the
/// file the member signed for, nothing unlisted; all without decrypting.
extension Evidence {
    /// Checks `evidence/` against the live submissions' lists and returns the manifest entries.
    ///
    /// - Parameters:
    ///   - roundDirectory: the round folder.
    ///   - roster: the round's roster, which the evidence files' senders are checked against.
    ///   - listed: each live submission's member → its revision and attachments.
    /// - Returns: the manifest entries of the listed evidence files, by member then index.
    /// - Throws: ``EvidenceError`` `evidence.stray-file`; ``MergeError`` `merge.missing-evidence`,
    ///   `merge.evidence-mismatch`, `merge.unlisted-evidence`; or the file's own error.
    static func checkForMerge(
        roundDirectory: String, roster: Roster, listed: [String: (revision: Int, attachments: [Attachment])]
    ) throws -> [Manifest.EvidenceEntry] {
        let folder = FileIO.join(roundDirectory, RoundLayout.evidenceFolder)
        var present = [String: (member: String, revision: Int, index: Int)]()
        for name in try list(folder) {
            guard let parsed = RoundLayout.parseEvidenceFileName(name) else {
                throw EvidenceError(.strayFile, [.file(FileIO.join(folder, name))])
            }
            present[name] = parsed
        }
        var entries = [Manifest.EvidenceEntry]()
        var expected = Set<String>()
        for (member, submission) in listed.sorted(by: { $0.key < $1.key }) {
            for a in submission.attachments {
                let name = RoundLayout.evidenceFileName(member: member, revision: submission.revision, index: a.index)
                let path = FileIO.join(folder, name)
                expected.insert(name)
                guard present[name] != nil else {
                    throw MergeError(
                        .missingEvidence,
                        [
                            .file(path), .member(member), .revision(submission.revision), .text(String(a.index)),
                            .text(a.name),
                        ])
                }
                let checked = try check(path, roster: roster)
                guard checked.sender.id == member, !checked.bySecretary,
                    Sodium.constantTimeEqual(checked.fileHash, a.fileHash),
                    checked.context
                        == Context(index: a.index, name: a.name, revision: submission.revision, size: a.size)
                else {
                    throw MergeError(
                        .evidenceMismatch,
                        [.file(path), .member(member), .revision(submission.revision), .text(String(a.index))])
                }
                entries.append(
                    .init(member: member, revision: submission.revision, index: a.index, fileHash: checked.fileHash))
            }
        }
        for (name, parsed) in present.sorted(by: { $0.key < $1.key }) where !expected.contains(name) {
            let path = FileIO.join(folder, name)
            guard parsed.member == roster.secretary.id else {
                throw MergeError(
                    .unlistedEvidence, [.file(path), .member(parsed.member), .revision(parsed.revision)],
                    hint: ErrorHint(.unlistedEvidence))
            }
            let checked = try check(path, roster: roster)
            guard checked.bySecretary, checked.canonicalName == name else {
                throw MergeError(
                    .evidenceMismatch,
                    [.file(path), .member(parsed.member), .revision(parsed.revision), .text(String(parsed.index))])
            }
            entries.append(.init(member: parsed.member, revision: 1, index: parsed.index, fileHash: checked.fileHash))
        }
        return entries
    }
}
