/// A file that is not what it should be: containers (spec §2), canonical JSON (spec §3), files on disk, identity and key files (spec §4), passphrases.
///
/// A ``LayerError`` over this layer's codes: a code, typed facts, an optional hint, no text.
public typealias FormatError = LayerError<FormatErrorCode>

/// The rules behind ``FormatError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum FormatErrorCode: String, MessageCode {
    case passphraseEmpty = "passphrase.empty"
    case passphraseTooLong = "passphrase.too-long"
    case passphraseTooOpen = "passphrase.too-open"
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
