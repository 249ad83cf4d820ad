internal import VaultCrypto

/// The release token (spec §8.4): t or more holders' approvals, verbatim. It holds no key.
///
/// A token has no author: it is an **unsigned** container of kind `release-token` whose body is
/// empty. Its integrity is self-evident, because a reader recomputes everything from the embedded
/// approvals and the round: each approval's signature, binding and proof, the distinct-key count,
/// and (when opening) the file key from the partials against the results' key commitment.
///
/// Security notes:
/// - A token opens exactly one results file: its partials are decryptions of that file's
///   ephemeral point, so after a re-merge it is worthless (`token.wrong-results`, and the proofs
///   fail for the new point). Treat it like the results themselves until they are published.
/// - Thresholds count distinct holder **signing keys**, never ids or files (TUF GHSA-pwqf-9h7j-7mv8,
///   in-toto PR 201): the same key twice counts once and is reported.
struct ReleaseToken: Sendable {
    /// The embedded approvals, parsed, in increasing x.
    let approvals: [Approval]
    /// When the token was made (informational).
    let created: String
    /// The decision reference every approval cites.
    let decision: String
    /// File hash of `manifest.avm`.
    let manifest: [UInt8]
    /// File hash of `results.avl`.
    let results: [UInt8]
    /// File hash of the round definition.
    let round: [UInt8]
    /// The path or label, for messages.
    let file: String

    /// The largest token file accepted: 32 approvals in hex plus the fixed fields.
    static let maxFileSize = 2 * Approval.maxFileSize * CeremonyPlan.maxHolders + 4096

    /// The outcome of ``combine(_:policy:roundHash:manifestHash:results:created:)``.
    struct Combined: Sendable {
        /// The token file's bytes.
        let bytes: [UInt8]
        /// The round definition ids of the holders whose approvals were counted, in x order.
        let holders: [String]
        /// Things the person combining should know, e.g. an approval counted once.
        let notices: [Notice]
    }

    // MARK: - Combining

    /// Builds a release token from holders' approval files (spec §8.5).
    ///
    /// Checks, in order; the first failure stops:
    /// 1. each approval parses and verifies against these results
    ///    (``Approval/verify(policy:roundHash:manifestHash:resultsHash:ephemeral:)``; a forged
    ///    partial is `approval.bad-proof`, naming its holder);
    /// 2. all approvals cite the same decision text (`approval.decision-differs`);
    /// 3. approvals are grouped by signing key; a key seen again counts once
    ///    (notice `approval.counted-once`);
    /// 4. at least t distinct keys (`approval.not-enough`, saying how many more and who has not
    ///    approved);
    /// 5. the partials combine to the results' file key (``partials``; `envelope.commitment`).
    ///
    /// - Parameters:
    ///   - files: The approval files with their paths (for messages), in any order.
    ///   - policy: The round's release policy.
    ///   - roundHash: The round definition's file hash.
    ///   - manifestHash: The file hash of `manifest.avm`.
    ///   - results: The checked locked results (``LockedResults/check(_:file:policy:roundHash:secretary:)``).
    ///   - created: RFC 3339 UTC time.
    /// - Returns: The token bytes, the holders counted and any notices.
    /// - Throws: ``ReleaseError``: the approval errors, `approval.decision-differs`,
    ///   `approval.not-enough`; ``EnvelopeError`` `envelope.commitment`.
    static func combine(
        _ files: [(bytes: [UInt8], file: String)], policy: ReleasePolicy, roundHash: [UInt8], manifestHash: [UInt8],
        results: SealedEnvelope, created: String = Timestamp.now()
    ) throws -> Combined {
        let (resultsHash, ephemeral) = try binding(of: results)
        var approvals = [Approval]()
        var entries = [Ed25519.PublicKey: ReleasePolicy.Holder]()
        for (bytes, file) in files {
            let approval = try Approval(parsing: bytes, file: file)
            let entry = try approval.verify(
                policy: policy, roundHash: roundHash, manifestHash: manifestHash, resultsHash: resultsHash,
                ephemeral: ephemeral)
            approvals.append(approval)
            entries[approval.holderSigningKey] = entry
        }
        try checkSameDecision(approvals, entries: entries, as: approvals.first?.decision)
        var notices = [Notice]()
        var distinct = [Ed25519.PublicKey: Approval]()
        for approval in approvals {
            if let first = distinct[approval.holderSigningKey] {
                let name = entries[approval.holderSigningKey]!.identity.id
                notices.append(
                    Notice(Notice.Code.approvalCountedOnce, [.text(name), .file(approval.file), .file(first.file)]))
            } else {
                distinct[approval.holderSigningKey] = approval
            }
        }
        let counted = distinct.values.sorted { $0.x < $1.x }
        try checkThreshold(counted, policy: policy)
        // The partials must open this file (they do when every proof held; checked, not assumed).
        let key = try SealedEnvelope.fileKey(
            of: results.header, kind: .lockedResults, jointKey: policy.jointKey, partials: partials(counted),
            file: results.file)
        key.wipe()
        let header = JSONValue.object([
            "approvals": .array(counted.map { .hex($0.bytes) }),
            "created": .string(created),
            "decision": .string(counted[0].decision),
            "manifest": .hex(manifestHash),
            "results": .hex(resultsHash),
            "round": .hex(roundHash),
        ])
        return Combined(
            bytes: Container.encode(kind: .releaseToken, header: header),
            holders: counted.map { entries[$0.holderSigningKey]!.identity.id }, notices: notices)
    }

