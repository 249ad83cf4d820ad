import VaultCrypto

@testable import AppraisalVault
@testable import avault

/// Area `ceremony` (spec §4): the body is the canonical JSON of a round definition's `release`
/// section — the plan, every dealing and every acknowledgement as hex, in x order. A reader parses
/// the three kinds of file (§4.2–§4.4) and judges the ceremony (§4.5). Header lines of a positive
/// vector: `joint-key:`, `verification-keys:` (hex per holder x in order, `-` for an excluded
/// holder) and `excluded:` (`x:message-id` pairs, or `none`). The ceremony is the one of the
/// `approval` vectors (holders giu-khoa-1…3, t = 2), doctored per vector.
extension VectorGenerator {
    static func section(plan: [UInt8], dealings: [[UInt8]], acks: [[UInt8]]) -> [UInt8] {
        CanonicalJSON.serialize(
            .object([
                "acks": .array(acks.map { .hex($0) }), "dealings": .array(dealings.map { .hex($0) }),
                "plan": .hex(plan),
            ]))
    }

    static func resigned(
        _ bytes: [UInt8], kind: ArtifactKind, by signer: SecretIdentity, _ edit: (inout [String: JSONValue]) -> Void
    ) throws -> [UInt8] {
        let doc = try SignedDocument(parsing: bytes, expecting: kind, file: "x")
        guard case .object(var fields) = doc.container.header else { preconditionFailure("json") }
        edit(&fields)
        return try SignedDocument.encode(kind: kind, header: .object(fields), signer: signer.signingKey)
    }

    /// Acknowledgements of `dealings` by every holder, as `ceremony ack` writes them.
    static func acks(plan: CeremonyPlan, dealings: [[UInt8]], holders: [SecretIdentity]) throws -> [[UInt8]] {
        let parsed = try dealings.map { try CeremonyDealing(parsing: $0, file: "d") }
        return try holders.map {
            try CeremonyAck.create(plan: plan, dealings: parsed, holder: $0, created: created).bytes
        }
    }

    /// Dealer `i`'s dealing (0-based) with the share to `j` replaced by one off its polynomial,
    /// signed inside and outside by the dealer.
    static func sabotaged(_ dealing: [UInt8], plan: CeremonyPlan, dealer i: Int, recipient j: Int) throws -> [UInt8] {
        let holders = try releaseHolders()
        let bad = try Ristretto255.Scalar.random(
            using: DeterministicRandom(seed: "AppraisalVault/vectors/ceremony/bad"))
        let message = try CeremonyDealing.shareMessage(
            plan: plan.fileHash, dealer: i + 1, recipient: j + 1, share: bad.secret)
        let plaintext = try SecretBytes.concatenating([
            bad.secret, SecretBytes(copying: try holders[i].signingKey.signature(for: message)),
        ])
        let sealed = try SealedBox.seal(
            plaintext, to: holders[j].encryptionKey.publicKey,
            using: DeterministicRandom(seed: "AppraisalVault/vectors/ceremony/bad-seal"))
        return try resigned(dealing, kind: .ceremonyDealing, by: holders[i]) { fields in
            guard case .array(var shares) = fields["shares"] else { return }
            shares[j] = .hex(sealed)
            fields["shares"] = .array(shares)
        }
    }

    static func ceremonyFields(_ outcome: Ceremony.Outcome) -> [(String, String)] {
        [
            ("joint-key", Hex.encode(outcome.jointKey.rawRepresentation)),
            (
                "verification-keys",
                outcome.verificationKeys.map { $0.map { Hex.encode($0.rawRepresentation) } ?? "-" }.joined(
                    separator: " ")
            ),
            (
                "excluded",
                outcome.exclusions.isEmpty
                    ? "none" : outcome.exclusions.map { "\($0.x):\($0.reason.code.rawValue)" }.joined(separator: " ")
            ),
        ]
    }

