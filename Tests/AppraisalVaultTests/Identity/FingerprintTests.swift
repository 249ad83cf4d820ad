import Testing
import VaultCrypto

@testable import AppraisalVault

@Suite("Fingerprint")
struct FingerprintTests {
    /// Known answer from an independent implementation (Python hashlib + base64.b32encode) for the
    /// RFC 8032 TEST 1 signing key and the RFC 7748 Alice encryption key.
    @Test func knownAnswer() throws {
        let sk = try Ed25519.PublicKey(
            rawRepresentation: hexBytes("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))
        let ek = try X25519.PublicKey(
            rawRepresentation: hexBytes("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"))
        let fingerprint = Fingerprint(signingKey: sk, encryptionKey: ek)
        #expect(fingerprint.characters == "R6FUY5A2QKOT7IWMGUC273N3")
        #expect(fingerprint.description == "R6FU-Y5A2-QKOT-7IWM-GUC2-73N3")
    }

    /// Six groups of four RFC 4648 base32 characters joined by dashes, for any identity.
    @Test(arguments: ["a", "b", "c", "d", "e"])
    func format(_ seed: String) {
        let text = Fixture.identity(seed: "fingerprint/\(seed)").identity.fingerprint.description
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        #expect(groups.count == 6)
        #expect(
            groups.allSatisfy { $0.count == 4 && $0.allSatisfy { "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".contains($0) } })
    }

    /// Parsing what is printed gives the fingerprint back; case, dashes and spaces do not matter.
    @Test func parseRoundTrip() throws {
        let fingerprint = Fixture.identity(seed: "fingerprint/parse").identity.fingerprint
        #expect(Fingerprint(parsing: fingerprint.description) == fingerprint)
        #expect(Fingerprint(parsing: fingerprint.description.lowercased()) == fingerprint)
        #expect(Fingerprint(parsing: fingerprint.characters) == fingerprint)
        #expect(Fingerprint(parsing: fingerprint.description.replacingDashes(with: " ")) == fingerprint)
        #expect(Fingerprint(parsing: "-" + fingerprint.characters.lowercased() + "--") == fingerprint)
    }

    /// Wrong length or characters outside the base32 alphabet (0, 1, 8, 9, punctuation) do not parse.
    @Test(arguments: [
        "", "R6FU-Y5A2-QKOT-7IWM-GUC2-73N", "R6FU-Y5A2-QKOT-7IWM-GUC2-73N3A", "R6FU-Y5A2-QKOT-7IWM-GUC2-73N0",
        "R6FU-Y5A2-QKOT-7IWM-GUC2-73N1", "R6FU-Y5A2-QKOT-7IWM-GUC2-73N8", "R6FU_Y5A2_QKOT_7IWM_GUC2_73N3",
        "R6FU-Y5A2-QKOT-7IWM-GUC2-73NĐ",
    ])
    func parseRejects(_ text: String) {
        #expect(Fingerprint(parsing: text) == nil)
    }

    /// Different keys give different fingerprints, and the fingerprint covers both keys.
    @Test func coversBothKeys() throws {
        let a = Fixture.identity(seed: "fp/a").identity
        let b = Fixture.identity(seed: "fp/b").identity
        #expect(a.fingerprint != b.fingerprint)
        let mixed = Fingerprint(signingKey: a.signingKey, encryptionKey: b.encryptionKey)
        #expect(mixed != a.fingerprint && mixed != b.fingerprint)
    }
}

extension String {
    func replacingDashes(with separator: String) -> String { split(separator: "-").joined(separator: separator) }
}

func hexBytes(_ text: String) -> [UInt8] { Hex.decode(text)! }
