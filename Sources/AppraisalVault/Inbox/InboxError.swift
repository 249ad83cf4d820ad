/// A sealed submission the inbox refuses (spec §6).
///
/// The error is a value: a ``Code`` naming the rule, the facts it is about (``ErrorContext``) and
/// an optional ``ErrorHint``. It holds no rendered text; the CLI renders it in the user's language
/// from the catalog entry whose id is ``AppraisalError/messageID``. Two errors are equal when their
/// codes are equal, so tests match the rule that fired without depending on wording.
public struct InboxError: AppraisalError {
    /// The rule that fired; the raw value is the stable message id (spec, vectors, `verify --json`).
    public enum Code: String, MessageCode {
        case wrongRound = "inbox.wrong-round"
        case wrongRecipient = "inbox.wrong-recipient"
        case wrongRole = "inbox.wrong-role"
        case notMember = "inbox.not-member"
        case keyMismatch = "inbox.key-mismatch"
        case strayFile = "inbox.stray-file"
        case twoLive = "inbox.two-live"
        case duplicate = "inbox.duplicate"
        case stale = "inbox.stale"
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
