import Testing
import VaultCrypto

@testable import AppraisalVault

@Suite("Ceremony: judging the passes")
struct CeremonyTests {
    /// Rule: an honest 2-of-3 ceremony qualifies everyone; Y is the sum of the constant-term
    /// commitments; each holder's rebuilt secret matches its verification key; any two holders'
    /// secrets interpolate (in the exponent) to Y, one does not.
    @Test func honestCeremonyGivesConsistentKeys() throws {
        let f = try CeremonyFixture()
        let outcome = try f.judge()
        #expect(outcome.qualified == [1, 2, 3] && outcome.exclusions.isEmpty)
        let sum = try f.dealings[1...].reduce(f.dealings[0].commitments[0]) { try $0.adding($1.commitments[0]) }
        #expect(outcome.jointKey == sum)
        let policy = ReleasePolicy(outcome)
        let secrets = try f.holders.map { try policy.holderSecret($0).secret }
        for (j, secret) in secrets.enumerated() {
            #expect(try Ristretto255.Point.base(times: secret) == outcome.verificationKeys[j])
        }
        for set in [[1, 2], [1, 3], [2, 3]] {
            let lambdas = try set.map {
                try Ristretto255.Scalar.lagrangeAtZero(index: UInt64($0), in: set.map(UInt64.init))
            }
            let combined = try Ristretto255.Point.combination(set.map { outcome.verificationKeys[$0 - 1]! }, lambdas)
            #expect(combined == outcome.jointKey)
        }
        let one = try Ristretto255.Point.base(times: secrets[0])
        #expect(one != outcome.jointKey)
    }

    /// Rule: a dealer who seals a share off its commitments (but matching nothing anyone else can
    /// see) is caught by the recipient's complaint, named and excluded; the others still make a
    /// consistent 2-of-2 key.
    @Test func cheatingDealerNamedAndExcluded() throws {
        var f = try CeremonyFixture()
        try f.sabotage(dealer: 0, recipient: 1)
        try f.acknowledge()
        #expect(f.acks[1].complaints.map(\.dealer) == [1])
        #expect(f.acks[0].complaints.isEmpty && f.acks[2].complaints.isEmpty)
        let outcome = try f.judge()
        #expect(outcome.qualified == [2, 3])
        #expect(outcome.exclusions.map(\.x) == [1])
        #expect(outcome.exclusions[0].reason.code == .dealerCheated)
        #expect(outcome.exclusions[0].reason.context.member == "holder-1")
        let policy = ReleasePolicy(outcome)
        #expect(policy.holders[0].verificationKey == nil)
        #expect(throws: CeremonyError(.excluded, [.member("holder-1")])) { try policy.holderSecret(f.holders[0]) }
        let secrets = try f.holders[1...].map { try policy.holderSecret($0).secret }
        let lambdas = try [2, 3].map { try Ristretto255.Scalar.lagrangeAtZero(index: UInt64($0), in: [2, 3]) }
        let rebuilt = try secrets[0].multiplied(by: lambdas[0]).adding(secrets[1].multiplied(by: lambdas[1]))
        #expect(try Ristretto255.Point.base(times: rebuilt) == outcome.jointKey)
    }

    /// Rule: a complaint whose evidence does not hold (a share the dealer never signed) excludes
    /// the complainer, not the dealer.
    @Test func falseComplaintExcludesTheComplainer() throws {
        var f = try CeremonyFixture()
        let liar = f.holders[2]
        let bytes = try CeremonyFixture.resign(f.acks[2].bytes, kind: .ceremonyAck, by: liar) { fields in
            fields["complaints"] = .array([
                .object([
                    "dealer": .integer(1), "share": .hex([UInt8](repeating: 7, count: 32)),
                    "signature": .hex([UInt8](repeating: 9, count: 64)),
                ])
            ])
        }
        f.acks[2] = try CeremonyAck(parsing: bytes, file: "holder-3.avk")
        let outcome = try f.judge()
        #expect(outcome.qualified == [1, 2])
        #expect(outcome.exclusions.map(\.reason.code) == [.falseComplaint])
        #expect(outcome.exclusions[0].reason.context.member == "holder-3")
    }

    /// Rule: a dealing whose proof of knowledge fails (a rogue constant term) is excluded, named.
    @Test func badProofExcluded() throws {
        var f = try CeremonyFixture()
        let bytes = try CeremonyFixture.resign(f.dealings[1].bytes, kind: .ceremonyDealing, by: f.holders[1]) {
            fields in
            fields["proof"] = .hex(
                [UInt8](Ristretto255.Point.generator.rawRepresentation) + [UInt8](repeating: 1, count: 32))
        }
        f.dealings[1] = try CeremonyDealing(parsing: bytes, file: "holder-2.avd")
        try f.acknowledge()
        let outcome = try f.judge()
        #expect(outcome.exclusions.map(\.x) == [2] && outcome.exclusions[0].reason.code == .badProof)
    }

    /// Rule: fewer than t holders left after exclusions fails the ceremony.
    @Test func tooFewAfterExclusions() throws {
        var f = try CeremonyFixture(count: 2, threshold: 2)
        try f.sabotage(dealer: 0, recipient: 1)
        try f.acknowledge()
        #expect(throws: CeremonyError(.tooFew, [.text("1"), .text("2"), .text("holder-1")])) { try f.judge() }
    }

