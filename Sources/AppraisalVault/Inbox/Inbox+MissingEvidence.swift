/// The evidence a received submission lists that the round folder does not hold yet (spec §10.4):
/// `receive` warns about it, since the merge will refuse the round until it arrives (§10.6).
extension Inbox {
    /// An evidence file a live submission lists and `ROUND/evidence/` lacks.
    public struct MissingEvidence: Sendable, Hashable {
        /// The evidence file's name, `MEMBER.rN.eK.ave` (spec §10.3).
        public let fileName: String
        /// The document's name as the member attached it.
        public let document: String
    }

    /// The evidence files the submission `member` revision `revision` lists that are not in
    /// `ROUND/evidence/`, by index; empty when that revision is not the live one.
    ///
    /// The submission is opened with the secretary's key to read its list; nothing else of it is
    /// returned.
    ///
    /// - Throws: a file, envelope or content error of the live submission.
    public func missingEvidence(member: String, revision: Int, secretary: SecretIdentity) throws -> [MissingEvidence] {
        guard let entry = try live()[member], entry.revision == revision else { return [] }
        let path = FileIO.join(roundDirectory, RoundLayout.submissionsFolder, entry.fileName)
        let envelope = try SealedEnvelope(
            parsing: try FileIO.read(path, maxBytes: Inbox.maxSubmissionSize), expecting: .submission, file: path)
        let content = try SubmissionContent(
            parsing: try envelope.openSigned(with: secretary.encryptionKey).content, file: path)
        let folder = FileIO.join(roundDirectory, RoundLayout.evidenceFolder)
        return content.attachments.sorted { $0.index < $1.index }.compactMap { a in
            let name = RoundLayout.evidenceFileName(member: member, revision: revision, index: a.index)
            return FileIO.exists(FileIO.join(folder, name)) ? nil : MissingEvidence(fileName: name, document: a.name)
        }
    }
}
