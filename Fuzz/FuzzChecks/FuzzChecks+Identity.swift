@testable internal import AppraisalVault
@testable internal import VaultCrypto

// MARK: - Key file and public identity

extension FuzzChecks {
    /// `PublicIdentity(parsing:file:)`: accepted ⇒ re-signing is not possible here, so the check
    /// is that the header re-encodes to the same preamble and the signature verifies.
    @Sendable public static func publicIdentity(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let identity = try? PublicIdentity(parsing: bytes, file: file) else { return }
        let preamble = Container.preamble(kind: .publicIdentity, header: identity.json)
        try Fuzz.require(Array(bytes.prefix(preamble.count)) == preamble, "preamble(identity.json) != x's preamble")
        try Fuzz.require(bytes.count == preamble.count + Ed25519.signatureLength, "file is not preamble + signature")
        _ = identity.fingerprint.description
    }

    /// `KeyFile(parsing:file:)`, parse only (never unlocked: Argon2id would make each run slow):
    /// accepted ⇒ the public half re-encodes into the key file's header and the limits are in range.
    @Sendable public static func keyFile(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let key = try? KeyFile(parsing: bytes, file: file) else { return }
        try Fuzz.require(key.limits.isWithinAcceptedRange, "accepted KDF limits out of range")
        guard let container = try? Container(parsing: bytes, expecting: .secretKey, file: file),
            case .object(var fields) = container.header
        else { throw InvariantViolation("accepted key file has no container") }
        fields["kdf"] = nil
        fields["nonce"] = nil
        try Fuzz.require(JSONValue.object(fields) == key.identity.json, "KeyFile.identity.json != header fields")
    }
}
