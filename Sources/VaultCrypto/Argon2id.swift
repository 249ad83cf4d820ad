internal import CSodium

/// Passphrase-based key derivation with Argon2id v1.3. libsodium: `crypto_pwhash`.
package enum Argon2id {
    /// 16 bytes.
    package static var saltLength: Int { crypto_pwhash_saltbytes() }

    /// Work limits: passes over memory and memory in bytes.
    package struct Limits: Sendable, Hashable {
        /// `opslimit`.
        package let operations: UInt64
        /// `memlimit`, in bytes.
        package let memoryBytes: UInt64

        package init(operations: UInt64, memoryBytes: UInt64) {
            self.operations = operations
            self.memoryBytes = memoryBytes
        }

        /// 2 passes, 64 MiB: about 0.1 s here. For tests and throw-away demo keys.
        package static var interactive: Limits {
            Limits(
                operations: UInt64(crypto_pwhash_opslimit_interactive()),
                memoryBytes: UInt64(crypto_pwhash_memlimit_interactive()))
        }
        /// 3 passes, 256 MiB: about 0.7 s here. The default for real keys.
        package static var moderate: Limits {
            Limits(
                operations: UInt64(crypto_pwhash_opslimit_moderate()),
                memoryBytes: UInt64(crypto_pwhash_memlimit_moderate()))
        }
        /// 4 passes, 1 GiB: about 3.7 s here.
        package static var sensitive: Limits {
            Limits(
                operations: UInt64(crypto_pwhash_opslimit_sensitive()),
                memoryBytes: UInt64(crypto_pwhash_memlimit_sensitive()))
        }

        /// Limits this tool accepts when reading a file: from `interactive` up to `sensitive`.
        ///
        /// A file asking for more is rejected before any work (a hostile file must not be able to
        /// make us allocate or compute without bound); one asking for less is too weak to trust.
        package var isWithinAcceptedRange: Bool {
            let low = Limits.interactive
            let high = Limits.sensitive
            return (low.operations...high.operations).contains(operations)
                && (low.memoryBytes...high.memoryBytes).contains(memoryBytes)
        }
    }

    /// Derives `length` secret bytes from `passphrase` and `salt`.
    ///
    /// - Throws: ``SodiumError`` `invalidParameter` for a bad salt or limits outside
    ///   ``Limits/isWithinAcceptedRange``; `operationFailed` when libsodium fails (out of memory).
    package static func deriveKey(
        length: Int, passphrase: SecretBytes, salt: [UInt8], limits: Limits
    ) throws(SodiumError) -> SecretBytes {
        guard salt.count == saltLength, limits.isWithinAcceptedRange, length >= 16, length <= 64 else {
            throw SodiumError(.invalidParameter, "crypto_pwhash")
        }
        let out = try SecretBytes(count: length)
        let rc = out.withUnsafeMutableBytes { o in
            passphrase.withUnsafeBytes { p in
                p.withMemoryRebound(to: CChar.self) { pc in
                    crypto_pwhash(
                        o.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(length),
                        pc.baseAddress!, UInt64(pc.count), salt,
                        limits.operations, Int(limits.memoryBytes), crypto_pwhash_alg_argon2id13())
                }
            }
        }
        guard rc == 0 else { throw SodiumError(.operationFailed, "crypto_pwhash") }
        return out
    }
}
