import VaultCrypto

@testable import AppraisalVault

/// Area `locked-results` (spec §6.4, §8.7): header lines `policy:`, `round-hash:`,
/// `secretary-public-identity:` (hex of thu-ky-vector's public identity file) and `partials:`
/// (`x:D_x` pairs, space-separated: the partial decryptions of the file's ephemeral point by
/// holders giu-khoa-1 and giu-khoa-2, as a token would carry them). The runner does §8.7 steps 1–5
/// with public data (``LockedResults/check(_:file:policy:roundHash:secretary:)``), then combines
/// the partials into the file key and opens the envelope (§8.7 step 8, §5.5 steps 5–8). The
/// plaintext is a small canonical JSON stand-in: this area tests the envelope, not the results format.
extension VectorGenerator {
    /// The hex digit at `index` replaced by another hex digit, so the header still parses.
    static func hexDigitChanged(_ bytes: [UInt8], at index: Int) -> [UInt8] {
        replacing(bytes, at: index, with: bytes[index] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0"))
    }

    static func lockedPlaintext() -> [UInt8] {
        CanonicalJSON.serialize(.object(["note": .string("kết quả thử nghiệm"), "round": .hex(journalRound)]))
    }

    static func locked(
        _ seed: String, sender: SecretIdentity, recipient: Ristretto255.Point, round: [UInt8] = journalRound,
        context: [String: JSONValue] = [:]
    ) throws -> [UInt8] {
        try SealedEnvelope.seal(
            lockedPlaintext(), kind: .lockedResults, round: round, context: context, sender: sender,
            to: .joint(recipient), created: created,
            using: DeterministicRandom(seed: "AppraisalVault/vectors/locked-results/" + seed))
    }

    /// `x:D_x` for holders `xs` (1-based) decrypting the ephemeral point of `results` partially.
    static func partials(_ policy: ReleasePolicy, of results: [UInt8], holders xs: [Int]) throws -> String {
        let envelope = try SealedEnvelope(parsing: results, expecting: .lockedResults, file: "r")
        guard case .joint(_, let u) = envelope.header.keyTransport else { return "" }
        let holders = try releaseHolders()
        return try xs.map { x in
            let secret = try policy.holderSecret(holders[x - 1]).secret
            return "\(x):" + Hex.encode(try u.multiplied(by: secret).rawRepresentation)
        }.joined(separator: " ")
    }

    @Sendable static func lockedResultsVectors() throws -> [Vector] {
        let policy = try releasePolicy()
        let secretary = try submissionSecretary()
        let joint = policy.jointKey
        let good = try locked("success", sender: secretary, recipient: joint)
        let preambleLength = try SealedEnvelope(parsing: good, expecting: .lockedResults, file: "good").preamble.count
        let otherJoint = try Ristretto255.Point.base(
            times: .random(using: DeterministicRandom(seed: "AppraisalVault/vectors/locked-results/other-joint-key")))
        func fields(_ partials: String) -> [(String, String)] {
            [
                ("policy", Hex.encode(CanonicalJSON.serialize(policy.json))), ("round-hash", Hex.encode(journalRound)),
                ("secretary-public-identity", Hex.encode((try? secretary.publicFile()) ?? [])),
                ("partials", partials),
            ]
        }
        let right = fields(try partials(policy, of: good, holders: [1, 2]))
        func a(
            _ name: String, _ expect: String, _ comment: String, _ body: [UInt8], fields f: [(String, String)]? = nil
        )
            throws -> Vector
        {
            vector(
                "locked-results", name, expect: expect, try f ?? fields(partials(policy, of: body, holders: [1, 2])),
                comment: comment, body)
        }
        let sealedBox = try SealedEnvelope.seal(
            lockedPlaintext(), kind: .lockedResults, round: journalRound, context: [:], sender: secretary,
            recipient: secretary.identity.encryptionKey, created: created,
            using: DeterministicRandom(seed: "AppraisalVault/vectors/locked-results/sealed-box"))
        return [
            try a(
                "success", "success", "thu-ky-vector to the ceremony's joint key; opens with the partials of x = 1, 2",
                good,
                fields: right + [
                    ("plaintext-hash", "blake2b-256 " + Hex.encode(BLAKE2b.hash(lockedPlaintext(), outputLength: 32)))
                ]),
            try a(
                "success-holders-2-3", "success", "the same file opened with the partials of x = 2, 3", good,
                fields: fields(try partials(policy, of: good, holders: [2, 3]))),
            try a(
                "wrong-sender", "results.wrong-sender", "sealed and signed by tv-vector (a member), not the secretary",
                try locked("wrong-sender", sender: try identity(), recipient: joint)),
            try a(
                "wrong-recipient", "results.wrong-recipient", "sealed to another ristretto255 key than the joint key",
                try locked("wrong-recipient", sender: secretary, recipient: otherJoint), fields: right),
            try a(
                "sealed-box-layout", "format.header",
                "sealed to the secretary's X25519 key with sealedFileKey (the layout of submissions)", sealedBox,
                fields: right),
            try a(
                "wrong-round", "results.wrong-round",
                "made for round BLAKE2b-256(\"AppraisalVault/vectors/hash/other-round\")",
                try locked("wrong-round", sender: secretary, recipient: joint, round: fakeHash("other-round"))),
            try a(
                "context-not-empty", "format.header", "context {\"revision\": 1} instead of {}",
                try locked("context", sender: secretary, recipient: joint, context: ["revision": .integer(1)])),
            try a(
                "flipped-payload", "envelope.bad-signature", "first payload byte XOR 0x01",
                flipped(good, at: preambleLength), fields: right),
            try a(
                "flipped-header", "envelope.bad-signature",
                "one hex digit of fileKeyCommitment changed; the header still parses",
                hexDigitChanged(good, at: firstIndex(of: Array("\"fileKeyCommitment\":\"".utf8), in: good)! + 21),
                fields: right),
            try a(
                "flipped-signature", "envelope.bad-signature", "last byte XOR 0x01", flipped(good, at: good.count - 1),
                fields: right),
            try a(
                "one-partial", "envelope.commitment", "a genuine file with only the partial of x = 1 (t − 1)", good,
                fields: fields(try partials(policy, of: good, holders: [1]))),
            try a(
                "partials-of-other-results", "envelope.commitment",
                "a genuine file with the partials of x = 1, 2 for the earlier results (another ephemeral point)", good,
                fields: fields(
                    try partials(
                        policy, of: try locked("earlier", sender: secretary, recipient: joint), holders: [1, 2]))),
            try a(
                "wrong-kind", "format.wrong-kind", "kind byte 4 (submission)",
                replacing(good, at: 8, with: ArtifactKind.submission.rawValue), fields: right),
        ]
    }
}

extension VectorRunner {
    /// `locked-results`: ``LockedResults/check(_:file:policy:roundHash:secretary:)``, then open with
    /// the `partials`; `plaintext-hash` must match when given.
    @Sendable static func runLockedResults(_ vector: Vector) -> String {
        guard let policyBytes = vector["policy"].flatMap({ Hex.decode($0) }),
            let json = try? CanonicalJSON.parse(policyBytes),
            let policy = try? ReleasePolicy(json: json, path: "release"),
            let round = vector["round-hash"].flatMap({ Hex.decode($0) }),
            let secretaryBytes = vector["secretary-public-identity"].flatMap({ Hex.decode($0) }),
            let secretary = try? PublicIdentity(parsing: secretaryBytes, file: "secretary"),
            let partials = vector["partials"].map({ text in
                text.split(separator: " ").compactMap { pair -> (index: UInt64, partial: Ristretto255.Point)? in
                    let parts = pair.split(separator: ":")
                    guard parts.count == 2, let x = UInt64(parts[0]), let raw = Hex.decode(String(parts[1])),
                        let point = try? Ristretto255.Point(rawRepresentation: raw)
                    else { return nil }
                    return (x, point)
                }
            })
        else { return "no valid policy, round-hash, secretary-public-identity or partials" }
        do {
            let envelope = try LockedResults.check(
                vector.body, file: vector.description, policy: policy, roundHash: round, secretary: secretary)
            let plaintext = try envelope.open(jointKey: policy.jointKey, partials: partials)
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
