internal import VaultCrypto

/// Judging a key ceremony from its public files (spec §4.5): which holders are excluded and why,
/// the joint public key `Y = Σ_{i∈Q} C_i0` and every qualified holder's verification key
/// `Y_j = Σ_{i∈Q} Σ_k j^k · C_ik`, where Q is the set of qualified holders.
///
/// Anyone can run it: the secretary at `ceremony finish` and `round init`, every reader of a
/// round definition (the release section is judged again on every load), an auditor's `verify`.
/// No secret is involved.
enum Ceremony {
    /// The judged ceremony.
    struct Outcome: Sendable {
        /// The plan.
        let plan: CeremonyPlan
        /// One dealing per holder, in x order.
        let dealings: [CeremonyDealing]
        /// One acknowledgement per holder, in x order.
        let acks: [CeremonyAck]
        /// The joint public key the locked results are encrypted to.
        let jointKey: Ristretto255.Point
        /// Holder x's verification key at index x − 1; nil for an excluded holder.
        let verificationKeys: [Ristretto255.Point?]
        /// Why each excluded holder is excluded, in x order of the excluded.
        let exclusions: [(x: Int, reason: CeremonyError)]

        /// The qualified holders' x, increasing.
        var qualified: [Int] { verificationKeys.indices.filter { verificationKeys[$0] != nil }.map { $0 + 1 } }
    }

    // MARK: - Ordering the passes

    /// Matches dealings to the plan's holders: each signed by the holder at its x, for this plan,
    /// with t commitments and n shares; exactly one per holder (spec §4.5 steps 1–2).
    ///
    /// - Returns: The dealings in x order.
    /// - Throws: ``CeremonyError`` `ceremony.not-a-holder`, `ceremony.bad-signature`,
    ///   `ceremony.wrong-plan`, `ceremony.duplicate`, `ceremony.missing`; ``FormatError``
    ///   `format.header` for wrong counts.
    static func orderDealings(_ dealings: [CeremonyDealing], plan: CeremonyPlan) throws -> [CeremonyDealing] {
        // At most 32 holders: a list searched in order, as a dictionary by x would answer.
        var byX = [(x: Int, dealing: CeremonyDealing)]()
        for dealing in dealings {
            try checkSigner(
                dealing.x, document: dealing.document, planHash: dealing.plan, plan: plan, file: dealing.file)
            guard dealing.commitments.count == plan.threshold, dealing.shares.count == plan.holders.count else {
                throw FormatError(
                    .header,
                    [
                        .file(dealing.file),
                        .text(
                            "expected \(plan.threshold) commitments and \(plan.holders.count) shares, found "
                                + "\(dealing.commitments.count) and \(dealing.shares.count)"),
                    ])
            }
            if let other = byX.first(where: { $0.x == dealing.x })?.dealing {
                throw CeremonyError(
                    .duplicate, [.member(plan.holder(dealing.x).id), .file(other.file), .file(dealing.file)])
            }
            byX.append((dealing.x, dealing))
        }
        try checkComplete(byX.map(\.x), plan: plan, pass: "dealings")
        return (1...plan.holders.count).map { x in byX.first { $0.x == x }!.dealing }
    }

    /// Matches acknowledgements to the plan's holders, and checks that each cites exactly the
    /// ceremony's dealings (spec §4.5 steps 3–4).
    ///
    /// - Returns: The acknowledgements in x order.
    /// - Throws: as ``orderDealings(_:plan:)``, and `ceremony.ack-mismatch`.
    static func orderAcks(_ acks: [CeremonyAck], dealings: [CeremonyDealing], plan: CeremonyPlan) throws
        -> [CeremonyAck]
    {
        var byX = [(x: Int, ack: CeremonyAck)]()
        let hashes = dealings.map(\.fileHash)
        for ack in acks {
            try checkSigner(ack.x, document: ack.document, planHash: ack.plan, plan: plan, file: ack.file)
            guard ack.dealings == hashes else {
                throw CeremonyError(.ackMismatch, [.member(plan.holder(ack.x).id), .file(ack.file)])
            }
            if let other = byX.first(where: { $0.x == ack.x })?.ack {
                throw CeremonyError(.duplicate, [.member(plan.holder(ack.x).id), .file(other.file), .file(ack.file)])
            }
            byX.append((ack.x, ack))
        }
        try checkComplete(byX.map(\.x), plan: plan, pass: "acks")
        return (1...plan.holders.count).map { x in byX.first { $0.x == x }!.ack }
    }

    private static func checkSigner(
        _ x: Int, document: SignedDocument, planHash: [UInt8], plan: CeremonyPlan, file: String
    ) throws {
        guard x <= plan.holders.count else { throw CeremonyError(.notAHolder, [.text(String(x)), .file(file)]) }
        let holder = plan.holder(x)
        guard document.isSigned(by: holder.signingKey) else {
            throw CeremonyError(.badSignature, [.file(file), .member(holder.id)], hint: ErrorHint(.askForNewCopy))
        }
        guard planHash == plan.fileHash else { throw CeremonyError(.wrongPlan, [.file(file), .file(plan.file)]) }
    }

    private static func checkComplete(_ present: [Int], plan: CeremonyPlan, pass: String) throws {
        let missing = plan.holders.indices.filter { !present.contains($0 + 1) }.map { plan.holders[$0].id }
        guard missing.isEmpty else {
            throw CeremonyError(.missing, [.text(pass), .text(missing.joined(separator: ", "))])
        }
    }

    // MARK: - Judging

