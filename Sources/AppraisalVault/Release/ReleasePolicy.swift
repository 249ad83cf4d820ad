internal import VaultCrypto

/// The release section of a round definition (spec §4.6): the holders' key ceremony, embedded
/// verbatim — plan, dealings, acknowledgements — and what follows from it: the threshold, the
/// joint public key the locked results are encrypted to, every qualified holder's verification
/// key, and who was excluded and why.
///
/// Nothing derived is stored: every reader judges the embedded ceremony again
/// (``Ceremony/judge(plan:dealings:acks:)``), so the joint key and the verification keys are
/// always recomputed from public data.
///
/// Security notes:
/// - Nobody ever holds the secret of ``jointKey``. Holder j's secret `x_j = Σ_{i∈Q} s_ij` is
///   rebuilt by that holder alone, from the shares sealed to them in the dealings, only to make
///   a partial decryption (``holderSecret(_:)``), and is checked against its verification key.
/// - The threshold counts distinct qualified holders, whose signing keys and encryption keys are
///   pairwise distinct (spec §4.2): one person cannot count twice under two ids.
struct ReleasePolicy: Sendable {
    /// One holder of the plan.
    struct Holder: Sendable {
        /// The holder's public identity (role `holder`).
        let identity: PublicIdentity
        /// The holder's x, 1…n.
        let x: Int
        /// `Y_j = x_j·G`; nil for a holder the ceremony excluded.
        let verificationKey: Ristretto255.Point?
    }

    /// The length of a round id: 16 bytes.
    static let roundIDLength = 16

    /// The judged ceremony.
    let ceremony: Ceremony.Outcome
    /// The holders of the plan, in x order (excluded ones included, without a verification key).
    let holders: [Holder]

    /// t: how many qualified holders' partial decryptions open the locked results.
    var threshold: Int { ceremony.plan.threshold }
    /// The joint public key.
    var jointKey: Ristretto255.Point { ceremony.jointKey }
    /// The round id the ceremony was for.
    var roundID: [UInt8] { ceremony.plan.roundID }
    /// Why holders were excluded, in x order; empty when none was.
    var exclusions: [Notice] { ceremony.exclusions.map { Notice($0.reason) } }

    /// The policy of a judged ceremony.
    init(_ outcome: Ceremony.Outcome) {
        ceremony = outcome
        holders = outcome.plan.holders.enumerated().map {
            Holder(identity: $0.element, x: $0.offset + 1, verificationKey: outcome.verificationKeys[$0.offset])
        }
    }

    /// The qualified holder with `signingKey`, or the excluded one (nil verification key), if any.
    func holder(signingKey: Ed25519.PublicKey) -> Holder? {
        holders.first { $0.identity.signingKey == signingKey }
    }

    // MARK: - JSON

    /// The section as canonical JSON: `{"acks":[HEX…],"dealings":[HEX…],"plan":HEX}`, each item a
    /// whole file as lowercase hex, in x order.
    var json: JSONValue {
        .object([
            "acks": .array(ceremony.acks.map { .hex($0.bytes) }),
            "dealings": .array(ceremony.dealings.map { .hex($0.bytes) }),
            "plan": .hex(ceremony.plan.bytes),
        ])
    }

    /// Reads the section strictly and judges the ceremony it carries.
    ///
    /// - Throws: ``FieldReader/Failure`` naming the field, or the ceremony's rule.
    init(json: JSONValue, path: String) throws(FieldReader.Failure) {
        do {
            self.init(try ReleasePolicy.judge(json: json, path: path))
        } catch let failure as FieldReader.Failure {
            throw failure
        } catch let error as any AppraisalError {
            throw FieldReader.Failure(path: path, reason: error.description)
        } catch {
            throw FieldReader.Failure(path: path, reason: String(describing: error))
        }
    }

