import Testing
import VaultCrypto

@testable import AppraisalVault

/// Vectors for the sealed submission (spec §5, area `submission`): one positive vector and one
/// negative vector per reject rule of §5.7, plus the inner-claims check of §6.5.
///
/// Every vector carries `recipient-secret-key:` (the secretary's X25519 secret key, hex) so an
/// independent implementation can open it; the positive one also carries
/// `plaintext-hash: blake2b-256 <hex>` (BLAKE2b-256, unkeyed, of the decrypted content) and
/// `sender-signing-key:`. Defects that must still carry valid outer signatures (so that the
/// check under test, not the outer signature, is what fails) are built by ``craft(_:defect:seed:content:)``,
/// which mirrors ``SealedEnvelope/seal`` step by step (checked by ``SubmissionVectorCraftTests``).
extension VectorGenerator {
    static let submissionRound = BLAKE2b.hash(Array("AppraisalVault/vectors/submission/round".utf8), outputLength: 32)

    /// The recipient: the round's secretary.
    static func submissionSecretary() throws -> SecretIdentity {
        try SecretIdentity.generate(
            id: "thu-ky-vector", name: "Thư ký thử nghiệm", role: .secretary, isDemo: true, created: created,
            using: DeterministicRandom(seed: "AppraisalVault/vectors/submission/secretary"))
    }

    /// Another member (signs where the sender should have).
    static func submissionOther() throws -> SecretIdentity {
        try SecretIdentity.generate(
            id: "tv-other", name: "Thành viên khác", role: .member, isDemo: true, created: created,
            using: DeterministicRandom(seed: "AppraisalVault/vectors/submission/other"))
    }

    /// The plaintext of the positive vector: a strict submission (spec §5.6) with a deduction and its reason.
    static func submissionContent(
        member: String = "tv-vector", revision: Int = 1, reason: String = "Kế hoạch ban hành chậm"
    ) -> [UInt8] {
        SubmissionContent(
            member: member, revision: revision, round: submissionRound,
            rows: [
                Appraisal(
                    unit: "so-tu-phap", code: "1.1.1", score: Points(parsing: "0.25")!, reason: reason),
                Appraisal(unit: "so-tu-phap", code: "1.1.2", score: Points(parsing: "0.5")!, reason: ""),
            ]
        ).encoded()
    }

    /// Ways to build a submission whose outer signature is valid but something inside is wrong.
    enum Defect {
        case none, wrongCommitment, corruptChunk, finalTagMissing, finalChunkRemoved, chunksReordered
        case innerByOtherKey, innerWithOuterDomain, unknownHeaderField
    }

    /// Seals like ``SealedEnvelope/seal`` with the same randomness order, introducing `defect`,
    /// and signs the outer layer correctly over whatever results.
    static func craft(_ content: [UInt8], defect: Defect, seed: String, recipient: X25519.PublicKey? = nil) throws
        -> [UInt8]
    {
        let sender = try identity()
        let recipient = try recipient ?? submissionSecretary().identity.encryptionKey
        let random = DeterministicRandom(seed: "AppraisalVault/vectors/submission/" + seed)
        let fileKey = try SecretBytes(count: SecretStream.keyLength, from: random)
        let sealedKey = try SealedBox.seal(fileKey, to: recipient, using: random)
        let stream = try SecretStream.Encryptor(key: fileKey, using: random)
        var commitment = SealedEnvelope.commitment(fileKey: fileKey, kind: .submission, round: submissionRound)
        if defect == .wrongCommitment { commitment[0] ^= 0x01 }
        let header = EnvelopeHeader(
            context: ["revision": .integer(1)], created: created, fileKeyCommitment: commitment, recipient: recipient,
            round: submissionRound, sealedFileKey: sealedKey, sender: sender.identity.id,
            senderSigningKey: sender.signingKey.publicKey,
            streamHeader: stream.header)
        var json = header.json
        if defect == .unknownHeaderField, case .object(var fields) = json {
            fields["note"] = .string("không có trong đặc tả")
            json = .object(fields)
        }
        let preamble = Container.preamble(kind: .submission, header: json)
        let headerHash = BLAKE2b.hash(preamble, outputLength: 64)
        var chunks = [[UInt8]]()
        var offset = 0
        while offset < content.count {
            let end = min(offset + SealedEnvelope.chunkSize, content.count)
            chunks.append(try stream.push(content[offset..<end], additionalData: headerHash, isFinal: false))
            offset = end
        }
        let signer = defect == .innerByOtherKey ? try submissionOther().signingKey : sender.signingKey
        let domain = ArtifactKind.submission.domain(defect == .innerWithOuterDomain ? "outer" : "inner")
        let inner = try signer.signature(for: domain + headerHash + BLAKE2b.hash(content, outputLength: 64))
        chunks.append(try stream.push(inner, additionalData: headerHash, isFinal: defect != .finalTagMissing))
        switch defect {
        case .corruptChunk: chunks[0][chunks[0].count / 2] ^= 0x01
        case .finalChunkRemoved: chunks.removeLast()
        case .chunksReordered: chunks.swapAt(chunks.count - 2, chunks.count - 1)
        default: break
        }
        let payload = chunks.flatMap { $0 }
        let outer = try sender.signingKey.signature(
            for: ArtifactKind.submission.domain("outer") + headerHash + BLAKE2b.hash(payload, outputLength: 64))
        return preamble + payload + outer
    }

