internal import VaultCrypto

/// A passphrase-protected secret key file (`.key`, spec §2.1), parsed but still locked.
///
/// Header fields: `created`, `demo`, `encryptionKey`, `id`, `name`, `role`, `signingKey` (as in
/// the public identity), `kdf` = {`algorithm`: `"argon2id13"`, `memoryBytes`, `operations`,
/// `salt` (16 bytes hex)}, `nonce` (24 bytes hex). The body is exactly 80 bytes:
/// `XChaCha20-Poly1305(key = Argon2id(passphrase, salt, limits), nonce, ad = preamble,
/// plaintext = Ed25519 seed (32) || X25519 secret (32))`.
///
/// Parsing checks everything that can be checked without the passphrase, including the KDF
/// limits (capped before any work), so a bad file is reported before anyone is asked to type.
public struct KeyFile: Sendable {
    /// The public half recorded in the header.
    public let identity: PublicIdentity
    /// The Argon2id limits the key was wrapped with.
    let limits: Argon2id.Limits
    let salt: [UInt8]
    let nonce: [UInt8]
    let preamble: [UInt8]
    let ciphertext: [UInt8]
    /// The path, for messages.
    public let file: String

    /// Upper bound on a key file.
    public static let maxFileSize = 16 * 1024
    static let plaintextLength = Ed25519.seedLength + X25519.keyLength

