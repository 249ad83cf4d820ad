import Testing
import VaultCrypto

/// Argon2id runs are the slowest primitive; the suite is serialized so parallel runs do not
/// compete for memory on small CI machines. Only `interactive` limits are used.
@Suite("Argon2id", .serialized)
struct Argon2idTests {
    static let salt = [UInt8](repeating: 0x5a, count: 16)

    static func derive(_ passphrase: String, salt: [UInt8] = salt, limits: Argon2id.Limits = .interactive) throws
        -> [UInt8]
    {
        exposed(
            try Argon2id.deriveKey(
                length: 32, passphrase: SecretBytes(copying: Array(passphrase.utf8)), salt: salt, limits: limits))
    }

    /// The same passphrase, salt and limits derive the same key; salt and passphrase both matter.
    @Test func deterministicAndSensitiveToInputs() throws {
        let a = try Self.derive("mật khẩu")
        #expect(try Self.derive("mật khẩu") == a)
        #expect(try Self.derive("mật khẩu", salt: [UInt8](repeating: 0x5b, count: 16)) != a)
        #expect(try Self.derive("mat khau") != a)
    }

    /// Known answer from an independent Argon2id v1.3 (Python `cryptography`, lanes 1, 64 MiB, t = 2).
    @Test func knownAnswer() throws {
        #expect(hex(try Self.derive("mật khẩu")) == "1d8d6938c35e9d2f1d5ef98cf95cff6c180fce8deff58bb8549d145cf23101be")
    }

    /// The named levels are libsodium's constants and all lie inside the accepted range.
    @Test func namedLevels() {
        let i = Argon2id.Limits.interactive
        let m = Argon2id.Limits.moderate
        let s = Argon2id.Limits.sensitive
        #expect(i.operations == 2 && i.memoryBytes == 64 << 20)
        #expect(m.operations == 3 && m.memoryBytes == 256 << 20)
        #expect(s.operations == 4 && s.memoryBytes == 1 << 30)
        #expect(i.isWithinAcceptedRange && m.isWithinAcceptedRange && s.isWithinAcceptedRange)
    }

    /// Limits above `sensitive` or below `interactive` (in either dimension) are rejected before any work.
    @Test(arguments: [
        Argon2id.Limits(operations: 5, memoryBytes: 64 << 20),
        Argon2id.Limits(operations: 2, memoryBytes: (1 << 30) + 1),
        Argon2id.Limits(operations: 1, memoryBytes: 64 << 20),
        Argon2id.Limits(operations: 2, memoryBytes: (64 << 20) - 1),
        Argon2id.Limits(operations: UInt64.max, memoryBytes: UInt64.max),
    ])
    func limitsOutsideRangeRejected(_ limits: Argon2id.Limits) {
        #expect(!limits.isWithinAcceptedRange)
        #expect(throws: SodiumError(.invalidParameter, "crypto_pwhash")) { try Self.derive("x", limits: limits) }
    }

    /// A salt that is not 16 bytes, or an output length outside 16...64, is invalidParameter.
    @Test func badSaltOrLength() throws {
        let passphrase = try SecretBytes(copying: Array("x".utf8))
        #expect(throws: SodiumError(.invalidParameter, "crypto_pwhash")) { try Self.derive("x", salt: [1, 2, 3]) }
        #expect(throws: SodiumError(.invalidParameter, "crypto_pwhash")) {
            try Argon2id.deriveKey(length: 15, passphrase: passphrase, salt: Self.salt, limits: .interactive)
        }
        #expect(throws: SodiumError(.invalidParameter, "crypto_pwhash")) {
            try Argon2id.deriveKey(length: 65, passphrase: passphrase, salt: Self.salt, limits: .interactive)
        }
    }
}
