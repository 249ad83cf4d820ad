/// Every problem found in a set of inputs, so the secretary can fix them all in one pass.
///
/// Loaders add recoverable problems here and go on checking; a syntax error that makes the rest
/// of a file meaningless is added as well, and that file's loader stops.
public struct InputProblems: Error, Sendable, CustomStringConvertible {
    /// The problems, in the order found.
    public private(set) var errors: [VaultError] = []

    /// An empty list.
    public init() {}

    /// Records a problem.
    public mutating func add(_ error: VaultError) { errors.append(error) }

    /// True when nothing was found.
    public var isEmpty: Bool { errors.isEmpty }

    /// True when a problem with `message` was found.
    public func contains(_ message: Message) -> Bool { errors.contains { $0.code == message } }

    /// The English rendering of every problem, one per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
