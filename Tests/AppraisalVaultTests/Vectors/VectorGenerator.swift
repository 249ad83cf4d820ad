import Foundation
import VaultCrypto

@testable import AppraisalVault

/// Deterministic generator for the committed vectors in `Tests/Vectors/`.
///
/// Everything random comes from ``DeterministicRandom`` with a fixed seed, timestamps are fixed and
/// Argon2id uses `interactive` limits, so the same code always produces the same bytes. Other
/// areas register their own generator in ``areas``.
enum VectorGenerator {
    /// Generators by area (folder name).
    static let areas: [String: @Sendable () throws -> [Vector]] = [
        "key-file": keyFileVectors,
        "public-identity": publicIdentityVectors,
        "submission": submissionVectors,
        "survey": surveyVectors,
        "notice": noticeVectors,
        "explanation": explanationVectors,
        "forwarded": forwardedVectors,
        "second": secondVectors,
        "journal": journalVectors,
        "manifest": manifestVectors,
        "approval": approvalVectors,
        "release-token": tokenVectors,
        "locked-results": lockedResultsVectors,
        "round-definition": roundDefinitionVectors,
        "evidence": evidenceVectors,
        "evidence-hash": evidenceHashVectors,
        "ceremony": ceremonyVectors,
        "receipt": receiptVectors,
        "checkpoint": checkpointVectors,
    ]

    /// Every generated vector, sorted by area and name.
    static func all() throws -> [Vector] {
        try areas.keys.sorted().flatMap { try areas[$0]!() }
    }

    static let created = "2026-01-15T08:00:00Z"
    static let passphrase = "cụm mật khẩu thử nghiệm"

    /// The vector identity: "Nguyễn Thị Lan", member, demo.
    static func identity() throws -> SecretIdentity {
        try SecretIdentity.generate(
            id: "tv-vector", name: "Nguyễn Thị Lan", role: .member, isDemo: true, created: created,
            using: DeterministicRandom(seed: "AppraisalVault/vectors/identity"))
    }

    /// The vector identity's key file, wrapped under ``passphrase`` with interactive limits.
    static func keyFile(_ secret: SecretIdentity) throws -> [UInt8] {
        try secret.keyFile(
            passphrase: SecretBytes(copying: Array(passphrase.utf8)), limits: .interactive,
            using: DeterministicRandom(seed: "AppraisalVault/vectors/key-file/wrap"))
    }

    static func vector(
        _ area: String, _ name: String, expect: String, _ extra: [(String, String)] = [], comment: String,
        _ body: [UInt8]
    )
        -> Vector
    {
        Vector(
            area: area, name: name,
            fields: [("expect", expect)] + extra.map { (key: $0.0, value: $0.1) } + [("comment", comment)], body: body)
    }

    // MARK: - Key files

    @Sendable static func keyFileVectors() throws -> [Vector] {
        let secret = try identity()
        let key = try keyFile(secret)
        let preambleLength = 13 + Int(key[9]) << 24 + Int(key[10]) << 16 + Int(key[11]) << 8 + Int(key[12])
        let good = [("passphrase", passphrase)]
        var flippedBody = key
        flippedBody[preambleLength] ^= 0x01
        var renamed = key
        let nameAt = firstIndex(of: Array("Lan".utf8), in: key)!
        renamed[nameAt] ^= 0x03  // "Lan" → "Oan": still a canonical header, but not the authenticated one
        func a(
            _ name: String, _ expect: String, _ comment: String, _ body: [UInt8], with extra: [(String, String)] = good
        ) -> Vector {
            vector("key-file", name, expect: expect, extra, comment: comment, body)
        }
        return [
            a(
                "success", "success", "unlocks with the passphrase; the keys match signingKey and encryptionKey", key,
                with: good + [("fingerprint", secret.identity.fingerprint.description)]),
            a(
                "wrong-passphrase", "key.wrong-passphrase", "the AEAD tag does not verify", key,
                with: [("passphrase", "cụm mật khẩu sai")]),
            a(
                "wrong-passphrase-nfd", "key.wrong-passphrase",
                "the same words typed in NFD are different bytes; passphrases are not normalised", key,
                with: [("passphrase", passphrase.decomposedStringWithCanonicalMapping)]),
            a("truncated", "format.truncated", "the last ciphertext byte is missing", Array(key.dropLast())),
            a("trailing-byte", "format.trailing", "one zero byte after the 80-byte body", key + [0]),
            a("flipped-ciphertext", "key.wrong-passphrase", "first body byte XOR 0x01", flippedBody),
            a(
                "altered-header", "key.wrong-passphrase",
                "name changed after wrapping; the preamble is the AEAD associated data", renamed),
            a(
                "kdf-over-cap", "key.kdf-limits",
                "memoryBytes 2 GiB is above the sensitive limit; refused before any Argon2id work",
                handMadeKeyFile(secret, operations: 2, memoryBytes: 2 << 30), with: []),
            a(
                "kdf-too-many-passes", "key.kdf-limits", "operations 5 is above the sensitive limit (4)",
                handMadeKeyFile(secret, operations: 5, memoryBytes: 64 << 20), with: []),
            a(
                "kdf-under-floor", "key.kdf-limits", "operations 1 is below the interactive limit (2)",
                handMadeKeyFile(secret, operations: 1, memoryBytes: 64 << 20), with: []),
            a(
                "public-given-as-key", "key.got-public-file", "a public identity file where a key file is needed",
                try secret.publicFile(), with: []),
        ]
    }

