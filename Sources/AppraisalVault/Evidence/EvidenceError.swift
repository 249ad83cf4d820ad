/// An evidence file that is refused (spec §10).
///
/// The error is a value: a ``Code`` naming the rule, the facts it is about (``ErrorContext``) and
/// an optional ``ErrorHint``. It holds no rendered text; the CLI renders it in the user's language
/// from the catalog entry whose id is ``AppraisalError/messageID``. Two errors are equal when their
/// codes are equal, so tests match the rule that fired without depending on wording.
public struct EvidenceError: AppraisalError {
    /// The rule that fired; the raw value is the stable message id (spec, vectors, `verify --json`).
    public enum Code: String, MessageCode {
        case badName = "evidence.bad-name"
        case duplicateName = "evidence.duplicate-name"
        case tooMany = "evidence.too-many"
        case noSubmission = "evidence.no-submission"
        case notLive = "evidence.not-live"
        case afterMerge = "evidence.after-merge"
        case indexTaken = "evidence.index-taken"
        case strayFile = "evidence.stray-file"
    }

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

    public static func == (a: Self, b: Self) -> Bool { a.code == b.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
