internal import VaultCrypto

extension Passphrase {
    /// Why a new passphrase is weak (a warning, not a refusal: the KDF still slows guessing).
    public enum Weakness: Sendable, Hashable {
        /// Fewer than ``minimumCharacters`` characters.
        case short
        /// On the short list of common passphrases (``common``), letter case aside.
        case common
    }

    /// Fewest characters (Unicode scalars) a passphrase should have.
    public static let minimumCharacters = 12

    /// Common passphrases of 12 or more characters (shorter ones are already `short`),
    /// including the demo identities' published one.
    static let common: [String] = [
        "123456789012", "1234567890123", "12345678901234", "123123123123", "111111111111", "000000000000",
        "aaaaaaaaaaaa", "abcdefghijkl", "qwertyuiop12", "qwertyuiopas", "passwordpassword", "password1234",
        "password12345", "matkhau12345", "matkhau123456", "matkhaumanh123", "123456abcdef", "abc123456789",
        "iloveyou1234", "demo-appraisal-2026", "thamdinh2025", "thamdinh2026", "hoidongthamdinh",
    ]

    /// The passphrase's weakness, if any; computed in secret memory without copying it.
    public var weakness: Weakness? {
        secret.withUnsafeBytes { raw -> Weakness? in
            let characters = raw.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            if characters < Passphrase.minimumCharacters { return .short }
            for candidate in Passphrase.common where candidate.utf8.count == raw.count {
                var same = true
                for (a, b) in zip(raw, candidate.utf8) {
                    let lower = (0x41...0x5A).contains(a) ? a + 0x20 : a
                    if lower != b { same = false }
                }
                if same { return .common }
            }
            return nil
        }
    }
}