    /// A key file with the given limits and an all-zero body (never unlocked: the limits are refused first).
    static func handMadeKeyFile(_ secret: SecretIdentity, operations: Int64, memoryBytes: Int64) -> [UInt8] {
        guard case .object(var header) = secret.identity.json else { preconditionFailure("identity json") }
        header["kdf"] = .object([
            "algorithm": .text("argon2id13"), "memoryBytes": .integer(memoryBytes), "operations": .integer(operations),
            "salt": .hex([UInt8](repeating: 0x11, count: 16)),
        ])
        header["nonce"] = .hex([UInt8](repeating: 0x22, count: 24))
        return Container.encode(kind: .secretKey, header: .object(header), body: [UInt8](repeating: 0, count: 80))
    }

    // MARK: - Public identities

    @Sendable static func publicIdentityVectors() throws -> [Vector] {
        let secret = try identity()
        let pub = try secret.publicFile()
        let signer = secret.signingKey
        guard case .object(let fields) = secret.identity.json else { preconditionFailure("identity json") }

        var renamed = pub
        renamed[firstIndex(of: Array("Lan".utf8), in: pub)!] ^= 0x03
        var badSignature = pub
        badSignature[pub.count - 1] ^= 0x01
        var wrongKind = pub
        wrongKind[8] = ArtifactKind.roundDefinition.rawValue

        // Same fields, keys written in reverse order, signed over exactly these bytes.
        let reversed =
            "{"
            + fields.keys.sorted().reversed().map { k in
                "\"\(k)\":" + String(decoding: CanonicalJSON.serialize(fields[k]!), as: UTF8.self)
            }.joined(separator: ",") + "}"
        let nonCanonical = try signedRaw(Array(reversed.utf8), signer: signer)
        var extended = fields
        extended["nickname"] = .text("Lan")
        let unknownField = try SignedDocument.encode(kind: .publicIdentity, header: .object(extended), signer: signer)

        func a(
            _ name: String, _ expect: String, _ comment: String, _ body: [UInt8], with extra: [(String, String)] = []
        ) -> Vector {
            vector("public-identity", name, expect: expect, extra, comment: comment, body)
        }
        return [
            a(
                "success", "success", "self-signed; name in NFC", pub,
                with: [("fingerprint", secret.identity.fingerprint.description)]),
            a("bad-signature", "identity.bad-signature", "name changed from Lan to Oan after signing", renamed),
            a("flipped-signature", "identity.bad-signature", "last signature byte XOR 0x01", badSignature),
            a(
                "non-canonical-header", "format.header", "keys in reverse order, correctly signed over these bytes",
                nonCanonical),
            a("unknown-field", "format.header", "extra field \"nickname\", correctly signed", unknownField),
            a("wrong-kind", "format.wrong-kind", "kind byte 3 (round-definition)", wrongKind),
            a("trailing-byte", "format.trailing", "one zero byte after the signature", pub + [0]),
            a("truncated", "format.truncated", "the last signature byte is missing", Array(pub.dropLast())),
        ]
    }

    /// A public-identity document whose header is `json` exactly as given, signed per spec.
    static func signedRaw(_ json: [UInt8], signer: Ed25519.PrivateKey) throws -> [UInt8] {
        let n = UInt32(json.count)
        let preamble =
            Container.magic + [
                ArtifactKind.publicIdentity.rawValue, UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff),
                UInt8(n & 0xff),
            ] + json
        return preamble
            + (try signer.signature(for: SignedDocument.signedMessage(kind: .publicIdentity, preamble: preamble)))
    }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        (0...(haystack.count - needle.count)).first { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}
