import Testing
import VaultCrypto

@testable import AppraisalVault

/// A 2-of-3 round with named holders, a secretary and fake locked results, all deterministic and
/// in memory.
struct ApprovalFixture {
    static let created = "2026-12-20T08:00:00Z"
    static let decision = "Quyết định số 123/QĐ-UBND ngày 20/12/2026"
    static let holderIDs = ["chu-tich", "pho-chu-tich", "chanh-vp"]

    let holders: [SecretIdentity]
    let secretary: SecretIdentity
    let policy: ReleasePolicy
    let roundID: [UInt8]
    let roundHash: [UInt8]
    let manifestHash: [UInt8]
    let plaintext: [UInt8]
    let results: [UInt8]

    /// The results file hash (what approvals and the manifest refer to).
    var resultsHash: [UInt8] { BLAKE2b.hash(results, outputLength: 32) }

    init(seed: String = "approval fixture", threshold: Int = 2) throws {
        holders = try Self.holderIDs.map { id in
            try SecretIdentity.generate(
                id: id, name: "Người giữ khoá \(id)", role: .holder, isDemo: true, created: Self.created,
                using: DeterministicRandom(seed: "\(seed) \(id)"))
        }
        secretary = try SecretIdentity.generate(
            id: "thu-ky", name: "Thư ký", role: .secretary, isDemo: true, created: Self.created,
            using: DeterministicRandom(seed: "\(seed) thu-ky"))
        roundID = Array(BLAKE2b.hash(Array("\(seed) round id".utf8), outputLength: 16))
        roundHash = BLAKE2b.hash(Array("\(seed) round definition".utf8), outputLength: 32)
        manifestHash = BLAKE2b.hash(Array("\(seed) manifest".utf8), outputLength: 32)
        policy = try ReleasePolicy.create(
            holders: holders.map(\.identity), threshold: threshold, roundID: roundID,
            using: DeterministicRandom(seed: "\(seed) policy"))
        plaintext = Array(#"{"round":"…","units":[{"label":"Tốt","percent":"87.25","unit":"so-noi-vu"}]}"#.utf8)
        results = try Self.lockedResults(plaintext, round: roundHash, sender: secretary, to: policy.releaseKey)
    }

    /// Seals fake results as the merge does (spec §6.4).
    static func lockedResults(
        _ content: [UInt8], round: [UInt8], sender: SecretIdentity, to key: X25519.PublicKey,
        context: [String: JSONValue] = [:]
    ) throws -> [UInt8] {
        try SealedEnvelope.seal(
            content, kind: .lockedResults, round: round, context: context, sender: sender, recipient: key,
            created: created, using: DeterministicRandom(seed: "seal \(Hex.encode(round))"))
    }

    /// Holder `i`'s approval of this round's results (or of other hashes, for negative tests).
    func approve(
        _ i: Int, as holder: SecretIdentity? = nil, decision: String = ApprovalFixture.decision,
        roundHash: [UInt8]? = nil,
        manifestHash: [UInt8]? = nil, resultsHash: [UInt8]? = nil
    ) throws -> (bytes: [UInt8], file: String) {
        let bytes = try Approval.create(
            policy: policy, roundID: roundID, roundHash: roundHash ?? self.roundHash,
            manifestHash: manifestHash ?? self.manifestHash, resultsHash: resultsHash ?? self.resultsHash,
            decision: decision, holder: holder ?? holders[i], created: Self.created)
        return (bytes, "\(Self.holderIDs[i]).ava")
    }

    /// Parses and verifies an approval against this round.
    @discardableResult
    func verify(_ approval: (bytes: [UInt8], file: String)) throws -> ReleasePolicy.Holder {
        try Approval(parsing: approval.bytes, file: approval.file).verify(
            policy: policy, roundID: roundID, roundHash: roundHash, manifestHash: manifestHash, resultsHash: resultsHash
        )
    }

    /// Combines approvals for this round.
    func combine(_ approvals: [(bytes: [UInt8], file: String)]) throws -> ReleaseToken.Combined {
        try ReleaseToken.combine(
            approvals, policy: policy, roundID: roundID, roundHash: roundHash, manifestHash: manifestHash,
            resultsHash: resultsHash, created: Self.created)
    }

    /// Parses a token and opens `results` (this round's by default) with it.
    func open(token: [UInt8], results: [UInt8]? = nil) throws -> [UInt8] {
        let parsed = try ReleaseToken(parsing: token, file: "release.avt")
        return try LockedResults.open(
            results ?? self.results, file: "results.avl", token: parsed, policy: policy, roundID: roundID,
            roundHash: roundHash, manifestHash: manifestHash, secretary: secretary.identity)
    }

    /// Holder `i`'s keys under another id (the same person registered twice).
    func alias(_ i: Int, id: String) -> SecretIdentity {
        let h = holders[i]
        let identity = PublicIdentity(
            id: id, name: h.identity.name, role: .holder, signingKey: h.identity.signingKey,
            encryptionKey: h.identity.encryptionKey, created: Self.created, isDemo: true)
        return SecretIdentity(identity: identity, signingKey: h.signingKey, encryptionKey: h.encryptionKey)
    }

    /// Edits an approval's header and signs it again with `signer` (a holder who signs bad data).
    static func resign(
        _ approval: (bytes: [UInt8], file: String), by signer: SecretIdentity,
        _ edit: (inout [String: JSONValue]) -> Void
    ) throws -> (bytes: [UInt8], file: String) {
        let doc = try SignedDocument(parsing: approval.bytes, expecting: .approval, file: approval.file)
        guard case .object(var fields) = doc.container.header else { fatalError("header is an object") }
        edit(&fields)
        return (
            try SignedDocument.encode(kind: .approval, header: .object(fields), signer: signer.signingKey),
            approval.file
        )
    }

    /// Edits a token's header and re-encodes it (tokens are unsigned), keeping `body`.
    static func editToken(_ token: [UInt8], body: [UInt8] = [], _ edit: (inout [String: JSONValue]) -> Void) throws
        -> [UInt8]
    {
        let container = try Container(parsing: token, expecting: .releaseToken, file: "t")
        guard case .object(var fields) = container.header else { fatalError("header is an object") }
        edit(&fields)
        return Container.encode(kind: .releaseToken, header: .object(fields), body: body)
    }

    /// Flips bit `bit` of byte `offset` (from the end when negative).
    static func flip(_ bytes: [UInt8], at offset: Int, bit: UInt8 = 1) -> [UInt8] {
        var out = bytes
        out[offset < 0 ? out.count + offset : offset] ^= bit
        return out
    }
}
