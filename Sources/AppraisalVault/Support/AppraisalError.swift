/// A code that names one catalog message: its raw value is the stable message id
/// (e.g. `inbox.wrong-round`) that the spec, the test vectors and `verify --json` use.
///
/// Every error code, hint code and notice code of the library is such an enum. The library holds
/// no text: the CLI looks the id up in its catalog and renders it in the user's language.
public protocol MessageCode: RawRepresentable<String>, Sendable, Hashable, CaseIterable {}

/// What every error of the library has in common: a code, the facts it is about, an optional
/// hint. There is one conforming struct per layer (``FormatError``, ``EnvelopeError``,
/// ``InputError``, ``InboxError``, ``MergeError``, ``ReleaseError``…), so a caller can tell which
/// stage failed; the CLI reads any of them through this protocol.
///
/// An error holds no rendered text and no exit status: both are the CLI's business.
public protocol AppraisalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The code type of the layer.
    associatedtype Code: MessageCode
    /// The rule that fired.
    var code: Code { get }
    /// The facts the message is about, in the order the message uses them.
    var context: ErrorContext { get }
    /// What to do about it, if there is something to say.
    var hint: ErrorHint? { get }
    /// The layer's name in logs, e.g. `InboxError`.
    static var layerName: String { get }
}

extension AppraisalError {
    /// The layer's name in logs, e.g. `InboxError`.
    public static var layerName: String { "\(Self.self)" }

    /// The message id, e.g. `key.wrong-passphrase`.
    public var messageID: String { code.rawValue }

    /// The code and its facts, for logs and test failures (not for users: the CLI renders
    /// errors from its catalog).
    public var description: String {
        "\(Self.layerName)(\(messageID)\(context.values.isEmpty ? "" : ": " + context.arguments.joined(separator: ", ")))"
    }
}

extension Error {
    /// This error as a library error: itself when it is one, else a ``CryptoError`` naming its type
    /// (only libsodium failures reach the library untyped).
    var asAppraisalError: any AppraisalError { (self as? any AppraisalError) ?? CryptoError(self) }
}
