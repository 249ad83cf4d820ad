internal import VaultCrypto

/// How much work protects a secret key file's passphrase: the Argon2id level (spec §2.1).
///
/// The raw values are what `avault keygen --kdf` accepts.
public enum KeyStrength: String, Sendable, Hashable, CaseIterable {
    /// 2 passes over 64 MiB (about 0.1 s): tests and throw-away demo keys.
    case interactive
    /// 3 passes over 256 MiB (about 0.7 s): the default for real keys.
    case moderate
    /// 4 passes over 1 GiB (about 4 s).
    case sensitive

    /// The Argon2id limits of this level.
    var limits: Argon2id.Limits {
        switch self {
        case .interactive: .interactive
        case .moderate: .moderate
        case .sensitive: .sensitive
        }
    }
}
