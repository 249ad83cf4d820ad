internal import Dispatch

/// Small helpers for running independent pieces of work over both cores (bulk verification; docs/performance.md).
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
    /// which joins before returning.
    final class UncheckedBox<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }
}
