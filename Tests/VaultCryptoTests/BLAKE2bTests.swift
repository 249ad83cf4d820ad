import PropertyBased
import Testing
import VaultCrypto

@Suite("BLAKE2b")
struct BLAKE2bTests {
    /// RFC 7693 / BLAKE2 reference: BLAKE2b-512 of the empty input.
    @Test func emptyInput512() {
        let digest = BLAKE2b.hash([UInt8](), outputLength: 64)
        #expect(
            hex(digest)
                == "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce"
        )
    }

    /// BLAKE2b-256("abc") is the published value (it is the digest length, not a truncation, that changes the output).
    @Test func abc256() {
        let digest = BLAKE2b.hash(Array("abc".utf8), outputLength: 32)
        #expect(hex(digest) == "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319")
        #expect(digest != Array(BLAKE2b.hash(Array("abc".utf8), outputLength: 64).prefix(32)))
    }

    /// BLAKE2 reference keyed KAT (blake2b-kat.txt): key 00..3f, empty input.
    @Test func keyedReferenceVector() throws {
        let key = (0..<64).map { UInt8($0) }
        #expect(
            hex(BLAKE2b.hash([UInt8](), outputLength: 64, key: key))
                == "10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568"
        )
        // The SecretBytes overload is the same function with the key kept in secret memory.
        let secret = try SecretBytes(copying: key)
        #expect(
            BLAKE2b.hash([UInt8](), outputLength: 64, secretKey: secret)
                == BLAKE2b.hash([UInt8](), outputLength: 64, key: key))
    }

    /// A keyed hash differs from the unkeyed hash and from a hash under another key.
    @Test func keyChangesDigest() {
        let message = Array("biên bản thẩm định".utf8)
        let plain = BLAKE2b.hash(message, outputLength: 32)
        let keyA = BLAKE2b.hash(message, outputLength: 32, key: [UInt8](repeating: 1, count: 32))
        let keyB = BLAKE2b.hash(message, outputLength: 32, key: [UInt8](repeating: 2, count: 32))
        #expect(plain != keyA)
        #expect(keyA != keyB)
    }

    /// Incremental hashing over any split of the input equals the one-shot hash (keyed and unkeyed).
    @Test func incrementalEqualsOneShot() async {
        await propertyCheck(input: byteArrays(0...512), Gen.int(in: 0...512), Gen.bool) { message, split, keyed in
            let cut = min(split, message.count)
            let key: [UInt8]? = keyed ? Array("key".utf8) : nil
            let hasher = BLAKE2b.Hasher(outputLength: 32, key: key)
            hasher.update(message[0..<cut])
            hasher.update([UInt8]())
            hasher.update(message[cut...])
            #expect(hasher.finalize() == BLAKE2b.hash(message, outputLength: 32, key: key))
        }
    }

    /// Every supported output length gives a digest of exactly that length.
    @Test(arguments: [16, 20, 24, 32, 48, 64]) func outputLength(_ length: Int) {
        #expect(BLAKE2b.hash(Array("x".utf8), outputLength: length).count == length)
    }
}
