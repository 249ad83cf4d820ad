import Foundation
import VaultCrypto

@testable import AppraisalVault

/// Vectors for the release artifacts (spec §8, areas `approval` and `release-token`).
///
/// A tiny 2-of-3 release policy: holders `giu-khoa-1…3` (demo, `DeterministicRandom` seeds
/// `AppraisalVault/vectors/release/holder-i`), created with seed `AppraisalVault/vectors/release/policy`
/// for round id ``releaseRoundID``. What a runner needs is in header lines: `policy:` (hex of the
/// canonical JSON of the round definition's `release` section, §4.7), `round-id:` (16 bytes),
/// `round-hash:`, `manifest-hash:`, `results-hash:` (stand-ins, 32 bytes each).
extension VectorGenerator {
    static let releaseRoundID = Array(
        BLAKE2b.hash(Array("AppraisalVault/vectors/release/round-id".utf8), outputLength: 32).prefix(16))
    static let decision = "Quyết định số 123/QĐ-UBND ngày 20/12/2026"
    static var manifestHash: [UInt8] { fakeHash("manifest") }
    static var resultsHash: [UInt8] { fakeHash("results") }

    static func releaseHolders() throws -> [SecretIdentity] {
        try (1...3).map { i in
            try SecretIdentity.generate(
                id: "giu-khoa-\(i)", name: "Người giữ khóa \(i)", role: .holder, isDemo: true, created: created,
                using: DeterministicRandom(seed: "AppraisalVault/vectors/release/holder-\(i)"))
        }
    }

    /// A holder-role identity that is not in the policy.
    static func outsider() throws -> SecretIdentity {
        try SecretIdentity.generate(
            id: "giu-khoa-ngoai", name: "Người ngoài", role: .holder, isDemo: true, created: created,
            using: DeterministicRandom(seed: "AppraisalVault/vectors/release/outsider"))
    }

    static func releasePolicy() throws -> ReleasePolicy {
        try ReleasePolicy.create(
            holders: releaseHolders().map(\.identity), threshold: 2, roundID: releaseRoundID,
            using: DeterministicRandom(seed: "AppraisalVault/vectors/release/policy"))
    }

    static func releaseFields(_ policy: ReleasePolicy, results: [UInt8]? = nil) -> [(String, String)] {
        [
            ("policy", Hex.encode(CanonicalJSON.serialize(policy.json))), ("round-id", Hex.encode(releaseRoundID)),
            ("round-hash", Hex.encode(journalRound)), ("manifest-hash", Hex.encode(manifestHash)),
            ("results-hash", Hex.encode(results ?? resultsHash)),
        ]
    }

    /// A genuine approval by holder `i` (0-based).
    static func approval(
        _ i: Int, policy: ReleasePolicy, results: [UInt8]? = nil, manifest: [UInt8]? = nil, round: [UInt8]? = nil,
        decision text: String = decision
    ) throws -> [UInt8] {
        try Approval.create(
            policy: policy, roundID: releaseRoundID, roundHash: round ?? journalRound,
            manifestHash: manifest ?? manifestHash,
            resultsHash: results ?? resultsHash, decision: text, holder: releaseHolders()[i], created: created)
    }

    /// An approval header edited by `edit`, then signed by `signer`.
    static func editedApproval(
        _ bytes: [UInt8], signer: Ed25519.PrivateKey, _ edit: (inout [String: JSONValue]) -> Void
    ) throws -> [UInt8] {
        let doc = try SignedDocument(parsing: bytes, expecting: .approval, file: "approval")
        guard case .object(var fields) = doc.container.header else { preconditionFailure("approval json") }
        edit(&fields)
        return try SignedDocument.encode(kind: .approval, header: .object(fields), signer: signer)
    }

