import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault
@testable import avault

@Suite("Sealed envelope, streaming (spec §5, §10)")
struct StreamingEnvelopeTests {
    static let chunk = SealedEnvelope.chunkSize
    static let round = [UInt8](repeating: 3, count: 32)

    static func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "avault-stream-\(UUID().uuidString)"
        try FileIO.makeDirectory(dir)
        return dir
    }

    static func content(_ size: Int) -> [UInt8] { (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 9) } }

    static func seal(_ bytes: [UInt8], in dir: String) throws -> (path: String, sealed: SealedEnvelope.SealedFile, recipient: SecretIdentity, sender: SecretIdentity) {
        let (sender, recipient) = try SealedEnvelopeTests.identities("stream")
        let input = FileIO.join(dir, "plain.bin")
        try FileIO.writeAtomically(bytes, to: input, replacing: true)
        let path = FileIO.join(dir, "e-\(UUID().uuidString).ave")
        let sealed = try SealedEnvelope.sealFile(
            input, to: path, kind: .evidence, round: round, context: { ["size": .int($0)] }, sender: sender,
            recipient: recipient.identity.encryptionKey)
        return (path, sealed, recipient, sender)
    }

    /// Streaming seal and open round-trip at 0 B, 1 B, chunk−1, chunk, chunk+1 and a few chunks,
    /// and agree byte for byte with the in-memory forms in both directions.
    @Test(arguments: [0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk + 7])
    func roundTrip(size: Int) throws {
        let dir = try Self.folder()
        let bytes = Self.content(size)
        let (path, sealed, recipient, _) = try Self.seal(bytes, in: dir)
        let onDisk = try SealedEnvelope.OnDisk(path: path, expecting: .evidence)
        let out = FileIO.join(dir, "out.bin")
        let contentHash = try onDisk.open(with: recipient.encryptionKey, to: out)
        #expect(try FileIO.read(out, maxBytes: 1 << 30) == bytes)
        #expect(contentHash == BLAKE2b.hash(bytes, outputLength: 64) && contentHash == sealed.contentHash)
        let whole = try FileIO.read(path, maxBytes: 1 << 30)
        #expect(sealed.fileHash == BLAKE2b.hash(whole, outputLength: 32))
        // Streaming-sealed opens in memory...
        #expect(try SealedEnvelope(parsing: whole, expecting: .evidence, file: path).open(with: recipient.encryptionKey) == bytes)
        // ...and memory-sealed opens streaming.
        let (s, r) = try SealedEnvelopeTests.identities("stream")
        let memory = try SealedEnvelope.seal(bytes, kind: .evidence, round: Self.round, context: ["size": .int(size)], sender: s, recipient: r.identity.encryptionKey)
        let memoryPath = FileIO.join(dir, "m.ave")
        try FileIO.writeAtomically(memory, to: memoryPath)
        let out2 = FileIO.join(dir, "out2.bin")
        _ = try SealedEnvelope.OnDisk(path: memoryPath, expecting: .evidence).open(with: r.encryptionKey, to: out2)
        #expect(try FileIO.read(out2, maxBytes: 1 << 30) == bytes)
    }

    /// Re-signs the outer layer after an edit of the payload, as a malicious sender could.
    static func resign(_ bytes: [UInt8], sender: SecretIdentity, path: String) throws -> [UInt8] {
        let env = try SealedEnvelope(parsing: bytes, expecting: .evidence, file: path)
        let message = ArtifactKind.evidence.domain("outer") + env.headerHash + BLAKE2b.hash(env.payload, outputLength: 64)
        return Array(bytes.dropLast(64)) + (try sender.signingKey.signature(for: message))
    }

    /// A dropped, duplicated, reordered or truncated chunk is rejected — by the outer signature,
    /// and, when the sender re-signs the outer layer, by the stream itself — and no output is left.
    @Test func chunkAttacksAreRejected() throws {
        let dir = try Self.folder()
        let (path, _, recipient, sender) = try Self.seal(Self.content(3 * Self.chunk + 100), in: dir)
        let bytes = try FileIO.read(path, maxBytes: 1 << 30)
        let env = try SealedEnvelope(parsing: bytes, expecting: .evidence, file: path)
        let start = env.preamble.count, step = Self.chunk + 17
        func chunkRange(_ i: Int) -> Range<Int> { (start + i * step)..<(start + (i + 1) * step) }
        let payloadEnd = bytes.count - 64
        var variants: [String: [UInt8]] = [:]
        variants["dropped"] = Array(bytes[..<chunkRange(1).lowerBound] + bytes[chunkRange(1).upperBound...])
        variants["duplicated"] = Array(bytes[..<chunkRange(1).upperBound] + bytes[chunkRange(1)] + bytes[chunkRange(1).upperBound...])
        variants["reordered"] = Array(bytes[..<chunkRange(0).lowerBound] + bytes[chunkRange(1)] + bytes[chunkRange(0)] + bytes[chunkRange(1).upperBound...])
        variants["final-dropped"] = Array(bytes[..<(payloadEnd - 81)] + bytes[payloadEnd...])
        variants["truncated-at-boundary"] = Array(bytes[..<chunkRange(2).upperBound])
        variants["flipped-at-boundary"] = { var b = bytes; b[chunkRange(1).lowerBound] ^= 1; return b }()
        for (name, variant) in variants {
            for resigned in [false, true] {
                guard let candidate = resigned ? try? Self.resign(variant, sender: sender, path: name) : variant else { continue }
                let file = FileIO.join(dir, "\(name)-\(resigned).ave")
                try FileIO.writeAtomically(candidate, to: file)
                let out = FileIO.join(dir, "\(name)-\(resigned).out")
                let error = #expect(throws: (any Error).self, "\(name) resigned=\(resigned)") {
                    _ = try SealedEnvelope.OnDisk(path: file, expecting: .evidence).open(with: recipient.encryptionKey, to: out)
                }
                if resigned, let code = error?.code {
                    #expect([.envelopeCorrupt, .envelopeBadLength, .envelopeInnerSignature].contains(code), "\(name): \(code)")
                }
                #expect(!FileIO.exists(out), "\(name): output left behind")
                #expect(try FileIO.list(dir).allSatisfy { !$0.contains(".tmp-") }, "\(name): temp file left behind")
            }
        }
    }

    /// 1 GiB round trip with constant memory (run with AVAULT_LARGE_TESTS=1; `make test-large`).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["AVAULT_LARGE_TESTS"] == "1"))
    func oneGibibyte() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = FileIO.join(dir, "big.bin")
        let block = Self.content(1 << 20)
        let writer = try FileIO.AtomicWriter(path: input, mode: 0o600)
        for _ in 0..<1024 { try writer.write(block) }
        try writer.commit()
        let (sender, recipient) = try SealedEnvelopeTests.identities("stream")
        let sealedPath = FileIO.join(dir, "big.ave")
        let sealed = try SealedEnvelope.sealFile(
            input, to: sealedPath, kind: .evidence, round: Self.round, context: { ["size": .int($0)] }, sender: sender,
            recipient: recipient.identity.encryptionKey)
        let out = FileIO.join(dir, "big.out")
        let hash = try SealedEnvelope.OnDisk(path: sealedPath, expecting: .evidence).open(with: recipient.encryptionKey, to: out)
        #expect(hash == sealed.contentHash && sealed.size == 1 << 30)
        let check = BLAKE2b.Hasher(outputLength: 64)
        let reader = try FileIO.StreamReader(path: out)
        var buffer = [UInt8]()
        var offset = 0
        while offset < reader.size {
            let n = try reader.read(at: offset, count: 1 << 20, into: &buffer)
            check.update(buffer[0..<n])
            offset += n
        }
        #expect(check.finalize() == hash)
    }
}