    /// Judges the ceremony (spec §4.5): orders both passes, excludes every dealer whose proof
    /// fails or whose signed share is shown off its commitments, and every holder whose complaint
    /// does not hold; then computes the joint key and the verification keys over the rest.
    ///
    /// - Parameters:
    ///   - plan: The plan.
    ///   - dealings: Every holder's dealing, in any order.
    ///   - acks: Every holder's acknowledgement, in any order.
    /// - Returns: The outcome.
    /// - Throws: the errors of ``orderDealings(_:plan:)`` and ``orderAcks(_:dealings:plan:)``;
    ///   ``CeremonyError`` `ceremony.too-few` when fewer than t holders remain.
    static func judge(plan: CeremonyPlan, dealings: [CeremonyDealing], acks: [CeremonyAck]) throws -> Outcome {
        let dealings = try orderDealings(dealings, plan: plan)
        let acks = try orderAcks(acks, dealings: dealings, plan: plan)
        var excluded = [Int: CeremonyError]()
        func exclude(_ x: Int, _ reason: CeremonyError) { if excluded[x] == nil { excluded[x] = reason } }
        for dealing in dealings where !dealing.hasValidProof {
            exclude(dealing.x, CeremonyError(.badProof, [.member(plan.holder(dealing.x).id), .file(dealing.file)]))
        }
        for ack in acks {
            let j = ack.x
            for complaint in ack.complaints {
                let i = complaint.dealer
                let accused = i <= plan.holders.count && i != j ? dealings[i - 1] : nil
                if let accused, try isProven(complaint, against: accused, by: j, plan: plan) {
                    exclude(
                        i, CeremonyError(.dealerCheated, [.member(plan.holder(i).id), .member(plan.holder(j).id)]))
                } else {
                    let name = i <= plan.holders.count ? plan.holder(i).id : String(i)
                    exclude(j, CeremonyError(.falseComplaint, [.member(plan.holder(j).id), .member(name)]))
                }
            }
        }
        let qualified = (1...plan.holders.count).filter { excluded[$0] == nil }
        guard qualified.count >= plan.threshold else {
            throw CeremonyError(
                .tooFew,
                [
                    .text(String(qualified.count)), .text(String(plan.threshold)),
                    .text(excluded.keys.sorted().map { plan.holder($0).id }.joined(separator: ", ")),
                ])
        }
        do {
            let sums = try (0..<plan.threshold).map { k in
                try qualified.dropFirst().reduce(dealings[qualified[0] - 1].commitments[k]) {
                    try $0.adding(dealings[$1 - 1].commitments[k])
                }
            }
            let keys = try (1...plan.holders.count).map { j -> Ristretto255.Point? in
                guard excluded[j] == nil else { return nil }
                // Σ_k j^k · S_k (the same sum as `combination(sums, [1, j, j², …])`, cheaper).
                return try Ristretto255.Point.combination(sums, powersOf: UInt64(j))
            }
            return Outcome(
                plan: plan, dealings: dealings, acks: acks, jointKey: sums[0], verificationKeys: keys,
                exclusions: excluded.keys.sorted().map { ($0, excluded[$0]!) })
        } catch {
            throw CryptoError(error)
        }
    }

    /// True when the complaint proves the dealer wrong: the dealer's signature over the revealed
    /// share verifies, the share is a canonical scalar, and `share·G ≠ Σ_k j^k · C_ik`.
    private static func isProven(
        _ complaint: CeremonyAck.Complaint, against dealing: CeremonyDealing, by j: Int, plan: CeremonyPlan
    ) throws -> Bool {
        guard let secret = try? SecretBytes(copying: complaint.share),
            let share = try? Ristretto255.Scalar(canonical: secret)
        else { return false }
        let message = try CeremonyDealing.shareMessage(
            plan: plan.fileHash, dealer: dealing.x, recipient: j, share: secret)
        guard plan.holder(dealing.x).signingKey.isValidSignature(complaint.signature, for: message) else {
            return false
        }
        let expected = try dealing.expectedSharePoint(for: j)
        guard let actual = try? Ristretto255.Point.base(times: share) else { return true }
        return actual != expected
    }

    // MARK: - In one place

    /// Runs both passes in memory for holders whose keys are all at hand (the demo, tests,
    /// benchmarks): the plan, every dealing, every acknowledgement, then the judgement.
    ///
    /// - Returns: the judged ceremony.
    /// - Throws: the errors of ``CeremonyPlan/create(holders:threshold:secretary:created:using:)``,
    ///   ``CeremonyDealing/create(plan:dealer:created:using:)``,
    ///   ``CeremonyAck/create(plan:dealings:holder:created:)`` and ``judge(plan:dealings:acks:)``.
    static func hold(
        holders: [SecretIdentity], threshold: Int, secretary: PublicIdentity, created: String = Timestamp.now(),
        using random: any RandomSource = SystemRandom()
    ) throws -> Outcome {
        let plan = try CeremonyPlan(
            parsing: try CeremonyPlan.create(
                holders: holders.map(\.identity), threshold: threshold, secretary: secretary, created: created,
                using: random), file: CeremonyFolder.planFileName)
        let dealings = try holders.map { holder in
            try CeremonyDealing(
                parsing: try CeremonyDealing.create(plan: plan, dealer: holder, created: created, using: random),
                file: CeremonyFolder.dealingFileName(holder: holder.identity.id))
        }
        let acks = try holders.map { holder in
            try CeremonyAck(
                parsing: try CeremonyAck.create(plan: plan, dealings: dealings, holder: holder, created: created).bytes,
                file: CeremonyFolder.ackFileName(holder: holder.identity.id))
        }
        return try judge(plan: plan, dealings: dealings, acks: acks)
    }
}
