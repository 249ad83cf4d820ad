internal import Dispatch

/// Small helpers for running independent pieces of work over both cores (streaming envelopes,
/// bulk verification; docs/performance.md).
enum Parallel {
    /// Calls `body(i)` for every `i` in `0..<count` over all cores.
    static func forEach(_ count: Int, _ body: (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let box = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: count) { box.value($0) }
        }
    }

    /// A value handed to worker threads by a caller that guarantees exclusive or read-only use.
    ///
    /// `@unchecked Sendable`: `forEach` hands a non-escaping closure to `concurrentPerform`,
    /// which joins before returning; the streaming lanes hand an `AtomicWriter` to one serial
    /// lane, drained before the caller touches it again.
    final class UncheckedBox<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }
}

/// A fixed-size raw buffer owned by one streaming operation (never resized, freed on deinit).
final class RawBlock: @unchecked Sendable {
    let bytes: UnsafeMutableRawBufferPointer
    /// How many bytes at the start are in use.
    var count = 0

    init(_ capacity: Int) {
        bytes = .allocate(byteCount: max(capacity, 1), alignment: 64)
    }

    deinit { bytes.deallocate() }

    /// The bytes in use.
    var used: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[0..<count]) }
}

/// A serial lane of work on its own thread of the global pool: blocks are queued with
/// ``async(_:)`` and run in order; the first error is kept and rethrown by ``drain()`` (later
/// blocks still run, so whatever they release is released).
///
/// Streaming seal/open use a few lanes (one per hash, one for writing) fed with 1 MiB blocks,
/// so both cores stay busy without a barrier per block.
final class Lane: @unchecked Sendable {
    private let queue: DispatchQueue
    /// Written only on `queue`; read after `drain()` (which orders it).
    private var error: (any Error)?

    init(_ label: String) { queue = DispatchQueue(label: "avault.\(label)") }

    func async(_ body: @escaping @Sendable () throws -> Void) {
        queue.async {
            do { try body() } catch { if self.error == nil { self.error = error } }
        }
    }

    /// Waits for everything queued so far.
    func drain() throws {
        queue.sync {}
        if let error { throw error }
    }
}

/// A ring of `count` reusable raw blocks; a block is free again once every lane that was
/// given it has called ``release(_:)``.
final class BlockRing: @unchecked Sendable {
    let blocks: [RawBlock]
    private let free: [DispatchSemaphore]
    private let users: Int

    /// `users`: how many releases a block needs before it is free again.
    init(count: Int, capacity: Int, users: Int) {
        blocks = (0..<count).map { _ in RawBlock(capacity) }
        free = (0..<count).map { _ in DispatchSemaphore(value: users) }
        self.users = users
    }

    /// Waits until block `i % count` is free and returns it.
    func acquire(_ i: Int) -> RawBlock {
        for _ in 0..<users { free[i % blocks.count].wait() }
        return blocks[i % blocks.count]
    }

    func release(_ i: Int) { free[i % blocks.count].signal() }

    /// Waits until every block is free (all queued work on them finished).
    func waitAll() {
        for i in blocks.indices {
            for _ in 0..<users { free[i].wait() }
            for _ in 0..<users { free[i].signal() }
        }
    }
}
