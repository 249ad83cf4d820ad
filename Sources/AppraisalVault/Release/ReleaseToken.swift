internal import VaultCrypto

/// The release token (spec §8.4): t or more holders' approvals, verbatim, plus the release
/// secret reconstructed from their shares.
///
/// A token has no author: it is an **unsigned** container of kind `release-token` whose body is
/// empty. Its integrity is self-evident, because a reader recomputes everything from the embedded
/// approvals and the round: each approval's signature and binding, the distinct-key count, the
/// shares against their commitments, the secret against the release public key, and the secret
/// against the interpolation of the shares. Nothing in a token is taken on trust.
///
/// Security notes:
/// - A token opens the results: treat the file like a key (write it 0600, hand it over in person).
///   The approvals inside carry t shares in clear, so the token would open the results even
///   without `releaseSecret`; the field is there so the key is checked once, at combine time, and
///   so a mismatch names itself.
/// - Thresholds count distinct holder **signing keys**, never ids or files (TUF GHSA-pwqf-9h7j-7mv8,
///   in-toto PR 201): the same key twice counts once and is reported.
/// - The secret read from a token goes straight into ``SecretBytes`` (constant-time hex decoding);
///   the JSON text of the file itself cannot be wiped — an honest limit of a text format.
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
    /// The round's release public key as recorded in the token.
    let releaseKey: X25519.PublicKey
    /// The release secret key, 32 bytes.
    let releaseSecret: SecretBytes
    /// The path or label, for messages.
    let file: String

    /// The largest token file accepted: 255 approvals in hex plus the fixed fields.
    static let maxFileSize = 2 * Approval.maxFileSize * Shamir.maxShares + 4096

    /// The outcome of ``combine(_:policy:roundID:roundHash:manifestHash:resultsHash:created:)``.
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
    /// 1. each approval parses and verifies (``Approval/verify(policy:roundID:roundHash:manifestHash:resultsHash:)``);
    /// 2. all approvals cite the same decision text (`approval.decision-differs`);
    /// 3. approvals are grouped by signing key; a key seen again counts once
    ///    (notice `approval.counted-once`);
    /// 4. at least t distinct keys (`approval.not-enough`, saying how many more and who has not
    ///    approved);
    /// 5. ``ReleasePolicy/reconstruct(_:roundID:)`` (shares against commitments, key against
    ///    the release public key).
    ///
    /// - Parameters:
    ///   - files: The approval files with their paths (for messages), in any order.
    ///   - policy: The round's release policy.
    ///   - roundID: The round's 16-byte id.
    ///   - roundHash: The round definition's file hash.
    ///   - manifestHash: The file hash of `manifest.avm`.
    ///   - resultsHash: The file hash of `results.avl`.
    ///   - created: RFC 3339 UTC time.
    /// - Returns: The token bytes, the holders counted and any notices.
    /// - Throws: ``ReleaseError``: the approval errors, `approval.decision-differs`,
    ///   `approval.not-enough`, and the errors of ``ReleasePolicy/reconstruct(_:roundID:)``.
    static func combine(
        _ files: [(bytes: [UInt8], file: String)], policy: ReleasePolicy, roundID: [UInt8], roundHash: [UInt8],
        manifestHash: [UInt8], resultsHash: [UInt8], created: String = Timestamp.now()
    ) throws -> Combined {
        var approvals = [Approval]()
        var entries = [Ed25519.PublicKey: ReleasePolicy.Holder]()
        for (bytes, file) in files {
            let approval = try Approval(parsing: bytes, file: file)
            let entry = try approval.verify(
                policy: policy, roundID: roundID, roundHash: roundHash, manifestHash: manifestHash,
                resultsHash: resultsHash)
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
        let counted = distinct.values.sorted { $0.share.x < $1.share.x }
        try checkThreshold(counted, policy: policy)
        let key = try policy.reconstruct(counted.map(\.share), roundID: roundID)
        defer { key.secret.wipe() }
        let header = JSONValue.object([
            "approvals": .array(counted.map { .hex($0.bytes) }),
            "created": .string(created),
            "decision": .string(counted[0].decision),
            "manifest": .hex(manifestHash),
            "releaseKey": .hex(policy.releaseKey.rawRepresentation),
            "releaseSecret": .string(Hex.encode(secret: key.secret)),
            "results": .hex(resultsHash),
            "round": .hex(roundHash),
        ])
        return Combined(
            bytes: Container.encode(kind: .releaseToken, header: header),
            holders: counted.map { entries[$0.holderSigningKey]!.identity.id }, notices: notices)
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
        let missing = policy.holders.filter { !keys.contains($0.identity.signingKey) }.map(\.identity.id)
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
    /// ``verify(policy:roundID:roundHash:manifestHash:resultsHash:)``).
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
        var secretText = ""
        var keyBytes = [UInt8]()
        do throws(FieldReader.Failure) {
            var r = try FieldReader(container.header)
            items = try r.array("approvals", maxCount: Shamir.maxShares)
            guard !items.isEmpty else {
                throw FieldReader.Failure(path: "approvals", reason: "at least one approval is needed")
            }
            created = try r.timestamp("created")
            decision = try Approval.readDecision(from: &r)
            manifest = try r.hex("manifest", length: 32)
            keyBytes = try r.hex("releaseKey", length: X25519.keyLength)
            secretText = try r.string("releaseSecret", maxBytes: 2 * X25519.keyLength)
            results = try r.hex("results", length: 32)
            round = try r.hex("round", length: 32)
            try r.finish()
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
        guard let secret = Hex.decodeSecret(secretText, length: X25519.keyLength) else {
            throw FormatError(
                .header, [.file(file), .text("field \"releaseSecret\": expected 32 bytes of lowercase hex")])
        }
        releaseSecret = secret
        releaseKey = try! X25519.PublicKey(rawRepresentation: keyBytes)  // length checked above
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

    /// Verifies the token against the round and returns the release key (spec §8.6).
    ///
    /// Checks, in order; the first failure stops:
    /// 1. `round`, `manifest`, `results` equal the given hashes (`token.wrong-round`,
    ///    `token.wrong-manifest`, `token.wrong-results`);
    /// 2. `releaseKey` equals the policy's release key (`token.wrong-release-key`);
    /// 3. `crypto_scalarmult_base(releaseSecret)` equals it, in constant time (`token.secret-mismatch`);
    /// 4. every embedded approval verifies (the approval codes);
    /// 5. every approval cites the token's decision (`token.decision-differs`);
    /// 6. no two approvals share a signing key, and x increases (`token.duplicate-key`, `format.header`);
    /// 7. at least t approvals (`approval.not-enough`);
    /// 8. the shares reconstruct (``ReleasePolicy/reconstruct(_:roundID:)``) to exactly
    ///    `releaseSecret`, compared in constant time (`token.secret-mismatch`).
    ///
    /// - Returns: The release key pair (its secret in ``SecretBytes``).
    /// - Throws: ``AppraisalError`` with the codes above.
    func verify(
        policy: ReleasePolicy, roundID: [UInt8], roundHash: [UInt8], manifestHash: [UInt8], resultsHash: [UInt8]
    ) throws -> X25519.PrivateKey {
        guard round == roundHash else {
            throw ReleaseError(.tokenWrongRound, [.file(file)], hint: ErrorHint(.tokenCombineAgain))
        }
        guard manifest == manifestHash else {
            throw ReleaseError(.tokenWrongManifest, [.file(file)], hint: ErrorHint(.tokenCombineAgain))
        }
        guard results == resultsHash else {
            throw ReleaseError(.tokenWrongResults, [.file(file)], hint: ErrorHint(.tokenCombineAgain))
        }
        guard releaseKey == policy.releaseKey else { throw ReleaseError(.tokenWrongReleaseKey, [.file(file)]) }
        let claimed: X25519.PrivateKey
        do {
            claimed = try X25519.PrivateKey(secret: releaseSecret)
        } catch {
            throw CryptoError(error)
        }
        guard Sodium.constantTimeEqual(claimed.publicKey.rawRepresentation, policy.releaseKey.rawRepresentation) else {
            throw ReleaseError(.tokenSecretMismatch, [.file(file)], hint: ErrorHint(.tokenCombineAgain))
        }
        var entries = [Ed25519.PublicKey: ReleasePolicy.Holder]()
        for approval in approvals {
            entries[approval.holderSigningKey] = try approval.verify(
                policy: policy, roundID: roundID, roundHash: roundHash, manifestHash: manifestHash,
                resultsHash: resultsHash)
        }
        try ReleaseToken.checkSameDecision(approvals, entries: entries, as: decision, token: file)
        var seen = Set<Ed25519.PublicKey>()
        var previousX: UInt8 = 0
        for approval in approvals {
            guard seen.insert(approval.holderSigningKey).inserted else {
                throw ReleaseError(
                    .tokenDuplicateKey, [.file(file), .text(entries[approval.holderSigningKey]!.identity.id)])
            }
            guard approval.share.x > previousX else {
                throw FormatError(.header, [.file(file), .text("field \"approvals\": not in increasing order of x")])
            }
            previousX = approval.share.x
        }
        try ReleaseToken.checkThreshold(approvals, policy: policy)
        let key = try policy.reconstruct(approvals.map(\.share), roundID: roundID)
        guard key.secret == releaseSecret else {
            key.secret.wipe()
            throw ReleaseError(.tokenSecretMismatch, [.file(file)], hint: ErrorHint(.tokenCombineAgain))
        }
        return key
    }
}
