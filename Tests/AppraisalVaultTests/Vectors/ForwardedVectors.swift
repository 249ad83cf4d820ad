import VaultCrypto

@testable import AppraisalVault

/// Vectors for the forwarded explanation (spec §12.5, area `forwarded`): a sealed envelope of kind
/// `forwarded-explanation` from thu-ky-vector to the member tv-other, carrying cells of the unit
/// dv-vector. One positive vector, the envelope rules, one negative per binding rule (checked
/// without decrypting) and one per rule of the plaintext reader.
///
/// Extra header lines on every vector (what the round tells a reader): `round:`, `secretary-id:`,
/// `secretary-signing-key:`, `member-id:`, `member-encryption-key:` (the round's key of that
/// member), `unit-id:` (a unit with a key), `recipient-secret-key:` (the member's X25519 secret
/// key); on the positive vector `plaintext-hash: blake2b-256 <hex>`.
extension VectorGenerator {
    static let forwardedRound = BLAKE2b.hash(Array("AppraisalVault/vectors/forwarded/round".utf8), outputLength: 32)
    static let forwardedExplanation = BLAKE2b.hash(
        Array("AppraisalVault/vectors/forwarded/explanation".utf8), outputLength: 32)

    /// The positive vector's content: two cells, one with a two-line text and an attachment.
    static func forwardedContent() -> ForwardedExplanation {
        ForwardedExplanation(
            round: forwardedRound, unit: "dv-vector", member: "tv-other", explanation: forwardedExplanation,
            items: [
                ForwardedExplanation.Item(
                    code: "1.1.1", selfScore: Points(parsing: "1"), score: Points(parsing: "0.5"),
                    reason: "Kế hoạch ban hành chậm", text: "Kế hoạch ban hành đúng hạn\n(văn bản số 12/KH-UBND)",
                    attachments: [
                        .init(
                            fileHash: BLAKE2b.hash(
                                Array("AppraisalVault/vectors/forwarded/evidence".utf8), outputLength: 32),
                            name: "ke-hoach.pdf", size: 1234)
                    ]),
                ForwardedExplanation.Item(
                    code: "1.2.1", selfScore: nil, score: Points(parsing: "0.25"), reason: "", text: "Đã có báo cáo"),
            ])
    }

