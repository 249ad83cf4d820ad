internal import VaultCrypto

/// The release section of a round definition: who holds a share of the round's release key,
/// how many of them must approve, and what anyone can check with public data (spec §4).
///
/// At round set-up, ``create(holders:threshold:roundID:using:)`` makes a fresh X25519 release
/// key pair, splits its 32-byte secret with ``Shamir`` t-of-n, seals share i to holder i's
/// encryption key (`crypto_box_seal`) and publishes, per holder, the sealed share and a
/// commitment `BLAKE2b-256(domain ‖ roundID ‖ x ‖ y)`. The secret and the polynomial exist only
/// in ``SecretBytes`` and are wiped before `create` returns; the secretary who runs it keeps
/// nothing that opens the results.
///
/// Security notes:
/// - The commitments are hashes of uniformly random 32-byte shares, bound to the round and x by
///   a domain string; they leak nothing about the share or the key, so publishing them is safe.
/// - A corrupted or substituted share is detected by its commitment and the holder is named,
///   rather than silently interpolating to a wrong key (plain Shamir's failure, spec §4.3). The round id
///   in the commitment stops a share from another round being replayed.
/// - After interpolation the derived public key is compared in constant time with
///   ``releaseKey``, which catches a share set that is wrong as a whole (for example a round
///   definition whose commitments were made for other shares).
/// - The threshold counts distinct x values, and x values belong to holders whose signing keys
///   and encryption keys are pairwise distinct: one person cannot count twice under two ids.
/// - Honest limit: the machine running `create` is a trusted dealer for a moment.
struct ReleasePolicy: Sendable, Hashable {
    /// One release holder's entry: their public identity, x coordinate, sealed share and commitment.
    struct Holder: Sendable, Hashable {
        /// The holder's public identity (role `holder`).
        let identity: PublicIdentity
        /// The share's x coordinate, 1…n, equal to the holder's position plus one.
        let x: UInt8
        /// The share `y` sealed to ``PublicIdentity/encryptionKey``: 80 bytes, `crypto_box_seal` layout.
        let sealedShare: [UInt8]
        /// `BLAKE2b-256(domain("share-commitment") ‖ roundID ‖ x ‖ y)`, 32 bytes.
        let commitment: [UInt8]
    }

    /// t: how many distinct holders' shares reconstruct the release key.
    let threshold: Int
    /// The n holders, in order of x.
    let holders: [Holder]
    /// The release public key the locked results are encrypted to.
    let releaseKey: X25519.PublicKey

    /// The length of a round id: 16 bytes.
    static let roundIDLength = 16
    /// The length of a share: the release secret's length, 32 bytes.
    static let shareLength = X25519.keyLength
    /// The length of a sealed share: 32 + 48 = 80 bytes.
    static let sealedShareLength = X25519.keyLength + 48
    /// The length of a commitment: 32 bytes.
    static let commitmentLength = 32
    /// The domain-separation prefix of a commitment:
    /// `"AppraisalVault/v1/round-definition/share-commitment\0"`.
    static let commitmentDomain = ArtifactKind.roundDefinition.domain("share-commitment")

    // MARK: - Creating

    /// Makes the release section for a new round.
    ///
    /// Randomness is read from `random` in this order: the 32-byte release secret, the
    /// polynomial coefficients (``Shamir/split(_:threshold:count:using:)``), then one 32-byte
    /// ephemeral key per sealed share in holder order.
    ///
    /// - Parameters:
    ///   - holders: The release holders in order; holder i gets x = i + 1.
    ///   - threshold: t, 1 ≤ t ≤ n.
    ///   - roundID: The round's 16-byte id, bound into every commitment.
    ///   - random: The randomness source (``SystemRandom`` in production).
    /// - Returns: The policy; the release secret and the shares are already wiped.
    /// - Throws: ``ReleaseError`` `release.round-id-length`, `release.holder-count`,
    ///   `release.threshold-range`, `release.holder-role`, `release.duplicate-holder-id`,
    ///   `release.duplicate-signing-key`, `release.duplicate-encryption-key`, `crypto.failure`.
    static func create(
        holders: [PublicIdentity], threshold: Int, roundID: [UInt8], using random: any RandomSource
    ) throws -> ReleasePolicy {
        guard roundID.count == roundIDLength else {
            throw ReleaseError(.roundIDLength, [.text(String(roundID.count))])
        }
        if let problem = problem(holders: holders, threshold: threshold) {
            throw problem
        }
        let release: X25519.PrivateKey
        do {
            release = try X25519.PrivateKey.generate(using: random)
        } catch {
            throw CryptoError(error)
        }
        defer { release.secret.wipe() }
        let shares = try Shamir.split(release.secret, threshold: threshold, count: holders.count, using: random)
        defer { for share in shares { share.y.wipe() } }
        var entries = [Holder]()
        entries.reserveCapacity(holders.count)
        for (identity, share) in zip(holders, shares) {
            let sealed: [UInt8]
            do {
                sealed = try SealedBox.seal(share.y, to: identity.encryptionKey, using: random)
            } catch {
                throw CryptoError(error)
            }
            entries.append(
                Holder(
                    identity: identity, x: share.x, sealedShare: sealed,
                    commitment: commitment(roundID: roundID, x: share.x, y: share.y)))
        }
        return ReleasePolicy(threshold: threshold, holders: entries, releaseKey: release.publicKey)
    }