    @Sendable static func ceremonyVectors() throws -> [Vector] {
        let outcome = try releaseCeremony()
        let holders = try releaseHolders()
        let plan = outcome.plan
        let dealings = outcome.dealings.map(\.bytes)
        let acks = outcome.acks.map(\.bytes)
        let good = section(plan: plan.bytes, dealings: dealings, acks: acks)
        func positive(_ name: String, _ comment: String, _ body: [UInt8]) throws -> Vector {
            let judged = try ReleasePolicy.judge(json: try CanonicalJSON.parse(body), path: "release")
            return vector("ceremony", name, expect: "success", ceremonyFields(judged), comment: comment, body)
        }
        func negative(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8]) -> Vector {
            vector("ceremony", name, expect: expect, comment: comment, body)
        }
        // Dealer 1 sabotages holder 2's share; everyone acknowledges again (holder 2 complains).
        var cheated = dealings
        cheated[0] = try sabotaged(dealings[0], plan: plan, dealer: 0, recipient: 1)
        let cheatedAcks = try self.acks(plan: plan, dealings: cheated, holders: holders)
        // Holder 3 complains falsely about dealer 1.
        var lying = acks
        lying[2] = try resigned(acks[2], kind: .ceremonyAck, by: holders[2]) {
            $0["complaints"] = .array([
                .object([
                    "dealer": .integer(1), "share": .hex([UInt8](repeating: 7, count: 32)),
                    "signature": .hex([UInt8](repeating: 9, count: 64)),
                ])
            ])
        }
        // Dealer 2's proof of knowledge replaced.
        var rogue = dealings
        rogue[1] = try resigned(dealings[1], kind: .ceremonyDealing, by: holders[1]) {
            $0["proof"] = .hex(Ristretto255.Point.generator.rawRepresentation + [UInt8](repeating: 1, count: 32))
        }
        let rogueAcks = try self.acks(plan: plan, dealings: rogue, holders: holders)
        // A 2-of-2 ceremony where the one cheater leaves too few.
        let pair = try Ceremony.hold(
            holders: Array(holders.prefix(2)), threshold: 2, secretary: submissionSecretary().identity,
            created: created, using: DeterministicRandom(seed: "AppraisalVault/vectors/ceremony/pair"))
        var pairDealings = pair.dealings.map(\.bytes)
        pairDealings[0] = try sabotaged(pairDealings[0], plan: pair.plan, dealer: 0, recipient: 1)
        let pairAcks = try self.acks(plan: pair.plan, dealings: pairDealings, holders: Array(holders.prefix(2)))
        // Another ceremony's dealing from holder 3 (same holders, another plan).
        let other = try Ceremony.hold(
            holders: holders, threshold: 2, secretary: submissionSecretary().identity, created: created,
            using: DeterministicRandom(seed: "AppraisalVault/vectors/ceremony/other"))
        var mixed = dealings
        mixed[2] = other.dealings[2].bytes
        var offCurve = dealings
        offCurve[0] = try resigned(dealings[0], kind: .ceremonyDealing, by: holders[0]) {
            guard case .array(var c) = $0["commitments"] else { return }
            c[0] = .hex([UInt8](repeating: 0xff, count: 32))
            $0["commitments"] = .array(c)
        }
        var signedByOther = dealings
        signedByOther[0] = try resigned(dealings[0], kind: .ceremonyDealing, by: holders[1]) { _ in }
        var staleAck = acks
        staleAck[0] = cheatedAcks[0]
        return [
            try positive("success", "honest 2-of-3 ceremony of giu-khoa-1…3", good),
            try positive(
                "dealer-cheated",
                "giu-khoa-1 seals giu-khoa-2 a share off its commitments (signed); giu-khoa-2 complains",
                section(plan: plan.bytes, dealings: cheated, acks: cheatedAcks)),
            try positive(
                "false-complaint", "giu-khoa-3 complains about giu-khoa-1 with a share giu-khoa-1 never signed",
                section(plan: plan.bytes, dealings: dealings, acks: lying)),
            try positive(
                "bad-proof", "giu-khoa-2's proof of knowledge replaced by R = G, z = 1…1 (re-signed)",
                section(plan: plan.bytes, dealings: rogue, acks: rogueAcks)),
            negative(
                "too-few", "ceremony.too-few", "2-of-2 ceremony; giu-khoa-1 cheats giu-khoa-2 and is excluded",
                section(plan: pair.plan.bytes, dealings: pairDealings, acks: pairAcks)),
            negative(
                "missing-ack", "ceremony.missing", "giu-khoa-3's acknowledgement left out",
                section(plan: plan.bytes, dealings: dealings, acks: Array(acks.prefix(2)))),
            negative(
                "duplicate-dealing", "ceremony.duplicate", "giu-khoa-1's dealing twice",
                section(plan: plan.bytes, dealings: [dealings[0]] + dealings, acks: acks)),
            negative(
                "wrong-plan", "ceremony.wrong-plan", "giu-khoa-3's dealing from another ceremony of the same holders",
                section(plan: plan.bytes, dealings: mixed, acks: acks)),
            negative(
                "bad-signature", "ceremony.bad-signature", "giu-khoa-1's dealing signed by giu-khoa-2",
                section(plan: plan.bytes, dealings: signedByOther, acks: acks)),
            negative(
                "ack-mismatch", "ceremony.ack-mismatch",
                "giu-khoa-1 acknowledged the dealings of the dealer-cheated vector, not these",
                section(plan: plan.bytes, dealings: dealings, acks: staleAck)),
            negative(
                "commitment-not-a-point", "format.header", "giu-khoa-1's first commitment is ff…ff (re-signed)",
                section(plan: plan.bytes, dealings: offCurve, acks: acks)),
            negative(
                "acks-out-of-order", "format.header", "acknowledgements in order x = 3, 2, 1",
                section(plan: plan.bytes, dealings: dealings, acks: acks.reversed())),
        ]
    }
}

extension VectorRunner {
    /// `ceremony`: parse and judge the section (§4.5); a positive vector must give its
    /// `joint-key`, `verification-keys` and `excluded` lines.
    @Sendable static func runCeremony(_ vector: Vector) -> String {
        do {
            let outcome = try ReleasePolicy.judge(json: try CanonicalJSON.parse(vector.body), path: "release")
            for (key, value) in VectorGenerator.ceremonyFields(outcome) where vector[key] != value {
                return "\(key) differs: \(value)"
            }
            return "success"
        } catch let failure as FieldReader.Failure {
            _ = failure
            return FormatError.Code.header.rawValue
        } catch {
            return error.errorID
        }
    }
}
