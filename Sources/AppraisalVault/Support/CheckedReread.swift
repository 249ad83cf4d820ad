internal import VaultCrypto

/// The second reading of bytes a first pass already read and hashed (spec §5.5 steps 3 and 6),
/// checked to be the same bytes: how evidence read from a file is decrypted.
///
/// The first pass hands every byte it hashes, from the memory it hashed it in and in order, to
/// ``record(_:)``; the second pass reads through this source, in order from the first recorded
/// byte to the last. Each pass feeds its bytes to a Poly1305 authenticator, both under one fresh
/// random key that exists only in this process's memory, and ``checkReadBack()`` compares the two
/// tags in constant time. Nothing about the file or its file system is trusted to keep the bytes
/// unchanged between the passes: a file rewritten in place, replaced, or served differently by a
/// network file system is refused before anything read the second time is released.
///
/// Offsets are those of `base`; the recorded bytes start at `start`.
final class CheckedReread<Base: ByteSource>: ByteSource {
    /// What is read again.
    let base: Base
    /// Its path, for messages.
    let file: String
    /// The offset of the first recorded byte.
    let start: Int
    /// Bytes recorded by the first pass.
    private(set) var recorded = 0
    /// The tag of every byte recorded, and of every byte read again in order (one message, one key).
    private let first: OneTimeAuth
    private let second: OneTimeAuth
    /// Bytes read again in order from `start`; false once a read went elsewhere.
    private var rereadCount = 0
    private var inOrder = true
    /// The verdict of ``checkReadBack()`` once given: it is given once, and nothing read after it counts.
    private var verdict: Bool?

    /// Starts recording the bytes of `base` from `start`.
    ///
    /// - Throws: ``CryptoError`` when libsodium cannot make the key (an internal error).
    init(_ base: Base, from start: Int, file: String) throws {
        self.base = base
        self.file = file
        self.start = start
        do {
            let key = try OneTimeAuth.randomKey()
            (first, second) = (try OneTimeAuth(key: key), try OneTimeAuth(key: key))
        } catch {
            throw CryptoError(error)
        }
    }

    /// The first pass: the next bytes it hashed, from the memory it hashed them in.
    ///
    /// - Throws: ``EnvelopeError`` `envelope.changed-while-reading` after the verdict.
    func record(_ bytes: UnsafeRawBufferPointer) throws {
        guard verdict == nil else { throw changed }
        first.update(bytes: bytes)
        recorded += bytes.count
    }

    /// ``record(_:)`` of an array.
    func record(contentsOf bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try record($0) }
    }

    /// Refuses the second reading unless it read exactly the bytes recorded, in order, from the
    /// first recorded byte to the last: call it after the last read and before anything read is
    /// released.
    ///
    /// - Throws: ``EnvelopeError`` `envelope.changed-while-reading`.
    func checkReadBack() throws {
        if verdict == nil {
            let same = Sodium.constantTimeEqual(first.finalize(), second.finalize())
            verdict = same && inOrder && rereadCount == recorded
        }
        guard verdict == true else { throw changed }
    }

    private var changed: EnvelopeError { EnvelopeError(.changedWhileReading, [.file(file)]) }

    /// The recorded bytes end where the recording ended.
    var size: Int { start + recorded }

    /// What is read here is checked against what the first pass hashed.
    var isPrivate: Bool { true }

    /// Reads `base` again at `offset` (at least ``start``), within the recorded bytes, and
    /// confirms what it read. A read shorter than what the first pass read there means the file
    /// changed.
    ///
    /// - Throws: ``EnvelopeError`` `envelope.changed-while-reading`; `base`'s read errors.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = try readDeferringCheck(at: offset, into: buffer)
        confirm(UnsafeRawBufferPointer(rebasing: buffer[0..<n]), at: offset)
        return n
    }

    /// ``read(at:into:)`` without the confirmation, which ``confirm(_:at:)`` gives later.
    func readDeferringCheck(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard offset >= start, verdict == nil else {
            // Read after the verdict: the check was not the last step; refuse from now on.
            verdict = false
            throw changed
        }
        let wanted = max(0, min(buffer.count, size - offset))
        guard wanted > 0 else { return 0 }
        guard try base.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted])) == wanted
        else { throw changed }
        return wanted
    }

    /// Feeds bytes read again at `offset` to the second authenticator; a gap or an overlap with
    /// what came before fails the check.
    func confirm(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        guard !bytes.isEmpty else { return }
        guard verdict == nil else {
            // Confirmed after the verdict: the check was not the last step; refuse from now on.
            verdict = false
            return
        }
        if inOrder, offset - start == rereadCount {
            second.update(bytes: bytes)
            rereadCount += bytes.count
        } else {
            inOrder = false
        }
    }
}