    private init(threshold: Int, holders: [Holder], releaseKey: X25519.PublicKey) {
        self.threshold = threshold
        self.holders = holders
        self.releaseKey = releaseKey
    }

    /// The commitment to share `y` at `x` in round `roundID`:
    /// `BLAKE2b-256(commitmentDomain ‖ roundID ‖ [x] ‖ y)`, no key.
    static func commitment(roundID: [UInt8], x: UInt8, y: SecretBytes) -> [UInt8] {
        let hasher = BLAKE2b.Hasher(outputLength: commitmentLength)
        hasher.update(commitmentDomain)
        hasher.update(roundID)
        hasher.update([x])
        hasher.update(y)
        return hasher.finalize()
    }

    /// The first rule the holder list or threshold breaks, if any (shared by create and decode).
    static func problem(holders: [PublicIdentity], threshold: Int) -> ReleaseError? {
        let n = holders.count
        guard (1...Shamir.maxShares).contains(n) else { return ReleaseError(.holderCount, [.text(String(n))]) }
        guard (1...n).contains(threshold) else {
            return ReleaseError(.thresholdRange, [.text(String(threshold)), .text(String(n))])
        }
        var ids = Set<String>()
        var signingKeys = [Ed25519.PublicKey: String]()
        var encryptionKeys = [X25519.PublicKey: String]()
        for identity in holders {
            guard identity.role == .holder else {
                return ReleaseError(.holderRole, [.member(identity.id), .text(identity.role.rawValue)])
            }
            guard ids.insert(identity.id).inserted else {
                return ReleaseError(.duplicateHolderID, [.member(identity.id)])
            }
            if let other = signingKeys.updateValue(identity.id, forKey: identity.signingKey) {
                return ReleaseError(.duplicateSigningKey, [.text(other), .member(identity.id)])
            }
            if let other = encryptionKeys.updateValue(identity.id, forKey: identity.encryptionKey) {
                return ReleaseError(.duplicateEncryptionKey, [.text(other), .member(identity.id)])
            }
        }
        return nil
    }

    // MARK: - JSON

    /// The section as canonical JSON:
    /// `{"holders":[{"commitment","identity","sealedShare","x"}…],"releaseKey","threshold"}`.
    var json: JSONValue {
        .object([
            "holders": .array(
                holders.map { holder in
                    .object([
                        "commitment": .hex(holder.commitment),
                        "identity": holder.identity.json,
                        "sealedShare": .hex(holder.sealedShare),
                        "x": .int(Int(holder.x)),
                    ])
                }),
            "releaseKey": .hex(releaseKey.rawRepresentation),
            "threshold": .int(threshold),
        ])
    }

