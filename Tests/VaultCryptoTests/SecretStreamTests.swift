import PropertyBased
import Testing

@testable import VaultCrypto

@Suite("SecretStream")
struct SecretStreamTests {
    static let pull = "crypto_secretstream_xchacha20poly1305_pull"

    /// Encrypts `chunks`, marking the last one final when `final` is set.
    static func encrypt(_ chunks: [[UInt8]], key: SecretBytes, ad: [UInt8] = [], final: Bool = true) throws
        -> (header: [UInt8], chunks: [[UInt8]])
    {
        let encryptor = try SecretStream.Encryptor(key: key)
        var out = [[UInt8]]()
        for (i, chunk) in chunks.enumerated() {
            out.append(try encryptor.push(chunk, additionalData: ad, isFinal: final && i == chunks.count - 1))
        }
        return (encryptor.header, out)
    }

    /// Decrypts every chunk in order and requires the final tag.
    static func decrypt(_ header: [UInt8], _ chunks: [[UInt8]], key: SecretBytes, ad: [UInt8] = []) throws(SodiumError)
        -> [[UInt8]]
    {
        let decryptor = try SecretStream.Decryptor(key: key, header: header)
        var out = [[UInt8]]()
        for chunk in chunks { out.append(try decryptor.pull(chunk, additionalData: ad).plaintext) }
        try decryptor.finish()
        return out
    }

    static let sample: [[UInt8]] = [Array("một".utf8), Array("hai".utf8), Array("ba".utf8)]

    /// Any list of chunks, with any associated data, decrypts to itself and only the last is final.
    @Test func roundTrip() async throws {
        let key = try randomKey()
        await propertyCheck(count: 40, input: byteArrays(0...100).array(of: 1...6), byteArrays(0...16)) { chunks, ad in
            let (header, encrypted) = try Self.encrypt(chunks, key: key, ad: ad)
            #expect(header.count == SecretStream.headerLength)
            #expect(zip(encrypted, chunks).allSatisfy { $0.count == $1.count + SecretStream.overhead })
            let decryptor = try SecretStream.Decryptor(key: key, header: header)
            for (i, chunk) in encrypted.enumerated() {
                let (plaintext, isFinal) = try decryptor.pull(chunk, additionalData: ad)
                #expect(plaintext == chunks[i])
                #expect(isFinal == (i == chunks.count - 1))
            }
            try decryptor.finish()
            #expect(decryptor.isFinished)
        }
    }

