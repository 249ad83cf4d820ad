import VaultCrypto

@testable import AppraisalVault

/// Vectors for the explanation (spec §12.4, area `explanation`): a sealed envelope of kind
/// `explanation` from the unit dv-vector to thu-ky-vector. One positive vector, the envelope
/// rules, one negative per binding rule of `receive` (checked without decrypting) and one per
/// rule of the plaintext reader.
///
/// Extra header lines on every vector (what the round tells a reader): `round:` (the round hash),
/// `secretary-encryption-key:`, `unit-id:` and `unit-signing-key:` (the key the round lists for
/// that unit), `member-id:` and `member-signing-key:` (a member of the round, tv-other),
/// `notice-hash:` (the notice issued to the unit), `recipient-secret-key:` (the secretary's X25519
/// secret key); on the positive vector `plaintext-hash: blake2b-256 <hex>`.
extension VectorGenerator {
    static let explanationRound = BLAKE2b.hash(
        Array("AppraisalVault/vectors/explanation/round".utf8), outputLength: 32)
    static let explanationNotice = BLAKE2b.hash(
        Array("AppraisalVault/vectors/explanation/notice".utf8), outputLength: 32)

    /// The positive vector's explanation: one cell disputed with a two-line text, one agreed.
    static func explanationContent() -> UnitExplanation {
        UnitExplanation(
            round: explanationRound, unit: "dv-vector", notice: explanationNotice, revision: 1,
            answers: [
                UnitExplanation.Answer(
                    code: "1.1.1", agree: false, text: "Kế hoạch ban hành đúng hạn\n(văn bản số 12/KH-UBND)"),
                UnitExplanation.Answer(code: "1.2.1", agree: true, text: ""),
            ])
    }

