import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// The decrypting pass of an evidence open pulls each block of 16 chunks on the reading thread or
/// on the worker, from a decryptor moved there by the chunks' stored MACs (spec §5.5 step 6,
/// implementation note). Each path, forced, must give the same plaintext and refuse the same
/// tampering as a sequential reading; the sender re-signs the outer layer, so the stream is what
/// refuses.
@Suite("Sealed envelope, blocks decrypted on either thread (spec §5.5 step 6)")
struct ParallelDecryptTests {
    static let threads: [SealedEnvelope.DecryptingThread] = [.reader, .worker, .either]
    static let step = SealedEnvelope.chunkSize + SecretStream.overhead

    /// Opens `file` with every block decrypted on `thread`.
    static func open(
        _ file: String, to out: String, recipient: SecretIdentity, on thread: SealedEnvelope.DecryptingThread
    )
        throws
    {
        try SealedEnvelope.$decryptingThread.withValue(thread) {
            _ = try SealedEnvelope.OnDisk(path: file, expecting: .evidence).open(with: recipient.encryptionKey, to: out)
        }
    }

    /// Two and a half blocks (40 chunks and 3 bytes) open to themselves on either thread.
    @Test(arguments: threads)
    func opensOnEitherThread(_ thread: SealedEnvelope.DecryptingThread) throws {
        let dir = try StreamingEnvelopeTests.folder()
        let bytes = StreamingEnvelopeTests.content(40 * SealedEnvelope.chunkSize + 3)
        let (path, _, recipient, _) = try StreamingEnvelopeTests.seal(bytes, in: dir)
        let out = FileIO.join(dir, "out.bin")
        try Self.open(path, to: out, recipient: recipient, on: thread)
        #expect(try FileIO.read(out, maxBytes: 1 << 30) == bytes)
    }

    /// A flipped byte of a chunk's body, of the half of its MAC that moves the next chunk's nonce
    /// (bytes 0–7) or of the other half, at a block's last chunk or the next block's first, and
    /// chunks swapped inside a block or across a boundary: `envelope.corrupt` on either thread,
    /// nothing left behind.
    @Test(arguments: threads)
    func tamperingIsRefusedOnEitherThread(_ thread: SealedEnvelope.DecryptingThread) throws {
        let dir = try StreamingEnvelopeTests.folder()
        let (path, _, recipient, sender) = try StreamingEnvelopeTests.seal(
            StreamingEnvelopeTests.content(40 * SealedEnvelope.chunkSize + 3), in: dir)
        let bytes = try FileIO.read(path, maxBytes: 1 << 30)
        let env = try SealedEnvelope(parsing: bytes, expecting: .evidence, file: path)
        let preamble = Array(bytes[..<env.preamble.count])
        let payload = Array(bytes[env.preamble.count..<(bytes.count - 64)])
        func chunk(_ i: Int) -> Range<Int> { (i * Self.step)..<((i + 1) * Self.step) }
        func flip(_ offset: Int) -> [UInt8] {
            var b = payload
            b[offset] ^= 0x20
            return b
        }
        func swap(_ i: Int, _ j: Int) -> [UInt8] {
            var b = payload
            b.replaceSubrange(chunk(i), with: payload[chunk(j)])
            b.replaceSubrange(chunk(j), with: payload[chunk(i)])
            return b
        }
        let cases: [(String, [UInt8])] = [
            ("body of chunk 20 (block 1)", flip(chunk(20).lowerBound + 100)),
            ("MAC byte 0 of chunk 20", flip(chunk(20).upperBound - 16)),
            ("MAC byte 7 of chunk 20", flip(chunk(20).upperBound - 9)),
            ("MAC byte 15 of chunk 20", flip(chunk(20).upperBound - 1)),
            ("MAC of chunk 31 (last of block 1)", flip(chunk(31).upperBound - 12)),
            ("first byte of chunk 32 (first of block 2)", flip(chunk(32).lowerBound)),
            ("MAC of the short last content chunk", flip(payload.count - 81 - 5)),
            ("chunks 17 and 18 swapped", swap(17, 18)),
            ("chunks 15 and 16 swapped (across blocks)", swap(15, 16)),
            ("chunks 0 and 16 swapped (the first of blocks 0 and 1)", swap(0, 16)),
        ]
        for (name, edited) in cases {
            #expect(edited.count == payload.count && edited != payload, "\(name)")
            let file = FileIO.join(dir, "bad.ave")
            try FileIO.writeAtomically(
                try StreamingEnvelopeTests.resign(
                    preamble: preamble, headerHash: env.headerHash, payload: edited, sender: sender),
                to: file, replacing: true)
            let out = FileIO.join(dir, "bad.out")
            let error = #expect(throws: (any Error).self, "\(name)") {
                try Self.open(file, to: out, recipient: recipient, on: thread)
            }
            #expect(error?.code == "envelope.corrupt", "\(name), \(thread)")
            #expect(!FileIO.exists(out), "\(name): output left behind")
            #expect(try FileIO.list(dir).allSatisfy { !$0.contains(".tmp-") }, "\(name): temp file left behind")
        }
    }
}
