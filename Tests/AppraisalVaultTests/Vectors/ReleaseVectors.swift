import Foundation
import VaultCrypto

@testable import AppraisalVault

/// Vectors for the release artifacts (spec §8, areas `approval` and `release-token`).
///
/// A 2-of-3 key ceremony (spec §4): holders `giu-khoa-1…3` (demo, `DeterministicRandom` seeds
/// `AppraisalVault/vectors/release/holder-i`), secretary `thu-ky-vector`, both passes drawn from
/// `DeterministicRandom("AppraisalVault/vectors/release/ceremony")`. The locked results are the
/// `locked-results/success` vector. What a runner needs is in header lines: `policy:` (hex of the
/// canonical JSON of the round definition's `release` section, §4.6), `round-hash:`,
/// `manifest-hash:` (stand-ins), `results-hash:` and `ephemeral-key:` (of the locked results).
extension VectorGenerator {
    static let decision = "Quyết định số 123/QĐ-UBND ngày 20/12/2026"
    static var manifestHash: [UInt8] { fakeHash("manifest") }

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

    /// The vectors' judged ceremony.
    static func releaseCeremony() throws -> Ceremony.Outcome {
        try Ceremony.hold(
            holders: releaseHolders(), threshold: 2, secretary: submissionSecretary().identity, created: created,
            using: DeterministicRandom(seed: "AppraisalVault/vectors/release/ceremony"))
    }

    static func releasePolicy() throws -> ReleasePolicy { ReleasePolicy(try releaseCeremony()) }

    /// The locked results every approval and token vector is about.
    static func releaseResults(_ policy: ReleasePolicy, seed: String = "success") throws -> SealedEnvelope {
        try SealedEnvelope(
            parsing: try locked(seed, sender: submissionSecretary(), recipient: policy.jointKey),
            expecting: .lockedResults, file: "results.avl")
    }

    static func releaseFields(_ policy: ReleasePolicy, results: SealedEnvelope) throws -> [(String, String)] {
        [
            ("policy", Hex.encode(CanonicalJSON.serialize(policy.json))), ("round-hash", Hex.encode(journalRound)),
            ("manifest-hash", Hex.encode(manifestHash)), ("results-hash", Hex.encode(results.fileHash)),
            ("ephemeral-key", Hex.encode(try ReleaseToken.binding(of: results).ephemeral.rawRepresentation)),
        ]
    }

