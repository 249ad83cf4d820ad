/// What a fuzz check reports when a parser accepted an input but broke one of its invariants.
///
/// A thrown parser error is the expected outcome for hostile input and is never a violation; a
/// violation is a round trip that does not give the input back, or a value that contradicts itself.
public struct InvariantViolation: Error, CustomStringConvertible {
    /// Which invariant failed, in a few words.
    public let description: String

    /// Makes a violation with `description`.
    public init(_ description: String) { self.description = description }
}

/// One fuzz check: runs a parser over `bytes` and throws when an invariant breaks.
public typealias FuzzCheck = @Sendable ([UInt8]) throws(InvariantViolation) -> Void

/// The glue between libFuzzer and the checks in ``FuzzChecks``.
public enum Fuzz {
    /// Runs `check` on one libFuzzer input; a violated invariant stops the process so libFuzzer
    /// saves the input as a crash.
    ///
    /// - Returns: 0, as libFuzzer requires.
    public static func run(_ data: UnsafePointer<UInt8>, _ size: Int, _ check: FuzzCheck) -> CInt {
        let bytes = Array(UnsafeBufferPointer(start: data, count: size))
        do {
            try check(bytes)
        } catch {
            preconditionFailure("fuzz invariant violated: \(error.description)")
        }
        return 0
    }

    /// Throws ``InvariantViolation`` with `message` unless `condition` holds.
    @inline(__always)
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(InvariantViolation) {
        if !condition { throw InvariantViolation(message()) }
    }
}
