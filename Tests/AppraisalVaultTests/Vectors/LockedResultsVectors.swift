import VaultCrypto

@testable import AppraisalVault

/// Area `locked-results` (spec §6.4, §8.7): header lines `policy:`, `round-hash:`,
/// `secretary-public-identity:` (hex of thu-ky-vector's public identity file) and
/// `release-secret-key:` (the policy's release secret, hex, as a token would give it). The runner
/// does §8.7 steps 1–5 with public data (``LockedResults/check(_:file:policy:roundHash:secretary:)``),
/// then opens the envelope with the release secret key (§5.5 steps 5–8). The plaintext is a
/// small canonical JSON stand-in: this area tests the envelope, not the results format.
extension VectorGenerator {
    /// The hex digit at `index` replaced by another hex digit, so the header still parses.
    static func hexDigitChanged(_ bytes: [UInt8], at index: Int) -> [UInt8] {
        replacing(bytes, at: index, with: bytes[index] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0"))
    }

    static func lockedPlaintext() -> [UInt8] {
        CanonicalJSON.serialize(.object(["note": .string("kết quả thử nghiệm"), "round": .hex(journalRound)]))
    }

    static func releaseSecret(_ policy: ReleasePolicy) throws -> SecretBytes {
        let holders = try releaseHolders()
        let shares = try holders.prefix(2).map { try policy.openShare(holder: $0, roundID: releaseRoundID) }
        return try policy.reconstruct(shares, roundID: releaseRoundID).secret
    }

    static func locked(
        _ seed: String, sender: SecretIdentity, recipient: X25519.PublicKey, round: [UInt8] = journalRound,
        context: [String: JSONValue] = [:]
    ) throws -> [UInt8] {
        try SealedEnvelope.seal(
            lockedPlaintext(), kind: .lockedResults, round: round, context: context, sender: sender,
            recipient: recipient,
            created: created, using: DeterministicRandom(seed: "AppraisalVault/vectors/locked-results/" + seed))
    }

    @Sendable static func lockedResultsVectors() throws -> [Vector] {
        let policy = try releasePolicy()
        let secretary = try submissionSecretary()
        let release = policy.releaseKey
        let good = try locked("success", sender: secretary, recipient: release)
        let preambleLength = try SealedEnvelope(parsing: good, expecting: .lockedResults, file: "good").preamble.count
        let otherSecret = BLAKE2b.hash(Array("AppraisalVault/vectors/release/other-secret".utf8), outputLength: 32)
        let fieldsFor: (String) -> [(String, String)] = { secretHex in
            [
                ("policy", Hex.encode(CanonicalJSON.serialize(policy.json))), ("round-hash", Hex.encode(journalRound)),
                ("secretary-public-identity", Hex.encode((try? secretary.publicFile()) ?? [])),
                ("release-secret-key", secretHex),
            ]
        }
        let rightKey = fieldsFor(Hex.encode(secret: try releaseSecret(policy)))
        func a(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8], fields: [(String, String)]? = nil)
            -> Vector
        {
            vector("locked-results", name, expect: expect, fields ?? rightKey, comment: comment, body)
        }
        return [
            a(
                "success", "success", "thu-ky-vector to the policy's release key; opens with the release secret", good,
                fields: rightKey + [
                    ("plaintext-hash", "blake2b-256 " + Hex.encode(BLAKE2b.hash(lockedPlaintext(), outputLength: 32)))
                ]),
            a(
                "wrong-sender", "results.wrong-sender", "sealed and signed by tv-vector (a member), not the secretary",
                try locked("wrong-sender", sender: try identity(), recipient: release)),
            a(
                "wrong-recipient", "results.wrong-recipient",
                "sealed to the secretary's own encryption key instead of the release key",
                try locked("wrong-recipient", sender: secretary, recipient: secretary.identity.encryptionKey)),
            a(
                "wrong-round", "results.wrong-round",
                "made for round BLAKE2b-256(\"AppraisalVault/vectors/hash/other-round\")",
                try locked("wrong-round", sender: secretary, recipient: release, round: fakeHash("other-round"))),
            a(
                "context-not-empty", "format.header", "context {\"revision\": 1} instead of {}",
                try locked("context", sender: secretary, recipient: release, context: ["revision": .integer(1)])),
            a(
                "flipped-payload", "envelope.bad-signature", "first payload byte XOR 0x01",
                flipped(good, at: preambleLength)),
            a(
                "flipped-header", "envelope.bad-signature",
                "one hex digit of sealedFileKey changed; the header still parses",
                hexDigitChanged(good, at: firstIndex(of: Array("\"sealedFileKey\":\"".utf8), in: good)! + 17)),
            a("flipped-signature", "envelope.bad-signature", "last byte XOR 0x01", flipped(good, at: good.count - 1)),
            a(
                "wrong-release-secret", "envelope.not-for-you", "a genuine file, opened with another secret key", good,
                fields: fieldsFor(Hex.encode(otherSecret))),
            a(
                "wrong-kind", "format.wrong-kind", "kind byte 4 (submission)",
                replacing(good, at: 8, with: ArtifactKind.submission.rawValue)),
        ]
    }
}

extension VectorRunner {
    /// `locked-results`: ``LockedResults/check(_:file:policy:roundHash:secretary:)``, then open with
    /// `release-secret-key`; `plaintext-hash` must match when given.
    @Sendable static func runLockedResults(_ vector: Vector) -> String {
        guard let policyBytes = vector["policy"].flatMap({ Hex.decode($0) }),
            let json = try? CanonicalJSON.parse(policyBytes),
            let policy = try? ReleasePolicy(json: json, path: "release"),
            let round = vector["round-hash"].flatMap({ Hex.decode($0) }),
            let secretaryBytes = vector["secretary-public-identity"].flatMap({ Hex.decode($0) }),
            let secretary = try? PublicIdentity(parsing: secretaryBytes, file: "secretary"),
            let secret = vector["release-secret-key"].flatMap({ Hex.decodeSecret($0, length: X25519.keyLength) }),
            let key = try? X25519.PrivateKey(secret: secret)
        else { return "no valid policy, round-hash, secretary-public-identity or release-secret-key" }
        do {
            let envelope = try LockedResults.check(
                vector.body, file: vector.description, policy: policy, roundHash: round, secretary: secretary)
            let plaintext = try envelope.open(with: key)
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
