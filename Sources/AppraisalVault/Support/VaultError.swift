/// The one error type the library reports to users.
///
/// It carries a catalog ``Message`` (so it renders in Vietnamese or English), the arguments that
/// fill it (file names, line numbers, ids; never secrets), an optional hint, and an exit status.
/// Two errors are equal when their message ids are equal, so tests can match on the rule that
/// fired without depending on wording.
public struct VaultError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Process exit statuses, following BSD `sysexits.h` where one fits.
    public enum ExitStatus: Int32, Sendable {
        /// A verification found failures (e.g. `avault verify`).
        case verificationFailed = 1
        /// The command line was wrong (EX_USAGE).
        case usage = 64
        /// An input file was malformed, altered, or of the wrong kind (EX_DATAERR).
        case dataError = 65
        /// An input file could not be opened (EX_NOINPUT).
        case noInput = 66
        /// Internal error (EX_SOFTWARE).
        case software = 70
        /// An output could not be created, or already exists (EX_CANTCREAT).
        case cannotCreate = 73
        /// Reading or writing failed (EX_IOERR).
        case ioError = 74
        /// A passphrase was wrong, or a key file is too open (EX_NOPERM).
        case permission = 77
    }

    /// What went wrong.
    public let text: LocalizedText
    /// What to do about it, if there is something to say.
    public let hint: LocalizedText?
    /// The exit status the CLI uses.
    public let status: ExitStatus

    /// Creates an error from a catalog message.
    public init(
        _ message: Message, _ arguments: [String] = [], hint: Message? = nil, hintArguments: [String] = [],
        status: ExitStatus = .dataError
    ) {
        self.text = LocalizedText(message, arguments)
        self.hint = hint.map { LocalizedText($0, hintArguments) }
        self.status = status
    }

    /// The message id, e.g. `key.wrong-passphrase`.
    public var code: Message { text.message }

    /// English rendering (for logs and test failures).
    public var description: String {
        text.render(in: .english) + (hint.map { " (hint: \($0.render(in: .english)))" } ?? "")
    }

    public static func == (a: VaultError, b: VaultError) -> Bool { a.code == b.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
