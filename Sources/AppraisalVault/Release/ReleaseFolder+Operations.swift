/// The release commands over a round folder, each one operation (spec §8): approve, combine,
/// open, report.
extension ReleaseFolder {
    /// What ``approve(roundDirectory:keyFile:decision:out:unlock:)`` wrote.
    public struct Approved: Sendable {
        /// The approval file.
        public let path: String
        /// The holder who approved.
        public let holder: PublicIdentity
    }

    /// What ``combine(roundDirectory:approvals:out:)`` wrote.
    public struct Combination: Sendable {
        /// The release token file.
        public let path: String
        /// The ids of the holders whose approvals were counted, in x order.
        public let holders: [String]
        /// The round's threshold t.
        public let threshold: Int
        /// Things the person combining should know, e.g. an approval counted once.
        public let notices: [Notice]
    }

    /// A holder approves the release of a merged round (spec §8.2): checks that the key is one of
    /// the round's holders and that the output is free before the passphrase is asked.
    ///
    /// - Parameters:
    ///   - roundDirectory: the merged round folder.
    ///   - keyFile: the holder's key file, still locked.
    ///   - decision: the Committee's published decision the approval cites.
    ///   - out: the approval file to write; nil for `HOLDER.ava` in the current folder.
    ///   - unlock: unlocks `keyFile` (asks for the passphrase).
    /// - Returns: the approval file written and the holder who approved.
    /// - Throws: ``ReleaseError`` `release.not-merged`, `approve.not-holder`, `file.exists`, any
    ///   check of the locked results or the decision.
    public static func approve(
        roundDirectory: String, keyFile: KeyFile, decision: String, out: String?,
        unlock: (KeyFile) throws -> SecretIdentity
    ) throws -> Approved {
        let merged = try loadMerged(roundDirectory)
        guard merged.round.release.holder(signingKey: keyFile.identity.signingKey) != nil else {
            throw ReleaseError(.approveNotHolder, [.text(keyFile.identity.id)])
        }
        let path = out ?? RoundLayout.approvalFileName(holder: keyFile.identity.id)
        try FileIO.refuseExisting(path)
        let holder = try unlock(keyFile)
        let bytes = try approve(merged, holder: holder, decision: decision)
        try FileIO.writeAtomically(bytes, to: path, mode: 0o600)
        return Approved(path: path, holder: holder.identity)
    }

    /// Combines t approvals into the release token (spec §8.5) and copies the counted approvals
    /// into `ROUND/approvals/`, holding the round's lock (``RoundLock``).
    ///
    /// - Parameters:
    ///   - roundDirectory: the merged round folder.
    ///   - approvals: the approval files.
    ///   - out: the token file to write; nil for `ROUND/release-token.avt`.
    /// - Returns: the token file written, the holders whose approvals were counted, the round's
    ///   threshold and any notices.
    /// - Throws: ``ReleaseError`` `release.not-merged`, ``RoundError`` `round.locked`,
    ///   `file.exists`, any approval or token error.
    public static func combine(roundDirectory: String, approvals: [String], out: String?) throws -> Combination {
        try RoundLock.exclusive(roundDirectory, command: "release combine") {
            let merged = try loadMerged(roundDirectory)
            let path = out ?? RoundLayout(roundDirectory).token
            try FileIO.refuseExisting(path)
            let combined = try combine(merged, roundDirectory: roundDirectory, approvals: approvals)
            try FileIO.writeAtomically(combined.bytes, to: path, mode: 0o600)
            return Combination(
                path: path, holders: combined.holders, threshold: merged.round.release.threshold,
                notices: combined.notices)
        }
    }

    /// Verifies the token and the locked results, decrypts them and writes the results as
    /// canonical JSON to `out` (mode 600).
    ///
    /// - Parameters:
    ///   - roundDirectory: the released round folder.
    ///   - token: the token file; nil for `ROUND/release-token.avt`.
    ///   - out: the results file to write.
    /// - Returns: the results.
    /// - Throws: ``ReleaseError`` `release.not-merged`, any token or results error, a file error.
    public static func openResults(roundDirectory: String, token: String?, to out: String) throws -> Results {
        let merged = try loadMerged(roundDirectory)
        let (results, _) = try open(merged, tokenPath: token ?? RoundLayout(roundDirectory).token)
        try FileIO.writeAtomically(results.canonicalJSON() + [0x0a], to: out, mode: 0o600)
        return results
    }

    /// Opens the released results and writes the report in `format` to `out` (mode 644).
    ///
    /// - Throws: as ``openResults(roundDirectory:token:to:)``.
    public static func writeReport(
        roundDirectory: String, token: String?, format: ResultsReport.Format, to out: String
    ) throws {
        let merged = try loadMerged(roundDirectory)
        let (results, releaseToken) = try open(merged, tokenPath: token ?? RoundLayout(roundDirectory).token)
        let report = ResultsReport(
            round: merged.round, results: results, decision: releaseToken.decision, releasedAt: releaseToken.created)
        try FileIO.writeAtomically(try report.rendered(as: format), to: out, mode: 0o644)
    }
}
