internal import CSodium

/// XChaCha20-Poly1305 (IETF) authenticated encryption of small secrets, such as the secret keys
/// inside a key file. libsodium: `crypto_aead_xchacha20poly1305_ietf_*`.
package enum XChaCha20Poly1305 {
    /// 32 bytes.
    package static var keyLength: Int { crypto_aead_xchacha20poly1305_ietf_keybytes() }
    /// 24 bytes; random nonces are safe at this size.
    package static var nonceLength: Int { crypto_aead_xchacha20poly1305_ietf_npubbytes() }
    /// 16 bytes.
    package static var tagLength: Int { crypto_aead_xchacha20poly1305_ietf_abytes() }

    /// Encrypts `plaintext` and authenticates it together with `additionalData`.
    package static func seal(
        _ plaintext: SecretBytes, key: SecretBytes, nonce: [UInt8], additionalData: [UInt8]
    ) throws(SodiumError) -> [UInt8] {
        let function = "crypto_aead_xchacha20poly1305_ietf_encrypt"
        guard key.count == keyLength, nonce.count == nonceLength else { throw SodiumError(.invalidLength, function) }
        var out = [UInt8](repeating: 0, count: plaintext.count + tagLength)
        var outLength: UInt64 = 0
        let rc = plaintext.withNonNullBytes { m, n in
            key.withUnsafeBytes { k in
                additionalData.withNonNullBytes { a, an in
                    crypto_aead_xchacha20poly1305_ietf_encrypt(
                        &out, &outLength, m, UInt64(n), a, UInt64(an), nil, nonce,
                        k.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
        }
        guard rc == 0 else { throw SodiumError(.operationFailed, function) }
        return out
    }

    /// Authenticates and decrypts into secret memory.
    ///
    /// - Throws: ``SodiumError`` `authenticationFailed` for a wrong key, nonce, associated data or
    ///   any altered byte.
    package static func open(
        _ ciphertext: [UInt8], key: SecretBytes, nonce: [UInt8], additionalData: [UInt8]
    ) throws(SodiumError) -> SecretBytes {
        let function = "crypto_aead_xchacha20poly1305_ietf_decrypt"
        guard key.count == keyLength, nonce.count == nonceLength else { throw SodiumError(.invalidLength, function) }
        guard ciphertext.count >= tagLength else { throw SodiumError(.invalidLength, function) }
        let out = try SecretBytes(count: ciphertext.count - tagLength)
        var outLength: UInt64 = 0
        let rc = out.withUnsafeMutableBytes { o in
            key.withUnsafeBytes { k in
                additionalData.withNonNullBytes { a, an in
                    crypto_aead_xchacha20poly1305_ietf_decrypt(
                        o.baseAddress!.assumingMemoryBound(to: UInt8.self), &outLength, nil,
                        ciphertext, UInt64(ciphertext.count), a, UInt64(an), nonce,
                        k.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
        }
        guard rc == 0 else { throw SodiumError(.authenticationFailed, function) }
        return out
    }
}
