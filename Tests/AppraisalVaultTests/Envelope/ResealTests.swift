import Foundation
import Glibc
import Testing
import VaultCrypto

@testable import AppraisalVault

/// The streaming re-seal of evidence (spec §12.5): the content decrypted chunk by chunk straight
/// into a new envelope for another reader; the new file appears only when the source verified.
@Suite("Sealed envelope, re-seal (spec §12.5)")
struct ResealTests {
    static let chunk = SealedEnvelope.chunkSize
    static let blockPlain = SealedEnvelope.blockChunks * chunk

    /// Round trip at sizes around the chunk and the 1 MiB block: the member's copy opens with the
    /// member's key only, to the same bytes; the source's hash is returned; no plaintext on disk.
    @Test(arguments: [0, 1, chunk, chunk + 1, blockPlain, blockPlain + chunk + 3])
    func reseal(size: Int) throws {
        let dir = try StreamingEnvelopeTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bytes = StreamingEnvelopeTests.content(size)
        let (path, sealed, secretary, _) = try StreamingEnvelopeTests.seal(bytes, in: dir)
        try FileIO.remove(FileIO.join(dir, "plain.bin"))
        let member = Fixture.identity(seed: "reseal member", id: "tv-reseal")
        let output = FileIO.join(dir, "copy.ave")
        let source = try SealedEnvelope.OnDisk(path: path, expecting: .evidence)
        let result = try source.reseal(
            with: secretary.encryptionKey, to: output, context: { ["size": .int($0)] }, sender: secretary,
            recipient: member.identity.encryptionKey)
        #expect(result.sourceHash == sealed.fileHash)
        #expect(result.sealed.size == size)
        #expect(try FileIO.listVisible(dir).sorted() == [FileIO.split(path).base, "copy.ave"].sorted())
        let copy = try SealedEnvelope.OnDisk(path: output, expecting: .evidence)
        #expect(try copy.verifyOuter() == result.sealed.fileHash)
        #expect(throws: EnvelopeError.self) {
            try copy.open(with: secretary.encryptionKey, to: FileIO.join(dir, "no.bin"))
        }
        let opened = FileIO.join(dir, "opened.bin")
        _ = try copy.open(with: member.encryptionKey, to: opened)
        #expect(try FileIO.read(opened, maxBytes: 1 << 24) == bytes)
    }

    /// A source altered in its payload, or opened with a key it was not sealed to, is refused
    /// and leaves no copy.
    @Test func alteredSourceLeavesNothing() throws {
        let dir = try StreamingEnvelopeTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (path, _, secretary, _) = try StreamingEnvelopeTests.seal(
            StreamingEnvelopeTests.content(3 * Self.chunk + 5), in: dir)
        let member = Fixture.identity(seed: "reseal member", id: "tv-reseal")
        let output = FileIO.join(dir, "copy.ave")
        func attempt(_ key: X25519.PrivateKey) throws {
            let source = try SealedEnvelope.OnDisk(path: path, expecting: .evidence)
            _ = try source.reseal(
                with: key, to: output, context: { ["size": .int($0)] }, sender: secretary,
                recipient: member.identity.encryptionKey)
        }
        #expect(throws: EnvelopeError.self) { try attempt(member.encryptionKey) }
        #expect(!FileIO.exists(output))
        var bytes = try FileIO.read(path, maxBytes: 1 << 24)
        bytes[bytes.count - 200] ^= 1
        try FileIO.writeAtomically(bytes, to: path, replacing: true)
        #expect(throws: EnvelopeError.self) { try attempt(secretary.encryptionKey) }
        #expect(!FileIO.exists(output))
        #expect(try FileIO.listVisible(dir).filter { $0.hasPrefix("copy") }.isEmpty)
    }

    /// The unit, who knows the file key, writes another valid ciphertext over its evidence file
    /// after the outer check: the re-seal is refused before the new envelope is finished or
    /// signed, and nothing appears in the output's folder.
    @Test func aSourceRewrittenAfterTheCheckIsNotResealed() throws {
        let size = 2 * Self.blockPlain + 5
        let (signed, other, secretary) = try SwappedFileTests.pair(size: size)
        let dir = try StreamingEnvelopeTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = FileIO.join(dir, "e.ave")
        try FileIO.writeAtomically(signed, to: path)
        let out = try StreamingEnvelopeTests.folder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let member = Fixture.identity(seed: "reseal member", id: "tv-reseal")
        var rewritten = false
        let error = #expect(throws: EnvelopeError.self) {
            _ = try SealedEnvelope.OnDisk(path: path, expecting: .evidence).reseal(
                with: secretary.encryptionKey,
                authorize: { _ in
                    let fd = open(path, O_WRONLY | O_CLOEXEC)
                    guard fd >= 0 else { return }
                    rewritten = other.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) } == other.count
                    close(fd)
                }, to: FileIO.join(out, "copy.ave"), context: { ["size": .int($0)] }, sender: secretary,
                recipient: member.identity.encryptionKey)
        }
        #expect(rewritten, "the test rewrote the file")
        #expect(error?.code == .changedWhileReading)
        let left = try FileIO.list(out)
        #expect(left.isEmpty, "the re-seal left \(left)")
    }
}
