internal import CSodium
internal import Glibc

/// Where random bytes come from.
///
/// Every operation that creates a user's keys or files defaults to ``SystemRandom`` (libsodium's
/// CSPRNG). ``DeterministicRandom`` is for reproducible artifacts only: the tests, the vector
/// generator (§1.7) and the benchmarks' synthetic demo identities and rounds (`avault bench`) use
/// it; no other command creates one.
package protocol RandomSource: Sendable {
    /// Fills `buffer` with random bytes.
    func fill(_ buffer: UnsafeMutableRawBufferPointer)
}

extension RandomSource {
    /// Returns `count` random public bytes (nonces, salts, headers).
    package func bytes(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        out.withUnsafeMutableBytes { fill($0) }
        return out
    }
}

/// The operating system's CSPRNG through libsodium. libsodium: `randombytes_buf`.
package struct SystemRandom: RandomSource {
    package init() {}

    package func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        try? Sodium.ensureInitialized()
        randombytes_buf(base, buffer.count)
    }
}

/// A reproducible byte stream for tests and test-vector generation only.
///
/// Output block `i` is `randombytes_buf_deterministic(seed = BLAKE2b-256(key: seed, message: i))`.
/// Never use it to make real keys. libsodium: `randombytes_buf_deterministic`.
package final class DeterministicRandom: RandomSource, @unchecked Sendable {
    private let seed: [UInt8]
    private var counter: UInt64 = 0
    private let lock = SpinLock()

    /// Creates a stream from a public test seed (any length; it is hashed).
    package init(seed: String) {
        self.seed = BLAKE2b.hash(Array(seed.utf8), outputLength: 32)
    }

    package func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        let n = lock.withLock { () -> UInt64 in
            counter += 1
            return counter
        }
        var message = [UInt8](repeating: 0, count: 8)
        for i in 0..<8 { message[i] = UInt8(truncatingIfNeeded: n >> (8 * UInt64(i))) }
        let blockSeed = BLAKE2b.hash(message, outputLength: 32, key: seed)
        blockSeed.withUnsafeBufferPointer { s in
            randombytes_buf_deterministic(base, buffer.count, s.baseAddress!)
        }
    }
}

/// A minimal lock so ``DeterministicRandom`` stays correct if shared between tasks.
final class SpinLock: @unchecked Sendable {
    private var flag = false
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() { pthread_mutex_init(mutex, nil) }
    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<R>(_ body: () -> R) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}
