/// Bytes an envelope is read from by offset: a file (``FileIO/StreamReader``) or memory
/// (``MemorySource``). The streaming reader and writer of a sealed envelope (spec §5) see only this.
protocol ByteSource {
    /// The number of bytes.
    var size: Int { get }
    /// Reads `buffer.count` bytes at `offset` (fewer only at the end).
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// True when nobody else can change the bytes between two reads (memory this process owns, or
    /// a ``FileIO/PrivateCopy``); a file's bytes can change, so opening evidence from it copies
    /// them first (spec §5.5 step 3).
    var isPrivate: Bool { get }
    /// A hint that the bytes before `offset` will not be read again (a copy frees their space).
    func discard(before offset: Int)
    /// After the last read, before anything read is released: throws unless the bytes read back,
    /// in order, are exactly the bytes that were written (a ``FileIO/PrivateCopy``); nothing for
    /// other sources.
    func checkReadBack() throws
}

extension ByteSource {
    /// A file's bytes are not private.
    var isPrivate: Bool { false }

    /// Nothing to free.
    func discard(before offset: Int) {}

    /// Nothing was written: nothing to check.
    func checkReadBack() throws {}

    /// The one block loop: reads `range` in order, in blocks of at most `blockSize` bytes, and
    /// hands each to `body`. A source shorter than `range` is `shortRead`.
    ///
    /// For envelopes `blockSize` is a whole number of chunks (spec §5.3), so a block never
    /// splits a chunk.
    func forEachBlock(
        in range: Range<Int>, blockSize: Int, shortRead: @autoclosure () -> any Error,
        _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        guard !range.isEmpty else { return }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(blockSize, range.count), alignment: 64)
        defer { buffer.deallocate() }
        var offset = range.lowerBound
        while offset < range.upperBound {
            let length = min(buffer.count, range.upperBound - offset)
            let block = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<length])
            guard try read(at: offset, into: block) == length else { throw shortRead() }
            try body(UnsafeRawBufferPointer(block))
            offset += length
        }
    }

    /// Reads exactly `count` bytes at `offset` into a new array (fewer only at the end).
    func bytes(at offset: Int, upTo count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var failure: (any Error)?
        let n = out.withUnsafeMutableBytes { buffer in
            do { return try read(at: offset, into: buffer) } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        out.removeLast(count - n)
        return out
    }
}

extension FileIO.StreamReader: ByteSource {}

/// A byte array as a ``ByteSource``: the in-memory forms of seal and open.
struct MemorySource: ByteSource, Sendable {
    /// The bytes.
    let bytes: [UInt8]

    var size: Int { bytes.count }

    /// An array's bytes cannot change.
    var isPrivate: Bool { true }

    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = max(0, min(buffer.count, bytes.count - offset))
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + n])) }
        return n
    }
}