    /// A stream whose last chunk lacks the final tag is truncated: finish() throws streamNotFinished.
    @Test func missingFinalTag() throws {
        let key = try randomKey()
        let (header, chunks) = try Self.encrypt(Self.sample, key: key, final: false)
        #expect(throws: SodiumError(.streamNotFinished, Self.pull)) { try Self.decrypt(header, chunks, key: key) }
        // Cutting a finished stream before its final chunk is the same failure.
        let (header2, chunks2) = try Self.encrypt(Self.sample, key: key)
        #expect(throws: SodiumError(.streamNotFinished, Self.pull)) {
            try Self.decrypt(header2, Array(chunks2.dropLast()), key: key)
        }
    }

    /// A dropped, duplicated or reordered chunk fails authentication.
    @Test(arguments: [
        ("dropped", [0, 2]), ("duplicated", [0, 0, 1, 2]), ("reordered", [1, 0, 2]), ("final first", [2, 0, 1]),
    ])
    func chunkOrder(_ name: String, _ order: [Int]) throws {
        let key = try randomKey()
        let (header, chunks) = try Self.encrypt(Self.sample, key: key)
        #expect(throws: SodiumError(.authenticationFailed, Self.pull), "\(name)") {
            try Self.decrypt(header, order.map { chunks[$0] }, key: key)
        }
    }

    /// Any flipped byte, in any chunk or in the stream header, fails authentication.
    @Test func flippedByte() throws {
        let key = try randomKey()
        let (header, chunks) = try Self.encrypt(Self.sample, key: key)
        for c in chunks.indices {
            for i in chunks[c].indices {
                var bad = chunks
                bad[c] = flipped(bad[c], at: i)
                #expect(throws: SodiumError(.authenticationFailed, Self.pull)) {
                    try Self.decrypt(header, bad, key: key)
                }
            }
        }
        for i in header.indices {
            #expect(throws: SodiumError(.authenticationFailed, Self.pull)) {
                try Self.decrypt(flipped(header, at: i), chunks, key: key)
            }
        }
    }

    /// Wrong associated data or a wrong key fails authentication.
    @Test func wrongAdditionalDataOrKey() throws {
        let key = try randomKey()
        let (header, chunks) = try Self.encrypt(Self.sample, key: key, ad: [1, 2, 3])
        #expect(try Self.decrypt(header, chunks, key: key, ad: [1, 2, 3]) == Self.sample)
        #expect(throws: SodiumError(.authenticationFailed, Self.pull)) {
            try Self.decrypt(header, chunks, key: key, ad: [1, 2])
        }
        #expect(throws: SodiumError(.authenticationFailed, Self.pull)) { try Self.decrypt(header, chunks, key: key) }
        #expect(throws: SodiumError(.authenticationFailed, Self.pull)) {
            try Self.decrypt(header, chunks, key: try randomKey())
        }
    }

    /// Data after the final chunk is rejected (streamNotFinished), and so is pushing after final.
    @Test func dataAfterFinal() throws {
        let key = try randomKey()
        let encryptor = try SecretStream.Encryptor(key: key)
        let last = try encryptor.push(Array("end".utf8), isFinal: true)
        #expect(throws: SodiumError(.streamNotFinished, "crypto_secretstream_xchacha20poly1305_push")) {
            try encryptor.push(Array("more".utf8), isFinal: false)
        }
        let decryptor = try SecretStream.Decryptor(key: key, header: encryptor.header)
        #expect(try decryptor.pull(last).isFinal)
        #expect(throws: SodiumError(.streamNotFinished, Self.pull)) { try decryptor.pull(last) }
        #expect(throws: SodiumError(.streamNotFinished, Self.pull)) {
            try decryptor.pull([UInt8](repeating: 0, count: 40))
        }
    }

    /// An empty plaintext can be the final chunk, and it is still authenticated.
    @Test func emptyFinalChunk() throws {
        let key = try randomKey()
        let (header, chunks) = try Self.encrypt([Array("data".utf8), []], key: key)
        #expect(chunks[1].count == SecretStream.overhead)
        #expect(try Self.decrypt(header, chunks, key: key) == [Array("data".utf8), []])
        let (header2, only) = try Self.encrypt([[]], key: key)
        #expect(try Self.decrypt(header2, only, key: key) == [[]])
        #expect(throws: SodiumError(.authenticationFailed, Self.pull)) {
            try Self.decrypt(header2, [flipped(only[0], at: 0)], key: key)
        }
    }

    /// A chunk shorter than the overhead is invalidLength; one cut short by a byte fails authentication.
    @Test func truncatedChunk() throws {
        let key = try randomKey()
        let (header, chunks) = try Self.encrypt(Self.sample, key: key)
        #expect(throws: SodiumError(.invalidLength, Self.pull)) {
            try Self.decrypt(header, [Array(chunks[0].prefix(SecretStream.overhead - 1))], key: key)
        }
        #expect(throws: SodiumError(.authenticationFailed, Self.pull)) {
            try Self.decrypt(header, [Array(chunks[0].dropLast())] + chunks.dropFirst(), key: key)
        }
    }

    /// A deterministic source gives the same header and ciphertext twice.
    @Test func deterministicHeader() throws {
        let key = try SecretBytes(copying: [UInt8](repeating: 7, count: 32))
        let a = try SecretStream.Encryptor(key: key, using: DeterministicRandom(seed: "stream"))
        let b = try SecretStream.Encryptor(key: key, using: DeterministicRandom(seed: "stream"))
        #expect(a.header == b.header)
        #expect(try a.push([1, 2, 3], isFinal: true) == b.push([1, 2, 3], isFinal: true))
    }

    /// Bad key or header lengths are rejected before libsodium is called.
    @Test func invalidLengths() throws {
        #expect(throws: SodiumError(.invalidLength, "crypto_secretstream_xchacha20poly1305_init_push")) {
            try SecretStream.Encryptor(key: randomKey(16))
        }
        #expect(throws: SodiumError(.invalidLength, "crypto_secretstream_xchacha20poly1305_init_pull")) {
            try SecretStream.Decryptor(key: randomKey(), header: [UInt8](repeating: 0, count: 23))
        }
    }

    /// Decrypts out of order as the open's two stages do: one pass moves a decryptor past every
    /// chunk but the last by its stored MAC (`skip`), leaving a copy at each chunk; the copies then
    /// pull their chunks in `order`, and the moved decryptor pulls the final one.
    static func decryptOutOfOrder(
        _ header: [UInt8], _ chunks: [[UInt8]], key: SecretBytes, ad: [UInt8] = [], order: [Int]
    ) throws(SodiumError) -> [[UInt8]] {
        let stream = try SecretStream.Decryptor(key: key, header: header)
        var positioned = [SecretStream.Decryptor]()
        let reused = try SecretStream.Decryptor(copying: stream)
        for chunk in chunks.dropLast() {
            // assign(from:) and init(copying:) must leave the same position.
            reused.assign(from: stream)
            positioned.append(try SecretStream.Decryptor(copying: reused))
            chunk.withUnsafeBytes { stream.skip(chunkEndingWith: UnsafeRawBufferPointer(rebasing: $0.suffix(16))) }
        }
        var out = [[UInt8]](repeating: [], count: chunks.count)
        for i in order where i < positioned.count {
            let pulled = try positioned[i].pull(chunks[i], additionalData: ad)
            guard !pulled.isFinal else { throw SodiumError(.unexpectedTag, Self.pull) }
            out[i] = pulled.plaintext
        }
        out[chunks.count - 1] = try stream.pull(chunks[chunks.count - 1], additionalData: ad).plaintext
        try stream.finish()
        return out
    }

    /// Chunks decrypted out of order from decryptors moved by `skip` give what a sequential pull
    /// gives, for any chunk sizes (a short last chunk, empty chunks) and any order.
    @Test func skipThenPullOutOfOrder() async throws {
        let key = try randomKey()
        await propertyCheck(count: 40, input: byteArrays(0...100).array(of: 1...12), byteArrays(0...16)) { chunks, ad in
            let (header, encrypted) = try Self.encrypt(chunks, key: key, ad: ad)
            let order = Array(encrypted.indices).shuffled()
            #expect(try Self.decryptOutOfOrder(header, encrypted, key: key, ad: ad, order: order) == chunks)
        }
    }

    /// A stream decrypted through `skip` still refuses any flipped byte of any chunk, a dropped,
    /// duplicated or reordered chunk, and a final tag before the end.
    @Test func skipRefusesTampering() throws {
        let key = try randomKey()
        let chunks: [[UInt8]] = (0..<5).map { [UInt8](repeating: UInt8($0), count: 20 + $0) }
        let (header, encrypted) = try Self.encrypt(chunks, key: key)
        let order = [3, 1, 0, 2]
        #expect(try Self.decryptOutOfOrder(header, encrypted, key: key, order: order) == chunks)
        for c in encrypted.indices {
            for i in encrypted[c].indices {
                var bad = encrypted
                bad[c] = flipped(bad[c], at: i)
                #expect(throws: SodiumError(.authenticationFailed, Self.pull)) {
                    try Self.decryptOutOfOrder(header, bad, key: key, order: order)
                }
            }
        }
        for changed in [[0, 2, 3, 4], [0, 1, 1, 2, 3, 4], [1, 0, 2, 3, 4]] {
            #expect(throws: SodiumError(.authenticationFailed, Self.pull)) {
                try Self.decryptOutOfOrder(header, changed.map { encrypted[$0] }, key: key, order: order)
            }
        }
        // A final chunk before the end authenticates at its place but is refused there (the open
        // refuses a non-last chunk with the final tag), and a stream without one is not finished.
        let (header2, single) = try Self.encrypt([chunks[0]], key: key)
        #expect(throws: SodiumError(.unexpectedTag, Self.pull)) {
            try Self.decryptOutOfOrder(header2, [single[0], single[0]], key: key, order: [0])
        }
        let (header3, unfinished) = try Self.encrypt(chunks, key: key, final: false)
        #expect(throws: SodiumError(.streamNotFinished, Self.pull)) {
            try Self.decryptOutOfOrder(header3, unfinished, key: key, order: order)
        }
    }

    /// `skip` rekeys where pull does, when the 32-bit chunk counter wraps (set near the wrap on
    /// both sides, since 2^32 real chunks are out of reach).
    @Test func skipRekeysWhenTheCounterWraps() throws {
        let key = try randomKey()
        let chunks: [[UInt8]] = (0..<6).map { [UInt8](repeating: UInt8($0), count: 30) }
        let encryptor = try SecretStream.Encryptor(key: key)
        encryptor.setCounterForTesting(0xFFFF_FFFD)
        let encrypted = try chunks.indices.map { try encryptor.push(chunks[$0], isFinal: $0 == chunks.count - 1) }
        // Sequential pull from the same counter: libsodium rekeys after the third chunk.
        let sequential = try SecretStream.Decryptor(key: key, header: encryptor.header)
        sequential.setCounterForTesting(0xFFFF_FFFD)
        #expect(try encrypted.map { try sequential.pull($0).plaintext } == chunks)
        // The same through skip; without its rekey every chunk after the wrap would fail.
        let stream = try SecretStream.Decryptor(key: key, header: encryptor.header)
        stream.setCounterForTesting(0xFFFF_FFFD)
        var positioned = [SecretStream.Decryptor]()
        for chunk in encrypted.dropLast() {
            positioned.append(try SecretStream.Decryptor(copying: stream))
            chunk.withUnsafeBytes { stream.skip(chunkEndingWith: UnsafeRawBufferPointer(rebasing: $0.suffix(16))) }
        }
        #expect(
            try positioned.indices.reversed().map { try positioned[$0].pull(encrypted[$0]).plaintext }.reversed()
                == Array(chunks.dropLast()))
        #expect(try stream.pull(encrypted[encrypted.count - 1]) == (chunks[chunks.count - 1], true))
    }
}
