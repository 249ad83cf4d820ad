import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// Key-file tests use `interactive` Argon2id limits only (about 0.1 s per unlock).
@Suite("Key file")
struct KeyFileTests {
    static let secret = Fixture.identity(seed: "tests/key-file", id: "tv-key", name: "Trần Văn Bình")
    static let words = "cụm mật khẩu thử nghiệm"
    static let bytes: [UInt8] = try! secret.keyFile(
        passphrase: passphrase(words), limits: .interactive, using: DeterministicRandom(seed: "tests/key-file/wrap"))

    /// Unlocking with the right passphrase gives back both key pairs, matching the public identity.
    @Test func unlockWithRightPassphrase() throws {
        let file = try KeyFile(parsing: Self.bytes, file: "tv.key")
        #expect(file.identity == Self.secret.identity)
        #expect(file.limits == .interactive)
        let unlocked = try file.unlock(passphrase: passphrase(Self.words))
        #expect(unlocked.identity == Self.secret.identity)
        #expect(unlocked.signingKey.publicKey == Self.secret.signingKey.publicKey)
        #expect(unlocked.encryptionKey.publicKey == Self.secret.encryptionKey.publicKey)
        #expect(try unlocked.signingKey.seed() == Self.secret.signingKey.seed())
        #expect(unlocked.encryptionKey.secret == Self.secret.encryptionKey.secret)
    }

