import PropertyBased
import Testing
import VaultCrypto

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
}
