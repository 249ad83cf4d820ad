import Testing
import VaultCrypto

@testable import AppraisalVault

/// Vectors for the survey scores (spec §6.6, area `survey`): `survey.avq` is a sealed envelope of
/// kind `survey` from the secretary to the secretary. One positive vector and one negative per
/// reject rule of the survey's own reader (kind, content shape, context binding); the envelope
/// rules it shares with every sealed kind are the `submission` area's (§5.8), of which the
/// outer signature and the recipient are repeated here.
///
/// Extra header lines: `recipient-secret-key:` (thu-ky-vector's X25519 secret key, hex); on the
/// positive vector `sender-signing-key:` and `plaintext-hash: blake2b-256 <hex>`.
extension VectorGenerator {
    static let surveyRound = BLAKE2b.hash(Array("AppraisalVault/vectors/survey/round".utf8), outputLength: 32)

    /// The plaintext of the positive vector: two units' scores for survey sub-criterion 7.1.1.
    static func surveyContent(revision: Int = 1) -> [UInt8] {
        CanonicalJSON.serialize(
            SurveyScores(
                revision: revision, round: surveyRound,
                scores: [
                    Cell(unit: "so-tu-phap", code: "7.1.1"): Points(parsing: "1.5")!,
                    Cell(unit: "ubnd-muong-nhe", code: "7.1.1"): Points(parsing: "0.75")!,
                ]
            ).json)
    }

    /// Canonical JSON text of a content with the given score rows (a stand-in written by hand).
    static func surveyText(_ scores: String, extra: String = "", revision: Int = 1) -> [UInt8] {
        Array(
            "{\(extra)\"revision\":\(revision),\"round\":\"\(Hex.encode(surveyRound))\",\"scores\":[\(scores)]}".utf8)
    }

    @Sendable static func surveyVectors() throws -> [Vector] {
        let secretary = try submissionSecretary()
        let recipientKey = [("recipient-secret-key", Hex.encode(secret: secretary.encryptionKey.secret))]
        func seal(_ content: [UInt8], _ seed: String, revision: Int = 1, to recipient: X25519.PublicKey? = nil) throws
            -> [UInt8]
        {
            try SealedEnvelope.seal(
                content, kind: .survey, round: surveyRound, context: ["revision": .integer(Int64(revision))],
                sender: secretary, recipient: recipient ?? secretary.identity.encryptionKey, created: created,
                using: DeterministicRandom(seed: "AppraisalVault/vectors/survey/" + seed))
        }
        let content = surveyContent()
        let good = try seal(content, "success")
        var spaced = content
        spaced.insert(UInt8(ascii: " "), at: spaced.firstIndex(of: UInt8(ascii: ":"))! + 1)
        var wrongKind = good
        wrongKind[8] = ArtifactKind.submission.rawValue
        let row = { (unit: String, code: String, score: String) in
            "{\"code\":\"\(code)\",\"score\":\"\(score)\",\"unit\":\"\(unit)\"}"
        }
        func a(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8], extra: [(String, String)] = [])
            -> Vector
        {
            vector("survey", name, expect: expect, recipientKey + extra, comment: comment, body)
        }
        return [
            a(
                "success", "success",
                "thu-ky-vector's import 1 to itself; round = BLAKE2b-256(\"AppraisalVault/vectors/survey/round\")",
                good,
                extra: [
                    ("sender-signing-key", Hex.encode(secretary.signingKey.publicKey.rawRepresentation)),
                    ("plaintext-hash", "blake2b-256 " + Hex.encode(BLAKE2b.hash(content, outputLength: 32))),
                ]),
            a("wrong-kind", "format.wrong-kind", "kind byte 19 changed to 4 (submission)", wrongKind),
            a("flipped-signature", "envelope.bad-signature", "last byte XOR 0x01", flipped(good, at: good.count - 1)),
            a(
                "not-for-you", "envelope.not-for-you", "sealed to tv-other's encryption key, correctly signed",
                try seal(content, "not-for-you", to: try submissionOther().identity.encryptionKey)),
            a(
                "unknown-field", "format.header", "the content has a field \"note\" besides the three",
                try seal(surveyText(row("so-tu-phap", "7.1.1", "1.5"), extra: "\"note\":\"x\","), "unknown-field")),
            a(
                "unsorted", "format.header", "scores not sorted by unit then code",
                try seal(
                    surveyText(row("ubnd-muong-nhe", "7.1.1", "1") + "," + row("so-tu-phap", "7.1.1", "1")),
                    "unsorted")),
            a(
                "duplicate-cell", "format.header", "the same unit and code twice",
                try seal(
                    surveyText(row("so-tu-phap", "7.1.1", "1") + "," + row("so-tu-phap", "7.1.1", "0.5")),
                    "duplicate")),
            a(
                "score-not-canonical", "format.header", "score \"1.50\" (a trailing zero: not canonical, §3.1)",
                try seal(surveyText(row("so-tu-phap", "7.1.1", "1.50")), "not-canonical")),
            a(
                "score-negative", "format.header", "score \"-0.25\"",
                try seal(surveyText(row("so-tu-phap", "7.1.1", "-0.25")), "negative")),
            a(
                "not-canonical-json", "format.header", "the content with a space after the first colon",
                try seal(spaced, "json")),
            a(
                "revision-mismatch", "merge.survey-content",
                "header context {\"revision\": 2}, content revision 1", try seal(content, "revision", revision: 2)),
        ]
    }

    /// `survey`: parse as kind `survey`, open with `recipient-secret-key`, check the optional
    /// `plaintext-hash` and `sender-signing-key`, parse the content strictly (§6.6) and bind its
    /// revision and round to the header.
    @Sendable static func runSurvey(_ vector: Vector) -> String {
        guard let hex = vector["recipient-secret-key"], let secret = Hex.decodeSecret(hex, length: X25519.keyLength),
            let key = try? X25519.PrivateKey(secret: secret)
        else { return "no valid recipient-secret-key" }
        do {
            let envelope = try SealedEnvelope(parsing: vector.body, expecting: .survey, file: vector.description)
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
            let content = try SurveyScores(parsing: plaintext, file: vector.description)
            guard content.round == envelope.header.round,
                envelope.header.context == ["revision": .integer(Int64(content.revision))]
            else { throw MergeError(.surveyContent, [.file(vector.description), .text("header")]) }
            return "success"
        } catch {
            return error.errorID
        }
    }
}