    /// Rules: a missing pass, a duplicate, another plan, a file not signed by its holder, and an
    /// acknowledgement of other dealings are refused, each naming the file or the holder.
    @Test func incompleteOrForeignPassesRefused() throws {
        let f = try CeremonyFixture()
        func judge(dealings: [CeremonyDealing]? = nil, acks: [CeremonyAck]? = nil) throws -> Ceremony.Outcome {
            try Ceremony.judge(plan: f.plan, dealings: dealings ?? f.dealings, acks: acks ?? f.acks)
        }
        #expect(throws: CeremonyError(.missing, [.text("dealings"), .text("holder-3")])) {
            try judge(dealings: Array(f.dealings.prefix(2)))
        }
        #expect(throws: CeremonyError(.missing, [.text("acks"), .text("holder-1")])) {
            try judge(acks: Array(f.acks.suffix(2)))
        }
        #expect(throws: CeremonyError(.duplicate, [.member("holder-1"), .file("holder-1.avd"), .file("holder-1.avd")]))
        {
            try judge(dealings: f.dealings + [f.dealings[0]])
        }
        let other = try CeremonyFixture(seed: "other ceremony")
        #expect(throws: CeremonyError.self) { try judge(dealings: [other.dealings[0]] + f.dealings.suffix(2)) }
        // Signed by holder 2 but claiming x = 1.
        let forged = try CeremonyFixture.resign(f.dealings[0].bytes, kind: .ceremonyDealing, by: f.holders[1]) { _ in }
        #expect(
            throws: CeremonyError(.badSignature, [.file("x1"), .member("holder-1")], hint: ErrorHint(.askForNewCopy))
        ) {
            try judge(dealings: [try CeremonyDealing(parsing: forged, file: "x1")] + f.dealings.suffix(2))
        }
        // Holder 1 acknowledges another dealing from holder 3 than the folder holds.
        var changed = f
        let redeal = try CeremonyDealing.create(
            plan: f.plan, dealer: f.holders[2], created: CeremonyFixture.created,
            using: DeterministicRandom(seed: "redeal"))
        changed.dealings[2] = try CeremonyDealing(parsing: redeal, file: "holder-3.avd")
        #expect(throws: CeremonyError(.ackMismatch, [.member("holder-1"), .file("holder-1.avk")])) {
            try changed.judge()
        }
    }

    /// Rule: a share that does not open (or is not the dealer's) stops the recipient's
    /// acknowledgement, naming the dealer.
    @Test func unopenableShareStopsTheAck() throws {
        var f = try CeremonyFixture()
        let bytes = try CeremonyFixture.resign(f.dealings[0].bytes, kind: .ceremonyDealing, by: f.holders[0]) {
            fields in
            guard case .array(var shares) = fields["shares"], case .string(let s) = shares[2] else { return }
            var raw = Hex.decode(s)!
            raw[100] ^= 1
            shares[2] = .hex(raw)
            fields["shares"] = .array(shares)
        }
        f.dealings[0] = try CeremonyDealing(parsing: bytes, file: "holder-1.avd")
        #expect(throws: CeremonyError(.shareUnopenable, [.member("holder-1"), .file("holder-1.avd")])) {
            _ = try CeremonyAck.create(plan: f.plan, dealings: f.dealings, holder: f.holders[2])
        }
        _ = try CeremonyAck.create(plan: f.plan, dealings: f.dealings, holder: f.holders[1])
    }

    /// Rule: the release section round-trips, re-judges on every read, and refuses a changed file
    /// or files out of x order.
    @Test func releaseSectionRoundTrip() throws {
        let f = try CeremonyFixture()
        let policy = ReleasePolicy(try f.judge())
        let bytes = CanonicalJSON.serialize(policy.json)
        let parsed = try ReleasePolicy(json: CanonicalJSON.parse(bytes), path: "release")
        #expect(parsed.jointKey == policy.jointKey && CanonicalJSON.serialize(parsed.json) == bytes)
        guard case .object(var fields) = policy.json, case .array(let acks) = fields["acks"] else { return }
        fields["acks"] = .array(acks.reversed())
        #expect(throws: FieldReader.Failure.self) { try ReleasePolicy(json: .object(fields), path: "release") }
        fields["acks"] = .array(acks)
        guard case .array(var dealings) = fields["dealings"], case .string(let d) = dealings[0] else { return }
        var raw = Hex.decode(d)!
        raw[raw.count - 1] ^= 1
        dealings[0] = .hex(raw)
        fields["dealings"] = .array(dealings)
        #expect(throws: FieldReader.Failure.self) { try ReleasePolicy(json: .object(fields), path: "release") }
    }

    /// Rule: the plan refuses what the old release section refused: n outside 1…32, t outside
    /// 1…n, a non-holder, and one key or id twice.
    @Test func planRules() throws {
        let f = try CeremonyFixture()
        let ids = f.holders.map(\.identity)
        #expect(CeremonyPlan.problem(holders: ids, threshold: 4)?.code == .thresholdRange)
        #expect(CeremonyPlan.problem(holders: ids, threshold: 0)?.code == .thresholdRange)
        #expect(CeremonyPlan.problem(holders: [], threshold: 1)?.code == .holderCount)
        #expect(CeremonyPlan.problem(holders: [ids[0], ids[0]], threshold: 1)?.code == .duplicateHolderID)
        #expect(CeremonyPlan.problem(holders: [ids[0], f.secretary.identity], threshold: 1)?.code == .holderRole)
        let twin = PublicIdentity(
            id: "twin", name: "Twin", role: .holder, signingKey: ids[0].signingKey, encryptionKey: ids[1].encryptionKey,
            created: CeremonyFixture.created, isDemo: true)
        #expect(CeremonyPlan.problem(holders: [ids[0], twin], threshold: 1)?.code == .duplicateSigningKey)
        #expect(CeremonyPlan.problem(holders: ids, threshold: 2) == nil)
        #expect(throws: RoundError.self) {
            try CeremonyPlan.create(holders: ids, threshold: 2, secretary: ids[0])
        }
    }
}
