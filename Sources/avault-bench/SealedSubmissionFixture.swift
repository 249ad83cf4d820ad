import VaultCrypto

@testable import AppraisalVault

/// The one-file case of P4: a 16 KB sealed submission of a synthetic round (29 units × 72
/// sub-criteria × 8 members), written under its proper name, and the same file signed with a
/// fresh minisign key (`mini.pub` beside it) for `minisign -V` to check.
struct SealedSubmissionFixture {
    /// The synthetic round; the caller removes it (``SyntheticRound/remove()``).
    let round: SyntheticRound
    /// The sealed submission (`MEMBER.r1.avs` in the folder given).
    let file: String
    /// The sender's signing key, hex.
    let senderKey: String
    /// The file's size in bytes.
    let size: Int

    /// Writes the fixture into `folder`; with `minisign`, also `mini.pub`, `mini.key` and the
    /// file's `.minisig` there.
    init(in folder: String, minisign: Bool) throws {
        round = try SyntheticRound(units: 29, subCriteria: 72, members: 8)
        let member = round.members[0]
        let bytes = try Sealing.seal(
            round.rows[member.identity.id]!, round: round.definition, member: member, revision: 1,
            created: SyntheticRound.created)
        file = folder + "/" + RoundLayout.submissionFileName(member: member.identity.id, revision: 1)
        senderKey = Hex.encode(member.signingKey.publicKey.rawRepresentation)
        size = bytes.count
        try FileIO.writeAtomically(bytes, to: file)
        if minisign {
            let q = BenchSupport.quote
            try BenchSupport.shell(
                "cd \(q(folder)) && minisign -G -W -f -p mini.pub -s mini.key >/dev/null && "
                    + "minisign -S -s mini.key -m \(q(file)) >/dev/null")
        }
    }
}
