internal import VaultCrypto

/// A libsodium failure the library did not expect (spec §1.3), e.g. no memory for a secret.
///
/// It wraps the crypto layer's ``SodiumError`` (the function that failed and how), never a
/// string made from it. Its single code is `crypto.failure`.
public struct CryptoError: AppraisalError {
    /// The rule that fired; the raw value is the message id.
    public enum Code: String, MessageCode {
        case failure = "crypto.failure"
    }

    /// Always ``Code/failure``.
    public var code: Code { .failure }
    /// The libsodium function that failed (e.g. `crypto_pwhash`), or the step for a failure
    /// that is not libsodium's.
    public let function: String
    /// How it failed, e.g. `allocationFailed`.
    public let kind: String
    /// Never a hint.
    public var hint: ErrorHint? { nil }

    /// Wraps a failure of the crypto layer; any other error is recorded by its type name.
    public init(_ underlying: any Error) {
        if let sodium = underlying as? SodiumError {
            self.function = sodium.function
            self.kind = sodium.kind.rawValue
        } else if let other = underlying as? CryptoError {
            self = other
        } else {
            self.function = String(describing: type(of: underlying))
            self.kind = "failed"
        }
    }

    /// A failure at a named step that is not a libsodium call.
    public init(step: String) {
        self.function = step
        self.kind = ""
    }

    /// One value, `function: kind`, as `crypto.failure` shows it.
    public var context: ErrorContext { ErrorContext([.text(kind.isEmpty ? function : "\(function): \(kind)")]) }

    public static func == (a: Self, b: Self) -> Bool { a.code == b.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
