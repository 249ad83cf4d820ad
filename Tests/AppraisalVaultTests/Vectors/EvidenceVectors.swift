import Foundation
import VaultCrypto

@testable import AppraisalVault

/// Vectors for evidence envelopes (spec §10.1, §10.4 steps 1–4, area `evidence`).
///
/// The roster is in header lines: `round-hash:` (the stand-in ``journalRound``),
/// `secretary-public-identity:` (thu-ky-vector's public identity file, hex) and
/// `member-public-identity:` (tv-vector's, the only member); `recipient-secret-key:` is the
/// secretary's X25519 secret key. The runner does what `receive` does to an `.ave` file
/// (``Evidence/check(_:roster:)``: parse, outer signature, binding, context), then opens it; the
/// positive vectors carry `plaintext-hash:` and `file-hash:` (the file hash of its parts, §10.1).
extension VectorGenerator {
    static func evidenceContent() -> [UInt8] {
        Array("Biên bản họp thẩm định — tài liệu minh chứng thử nghiệm.\n".utf8)
    }

    static func evidence(
        _ seed: String, sender: SecretIdentity? = nil, recipient: X25519.PublicKey? = nil,
        round: [UInt8] = journalRound,
        index: Int = 1, name: String = "bien-ban-hop.txt", revision: Int = 1, sizeDelta: Int = 0,
        extraContext: [String: JSONValue] = [:]
    ) throws -> [UInt8] {
        let content = evidenceContent()
        var context = Evidence.Context(index: index, name: name, revision: revision, size: content.count + sizeDelta)
            .json
        context.merge(extraContext) { $1 }
        return try SealedEnvelope.seal(
            content, kind: .evidence, round: round, context: context, sender: sender ?? identity(),
            recipient: recipient ?? submissionSecretary().identity.encryptionKey, created: created,
            using: DeterministicRandom(seed: "AppraisalVault/vectors/evidence/" + seed))
    }

    /// tv-vector's evidence sealed by hand with its inner signature over the plaintext's
    /// BLAKE2b-512 (the submission's rule) instead of the content chunks' (§5.4 for evidence).
    static func evidenceInnerOverPlaintext() throws -> [UInt8] {
        let content = evidenceContent()
        let sender = try identity()
        let recipient = try submissionSecretary().identity.encryptionKey
        let random = DeterministicRandom(seed: "AppraisalVault/vectors/evidence/inner-plaintext")
        let fileKey = try SecretBytes(count: SecretStream.keyLength, from: random)
        let sealedKey = try SealedBox.seal(fileKey, to: recipient, using: random)
        let stream = try SecretStream.Encryptor(key: fileKey, using: random)
        let header = EnvelopeHeader(
            context: Evidence.Context(index: 1, name: "bien-ban-hop.txt", revision: 1, size: content.count).json,
            created: created,
            fileKeyCommitment: SealedEnvelope.commitment(fileKey: fileKey, kind: .evidence, round: journalRound),
            recipient: recipient, round: journalRound, sealedFileKey: sealedKey, sender: sender.identity.id,
            senderSigningKey: sender.signingKey.publicKey, streamHeader: stream.header)
        let preamble = Container.preamble(kind: .evidence, header: header.json)
        let headerHash = BLAKE2b.hash(preamble, outputLength: 64)
        let chunk = try stream.push(content, additionalData: headerHash, isFinal: false)
        let inner = try sender.signingKey.signature(
            for: ArtifactKind.evidence.domain("inner") + headerHash + BLAKE2b.hash(content, outputLength: 64))
        let payload = chunk + (try stream.push(inner, additionalData: headerHash, isFinal: true))
        let outer = try sender.signingKey.signature(
            for: ArtifactKind.evidence.domain("outer") + headerHash + EvidenceHashTests.payloadHash(payload))
        return preamble + payload + outer
    }

