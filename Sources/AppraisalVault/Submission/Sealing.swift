internal import VaultCrypto

/// A member's sealing step (spec §3.9, §5): check the filled worksheet against the
/// round, report every problem, and only then seal.
public enum Sealing {
    /// One problem found in a worksheet, ready to print.
    public struct Finding: Sendable {
        /// `file:line`, `file:line:column` for a problem in one cell, or `file` for a missing cell.
        public let location: String
        /// The cell concerned, if any.
        public let cell: Cell?
        /// What is wrong.
        public let text: Notice
    }

    /// Reads and checks a worksheet for `memberID`.
    ///
    /// - Returns: the appraisals and every problem found (empty when the worksheet can be sealed).
    /// - Throws: ``AppraisalError`` when the member is not in the round, or the file is unreadable as CSV.
    static func check(
        worksheet bytes: [UInt8], file: String, round: RoundDefinition, memberID: String
    ) throws -> (rows: [Appraisal], findings: [Finding]) {
        guard let member = round.member(memberID) else {
            throw SubmissionError(.sealNotMember, [.member(memberID)], hint: ErrorHint(.checkRound))
        }
        let (rows, problems, unreadable) = try WorksheetReader.read(bytes, file: file)
        var findings = problems.errors.map { Finding(location: "", cell: nil, text: Notice($0)) }
        let check = AppraisalCheck(
            plan: round.plan, assignedCells: round.cells(of: member))
        for p in check.problems(rows, alreadyReported: unreadable) {
            // A missing cell names itself; a row problem is prefixed with its line and cell.
            findings.append(
                Finding(
                    location: p.line == 0
                        ? file : p.column == 0 ? "\(file):\(p.line)" : "\(file):\(p.line):\(p.column)",
                    cell: p.line > 0 ? p.cell : nil, text: Notice(p.error)))
        }
        return (rows, findings)
    }

    /// Seals checked rows as `member`'s submission `revision` to the round's secretary.
    static func seal(
        _ rows: [Appraisal], round: RoundDefinition, member: SecretIdentity, revision: Int,
        attachments: [Evidence.Attachment] = [],
        created: String = Timestamp.now(), using random: any RandomSource = SystemRandom()
    ) throws -> [UInt8] {
        guard let listed = round.member(member.identity.id), listed.identity.signingKey == member.signingKey.publicKey
        else {
            throw SubmissionError(.sealNotMember, [.text(member.identity.id)], hint: ErrorHint(.checkRound))
        }
        let content = SubmissionContent(
            member: member.identity.id, revision: revision, round: round.fileHash, rows: rows, attachments: attachments)
        return try SealedEnvelope.seal(
            content.encoded(), kind: .submission, round: round.fileHash,
            context: ["revision": .integer(Int64(revision))],
            sender: member, recipient: round.secretary.encryptionKey, created: created, using: random)
    }

    /// The next revision for `member` given sealed files already in `folder` (named `M.rN.avs`).
    static func nextRevision(member: String, folder: String) -> Int {
        let names = (try? FileIO.list(folder)) ?? []
        let existing = names.compactMap { RoundLayout.parseSubmissionFileName($0) }.filter { $0.member == member }.map(
            \.revision)
        return (existing.max() ?? 0) + 1
    }
}