    /// Reads the section strictly and judges the ceremony (spec §4.6), with the ceremony's own
    /// errors (what the `ceremony` vectors and an auditor report).
    ///
    /// - Throws: ``FieldReader/Failure`` for the section's shape; the format errors of the embedded
    ///   files; the errors of ``Ceremony/judge(plan:dealings:acks:)``.
    static func judge(json: JSONValue, path: String) throws -> Ceremony.Outcome {
        func sub(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        var r = try FieldReader(json, path: path)
        let ackItems = try r.array("acks", maxCount: CeremonyPlan.maxHolders)
        let dealingItems = try r.array("dealings", maxCount: CeremonyPlan.maxHolders)
        let planItem = try r.value("plan")
        try r.finish()
        func file(_ item: JSONValue, _ label: String, max: Int) throws(FieldReader.Failure) -> [UInt8] {
            guard case .string(let text) = item, text.utf8.count <= 2 * max, let bytes = Hex.decode(text) else {
                throw FieldReader.Failure(path: label, reason: "expected a file in lowercase hex")
            }
            return bytes
        }
        let plan = try CeremonyPlan(
            parsing: try file(planItem, sub("plan"), max: CeremonyPlan.maxFileSize), file: sub("plan"))
        var dealings = [CeremonyDealing]()
        for (i, item) in dealingItems.enumerated() {
            let label = sub("dealings[\(i)]")
            dealings.append(
                try CeremonyDealing(parsing: try file(item, label, max: CeremonyDealing.maxFileSize), file: label))
        }
        var acks = [CeremonyAck]()
        for (i, item) in ackItems.enumerated() {
            let label = sub("acks[\(i)]")
            acks.append(try CeremonyAck(parsing: try file(item, label, max: CeremonyAck.maxFileSize), file: label))
        }
        let outcome = try Ceremony.judge(plan: plan, dealings: dealings, acks: acks)
        // Stored in x order, so that the section has one encoding.
        guard outcome.dealings.map(\.bytes) == dealings.map(\.bytes), outcome.acks.map(\.bytes) == acks.map(\.bytes)
        else { throw FieldReader.Failure(path: path, reason: "dealings and acks not in x order") }
        return outcome
    }

    // MARK: - A holder's secret

    /// Rebuilds holder j's secret `x_j = Σ_{i∈Q} s_ij` from the shares sealed to them in the
    /// qualified dealings, and checks `x_j·G = Y_j` (spec §8.2).
    ///
    /// - Parameter holder: The unlocked identity of a holder of this round.
    /// - Returns: The holder's entry and secret (in secret memory; the caller wipes it).
    /// - Throws: ``ReleaseError`` `release.not-a-holder`; ``CeremonyError`` `ceremony.excluded`,
    ///   `ceremony.share-unopenable`, `ceremony.share-mismatch`.
    func holderSecret(_ holder: SecretIdentity) throws -> (entry: Holder, secret: Ristretto255.Scalar) {
        guard
            let entry = holders.first(where: {
                $0.identity.signingKey == holder.identity.signingKey
                    && $0.identity.encryptionKey == holder.encryptionKey.publicKey
            })
        else { throw ReleaseError(.notAHolder, [.member(holder.identity.id)]) }
        guard let key = entry.verificationKey else {
            throw CeremonyError(.excluded, [.member(entry.identity.id)])
        }
        var sum: Ristretto255.Scalar?
        for i in ceremony.qualified {
            let opened = try ceremony.dealings[i - 1].openShare(
                for: holder, at: entry.x, dealer: ceremony.plan.holder(i))
            do {
                sum = try sum.map { try $0.adding(opened.share) } ?? opened.share
            } catch { throw CryptoError(error) }
        }
        guard let secret = sum, (try? Ristretto255.Point.base(times: secret)) == key else {
            sum?.secret.wipe()
            throw CeremonyError(.shareMismatch, [.member(entry.identity.id)])
        }
        return (entry, secret)
    }
}
