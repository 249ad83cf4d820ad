internal import CSodium

/// BLAKE2b hashing, one-shot and incremental, keyed and unkeyed. libsodium: `crypto_generichash`.
package enum BLAKE2b {
    /// Smallest and largest output lengths libsodium accepts (16 and 64 bytes).
    package static let outputLengths = 16...64
    /// Largest key length (64 bytes).
    package static let maxKeyLength = 64

    /// Hashes `message` in one call.
    ///
    /// Lengths outside ``outputLengths`` and keys longer than ``maxKeyLength`` are programmer
    /// errors and trap: every call site passes a constant.
    package static func hash(
        _ message: some ContiguousBytes, outputLength: Int = 64, key: (some ContiguousBytes)? = [UInt8]?.none
    ) -> [UInt8] {
        let hasher = Hasher(outputLength: outputLength, key: key)
        hasher.update(message)
        return hasher.finalize()
    }

    /// Hashes `message` keyed with a secret (for example a key commitment under a file key).
    package static func hash(_ message: some ContiguousBytes, outputLength: Int = 32, secretKey: SecretBytes) -> [UInt8]
    {
        secretKey.withUnsafeBytes { hash(message, outputLength: outputLength, key: $0) }
    }

    /// An incremental BLAKE2b computation over data that arrives in pieces.
    package final class Hasher: @unchecked Sendable {
        private let state: UnsafeMutableRawPointer
        private let outputLength: Int
        private var finished = false

        /// Starts a hash with the given output length and optional key.
        package init(outputLength: Int = 64, key: (some ContiguousBytes)? = [UInt8]?.none) {
            precondition(BLAKE2b.outputLengths.contains(outputLength), "internal error: BLAKE2b output length")
            try? Sodium.ensureInitialized()
            self.outputLength = outputLength
            // crypto_generichash_state must be 64-byte aligned.
            state = UnsafeMutableRawPointer.allocate(byteCount: crypto_generichash_statebytes(), alignment: 64)
            let st = OpaquePointer(state)
            let rc: Int32
            if let key {
                rc = key.withUnsafeBytes { k in
                    precondition(k.count <= BLAKE2b.maxKeyLength, "internal error: BLAKE2b key length")
                    return crypto_generichash_init(
                        st, k.baseAddress?.assumingMemoryBound(to: UInt8.self), k.count, outputLength)
                }
            } else {
                rc = crypto_generichash_init(st, nil, 0, outputLength)
            }
            precondition(rc == 0, "internal error: crypto_generichash_init")
        }

        deinit {
            sodium_memzero(state, crypto_generichash_statebytes())
            state.deallocate()
        }

        /// Absorbs more input.
        package func update(_ data: some ContiguousBytes) {
            precondition(!finished, "internal error: BLAKE2b update after finalize")
            data.withNonNullBytes { p, n in
                _ = crypto_generichash_update(OpaquePointer(state), p, UInt64(n))
            }
        }

        /// Absorbs more input from raw memory.
        package func update(bytes: UnsafeRawBufferPointer) {
            precondition(!finished, "internal error: BLAKE2b update after finalize")
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            _ = crypto_generichash_update(
                OpaquePointer(state), base.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count))
        }

        /// Finishes into secret memory (a derived key); the hasher cannot be used afterwards.
        package func finalizeSecret() throws(SodiumError) -> SecretBytes {
            precondition(!finished, "internal error: BLAKE2b finalize twice")
            finished = true
            let out = try SecretBytes(count: outputLength)
            out.withUnsafeMutableBytes { o in
                _ = crypto_generichash_final(
                    OpaquePointer(state), o.baseAddress!.assumingMemoryBound(to: UInt8.self), outputLength)
            }
            return out
        }

        /// The digest of everything hashed so far, leaving this hasher usable: a snapshot of the
        /// state is finished instead (one pass can give the hash of a prefix and of the whole).
        package func digestSoFar() -> [UInt8] {
            precondition(!finished, "internal error: BLAKE2b digest after finalize")
            let size = crypto_generichash_statebytes()
            let copy = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
            defer {
                sodium_memzero(copy, size)
                copy.deallocate()
            }
            copy.copyMemory(from: state, byteCount: size)
            var out = [UInt8](repeating: 0, count: outputLength)
            _ = crypto_generichash_final(OpaquePointer(copy), &out, outputLength)
            return out
        }

        /// Finishes and returns the digest; the hasher cannot be used afterwards.
        package func finalize() -> [UInt8] {
            precondition(!finished, "internal error: BLAKE2b finalize twice")
            finished = true
            var out = [UInt8](repeating: 0, count: outputLength)
            _ = crypto_generichash_final(
                OpaquePointer(state), &out, outputLength)
            return out
        }
    }
}