    /// A genuine approval by holder `i` (0-based) of `results`.
    static func approval(
        _ i: Int, policy: ReleasePolicy, results: SealedEnvelope, resultsHash: [UInt8]? = nil, manifest: [UInt8]? = nil,
        round: [UInt8]? = nil, decision text: String = decision
    ) throws -> [UInt8] {
        try Approval.create(
            policy: policy, roundHash: round ?? journalRound, manifestHash: manifest ?? manifestHash,
            resultsHash: resultsHash ?? results.fileHash, ephemeral: try ReleaseToken.binding(of: results).ephemeral,
            decision: text, holder: releaseHolders()[i], created: created,
            using: DeterministicRandom(seed: "AppraisalVault/vectors/release/approval-\(i)"))
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

    /// Holder `i`'s approval with its partial replaced by `D + G` (re-signed by the holder).
    static func forgedPartial(_ bytes: [UInt8], holder: SecretIdentity) throws -> [UInt8] {
        try editedApproval(bytes, signer: holder.signingKey) {
            guard case .string(let s) = $0["partial"]!,
                let point = try? Ristretto255.Point(rawRepresentation: Hex.decode(s)!)
            else { return }
            $0["partial"] = .hex((try? point.adding(.generator))?.rawRepresentation ?? [])
        }
    }

    @Sendable static func approvalVectors() throws -> [Vector] {
        let policy = try releasePolicy()
        let results = try releaseResults(policy)
        let earlier = try releaseResults(policy, seed: "earlier")
        let holders = try releaseHolders()
        let good = try approval(0, policy: policy, results: results)
        let outsider = try outsider()
        let notAHolder = try editedApproval(good, signer: outsider.signingKey) {
            $0["holder"] = .string(outsider.identity.id)
            $0["holderSigningKey"] = .hex(outsider.signingKey.publicKey.rawRepresentation)
        }
        let relabelled = try editedApproval(
            try approval(0, policy: policy, results: earlier), signer: holders[0].signingKey
        ) { $0["results"] = .hex(results.fileHash) }
        let wrongX = try editedApproval(good, signer: holders[0].signingKey) { $0["x"] = .int(2) }
        let unknown = try editedApproval(good, signer: holders[0].signingKey) {
            $0["note"] = .string("không có trong đặc tả")
        }
        let nfd = try editedApproval(good, signer: holders[0].signingKey) {
            $0["decision"] = .string(decision.decomposedStringWithCanonicalMapping)
        }
        let identity = try editedApproval(good, signer: holders[0].signingKey) {
            $0["partial"] = .hex([UInt8](repeating: 0, count: 32))
        }
        let fields = try releaseFields(policy, results: results)
        func a(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8]) -> Vector {
            vector("approval", name, expect: expect, fields, comment: comment, body)
        }
        return [
            a("success", "success", "giu-khoa-1 (x = 1) approves; 2-of-3 ceremony", good),
            a(
                "success-holder-3", "success", "giu-khoa-3 (x = 3) approves",
                try approval(2, policy: policy, results: results)),
            a("bad-signature", "approval.bad-signature", "last byte XOR 0x01", flipped(good, at: good.count - 1)),
            a(
                "not-a-holder", "approval.not-a-holder",
                "giu-khoa-1's header with holder and holderSigningKey of giu-khoa-ngoai (not in the policy), signed by it",
                notAHolder),
            a("wrong-x", "approval.wrong-x", "giu-khoa-1's approval claiming x = 2, re-signed", wrongX),
            a(
                "other-round", "approval.wrong-round",
                "made for round BLAKE2b-256(\"AppraisalVault/vectors/hash/other-round\")",
                try approval(0, policy: policy, results: results, round: fakeHash("other-round"))),
            a(
                "other-manifest", "approval.wrong-manifest",
                "made for manifest BLAKE2b-256(\"AppraisalVault/vectors/hash/other-manifest\")",
                try approval(0, policy: policy, results: results, manifest: fakeHash("other-manifest"))),
            a(
                "other-results", "approval.wrong-results",
                "a genuine approval of earlier results (locked-results seed \"earlier\")",
                try approval(0, policy: policy, results: earlier)),
            a(
                "forged-partial", "approval.bad-proof", "partial replaced by partial + G, re-signed by giu-khoa-1",
                try forgedPartial(good, holder: holders[0])),
            a(
                "earlier-partial-relabelled", "approval.bad-proof",
                "a partial of the earlier results with `results` rewritten to these results' hash, re-signed",
                relabelled),
            a("partial-identity", "format.header", "partial = the identity (32 zero bytes), re-signed", identity),
            a("unknown-field", "format.header", "extra field \"note\", signed", unknown),
            a("decision-nfd", "format.header", "decision in NFD (not NFC), signed", nfd),
            a("trailing-byte", "format.trailing", "one zero byte after the signature", good + [0]),
        ]
    }

    // MARK: - Release token

    /// A token with exactly these approvals and fields (no checks), as ``ReleaseToken/combine`` writes it.
    static func tokenFile(
        _ approvals: [[UInt8]], results: [UInt8], decision text: String = decision, extra: [String: JSONValue] = [:]
    ) -> [UInt8] {
        var header: [String: JSONValue] = [
            "approvals": .array(approvals.map { .hex($0) }), "created": .string(created), "decision": .string(text),
            "manifest": .hex(manifestHash), "results": .hex(results), "round": .hex(journalRound),
        ]
        header.merge(extra) { $1 }
        return Container.encode(kind: .releaseToken, header: .object(header))
    }

