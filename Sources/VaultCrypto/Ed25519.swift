internal import CSodium

/// Ed25519 signatures. libsodium: `crypto_sign_*`.
package enum Ed25519 {
    /// 32 bytes.
    package static let publicKeyLength = 32
    /// 64 bytes.
    package static let signatureLength = 64
    /// 32 bytes: the secret seed from which the key pair is derived.
    package static let seedLength = 32

    /// A public verification key.
    package struct PublicKey: Sendable, Hashable {
        /// The 32 raw key bytes.
        package let rawRepresentation: [UInt8]

        /// Wraps 32 raw bytes.
        ///
        /// - Throws: ``SodiumError`` `invalidLength`.
        package init(rawRepresentation: [UInt8]) throws(SodiumError) {
            guard rawRepresentation.count == Ed25519.publicKeyLength else {
                throw SodiumError(.invalidLength, "crypto_sign_verify_detached")
            }
            self.rawRepresentation = rawRepresentation
        }

        /// True when `signature` is this key's signature over `message`.
        /// libsodium: `crypto_sign_verify_detached`.
        package func isValidSignature(_ signature: some ContiguousBytes, for message: some ContiguousBytes) -> Bool {
            guard (try? Sodium.ensureInitialized()) != nil else { return false }
            return signature.withUnsafeBytes { s in
                guard s.count == Ed25519.signatureLength else { return false }
                return message.withNonNullBytes { m, n in
                    crypto_sign_verify_detached(
                        s.baseAddress!.assumingMemoryBound(to: UInt8.self), m, UInt64(n), rawRepresentation) == 0
                }
            }
        }
    }

    /// A signing key: the 64-byte libsodium secret key in secret memory, plus its public key.
    package struct PrivateKey: Sendable {
        private let secretKey: SecretBytes
        /// The matching public key.
        package let publicKey: PublicKey

        /// Derives the key pair from a 32-byte seed. libsodium: `crypto_sign_seed_keypair`.
        package init(seed: SecretBytes) throws(SodiumError) {
            guard seed.count == Ed25519.seedLength else {
                throw SodiumError(.invalidLength, "crypto_sign_seed_keypair")
            }
            let sk = try SecretBytes(count: Int(crypto_sign_secretkeybytes()))
            var pk = [UInt8](repeating: 0, count: Ed25519.publicKeyLength)
            let rc = sk.withUnsafeMutableBytes { skp in
                seed.withUnsafeBytes { sp in
                    crypto_sign_seed_keypair(
                        &pk, skp.baseAddress!.assumingMemoryBound(to: UInt8.self),
                        sp.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
            guard rc == 0 else { throw SodiumError(.operationFailed, "crypto_sign_seed_keypair") }
            self.secretKey = sk
            self.publicKey = try PublicKey(rawRepresentation: pk)
        }

        /// Makes a new key pair from `random`.
        package static func generate(using random: any RandomSource = SystemRandom()) throws(SodiumError) -> PrivateKey
        {
            try PrivateKey(seed: SecretBytes(count: Ed25519.seedLength, from: random))
        }

        /// The 32-byte seed, for storing in a key file. libsodium: `crypto_sign_ed25519_sk_to_seed`.
        package func seed() throws(SodiumError) -> SecretBytes {
            let out = try SecretBytes(count: Ed25519.seedLength)
            let rc = out.withUnsafeMutableBytes { o in
                secretKey.withUnsafeBytes { s in
                    crypto_sign_ed25519_sk_to_seed(
                        o.baseAddress!.assumingMemoryBound(to: UInt8.self),
                        s.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
            guard rc == 0 else { throw SodiumError(.operationFailed, "crypto_sign_ed25519_sk_to_seed") }
            return out
        }

        /// Signs `message`. libsodium: `crypto_sign_detached`.
        package func signature(for message: some ContiguousBytes) throws(SodiumError) -> [UInt8] {
            var sig = [UInt8](repeating: 0, count: Ed25519.signatureLength)
            let rc = message.withNonNullBytes { m, n in
                secretKey.withUnsafeBytes { s in
                    crypto_sign_detached(&sig, nil, m, UInt64(n), s.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
            guard rc == 0 else { throw SodiumError(.operationFailed, "crypto_sign_detached") }
            return sig
        }
    }

    /// Ed25519ph over a message fed in pieces (for inputs too large to hold in memory).
    /// libsodium: `crypto_sign_init`, `crypto_sign_update`, `crypto_sign_final_create`,
    /// `crypto_sign_final_verify`.
    package final class StreamingState: @unchecked Sendable {
        private let state: UnsafeMutablePointer<crypto_sign_state>
        private var finished = false

        /// Starts a new prehashed signature or verification.
        package init() throws(SodiumError) {
            try Sodium.ensureInitialized()
            state = .allocate(capacity: 1)
            guard crypto_sign_init(state) == 0 else { throw SodiumError(.operationFailed, "crypto_sign_init") }
        }

        deinit {
            sodium_memzero(state, MemoryLayout<crypto_sign_state>.size)
            state.deallocate()
        }

        /// Absorbs more of the message.
        package func update(_ data: some ContiguousBytes) throws(SodiumError) {
            guard !finished else { throw SodiumError(.streamNotFinished, "crypto_sign_update") }
            let rc = data.withNonNullBytes { p, n in crypto_sign_update(state, p, UInt64(n)) }
            guard rc == 0 else { throw SodiumError(.operationFailed, "crypto_sign_update") }
        }

        /// Produces the signature with `key`.
        package func signature(using key: PrivateKey) throws(SodiumError) -> [UInt8] {
            guard !finished else { throw SodiumError(.streamNotFinished, "crypto_sign_final_create") }
            finished = true
            return try key.finalCreate(state)
        }

        /// True when `signature` verifies for the absorbed message under `key`.
        package func isValidSignature(_ signature: [UInt8], for key: PublicKey) -> Bool {
            guard !finished, signature.count == Ed25519.signatureLength else { return false }
            finished = true
            var sig = signature
            return crypto_sign_final_verify(state, &sig, key.rawRepresentation) == 0
        }
    }
}

extension Ed25519.PrivateKey {
    fileprivate func finalCreate(_ state: UnsafeMutablePointer<crypto_sign_state>) throws(SodiumError) -> [UInt8] {
        var sig = [UInt8](repeating: 0, count: Ed25519.signatureLength)
        let rc = secretKey.withUnsafeBytes { s in
            crypto_sign_final_create(state, &sig, nil, s.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        guard rc == 0 else { throw SodiumError(.operationFailed, "crypto_sign_final_create") }
        return sig
    }
}
