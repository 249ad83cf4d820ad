/// What to do about an error: a hint code and the facts its text uses. The CLI renders it after
/// the error as `avault: hint: …`.
public struct ErrorHint: Sendable, Hashable {
    /// Which hint.
    public let code: Code
    /// The facts its text uses, in order.
    public let context: ErrorContext

    /// Creates a hint.
    public init(_ code: Code, _ values: [ErrorContext.Value] = []) {
        self.code = code
        self.context = ErrorContext(values)
    }

    /// The message id of the hint's text, e.g. `hint.chmod`.
    public var messageID: String { code.rawValue }
}
