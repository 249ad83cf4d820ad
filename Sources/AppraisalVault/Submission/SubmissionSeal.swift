/// A member's `seal` (spec §3.9, §5, §10.3), in two steps: ``prepare(worksheet:round:keyFile:out:revision:attachments:)``
/// checks everything that needs no passphrase (the worksheet against the round, the output
/// names, the attachments), then ``seal(as:removingWorksheet:)`` signs and encrypts to the
/// round's secretary and writes the files, all or nothing.
public struct SubmissionSeal: Sendable {
    /// Every problem found in a worksheet: nothing was sealed.
    public struct Problems: Error, Sendable {
        /// The problems, in the order found.
        public let findings: [Sealing.Finding]
        /// The one-line summary (`seal.problems`, naming the file and the count).
        public let summary: SubmissionError
    }

    /// What ``seal(as:removingWorksheet:)`` wrote.
    public struct Sealed: Sendable {
        /// One sealed evidence file.
        public struct Attachment: Sendable {
            /// The sealed file written.
            public let path: String
            /// The document's evidence name.
            public let name: String
            /// The document's size in bytes.
            public let size: Int
        }

        /// The sealed submission.
        public let path: String
        /// Its revision.
        public let revision: Int
        /// The sealed evidence files, in index order.
        public let attachments: [Attachment]
        /// True when the plaintext worksheet was deleted.
        public let removedWorksheet: Bool
    }

    /// The round sealed to.
    public let round: RoundDefinition
    /// The worksheet file.
    public let worksheet: String
    /// The submission file that will be written.
    public let path: String
    /// The revision it will carry.
    public let revision: Int
    /// The checked appraisals.
    let rows: [Appraisal]
    /// The attachments, checked, with their output names.
    let planned: [Evidence.Planned]

    /// The number of appraised rows on the worksheet.
    public var rowCount: Int { rows.count }

    /// Checks the worksheet and plans the output, without any secret.
    ///
    /// - Parameters:
    ///   - worksheet: the filled worksheet (CSV).
    ///   - round: the verified round definition.
    ///   - keyFile: the member's key file, still locked (its public half names the member).
    ///   - out: the submission file to write; nil for `MEMBER.rN.avs` in the current folder.
    ///   - revision: the revision; nil for one more than the highest `MEMBER.rN.avs` beside the
    ///     output.
    ///   - attachments: evidence documents, sealed next to the submission as `MEMBER.rN.eK.ave`.
    /// - Returns: the checked plan; ``seal(as:removingWorksheet:)`` writes it.
    /// - Throws: ``Problems`` listing every problem in the worksheet, or ``AppraisalError``
    ///   `seal.not-member`, `file.exists`, `evidence.*`, a file error.
    public static func prepare(
        worksheet: String, round: RoundDefinition, keyFile: KeyFile, out: String?, revision: Int?, attachments: [String]
    ) throws -> SubmissionSeal {
        let memberID = keyFile.identity.id
        let bytes = try FileIO.read(worksheet, maxBytes: 64 << 20)
        let (rows, findings) = try Sealing.check(worksheet: bytes, file: worksheet, round: round, memberID: memberID)
        guard findings.isEmpty else {
            throw Problems(
                findings: findings,
                summary: SubmissionError(.sealProblems, [.text(worksheet), .text(String(findings.count))]))
        }
        let folder = out.map { FileIO.split($0).directory } ?? "."
        let revision = revision ?? Sealing.nextRevision(member: memberID, folder: folder)
        let path = out ?? FileIO.join(folder, RoundLayout.submissionFileName(member: memberID, revision: revision))
        try FileIO.refuseExisting(path)
        let planned = try Evidence.plan(
            attachments, member: memberID, revision: revision, folder: FileIO.split(path).directory)
        return SubmissionSeal(
            round: round, worksheet: worksheet, path: path, revision: revision, rows: rows, planned: planned)
    }

    /// Seals the evidence (streaming) and the submission as `member`, then writes the
    /// submission; on any failure nothing is left behind.
    ///
    /// - Parameters:
    ///   - member: the unlocked member identity.
    ///   - removingWorksheet: deletes the plaintext worksheet once the submission is written.
    /// - Returns: the sealed submission and evidence files written, and whether the worksheet was
    ///   deleted.
    /// - Throws: ``SubmissionError`` `seal.not-member`, a file error.
    public func seal(as member: SecretIdentity, removingWorksheet: Bool) throws -> Sealed {
        let attachments = try Evidence.seal(
            planned, revision: revision, round: round.fileHash, sender: member, recipient: round.secretary.encryptionKey
        )
        do {
            let sealed = try Sealing.seal(
                rows, round: round, member: member, revision: revision, attachments: attachments)
            try FileIO.writeAtomically(sealed, to: path, mode: 0o644)
        } catch {
            Evidence.removeAll(planned.map(\.output))  // nothing partial
            throw error
        }
        if removingWorksheet { try FileIO.remove(worksheet) }
        return Sealed(
            path: path, revision: revision,
            attachments: zip(planned, attachments).map {
                Sealed.Attachment(path: $0.output, name: $1.name, size: $1.size)
            },
            removedWorksheet: removingWorksheet)
    }
}
