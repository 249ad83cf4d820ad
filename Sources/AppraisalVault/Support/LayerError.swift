/// The error of one layer of the library: which rule fired (a code of that layer), the facts it
/// is about, and an optional hint.
///
/// Each layer names its own instance, e.g. `typealias InboxError = LayerError<InboxErrorCode>`,
/// so a caller can tell which stage failed (`catch let error as InboxError`) while the shape is
/// written once. The error holds no rendered text and no exit status: the CLI renders it in the
/// user's language from the catalog entry whose id is ``AppraisalError/messageID`` and maps it to
/// an exit status. Two errors are equal when their codes are equal, so tests match the rule that
/// fired without depending on wording.
public struct LayerError<Code: MessageCode>: AppraisalError {
    /// The rule that fired.
    public let code: Code
    /// The facts the message is about, in the order the message uses them.
    public let context: ErrorContext
    /// What to do about it, if there is something to say.
    public let hint: ErrorHint?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The rule that fired.
    ///   - values: The facts, in the order the message uses them.
    ///   - hint: What to do about it.
    ///   - step: The file operation that failed, for file errors.
    public init(_ code: Code, _ values: [ErrorContext.Value] = [], hint: ErrorHint? = nil, step: FileStep? = nil) {
        self.code = code
        self.context = ErrorContext(values, step: step)
        self.hint = hint
    }

    /// The layer's name in logs: the code type's name without `Code` (e.g. `InboxError`).
    public static var layerName: String {
        let name = String(describing: Code.self)
        return name.hasSuffix("Code") ? String(name.dropLast(4)) : name
    }

    public static func == (a: Self, b: Self) -> Bool { a.code == b.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
