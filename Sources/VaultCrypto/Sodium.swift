internal import CSodium

/// A failure reported by libsodium, or a misuse caught before libsodium was called.
///
/// Every error names the libsodium function involved, so a caller (and a bug report) can tell
/// exactly which step failed. It never carries key material.
package struct SodiumError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, independent of the function.
    package enum Kind: String, Sendable, Hashable {
        /// `sodium_init` failed; no cryptography is possible.
        case initializationFailed
        /// `sodium_malloc` returned no memory.
        case allocationFailed
        /// An input had the wrong length for the primitive.
        case invalidLength
        /// A signature, MAC or authentication tag did not verify, or a key was rejected.
        case authenticationFailed
        /// A stream ended without its final tag, or continued after it.
        case streamNotFinished
        /// A stream carried a tag this format never writes.
        case unexpectedTag
        /// A parameter was outside the range the primitive accepts.
        case invalidParameter
        /// The call failed for another reason (for example out of memory in `crypto_pwhash`).
        case operationFailed
    }

    /// The kind of failure.
    package let kind: Kind
    /// The libsodium function involved, e.g. `crypto_sign_verify_detached`.
    package let function: String

    package init(_ kind: Kind, _ function: String) {
        self.kind = kind
        self.function = function
    }

    package var description: String { "\(function): \(kind.rawValue)" }
}

/// The library's entry point: initialises libsodium exactly once.
package enum Sodium {
    private static let status: Int32 = sodium_init()

    /// Makes sure `sodium_init` has run and succeeded.
    ///
    /// - Throws: ``SodiumError`` `initializationFailed` when libsodium cannot start.
    package static func ensureInitialized() throws(SodiumError) {
        // sodium_init returns 0 on first success, 1 if already initialised, -1 on failure.
        guard status >= 0 else { throw SodiumError(.initializationFailed, "sodium_init") }
    }

    /// The libsodium version string, for diagnostics. libsodium: `sodium_version_string`.
    package static var version: String { String(cString: sodium_version_string()) }

    /// Constant-time comparison of two equal-length byte sequences. libsodium: `sodium_memcmp`.
    ///
    /// Returns false when the lengths differ (the lengths themselves are not secret).
    package static func constantTimeEqual(_ a: some ContiguousBytes, _ b: some ContiguousBytes) -> Bool {
        a.withUnsafeBytes { pa in
            b.withUnsafeBytes { pb in
                guard pa.count == pb.count else { return false }
                guard pa.count > 0 else { return true }
                return sodium_memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0
            }
        }
    }
}

/// Bytes that can be borrowed as a raw buffer without copying.
package protocol ContiguousBytes {
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
}

extension Array: ContiguousBytes where Element == UInt8 {}
extension ArraySlice: ContiguousBytes where Element == UInt8 {}
extension UnsafeRawBufferPointer: ContiguousBytes {
    package func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(self)
    }
}

extension ContiguousBytes {
    /// Runs `body` with a base address that is never nil, as libsodium requires for empty inputs.
    func withNonNullBytes<R>(_ body: (UnsafePointer<UInt8>, Int) throws -> R) rethrows -> R {
        try withUnsafeBytes { raw in
            if let base = raw.baseAddress, raw.count > 0 {
                return try body(base.assumingMemoryBound(to: UInt8.self), raw.count)
            }
            var empty: UInt8 = 0
            return try withUnsafePointer(to: &empty) { try body($0, 0) }
        }
    }
}
