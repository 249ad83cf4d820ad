internal import VaultCrypto

/// A short, phone-readable digest of an identity's public keys (spec §2.3).
///
/// `digest = BLAKE2b-256("AppraisalVault/v1/public-identity/fingerprint\0" || signing key || encryption key)`;
/// the fingerprint is the RFC 4648 base32 of the first 15 bytes (24 characters), in 6 groups of 4
/// joined by `-`, e.g. `K3QF-7ZPA-…`.
public struct Fingerprint: Sendable, Hashable, CustomStringConvertible {
    /// The 24 base32 characters without separators.
    public let characters: String

    /// Computes the fingerprint of a pair of public keys.
    init(signingKey: Ed25519.PublicKey, encryptionKey: X25519.PublicKey) {
        self.init(
            digestOf: ArtifactKind.publicIdentity.domain("fingerprint") + signingKey.rawRepresentation
                + encryptionKey.rawRepresentation)
    }

    /// Computes a fingerprint of arbitrary bytes already prefixed with their domain string.
    init(digestOf message: [UInt8]) {
        characters = Base32.encode(Array(BLAKE2b.hash(message, outputLength: 32).prefix(15)))
    }

    /// Parses a fingerprint as a person types it: case, spaces and dashes are ignored.
    public init?(parsing text: String) {
        let cleaned = text.uppercased().filter { $0 != "-" && $0 != " " }
        guard cleaned.count == 24, cleaned.allSatisfy({ Base32.alphabet.contains($0) }) else { return nil }
        characters = cleaned
    }

    /// `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`.
    public var description: String {
        // Groups of four joined by `-`, appended one character at a time (the generic `joined`
        // costs a run-time look-up of its witnesses at its first use in a process).
        var out = ""
        var count = 0
        for c in characters {
            if count > 0, count % 4 == 0 { out.append("-") }
            out.append(c)
            count += 1
        }
        return out
    }
}

/// RFC 4648 base32 (A–Z, 2–7), without padding.
enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    static func encode(_ bytes: [UInt8]) -> String {
        var out = ""
        var buffer = 0
        var bits = 0
        for b in bytes {
            buffer = buffer << 8 | Int(b)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return out
    }
}
