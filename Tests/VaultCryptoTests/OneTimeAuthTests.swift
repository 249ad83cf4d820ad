import PropertyBased
import Testing
import VaultCrypto

@Suite("Poly1305 one-time authenticator")
struct OneTimeAuthTests {
    /// The tag of `message` under `key`, fed in one piece.
    static func tag(_ message: [UInt8], key: SecretBytes) throws -> [UInt8] {
        let auth = try OneTimeAuth(key: key)
        message.withUnsafeBytes { auth.update(bytes: $0) }
        return auth.finalize()
    }

    /// RFC 8439 §2.5.2: the Poly1305 test vector.
    @Test func rfc8439Vector() throws {
        let key = try SecretBytes(
            copying: bytes(hex: "85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b"))
        let tag = try Self.tag(Array("Cryptographic Forum Research Group".utf8), key: key)
        #expect(hex(tag) == "a8061dc1305136c6c22b8baf0c0127a9")
    }

    /// Streaming in any split gives the one-piece tag; one changed byte or another key changes it.
    @Test func splitsAgreeAndChangesShow() async throws {
        await propertyCheck(input: byteArrays(1...600), Gen.int(in: 0...600)) { message, split in
            let key = try! OneTimeAuth.randomKey()
            let cut = min(split, message.count)
            let auth = try! OneTimeAuth(key: key)
            message[0..<cut].withUnsafeBytes { auth.update(bytes: $0) }
            [UInt8]().withUnsafeBytes { auth.update(bytes: $0) }
            message[cut...].withUnsafeBytes { auth.update(bytes: $0) }
            let whole = try! Self.tag(message, key: key)
            #expect(auth.finalize() == whole)
            #expect(try! Self.tag(flipped(message, at: cut % message.count), key: key) != whole)
            #expect(try! Self.tag(message, key: OneTimeAuth.randomKey()) != whole)
        }
    }
}
