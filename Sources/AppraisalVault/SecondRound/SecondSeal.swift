/// What `worksheet --second` and `seal --second` share (spec §12.6): the member's forwarded
/// explanations, checked and opened, as the items of the second-round sheet.
public enum SecondSeal {
    /// The member `key` is for: a member of `round` whose identity is exactly the round's.
    ///
    /// - Throws: ``SecondAppraisalError`` `second.not-a-member` (a unit's, holder's or the
    ///   secretary's key, or a member key the round does not list).
    public static func member(_ key: KeyFile, file: String, in round: RoundDefinition) throws -> Member {
        guard key.identity.role == .member, let member = round.member(key.identity.id),
            member.identity == key.identity
        else {
            throw SecondAppraisalError(
                .notAMember, [.file(file), .text(key.identity.id), .text(key.identity.role.rawValue)])
        }
        return member
    }

    /// The forwarded files, read and checked before any passphrase: each bound to `round`
    /// (§12.5) and addressed to `member`.
    ///
    /// - Throws: `file.*`, `format.*`, `envelope.bad-signature`, ``ForwardError`` binding errors,
    ///   ``SecondAppraisalError`` `second.forwarded-other-member`.
    public static func load(_ paths: [String], member: Member, round: RoundDefinition) throws
        -> [ForwardedExplanationFile]
    {
        try paths.map { path in
            let file = try ForwardedExplanationFile.load(path)
            try file.checkBinding(to: round)
            guard file.member == member.id else {
                throw SecondAppraisalError(.forwardedOtherMember, [.file(path), .text(file.member), .text(member.id)])
            }
            return file
        }
    }

    /// Opens `files` with the member's key: the sheet's items, file by file in the order given,
    /// each file's items in its order.
    ///
    /// - Throws: `envelope.*`, ``ForwardError`` `forward.malformed`, `forward.content-mismatch`,
    ///   ``SecondAppraisalError`` `second.forwarded-twice` (one cell in two files given).
    public static func items(_ files: [ForwardedExplanationFile], key: SecretIdentity) throws -> [SecondSheet.Item] {
        var items = [SecondSheet.Item]()
        var seen = Set<Cell>()
        for file in files {
            let opened = try file.open(with: key)
            for i in opened.items {
                guard seen.insert(Cell(unit: opened.unit, code: i.code)).inserted else {
                    throw SecondAppraisalError(
                        .forwardedTwice, [.file(file.envelope.file), .text("\(opened.unit)/\(i.code)")])
                }
                items.append(
                    SecondSheet.Item(
                        unit: opened.unit, code: i.code, explanation: file.fileHash, selfScore: i.selfScore,
                        score: i.score, reason: i.reason, text: i.text, attachments: i.attachments.map(\.name)))
            }
        }
        return items
    }

    /// Seals `rows` from the member to the round's secretary and writes `output` atomically
    /// (0644, never overwriting). The plaintext is read back with the strict reader first.
    ///
    /// - Returns: the revision as sealed.
    public static func seal(
        _ rows: [SecondAppraisal.Row], round: RoundDefinition, member: SecretIdentity, revision: Int, output: String
    ) throws -> SecondAppraisal {
        let second = SecondAppraisal(round: round.fileHash, member: member.identity.id, revision: revision, rows: rows)
        _ = try SecondAppraisal(parsing: CanonicalJSON.serialize(second.json), file: output)
        try FileIO.writeAtomically(
            SecondAppraisalFile.seal(second, member: member, to: round.secretary), to: output, mode: 0o644)
        return second
    }
}
