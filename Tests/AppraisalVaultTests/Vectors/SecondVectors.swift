import VaultCrypto

@testable import AppraisalVault

/// Vectors for the second-round revision (spec §12.6, area `second`): a sealed envelope of kind
/// `second-appraisal` from the member tv-vector to thu-ky-vector. One positive vector, an
/// exception row, the envelope rules, one negative per binding rule of `receive` (checked
/// without decrypting) and one per rule of the plaintext reader.
///
/// Extra header lines on every vector (what the round tells a reader): `round:`,
/// `secretary-encryption-key:`, `member-id:` and `member-signing-key:` (the key the round lists
/// for tv-vector), `other-member-id:` and `other-member-signing-key:` (tv-other, also a member),
/// `unit-id:` and `unit-signing-key:` (a unit with a key, dv-vector), `recipient-secret-key:`
/// (the secretary's X25519 secret key); on the positive vector `plaintext-hash: blake2b-256 <hex>`.
extension VectorGenerator {
    static let secondRound = BLAKE2b.hash(Array("AppraisalVault/vectors/second/round".utf8), outputLength: 32)
    static let secondForwarded = BLAKE2b.hash(
        Array("AppraisalVault/vectors/second/forwarded".utf8), outputLength: 32)

    /// The positive vector's revision: one cell kept with a reason, one changed with a two-line reason.
    static func secondContent() -> SecondAppraisal {
        SecondAppraisal(
            round: secondRound, member: "tv-vector", revision: 1,
            rows: [
                SecondAppraisal.Row(
                    unit: "dv-vector", code: "1.1.1", decision: .keep, explanation: secondForwarded,
                    score: Points(parsing: "0.5"), reason: "Văn bản số 12 ban hành sau hạn"),
                SecondAppraisal.Row(
                    unit: "dv-vector", code: "1.2.1", decision: .change, explanation: secondForwarded,
                    score: Points(parsing: "1"), reason: "Chấp nhận giải trình\n(có minh chứng)"),
            ])
    }

