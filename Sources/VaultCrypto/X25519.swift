internal import CSodium

/// X25519 encryption keys and anonymous sealed boxes. libsodium: `crypto_scalarmult_base`,
/// `crypto_box_easy`, `crypto_box_seal_open`.
package enum X25519 {
    /// 32 bytes.
    package static let keyLength = 32

    /// A public encryption key.
    package struct PublicKey: Sendable, Hashable {
        /// The 32 raw key bytes.
        package let rawRepresentation: [UInt8]

        /// Wraps 32 raw bytes.
        package init(rawRepresentation: [UInt8]) throws(SodiumError) {
            guard rawRepresentation.count == X25519.keyLength else {
                throw SodiumError(.invalidLength, "crypto_box_seal")
            }
            self.rawRepresentation = rawRepresentation
        }
    }

    /// A secret decryption key in secret memory, with its public key.
    package struct PrivateKey: Sendable {
        /// The 32 secret scalar bytes.
        package let secret: SecretBytes
        /// The matching public key.
        package let publicKey: PublicKey

        /// Wraps a 32-byte secret scalar and derives its public key. libsodium: `crypto_scalarmult_base`.
        package init(secret: SecretBytes) throws(SodiumError) {
            guard secret.count == X25519.keyLength else { throw SodiumError(.invalidLength, "crypto_scalarmult_base") }
            var pk = [UInt8](repeating: 0, count: X25519.keyLength)
            let rc = secret.withUnsafeBytes { s in
                crypto_scalarmult_base(&pk, s.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
            guard rc == 0 else { throw SodiumError(.operationFailed, "crypto_scalarmult_base") }
            self.secret = secret
            self.publicKey = try PublicKey(rawRepresentation: pk)
        }

        /// Makes a new key pair from `random` (as `crypto_box_keypair` does).
        package static func generate(using random: any RandomSource = SystemRandom()) throws(SodiumError) -> PrivateKey
        {
            try PrivateKey(secret: SecretBytes(count: X25519.keyLength, from: random))
        }
    }
}

/// Anonymous public-key encryption of small secrets (file keys, Shamir shares).
///
/// The output is byte-compatible with libsodium's `crypto_box_seal`:
/// `ephemeral_pk || crypto_box_easy(m, nonce = BLAKE2b-192(ephemeral_pk || recipient_pk))`.
/// It is built from `crypto_box_easy` so the ephemeral key can come from a ``RandomSource``
/// (deterministic test vectors); opening uses `crypto_box_seal_open` itself.
package enum SealedBox {
    /// Bytes added to the message: 32 (ephemeral key) + 16 (MAC) = 48. libsodium: `crypto_box_sealbytes`.
    package static var overhead: Int { crypto_box_sealbytes() }

    /// Encrypts `message` to `recipient`.
    ///
    /// - Throws: ``SodiumError`` `authenticationFailed` when the recipient key is a low-order point.
    package static func seal(
        _ message: SecretBytes, to recipient: X25519.PublicKey, using random: any RandomSource = SystemRandom()
    ) throws(SodiumError) -> [UInt8] {
        let ephemeral = try X25519.PrivateKey.generate(using: random)
        let epk = ephemeral.publicKey.rawRepresentation
        let nonce = BLAKE2b.hash(epk + recipient.rawRepresentation, outputLength: Int(crypto_box_noncebytes()))
        var boxed = [UInt8](repeating: 0, count: message.count + Int(crypto_box_macbytes()))
        let rc = message.withNonNullBytes { m, n in
            ephemeral.secret.withUnsafeBytes { esk in
                crypto_box_easy(
                    &boxed, m, UInt64(n), nonce, recipient.rawRepresentation,
                    esk.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        guard rc == 0 else { throw SodiumError(.authenticationFailed, "crypto_box_easy") }
        return epk + boxed
    }

    /// Decrypts a sealed box addressed to `key`.
    ///
    /// - Throws: ``SodiumError`` `invalidLength` when shorter than ``overhead``;
    ///   `authenticationFailed` when it was not sealed to this key or was altered.
    package static func open(_ ciphertext: [UInt8], with key: X25519.PrivateKey) throws(SodiumError) -> SecretBytes {
        guard ciphertext.count >= overhead else { throw SodiumError(.invalidLength, "crypto_box_seal_open") }
        let out = try SecretBytes(count: ciphertext.count - overhead)
        let rc = out.withUnsafeMutableBytes { o in
            key.secret.withUnsafeBytes { sk in
                // SecretBytes always has a base address, even when empty.
                crypto_box_seal_open(
                    o.baseAddress!.assumingMemoryBound(to: UInt8.self), ciphertext, UInt64(ciphertext.count),
                    key.publicKey.rawRepresentation,
                    sk.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        guard rc == 0 else { throw SodiumError(.authenticationFailed, "crypto_box_seal_open") }
        return out
    }
}
