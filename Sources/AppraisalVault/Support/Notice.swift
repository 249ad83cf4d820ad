/// A statement of the library for the user that is not thrown: a verification finding, an input
/// problem in a list, a release notice, demo progress. It is a code and its facts; the CLI renders
/// it from its catalog.
public struct Notice: Sendable, Hashable, CustomStringConvertible {
    /// The code, of any layer (a ``Notice/Code``, a ``VerificationReport/Finding``, or an error's code).
    public let code: any MessageCode
    /// The facts its text uses, in order.
    public let context: ErrorContext

    /// Creates a notice.
    public init(_ code: some MessageCode, _ values: [ErrorContext.Value] = []) {
        self.code = code
        self.context = ErrorContext(values)
    }

    /// The notice an error makes (for a finding that reports it).
    public init(_ error: any AppraisalError) {
        self.code = error.code
        self.context = error.context
    }

    /// The message id, e.g. `verify.round-ok`.
    public var messageID: String { code.rawValue }

    /// The id and the facts, for logs and test failures.
    public var description: String { "\(messageID)(\(context.arguments.joined(separator: ", ")))" }

    public static func == (a: Notice, b: Notice) -> Bool { a.messageID == b.messageID && a.context == b.context }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(messageID)
        hasher.combine(context)
    }
}