    @Sendable static func forwardedVectors() throws -> [Vector] {
        let secretary = try submissionSecretary()
        let member = try submissionOther()
        let roundLines: [(String, String)] = [
            ("round", Hex.encode(forwardedRound)),
            ("secretary-id", secretary.identity.id),
            ("secretary-signing-key", Hex.encode(secretary.signingKey.publicKey.rawRepresentation)),
            ("member-id", member.identity.id),
            ("member-encryption-key", Hex.encode(member.encryptionKey.publicKey.rawRepresentation)),
            ("unit-id", "dv-vector"),
            ("recipient-secret-key", Hex.encode(secret: member.encryptionKey.secret)),
        ]
        let forwarded = forwardedContent()
        func seal(
            _ json: JSONValue, _ seed: String, kind: ArtifactKind = .forwardedExplanation,
            context: [String: JSONValue]? = nil, sender: SecretIdentity? = nil, to recipient: X25519.PublicKey? = nil,
            round: [UInt8]? = nil
        ) throws -> [UInt8] {
            try SealedEnvelope.seal(
                CanonicalJSON.serialize(json), kind: kind, round: round ?? forwardedRound,
                context: context ?? ["member": .string("tv-other"), "unit": .string("dv-vector")],
                sender: sender ?? secretary, recipient: recipient ?? member.identity.encryptionKey, created: created,
                using: DeterministicRandom(seed: "AppraisalVault/vectors/forwarded/" + seed))
        }
        func edited(_ edit: (inout [String: JSONValue]) -> Void) -> JSONValue {
            guard case .object(var o) = forwarded.json else { preconditionFailure("forwarded json") }
            edit(&o)
            return .object(o)
        }
        func item(_ o: inout [String: JSONValue], _ index: Int, _ key: String, _ value: JSONValue) {
            guard case .array(var items) = o["items"]!, case .object(var a) = items[index] else { return }
            a[key] = value
            items[index] = .object(a)
            o["items"] = .array(items)
        }
        let content = CanonicalJSON.serialize(forwarded.json)
        let good = try seal(forwarded.json, "success")
        var wrongKind = good
        wrongKind[8] = ArtifactKind.explanation.rawValue
        var explanationDomain = try seal(forwarded.json, "explanation-domain", kind: .explanation)
        explanationDomain[8] = ArtifactKind.forwardedExplanation.rawValue
        var header = good
        let roundAt = firstIndex(of: Array("\"round\":\"".utf8), in: good)! + 9
        header[roundAt] = header[roundAt] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        let headerEnd = 13 + Int(good[9]) << 24 + Int(good[10]) << 16 + Int(good[11]) << 8 + Int(good[12])
        let otherRound = BLAKE2b.hash(Array("AppraisalVault/vectors/forwarded/other-round".utf8), outputLength: 32)
        func a(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8], extra: [(String, String)] = [])
            -> Vector
        {
            vector("forwarded", name, expect: expect, roundLines + extra, comment: comment, body)
        }
        return [
            a(
                "success", "success",
                "thu-ky-vector forwards two cells of dv-vector to tv-other; round = BLAKE2b-256(\"AppraisalVault/vectors/forwarded/round\")",
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
                "wrong-kind", "format.wrong-kind", "kind byte 22 changed to 21 (passed off as an explanation)",
                wrongKind),
            a(
                "explanation-domain", "envelope.bad-signature",
                "sealed and signed as an explanation, then the kind byte set to 22", explanationDomain),
            a(
                "context-extra-field", "format.header", "context with an extra field \"revision\"",
                try seal(
                    forwarded.json, "context-extra",
                    context: ["member": .string("tv-other"), "revision": .integer(1), "unit": .string("dv-vector")])),
            a(
                "context-no-member", "format.header", "context {\"unit\": \"dv-vector\"} without the member",
                try seal(forwarded.json, "context-no-member", context: ["unit": .string("dv-vector")])),
            a(
                "wrong-round", "forward.wrong-round", "sealed for another round hash (plaintext too)",
                try seal(edited { $0["round"] = .hex(otherRound) }, "wrong-round", round: otherRound)),
            a(
                "not-secretary", "forward.not-secretary", "sent and signed by the member tv-other itself",
                try seal(forwarded.json, "not-secretary", sender: member)),
            a(
                "wrong-unit", "forward.wrong-unit", "context.unit dv-stranger, not a unit with a key",
                try seal(
                    edited { $0["unit"] = .string("dv-stranger") }, "wrong-unit",
                    context: ["member": .string("tv-other"), "unit": .string("dv-stranger")])),
            a(
                "wrong-recipient", "forward.wrong-recipient",
                "context.member tv-other, sealed to dv-other's encryption key",
                try seal(forwarded.json, "wrong-recipient", to: try vectorUnit("dv-other").identity.encryptionKey)),
            a(
                "member-mismatch", "forward.content-mismatch", "the plaintext names member tv-vector",
                try seal(edited { $0["member"] = .string("tv-vector") }, "member-mismatch")),
            a(
                "unit-mismatch", "forward.content-mismatch", "the plaintext names unit dv-other",
                try seal(edited { $0["unit"] = .string("dv-other") }, "unit-mismatch")),
            a(
                "no-items", "forward.malformed", "items []",
                try seal(edited { $0["items"] = .array([]) }, "no-items")),
            a(
                "blank-text", "forward.malformed", "items[1].text \"  \" (blank)",
                try seal(edited { item(&$0, 1, "text", .string("  ")) }, "blank-text")),
            a(
                "duplicate-code", "forward.malformed", "items[1].code \"1.1.1\" again",
                try seal(edited { item(&$0, 1, "code", .string("1.1.1")) }, "duplicate")),
            a(
                "extra-field", "forward.malformed", "an extra plaintext field \"rank\"",
                try seal(edited { $0["rank"] = .integer(1) }, "extra")),
            a(
                "non-canonical-score", "forward.malformed", "items[0].score \"0.50\" (not canonical)",
                try seal(edited { item(&$0, 0, "score", .string("0.50")) }, "non-canonical")),
        ]
    }
}

extension VectorRunner {
    /// `forwarded`: ``ForwardedExplanationFile`` (layout, outer signature, context), the binding
    /// against the vector's round lines, then opened with `recipient-secret-key`; the optional
    /// `plaintext-hash` must match (§12.5).
    @Sendable static func runForwarded(_ vector: Vector) -> String {
        guard let hex = vector["recipient-secret-key"], let secret = Hex.decodeSecret(hex, length: X25519.keyLength),
            let key = try? X25519.PrivateKey(secret: secret)
        else { return "no valid recipient-secret-key" }
        do {
            let secretary = try VectorGenerator.submissionSecretary().identity
            let member = try VectorGenerator.submissionOther().identity
            guard vector["round"] == Hex.encode(VectorGenerator.forwardedRound),
                vector["secretary-id"] == secretary.id,
                vector["secretary-signing-key"] == Hex.encode(secretary.signingKey.rawRepresentation),
                vector["member-id"] == member.id,
                vector["member-encryption-key"] == Hex.encode(member.encryptionKey.rawRepresentation),
                let unit = vector["unit-id"]
            else { return "round lines differ from the generator's identities" }
            let file = try ForwardedExplanationFile(parsing: vector.body, file: vector.description)
            try file.checkBinding(
                roundHash: VectorGenerator.forwardedRound, secretary: secretary,
                member: file.member == member.id ? member : nil, unitHasKey: file.unit == unit)
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