    /// Reads the section strictly: exact lengths, x = 1…n in order, 1 ≤ t ≤ n ≤ 255, role
    /// `holder`, distinct ids and keys, no unknown fields.
    ///
    /// - Throws: ``FieldReader/Failure`` naming the field.
    init(json: JSONValue, path: String) throws(FieldReader.Failure) {
        func sub(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        var r = try FieldReader(json, path: path)
        let items = try r.array("holders", maxCount: Shamir.maxShares)
        guard !items.isEmpty else {
            throw FieldReader.Failure(path: sub("holders"), reason: "at least one holder is needed")
        }
        var entries = [Holder]()
        for (i, item) in items.enumerated() {
            let itemPath = sub("holders[\(i)]")
            var h = try FieldReader(item, path: itemPath)
            let commitment = try h.hex("commitment", length: ReleasePolicy.commitmentLength)
            let identity = try PublicIdentity(json: try h.value("identity"), path: "\(itemPath).identity")
            let sealed = try h.hex("sealedShare", length: ReleasePolicy.sealedShareLength)
            let x = try h.integer("x", in: 1...Int64(Shamir.maxShares))
            try h.finish()
            guard x == Int64(i + 1) else {
                throw FieldReader.Failure(path: "\(itemPath).x", reason: "expected \(i + 1)")
            }
            entries.append(Holder(identity: identity, x: UInt8(x), sealedShare: sealed, commitment: commitment))
        }
        let releaseKeyBytes = try r.hex("releaseKey", length: X25519.keyLength)
        let threshold = try r.integer("threshold", in: 1...Int64(Shamir.maxShares))
        try r.finish()
        if let problem = ReleasePolicy.problem(holders: entries.map(\.identity), threshold: Int(threshold)) {
            throw FieldReader.Failure(path: sub("holders"), reason: problem.description)
        }
        self.threshold = Int(threshold)
        self.holders = entries
        self.releaseKey = try! X25519.PublicKey(rawRepresentation: releaseKeyBytes)
    }

    // MARK: - Release

    /// Opens the share sealed to `holder` and checks it against its commitment.
    ///
    /// The holder is found by both public keys (signing and encryption), not by id.
    ///
    /// - Parameters:
    ///   - holder: The unlocked identity of a holder listed in this policy.
    ///   - roundID: The round's 16-byte id.
    /// - Returns: The holder's share (x and 32 secret bytes).
    /// - Throws: ``ReleaseError`` `release.round-id-length`, `release.not-a-holder`,
    ///   `release.share-unopenable`, `release.share-commitment` (each naming the holder).
    func openShare(holder: SecretIdentity, roundID: [UInt8]) throws -> Shamir.Share {
        guard roundID.count == ReleasePolicy.roundIDLength else {
            throw ReleaseError(.roundIDLength, [.text(String(roundID.count))])
        }
        guard
            let entry = holders.first(where: {
                $0.identity.signingKey == holder.identity.signingKey
                    && $0.identity.encryptionKey == holder.encryptionKey.publicKey
            })
        else {
            throw ReleaseError(.notAHolder, [.member(holder.identity.id)])
        }
        let name = entry.identity.id
        let y: SecretBytes
        do {
            y = try SealedBox.open(entry.sealedShare, with: holder.encryptionKey)
        } catch {
            throw ReleaseError(
                .shareUnopenable, [.text(name), .text(String(entry.x))], hint: ErrorHint(.releaseCheckRound))
        }
        guard y.count == ReleasePolicy.shareLength else {
            throw ReleaseError(.shareWrongLength, [.text(name), .text(String(entry.x)), .text(String(y.count))])
        }
        let computed = ReleasePolicy.commitment(roundID: roundID, x: entry.x, y: y)
        guard Sodium.constantTimeEqual(computed, entry.commitment) else {
            throw ReleaseError(
                .shareCommitment, [.text(name), .text(String(entry.x))], hint: ErrorHint(.releaseCheckRound))
        }
        return Shamir.Share(x: entry.x, y: y)
    }

    /// Reconstructs the release private key from holders' shares, checking each one first.
    ///
    /// Checks, in order: the round id is 16 bytes; for each share, its x belongs to a holder, it
    /// was not given before, it is 32 bytes, and it matches that holder's commitment (constant
    /// time); at least t shares remain; after interpolation, the derived public key equals
    /// ``releaseKey`` (constant time). Every share-level failure names the holder.
    ///
    /// - Parameters:
    ///   - shares: Shares from distinct holders, in any order; more than t is fine.
    ///   - roundID: The round's 16-byte id.
    /// - Returns: The release key pair; its secret lives in ``SecretBytes``.
    /// - Throws: ``ReleaseError`` `release.round-id-length`, `release.share-unknown-x`,
    ///   `release.share-duplicate`, `release.share-wrong-length`, `release.share-commitment`,
    ///   `release.not-enough-shares` (saying how many more are needed), `release.key-mismatch`.
    func reconstruct(_ shares: [Shamir.Share], roundID: [UInt8]) throws -> X25519.PrivateKey {
        guard roundID.count == ReleasePolicy.roundIDLength else {
            throw ReleaseError(.roundIDLength, [.text(String(roundID.count))])
        }
        var seen = Set<UInt8>()
        for share in shares {
            guard share.x >= 1, Int(share.x) <= holders.count else {
                throw ReleaseError(.shareUnknownX, [.text(String(share.x)), .text(String(holders.count))])
            }
            let entry = holders[Int(share.x) - 1]
            let name = entry.identity.id
            guard seen.insert(share.x).inserted else {
                throw ReleaseError(.shareDuplicate, [.text(name), .text(String(share.x))])
            }
            guard share.y.count == ReleasePolicy.shareLength else {
                throw ReleaseError(
                    .shareWrongLength, [.text(name), .text(String(share.x)), .text(String(share.y.count))])
            }
            let computed = ReleasePolicy.commitment(roundID: roundID, x: share.x, y: share.y)
            guard Sodium.constantTimeEqual(computed, entry.commitment) else {
                throw ReleaseError(
                    .shareCommitment, [.text(name), .text(String(share.x))],
                    hint: ErrorHint(.releaseAskHolder, [.text(name)]))
            }
        }
        guard seen.count >= threshold else {
            let missing = threshold - seen.count
            throw ReleaseError(
                .notEnoughShares, [.text(String(seen.count)), .text(String(threshold)), .text(String(missing))],
                hint: ErrorHint(.releaseMoreHolders, [.text(String(missing))]))
        }
        let secret = try Shamir.combine(shares)
        let key: X25519.PrivateKey
        do {
            key = try X25519.PrivateKey(secret: secret)
        } catch {
            secret.wipe()
            throw CryptoError(error)
        }
        guard Sodium.constantTimeEqual(key.publicKey.rawRepresentation, releaseKey.rawRepresentation) else {
            secret.wipe()
            throw ReleaseError(.keyMismatch, hint: ErrorHint(.releaseCheckRound))
        }
        return key
    }
}
