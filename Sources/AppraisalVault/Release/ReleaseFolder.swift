internal import VaultCrypto

/// The release step over a round folder (spec §8.1): where approvals and the token live, and the
/// checks that tie them to the merged round.
///
/// ```
/// ROUND/approvals/HOLDER.ava     the holders' approvals (copied in by `release combine`)
/// ROUND/release-token.avt        the release token (mode 600: it opens the results)
/// ```
public enum ReleaseFolder {
    /// Largest approval or token file read.
    static let maxFileSize = max(ReleaseToken.maxFileSize, 1 << 20)

    /// A merged round: its definition and the hashes approvals bind to.
    struct Merged: Sendable {
        /// The verified round definition.
        let round: RoundDefinition
        /// The verified manifest.
        let manifest: Manifest
        /// BLAKE2b-256 of `manifest.avm`.
        let manifestHash: [UInt8]
        /// BLAKE2b-256 of `results.avl`.
        let resultsHash: [UInt8]
        /// The locked results' bytes.
        let resultsBytes: [UInt8]
        /// Their path.
        let resultsPath: String
    }

    /// Loads and checks a merged round: the definition, the manifest (signed by the secretary,
    /// for this round) and the locked results (hash listed in the manifest).
    ///
    /// - Throws: ``ReleaseError`` `release.not-merged` when there is no manifest yet,
    ///   `release.results-mismatch` when `results.avl` is not the file the manifest lists.
    static func loadMerged(_ roundDirectory: String) throws -> Merged {
        let round = try RoundDefinition.load(roundDirectory: roundDirectory)
        // On a machine that pinned this round, its journal must extend the pin (spec §11.2).
        if (try PinStore.current?.read(roundHash: round.fileHash)) != nil {
            _ = try RoundJournal.load(
                roundDirectory: roundDirectory, secretaryKey: round.secretary.signingKey, roundHash: round.fileHash)
        }
        let manifestPath = FileIO.join(roundDirectory, RoundLayout.manifestFileName)
        guard FileIO.exists(manifestPath) else { throw ReleaseError(.notMerged, [.file(roundDirectory)]) }
        let manifestBytes = try FileIO.read(manifestPath, maxBytes: 16 << 20)
        let manifest = try Manifest(
            parsing: manifestBytes, file: manifestPath, secretaryKey: round.secretary.signingKey)
        guard manifest.round == round.fileHash else { throw JournalError(.wrongRound, [.file(manifestPath)]) }
        let resultsPath = FileIO.join(roundDirectory, RoundLayout.resultsFileName)
        let resultsBytes = try FileIO.read(resultsPath, maxBytes: LockedResults.maxFileSize)
        let resultsHash = BLAKE2b.hash(resultsBytes, outputLength: 32)
        guard Sodium.constantTimeEqual(resultsHash, manifest.results) else {
            throw ReleaseError(.resultsMismatch, [.file(resultsPath), .file(manifestPath)])
        }
        return Merged(
            round: round, manifest: manifest, manifestHash: BLAKE2b.hash(manifestBytes, outputLength: 32),
            resultsHash: resultsHash, resultsBytes: resultsBytes, resultsPath: resultsPath)
    }

    /// A holder's approval of this merged round's results.
    static func approve(
        _ merged: Merged, holder: SecretIdentity, decision: String, created: String = Timestamp.now()
    ) throws -> [UInt8] {
        let envelope = try checkedResults(merged)
        return try Approval.create(
            policy: merged.round.release, roundHash: merged.round.fileHash, manifestHash: merged.manifestHash,
            resultsHash: merged.resultsHash, ephemeral: try ReleaseToken.binding(of: envelope).ephemeral,
            decision: decision, holder: holder, created: created)
    }

    /// The locked results, checked with public data (spec §8.7 steps 1–5).
    static func checkedResults(_ merged: Merged) throws -> SealedEnvelope {
        try LockedResults.check(
            merged.resultsBytes, file: merged.resultsPath, policy: merged.round.release,
            roundHash: merged.round.fileHash, secretary: merged.round.secretary)
    }

    /// Combines approval files into a token, and copies each counted approval into
    /// `ROUND/approvals/` (an identical copy already there is fine; a different one is refused),
    /// holding the round's lock (``RoundLock``).
    static func combine(
        _ merged: Merged, roundDirectory: String, approvals: [String], created: String = Timestamp.now()
    ) throws -> ReleaseToken.Combined {
        try RoundLock.exclusive(roundDirectory, command: "release combine") {
            try copyApprovals(merged, roundDirectory: roundDirectory, approvals: approvals, created: created)
        }
    }

    private static func copyApprovals(
        _ merged: Merged, roundDirectory: String, approvals: [String], created: String
    ) throws -> ReleaseToken.Combined {
        var files = [(bytes: [UInt8], file: String)]()
        for path in approvals { files.append((try FileIO.read(path, maxBytes: maxFileSize), path)) }
        let combined = try ReleaseToken.combine(
            files, policy: merged.round.release, roundHash: merged.round.fileHash, manifestHash: merged.manifestHash,
            results: try checkedResults(merged), created: created)
        let folder = FileIO.join(roundDirectory, RoundLayout.approvalsFolder)
        try FileIO.makeDirectory(folder, mode: 0o700)
        for (bytes, file) in files {
            let approval = try Approval(parsing: bytes, file: file)
            guard let holder = merged.round.release.holder(signingKey: approval.holderSigningKey) else { continue }
            let target = FileIO.join(folder, RoundLayout.approvalFileName(holder: holder.identity.id))
            if FileIO.exists(target) {
                if try FileIO.read(target, maxBytes: maxFileSize) == bytes { continue }
                throw FormatError(.fileExists, [.file(target)], hint: ErrorHint(.moveAway, [.file(target)]))
            }
            try FileIO.writeAtomically(bytes, to: target, mode: 0o600)
        }
        return combined
    }

    /// Verifies the token and the locked results, and decrypts the results.
    static func open(_ merged: Merged, tokenPath: String) throws -> (results: Results, token: ReleaseToken) {
        let token = try ReleaseToken(parsing: try FileIO.read(tokenPath, maxBytes: maxFileSize), file: tokenPath)
        let plain = try LockedResults.open(
            merged.resultsBytes, file: merged.resultsPath, token: token, policy: merged.round.release,
            roundHash: merged.round.fileHash, manifestHash: merged.manifestHash, secretary: merged.round.secretary)
        do {
            let results = try Results(json: try CanonicalJSON.parse(plain))
            guard results.round == merged.round.fileHash else {
                throw FieldReader.Failure(path: "round", reason: "another round")
            }
            return (results, token)
        } catch {
            throw FormatError(.header, [.file(merged.resultsPath), .text(String(describing: error))])
        }
    }
}
