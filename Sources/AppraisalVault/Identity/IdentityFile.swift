/// An identity file of either kind, told apart by its artifact kind byte (spec §1.2): a public
/// identity (`.pub`, spec §2.2) or a still-locked secret key file (`.key`, spec §2.1).
public enum IdentityFile: Sendable {
    /// A public identity file.
    case publicIdentity(PublicIdentity)
    /// A secret key file (parsed, not unlocked; its header holds the public half).
    case secretKey(KeyFile)

    /// Reads and checks an identity file of either kind. A secret key file's permissions are not
    /// checked: only its public half is used.
    ///
    /// - Throws: ``FormatError`` `file.*`, any format error, `identity.bad-signature`.
    public static func read(_ path: String) throws -> IdentityFile {
        let bytes = try FileIO.read(path, maxBytes: max(PublicIdentity.maxFileSize, KeyFile.maxFileSize))
        if kind(of: bytes) == .secretKey { return .secretKey(try KeyFile(parsing: bytes, file: path)) }
        return .publicIdentity(try PublicIdentity(parsing: bytes, file: path))
    }

    /// The artifact kind a file announces (the byte after the 8-byte magic and version), without
    /// checking anything else; nil when the file is too short.
    static func kind(of bytes: [UInt8]) -> ArtifactKind? {
        bytes.count > 8 ? ArtifactKind(rawValue: bytes[8]) : nil
    }

    /// The public half.
    public var identity: PublicIdentity {
        switch self {
        case .publicIdentity(let identity): identity
        case .secretKey(let file): file.identity
        }
    }

    /// True for a secret key file.
    public var isSecretKey: Bool {
        if case .secretKey = self { return true }
        return false
    }
}
