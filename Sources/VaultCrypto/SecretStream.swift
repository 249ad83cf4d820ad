internal import CSodium

/// Chunked authenticated encryption with a mandatory final tag.
/// libsodium: `crypto_secretstream_xchacha20poly1305_*`.
///
/// Only two tags are ever written or accepted: `message` for every chunk but the last and
/// `final` for the last. A stream that ends without `final`, continues after it, or carries a
/// `push` or `rekey` tag is rejected.
package enum SecretStream {
    /// 32 bytes.
    package static var keyLength: Int { crypto_secretstream_xchacha20poly1305_keybytes() }
    /// 24 bytes.
    package static var headerLength: Int { crypto_secretstream_xchacha20poly1305_headerbytes() }
    /// 17 bytes added to every chunk.
    package static var overhead: Int { crypto_secretstream_xchacha20poly1305_abytes() }

    typealias State = crypto_secretstream_xchacha20poly1305_state

    /// A stream state in secret memory, keyed with `key` and `header` (`init_pull`, which sets the
    /// state up exactly as `init_push` does for that header); `function` names the failure.
    fileprivate static func makeState(
        key: SecretBytes, header: [UInt8], function: String
    ) throws(SodiumError) -> UnsafeMutablePointer<State> {
        guard key.count == keyLength, header.count == headerLength else {
            throw SodiumError(.invalidLength, function)
        }
        try Sodium.ensureInitialized()
        guard let raw = sodium_malloc(MemoryLayout<State>.size) else {
            throw SodiumError(.allocationFailed, "sodium_malloc")
        }
        let state = raw.bindMemory(to: State.self, capacity: 1)
        let rc = key.withUnsafeBytes { k in
            crypto_secretstream_xchacha20poly1305_init_pull(
                state, header, k.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        guard rc == 0 else {
            sodium_free(state)
            throw SodiumError(.operationFailed, function)
        }
        return state
    }

    /// The writing side.
    package final class Encryptor: @unchecked Sendable {
        private let state: UnsafeMutablePointer<State>
        private var finished = false
        /// The 24-byte stream header the reader needs.
        package let header: [UInt8]

        /// Starts a stream under `key` with a header drawn from `random`.
        ///
        /// The state is set up exactly as `init_push` would, via `init_pull` on the chosen header,
        /// so the header can come from a deterministic source in tests.
        package init(key: SecretBytes, using random: any RandomSource = SystemRandom()) throws(SodiumError) {
            guard key.count == SecretStream.keyLength else {
                throw SodiumError(.invalidLength, "crypto_secretstream_xchacha20poly1305_init_push")
            }
            header = random.bytes(SecretStream.headerLength)
            state = try SecretStream.makeState(
                key: key, header: header, function: "crypto_secretstream_xchacha20poly1305_init_push")
        }

        deinit { sodium_free(state) }

        /// Encrypts one chunk; `isFinal` marks the last one.
        package func push(
            _ plaintext: some ContiguousBytes, additionalData: [UInt8] = [], isFinal: Bool
        ) throws(SodiumError) -> [UInt8] {
            var out = [UInt8]()
            try push(plaintext, additionalData: additionalData, isFinal: isFinal, into: &out)
            return out
        }

        /// Encrypts one chunk, appending the ciphertext to `output`.
        package func push(
            _ plaintext: some ContiguousBytes, additionalData: [UInt8] = [], isFinal: Bool, into output: inout [UInt8]
        ) throws(SodiumError) {
            let n = plaintext.withUnsafeBytes { $0.count }
            var failure: SodiumError?
            let chunk = [UInt8](unsafeUninitializedCapacity: n + SecretStream.overhead) { o, count in
                count = 0
                plaintext.withUnsafeBytes { m in
                    additionalData.withUnsafeBytes { a in
                        do throws(SodiumError) {
                            count = try push(
                                m, additionalData: a, isFinal: isFinal, into: UnsafeMutableRawBufferPointer(o))
                        } catch { failure = error }
                    }
                }
            }
            if let failure { throw failure }
            output.append(contentsOf: chunk)
        }

        /// Encrypts one chunk from `plaintext` straight into `output`, which must have room for
        /// `plaintext.count + overhead` bytes; no allocation, no copy.
        ///
        /// - Returns: the number of bytes written (`plaintext.count + overhead`).
        package func push(
            _ plaintext: UnsafeRawBufferPointer, additionalData: UnsafeRawBufferPointer, isFinal: Bool,
            into output: UnsafeMutableRawBufferPointer
        ) throws(SodiumError) -> Int {
            let function = "crypto_secretstream_xchacha20poly1305_push"
            guard !finished else { throw SodiumError(.streamNotFinished, function) }
            let n = plaintext.count
            guard output.count >= n + SecretStream.overhead, let out = output.baseAddress else {
                throw SodiumError(.invalidLength, function)
            }
            let tag =
                isFinal
                ? crypto_secretstream_xchacha20poly1305_tag_final()
                : crypto_secretstream_xchacha20poly1305_tag_message()
            var empty: UInt8 = 0
            let rc = withUnsafePointer(to: &empty) { e in
                crypto_secretstream_xchacha20poly1305_push(
                    state, out.assumingMemoryBound(to: UInt8.self), nil,
                    n > 0 ? plaintext.baseAddress!.assumingMemoryBound(to: UInt8.self) : e, UInt64(n),
                    additionalData.count > 0 ? additionalData.baseAddress!.assumingMemoryBound(to: UInt8.self) : nil,
                    UInt64(additionalData.count), tag)
            }
            guard rc == 0 else { throw SodiumError(.operationFailed, function) }
            if isFinal { finished = true }
            return n + SecretStream.overhead
        }
    }

    /// The reading side.
    package final class Decryptor: @unchecked Sendable {
        private let state: UnsafeMutablePointer<State>
        /// True once the chunk carrying the final tag has been read.
        package private(set) var isFinished = false

        /// Starts reading a stream with its 24-byte `header`.
        package init(key: SecretBytes, header: [UInt8]) throws(SodiumError) {
            state = try SecretStream.makeState(
                key: key, header: header, function: "crypto_secretstream_xchacha20poly1305_init_pull")
        }

        deinit { sodium_free(state) }

        /// Decrypts and authenticates one chunk.
        ///
        /// - Returns: the plaintext and whether this chunk was the final one.
        /// - Throws: ``SodiumError`` `authenticationFailed` (altered, reordered, wrong key or
        ///   associated data), `unexpectedTag`, or `streamNotFinished` when reading past the end.
        package func pull(
            _ ciphertext: some ContiguousBytes, additionalData: [UInt8] = []
        ) throws(SodiumError) -> (plaintext: [UInt8], isFinal: Bool) {
            let n = ciphertext.withUnsafeBytes { $0.count }
            guard n >= SecretStream.overhead else {
                throw SodiumError(.invalidLength, "crypto_secretstream_xchacha20poly1305_pull")
            }
            var isFinal = false
            var failure: SodiumError?
            // One spare byte keeps the base address non-nil for empty chunks.
            let out = [UInt8](unsafeUninitializedCapacity: n - SecretStream.overhead + 1) { o, count in
                count = 0
                ciphertext.withUnsafeBytes { c in
                    additionalData.withUnsafeBytes { a in
                        do throws(SodiumError) {
                            (count, isFinal) = try pull(c, additionalData: a, into: UnsafeMutableRawBufferPointer(o))
                        } catch { failure = error }
                    }
                }
            }
            if let failure { throw failure }
            return (out, isFinal)
        }

        /// Decrypts and authenticates one chunk from `ciphertext` straight into `output`, which
        /// must have room for `ciphertext.count - overhead` bytes; no allocation, no copy.
        ///
        /// - Returns: the plaintext length and whether this chunk was the final one.
        /// - Throws: as ``pull(_:additionalData:)``.
        package func pull(
            _ ciphertext: UnsafeRawBufferPointer, additionalData: UnsafeRawBufferPointer,
            into output: UnsafeMutableRawBufferPointer
        ) throws(SodiumError) -> (count: Int, isFinal: Bool) {
            let function = "crypto_secretstream_xchacha20poly1305_pull"
            guard !isFinished else { throw SodiumError(.streamNotFinished, function) }
            let n = ciphertext.count
            guard n >= SecretStream.overhead, output.count >= n - SecretStream.overhead, let c = ciphertext.baseAddress
            else {
                throw SodiumError(.invalidLength, function)
            }
            var tag: UInt8 = 0
            var spare: UInt8 = 0
            let rc = withUnsafeMutablePointer(to: &spare) { s in
                crypto_secretstream_xchacha20poly1305_pull(
                    state, output.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) } ?? s, nil, &tag,
                    c.assumingMemoryBound(to: UInt8.self), UInt64(n),
                    additionalData.count > 0 ? additionalData.baseAddress!.assumingMemoryBound(to: UInt8.self) : nil,
                    UInt64(additionalData.count))
            }
            guard rc == 0 else { throw SodiumError(.authenticationFailed, function) }
            if tag == crypto_secretstream_xchacha20poly1305_tag_final() {
                isFinished = true
                return (n - SecretStream.overhead, true)
            }
            guard tag == crypto_secretstream_xchacha20poly1305_tag_message() else {
                throw SodiumError(.unexpectedTag, function)
            }
            return (n - SecretStream.overhead, false)
        }

        /// Confirms the stream ended with its final tag.
        ///
        /// - Throws: ``SodiumError`` `streamNotFinished` when the final chunk never arrived (truncation).
        package func finish() throws(SodiumError) {
            guard isFinished else {
                throw SodiumError(.streamNotFinished, "crypto_secretstream_xchacha20poly1305_pull")
            }
        }
    }
}
