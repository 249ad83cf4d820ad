import VaultCrypto

@testable import AppraisalVault

/// Vectors for the notice (spec §12.3, area `notice`): a sealed envelope of kind `notice` from
/// thu-ky-vector to the unit dv-vector. One positive vector, the envelope rules a notice reader
/// meets first, and one negative per rule of the notice's own reader (context, plaintext).
///
/// Extra header lines: `recipient-secret-key:` (dv-vector's X25519 secret key, hex); on the
/// positive vector `sender-signing-key:` and `plaintext-hash: blake2b-256 <hex>`.
extension VectorGenerator {
    static let noticeRound = BLAKE2b.hash(Array("AppraisalVault/vectors/notice/round".utf8), outputLength: 32)

    /// The positive vector's notice: a deduction with its reason, a council cell without a self
    /// score, and a penalty item with its reason.
    static func noticeContent() throws -> UnitNotice {
        UnitNotice(
            round: noticeRound, unit: "dv-vector", unitName: "Sở Thử nghiệm", roundTitle: "Vòng thử nghiệm",
            year: 2025, answerBy: "2026-02-01T23:59:59Z", secretary: try submissionSecretary().identity,
            cells: [
                UnitNotice.Row(
                    code: "1.1.1", title: "Ban hành kế hoạch CCHC", max: Points(parsing: "1")!,
                    selfScore: Points(parsing: "1")!, score: Points(parsing: "0.5")!,
                    reason: "Kế hoạch ban hành chậm\nso với quy định"),
                UnitNotice.Row(
                    code: "1.2.1", title: "Mức độ hoàn thành kế hoạch", max: Points(parsing: "2")!, selfScore: nil,
                    score: Points(parsing: "1.5")!, reason: ""),
                UnitNotice.Row(
                    code: "TR1", kind: .penalty, title: "Chậm nộp báo cáo", max: Points(parsing: "2")!,
                    selfScore: nil, score: Points(parsing: "0.5")!, reason: "Báo cáo quý III nộp chậm"),
            ])
    }

