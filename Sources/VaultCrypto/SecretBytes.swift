internal import CSodium

/// A fixed-size buffer for secrets, allocated by libsodium and wiped when released.
///
/// Keys, file keys, Shamir shares and passphrases live only here: the memory comes from
/// `sodium_malloc` (guard pages, locked where the system allows), is zeroed by `sodium_free`,
/// and is never copied into a Swift array by this type. `SecretBytes` deliberately has no
/// `description` and no `Codable` conformance, and `==` runs in constant time.
///
/// libsodium: `sodium_malloc`, `sodium_free`, `sodium_memcmp`.
package final class SecretBytes: @unchecked Sendable, Equatable {
    private let pointer: UnsafeMutableRawPointer
    /// The number of secret bytes.
    package let count: Int

    /// Allocates `count` zeroed secret bytes.
    ///
    /// - Throws: ``SodiumError`` `allocationFailed` when libsodium has no memory.
    package init(count: Int) throws(SodiumError) {
        try Sodium.ensureInitialized()
        guard count >= 0 else { throw SodiumError(.invalidLength, "sodium_malloc") }
        guard let p = sodium_malloc(Swift.max(count, 1)) else {
            throw SodiumError(.allocationFailed, "sodium_malloc")
        }
        sodium_memzero(p, Swift.max(count, 1))
        self.pointer = p
        self.count = count
    }

    /// Allocates secret bytes filled from `source`.
    package convenience init(count: Int, from source: any RandomSource) throws(SodiumError) {
        try self.init(count: count)
        source.fill(UnsafeMutableRawBufferPointer(start: pointer, count: count))
    }

    /// Copies `bytes` into secret memory.
    ///
    /// Use only for values that are already public or in tests (known-answer vectors); the
    /// caller's copy is not wiped.
    package convenience init(copying bytes: some ContiguousBytes) throws(SodiumError) {
        let n = bytes.withUnsafeBytes { $0.count }
        try self.init(count: n)
        bytes.withUnsafeBytes { src in
            if n > 0 { pointer.copyMemory(from: src.baseAddress!, byteCount: n) }
        }
    }

    /// Copies `range` of this secret into a new secret.
    package func slice(_ range: Range<Int>) throws(SodiumError) -> SecretBytes {
        guard range.lowerBound >= 0, range.upperBound <= count else {
            throw SodiumError(.invalidLength, "sodium_malloc")
        }
        let out = try SecretBytes(count: range.count)
        if range.count > 0 {
            out.pointer.copyMemory(from: pointer + range.lowerBound, byteCount: range.count)
        }
        return out
    }

    /// Concatenates secrets into a new secret.
    package static func concatenating(_ parts: [SecretBytes]) throws(SodiumError) -> SecretBytes {
        let out = try SecretBytes(count: parts.reduce(0) { $0 + $1.count })
        var offset = 0
        for part in parts where part.count > 0 {
            (out.pointer + offset).copyMemory(from: part.pointer, byteCount: part.count)
            offset += part.count
        }
        return out
    }

    deinit {
        sodium_free(pointer)  // zeroes before unmapping
    }

    /// Lends the secret bytes to `body`; do not let the pointer escape.
    package func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// Lends the secret bytes to `body` for writing; do not let the pointer escape.
    package func withUnsafeMutableBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeMutableRawBufferPointer(start: pointer, count: count))
    }

    /// Overwrites the contents with zeros now, before release. libsodium: `sodium_memzero`.
    package func wipe() {
        sodium_memzero(pointer, Swift.max(count, 1))
    }

    /// Constant-time equality. libsodium: `sodium_memcmp`.
    package static func == (lhs: SecretBytes, rhs: SecretBytes) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return sodium_memcmp(lhs.pointer, rhs.pointer, lhs.count) == 0
    }

    /// Constant-time comparison with public bytes (e.g. a commitment the secret must match).
    package func constantTimeEquals(_ other: some ContiguousBytes) -> Bool {
        withUnsafeBytes { Sodium.constantTimeEqual($0, other) }
    }
}

extension SecretBytes: ContiguousBytes {}