    @Sendable static func evidenceVectors() throws -> [Vector] {
        let secretary = try submissionSecretary()
        let member = try identity()
        let other = try submissionOther()
        let good = try evidence("success")
        let preambleLength = try SealedEnvelope(parsing: good, expecting: .evidence, file: "good").preamble.count
        let fields: [(String, String)] = [
            ("round-hash", Hex.encode(journalRound)),
            ("secretary-public-identity", Hex.encode(try secretary.publicFile())),
            ("member-public-identity", Hex.encode(try member.publicFile())),
            ("recipient-secret-key", Hex.encode(secret: secretary.encryptionKey.secret)),
        ]
        let hash = ("plaintext-hash", "blake2b-256 " + Hex.encode(BLAKE2b.hash(evidenceContent(), outputLength: 32)))
        func fileHash(_ bytes: [UInt8]) throws -> (String, String) {
            ("file-hash", Hex.encode(try SealedEnvelope(parsing: bytes, expecting: .evidence, file: "v").fileHash))
        }
        let bySecretary = try evidence("secretary", sender: secretary)
        func a(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8], extra: [(String, String)] = [])
            -> Vector
        {
            vector("evidence", name, expect: expect, fields + extra, comment: comment, body)
        }
        return [
            a(
                "success", "success", "tv-vector's evidence 1 of revision 1, \"bien-ban-hop.txt\", to thu-ky-vector",
                good, extra: [hash, try fileHash(good)]),
            a(
                "success-secretary", "success", "the secretary's own evidence (revision 1, §10.5)",
                bySecretary, extra: [hash, try fileHash(bySecretary)]),
            a(
                "inner-over-plaintext", "envelope.inner-signature",
                "inner signature over the plaintext's BLAKE2b-512, not the content chunks' (§5.4 for evidence)",
                try evidenceInnerOverPlaintext()),
            a(
                "secretary-revision-2", "format.header", "the secretary's evidence with revision 2",
                try evidence("secretary-r2", sender: secretary, revision: 2)),
            a(
                "size-mismatch", "format.header", "context.size one more than the payload carries, signed",
                try evidence("size", sizeDelta: 1)),
            a(
                "bad-name", "format.header", "context.name \"a/b.txt\" (contains /)",
                try evidence("bad-name", name: "a/b.txt")),
            a(
                "blank-name", "format.header", "context.name U+200B alone (blank, §1.3), signed",
                try evidence("blank-name", name: "\u{200B}")),
            a("index-zero", "format.header", "context.index 0", try evidence("index-zero", index: 0)),
            a(
                "unknown-context-field", "format.header", "extra context field \"note\"",
                try evidence("unknown", extraContext: ["note": .string("x")])),
            a(
                "wrong-round", "inbox.wrong-round",
                "made for round BLAKE2b-256(\"AppraisalVault/vectors/hash/other-round\")",
                try evidence("wrong-round", round: fakeHash("other-round"))),
            a(
                "wrong-recipient", "inbox.wrong-recipient", "sealed to tv-other's encryption key",
                try evidence("wrong-recipient", recipient: other.identity.encryptionKey)),
            a(
                "not-member", "inbox.not-member", "sent by tv-other, not in the roster",
                try evidence("not-member", sender: other)),
            a(
                "flipped-payload", "envelope.bad-signature", "first payload byte XOR 0x01",
                flipped(good, at: preambleLength)),
            a("flipped-signature", "envelope.bad-signature", "last byte XOR 0x01", flipped(good, at: good.count - 1)),
            a(
                "wrong-kind", "format.wrong-kind", "kind byte 4 (submission)",
                replacing(good, at: 8, with: ArtifactKind.submission.rawValue)),
        ]
    }
}

extension VectorRunner {
    /// `evidence`: the body is written to a temporary file and checked as `receive` does
    /// (``Evidence/check(_:roster:)``), then opened with `recipient-secret-key`.
    @Sendable static func runEvidence(_ vector: Vector) -> String {
        guard let round = vector["round-hash"].flatMap({ Hex.decode($0) }),
            let secretaryBytes = vector["secretary-public-identity"].flatMap({ Hex.decode($0) }),
            let secretary = try? PublicIdentity(parsing: secretaryBytes, file: "secretary"),
            let memberBytes = vector["member-public-identity"].flatMap({ Hex.decode($0) }),
            let member = try? PublicIdentity(parsing: memberBytes, file: "member"),
            let secret = vector["recipient-secret-key"].flatMap({ Hex.decodeSecret($0, length: X25519.keyLength) }),
            let key = try? X25519.PrivateKey(secret: secret)
        else { return "no valid round-hash, identities or recipient-secret-key" }
        let path = NSTemporaryDirectory() + "avault-vector-" + UUID().uuidString + ".ave"
        defer { try? FileManager.default.removeItem(atPath: path) }
        do { try Data(vector.body).write(to: URL(fileURLWithPath: path)) } catch { return "cannot write \(path)" }
        do {
            let checked = try Evidence.check(
                path, roster: Roster(roundHash: round, secretary: secretary, members: [member], holders: []))
            if let expected = vector["file-hash"], Hex.encode(checked.fileHash) != expected {
                return "file hash differs from \(expected)"
            }
            let plaintext = try SealedEnvelope(parsing: vector.body, expecting: .evidence, file: vector.description)
                .open(with: key)
            if let expected = vector["plaintext-hash"],
                "blake2b-256 " + Hex.encode(BLAKE2b.hash(plaintext, outputLength: 32)) != expected
            {
                return "plaintext hash differs from \(expected)"
            }
            return "success"
        } catch {
            return error.errorID
        }
    }
}
