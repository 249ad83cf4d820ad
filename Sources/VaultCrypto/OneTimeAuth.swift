internal import CSodium

/// Poly1305 under a key used for one message only (libsodium `crypto_onetimeauth`), streaming.
///
/// The key lives in libsodium-allocated memory and the state, which holds it, too; both are wiped
/// when the authenticator goes. A key must never authenticate two different messages whose tags
/// anyone else sees. A caller that checks bytes it read once against bytes it reads again feeds
/// them to two authenticators under one key and only compares the two tags, which never leave
/// the process: bytes that differ give equal tags with probability at most 8·⌈L/16⌉ / 2^106 for
/// L bytes, because the key was never revealed and nothing about it could steer the change.
package final class OneTimeAuth: @unchecked Sendable {
    /// A Poly1305 key's length in bytes.
    package static let keyLength = 32
    /// A tag's length in bytes.
    package static let tagLength = 16

    private let state: SecretBytes
    private var finished = false

    /// Starts authenticating a message under `key`.
    ///
    /// - Parameter key: ``keyLength`` secret bytes, fresh for this one message.
    /// - Throws: ``SodiumError`` when libsodium cannot start or cannot allocate.
    package init(key: SecretBytes) throws(SodiumError) {
        precondition(key.count == Self.keyLength, "internal error: Poly1305 key length")
        try Sodium.ensureInitialized()
        // sodium_malloc ends the block on a page boundary; 256 bytes keep the 16-byte alignment.
        state = try SecretBytes(count: crypto_onetimeauth_statebytes())
        state.withUnsafeMutableBytes { s in
            key.withUnsafeBytes { k in
                _ = crypto_onetimeauth_init(
                    s.baseAddress!.assumingMemoryBound(to: crypto_onetimeauth_state.self),
                    k.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
    }

    /// A fresh random key for one message.
    ///
    /// - Throws: ``SodiumError`` when libsodium cannot allocate.
    package static func randomKey() throws(SodiumError) -> SecretBytes {
        try SecretBytes(count: keyLength, from: SystemRandom())
    }

    /// Adds the next bytes of the message.
    package func update(bytes: UnsafeRawBufferPointer) {
        precondition(!finished, "internal error: Poly1305 update after finalize")
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        state.withUnsafeMutableBytes { s in
            _ = crypto_onetimeauth_update(
                s.baseAddress!.assumingMemoryBound(to: crypto_onetimeauth_state.self),
                base.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count))
        }
    }

    /// The tag of everything added; the authenticator takes no more bytes.
    package func finalize() -> [UInt8] {
        precondition(!finished, "internal error: Poly1305 finalize twice")
        finished = true
        var tag = [UInt8](repeating: 0, count: Self.tagLength)
        state.withUnsafeMutableBytes { s in
            _ = crypto_onetimeauth_final(s.baseAddress!.assumingMemoryBound(to: crypto_onetimeauth_state.self), &tag)
        }
        state.wipe()
        return tag
    }
}