    @Sendable static func explanationVectors() throws -> [Vector] {
        let secretary = try submissionSecretary()
        let unit = try vectorUnit("dv-vector")
        let member = try submissionOther()
        let roundLines: [(String, String)] = [
            ("round", Hex.encode(explanationRound)),
            ("secretary-encryption-key", Hex.encode(secretary.encryptionKey.publicKey.rawRepresentation)),
            ("unit-id", "dv-vector"),
            ("unit-signing-key", Hex.encode(unit.signingKey.publicKey.rawRepresentation)),
            ("member-id", member.identity.id),
            ("member-signing-key", Hex.encode(member.signingKey.publicKey.rawRepresentation)),
            ("notice-hash", Hex.encode(explanationNotice)),
            ("recipient-secret-key", Hex.encode(secret: secretary.encryptionKey.secret)),
        ]
        let explanation = explanationContent()
        func seal(
            _ json: JSONValue, _ seed: String, kind: ArtifactKind = .explanation, context: [String: JSONValue]? = nil,
            sender: SecretIdentity? = nil, to recipient: X25519.PublicKey? = nil, round: [UInt8]? = nil
        ) throws -> [UInt8] {
            try SealedEnvelope.seal(
                CanonicalJSON.serialize(json), kind: kind, round: round ?? explanationRound,
                context: context ?? ["notice": .hex(explanationNotice), "revision": .integer(1)],
                sender: sender ?? unit, recipient: recipient ?? secretary.identity.encryptionKey, created: created,
                using: DeterministicRandom(seed: "AppraisalVault/vectors/explanation/" + seed))
        }
        /// The explanation's JSON with `edit` applied to its object.
        func edited(_ edit: (inout [String: JSONValue]) -> Void) -> JSONValue {
            guard case .object(var o) = explanation.json else { preconditionFailure("explanation json") }
            edit(&o)
            return .object(o)
        }
        func answer(_ o: inout [String: JSONValue], _ index: Int, _ key: String, _ value: JSONValue) {
            guard case .array(var items) = o["answers"]!, case .object(var a) = items[index] else { return }
            a[key] = value
            items[index] = .object(a)
            o["answers"] = .array(items)
        }
        let content = CanonicalJSON.serialize(explanation.json)
        let withEvidence = UnitExplanation(
            round: explanationRound, unit: "dv-vector", notice: explanationNotice, revision: 1,
            answers: [
                UnitExplanation.Answer(
                    code: "1.1.1", agree: false, text: "Xem văn bản đính kèm", attachments: ["ke-hoach.pdf"]),
                UnitExplanation.Answer(code: "1.2.1", agree: true, text: ""),
            ],
            attachments: [
                Evidence.Attachment(
                    fileHash: BLAKE2b.hash(Array("AppraisalVault/vectors/explanation/evidence".utf8), outputLength: 32),
                    index: 1, name: "ke-hoach.pdf", size: 1234)
            ])
        let good = try seal(explanation.json, "success")
        var wrongKind = good
        wrongKind[8] = ArtifactKind.submission.rawValue
        var noticeDomain = try seal(explanation.json, "notice-domain", kind: .notice)
        noticeDomain[8] = ArtifactKind.explanation.rawValue
        var header = good
        let roundAt = firstIndex(of: Array("\"round\":\"".utf8), in: good)! + 9
        header[roundAt] = header[roundAt] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        let headerEnd = 13 + Int(good[9]) << 24 + Int(good[10]) << 16 + Int(good[11]) << 8 + Int(good[12])
        let otherNotice = BLAKE2b.hash(Array("AppraisalVault/vectors/explanation/other-notice".utf8), outputLength: 32)
        let stranger = try vectorUnit("dv-stranger")
        func a(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8], extra: [(String, String)] = [])
            -> Vector
        {
            vector("explanation", name, expect: expect, roundLines + extra, comment: comment, body)
        }
        return [
            a(
                "success", "success",
                "dv-vector's explanation to thu-ky-vector; round = BLAKE2b-256(\"AppraisalVault/vectors/explanation/round\")",
                good, extra: [("plaintext-hash", "blake2b-256 " + Hex.encode(BLAKE2b.hash(content, outputLength: 32)))]),
            a(
                "flipped-header", "envelope.bad-signature", "one hex digit of round changed; the header still parses",
                header),
            a(
                "flipped-payload", "envelope.bad-signature", "the first payload byte XOR 0x01",
                flipped(good, at: headerEnd)),
            a("flipped-signature", "envelope.bad-signature", "last byte XOR 0x01", flipped(good, at: good.count - 1)),
            a("truncated", "format.truncated", "only the preamble and 100 bytes", Array(good.prefix(headerEnd + 100))),
            a(
                "wrong-kind", "format.wrong-kind",
                "kind byte 21 changed to 4 (an explanation passed off as a submission)",
                wrongKind),
            a(
                "notice-domain", "envelope.bad-signature",
                "sealed and signed as a notice, then the kind byte set to 21",
                noticeDomain),
            a(
                "context-extra-field", "format.header", "context with an extra field \"unit\"",
                try seal(
                    explanation.json, "context-extra",
                    context: [
                        "notice": .hex(explanationNotice), "revision": .integer(1), "unit": .string("dv-vector"),
                    ])),
            a(
                "context-no-notice", "format.header", "context {\"revision\": 1} without the notice hash",
                try seal(explanation.json, "context-no-notice", context: ["revision": .integer(1)])),
            a(
                "wrong-round", "inbox.wrong-round", "sealed for another round hash",
                try seal(
                    edited { $0["round"] = .hex(otherNotice) }, "wrong-round", round: otherNotice)),
            a(
                "wrong-recipient", "inbox.wrong-recipient", "sealed to dv-other's encryption key, not the secretary's",
                try seal(explanation.json, "wrong-recipient", to: try vectorUnit("dv-other").identity.encryptionKey)),
            a(
                "signed-by-member", "inbox.explanation-wrong-role", "sent and signed by the member tv-other",
                try seal(edited { $0["unit"] = .string("tv-other") }, "member", sender: member)),
            a(
                "not-a-unit", "inbox.not-a-unit", "sent by dv-stranger, a unit identity the round does not list",
                try seal(edited { $0["unit"] = .string("dv-stranger") }, "stranger", sender: stranger)),
            a(
                "wrong-unit-key", "inbox.unit-key-mismatch", "sender id dv-vector, signed with another unit key",
                try seal(
                    explanation.json, "wrong-key",
                    sender: try SecretIdentity.generate(
                        id: "dv-vector", name: "Giả mạo", role: .unit, isDemo: true, created: created,
                        using: DeterministicRandom(seed: "AppraisalVault/vectors/explanation/impostor")))),
            a(
                "wrong-notice", "inbox.wrong-notice", "answers another notice (context and plaintext agree)",
                try seal(
                    edited { $0["notice"] = .hex(otherNotice) }, "wrong-notice",
                    context: ["notice": .hex(otherNotice), "revision": .integer(1)])),
            a(
                "unit-mismatch", "explanation.content-mismatch",
                "the plaintext names unit dv-other, the header's sender is dv-vector",
                try seal(edited { $0["unit"] = .string("dv-other") }, "unit-mismatch")),
            a(
                "notice-mismatch", "explanation.content-mismatch",
                "the plaintext's notice hash differs from context.notice",
                try seal(edited { $0["notice"] = .hex(otherNotice) }, "notice-mismatch")),
            a(
                "disagree-without-text", "explanation.malformed", "answers[0] agree false with text \"\"",
                try seal(edited { answer(&$0, 0, "text", .string("")) }, "no-text")),
            a(
                "text-when-agreeing", "explanation.malformed", "answers[1] agree true with a text",
                try seal(edited { answer(&$0, 1, "text", .string("Lý do")) }, "text-agree")),
            a(
                "duplicate-code", "explanation.malformed", "answers[1].code \"1.1.1\" again",
                try seal(edited { answer(&$0, 1, "code", .string("1.1.1")) }, "duplicate")),
            a(
                "with-evidence", "success", "answers[0] cites the attachment ke-hoach.pdf (index 1)",
                try seal(withEvidence.json, "with-evidence")),
            a(
                "unknown-evidence", "explanation.malformed", "answers[0] cites khac.pdf, not in attachments",
                try seal(
                    {
                        guard case .object(var o) = withEvidence.json else { preconditionFailure() }
                        answer(&o, 0, "attachments", .array([.string("khac.pdf")]))
                        return .object(o)
                    }(), "unknown-evidence")),
            a(
                "evidence-when-agreeing", "explanation.malformed", "answers[1] agrees and cites ke-hoach.pdf",
                try seal(
                    {
                        guard case .object(var o) = withEvidence.json else { preconditionFailure() }
                        answer(&o, 1, "attachments", .array([.string("ke-hoach.pdf")]))
                        return .object(o)
                    }(), "evidence-agree")),
            a(
                "extra-field", "explanation.malformed", "an extra plaintext field \"score\"",
                try seal(edited { $0["score"] = .string("1") }, "extra")),
        ]
    }
}

