import Testing
import VaultCrypto

@testable import AppraisalVault

/// Holders, a secretary, a plan and both passes of a key ceremony, deterministic and in memory;
/// any dealing or acknowledgement can be replaced by a doctored one before judging.
struct CeremonyFixture {
    static let created = "2026-01-01T00:00:00Z"
    let holders: [SecretIdentity]
    let secretary: SecretIdentity
    let plan: CeremonyPlan
    var dealings: [CeremonyDealing]
    var acks: [CeremonyAck]

    init(count: Int = 3, threshold: Int = 2, seed: String = "ceremony") throws {
        holders = try (1...count).map { i in
            try SecretIdentity.generate(
                id: "holder-\(i)", name: "Người giữ khoá \(i)", role: .holder, isDemo: true, created: Self.created,
                using: DeterministicRandom(seed: "\(seed) holder \(i)"))
        }
        secretary = try SecretIdentity.generate(
            id: "thu-ky", name: "Thư ký", role: .secretary, isDemo: true, created: Self.created,
            using: DeterministicRandom(seed: "\(seed) secretary"))
        let random = DeterministicRandom(seed: "\(seed) passes")
        plan = try CeremonyPlan(
            parsing: try CeremonyPlan.create(
                holders: holders.map(\.identity), threshold: threshold, secretary: secretary.identity,
                created: Self.created, using: random), file: "plan.avp")
        let plan = plan
        dealings = try holders.map { h in
            try CeremonyDealing(
                parsing: try CeremonyDealing.create(plan: plan, dealer: h, created: Self.created, using: random),
                file: "\(h.identity.id).avd")
        }
        acks = []
        try acknowledge()
    }

    /// Every holder acknowledges the current dealings again.
    mutating func acknowledge() throws {
        let (plan, dealings) = (plan, dealings)
        acks = try holders.map { h in
            try CeremonyAck(
                parsing: try CeremonyAck.create(plan: plan, dealings: dealings, holder: h, created: Self.created).bytes,
                file: "\(h.identity.id).avk")
        }
    }

    func judge() throws -> Ceremony.Outcome { try Ceremony.judge(plan: plan, dealings: dealings, acks: acks) }

    /// Re-signs document `bytes` of `kind` by `signer` after `edit`ing its header.
    static func resign(
        _ bytes: [UInt8], kind: ArtifactKind, by signer: SecretIdentity,
        _ edit: (inout [String: JSONValue]) throws -> Void
    ) throws -> [UInt8] {
        let doc = try SignedDocument(parsing: bytes, expecting: kind, file: "x")
        guard case .object(var fields) = doc.container.header else { fatalError("header is an object") }
        try edit(&fields)
        return try SignedDocument.encode(kind: kind, header: .object(fields), signer: signer.signingKey)
    }

    /// Dealer `i` (0-based) re-seals a share to holder `j` (0-based) that is off its polynomial:
    /// the dealer's own signature inside, so the recipient's complaint can prove it.
    mutating func sabotage(dealer i: Int, recipient j: Int) throws {
        let dealer = holders[i]
        let planHash = plan.fileHash
        let bad = try Ristretto255.Scalar.random(using: DeterministicRandom(seed: "bad share"))
        let message = try CeremonyDealing.shareMessage(
            plan: planHash, dealer: i + 1, recipient: j + 1, share: bad.secret)
        let plaintext = try SecretBytes.concatenating([
            bad.secret, SecretBytes(copying: try dealer.signingKey.signature(for: message)),
        ])
        let sealed = try SealedBox.seal(plaintext, to: holders[j].encryptionKey.publicKey)
        let bytes = try Self.resign(dealings[i].bytes, kind: .ceremonyDealing, by: dealer) { fields in
            guard case .array(var shares) = fields["shares"] else { return }
            shares[j] = .hex(sealed)
            fields["shares"] = .array(shares)
        }
        dealings[i] = try CeremonyDealing(parsing: bytes, file: dealings[i].file)
    }
}
