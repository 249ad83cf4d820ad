/// Every problem found in a set of inputs, so the secretary can fix them all in one pass.
///
/// Loaders add recoverable problems here and go on checking; a syntax error that makes the rest
/// of a file meaningless is added as well, and that file's loader stops. The problems are errors
/// of any layer (an input file may be unreadable, a key file malformed).
public struct InputProblems: Error, Sendable, CustomStringConvertible {
    /// The problems, in the order found.
    public private(set) var errors: [any AppraisalError] = []

    /// An empty list.
    public init() {}

    /// Records a problem.
    public mutating func add(_ error: any AppraisalError) { errors.append(error) }

    /// Records a caught error: a library error as it is, a list's problems one by one, anything
    /// else as a ``CryptoError`` naming its type.
    public mutating func add(_ error: any Error) {
        if let error = error as? any AppraisalError {
            errors.append(error)
        } else if let list = error as? InputProblems {
            errors += list.errors
        } else {
            errors.append(CryptoError(error))
        }
    }

    /// True when nothing was found.
    public var isEmpty: Bool { errors.isEmpty }

    /// True when a problem with the message id `messageID` was found.
    public func contains(_ messageID: String) -> Bool { errors.contains { $0.messageID == messageID } }

    /// True when a problem with `code` was found.
    public func contains(_ code: some MessageCode) -> Bool { contains(code.rawValue) }

    /// Every problem, one per line (ids and facts, for logs and test failures).
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
