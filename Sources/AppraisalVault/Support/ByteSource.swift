/// Bytes an envelope is read from by offset: a file (``FileIO/StreamReader``) or memory
/// (``MemorySource``). The streaming reader and writer of a sealed envelope (spec §5) see only this.
protocol ByteSource {
    /// The number of bytes.
    var size: Int { get }
    /// Reads `buffer.count` bytes at `offset` (fewer only at the end).
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// True when what is read is the bytes a first pass hashed: memory this process owns, which
    /// nobody else can change, or a ``CheckedReread``, which checks it; a file's bytes can change
    /// between two reads, so evidence from a file is decrypted through a ``CheckedReread``
    /// (spec §5.5 steps 3 and 6).
    var isPrivate: Bool { get }
    /// Reads as ``read(at:into:)`` does, but leaves the check of what was read (a
    /// ``CheckedReread``) to ``confirm(_:at:)``: the caller hands it the same bytes, from the
    /// memory they were read into, in order, before ``checkReadBack()``; bytes read and not
    /// confirmed fail the check.
    func readDeferringCheck(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// The bytes that ``readDeferringCheck(at:into:)`` read at `offset`, for the check (another
    /// thread may call it; calls come in order of `offset`).
    func confirm(_ bytes: UnsafeRawBufferPointer, at offset: Int)
    /// After the last read, before anything read is released: throws unless the bytes read are
    /// exactly the bytes the first pass hashed (a ``CheckedReread``); nothing for other sources.
    func checkReadBack() throws
}

extension ByteSource {
    /// A file's bytes are not private.
    var isPrivate: Bool { false }

    /// Nothing to check: a plain read.
    func readDeferringCheck(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try read(at: offset, into: buffer)
    }

    /// Nothing to check.
    func confirm(_ bytes: UnsafeRawBufferPointer, at offset: Int) {}

    /// Nothing was recorded: nothing to check.
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
