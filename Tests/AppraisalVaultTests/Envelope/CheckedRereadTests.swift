import Foundation
import Glibc
import Testing
import VaultCrypto

@testable import AppraisalVault

/// Evidence from a file is read twice, to check and to decrypt, and the second reading must be
/// the bytes the first hashed (spec §5.5 steps 3 and 6): ``CheckedReread``.
@Suite("Sealed envelope, the checked second reading of an evidence file (spec §5.5)")
struct CheckedRereadTests {
    /// The paths this process holds open that lie in `folder`: only this test's folder, so tests
    /// running alongside do not count.
    static func descriptors(in folder: String) -> [String] {
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return entries.compactMap { entry in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(entry)")
            else { return nil }
            return target.hasPrefix(real + "/") || target.hasPrefix(folder + "/") ? target : nil
        }
    }

    /// An open that succeeds leaves only the output; each way of failing leaves nothing in the
    /// output's folder and nothing open there: a bad outer signature, the caller's binding
    /// refusing, the wrong key, a chunk that fails under a re-signed outer layer.
    @Test func nothingIsLeftOnSuccessOrOnAnyFailure() throws {
        let dir = try StreamingEnvelopeTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let content = StreamingEnvelopeTests.content(3 * SealedEnvelope.chunkSize + 5)
        let (path, _, recipient, sender) = try StreamingEnvelopeTests.seal(content, in: dir)
        try FileIO.remove(FileIO.join(dir, "plain.bin"))
        let out = try StreamingEnvelopeTests.folder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let good = try SealedEnvelope.OnDisk(path: path, expecting: .evidence)
        _ = try good.open(with: recipient.encryptionKey, to: FileIO.join(out, "plain.bin"))
        #expect(try FileIO.read(FileIO.join(out, "plain.bin"), maxBytes: 1 << 24) == content)
        #expect(try FileIO.list(out) == ["plain.bin"])
        #expect(Self.descriptors(in: out).isEmpty)
        try FileIO.remove(FileIO.join(out, "plain.bin"))

        let bytes = try FileIO.read(path, maxBytes: 1 << 24)
        let start = good.payload.lowerBound
        let payload = Array(bytes[start..<(bytes.count - 64)])
        var flipped = bytes
        flipped[start + 10] ^= 1
        var resignedPayload = payload
        resignedPayload[20] ^= 1
        let resigned = try StreamingEnvelopeTests.resign(
            preamble: Array(bytes[..<start]), headerHash: good.headerHash, payload: resignedPayload, sender: sender)
        let stranger = Fixture.identity(seed: "reread stranger", id: "tv-stranger")
        struct Refused: Error {}
        let cases: [(name: String, bytes: [UInt8], key: X25519.PrivateKey, authorize: Bool, code: String)] = [
            ("bad-signature", flipped, recipient.encryptionKey, true, "envelope.bad-signature"),
            ("refused-binding", bytes, recipient.encryptionKey, false, "refused"),
            ("not-for-you", bytes, stranger.encryptionKey, true, "envelope.not-for-you"),
            ("corrupt-chunk", resigned, recipient.encryptionKey, true, "envelope.corrupt"),
        ]
        for c in cases {
            let file = FileIO.join(dir, "\(c.name).ave")
            try FileIO.writeAtomically(c.bytes, to: file)
            let target = FileIO.join(out, "\(c.name).bin")
            let error = #expect(throws: (any Error).self, "\(c.name)") {
                _ = try SealedEnvelope.OnDisk(path: file, expecting: .evidence).open(
                    with: c.key, to: target, authorize: { _ in if !c.authorize { throw Refused() } })
            }
            let code = (error as? any AppraisalError)?.code.rawValue ?? (error is Refused ? "refused" : "other")
            #expect(code == c.code, "\(c.name)")
            let left = try FileIO.list(out)
            #expect(left.isEmpty, "\(c.name): left \(left)")
            #expect(Self.descriptors(in: out).isEmpty, "\(c.name): a file is still open")
        }
    }

    /// A second reading of a file: `record` what a first pass read, then read again. Returns the
    /// verdict's error, or nil when the second reading passed.
    private static func reread(
        _ bytes: [UInt8], change: (String) throws -> Void, read: (CheckedReread<FileIO.StreamReader>) throws -> Void
    ) throws -> EnvelopeError? {
        let dir = try StreamingEnvelopeTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = FileIO.join(dir, "e.ave")
        try FileIO.writeAtomically(bytes, to: path)
        let source = try FileIO.StreamReader(path: path)
        let reread = try CheckedReread(source, from: 7, file: path)
        let first = try source.bytes(at: 7, upTo: bytes.count - 7)
        try reread.record(contentsOf: Array(first[..<1000]))
        try reread.record(contentsOf: Array(first[1000...]))
        #expect(reread.size == bytes.count && reread.isPrivate)
        try change(path)
        try read(reread)
        do { try reread.checkReadBack() } catch let error as EnvelopeError {
            #expect(error.context.values == [.file(path)])
            return error
        }
        return nil
    }

    /// Reads the recorded bytes again, in order, in two pieces, and checks they are the file's.
    private static func inOrder(_ bytes: [UInt8]) -> (CheckedReread<FileIO.StreamReader>) throws -> Void {
        { reread in
            let first = try reread.bytes(at: 7, upTo: 3000)
            let second = try reread.bytes(at: 3007, upTo: bytes.count)
            #expect(first.count == 3000 && second.count == bytes.count - 3007, "reads stop at the recorded end")
        }
    }

    /// The second reading exactly as recorded passes; asked again the verdict is the same, and a
    /// read or a record after it is refused.
    @Test func aSecondReadingOfTheSameBytesPassesOnce() throws {
        let bytes = (0..<5000).map { UInt8($0 % 251) }
        #expect(try Self.reread(bytes, change: { _ in }, read: Self.inOrder(bytes)) == nil)
        let again = try Self.reread(bytes, change: { _ in }) { reread in
            try Self.inOrder(bytes)(reread)
            try reread.checkReadBack()
            try reread.checkReadBack()
            #expect(throws: EnvelopeError.self) { try reread.record(contentsOf: [1]) }
            #expect(throws: EnvelopeError.self) { _ = try reread.bytes(at: 7, upTo: 10) }
        }
        #expect(again?.code == .changedWhileReading)
    }

    /// One byte of the file changed between the two readings, the file cut short, a read out of
    /// order, or a second reading that stops before the end: `envelope.changed-while-reading`.
    @Test func aFileChangedBetweenTheReadingsIsRefused() throws {
        let bytes = (0..<5000).map { UInt8($0 % 251) }
        let changed = try Self.reread(
            bytes,
            change: { path in
                let fd = open(path, O_WRONLY | O_CLOEXEC)
                try #require(fd >= 0)
                var b: UInt8 = 0xff
                #expect(pwrite(fd, &b, 1, 4321) == 1)
                close(fd)
            }, read: Self.inOrder(bytes))
        #expect(changed?.code == .changedWhileReading)
        let cut = #expect(throws: EnvelopeError.self) {
            _ = try Self.reread(bytes, change: { #expect(truncate($0, 4000) == 0) }, read: Self.inOrder(bytes))
        }
        #expect(cut?.code == .changedWhileReading)
        let outOfOrder = try Self.reread(bytes, change: { _ in }) { reread in
            _ = try reread.bytes(at: 3007, upTo: 1993)
            _ = try reread.bytes(at: 7, upTo: 5000)
        }
        #expect(outOfOrder?.code == .changedWhileReading)
        let notToTheEnd = try Self.reread(bytes, change: { _ in }) { reread in
            _ = try reread.bytes(at: 7, upTo: 4992)
        }
        #expect(notToTheEnd?.code == .changedWhileReading)
    }

    /// The attack the check stops: the sender, who knows the file key, writes another valid
    /// ciphertext under the same key over the file after the outer check (a shared or network
    /// folder): every chunk authenticates, yet the open is refused and nothing released, where
    /// without the check the other content would come out under the signed file's name.
    @Test func anotherCiphertextWrittenOverTheFileIsNotReleased() throws {
        let (signed, other, recipient) = try SwappedFileTests.pair()
        let dir = try StreamingEnvelopeTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = FileIO.join(dir, "e.ave")
        try FileIO.writeAtomically(signed, to: path)
        let out = FileIO.join(dir, "plain.bin")
        var replaced = false
        let error = #expect(throws: EnvelopeError.self) {
            _ = try SealedEnvelope.OnDisk(path: path, expecting: .evidence).open(
                with: recipient.encryptionKey, to: out,
                authorize: { _ in
                    // After the outer check, before decryption: overwrite the file in place.
                    let fd = open(path, O_WRONLY | O_CLOEXEC)
                    guard fd >= 0 else { return }
                    replaced = other.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) } == other.count
                    close(fd)
                })
        }
        #expect(replaced, "the test rewrote the file")
        #expect(error?.code == .changedWhileReading)
        #expect(try FileIO.list(dir) == ["e.ave"], "the plaintext was released")
        // Control: the rewritten file opens on its own, to the other content.
        _ = try SealedEnvelope.OnDisk(path: path, expecting: .evidence).open(with: recipient.encryptionKey, to: out)
        #expect(try FileIO.read(out, maxBytes: 1 << 24) == [UInt8](repeating: 2, count: SwappedFileTests.size))
    }
}
