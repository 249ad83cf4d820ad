internal import VaultCrypto

/// Spec §9.2 steps 16–18: release approvals and the release token.
extension RoundVerification {
    /// The hashes approvals and the token must bind (spec §8.3), computed from the files in the
    /// folder, never read from the approval; nil before the merge.
    var releaseBinding: (manifest: [UInt8], results: [UInt8], envelope: SealedEnvelope)? {
        guard let manifest, let results, let envelope = results.envelope else { return nil }
        return (manifest.fileHash, results.fileHash, envelope)
    }

    // MARK: - Steps 16–17: approvals

    mutating func checkApprovals() {
        let folder = RoundLayout.approvalsFolder
        let names = FileIO.isDirectory(path(folder)) ? ((try? FileIO.listVisible(path(folder))) ?? []) : []
        guard !names.isEmpty else { return notYet("approval.count", folder, .noApprovals) }
        var counted = [Ed25519.PublicKey: (holder: String, file: String)]()
        var decisions = [String: String]()  // decision -> first file citing it
        var notes = [Notice]()  // the same key twice counts once (spec §8.5 step 3)
        for name in names {
            let subject = folder + "/" + name
            guard let binding = releaseBinding else {
                fail("approval.verify", subject, .releaseBeforeMerge, [subject])
                continue
            }
            do {
                let bytes = try FileIO.read(path(folder, name), maxBytes: Approval.maxFileSize)
                let approval = try Approval(parsing: bytes, file: subject)
                let holder = try approval.verify(
                    policy: round.release, roundHash: round.fileHash, manifestHash: binding.manifest,
                    resultsHash: binding.results, ephemeral: try ReleaseToken.binding(of: binding.envelope).ephemeral)
                pass(
                    "approval.verify", subject, .approvalOK, [holder.identity.id, String(holder.x), approval.decision])
                if let first = counted[approval.holderSigningKey] {
                    notes.append(
                        Notice(
                            Notice.Code.approvalCountedOnce,
                            [.member(holder.identity.id), .text(subject), .file(first.file)]))
                } else {
                    counted[approval.holderSigningKey] = (holder.identity.id, subject)
                }
                if decisions[approval.decision] == nil { decisions[approval.decision] = subject }
            } catch {
                fail("approval.verify", subject, error)
            }
        }
        if decisions.count > 1 {
            let files = decisions.values.sorted()
            return fail("approval.count", folder, .approvalsDiffer, [files[0], files[1]])
        }
        let holders = round.release.holders.filter { counted[$0.identity.signingKey] != nil }.map(\.identity.id)
        let listed = holders.isEmpty ? "–" : holders.joined(separator: ", ")
        if counted.count >= round.threshold {
            pass("approval.count", folder, .approvalsEnough, [String(counted.count), listed, String(round.threshold)])
        } else {
            notYet("approval.count", folder, .approvalsSoFar, [String(counted.count), listed, String(round.threshold)])
        }
        for note in notes { record("approval.count", folder, .passed, note) }
    }

    // MARK: - Step 18: token

    mutating func checkToken() {
        let subject = RoundLayout.tokenFileName
        guard FileIO.exists(path(subject)) else { return notYet("token.verify", subject, .noToken) }
        guard let binding = releaseBinding else { return fail("token.verify", subject, .releaseBeforeMerge, [subject]) }
        do {
            let bytes = try FileIO.read(path(subject), maxBytes: ReleaseToken.maxFileSize)
            let token = try ReleaseToken(parsing: bytes, file: subject)
            releasePartials = try token.verify(
                policy: round.release, roundHash: round.fileHash, manifestHash: binding.manifest,
                results: binding.envelope)
            let keys = Set(token.approvals.map(\.holderSigningKey))
            let holders = round.release.holders.filter { keys.contains($0.identity.signingKey) }.map(\.identity.id)
            pass(
                "token.verify", subject, .tokenOK,
                [String(holders.count), holders.joined(separator: ", "), String(round.threshold), token.decision])
        } catch {
            fail("token.verify", subject, error)
        }
    }
}