    /// Re-signs the outer signature of `bytes` (a parsed envelope) after its payload was changed.
    static func resignOuter(preamble: [UInt8], payload: [UInt8]) throws -> [UInt8] {
        let headerHash = BLAKE2b.hash(preamble, outputLength: 64)
        let outer = try identity().signingKey.signature(
            for: ArtifactKind.submission.domain("outer") + headerHash + BLAKE2b.hash(payload, outputLength: 64))
        return preamble + payload + outer
    }

    @Sendable static func submissionVectors() throws -> [Vector] {
        let sender = try identity()
        let secretary = try submissionSecretary()
        let recipientKey = [("recipient-secret-key", Hex.encode(secret: secretary.encryptionKey.secret))]
        let content = submissionContent()
        let good = try SealedEnvelope.seal(
            content, kind: .submission, round: submissionRound, context: ["revision": .integer(1)], sender: sender,
            recipient: secretary.identity.encryptionKey, created: created,
            using: DeterministicRandom(seed: "AppraisalVault/vectors/submission/success"))
        let envelope = try SealedEnvelope(parsing: good, expecting: .submission, file: "success")
        let preambleLength = envelope.preamble.count
        // 64 bytes of content: one content chunk of 81 bytes, exactly the size of the final chunk.
        let base = Array("Nội dung thử: đúng 64 byte, bằng chữ ký trong".utf8)
        let short = base + [UInt8](repeating: UInt8(ascii: "."), count: 64 - base.count)

        // A hex digit of "round" changed to another hex digit: the header still parses.
        var header = good
        let roundAt = firstIndex(of: Array("\"round\":\"".utf8), in: good)! + 9
        header[roundAt] = header[roundAt] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        var wrongKind = good
        wrongKind[8] = ArtifactKind.lockedResults.rawValue
        var notAVault = good
        notAVault[0] = UInt8(ascii: "B")
        var version = good
        version[7] = 2
        // Empty content, then 5 stray bytes before the signature: a payload of 86 bytes.
        let empty = try craft([], defect: .none, seed: "bad-length")
        let emptyPayload = Array(empty[(empty.count - 64 - 81)..<(empty.count - 64)])
        let badLength =
            Array(empty.prefix(empty.count - 64 - 81)) + emptyPayload + [0, 0, 0, 0, 0] + Array(empty.suffix(64))

        func a(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8], extra: [(String, String)] = [])
            -> Vector
        {
            vector("submission", name, expect: expect, recipientKey + extra, comment: comment, body)
        }
        return [
            a(
                "success", "success",
                "tv-vector's revision 1 to thu-ky-vector; round = BLAKE2b-256(\"AppraisalVault/vectors/submission/round\")",
                good,
                extra: [
                    ("sender-signing-key", Hex.encode(sender.signingKey.publicKey.rawRepresentation)),
                    ("plaintext-hash", "blake2b-256 " + Hex.encode(BLAKE2b.hash(content, outputLength: 32))),
                ]),
            a(
                "truncated", "format.truncated", "cut 100 bytes after the header: shorter than final chunk + signature",
                Array(good.prefix(preambleLength + 100))),
            a(
                "bad-length", "envelope.bad-length",
                "empty content, then 5 stray bytes before the signature (payload 86 bytes)", badLength),
            a(
                "trailing-byte", "envelope.bad-signature",
                "one zero byte after the outer signature: the last 64 bytes are no longer the signature", good + [0]),
            a(
                "flipped-header", "envelope.bad-signature", "one hex digit of round changed; the header still parses",
                header),
            a(
                "flipped-payload", "envelope.bad-signature", "first payload byte XOR 0x01",
                flipped(good, at: preambleLength)),
            a("flipped-signature", "envelope.bad-signature", "last byte XOR 0x01", flipped(good, at: good.count - 1)),
            a(
                "re-signed-by-other-member", "envelope.bad-signature",
                "outer signature replaced by tv-other's over the same message",
                Array(good.dropLast(64))
                    + (try submissionOther().signingKey.signature(
                        for: ArtifactKind.submission.domain("outer") + envelope.headerHash
                            + BLAKE2b.hash(envelope.payload, outputLength: 64)))),
            a(
                "not-for-you", "envelope.not-for-you", "sealed to tv-other's encryption key, correctly signed",
                try craft(
                    content, defect: .none, seed: "not-for-you", recipient: try submissionOther().identity.encryptionKey
                )),
            a(
                "commitment-mismatch", "envelope.commitment",
                "fileKeyCommitment with its first byte XOR 0x01, correctly signed",
                try craft(content, defect: .wrongCommitment, seed: "commitment")),
            a(
                "corrupt-chunk", "envelope.corrupt", "a byte inside the content chunk XOR 0x01, outer signature redone",
                try craft(content, defect: .corruptChunk, seed: "corrupt")),
            a(
                "final-tag-missing", "envelope.corrupt",
                "the inner-signature chunk pushed with tag MESSAGE instead of FINAL",
                try craft(content, defect: .finalTagMissing, seed: "final-tag")),
            a(
                "final-chunk-removed", "envelope.corrupt",
                "64-byte content; the final chunk removed, so the stream ends early",
                try craft(short, defect: .finalChunkRemoved, seed: "final-removed")),
            a(
                "chunks-reordered", "envelope.corrupt",
                "64-byte content; content chunk and final chunk (both 81 bytes) swapped",
                try craft(short, defect: .chunksReordered, seed: "reordered")),
            a(
                "inner-signature-other-key", "envelope.inner-signature",
                "inner signature by tv-other instead of the header's key",
                try craft(content, defect: .innerByOtherKey, seed: "inner-other")),
            a(
                "inner-signature-outer-domain", "envelope.inner-signature",
                "inner signature made with the \"outer\" domain string",
                try craft(content, defect: .innerWithOuterDomain, seed: "inner-domain")),
            a(
                "unknown-header-field", "format.header", "extra header field \"note\", correctly signed",
                try craft(content, defect: .unknownHeaderField, seed: "unknown-field")),
            a("wrong-kind", "format.wrong-kind", "kind byte 6 (locked-results)", wrongKind),
            a("not-avault", "format.not-avault", "first magic byte changed", notAVault),
            a("version", "format.version", "format version byte 2", version),
            a(
                "content-mismatch", "merge.content-mismatch",
                "opens, but the content names tv-other as member (spec §6.5 step 2)",
                try craft(submissionContent(member: "tv-other"), defect: .none, seed: "content-mismatch")),
            a(
                "control-in-reason", "submission.malformed",
                "opens, but a reason holds ESC (U+001B, a terminal escape): not multi-line text (spec §1.3)",
                try craft(
                    submissionContent(reason: "Kế hoạch\u{1B}[2J ban hành chậm"), defect: .none,
                    seed: "control-in-reason")),
            a(
                "bidi-in-reason", "submission.malformed",
                "opens, but a reason holds U+202E (right-to-left override), refused in every string (spec §1.3)",
                try craft(
                    submissionContent(reason: "Kế hoạch \u{202E}chậm"), defect: .none, seed: "bidi-in-reason")),
        ]
    }
}