    /// Parses a key file without decrypting it.
    ///
    /// - Throws: ``FormatError`` `key.got-public-file`, format errors, `key.kdf-limits`.
    public init(parsing bytes: [UInt8], file: String) throws {
        if KeyFile.isPublicIdentity(bytes) {
            throw FormatError(.keyGotPublicFile, [.file(file)], hint: ErrorHint(.useKey))
        }
        let container = try Container(
            parsing: bytes, expecting: .secretKey, file: file, maxHeaderLength: KeyFile.maxFileSize)
        var identityFields = [String: JSONValue]()
        let kdf: FieldReader
        let nonce: [UInt8]
        do throws(FieldReader.Failure) {
            guard case .object(var fields) = container.header else {
                throw FieldReader.Failure(path: "", reason: "expected an object")
            }
            var r = try FieldReader(container.header)
            kdf = try r.object("kdf")
            nonce = try r.hex("nonce", length: XChaCha20Poly1305.nonceLength)
            fields["kdf"] = nil
            fields["nonce"] = nil
            identityFields = fields
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
        var k = kdf
        do throws(FieldReader.Failure) {
            self.identity = try PublicIdentity(json: .object(identityFields))
            let algorithm = try k.string("algorithm", maxBytes: 16)
            guard algorithm == "argon2id13" else {
                throw FieldReader.Failure(path: "kdf.algorithm", reason: "unsupported")
            }
            let ops = try k.integer("operations", in: 1...Int64(UInt32.max))
            let mem = try k.integer("memoryBytes", in: 1...Int64(1) << 40)
            self.salt = try k.hex("salt", length: Argon2id.saltLength)
            try k.finish()
            self.limits = Argon2id.Limits(operations: UInt64(ops), memoryBytes: UInt64(mem))
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
        guard limits.isWithinAcceptedRange else {
            throw FormatError(
                .keyKDFLimits, [.file(file), .text(String(limits.operations)), .text(String(limits.memoryBytes >> 20))])
        }
        let expected = KeyFile.plaintextLength + XChaCha20Poly1305.tagLength
        guard container.body.count >= expected else { throw FormatError(.truncated, [.file(file)]) }
        guard container.body.count == expected else {
            throw FormatError(.trailing, [.file(file), .text(String(container.body.count - expected))])
        }
        self.nonce = nonce
        self.preamble = container.preamble
        self.ciphertext = Array(container.body)
        self.file = file
    }

    /// Reads a key file from disk, refusing one that group or others can read.
    ///
    /// A public identity file is named as such before the permission check, so nobody is told to
    /// `chmod 600` a `.pub` file.
    ///
    /// - Throws: ``FormatError`` `key.got-public-file`, `key.too-open` with a `chmod 600` hint, or any
    ///   parse error.
    public static func load(_ path: String) throws -> KeyFile {
        // Mode and bytes come from the same open file: no window to swap the file in between.
        try checked(FileIO.readRegular(path, maxBytes: maxFileSize), path: path)
    }

    /// ``load(_:)`` on a key file already open as `fd`; `path` is for messages.
    static func load(descriptor fd: Int32, path: String) throws -> KeyFile {
        try checked(FileIO.readRegular(descriptor: fd, path: path, maxBytes: maxFileSize), path: path)
    }

    /// The checks of ``load(_:)`` on the bytes and mode of one opened file (spec §2.1, reading step 2).
    private static func checked(_ file: (bytes: [UInt8], mode: UInt32), path: String) throws -> KeyFile {
        let (bytes, mode) = file
        if isPublicIdentity(bytes) { throw FormatError(.keyGotPublicFile, [.file(path)], hint: ErrorHint(.useKey)) }
        if mode & 0o077 != 0 {
            throw FormatError(
                .keyTooOpen, [.file(path), .text(String(mode, radix: 8))], hint: ErrorHint(.chmod, [.file(path)]))
        }
        return try KeyFile(parsing: bytes, file: path)
    }

    /// True when `bytes` start like a public identity file (magic, version, kind 2).
    static func isPublicIdentity(_ bytes: [UInt8]) -> Bool {
        bytes.count > 8 && Array(bytes.prefix(8)) == Container.magic && bytes[8] == ArtifactKind.publicIdentity.rawValue
    }

    /// Decrypts the secret keys with `passphrase`.
    ///
    /// - Throws: ``FormatError`` `key.wrong-passphrase` when the passphrase is wrong or the file was
    ///   altered (the two cannot be told apart, by design), `key.inconsistent` when the decrypted keys
    ///   do not match the public keys in the header.
    public func unlock(with passphrase: Passphrase) throws -> SecretIdentity {
        try unlock(passphrase: passphrase.secret)
    }

    /// Decrypts the secret keys with `passphrase` (raw secret bytes).
    ///
    /// - Throws: ``FormatError`` `key.wrong-passphrase` when the passphrase is wrong or the file was
    ///   altered (the two cannot be told apart, by design), `key.inconsistent` when the decrypted keys
    ///   do not match the public keys in the header.
    func unlock(passphrase: SecretBytes) throws -> SecretIdentity {
        do {
            let wrapKey = try Argon2id.deriveKey(
                length: XChaCha20Poly1305.keyLength, passphrase: passphrase, salt: salt, limits: limits)
            let plain: SecretBytes
            do {
                plain = try XChaCha20Poly1305.open(ciphertext, key: wrapKey, nonce: nonce, additionalData: preamble)
            } catch {
                throw FormatError(.keyWrongPassphrase, [.file(file)], hint: ErrorHint(.passphrase))
            }
            let signing = try Ed25519.PrivateKey(seed: plain.slice(0..<Ed25519.seedLength))
            let encryption = try X25519.PrivateKey(secret: plain.slice(Ed25519.seedLength..<KeyFile.plaintextLength))
            guard signing.publicKey == identity.signingKey, encryption.publicKey == identity.encryptionKey else {
                throw FormatError(.keyInconsistent, [.file(file)])
            }
            return SecretIdentity(identity: identity, signingKey: signing, encryptionKey: encryption)
        } catch let error as any AppraisalError {
            throw error
        } catch {
            throw CryptoError(error)
        }
    }
}

/// An unlocked identity: the public half and both secret keys (in secret memory).
public struct SecretIdentity: Sendable {
    /// The public half.
    public let identity: PublicIdentity
    /// The Ed25519 signing key.
    let signingKey: Ed25519.PrivateKey
    /// The X25519 decryption key.
    let encryptionKey: X25519.PrivateKey

    /// Makes a new identity.
    ///
    /// - Throws: ``FormatError`` `identity.bad-id` or `identity.bad-name` for invalid input.
    static func generate(
        id: String, name: String, role: Role, isDemo: Bool, created: String = Timestamp.now(),
        using random: any RandomSource = SystemRandom()
    ) throws -> SecretIdentity {
        guard Identifier.isValid(id) else { throw FormatError(.identityBadID, [.text(id)]) }
        let name = Text.nfc(name)
        guard Identifier.isValidName(name) else { throw FormatError(.identityBadName) }
        do {
            let signing = try Ed25519.PrivateKey.generate(using: random)
            let encryption = try X25519.PrivateKey.generate(using: random)
            let identity = PublicIdentity(
                id: id, name: name, role: role, signingKey: signing.publicKey, encryptionKey: encryption.publicKey,
                created: created, isDemo: isDemo)
            return SecretIdentity(identity: identity, signingKey: signing, encryptionKey: encryption)
        } catch {
            throw CryptoError(error)
        }
    }

    /// The `.pub` file for this identity.
    func publicFile() throws -> [UInt8] { try identity.encoded(signedWith: signingKey) }

    /// The `.key` file, wrapped under `passphrase` at `strength`.
    func keyFile(passphrase: Passphrase, strength: KeyStrength) throws -> [UInt8] {
        try keyFile(passphrase: passphrase.secret, limits: strength.limits)
    }

    /// The `.key` file, wrapped under `passphrase` with `limits`.
    func keyFile(
        passphrase: SecretBytes, limits: Argon2id.Limits, using random: any RandomSource = SystemRandom()
    ) throws -> [UInt8] {
        guard case .object(var header) = identity.json else { preconditionFailure("internal error: identity json") }
        let salt = random.bytes(Argon2id.saltLength)
        let nonce = random.bytes(XChaCha20Poly1305.nonceLength)
        header["kdf"] = .object([
            "algorithm": .string("argon2id13"),
            "memoryBytes": .integer(Int64(limits.memoryBytes)),
            "operations": .integer(Int64(limits.operations)),
            "salt": .hex(salt),
        ])
        header["nonce"] = .hex(nonce)
        let preamble = Container.preamble(kind: .secretKey, header: .object(header))
        do {
            let wrapKey = try Argon2id.deriveKey(
                length: XChaCha20Poly1305.keyLength, passphrase: passphrase, salt: salt, limits: limits)
            let secrets = try SecretBytes.concatenating([signingKey.seed(), encryptionKey.secret])
            return preamble
                + (try XChaCha20Poly1305.seal(secrets, key: wrapKey, nonce: nonce, additionalData: preamble))
        } catch {
            throw CryptoError(error)
        }
    }
}
