import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

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

    static func seal(_ bytes: [UInt8], in dir: String) throws -> (
        path: String, sealed: SealedEnvelope.SealedFile, recipient: SecretIdentity, sender: SecretIdentity
    ) {
        let (sender, recipient) = try SealedEnvelopeTests.identities("stream")
        let input = FileIO.join(dir, "plain.bin")
        try FileIO.writeAtomically(bytes, to: input, replacing: true)
        let path = FileIO.join(dir, "e-\(UUID().uuidString).ave")
        let sealed = try SealedEnvelope.sealFile(
            input, to: path, kind: .evidence, round: round, context: { ["size": .int($0)] }, sender: sender,
            recipient: recipient.identity.encryptionKey)
        return (path, sealed, recipient, sender)
    }

    /// Streaming seal and open round-trip at 0 B, 1 B, chunk−1, chunk, chunk+1, a few chunks, one
    /// hash leaf (16 chunks), one leaf and a byte, and two and a half leaves,
    /// and agree byte for byte with the in-memory forms in both directions.
    @Test(arguments: [0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk + 7, 16 * chunk, 16 * chunk + 1, 40 * chunk + 3])
    func roundTrip(size: Int) throws {
        let dir = try Self.folder()
        let bytes = Self.content(size)
        let (path, sealed, recipient, _) = try Self.seal(bytes, in: dir)
        let onDisk = try SealedEnvelope.OnDisk(path: path, expecting: .evidence)
        let out = FileIO.join(dir, "out.bin")
        let fileHash = try onDisk.open(with: recipient.encryptionKey, to: out)
        #expect(try FileIO.read(out, maxBytes: 1 << 30) == bytes)
        // §10.1: the evidence file hash is of its parts, written out here from the file's bytes.
        let whole = try FileIO.read(path, maxBytes: 1 << 30)
        let start = onDisk.payload.lowerBound
        let parts =
            ArtifactKind.evidence.domain("file-hash") + BLAKE2b.hash(whole[..<start], outputLength: 64)
            + EvidenceHashTests.payloadHash(Array(whole[start..<(whole.count - 64)])) + whole.suffix(64)
        #expect(fileHash == sealed.fileHash && sealed.fileHash == BLAKE2b.hash(parts, outputLength: 32))
        #expect(try Evidence.hashFile(path) == sealed.fileHash)
        // Streaming-sealed opens in memory...
        #expect(
            try SealedEnvelope(parsing: whole, expecting: .evidence, file: path).open(with: recipient.encryptionKey)
                == bytes)
        // ...and memory-sealed opens streaming.
        let (s, r) = try SealedEnvelopeTests.identities("stream")
        let memory = try SealedEnvelope.seal(
            bytes, kind: .evidence, round: Self.round, context: ["size": .int(size)], sender: s,
            recipient: r.identity.encryptionKey)
        let memoryPath = FileIO.join(dir, "m.ave")
        try FileIO.writeAtomically(memory, to: memoryPath)
        let out2 = FileIO.join(dir, "out2.bin")
        _ = try SealedEnvelope.OnDisk(path: memoryPath, expecting: .evidence).open(with: r.encryptionKey, to: out2)
        #expect(try FileIO.read(out2, maxBytes: 1 << 30) == bytes)
    }

    /// `preamble + payload` with a fresh outer signature over them, as a malicious sender could
    /// make after editing the payload (spec §5: outer signature over the header hash and the
    /// payload hash). Built from the original header, so every edited payload can be re-signed.
    static func resign(preamble: [UInt8], headerHash: [UInt8], payload: [UInt8], sender: SecretIdentity) throws
        -> [UInt8]
    {
        let message = ArtifactKind.evidence.domain("outer") + headerHash + EvidenceHashTests.payloadHash(payload)
        return preamble + payload + (try sender.signingKey.signature(for: message))
    }

    /// A dropped, duplicated, reordered, truncated or flipped chunk is rejected — by the outer
    /// signature, and, when the sender re-signs the outer layer, by the stream itself (spec §5) —
    /// and no output is left. Every case is built and asserted in both forms.
    @Test func chunkAttacksAreRejected() throws {
        let dir = try Self.folder()
        let (path, _, recipient, sender) = try Self.seal(Self.content(3 * Self.chunk + 100), in: dir)
        let bytes = try FileIO.read(path, maxBytes: 1 << 30)
        let env = try SealedEnvelope(parsing: bytes, expecting: .evidence, file: path)
        let start = env.preamble.count
        let step = Self.chunk + 17
        let preamble = Array(bytes[..<start])
        let signature = Array(bytes.suffix(64))
        let payload = Array(bytes[start..<(bytes.count - 64)])
        func chunk(_ i: Int) -> Range<Int> { (i * step)..<((i + 1) * step) }
        var payloads: [String: [UInt8]] = [:]
        payloads["dropped"] = Array(payload[..<chunk(1).lowerBound] + payload[chunk(1).upperBound...])
        payloads["duplicated"] = Array(
            payload[..<chunk(1).upperBound] + payload[chunk(1)] + payload[chunk(1).upperBound...])
        payloads["reordered"] = Array(payload[chunk(1)] + payload[chunk(0)] + payload[chunk(1).upperBound...])
        payloads["final-dropped"] = Array(payload.dropLast(81))
        payloads["truncated-at-boundary"] = Array(payload[..<chunk(2).upperBound])
        payloads["flipped-at-boundary"] = {
            var b = payload
            b[chunk(1).lowerBound] ^= 1
            return b
        }()
        var cases: [(name: String, bytes: [UInt8], resigned: Bool)] = []
        for (name, edited) in payloads.sorted(by: { $0.key < $1.key }) {
            cases.append((name, preamble + edited + signature, false))
            cases.append(
                (
                    name,
                    try Self.resign(preamble: preamble, headerHash: env.headerHash, payload: edited, sender: sender),
                    true
                ))
        }
        // The file cut at a chunk boundary, with no signature at all.
        cases.append(("cut-without-signature", Array(bytes[..<(start + chunk(2).upperBound)]), false))
        #expect(cases.count == 13)
        for c in cases {
            let file = FileIO.join(dir, "\(c.name)-\(c.resigned).ave")
            try FileIO.writeAtomically(c.bytes, to: file)
            let out = FileIO.join(dir, "\(c.name)-\(c.resigned).out")
            let error = #expect(throws: (any Error).self, "\(c.name) resigned=\(c.resigned)") {
                _ = try SealedEnvelope.OnDisk(path: file, expecting: .evidence).open(
                    with: recipient.encryptionKey, to: out)
            }
            if c.resigned {
                // The outer signature is valid now, so the stream must be what refuses.
                let code = try #require(error?.code, "\(c.name): no error")
                #expect(
                    ["envelope.corrupt", "envelope.bad-length", "envelope.inner-signature"].contains(code),
                    "\(c.name): \(code)"
                )
            }
            #expect(!FileIO.exists(out), "\(c.name): output left behind")
            #expect(try FileIO.list(dir).allSatisfy { !$0.contains(".tmp-") }, "\(c.name): temp file left behind")
        }
    }

    /// A 1 GiB file seals and opens streaming to the same bytes and content hash (spec §10). Memory is
    /// measured on the binary by `oneGibibyteAttachmentPeakRSSWithinMarginOfOneMebibyte` (CLITests).
    /// Run with AVAULT_LARGE_TESTS=1 (`make test-large`).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["AVAULT_LARGE_TESTS"] == "1"))
    func oneGibibyteRoundTrip() throws {
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
        let hash = try SealedEnvelope.OnDisk(path: sealedPath, expecting: .evidence).open(
            with: recipient.encryptionKey, to: out)
        #expect(hash == sealed.fileHash && sealed.size == 1 << 30)
        let check = BLAKE2b.Hasher(outputLength: 64)
        let reader = try FileIO.StreamReader(path: out)
        try reader.forEachBlock(in: 0..<reader.size, blockSize: 1 << 20, shortRead: FormatError(.truncated)) {
            check.update(Array($0))
        }
        let expected = BLAKE2b.Hasher(outputLength: 64)
        for _ in 0..<1024 { expected.update(block) }
        #expect(check.finalize() == expected.finalize())
    }
}
