internal import VaultCrypto

extension FieldReader {
    /// A field holding an Ed25519 public key as 32 bytes of lowercase hex.
    mutating func signingKey(_ key: String) throws(Failure) -> Ed25519.PublicKey {
        let bytes = try hex(key, length: Ed25519.publicKeyLength)
        // The length was checked, so this cannot fail.
        guard let publicKey = try? Ed25519.PublicKey(rawRepresentation: bytes) else {
            throw Failure(path: key, reason: "invalid key")
        }
        return publicKey
    }
}
