/// Making an identity (spec §2): a new key pair written as `ID.key` (mode 600, the secret half
/// under a passphrase) and `ID.pub` (mode 644, the self-signed public half).
public struct NewIdentity: Sendable {
    /// The public half.
    public let identity: PublicIdentity
    /// Where the secret key file was written.
    public let keyPath: String
    /// Where the public identity file was written.
    public let publicPath: String

    /// Generates an identity and writes both files into `directory`, all or nothing.
    ///
    /// Nothing is ever overwritten, and both outputs are checked before the passphrase is asked.
    ///
    /// - Parameters:
    ///   - id: the identifier (see ``Identifier``).
    ///   - name: the person's name (stored in NFC).
    ///   - role: what the identity does in a round.
    ///   - isDemo: marks a demo identity, which real rounds refuse.
    ///   - directory: the folder to write both files to.
    ///   - strength: the Argon2id level protecting the key file.
    ///   - passphrase: asked once every check has passed, with the key file's path.
    /// - Returns: the new public identity and the paths of the key file and the public file written.
    /// - Throws: ``FormatError`` `identity.bad-id`, `identity.bad-name`, `file.exists`, or what
    ///   `passphrase` or the file system throws.
    public static func create(
        id: String, name: String, role: Role, isDemo: Bool, in directory: String, strength: KeyStrength,
        passphrase: (_ keyPath: String) throws -> Passphrase
    ) throws -> NewIdentity {
        guard Identifier.isValid(id) else { throw FormatError(.identityBadID, [.text(id)]) }
        let keyPath = FileIO.join(directory, "\(id).key")
        let publicPath = FileIO.join(directory, "\(id).pub")
        for path in [keyPath, publicPath] { try FileIO.refuseExisting(path) }
        let secret = try SecretIdentity.generate(id: id, name: name, role: role, isDemo: isDemo)
        let keyFile = try secret.keyFile(passphrase: passphrase(keyPath), strength: strength)
        let publicFile = try secret.publicFile()
        try FileIO.writeAtomically(keyFile, to: keyPath, mode: 0o600)
        do {
            try FileIO.writeAtomically(publicFile, to: publicPath, mode: 0o644)
        } catch {
            try? FileIO.remove(keyPath)
            throw error
        }
        return NewIdentity(identity: secret.identity, keyPath: keyPath, publicPath: publicPath)
    }
}