extension VectorRunner {
    /// `submission`: parse (§5.5 steps 1–2), open with `recipient-secret-key` (outer signature,
    /// recipient, commitment, chunks, inner signature), compare `plaintext-hash` when
    /// given, then parse the content strictly and check its member, revision and round against
    /// the header (§6.5 step 2, `merge.content-mismatch`).
    @Sendable static func runSubmission(_ vector: Vector) -> String {
        guard let hex = vector["recipient-secret-key"], let secret = Hex.decodeSecret(hex, length: X25519.keyLength),
            let key = try? X25519.PrivateKey(secret: secret)
        else { return "no valid recipient-secret-key" }
        do {
            let envelope = try SealedEnvelope(parsing: vector.body, expecting: .submission, file: vector.description)
            let plaintext = try envelope.open(with: key)
            if let expected = vector["plaintext-hash"],
                "blake2b-256 " + Hex.encode(BLAKE2b.hash(plaintext, outputLength: 32)) != expected
            {
                return "plaintext hash differs from \(expected)"
            }
            if let expected = vector["sender-signing-key"],
                Hex.encode(envelope.header.senderSigningKey.rawRepresentation) != expected
            {
                return "sender key differs from \(expected)"
            }
            let content = try SubmissionContent(parsing: plaintext, file: vector.description)
            guard content.member == envelope.header.sender, content.round == envelope.header.round,
                envelope.header.context == ["revision": .integer(Int64(content.revision))]
            else { throw MergeError(.contentMismatch, [.text(vector.description)]) }
            return "success"
        } catch {
            return error.errorID
        }
    }
}

@Suite("Submission vector builder")
struct SubmissionVectorCraftTests {
    /// The defect builder without a defect produces exactly what the real sealer produces, so the
    /// negative vectors differ from a genuine submission only by their stated defect.
    @Test func craftWithoutDefectEqualsTheSealer() throws {
        let content = VectorGenerator.submissionContent()
        let sealed = try SealedEnvelope.seal(
            content, kind: .submission, round: VectorGenerator.submissionRound, context: ["revision": .integer(1)],
            sender: VectorGenerator.identity(), recipient: VectorGenerator.submissionSecretary().identity.encryptionKey,
            created: VectorGenerator.created, using: DeterministicRandom(seed: "AppraisalVault/vectors/submission/same")
        )
        #expect(try VectorGenerator.craft(content, defect: .none, seed: "same") == sealed)
    }
}