    @Sendable static func secondVectors() throws -> [Vector] {
        let secretary = try submissionSecretary()
        let member = try identity()
        let other = try submissionOther()
        let unit = try vectorUnit("dv-vector")
        let roundLines: [(String, String)] = [
            ("round", Hex.encode(secondRound)),
            ("secretary-encryption-key", Hex.encode(secretary.encryptionKey.publicKey.rawRepresentation)),
            ("member-id", member.identity.id),
            ("member-signing-key", Hex.encode(member.signingKey.publicKey.rawRepresentation)),
            ("other-member-id", other.identity.id),
            ("other-member-signing-key", Hex.encode(other.signingKey.publicKey.rawRepresentation)),
            ("unit-id", unit.identity.id),
            ("unit-signing-key", Hex.encode(unit.signingKey.publicKey.rawRepresentation)),
            ("recipient-secret-key", Hex.encode(secret: secretary.encryptionKey.secret)),
        ]
        let second = secondContent()
        func seal(
            _ json: JSONValue, _ seed: String, kind: ArtifactKind = .secondAppraisal,
            context: [String: JSONValue]? = nil, sender: SecretIdentity? = nil, to recipient: X25519.PublicKey? = nil,
            round: [UInt8]? = nil
        ) throws -> [UInt8] {
            try SealedEnvelope.seal(
                CanonicalJSON.serialize(json), kind: kind, round: round ?? secondRound,
                context: context ?? ["revision": .integer(1)], sender: sender ?? member,
                recipient: recipient ?? secretary.identity.encryptionKey, created: created,
                using: DeterministicRandom(seed: "AppraisalVault/vectors/second/" + seed))
        }
        /// The revision's JSON with `edit` applied to its object.
        func edited(_ edit: (inout [String: JSONValue]) -> Void) -> JSONValue {
            guard case .object(var o) = second.json else { preconditionFailure("second json") }
            edit(&o)
            return .object(o)
        }
        func row(_ o: inout [String: JSONValue], _ index: Int, _ key: String, _ value: JSONValue?) {
            guard case .array(var items) = o["rows"]!, case .object(var r) = items[index] else { return }
            r[key] = value
            items[index] = .object(r)
            o["rows"] = .array(items)
        }
        let content = CanonicalJSON.serialize(second.json)
        let good = try seal(second.json, "success")
        var wrongKind = good
        wrongKind[8] = ArtifactKind.submission.rawValue
        var explanationDomain = try seal(second.json, "explanation-domain", kind: .explanation)
        explanationDomain[8] = ArtifactKind.secondAppraisal.rawValue
        var header = good
        let roundAt = firstIndex(of: Array("\"round\":\"".utf8), in: good)! + 9
        header[roundAt] = header[roundAt] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        let headerEnd = 13 + Int(good[9]) << 24 + Int(good[10]) << 16 + Int(good[11]) << 8 + Int(good[12])
        let otherRound = BLAKE2b.hash(Array("AppraisalVault/vectors/second/other-round".utf8), outputLength: 32)
        let stranger = try SecretIdentity.generate(
            id: "tv-stranger", name: "Người lạ", role: .member, isDemo: true, created: created,
            using: DeterministicRandom(seed: "AppraisalVault/vectors/second/stranger"))
        let impostor = try SecretIdentity.generate(
            id: "tv-vector", name: "Giả mạo", role: .member, isDemo: true, created: created,
            using: DeterministicRandom(seed: "AppraisalVault/vectors/second/impostor"))
        func v(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8], extra: [(String, String)] = [])
            -> Vector
        {
            vector("second", name, expect: expect, roundLines + extra, comment: comment, body)
        }
        return [
            v(
                "success", "success",
                "tv-vector's second-round revision to thu-ky-vector: 1.1.1 kept, 1.2.1 changed to 1",
                good, extra: [("plaintext-hash", "blake2b-256 " + Hex.encode(BLAKE2b.hash(content, outputLength: 32)))]),
            v(
                "exception-row", "success", "a third row changing dv-vector/1.3.1 without explanation (an exception)",
                try seal(
                    edited { o in
                        guard case .array(var items) = o["rows"]! else { return }
                        items.append(
                            .object([
                                "code": .string("1.3.1"), "decision": .string("change"), "reason": .string("Sửa lỗi"),
                                "score": .string("0.25"), "unit": .string("dv-vector"),
                            ]))
                        o["rows"] = .array(items)
                    }, "exception")),
            v("flipped-header", "envelope.bad-signature", "one hex digit of round changed", header),
            v(
                "flipped-payload", "envelope.bad-signature", "the first payload byte XOR 0x01",
                flipped(good, at: headerEnd)),
            v("flipped-signature", "envelope.bad-signature", "last byte XOR 0x01", flipped(good, at: good.count - 1)),
            v("truncated", "format.truncated", "only the preamble and 100 bytes", Array(good.prefix(headerEnd + 100))),
            v("wrong-kind", "format.wrong-kind", "kind byte 23 changed to 4", wrongKind),
            v(
                "explanation-domain", "envelope.bad-signature",
                "sealed and signed as an explanation, then the kind byte set to 23", explanationDomain),
            v(
                "context-extra-field", "format.header", "context with an extra field \"notice\"",
                try seal(
                    second.json, "context-extra", context: ["notice": .hex(secondForwarded), "revision": .integer(1)])),
            v(
                "context-no-revision", "format.header", "context {} without the revision",
                try seal(second.json, "context-empty", context: [:])),
            v(
                "wrong-round", "inbox.wrong-round", "sealed for another round hash",
                try seal(edited { $0["round"] = .hex(otherRound) }, "wrong-round", round: otherRound)),
            v(
                "wrong-recipient", "inbox.wrong-recipient", "sealed to tv-other's encryption key, not the secretary's",
                try seal(second.json, "wrong-recipient", to: other.identity.encryptionKey)),
            v(
                "signed-by-unit", "inbox.wrong-role", "sent and signed by the unit dv-vector",
                try seal(edited { $0["member"] = .string("dv-vector") }, "unit", sender: unit)),
            v(
                "not-a-member", "inbox.not-member", "sent by tv-stranger, a member identity the round does not list",
                try seal(edited { $0["member"] = .string("tv-stranger") }, "stranger", sender: stranger)),
            v(
                "wrong-member-key", "inbox.key-mismatch", "sender id tv-vector, signed with another key",
                try seal(second.json, "impostor", sender: impostor)),
            v(
                "member-mismatch", "second.content-mismatch",
                "the plaintext names member tv-other, the header's sender is tv-vector",
                try seal(edited { $0["member"] = .string("tv-other") }, "member-mismatch")),
            v(
                "revision-mismatch", "second.content-mismatch", "the plaintext's revision 2, context.revision 1",
                try seal(edited { $0["revision"] = .integer(2) }, "revision-mismatch")),
            v(
                "no-rows", "second.malformed", "rows []",
                try seal(edited { $0["rows"] = .array([]) }, "no-rows")),
            v(
                "unknown-decision", "second.malformed", "rows[0].decision \"maybe\"",
                try seal(edited { row(&$0, 0, "decision", .string("maybe")) }, "decision")),
            v(
                "blank-reason", "second.malformed", "rows[1].reason \"  \"",
                try seal(edited { row(&$0, 1, "reason", .string("  ")) }, "blank-reason")),
            v(
                "duplicate-cell", "second.malformed", "rows[1].code \"1.1.1\" again",
                try seal(edited { row(&$0, 1, "code", .string("1.1.1")) }, "duplicate")),
            v(
                "change-without-score", "second.malformed", "rows[1] changes with score null",
                try seal(edited { row(&$0, 1, "score", .null) }, "change-null")),
            v(
                "exception-keeps", "second.malformed", "rows[0] keeps without explanation",
                try seal(edited { row(&$0, 0, "explanation", nil) }, "exception-keeps")),
            v(
                "non-canonical-score", "second.malformed", "rows[0].score \"0.50\"",
                try seal(edited { row(&$0, 0, "score", .string("0.50")) }, "score")),
            v(
                "extra-field", "second.malformed", "an extra plaintext field \"unit\"",
                try seal(edited { $0["unit"] = .string("dv-vector") }, "extra")),
        ]
    }
}

