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
        try recogniseWrongFile(bytes, file: file, round: round, member: member)
        let workbook = XLSXReader.looksLikeWorkbook(bytes)
        let (rows, problems, unreadable) =
            if workbook {
                try WorksheetReader.xlsx(bytes, file: file, issued: Worksheet.sheet(for: member, in: round))
            } else {
                try WorksheetReader.read(bytes, file: file)
            }
        // Another member's worksheet: every cell found is theirs and none is this member's.
        let found = Set(rows.map { Cell(unit: $0.unit, code: $0.code) }).union(unreadable)
        let mine = Set(round.cells(of: member))
        if !found.isEmpty, found.isDisjoint(with: mine),
            let owner = round.members.first(where: {
                $0.id != member.id && found.isSubset(of: Set(round.cells(of: $0)))
            })
        {
            throw SubmissionError(.sealOtherMember, [.file(file), .member(owner.id), .member(member.id)])
        }
        var findings = problems.errors.map { Finding(location: "", cell: nil, text: Notice($0)) }
        let check = AppraisalCheck(
            plan: round.plan, assignedCells: round.cells(of: member))
        for p in check.problems(rows, alreadyReported: unreadable) {
            // A missing cell names itself; a row problem is prefixed with its line and cell.
            findings.append(
                Finding(
                    location: p.line == 0
                        ? file
                        : workbook
                            ? "\(file)!\(SheetCell.name(row: p.line, column: max(1, p.column)))"
                            : p.column == 0 ? "\(file):\(p.line)" : "\(file):\(p.line):\(p.column)",
                    cell: p.line > 0 ? p.cell : nil, text: Notice(p.error)))
        }
        return (rows, findings)
    }

    /// Refuses, with one clear message instead of a page of cell problems, the common wrong
    /// files: an avault file (a public key above all), and an XLSX worksheet issued to another
    /// member (its cell B2 names them).
    static func recogniseWrongFile(_ bytes: [UInt8], file: String, round: RoundDefinition, member: Member) throws {
        if bytes.starts(with: Container.magic.prefix(6)) {
            let kind = bytes.count > 8 ? ArtifactKind(rawValue: bytes[8]) : nil
            if kind == .publicIdentity { throw SubmissionError(.sealPublicKeyFile, [.file(file)]) }
            throw SubmissionError(.sealAvaultFile, [.file(file), .text(kind?.name ?? "?")])
        }
        guard XLSXReader.looksLikeWorkbook(bytes), let sheet = try? XLSXReader.firstSheet(bytes, file: file),
            case .text(let named)? = sheet[2]?[2]
        else { return }
        let issued = "\(member.identity.name) (\(member.id))"
        if named != issued, let owner = round.members.first(where: { named.hasSuffix("(\($0.id))") }) {
            throw SubmissionError(.sealOtherMember, [.file(file), .member(owner.id), .member(member.id)])
        }
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
