import PropertyBased
import Testing
import VaultCrypto

@Suite("XChaCha20-Poly1305")
struct AEADTests {
    static let decrypt = "crypto_aead_xchacha20poly1305_ietf_decrypt"

    /// Sizes are the libsodium constants: 32-byte key, 24-byte nonce, 16-byte tag.
    @Test func sizes() {
        #expect(XChaCha20Poly1305.keyLength == 32)
        #expect(XChaCha20Poly1305.nonceLength == 24)
        #expect(XChaCha20Poly1305.tagLength == 16)
    }

    /// seal then open returns the plaintext for any plaintext and associated data.
    @Test func roundTrip() async throws {
        let key = try randomKey()
        await propertyCheck(count: 50, input: byteArrays(0...200), byteArrays(0...64)) { plaintext, ad in
            let nonce = SystemRandom().bytes(XChaCha20Poly1305.nonceLength)
            let sealed = try XChaCha20Poly1305.seal(
                SecretBytes(copying: plaintext), key: key, nonce: nonce, additionalData: ad)
            #expect(sealed.count == plaintext.count + XChaCha20Poly1305.tagLength)
            #expect(
                exposed(try XChaCha20Poly1305.open(sealed, key: key, nonce: nonce, additionalData: ad)) == plaintext)
        }
    }

    /// A wrong associated data, nonce or key, or any flipped byte, fails with authenticationFailed.
    @Test func tamper() throws {
        let key = try randomKey()
        let nonce = SystemRandom().bytes(24)
        let ad = Array("preamble".utf8)
        let sealed = try XChaCha20Poly1305.seal(
            SecretBytes(copying: Array("seed||secret".utf8)), key: key, nonce: nonce, additionalData: ad)
        let failure = SodiumError(.authenticationFailed, Self.decrypt)
        #expect(throws: failure) {
            try XChaCha20Poly1305.open(sealed, key: key, nonce: nonce, additionalData: ad + [0])
        }
        #expect(throws: failure) { try XChaCha20Poly1305.open(sealed, key: key, nonce: nonce, additionalData: []) }
        #expect(throws: failure) {
            try XChaCha20Poly1305.open(sealed, key: key, nonce: flipped(nonce, at: 23), additionalData: ad)
        }
        #expect(throws: failure) {
            try XChaCha20Poly1305.open(sealed, key: try randomKey(), nonce: nonce, additionalData: ad)
        }
        for i in sealed.indices {
            #expect(throws: failure) {
                try XChaCha20Poly1305.open(flipped(sealed, at: i), key: key, nonce: nonce, additionalData: ad)
            }
        }
        for length in 0..<sealed.count {
            let kind: SodiumError.Kind = length < XChaCha20Poly1305.tagLength ? .invalidLength : .authenticationFailed
            #expect(throws: SodiumError(kind, Self.decrypt)) {
                try XChaCha20Poly1305.open(Array(sealed.prefix(length)), key: key, nonce: nonce, additionalData: ad)
            }
        }
    }

    /// Wrong key or nonce lengths are rejected with invalidLength on both sides.
    @Test func invalidLengths() throws {
        let plaintext = try SecretBytes(copying: [1])
        #expect(throws: SodiumError(.invalidLength, "crypto_aead_xchacha20poly1305_ietf_encrypt")) {
            try XChaCha20Poly1305.seal(
                plaintext, key: randomKey(31), nonce: [UInt8](repeating: 0, count: 24), additionalData: [])
        }
        #expect(throws: SodiumError(.invalidLength, "crypto_aead_xchacha20poly1305_ietf_encrypt")) {
            try XChaCha20Poly1305.seal(
                plaintext, key: randomKey(), nonce: [UInt8](repeating: 0, count: 12), additionalData: [])
        }
        #expect(throws: SodiumError(.invalidLength, Self.decrypt)) {
            try XChaCha20Poly1305.open(
                [UInt8](repeating: 0, count: 32), key: randomKey(), nonce: [0], additionalData: [])
        }
    }
}
