internal import Dispatch
internal import Synchronization

/// The one two-stage pipeline of the streaming envelope paths (spec §5.3, §10): the caller fills
/// blocks (read, hash, encrypt or decrypt) and hands each on; one worker thread consumes them in
/// order (hash, write). At most ``depth`` blocks are in flight, so memory stays bounded.
///
/// Use it only through ``run(blockSize:inline:consume:_:)``, which joins the worker before it
/// returns, on success and on failure, so nothing the worker touches (a hasher, a sink) is used
/// by the caller concurrently. A worker failure stops further blocks and is rethrown to the
/// caller; a caller failure drains what was already handed on and is rethrown.
///
/// `@unchecked Sendable`: the ring slots are handed over by the `free` semaphore (the caller
/// writes a slot only after the worker released it, the worker reads it only after the caller
/// queued it), the serial queue orders the worker's work, and `failure` is a `Mutex`.
final class TwoStagePipeline: @unchecked Sendable {
    /// Blocks in flight at most: one being filled, one being consumed, one queued.
    static let depth = 3

    private let slots: [UnsafeMutableRawBufferPointer]
    private let free = DispatchSemaphore(value: TwoStagePipeline.depth)
    private let queue = DispatchQueue(label: "avault.pipeline")
    private let consume: (UnsafeMutableRawBufferPointer) throws -> Void
    private let inline: Bool
    private let failure = Mutex<(any Error)?>(nil)
    private var next = 0
    /// Blocks handed on and not yet consumed.
    private let backlog = Atomic<Int>(0)

    private init(blockSize: Int, inline: Bool, consume: @escaping (UnsafeMutableRawBufferPointer) throws -> Void) {
        self.inline = inline
        self.consume = consume
        slots = (0..<(inline ? 1 : TwoStagePipeline.depth)).map { _ in
            UnsafeMutableRawBufferPointer.allocate(byteCount: max(blockSize, 1), alignment: 64)
        }
    }

    deinit { for slot in slots { slot.deallocate() } }

    /// Runs `produce` on the calling thread, `consume` on one worker (or inline, for a payload of
    /// one block, where a thread would only cost), and returns once both finished.
    ///
    /// - Parameters:
    ///   - blockSize: the capacity of each block.
    ///   - inline: consume on the calling thread, right after each block is filled.
    ///   - consume: the second stage, called once per block in the order sent; the block is its
    ///     own (to read, or to finish in place) until it returns.
    ///   - produce: the first stage; it calls ``send(_:)`` once per block.
    /// - Returns: what `produce` returned.
    /// - Throws: the second stage's first error, else the first stage's.
    static func run<R>(
        blockSize: Int, inline: Bool, consume: @escaping (UnsafeMutableRawBufferPointer) throws -> Void,
        _ produce: (TwoStagePipeline) throws -> R
    ) throws -> R {
        let pipeline = TwoStagePipeline(blockSize: blockSize, inline: inline, consume: consume)
        let result: R
        do {
            result = try produce(pipeline)
        } catch {
            pipeline.drain()
            // The second stage works on earlier blocks than the first, so its error comes first,
            // as it would in a one-thread reading.
            throw pipeline.failure.withLock({ $0 }) ?? error
        }
        pipeline.drain()
        if let error = pipeline.failure.withLock({ $0 }) { throw error }
        return result
    }

    /// Fills the next free block with `fill` (which returns how many bytes it wrote) and hands
    /// those bytes to the second stage. Waits while ``depth`` blocks are in flight.
    ///
    /// - Throws: what `fill` throws, or the worker's first error.
    func send(_ fill: (UnsafeMutableRawBufferPointer) throws -> Int) throws {
        if let error = failure.withLock({ $0 }) { throw error }
        free.wait()
        let index = next % slots.count
        next += 1
        let count: Int
        do {
            count = try fill(slots[index])
        } catch {
            free.signal()
            throw error
        }
        guard !inline else {
            defer { free.signal() }
            try consume(UnsafeMutableRawBufferPointer(rebasing: slots[index][0..<count]))
            return
        }
        backlog.add(1, ordering: .relaxed)
        queue.async { [self] in
            defer {
                backlog.subtract(1, ordering: .relaxed)
                free.signal()
            }
            guard failure.withLock({ $0 == nil }) else { return }
            do {
                try consume(UnsafeMutableRawBufferPointer(rebasing: slots[index][0..<count]))
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
    }

    /// True while the worker has a block queued behind the one it is consuming: the second stage
    /// is the slower one, so a caller filling a block may do some of its work itself.
    var workerIsBehind: Bool { !inline && backlog.load(ordering: .relaxed) >= 2 }

    /// Waits until the worker finished every block sent.
    private func drain() {
        if !inline { queue.sync {} }
    }
}