    @Sendable static func approvalVectors() throws -> [Vector] {
        let policy = try releasePolicy()
        let holders = try releaseHolders()
        let good = try approval(0, policy: policy)
        let outsider = try outsider()
        let notAHolder = try editedApproval(good, signer: outsider.signingKey) {
            $0["holder"] = .string(outsider.identity.id)
            $0["holderSigningKey"] = .hex(outsider.signingKey.publicKey.rawRepresentation)
        }
        let corruptShare = try editedApproval(good, signer: holders[0].signingKey) {
            guard case .string(let s) = $0["share"]! else { return }
            let first = s.first == "0" ? "1" : "0"
            $0["share"] = .string(first + s.dropFirst())
        }
        let wrongX = try editedApproval(good, signer: holders[0].signingKey) { $0["x"] = .int(2) }
        let unknown = try editedApproval(good, signer: holders[0].signingKey) {
            $0["note"] = .string("không có trong đặc tả")
        }
        let nfd = try editedApproval(good, signer: holders[0].signingKey) {
            $0["decision"] = .string(decision.decomposedStringWithCanonicalMapping)
        }
        func a(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8]) -> Vector {
            vector("approval", name, expect: expect, releaseFields(policy), comment: comment, body)
        }
        return [
            a("success", "success", "giu-khoa-1 (x = 1) approves; 2-of-3 policy", good),
            a("success-holder-3", "success", "giu-khoa-3 (x = 3) approves", try approval(2, policy: policy)),
            a("bad-signature", "approval.bad-signature", "last byte XOR 0x01", flipped(good, at: good.count - 1)),
            a(
                "not-a-holder", "approval.not-a-holder",
                "giu-khoa-1's header with holder and holderSigningKey of giu-khoa-ngoai (not in the policy), signed by it",
                notAHolder),
            a("wrong-x", "approval.wrong-x", "giu-khoa-1's approval claiming x = 2, re-signed", wrongX),
            a(
                "other-round", "approval.wrong-round",
                "made for round BLAKE2b-256(\"AppraisalVault/vectors/hash/other-round\")",
                try approval(0, policy: policy, round: fakeHash("other-round"))),
            a(
                "other-manifest", "approval.wrong-manifest",
                "made for manifest BLAKE2b-256(\"AppraisalVault/vectors/hash/other-manifest\")",
                try approval(0, policy: policy, manifest: fakeHash("other-manifest"))),
            a(
                "other-results", "approval.wrong-results",
                "made for results BLAKE2b-256(\"AppraisalVault/vectors/hash/other-results\")",
                try approval(0, policy: policy, results: fakeHash("other-results"))),
            a(
                "corrupted-share", "approval.share-commitment",
                "first hex digit of share changed, re-signed: the commitment fails",
                corruptShare),
            a("unknown-field", "format.header", "extra field \"note\", signed", unknown),
            a("decision-nfd", "format.header", "decision in NFD (not NFC), signed", nfd),
            a("trailing-byte", "format.trailing", "one zero byte after the signature", good + [0]),
        ]
    }

    // MARK: - Release token

    /// A token with exactly these approvals and fields (no checks), as ``ReleaseToken/combine`` writes it.
    static func tokenFile(
        _ approvals: [[UInt8]], secret: String, releaseKey: [UInt8], decision text: String = decision,
        results: [UInt8]? = nil
    ) -> [UInt8] {
        Container.encode(
            kind: .releaseToken,
            header: .object([
                "approvals": .array(approvals.map { .hex($0) }), "created": .string(created), "decision": .string(text),
                "manifest": .hex(manifestHash), "releaseKey": .hex(releaseKey), "releaseSecret": .string(secret),
                "results": .hex(results ?? resultsHash), "round": .hex(journalRound),
            ]))
    }

    @Sendable static func tokenVectors() throws -> [Vector] {
        let policy = try releasePolicy()
        let holders = try releaseHolders()
        let approvals = try (0..<3).map { try approval($0, policy: policy) }
        let combined = try ReleaseToken.combine(
            [(approvals[0], "a1"), (approvals[1], "a2")], policy: policy, roundID: releaseRoundID,
            roundHash: journalRound,
            manifestHash: manifestHash, resultsHash: resultsHash, created: created)
        let good = combined.bytes
        let parsed = try ReleaseToken(parsing: good, file: "token")
        let secret = Hex.encode(secret: parsed.releaseSecret)
        let releaseKey = policy.releaseKey.rawRepresentation
        let all = tokenFile(approvals, secret: secret, releaseKey: releaseKey)
        let otherSecret = Hex.encode(
            BLAKE2b.hash(Array("AppraisalVault/vectors/release/other-secret".utf8), outputLength: 32))
        let otherKey = try X25519.PrivateKey(secret: SecretBytes(copying: Hex.decode(otherSecret)!))
        let corruptShare = try editedApproval(approvals[1], signer: holders[1].signingKey) {
            guard case .string(let s) = $0["share"]! else { return }
            $0["share"] = .string((s.first == "0" ? "1" : "0") + s.dropFirst())
        }
        let otherResults = fakeHash("other-results")
        let otherResultsToken = try ReleaseToken.combine(
            [
                (approval(0, policy: policy, results: otherResults), "a1"),
                (approval(1, policy: policy, results: otherResults), "a2"),
            ],
            policy: policy, roundID: releaseRoundID, roundHash: journalRound, manifestHash: manifestHash,
            resultsHash: otherResults,
            created: created
        ).bytes
        func a(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8]) -> Vector {
            vector("release-token", name, expect: expect, releaseFields(policy), comment: comment, body)
        }
        return [
            a(
                "success", "success", "approvals of giu-khoa-1 and giu-khoa-2 (t = 2), as release combine writes it",
                good),
            a("success-all-holders", "success", "approvals of all three holders", all),
            a(
                "fewer-than-t", "approval.not-enough", "only giu-khoa-1's approval, with the correct releaseSecret",
                tokenFile([approvals[0]], secret: secret, releaseKey: releaseKey)),
            a(
                "secret-mismatch", "token.secret-mismatch",
                "releaseSecret = BLAKE2b-256(\"AppraisalVault/vectors/release/other-secret\"), not the release key's secret",
                tokenFile([approvals[0], approvals[1]], secret: otherSecret, releaseKey: releaseKey)),
            a(
                "wrong-release-key", "token.wrong-release-key",
                "releaseKey and releaseSecret of another key pair (consistent with each other)",
                tokenFile(
                    [approvals[0], approvals[1]], secret: otherSecret, releaseKey: otherKey.publicKey.rawRepresentation)
            ),
            a(
                "other-results", "token.wrong-results",
                "a correct token made for results BLAKE2b-256(\"AppraisalVault/vectors/hash/other-results\")",
                otherResultsToken),
            a(
                "duplicate-key", "token.duplicate-key", "giu-khoa-1's approval twice",
                tokenFile([approvals[0], approvals[0]], secret: secret, releaseKey: releaseKey)),
            a(
                "x-not-increasing", "format.header", "approvals in order x = 2, 1",
                tokenFile([approvals[1], approvals[0]], secret: secret, releaseKey: releaseKey)),
            a(
                "corrupted-share", "approval.share-commitment",
                "giu-khoa-2's approval with its share's first hex digit changed, re-signed",
                tokenFile([approvals[0], corruptShare], secret: secret, releaseKey: releaseKey)),
            a(
                "decision-differs", "token.decision-differs",
                "the token's decision differs from the approvals' (\"123\" → \"124\")",
                tokenFile(
                    [approvals[0], approvals[1]], secret: secret, releaseKey: releaseKey,
                    decision: decision.replacingOccurrences(of: "123", with: "124"))),
            a(
                "trailing-byte", "format.trailing", "one zero byte after the header (a token has an empty body)",
                good + [0]),
        ]
    }
}