    /// The results' file hash and ephemeral point `U` (spec §8.7).
    static func binding(of results: SealedEnvelope) throws -> (hash: [UInt8], ephemeral: Ristretto255.Point) {
        guard case .joint(_, let ephemeral) = results.header.keyTransport else {
            throw ReleaseError(.resultsWrongRecipient, [.file(results.file)])
        }
        return (results.fileHash, ephemeral)
    }

    /// The counted partials as `(x, D_x)`, for ``Ristretto255/KEM/decapsulate(ephemeral:jointKey:partials:context:)``.
    static func partials(_ approvals: [Approval]) -> [(index: UInt64, partial: Ristretto255.Point)] {
        approvals.map { (UInt64($0.x), $0.partial) }
    }

    /// Rejects approvals that cite different decision texts (compared byte for byte; both NFC).
    private static func checkSameDecision(
        _ approvals: [Approval], entries: [Ed25519.PublicKey: ReleasePolicy.Holder], as decision: String?,
        token: String? = nil
    ) throws {
        guard let decision, let reference = approvals.first else { return }
        for approval in approvals where Array(approval.decision.utf8) != Array(decision.utf8) {
            let name = entries[approval.holderSigningKey]?.identity.id ?? approval.holder
            if let token {
                throw ReleaseError(
                    .tokenDecisionDiffers, [.text(token), .text(name), .text(approval.decision), .text(decision)])
            }
            let first = entries[reference.holderSigningKey]?.identity.id ?? reference.holder
            throw ReleaseError(
                .approvalDecisionDiffers,
                [
                    .file(reference.file), .text(first), .text(decision), .file(approval.file), .text(name),
                    .text(approval.decision),
                ], hint: ErrorHint(.approvalSameDecision))
        }
    }

    /// Rejects fewer than t distinct holders, saying how many more are needed and from whom.
    private static func checkThreshold(_ distinct: [Approval], policy: ReleasePolicy) throws {
        guard distinct.count < policy.threshold else { return }
        let keys = Set(distinct.map(\.holderSigningKey))
        let have = policy.holders.filter { keys.contains($0.identity.signingKey) }.map(\.identity.id)
        let missing = policy.holders.filter { $0.verificationKey != nil && !keys.contains($0.identity.signingKey) }
            .map(\.identity.id)
        let more = policy.threshold - distinct.count
        throw ReleaseError(
            .approvalNotEnough,
            [
                .text(String(policy.threshold)), .text(String(distinct.count)),
                .text(have.isEmpty ? "–" : have.joined(separator: ", ")), .text(String(more)),
                .text(missing.joined(separator: ", ")),
            ], hint: ErrorHint(.releaseMoreHolders, [.text(String(more))]))
    }

    // MARK: - Parsing

