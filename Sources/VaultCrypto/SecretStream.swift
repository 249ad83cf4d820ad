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

    /// The last bytes of every chunk: its Poly1305 tag (the 17 of ``overhead`` less the tag byte).
    package static let macLength = 16
    /// libsodium's `STATE_COUNTER`: the first 4 bytes of the state's nonce.
    static let counterLength = 4
    /// libsodium's `STATE_INONCE`: the 8 bytes of the nonce after the counter.
    static let innerNonceLength = 8
    /// Where the nonce (counter, then inner nonce) sits in the state: `{k[32], nonce[12], _pad[8]}`.
    fileprivate static let nonceOffset = MemoryLayout<State>.offset(of: \State.nonce)!

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

        /// A second decryptor at the same position as `other`: it pulls the chunk `other` would
        /// pull next.
        package init(copying other: Decryptor) throws(SodiumError) {
            guard let raw = sodium_malloc(MemoryLayout<State>.size) else {
                throw SodiumError(.allocationFailed, "sodium_malloc")
            }
            raw.copyMemory(from: other.state, byteCount: MemoryLayout<State>.size)
            state = raw.bindMemory(to: State.self, capacity: 1)
            isFinished = other.isFinished
        }

        deinit { sodium_free(state) }

        /// Moves this decryptor to `other`'s position, as ``init(copying:)`` does, without a new
        /// allocation.
        package func assign(from other: Decryptor) {
            UnsafeMutableRawPointer(state).copyMemory(from: other.state, byteCount: MemoryLayout<State>.size)
            isFinished = other.isFinished
        }

        /// Moves past one chunk without decrypting it: afterwards the state is what ``pull(_:additionalData:into:)``
        /// leaves after that chunk, had it authenticated with the `message` tag. libsodium's pull
        /// folds the chunk's MAC (its last 16 bytes, `storedMAC`) into the nonce and counts the
        /// chunk, rekeying when the counter wraps; this does the same with the stored MAC.
        ///
        /// This lets chunks be decrypted out of order, each from a decryptor positioned with
        /// ``assign(from:)``. It is sound only if the skipped chunk is then pulled, from such a
        /// decryptor, and the stream is refused unless that pull authenticates with the `message`
        /// tag: then the MAC skipped over is the one pull computed, and every later position is the
        /// one a sequential pull would reach. A chunk that fails its pull fails the stream; the
        /// positions after it are then wrong, so their pulls fail too or are never used.
        ///
        /// - Parameter storedMAC: the chunk's last 16 bytes.
        package func skip(chunkEndingWith storedMAC: UnsafeRawBufferPointer) {
            precondition(storedMAC.count == SecretStream.macLength, "a stored MAC is 16 bytes")
            let nonce = SecretStream.nonceOffset
            let raw = UnsafeMutableRawPointer(state)
            // STATE_INONCE: nonce[4..<12] ^= mac[0..<8].
            for i in 0..<SecretStream.innerNonceLength {
                let p = raw + nonce + SecretStream.counterLength + i
                p.storeBytes(of: p.load(as: UInt8.self) ^ storedMAC[i], as: UInt8.self)
            }
            // STATE_COUNTER: nonce[0..<4], little-endian, plus one; zero after wrapping: rekey.
            let counter = (raw + nonce).assumingMemoryBound(to: UInt8.self)
            sodium_increment(counter, SecretStream.counterLength)
            if sodium_is_zero(counter, SecretStream.counterLength) == 1 {
                crypto_secretstream_xchacha20poly1305_rekey(state)
            }
        }

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

#if DEBUG
    // Test hooks (debug builds only): a stream rekeys when its 32-bit chunk counter wraps, after 2^32 chunks; setting the
    // counter lets a test reach that point in a few chunks, on both sides alike.
    extension SecretStream {
        fileprivate static func setCounter(_ state: UnsafeMutablePointer<State>, to value: UInt32) {
            (UnsafeMutableRawPointer(state) + nonceOffset).storeBytes(of: value.littleEndian, as: UInt32.self)
        }
    }

    extension SecretStream.Encryptor {
        /// Sets the chunk counter (tests only: see the hooks above).
        func setCounterForTesting(_ value: UInt32) { SecretStream.setCounter(state, to: value) }
    }

    extension SecretStream.Decryptor {
        /// Sets the chunk counter (tests only: see the hooks above).
        func setCounterForTesting(_ value: UInt32) { SecretStream.setCounter(state, to: value) }
    }
#endif
