public import Foundation
internal import VaultCrypto

/// A person's public half: who they are and their two public keys, self-signed (spec §2.2).
///
/// Header fields: `created` (RFC 3339 UTC, informational), `demo` (true for the published demo
/// identities), `encryptionKey` (X25519, hex), `id`, `name` (NFC), `role`, `signingKey` (Ed25519,
/// hex). The body is the signature by `signingKey`.
public struct PublicIdentity: Sendable, Hashable {
    /// The identity's id, e.g. `tv-01`.
    public let id: String
    /// The display name, NFC.
    public let name: String
    /// The role this identity is for.
    public let role: Role
    /// The Ed25519 verification key.
    let signingKey: Ed25519.PublicKey
    /// The X25519 encryption key.
    let encryptionKey: X25519.PublicKey
    /// When it was made (informational).
    public let created: String
    /// True for the published demo identities, which non-demo rounds refuse.
    public let isDemo: Bool

    /// Upper bound on a public identity file.
    public static let maxFileSize = 16 * 1024

    init(
        id: String, name: String, role: Role, signingKey: Ed25519.PublicKey, encryptionKey: X25519.PublicKey,
        created: String, isDemo: Bool
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.signingKey = signingKey
        self.encryptionKey = encryptionKey
        self.created = created
        self.isDemo = isDemo
    }

    /// The phone-readable fingerprint of the keys.
    public var fingerprint: Fingerprint { Fingerprint(signingKey: signingKey, encryptionKey: encryptionKey) }

    /// The header as a JSON object (also embedded in round definitions).
    public var json: JSONValue {
        .object([
            "created": .string(created),
            "demo": .bool(isDemo),
            "encryptionKey": .hex(encryptionKey.rawRepresentation),
            "id": .string(id),
            "name": .string(name),
            "role": .string(role.rawValue),
            "signingKey": .hex(signingKey.rawRepresentation),
        ])
    }

    /// Reads the fields of a public identity object strictly.
    public init(json: JSONValue, path: String = "") throws(FieldReader.Failure) {
        var r = try FieldReader(json, path: path)
        let id = try r.string("id", maxBytes: 64)
        guard Identifier.isValid(id) else { throw FieldReader.Failure(path: "id", reason: "not a valid identifier") }
        let name = try r.string("name", maxBytes: 200)
        guard Identifier.isValidName(name) else {
            throw FieldReader.Failure(path: "name", reason: "not a valid display name")
        }
        let roleText = try r.string("role", maxBytes: 16)
        guard let role = Role(rawValue: roleText) else {
            throw FieldReader.Failure(path: "role", reason: "unknown role")
        }
        let created = try r.string("created", maxBytes: 32)
        guard Timestamp.isValid(created) else {
            throw FieldReader.Failure(path: "created", reason: "not an RFC 3339 UTC time")
        }
        let isDemo = try r.bool("demo")
        let sk = try r.hex("signingKey", length: Ed25519.publicKeyLength)
        let ek = try r.hex("encryptionKey", length: X25519.keyLength)
        try r.finish()
        guard let signingKey = try? Ed25519.PublicKey(rawRepresentation: sk),
            let encryptionKey = try? X25519.PublicKey(rawRepresentation: ek)
        else { throw FieldReader.Failure(path: "", reason: "invalid key") }
        self.init(
            id: id, name: name, role: role, signingKey: signingKey, encryptionKey: encryptionKey,
            created: created, isDemo: isDemo)
    }

    /// The signed `.pub` file.
    func encoded(signedWith key: Ed25519.PrivateKey) throws -> [UInt8] {
        try SignedDocument.encode(kind: .publicIdentity, header: json, signer: key)
    }

    /// Parses a `.pub` file and verifies its self-signature.
    ///
    /// - Throws: ``FormatError`` for any format problem, and `identity.bad-signature` when the
    ///   self-signature does not verify.
    public init(parsing bytes: [UInt8], file: String) throws {
        let doc = try SignedDocument(
            parsing: bytes, expecting: .publicIdentity, file: file, maxHeaderLength: PublicIdentity.maxFileSize)
        do {
            self = try PublicIdentity(json: doc.container.header)
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
        guard doc.isSigned(by: signingKey) else {
            throw FormatError(.identityBadSignature, [.file(file)], hint: ErrorHint(.askForNewCopy))
        }
    }

    /// Reads and verifies a `.pub` file from disk.
    public static func load(_ path: String) throws -> PublicIdentity {
        let bytes = try FileIO.read(path, maxBytes: maxFileSize)
        if bytes.count > 8, bytes[8] == ArtifactKind.secretKey.rawValue, Array(bytes.prefix(8)) == Container.magic {
            throw FormatError(.identityGotSecretKey, [.file(path)], hint: ErrorHint(.usePub))
        }
        return try PublicIdentity(parsing: bytes, file: path)
    }
}

/// RFC 3339 timestamps in UTC with second precision, e.g. `2026-11-25T01:34:50Z`.
public enum Timestamp {
    /// The current time.
    public static func now() -> String { format(Date()) }

    /// Formats a date.
    public static func format(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return f.string(from: date)
    }

    /// True for `YYYY-MM-DDTHH:MM:SSZ` with plausible field values.
    public static func isValid(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 20 else { return false }
        let digitsAt = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        guard digitsAt.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[$0]) }) else { return false }
        guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
            b[13] == UInt8(ascii: ":"),
            b[16] == UInt8(ascii: ":"), b[19] == UInt8(ascii: "Z")
        else { return false }
        func num(_ r: Range<Int>) -> Int { Int(String(decoding: b[r], as: UTF8.self))! }
        return (1...12).contains(num(5..<7)) && (1...31).contains(num(8..<10)) && num(11..<13) < 24
            && num(14..<16) < 60 && num(17..<19) < 61
    }
}