    @Sendable static func tokenVectors() throws -> [Vector] {
        let policy = try releasePolicy()
        let results = try releaseResults(policy)
        let earlier = try releaseResults(policy, seed: "earlier")
        let holders = try releaseHolders()
        let approvals = try (0..<3).map { try approval($0, policy: policy, results: results) }
        let good = try ReleaseToken.combine(
            [(approvals[0], "a1"), (approvals[1], "a2")], policy: policy, roundHash: journalRound,
            manifestHash: manifestHash, results: results, created: created
        ).bytes
        let hash = results.fileHash
        let earlierToken = try ReleaseToken.combine(
            [
                (approval(0, policy: policy, results: earlier), "a1"),
                (approval(1, policy: policy, results: earlier), "a2"),
            ],
            policy: policy, roundHash: journalRound, manifestHash: manifestHash, results: earlier, created: created
        ).bytes
        let fields = try releaseFields(policy, results: results)
        func a(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8]) -> Vector {
            vector("release-token", name, expect: expect, fields, comment: comment, body)
        }
        return [
            a(
                "success", "success", "approvals of giu-khoa-1 and giu-khoa-2 (t = 2), as release combine writes it",
                good),
            a("success-all-holders", "success", "approvals of all three holders", tokenFile(approvals, results: hash)),
            a(
                "fewer-than-t", "approval.not-enough", "only giu-khoa-1's approval",
                tokenFile([approvals[0]], results: hash)),
            a(
                "other-results", "token.wrong-results", "a correct token of the earlier results (before a re-merge)",
                earlierToken),
            a(
                "duplicate-key", "token.duplicate-key", "giu-khoa-1's approval twice",
                tokenFile([approvals[0], approvals[0]], results: hash)),
            a(
                "x-not-increasing", "format.header", "approvals in order x = 2, 1",
                tokenFile([approvals[1], approvals[0]], results: hash)),
            a(
                "forged-partial", "approval.bad-proof", "giu-khoa-2's partial replaced by partial + G, re-signed",
                tokenFile([approvals[0], try forgedPartial(approvals[1], holder: holders[1])], results: hash)),
            a(
                "decision-differs", "token.decision-differs",
                "the token's decision differs from the approvals' (\"123\" → \"124\")",
                tokenFile(
                    [approvals[0], approvals[1]], results: hash,
                    decision: decision.replacingOccurrences(of: "123", with: "124"))),
            a(
                "release-secret-field", "format.header", "an extra field \"releaseSecret\" (tokens hold no key)",
                tokenFile(
                    [approvals[0], approvals[1]], results: hash,
                    extra: ["releaseSecret": .hex([UInt8](repeating: 1, count: 32))])),
            a(
                "trailing-byte", "format.trailing", "one zero byte after the header (a token has an empty body)",
                good + [0]),
        ]
    }
}

extension VectorRunner {
    struct ReleaseContext {
        let policy: ReleasePolicy
        let roundHash: [UInt8]
        let manifestHash: [UInt8]
        let resultsHash: [UInt8]
        let ephemeral: Ristretto255.Point
    }

    static func releaseContext(_ vector: Vector) -> ReleaseContext? {
        guard let policyBytes = vector["policy"].flatMap({ Hex.decode($0) }),
            let json = try? CanonicalJSON.parse(policyBytes),
            let policy = try? ReleasePolicy(json: json, path: "release"),
            let round = vector["round-hash"].flatMap({ Hex.decode($0) }),
            let manifest = vector["manifest-hash"].flatMap({ Hex.decode($0) }),
            let results = vector["results-hash"].flatMap({ Hex.decode($0) }),
            let ephemeral = vector["ephemeral-key"].flatMap({ Hex.decode($0) }).flatMap({
                try? Ristretto255.Point(rawRepresentation: $0)
            })
        else { return nil }
        return ReleaseContext(
            policy: policy, roundHash: round, manifestHash: manifest, resultsHash: results, ephemeral: ephemeral)
    }

    /// `approval`: parse (§8.2), then verify against the policy and hashes in the header lines (§8.3).
    @Sendable static func runApproval(_ vector: Vector) -> String {
        guard let c = releaseContext(vector) else { return "no valid policy, hashes or ephemeral key" }
        do {
            try Approval(parsing: vector.body, file: vector.description).verify(
                policy: c.policy, roundHash: c.roundHash, manifestHash: c.manifestHash, resultsHash: c.resultsHash,
                ephemeral: c.ephemeral)
            return "success"
        } catch {
            return error.errorID
        }
    }

    /// `release-token`: parse (§8.4), then verify (§8.6).
    @Sendable static func runReleaseToken(_ vector: Vector) -> String {
        guard let c = releaseContext(vector) else { return "no valid policy, hashes or ephemeral key" }
        do {
            _ = try ReleaseToken(parsing: vector.body, file: vector.description).verify(
                policy: c.policy, roundHash: c.roundHash, manifestHash: c.manifestHash, resultsHash: c.resultsHash,
                ephemeral: c.ephemeral)
            return "success"
        } catch {
            return error.errorID
        }
    }
}
