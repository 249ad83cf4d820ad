/// Where an envelope's output goes: a file (``FileIO/AtomicWriter``, released by its atomic
/// rename or link) or memory (``MemorySink``, released by handing the bytes back).
///
/// Nothing written is visible to anyone before ``release()`` (spec §5.5 step 8).
protocol ByteSink: AnyObject {
    /// Appends bytes.
    func write(bytes: UnsafeRawBufferPointer) throws
    /// Makes what was written visible (the last step of an open or a seal).
    func release() throws
    /// Drops what was written; nothing appears.
    func discard()
}

extension ByteSink {
    /// Appends an array.
    func write(contentsOf bytes: [UInt8]) throws {
        var failure: (any Error)?
        bytes.withUnsafeBytes { raw in
            do { try write(bytes: raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}

extension FileIO.AtomicWriter: ByteSink {
    func release() throws { try commit(replacing: false) }
    func discard() { abort() }
}

/// A growing byte array as a ``ByteSink``: the in-memory forms of seal and open.
final class MemorySink: ByteSink {
    /// What was written; read it only after ``release()``.
    private(set) var bytes = [UInt8]()

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    func write(bytes raw: UnsafeRawBufferPointer) throws { bytes.append(contentsOf: raw) }
    func release() throws {}
    func discard() { bytes.removeAll() }
}
