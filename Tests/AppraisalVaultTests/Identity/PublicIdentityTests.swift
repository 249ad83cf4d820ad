import Testing
import VaultCrypto

@testable import AppraisalVault

@Suite("Public identity")
struct PublicIdentityTests {
    static let secret = Fixture.identity(seed: "tests/public-identity")

    /// generate → publicFile → parse gives the same identity; a decomposed (NFD) name is stored in NFC.
    @Test func roundTripNormalisesName() throws {
        let bytes = try Self.secret.publicFile()
        let parsed = try PublicIdentity(parsing: bytes, file: "tv.pub")
        #expect(parsed == Self.secret.identity)
        #expect(parsed.name == Fixture.nameNFC)
        #expect(Array(parsed.name.utf8) == Array(Fixture.nameNFC.utf8))
        #expect(Array(parsed.name.utf8) != Array(Fixture.nameNFD.utf8))
        #expect(parsed.id == "tv-test" && parsed.role == .member && parsed.isDemo && parsed.created == Fixture.created)
        #expect(bytes.count > 8 && bytes[8] == ArtifactKind.publicIdentity.rawValue)
    }

    /// Changing a header value (kept canonical) or a signature byte breaks the self-signature.
    @Test func tamperedSignature() throws {
        let bytes = try Self.secret.publicFile()
        let nameAt = try #require(findSubsequence(utf8("Lan"), in: bytes))
        #expect(throws: FormatError(.identityBadSignature)) {
            try PublicIdentity(parsing: flipped(bytes, at: nameAt, mask: 0x03), file: "p")
        }
        #expect(throws: FormatError(.identityBadSignature)) {
            try PublicIdentity(parsing: flipped(bytes, at: bytes.count - 1), file: "p")
        }
        #expect(throws: FormatError(.identityBadSignature)) {
            try PublicIdentity(parsing: flipped(bytes, at: bytes.count - 64), file: "p")
        }
    }

    /// Every single-byte flip of a .pub file is rejected with a library error: never accepted, never a crash.
    @Test func everyByteFlipRejected() throws {
        let bytes = try Self.secret.publicFile()
        for i in bytes.indices {
            for mask: UInt8 in [0x01, 0x80] {
                let error = vaultError { () throws in
                    try PublicIdentity(parsing: flipped(bytes, at: i, mask: mask), file: "p")
                }
                #expect(error != nil, "flip at \(i) mask \(mask) was accepted")
            }
        }
    }

    /// A header with a field the format does not define is rejected even when correctly signed.
    @Test func unknownFieldRejected() throws {
        guard case .object(var fields) = Self.secret.identity.json else {
            Issue.record("identity json")
            return
        }
        fields["nickname"] = .text("Lan")
        let bytes = try SignedDocument.encode(
            kind: .publicIdentity, header: .object(fields), signer: Self.secret.signingKey)
        let error = vaultError { () throws in try PublicIdentity(parsing: bytes, file: "p") }
        #expect(error?.errorID == FormatError.Code.header.rawValue)
        #expect(error?.description.contains("nickname") == true)
    }

    /// Each header field is checked: a missing field, bad id, NFD name, unknown role, bad timestamp, uppercase hex.
    @Test(
        arguments: [
            ("missing demo", "demo", nil),
            ("bad id", "id", JSONValue.text("../etc")),
            ("uppercase id", "id", .text("TV-01")),
            ("NFD name", "name", .text(Fixture.nameNFD)),
            ("name with newline", "name", .text("Lan\nB")),
            ("unknown role", "role", .text("chair")),
            ("timestamp with offset", "created", .text("2026-01-15T08:00:00+07:00")),
            ("month 13", "created", .text("2026-13-15T08:00:00Z")),
            ("demo as string", "demo", .text("true")),
            ("short key", "signingKey", .text("00")),
        ] as [(String, String, JSONValue?)])
    func headerFieldRules(_ rule: String, _ field: String, _ value: JSONValue?) throws {
        guard case .object(var fields) = Self.secret.identity.json else {
            Issue.record("identity json")
            return
        }
        fields[field] = value
        let bytes = try SignedDocument.encode(
            kind: .publicIdentity, header: .object(fields), signer: Self.secret.signingKey)
        let error = vaultError { () throws in try PublicIdentity(parsing: bytes, file: "p") }
        #expect(error?.errorID == FormatError.Code.header.rawValue, "\(rule)")
    }

    /// Uppercase hex in a key field is rejected (hex is lowercase only).
    @Test func uppercaseHexRejected() throws {
        guard case .object(var fields) = Self.secret.identity.json else {
            Issue.record("identity json")
            return
        }
        fields["encryptionKey"] = .text(Hex.encode(Self.secret.identity.json.encryptionKeyBytes).uppercased())
        let bytes = try SignedDocument.encode(
            kind: .publicIdentity, header: .object(fields), signer: Self.secret.signingKey)
        #expect(throws: FormatError(.header)) { try PublicIdentity(parsing: bytes, file: "p") }
    }

    /// A key file given to the public-identity parser is format.wrong-kind.
    @Test func secretKeyGivenAsPublic() throws {
        let keyFile = try Self.secret.keyFile(
            passphrase: passphrase("x"), limits: .interactive, using: DeterministicRandom(seed: "k"))
        #expect(throws: FormatError(.wrongKind)) { try PublicIdentity(parsing: keyFile, file: "k") }
    }

    /// Invalid ids and names are refused when generating.
    @Test func generateValidatesInput() {
        #expect(throws: FormatError(.identityBadID)) {
            try SecretIdentity.generate(id: "Bad Id", name: "A", role: .member, isDemo: true)
        }
        #expect(throws: FormatError(.identityBadID)) {
            try SecretIdentity.generate(id: ".hidden", name: "A", role: .member, isDemo: true)
        }
        #expect(throws: FormatError(.identityBadName)) {
            try SecretIdentity.generate(id: "ok", name: "   ", role: .member, isDemo: true)
        }
        #expect(throws: FormatError(.identityBadName)) {
            try SecretIdentity.generate(id: "ok", name: "a\u{7}", role: .member, isDemo: true)
        }
        // Spec §1.3: a bidi control, or a name that is only blank characters (NBSP, U+3000, U+200B).
        for name in ["Lan\u{202E}ị", "\u{2066}Lan", "\u{00A0}\u{3000}\u{200B}"] {
            #expect(throws: FormatError(.identityBadName)) {
                try SecretIdentity.generate(id: "ok", name: name, role: .member, isDemo: true)
            }
        }
    }
}

extension JSONValue {
    /// The encryption key bytes of an identity header (test helper).
    var encryptionKeyBytes: [UInt8] {
        guard case .object(let f) = self, case .string(let s)? = f["encryptionKey"] else { return [] }
        return Hex.decode(s) ?? []
    }
}

/// The index where `needle` first occurs in `haystack`.
func findSubsequence(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    for i in 0...(haystack.count - needle.count) where Array(haystack[i..<(i + needle.count)]) == needle { return i }
    return nil
}