extension VectorRunner {
    struct ReleaseContext {
        let policy: ReleasePolicy
        let roundID: [UInt8]
        let roundHash: [UInt8]
        let manifestHash: [UInt8]
        let resultsHash: [UInt8]
    }

    static func releaseContext(_ vector: Vector) -> ReleaseContext? {
        guard let policyBytes = vector["policy"].flatMap({ Hex.decode($0) }),
            let json = try? CanonicalJSON.parse(policyBytes),
            let policy = try? ReleasePolicy(json: json, path: "release"),
            let roundID = vector["round-id"].flatMap({ Hex.decode($0) }),
            let round = vector["round-hash"].flatMap({ Hex.decode($0) }),
            let manifest = vector["manifest-hash"].flatMap({ Hex.decode($0) }),
            let results = vector["results-hash"].flatMap({ Hex.decode($0) })
        else { return nil }
        return ReleaseContext(
            policy: policy, roundID: roundID, roundHash: round, manifestHash: manifest, resultsHash: results)
    }

    /// `approval`: parse (§8.2), then verify against the policy and hashes in the header lines (§8.3).
    @Sendable static func runApproval(_ vector: Vector) -> String {
        guard let c = releaseContext(vector) else { return "no valid policy, round-id or hashes" }
        do {
            try Approval(parsing: vector.body, file: vector.description).verify(
                policy: c.policy, roundID: c.roundID, roundHash: c.roundHash, manifestHash: c.manifestHash,
                resultsHash: c.resultsHash)
            return "success"
        } catch {
            return error.errorID
        }
    }

    /// `release-token`: parse (§8.4), then verify (§8.6).
    @Sendable static func runReleaseToken(_ vector: Vector) -> String {
        guard let c = releaseContext(vector) else { return "no valid policy, round-id or hashes" }
        do {
            let key = try ReleaseToken(parsing: vector.body, file: vector.description).verify(
                policy: c.policy, roundID: c.roundID, roundHash: c.roundHash, manifestHash: c.manifestHash,
                resultsHash: c.resultsHash)
            key.secret.wipe()
            return "success"
        } catch {
            return error.errorID
        }
    }
}