extension VectorRunner {
    /// `second`: ``SecondAppraisalFile`` (layout, outer signature, context), the binding of
    /// `receive` against a roster made of the vector's round lines, then opened with
    /// `recipient-secret-key`; the optional `plaintext-hash` must match (§12.6).
    @Sendable static func runSecond(_ vector: Vector) -> String {
        guard let hex = vector["recipient-secret-key"], let secret = Hex.decodeSecret(hex, length: X25519.keyLength),
            let key = try? X25519.PrivateKey(secret: secret)
        else { return "no valid recipient-secret-key" }
        do {
            let secretary = try VectorGenerator.submissionSecretary().identity
            let member = try VectorGenerator.identity().identity
            let other = try VectorGenerator.submissionOther().identity
            let unit = try VectorGenerator.vectorUnit("dv-vector").identity
            guard vector["round"] == Hex.encode(VectorGenerator.secondRound),
                vector["secretary-encryption-key"] == Hex.encode(secretary.encryptionKey.rawRepresentation),
                vector["member-id"] == member.id,
                vector["member-signing-key"] == Hex.encode(member.signingKey.rawRepresentation),
                vector["other-member-id"] == other.id,
                vector["other-member-signing-key"] == Hex.encode(other.signingKey.rawRepresentation),
                vector["unit-id"] == unit.id,
                vector["unit-signing-key"] == Hex.encode(unit.signingKey.rawRepresentation)
            else { return "round lines differ from the generator's identities" }
            let roster = Roster(
                roundHash: VectorGenerator.secondRound, secretary: secretary, members: [member, other], holders: [],
                units: [unit])
            let file = try SecondAppraisalFile(parsing: vector.body, file: vector.description)
            try file.checkBinding(to: roster)
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