    @Sendable static func noticeVectors() throws -> [Vector] {
        let secretary = try submissionSecretary()
        let unit = try vectorUnit("dv-vector")
        let recipientKey = [("recipient-secret-key", Hex.encode(secret: unit.encryptionKey.secret))]
        let notice = try noticeContent()
        func seal(
            _ json: JSONValue, _ seed: String, kind: ArtifactKind = .notice, context: [String: JSONValue]? = nil,
            to recipient: X25519.PublicKey? = nil
        ) throws -> [UInt8] {
            try SealedEnvelope.seal(
                CanonicalJSON.serialize(json), kind: kind, round: noticeRound,
                context: context ?? ["unit": .string("dv-vector")], sender: secretary,
                recipient: recipient ?? unit.identity.encryptionKey, created: created,
                using: DeterministicRandom(seed: "AppraisalVault/vectors/notice/" + seed))
        }
        /// The notice's JSON with `edit` applied to its object.
        func edited(_ edit: (inout [String: JSONValue]) -> Void) -> JSONValue {
            guard case .object(var o) = notice.json else { preconditionFailure("notice json") }
            edit(&o)
            return .object(o)
        }
        func editCell(_ o: inout [String: JSONValue], _ key: String, _ value: JSONValue, at index: Int = 0) {
            guard case .array(var cells) = o["cells"]!, case .object(var c) = cells[index] else { return }
            c[key] = value
            cells[index] = .object(c)
            o["cells"] = .array(cells)
        }
        /// The positive vector's totals with some values replaced.
        func totals(appraised: String = "2", final: String = "1.5", self: String = "1") -> JSONValue {
            .object([
                "appraised": .string(appraised), "bonus": .string("0"), "final": .string(final), "max": .string("3"),
                "penalty": .string("0.5"), "self": .string(self),
            ])
        }
        let content = CanonicalJSON.serialize(notice.json)
        let good = try seal(notice.json, "success")
        var wrongKind = good
        wrongKind[8] = ArtifactKind.submission.rawValue
        var submissionDomain = try seal(notice.json, "submission-domain", kind: .submission)
        submissionDomain[8] = ArtifactKind.notice.rawValue
        var header = good
        let roundAt = firstIndex(of: Array("\"round\":\"".utf8), in: good)! + 9
        header[roundAt] = header[roundAt] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        let headerEnd = 13 + Int(good[9]) << 24 + Int(good[10]) << 16 + Int(good[11]) << 8 + Int(good[12])
        func a(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8], extra: [(String, String)] = [])
            -> Vector
        {
            vector("notice", name, expect: expect, recipientKey + extra, comment: comment, body)
        }
        return [
            a(
                "success", "success",
                "thu-ky-vector's notice to dv-vector; round = BLAKE2b-256(\"AppraisalVault/vectors/notice/round\")",
                good,
                extra: [
                    ("sender-signing-key", Hex.encode(secretary.signingKey.publicKey.rawRepresentation)),
                    ("plaintext-hash", "blake2b-256 " + Hex.encode(BLAKE2b.hash(content, outputLength: 32))),
                ]),
            a(
                "flipped-header", "envelope.bad-signature", "one hex digit of round changed; the header still parses",
                header),
            a(
                "flipped-payload", "envelope.bad-signature", "the first payload byte XOR 0x01",
                flipped(good, at: headerEnd)),
            a("flipped-signature", "envelope.bad-signature", "last byte XOR 0x01", flipped(good, at: good.count - 1)),
            a("truncated", "format.truncated", "only the preamble and 100 bytes", Array(good.prefix(headerEnd + 100))),
            a(
                "not-for-you", "envelope.not-for-you", "sealed to dv-other's encryption key, correctly signed",
                try seal(notice.json, "not-for-you", to: try vectorUnit("dv-other").identity.encryptionKey)),
            a(
                "wrong-kind", "format.wrong-kind", "kind byte 20 changed to 4 (a notice passed off as a submission)",
                wrongKind),
            a(
                "submission-domain", "envelope.bad-signature",
                "sealed and signed as a submission, then the kind byte set to 20", submissionDomain),
            a(
                "context-extra-field", "format.header", "context {\"revision\": 1, \"unit\": \"dv-vector\"}",
                try seal(
                    notice.json, "context", context: ["revision": .integer(1), "unit": .string("dv-vector")])),
            a(
                "unit-mismatch", "notice.content-mismatch", "the plaintext names unit dv-other, the header dv-vector",
                try seal(edited { $0["unit"] = .string("dv-other") }, "unit-mismatch")),
            a(
                "wrong-difference", "notice.malformed", "cells[0].difference \"-0.25\", not score − self (-0.5)",
                try seal(edited { editCell(&$0, "difference", .string("-0.25")) }, "difference")),
            a(
                "wrong-total", "notice.malformed", "totals.appraised \"3\", not the sum 2 of the sub-criteria",
                try seal(edited { $0["totals"] = totals(appraised: "3", final: "2.5") }, "total")),
            a(
                "wrong-final", "notice.malformed", "totals.final \"2\", not base 2 + bonus 0 − penalty 0.5",
                try seal(edited { $0["totals"] = totals(final: "2") }, "final")),
            a(
                "penalty-with-self", "notice.malformed",
                "cells[2] (kind penalty) with self \"0.5\" and difference \"0\"",
                try seal(
                    edited {
                        editCell(&$0, "self", .string("0.5"), at: 2)
                        editCell(&$0, "difference", .string("0"), at: 2)
                        $0["totals"] = totals(self: "1.5")
                    }, "penalty-self")),
            a(
                "unknown-kind", "notice.malformed", "cells[1].kind \"survey\"",
                try seal(edited { editCell(&$0, "kind", .string("survey"), at: 1) }, "kind")),
            a(
                "rank-field", "notice.malformed", "an extra plaintext field \"rank\": 1 (a rank reveals others)",
                try seal(edited { $0["rank"] = .integer(1) }, "rank")),
        ]
    }
}

extension VectorRunner {
    /// `notice`: ``NoticeFile`` (layout, outer signature, context), opened with
    /// `recipient-secret-key`; the optional `plaintext-hash` and `sender-signing-key` must match;
    /// the plaintext strictly and against the header (§12.3).
    @Sendable static func runNotice(_ vector: Vector) -> String {
        guard let hex = vector["recipient-secret-key"], let secret = Hex.decodeSecret(hex, length: X25519.keyLength),
            let key = try? X25519.PrivateKey(secret: secret)
        else { return "no valid recipient-secret-key" }
        do {
            let file = try NoticeFile(parsing: vector.body, file: vector.description)
            if let expected = vector["plaintext-hash"],
                "blake2b-256 " + Hex.encode(BLAKE2b.hash(try file.envelope.open(with: key), outputLength: 32))
                    != expected
            {
                return "plaintext hash differs from \(expected)"
            }
            if let expected = vector["sender-signing-key"], Hex.encode(file.senderFingerprintKey.signingKey) != expected
            {
                return "sender key differs from \(expected)"
            }
            _ = try file.open(encryptionKey: key)
            return "success"
        } catch {
            return error.errorID
        }
    }
}