extension VectorRunner {
    /// `explanation`: ``ExplanationFile`` (layout, outer signature, context), the binding of
    /// `receive` against a roster made of the vector's round lines, then opened with
    /// `recipient-secret-key`; the optional `plaintext-hash` must match (§12.4).
    @Sendable static func runExplanation(_ vector: Vector) -> String {
        guard let hex = vector["recipient-secret-key"], let secret = Hex.decodeSecret(hex, length: X25519.keyLength),
            let key = try? X25519.PrivateKey(secret: secret)
        else { return "no valid recipient-secret-key" }
        do {
            let secretary = try VectorGenerator.submissionSecretary().identity
            let unit = try VectorGenerator.vectorUnit("dv-vector").identity
            let member = try VectorGenerator.submissionOther().identity
            guard vector["round"] == Hex.encode(VectorGenerator.explanationRound),
                vector["secretary-encryption-key"] == Hex.encode(secretary.encryptionKey.rawRepresentation),
                vector["unit-id"] == unit.id,
                vector["unit-signing-key"] == Hex.encode(unit.signingKey.rawRepresentation),
                vector["member-id"] == member.id,
                vector["member-signing-key"] == Hex.encode(member.signingKey.rawRepresentation),
                let noticeHex = vector["notice-hash"], let notice = Hex.decode(noticeHex)
            else { return "round lines differ from the generator's identities" }
            let roster = Roster(
                roundHash: VectorGenerator.explanationRound, secretary: secretary, members: [member], holders: [],
                units: [unit])
            let file = try ExplanationFile(parsing: vector.body, file: vector.description)
            try file.checkBinding(to: roster, notices: [unit.id: notice])
            if let expected = vector["plaintext-hash"],
                "blake2b-256 " + Hex.encode(BLAKE2b.hash(try file.envelope.open(with: key), outputLength: 32))
                    != expected
            {
                return "plaintext hash differs from \(expected)"
            }
            _ = try file.open(encryptionKey: key)
            return "success"
        } catch {
            return error.errorID
        }
    }
}
