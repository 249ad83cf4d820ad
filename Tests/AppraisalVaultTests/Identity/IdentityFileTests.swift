import Foundation
import Glibc
import Testing
import VaultCrypto

@testable import AppraisalVault

/// A fresh temporary folder.
private func temporaryFolder(_ label: String) throws -> String {
    let directory = NSTemporaryDirectory() + "avault-\(label)-\(UUID().uuidString)"
    try FileIO.makeDirectory(directory)
    return directory
}

@Suite("Identity files: either kind, new identities, passphrases (spec §2)")
struct IdentityFileTests {
    static let secret = Fixture.identity(seed: "tests/identity-file", id: "tv-file", name: "Lê Thị Hoa")

    /// A `.pub` reads as a public identity; a `.key` reads as a locked key file with the same
    /// public half — told apart by the kind byte after the magic, not by the file name.
    @Test func readsEitherKind() throws {
        let directory = try temporaryFolder("identity-file")
        let pub = FileIO.join(directory, "a.key")  // misleading name on purpose
        let key = FileIO.join(directory, "b.pub")
        try FileIO.writeAtomically(try Self.secret.publicFile(), to: pub)
        try FileIO.writeAtomically(
            try Self.secret.keyFile(
                passphrase: passphrase("p"), limits: .interactive, using: DeterministicRandom(seed: "w")),
            to: key, mode: 0o644)
        let publicFile = try IdentityFile.read(pub)
        let keyFile = try IdentityFile.read(key)
        #expect(!publicFile.isSecretKey && keyFile.isSecretKey)
        #expect(publicFile.identity == Self.secret.identity && keyFile.identity == Self.secret.identity)
    }

    /// The peek reads the kind byte only when there is one.
    @Test func kindPeek() throws {
        let bytes = try Self.secret.publicFile()
        #expect(IdentityFile.kind(of: bytes) == .publicIdentity)
        #expect(IdentityFile.kind(of: Array(bytes.prefix(8))) == nil)
        #expect(IdentityFile.kind(of: []) == nil)
    }

    /// A file of neither kind is a format error, not a crash.
    @Test func refusesOtherFiles() throws {
        let directory = try temporaryFolder("identity-other")
        let path = FileIO.join(directory, "x.pub")
        try FileIO.writeAtomically(Array("not an identity".utf8), to: path)
        #expect(throws: (any Error).self) { _ = try IdentityFile.read(path) }
    }

    /// `NewIdentity.create` writes both files (600 and 644) that unlock with the passphrase given,
    /// and asks for it with the key file's path.
    @Test func createsBothFiles() throws {
        let directory = try temporaryFolder("new-identity")
        var asked = [String]()
        let made = try NewIdentity.create(
            id: "tv-new", name: "Phạm Văn Nam", role: .member, isDemo: true, in: directory, strength: .interactive
        ) { (path) throws in
            asked.append(path)
            return Passphrase(secret: passphrase("mật khẩu"))
        }
        #expect(asked == [made.keyPath])
        #expect(
            made.keyPath == FileIO.join(directory, "tv-new.key")
                && made.publicPath == FileIO.join(directory, "tv-new.pub"))
        let unlocked = try KeyFile.load(made.keyPath).unlock(with: Passphrase(secret: passphrase("mật khẩu")))
        #expect(unlocked.identity == made.identity)
        #expect(try PublicIdentity.load(made.publicPath) == made.identity)
    }

    /// Nothing is overwritten, and the passphrase is not asked when an output exists.
    @Test func refusesExistingOutput() throws {
        let directory = try temporaryFolder("new-identity-exists")
        try FileIO.writeAtomically([1], to: FileIO.join(directory, "tv-new.pub"))
        var asked = false
        #expect(throws: FormatError(.fileExists)) {
            _ = try NewIdentity.create(
                id: "tv-new", name: "Nam", role: .member, isDemo: true, in: directory, strength: .interactive
            ) {
                (_) throws in
                asked = true
                return Passphrase(secret: passphrase("x"))
            }
        }
        #expect(!asked)
        #expect(!FileIO.exists(FileIO.join(directory, "tv-new.key")))
    }

    /// The three strengths are libsodium's three Argon2id levels, named as `--kdf` takes them.
    @Test func strengths() {
        #expect(KeyStrength.allCases.map(\.rawValue) == ["interactive", "moderate", "sensitive"])
        #expect(KeyStrength.interactive.limits == .interactive)
        #expect(KeyStrength.moderate.limits == .moderate)
        #expect(KeyStrength.sensitive.limits == .sensitive)
    }

    /// A passphrase read from a descriptor stops at the line end; equal passphrases compare equal.
    @Test func passphraseFromDescriptor() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let text = Array("cụm mật khẩu\nrest".utf8)
        _ = text.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        defer { close(fds[0]) }
        let read = try Passphrase(readingLineFrom: fds[0], source: "pipe")
        #expect(read == Passphrase(secret: passphrase("cụm mật khẩu")))
        #expect(read != Passphrase(secret: passphrase("cụm mật khẩu!")))
    }

    /// An empty line is `passphrase.empty`; a file's trailing CRLF is dropped.
    @Test func passphraseEdges() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        _ = write(fds[1], "\n", 1)
        close(fds[1])
        defer { close(fds[0]) }
        #expect(throws: FormatError(.passphraseEmpty)) { _ = try Passphrase(readingLineFrom: fds[0], source: "pipe") }
        let directory = try temporaryFolder("passphrase")
        let path = FileIO.join(directory, "p.txt")
        try FileIO.writeAtomically(Array("abc\r\n".utf8), to: path, mode: 0o600)
        #expect(try Passphrase(file: path) == Passphrase(secret: passphrase("abc")))
    }

    /// A passphrase file that group or others can access is refused like a key file (spec §1.6),
    /// on the mode of the opened file, with a `chmod 600` hint; 0600 and 0400 are accepted.
    @Test func passphraseFileTooOpen() throws {
        let directory = try temporaryFolder("passphrase-mode")
        let path = FileIO.join(directory, "p.txt")
        for mode: UInt32 in [0o644, 0o640, 0o604, 0o620, 0o660] {
            try FileIO.writeAtomically(Array("abc\n".utf8), to: path, mode: mode, replacing: true)
            let error = #expect(throws: FormatError(.passphraseTooOpen)) { _ = try Passphrase(file: path) }
            #expect(error?.hint?.code == .chmod)
            #expect(error?.context.arguments == [path, String(mode, radix: 8)])
        }
        for mode: UInt32 in [0o600, 0o400] {
            try FileIO.writeAtomically(Array("abc\n".utf8), to: path, mode: mode, replacing: true)
            #expect(try Passphrase(file: path) == Passphrase(secret: passphrase("abc")))
        }
    }
}