    /// A wrong passphrase (including the NFD spelling of the same words) is key.wrong-passphrase.
    @Test func wrongPassphrase() throws {
        let file = try KeyFile(parsing: Self.bytes, file: "tv.key")
        #expect(throws: FormatError(.keyWrongPassphrase)) {
            try file.unlock(passphrase: passphrase("cụm mật khẩu thử nghiệm!"))
        }
        let nfd = Self.words.decomposedStringWithCanonicalMapping
        #expect(Array(nfd.utf8) != Array(Self.words.utf8))
        #expect(throws: FormatError(.keyWrongPassphrase)) { try file.unlock(passphrase: passphrase(nfd)) }
    }

    /// The layout: header fields as specified, and a body of exactly 32 + 32 + 16 bytes.
    @Test func layout() throws {
        let container = try Container(parsing: Self.bytes, expecting: .secretKey, file: "k")
        #expect(container.body.count == 80)
        guard case .object(let fields) = container.header, case .object(let kdf)? = fields["kdf"] else {
            Issue.record("header shape")
            return
        }
        #expect(
            fields.keys.sorted() == [
                "created", "demo", "encryptionKey", "id", "kdf", "name", "nonce", "role", "signingKey",
            ])
        #expect(kdf.keys.sorted() == ["algorithm", "memoryBytes", "operations", "salt"])
        #expect(kdf["algorithm"] == .text("argon2id13"))
        #expect(kdf["operations"] == .integer(2) && kdf["memoryBytes"] == .integer(67_108_864))
    }

    /// Every single-byte flip is rejected with a library error (format error, or wrong passphrase once the AEAD sees it).
    ///
    /// Striped over 8 test cases so they run in parallel; about 280 of the ~520 flips need an Argon2id run.
    @Test(arguments: 0..<8)
    func everyByteFlipRejected(_ stripe: Int) throws {
        let words = passphrase(Self.words)
        for i in stride(from: stripe, to: Self.bytes.count, by: 8) {
            let error = vaultError { () throws in
                try KeyFile(parsing: flipped(Self.bytes, at: i), file: "k").unlock(passphrase: words)
            }
            #expect(error != nil, "flip at \(i) was accepted")
            #expect(error?.code != "crypto.failure", "flip at \(i): \(error.map(String.init(describing:)) ?? "")")
        }
    }

    /// Truncation at every length is rejected without asking for the passphrase (parse fails).
    @Test func truncationAtEveryLength() {
        for length in 0..<Self.bytes.count {
            let error = vaultError { () throws in try KeyFile(parsing: Array(Self.bytes.prefix(length)), file: "k") }
            #expect(error != nil, "truncated to \(length) was accepted")
        }
        #expect(throws: FormatError(.truncated)) { try KeyFile(parsing: Array(Self.bytes.dropLast()), file: "k") }
        #expect(throws: FormatError(.empty)) { try KeyFile(parsing: [], file: "k") }
    }

    /// One byte appended after the ciphertext is format.trailing.
    @Test func trailingByte() {
        #expect(throws: FormatError(.trailing)) { try KeyFile(parsing: Self.bytes + [0], file: "k") }
    }

    /// A header asking for Argon2id limits outside interactive...sensitive is key.kdf-limits, reported by the
    /// parser, which has no passphrase and so cannot have run the KDF.
    @Test(
        arguments: [
            (Int64(5), Int64(67_108_864)), (2, (Int64(1) << 30) + 1), (Int64(UInt32.max), Int64(1) << 40),
            (1, 67_108_864), (2, 1 << 20),
        ] as [(Int64, Int64)])
    func kdfLimitsOutsideRange(_ operations: Int64, _ memoryBytes: Int64) {
        let bytes = Self.handMadeKeyFile(operations: operations, memoryBytes: memoryBytes)
        #expect(throws: FormatError(.keyKDFLimits)) { try KeyFile(parsing: bytes, file: "k") }
    }

    /// A key file built by hand from the spec: identity fields, kdf, nonce, and an 80-byte body.
    static func handMadeKeyFile(operations: Int64, memoryBytes: Int64) -> [UInt8] {
        guard case .object(var header) = secret.identity.json else { preconditionFailure("identity json") }
        header["kdf"] = .object([
            "algorithm": .text("argon2id13"), "memoryBytes": .integer(memoryBytes), "operations": .integer(operations),
            "salt": .hex([UInt8](repeating: 1, count: 16)),
        ])
        header["nonce"] = .hex([UInt8](repeating: 2, count: 24))
        return Container.encode(kind: .secretKey, header: .object(header), body: [UInt8](repeating: 0, count: 80))
    }

    /// The hand-made file with accepted limits parses, and fails only at the AEAD (all-zero ciphertext).
    @Test func handMadeKeyFileParses() throws {
        let file = try KeyFile(parsing: Self.handMadeKeyFile(operations: 2, memoryBytes: 67_108_864), file: "k")
        #expect(throws: FormatError(.keyWrongPassphrase)) { try file.unlock(passphrase: passphrase("x")) }
    }

    /// Other kdf fields are strict: unknown algorithm, unknown field, bad salt length.
    @Test func kdfFieldsStrict() throws {
        let good = try Container(parsing: Self.bytes, expecting: .secretKey, file: "k")
        guard case .object(var header) = good.header, case .object(let kdf)? = header["kdf"] else { return }
        for (field, value) in [("algorithm", JSONValue.text("argon2i13")), ("extra", .int(1)), ("salt", .hex([1, 2]))] {
            var k = kdf
            k[field] = value
            header["kdf"] = .object(k)
            let bytes = Container.encode(kind: .secretKey, header: .object(header), body: Array(good.body))
            #expect(throws: FormatError(.header), "\(field)") { try KeyFile(parsing: bytes, file: "k") }
        }
    }

    /// A public identity file given where a key file is needed is key.got-public-file.
    @Test func publicFileGivenAsKey() throws {
        #expect(throws: FormatError(.keyGotPublicFile)) {
            try KeyFile(parsing: Self.secret.publicFile(), file: "tv.pub")
        }
    }

    /// Keys that decrypt but do not match the header's public keys are key.inconsistent.
    @Test func inconsistentKeys() throws {
        // Wrap another identity's secrets under this identity's header: the AEAD verifies, the keys do not match.
        let other = Fixture.identity(seed: "tests/key-file/other")
        let mine = try KeyFile(parsing: Self.bytes, file: "k")
        let salt = [UInt8](repeating: 3, count: 16)
        let nonce = [UInt8](repeating: 4, count: 24)
        guard case .object(var header) = Self.secret.identity.json else { return }
        header["kdf"] = .object([
            "algorithm": .text("argon2id13"), "memoryBytes": .integer(67_108_864), "operations": .integer(2),
            "salt": .hex(salt),
        ])
        header["nonce"] = .hex(nonce)
        let preamble = Container.preamble(kind: .secretKey, header: .object(header))
        let wrapKey = try Argon2id.deriveKey(length: 32, passphrase: passphrase("p"), salt: salt, limits: .interactive)
        let secrets = try SecretBytes.concatenating([other.signingKey.seed(), other.encryptionKey.secret])
        let body = try XChaCha20Poly1305.seal(secrets, key: wrapKey, nonce: nonce, additionalData: preamble)
        let file = try KeyFile(parsing: preamble + body, file: "k")
        #expect(file.identity == mine.identity)
        #expect(throws: FormatError(.keyInconsistent)) { try file.unlock(passphrase: passphrase("p")) }
    }

    /// load() refuses a key file that group or others can read, with a chmod 600 hint.
    @Test func loadRefusesOpenPermissions() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("avault-keyfile-\(UUID().uuidString)")
            .path
        try FileIO.makeDirectory(dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/tv.key"
        try FileIO.writeAtomically(Self.bytes, to: path, mode: 0o644)
        let error = vaultError { () throws in try KeyFile.load(path) }
        #expect(error?.errorID == FormatError.Code.keyTooOpen.rawValue)
        #expect(error?.hintID == ErrorHint.Code.chmod.rawValue)
        #expect((error as? FormatError)?.hint?.context.arguments == [path])
        chmod(path, 0o600)
        #expect(try KeyFile.load(path).identity == Self.secret.identity)
    }

    /// The mode load() checks is the opened file's (`fstat`), not whatever the path names when it
    /// looks (spec §2.1, reading step 2). A path check and an open always resolve the same path to the
    /// same file unless the path changes in between, which a test can only race, so this goes through
    /// the seam load() is built on: `load(descriptor:path:)`, given a descriptor on one file while the
    /// path names another with the opposite mode. A `stat(path)` in its place fails both halves.
    @Test func keyFileModeFromOpenedFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("avault-keymode-\(UUID().uuidString)")
            .path
        try FileIO.makeDirectory(dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/tv.key"
        let other = dir + "/other.key"
        for (openedMode, pathMode) in [(0o644, 0o600), (0o600, 0o644)] as [(UInt32, UInt32)] {
            // Open the file at `path`, then rename another copy with the other mode over `path`.
            try FileIO.writeAtomically(Self.bytes, to: path, mode: openedMode, replacing: true)
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            try #require(fd >= 0)
            defer { close(fd) }
            try FileIO.writeAtomically(Self.bytes, to: other, mode: pathMode, replacing: true)
            try #require(rename(other, path) == 0)
            #expect(FileIO.permissions(path) == pathMode)
            let result = Result { try KeyFile.load(descriptor: fd, path: path) }
            if openedMode == 0o600 {
                #expect(try result.get().identity == Self.secret.identity, "opened 0600, path 0644")
            } else {
                #expect(throws: FormatError(.keyTooOpen), "opened 0644, path 0600") { try result.get() }
            }
        }
    }
}
