import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// The worked example of spec §8.9 (docs/spec/08-release.md), built on the §4.12 vector: values
/// are fixed here and quoted in the spec; the tests recompute them and check the spec quotes them.
@Suite("Release: approval worked vector")
struct ApprovalVectorTests {
    static let decision = "Quyết định số 123/QĐ-UBND ngày 20/12/2026"
    static let round = [UInt8](repeating: 0x11, count: 32)
    static let manifest = [UInt8](repeating: 0x22, count: 32)
    static let results = [UInt8](repeating: 0x33, count: 32)
    static let signatureDomain = "41707072616973616c5661756c742f76312f617070726f76616c2f7369676e617475726500"
    static let approval1Header =
        #"{"created":"2026-12-20T08:00:00Z","decision":"Quyết định số 123/QĐ-UBND ngày 20/12/2026","holder":"holder-1","#
        + #""holderSigningKey":"868481c4ad9dba8b5050f279afb51ebcd1565a8e3b3d8653ec1dd7e04c65f587","#
        + #""manifest":"2222222222222222222222222222222222222222222222222222222222222222","#
        + #""results":"3333333333333333333333333333333333333333333333333333333333333333","#
        + #""round":"1111111111111111111111111111111111111111111111111111111111111111","#
        + #""share":"9cec84bcd2e862090ec1f43341f3576ca569af23e7aae40a9ae155d29aa68160","x":1}"#
    static let approval1Prefix = "415641554c5400010700000203"
    static let approval1Signature =
        "cf3289ff835c7b95fb37297ddd3e70701223af78ac557d379c468de0681cf2c2"
        + "9033b09ab21e64dd6e750aa65d779674a43ea408c154a231088447fb42ba980d"
    static let approval1Hash = "cd70a89c3163067295dac1d5239704983731ef6dd57f88b176866b17bdb23a3d"
    static let approval3Hash = "36d0aa437e1b5d8a8d978d1ac981fe00885b381c22939c6c1a44a779d1e85806"
    static let tokenPrefix = "415641554c5400010800000b3f"
    static let tokenHash = "fc6dd6a909c0299031f172d8e0898b5c27f8f1d059a48dd2788b0b1eb1277362"

    struct Vector {
        let approvals: [[UInt8]]
        let token: [UInt8]
        let policy: ReleasePolicy
    }

    /// Holder-1 and holder-3 of the §4.12 vector approve; their approvals are combined.
    static func compute() throws -> Vector {
        let v = try ReleaseVectorTests.compute()
        let roundID = Hex.decode(ReleaseVectorTests.roundID)!
        let approvals = try [0, 2].map { i in
            try Approval.create(
                policy: v.policy, roundID: roundID, roundHash: round, manifestHash: manifest, resultsHash: results,
                decision: decision, holder: v.holders[i], created: "2026-12-20T08:00:00Z")
        }
        let token = try ReleaseToken.combine(
            [(approvals[1], "holder-3.ava"), (approvals[0], "holder-1.ava")], policy: v.policy, roundID: roundID,
            roundHash: round, manifestHash: manifest, resultsHash: results, created: "2026-12-20T09:00:00Z")
        return Vector(approvals: approvals, token: token.bytes, policy: v.policy)
    }

    /// Rule: approvals and token are reproducible byte for byte; the signature input is
    /// `domain("signature") ‖ BLAKE2b-512(preamble)`; the token carries the §4.12 release secret.
    @Test func valuesMatch() throws {
        let v = try Self.compute()
        let a1 = try Approval(parsing: v.approvals[0], file: "holder-1.ava")
        let preamble = a1.document.container.preamble
        #expect(Hex.encode(preamble.prefix(13)) == Self.approval1Prefix)
        #expect(String(decoding: preamble.dropFirst(13), as: UTF8.self) == Self.approval1Header)
        #expect(v.approvals[0].count == preamble.count + 64)
        #expect(Hex.encode(a1.document.signature) == Self.approval1Signature)
        let message = Hex.decode(Self.signatureDomain)! + BLAKE2b.hash(preamble, outputLength: 64)
        #expect(a1.holderSigningKey.isValidSignature(Hex.decode(Self.approval1Signature)!, for: message))
        #expect(Hex.encode(BLAKE2b.hash(v.approvals[0], outputLength: 32)) == Self.approval1Hash)
        #expect(Hex.encode(BLAKE2b.hash(v.approvals[1], outputLength: 32)) == Self.approval3Hash)
        #expect(Hex.encode(v.token.prefix(13)) == Self.tokenPrefix)
        #expect(Hex.encode(BLAKE2b.hash(v.token, outputLength: 32)) == Self.tokenHash)
        let token = try ReleaseToken(parsing: v.token, file: "release.avt")
        #expect(Hex.encode(secret: token.releaseSecret) == ReleaseVectorTests.releaseSecret)
        #expect(token.approvals.map(\.bytes) == v.approvals)
        let key = try token.verify(
            policy: v.policy, roundID: Hex.decode(ReleaseVectorTests.roundID)!, roundHash: Self.round,
            manifestHash: Self.manifest, resultsHash: Self.results)
        #expect(Hex.encode(key.publicKey.rawRepresentation) == ReleaseVectorTests.releaseKey)
    }

    /// Rule: the spec quotes every value of the vector, so spec and code cannot drift apart.
    @Test func specQuotesTheVector() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let spec = try String(contentsOf: root.appendingPathComponent("docs/spec/08-release.md"), encoding: .utf8)
        let flat = spec.filter { !$0.isWhitespace }
        let quoted = [
            Self.signatureDomain, Self.approval1Header, Self.approval1Prefix, Self.approval1Signature,
            Self.approval1Hash, Self.approval3Hash, Self.tokenPrefix, Self.tokenHash,
        ]
        for value in quoted {
            #expect(flat.contains(value.filter { !$0.isWhitespace }), "spec does not quote \(value)")
        }
    }
}
