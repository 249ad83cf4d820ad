/// A file that is not what it should be: containers (spec §2), canonical JSON (spec §3), files on disk, identity and key files (spec §4), passphrases.
///
/// The error is a value: a ``Code`` naming the rule, the facts it is about (``ErrorContext``) and
/// an optional ``ErrorHint``. It holds no rendered text; the CLI renders it in the user's language
/// from the catalog entry whose id is ``AppraisalError/messageID``. Two errors are equal when their
/// codes are equal, so tests match the rule that fired without depending on wording.
public struct FormatError: AppraisalError {
    /// The rule that fired; the raw value is the stable message id (spec, vectors, `verify --json`).
    public enum Code: String, MessageCode {
        case passphraseEmpty = "passphrase.empty"
        case passphraseTooLong = "passphrase.too-long"
        case empty = "format.empty"
        case notAVault = "format.not-avault"
        case version = "format.version"
        case unknownKind = "format.unknown-kind"
        case wrongKind = "format.wrong-kind"
        case truncated = "format.truncated"
        case header = "format.header"
        case trailing = "format.trailing"
        case fileNotFound = "file.not-found"
        case fileUnreadable = "file.unreadable"
        case fileNotRegular = "file.not-regular"
        case fileTooLarge = "file.too-large"
        case fileExists = "file.exists"
        case fileCannotWrite = "file.cannot-write"
        case identityBadSignature = "identity.bad-signature"
        case identityGotSecretKey = "identity.got-secret-key"
        case identityBadID = "identity.bad-id"
        case identityBadName = "identity.bad-name"
        case keyGotPublicFile = "key.got-public-file"
        case keyKDFLimits = "key.kdf-limits"
        case keyTooOpen = "key.too-open"
        case keyWrongPassphrase = "key.wrong-passphrase"
        case keyInconsistent = "key.inconsistent"
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