    /// Parses a token strictly: kind `release-token`, an empty body, exactly the fields of
    /// spec §8.4, and every embedded approval parseable (not yet verified: see
    /// ``verify(policy:roundHash:manifestHash:results:)``).
    ///
    /// - Throws: ``FormatError`` format errors; `format.header` naming the field.
    init(parsing bytes: [UInt8], file: String) throws {
        guard bytes.count <= ReleaseToken.maxFileSize else {
            throw FormatError(
                .fileTooLarge, [.file(file), .text(String(bytes.count)), .text(String(ReleaseToken.maxFileSize))])
        }
        let container = try Container(
            parsing: bytes, expecting: .releaseToken, file: file, maxHeaderLength: ReleaseToken.maxFileSize)
        guard container.body.isEmpty else {
            throw FormatError(.trailing, [.file(file), .text(String(container.body.count))])
        }
        var items = [JSONValue]()
        do throws(FieldReader.Failure) {
            var r = try FieldReader(container.header)
            items = try r.array("approvals", maxCount: CeremonyPlan.maxHolders)
            guard !items.isEmpty else {
                throw FieldReader.Failure(path: "approvals", reason: "at least one approval is needed")
            }
            created = try r.timestamp("created")
            decision = try Approval.readDecision(from: &r)
            manifest = try r.hex("manifest", length: 32)
            results = try r.hex("results", length: 32)
            round = try r.hex("round", length: 32)
            try r.finish()
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
        var parsed = [Approval]()
        for (i, item) in items.enumerated() {
            guard case .string(let text) = item, text.utf8.count <= 2 * Approval.maxFileSize,
                let approvalBytes = Hex.decode(text)
            else {
                throw FormatError(
                    .header,
                    [.file(file), .text("field \"approvals[\(i)]\": expected an approval file in lowercase hex")])
            }
            parsed.append(try Approval(parsing: approvalBytes, file: "\(file) › approvals[\(i)]"))
        }
        approvals = parsed
        self.file = file
    }

    // MARK: - Verifying

    /// Verifies the token against the round and these results (spec §8.6).
    ///
    /// - Returns: The counted partials `(x, D_x)`.
    /// - Throws: as ``verify(policy:roundHash:manifestHash:resultsHash:ephemeral:)``.
    func verify(policy: ReleasePolicy, roundHash: [UInt8], manifestHash: [UInt8], results: SealedEnvelope) throws
        -> [(index: UInt64, partial: Ristretto255.Point)]
    {
        let (resultsHash, ephemeral) = try ReleaseToken.binding(of: results)
        return try verify(
            policy: policy, roundHash: roundHash, manifestHash: manifestHash, resultsHash: resultsHash,
            ephemeral: ephemeral)
    }

    /// Verifies the token against the round and the results with this file hash and ephemeral point.
    ///
    /// Checks, in order; the first failure stops:
    /// 1. `round`, `manifest`, `results` equal the given hashes (`token.wrong-round`,
    ///    `token.wrong-manifest`, `token.wrong-results`);
    /// 2. every embedded approval verifies against these results (the approval codes);
    /// 3. every approval cites the token's decision (`token.decision-differs`);
    /// 4. no two approvals share a signing key, and x increases (`token.duplicate-key`, `format.header`);
    /// 5. at least t approvals (`approval.not-enough`).
    ///
    /// - Returns: The counted partials `(x, D_x)`.
    /// - Throws: ``AppraisalError`` with the codes above.
    func verify(
        policy: ReleasePolicy, roundHash: [UInt8], manifestHash: [UInt8], resultsHash: [UInt8],
        ephemeral: Ristretto255.Point
    ) throws -> [(index: UInt64, partial: Ristretto255.Point)] {
        guard round == roundHash else {
            throw ReleaseError(.tokenWrongRound, [.file(file)], hint: ErrorHint(.tokenCombineAgain))
        }
        guard manifest == manifestHash else {
            throw ReleaseError(.tokenWrongManifest, [.file(file)], hint: ErrorHint(.tokenCombineAgain))
        }
        guard results == resultsHash else {
            throw ReleaseError(.tokenWrongResults, [.file(file)], hint: ErrorHint(.tokenCombineAgain))
        }
        var entries = [Ed25519.PublicKey: ReleasePolicy.Holder]()
        for approval in approvals {
            entries[approval.holderSigningKey] = try approval.verify(
                policy: policy, roundHash: roundHash, manifestHash: manifestHash, resultsHash: resultsHash,
                ephemeral: ephemeral)
        }
        try ReleaseToken.checkSameDecision(approvals, entries: entries, as: decision, token: file)
        var seen = Set<Ed25519.PublicKey>()
        var previousX = 0
        for approval in approvals {
            guard seen.insert(approval.holderSigningKey).inserted else {
                throw ReleaseError(
                    .tokenDuplicateKey, [.file(file), .text(entries[approval.holderSigningKey]!.identity.id)])
            }
            guard approval.x > previousX else {
                throw FormatError(.header, [.file(file), .text("field \"approvals\": not in increasing order of x")])
            }
            previousX = approval.x
        }
        try ReleaseToken.checkThreshold(approvals, policy: policy)
        return ReleaseToken.partials(approvals)
    }
}
