import VaultCrypto

@testable import AppraisalVault

/// Vectors for the merge manifest (spec §6.3, area `manifest`), signed by `thu-ky-vector`; every
/// vector carries `secretary-signing-key:` (hex). Defects that must keep a valid signature are
/// re-signed by the secretary.
extension VectorGenerator {
    // MARK: - Manifest

    /// The vector manifest: two submissions, evidence optional.
    static func manifest(evidence: Bool = false) -> Manifest {
        Manifest(
            round: journalRound,
            submissions: [
                .init(member: "tv-vector", revision: 2, fileHash: fakeHash("tv-vector.r2")),
                .init(member: "tv-other", revision: 1, fileHash: fakeHash("tv-other.r1")),
            ],
            appraisable: 4, appraised: 3, gaps: 1, conflicts: 0, missingMembers: ["tv-absent"], allowIncomplete: true,
            surveyAvailable: false, results: fakeHash("results"), journalHead: journalEntries().last!.hash,
            created: created,
            evidence: evidence
                ? [.init(member: "tv-vector", revision: 2, index: 1, fileHash: fakeHash("tv-vector.r2.e1"))] : [])
    }

    @Sendable static func manifestVectors() throws -> [Vector] {
        let key = try submissionSecretary().signingKey
        let m = manifest()
        let good = try m.encoded(signedWith: key)
        let withEvidence = try manifest(evidence: true).encoded(signedWith: key)
        guard case .object(var fields) = m.json, case .array(let subs) = fields["submissions"]! else {
            preconditionFailure("manifest json")
        }
        var extended = fields
        extended["note"] = .string("không có trong đặc tả")
        fields["submissions"] = .array(subs.reversed())
        let unsorted = try SignedDocument.encode(kind: .manifest, header: .object(fields), signer: key)
        var emptyEvidenceFields = fields
        emptyEvidenceFields["submissions"] = .array(subs)
        emptyEvidenceFields["evidence"] = .array([])

        let keyField = ("secretary-signing-key", Hex.encode(key.publicKey.rawRepresentation))
        func a(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8], extra: [(String, String)] = [])
            -> Vector
        {
            vector("manifest", name, expect: expect, [keyField] + extra, comment: comment, body)
        }
        return [
            a(
                "success", "success",
                "two submissions (tv-other r1, tv-vector r2), no evidence, signed by thu-ky-vector", good),
            a("success-evidence", "success", "as success, plus one evidence entry (tv-vector r2 e1)", withEvidence),
            a(
                "bad-signature", "manifest.bad-signature",
                "the same header signed by tv-other instead of the secretary",
                try m.encoded(signedWith: try submissionOther().signingKey)),
            a("flipped-signature", "manifest.bad-signature", "last byte XOR 0x01", flipped(good, at: good.count - 1)),
            a(
                "unknown-field", "format.header", "extra field \"note\", signed",
                try SignedDocument.encode(kind: .manifest, header: .object(extended), signer: key)),
            a(
                "unsorted-submissions", "format.header",
                "submissions in order tv-vector, tv-other (not sorted by member), signed",
                unsorted),
            a(
                "empty-evidence", "format.header", "\"evidence\": [] (must be omitted when there is none), signed",
                try SignedDocument.encode(kind: .manifest, header: .object(emptyEvidenceFields), signer: key)),
            a("trailing-byte", "format.trailing", "one zero byte after the signature", good + [0]),
            a("truncated", "format.truncated", "the last signature byte is missing", Array(good.dropLast())),
        ]
    }
}

extension VectorRunner {
    /// `manifest`: ``Manifest/init(parsing:file:secretaryKey:)`` (parse, signature by
    /// `secretary-signing-key`, strict header).
    @Sendable static func runManifest(_ vector: Vector) -> String {
        guard let key = signingKey(vector) else { return "no valid secretary-signing-key" }
        do {
            _ = try Manifest(parsing: vector.body, file: vector.description, secretaryKey: key)
            return "success"
        } catch {
            return error.errorID
        }
    }
}
