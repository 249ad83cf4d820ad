import Foundation
import Glibc
import Testing
import VaultCrypto

@testable import AppraisalVault

/// The private copy that opening evidence from a file decrypts from (spec §5.5 steps 3 and 6):
/// unnamed, in the output's folder, closed on every path, and a clear error when it cannot be made.
@Suite("Sealed envelope, private copy of the evidence payload (spec §5.5)")
struct PrivateCopyTests {
    /// The paths this process holds open that lie in `folder` (an unnamed copy shows as
    /// `FOLDER/#N (deleted)`): only this test's folder, so tests running alongside do not count.
    static func descriptors(in folder: String) -> [String] {
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return entries.compactMap { entry in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(entry)")
            else { return nil }
            return target.hasPrefix(real + "/") || target.hasPrefix(folder + "/") ? target : nil
        }
    }

    /// An open that succeeds leaves only the output; each way of failing leaves nothing, and no
    /// copy stays open: a bad outer signature, the caller's binding refusing, the wrong key, a
    /// chunk that fails under a re-signed outer layer.
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
        let stranger = Fixture.identity(seed: "private copy stranger", id: "tv-stranger")
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
            #expect(Self.descriptors(in: out).isEmpty, "\(c.name): a copy is still open")
        }
    }

    /// A folder where the copy cannot be created: `envelope.private-copy` (step create), naming the
    /// envelope and the folder; no output.
    @Test func aCopyThatCannotBeCreatedIsAClearError() throws {
        let dir = try StreamingEnvelopeTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (path, _, recipient, _) = try StreamingEnvelopeTests.seal(StreamingEnvelopeTests.content(1000), in: dir)
        let missing = FileIO.join(dir, "missing")
        let error = #expect(throws: EnvelopeError.self) {
            _ = try SealedEnvelope.OnDisk(path: path, expecting: .evidence).open(
                with: recipient.encryptionKey, to: FileIO.join(missing, "plain.out"))
        }
        #expect(error?.code == .privateCopy)
        #expect(error?.context.step == .create)
        #expect(error?.context.values.prefix(2) == [.file(path), .file(missing)])
        #expect(!FileIO.exists(missing))
    }

    /// A copy that cannot be written (its file system full: `/dev/full`): `envelope.private-copy`
    /// (step write) naming the folder.
    @Test func aCopyThatCannotBeWrittenIsAClearError() throws {
        let fd = open("/dev/full", O_RDWR | O_CLOEXEC)
        try #require(fd >= 0)
        let copy = try FileIO.PrivateCopy(descriptor: fd, in: "/some/folder", of: "e.ave", base: 0, fileSize: 10)
        defer { copy.close() }
        let error = #expect(throws: EnvelopeError.self) { try copy.append(contentsOf: [1, 2, 3]) }
        #expect(error?.code == .privateCopy)
        #expect(error?.context.step == .write)
        #expect(error?.context.values.prefix(2) == [.file("e.ave"), .file("/some/folder")])
    }

    /// The copy reads back what was appended, at the copied file's offsets; the fallback for a
    /// file system without `O_TMPFILE` leaves no name in the folder either.
    @Test func theCopyReadsBackAtTheFilesOffsetsAndHasNoName() throws {
        let dir = try StreamingEnvelopeTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let copy = try FileIO.PrivateCopy(in: dir, of: "e.ave", base: 100, fileSize: 200)
        try copy.append(contentsOf: Array(0..<50))
        #expect(copy.size == 150 && copy.isPrivate)
        #expect(try copy.bytes(at: 110, upTo: 100) == Array(10..<50))
        #expect(try FileIO.list(dir).isEmpty)
        #expect(Self.descriptors(in: dir).count == 1)
        copy.close()
        #expect(Self.descriptors(in: dir).isEmpty)
        // Space already read is freed (a hole reads as zeros); what follows is untouched.
        let big = try FileIO.PrivateCopy(in: dir, of: "e.ave", base: 10, fileSize: 0)
        let bytes = (0..<(64 << 10)).map { UInt8(truncatingIfNeeded: $0 % 251 + 1) }
        try big.append(contentsOf: bytes)
        big.discard(before: 10 + (32 << 10))
        #expect(try big.bytes(at: 10 + (32 << 10), upTo: 32 << 10) == Array(bytes[(32 << 10)...]))
        let freed = try big.bytes(at: 10, upTo: 32 << 10)
        #expect(freed.allSatisfy { $0 == 0 } || freed == Array(bytes[..<(32 << 10)]))
        big.close()
        let fd = FileIO.PrivateCopy.unlinkedTemporary(in: dir)
        #expect(fd >= 0)
        #expect(try FileIO.list(dir).isEmpty)
        close(fd)
    }

    /// The copy read back exactly as written passes ``FileIO/PrivateCopy/checkReadBack()``; a byte
    /// changed behind the process (through another descriptor, as a network file system's server
    /// could), a read out of order, or a copy not read to its end is `envelope.copy-changed`.
    @Test func aCopyChangedBehindTheProcessIsRefused() throws {
        let dir = try StreamingEnvelopeTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bytes = (0..<5000).map { UInt8($0 % 251) }
        func copy(_ change: (Int32) -> Void, read: (FileIO.PrivateCopy) throws -> Void) throws -> EnvelopeError? {
            let path = FileIO.join(dir, "named-copy")
            let fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            try #require(fd >= 0)
            let copy = try FileIO.PrivateCopy(descriptor: fd, in: dir, of: "e.ave", base: 7, fileSize: 5007)
            defer { copy.close() }
            try copy.append(contentsOf: bytes)
            let other = open(path, O_RDWR | O_CLOEXEC)
            try #require(other >= 0)
            change(other)
            close(other)
            try read(copy)
            do { try copy.checkReadBack() } catch let error as EnvelopeError { return error }
            return nil
        }
        func inOrder(_ copy: FileIO.PrivateCopy) throws {
            let first = try copy.bytes(at: 7, upTo: 3000)
            let second = try copy.bytes(at: 3007, upTo: 2000)
            #expect(first.count == 3000 && second.count == 2000)
        }
        #expect(try copy({ _ in }, read: inOrder) == nil)
        // The verdict is given once: asked again it is the same; a read or write after it is refused.
        let again = try copy({ _ in }) { copy in
            try inOrder(copy)
            try copy.checkReadBack()
            try copy.checkReadBack()
            _ = try copy.bytes(at: 7, upTo: 10)
        }
        #expect(again?.code == .copyChanged)
        let changed = try copy(
            {
                var b: UInt8 = 0xff
                _ = pwrite($0, &b, 1, 4321)
            }, read: inOrder)
        #expect(changed?.code == .copyChanged)
        #expect(changed?.context.values == [.file("e.ave"), .file(dir)])
        let outOfOrder = try copy({ _ in }) { copy in
            _ = try copy.bytes(at: 3007, upTo: 2000)
            _ = try copy.bytes(at: 7, upTo: 5000)
        }
        #expect(outOfOrder?.code == .copyChanged)
        let notToTheEnd = try copy({ _ in }) { copy in _ = try copy.bytes(at: 7, upTo: 4999) }
        #expect(notToTheEnd?.code == .copyChanged)
    }

    /// The attack the read-back check stops: the sender, who knows the file key, writes another
    /// valid ciphertext under the same key into the copy after the outer check (a copy on a
    /// network file system, served by someone else): the open is refused and nothing released,
    /// where without the check the other content would come out under the signed file's name.
    @Test func anotherCiphertextWrittenIntoTheCopyIsNotReleased() throws {
        let (signed, other, recipient) = try SwappedFileTests.pair()
        let folder = try StreamingEnvelopeTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let reader = try EnvelopeReader(parsing: MemorySource(bytes: signed), expecting: .evidence, file: "e.ave")
        let start = reader.payload.lowerBound
        let otherPayload = Array(other[start..<(other.count - 64)])
        let source = NotPrivate(MemorySource(bytes: signed))
        let fileReader = try EnvelopeReader(parsing: source, expecting: .evidence, file: "e.ave")
        var replaced = false
        let sink = RecordingSink()
        let error = #expect(throws: EnvelopeError.self) {
            _ = try fileReader.openSigned(
                fileKey: {
                    try SealedEnvelope.fileKey(of: $0, kind: .evidence, with: recipient.encryptionKey, file: "e.ave")
                },
                authorize: { _ in
                    // After the outer check, before decryption: overwrite the copy in place.
                    for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
                        let link = "/proc/self/fd/\(entry)"
                        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link),
                            target.contains(folder)
                                || target.contains(URL(fileURLWithPath: folder).resolvingSymlinksInPath().path)
                        else { continue }
                        let fd = open(link, O_WRONLY | O_CLOEXEC)
                        guard fd >= 0 else { continue }
                        replaced =
                            otherPayload.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
                            == otherPayload.count
                        close(fd)
                    }
                },
                copyFolder: folder, into: { sink })
        }
        #expect(replaced, "the test reached the copy")
        #expect(error?.code == .copyChanged)
        #expect(!sink.released && sink.discarded, "the plaintext was released")
        #expect(try FileIO.list(folder).isEmpty)
    }
}

/// A byte source that says it is not private, so that the reader takes a private copy of it.
private struct NotPrivate: ByteSource {
    let inner: MemorySource
    init(_ inner: MemorySource) { self.inner = inner }
    var size: Int { inner.size }
    var isPrivate: Bool { false }
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try inner.read(at: offset, into: buffer)
    }
}

/// A sink that records whether it was released or discarded.
private final class RecordingSink: ByteSink {
    private(set) var released = false
    private(set) var discarded = false
    func write(bytes: UnsafeRawBufferPointer) throws {}
    func release() throws { released = true }
    func discard() { discarded = true }
}
