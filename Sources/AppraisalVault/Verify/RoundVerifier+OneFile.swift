internal import VaultCrypto

/// Spec §9.7: one sealed submission file checked against a round, as `minisign -V` checks one
/// file against a key (`avault verify FILE --round R`).
extension RoundVerifier {
    /// Checks one sealed submission file against the round definition of `round` (a round
    /// folder, or a member's copy of `round.avr`): checks 1–2 of the round definition, 3–5a of
    /// the journal when `round` is a folder holding one (so this machine's pin can anchor it), then
    /// checks 6–8 of the file — its name, its outer signature, and its binding to the round (round,
    /// recipient, sender and key in the roster, revision, the name against sender and revision),
    /// exactly as `verify` checks each file of `submissions/`. Nothing is decrypted and no lock is
    /// taken (the files read are only ever replaced whole).
    ///
    /// - Parameters:
    ///   - file: the sealed submission file (`MEMBER.rN.avs`).
    ///   - round: the round folder or round definition file.
    ///   - expectedFingerprint: the round fingerprint the reader was told, or nil.
    /// - Returns: the checks, in order; the report's subject of the file's checks is `file`.
    /// - Throws: ``RoundError`` `round.no-folder` when `round` does not exist; the read errors of
    ///   `file` (`file.not-found`, `file.too-large`, …); every other problem is a failed check.
    public static func verify(
        file: String, round: String, expectedFingerprint: Fingerprint? = nil
    ) throws -> VerificationReport {
        guard FileIO.exists(round) else { throw RoundError(.noFolder, [.file(round)]) }
        let definitionPath =
            FileIO.isDirectory(round) ? FileIO.join(round, RoundLayout.definitionFileName) : round
        let bytes = try FileIO.read(file, maxBytes: Inbox.maxSubmissionSize)
        // A member's copy of the definition is named as given; in a folder, as verify names it.
        let roundFile = FileIO.isDirectory(round) ? RoundLayout.definitionFileName : round
        let definitionBytes: [UInt8]
        do {
            definitionBytes = try FileIO.read(definitionPath, maxBytes: RoundDefinition.maxHeaderLength + 4096)
        } catch {
            return .unreadableRound(roundFile, hash: nil, error)
        }
        let definition: RoundDefinition
        do {
            definition = try RoundDefinition(parsing: definitionBytes, file: roundFile)
        } catch {
            return .unreadableRound(roundFile, hash: BLAKE2b.hash(definitionBytes, outputLength: 32), error)
        }
        var run = RoundVerification(directory: RoundLayout(folderOrDefinition: round).directory, round: definition)
        run.checkRound(expectedFingerprint: expectedFingerprint)
        // A folder is anchored by this machine's pin as `verify ROUND` is; a pinned round whose
        // journal is gone fails `journal.pin` (a rollback, §11.2).
        if FileIO.isDirectory(round) {
            if FileIO.exists(RoundLayout(round).journal) { run.checkJournal() }
            run.checkPin()
        }
        var liveMembers = Set<String>()
        run.checkSubmission(
            folder: "", name: FileIO.split(file).base, subject: file,
            loaded: RoundVerification.load(bytes: bytes, subject: file), liveMembers: &liveMembers)
        return VerificationReport(
            roundHash: definition.fileHash, fingerprint: definition.fingerprint, checks: run.checks,
            anchor: VerificationReport.Anchor(checks: run.checks))
    }
}
