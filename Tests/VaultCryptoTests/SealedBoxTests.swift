import PropertyBased
import Testing
import VaultCrypto

@Suite("X25519 and SealedBox")
struct SealedBoxTests {
    /// seal then open returns the message, for any message including the empty one.
    @Test func roundTrip() async throws {
        let recipient = try X25519.PrivateKey.generate()
        await propertyCheck(count: 50, input: byteArrays(0...300)) { message in
            let box = try SealedBox.seal(SecretBytes(copying: message), to: recipient.publicKey)
            #expect(box.count == message.count + SealedBox.overhead)
            #expect(exposed(try SealedBox.open(box, with: recipient)) == message)
        }
    }

    /// The overhead is libsodium's `crypto_box_sealbytes`: 32-byte ephemeral key + 16-byte MAC.
    @Test func overheadIs48() {
        #expect(SealedBox.overhead == 48)
    }

    /// The same DeterministicRandom seed gives byte-identical boxes; a different seed does not.
    @Test func deterministicOutput() throws {
        let recipient = try X25519.PrivateKey.generate(using: DeterministicRandom(seed: "recipient"))
        let message = try SecretBytes(copying: Array("khoá tệp".utf8))
        let first = try SealedBox.seal(message, to: recipient.publicKey, using: DeterministicRandom(seed: "box"))
        let second = try SealedBox.seal(message, to: recipient.publicKey, using: DeterministicRandom(seed: "box"))
        let other = try SealedBox.seal(message, to: recipient.publicKey, using: DeterministicRandom(seed: "box-2"))
        #expect(first == second)
        #expect(first != other)
        #expect(exposed(try SealedBox.open(first, with: recipient)) == exposed(message))
    }

    /// A box sealed to one key does not open with another (authenticationFailed, crypto_box_seal_open).
    @Test func wrongRecipientFails() throws {
        let alice = try X25519.PrivateKey.generate()
        let bob = try X25519.PrivateKey.generate()
        let box = try SealedBox.seal(SecretBytes(copying: [1, 2, 3]), to: alice.publicKey)
        #expect(throws: SodiumError(.authenticationFailed, "crypto_box_seal_open")) {
            try SealedBox.open(box, with: bob)
        }
    }

    /// Flipping any byte of a box (ephemeral key, ciphertext or MAC) makes it fail to open.
    @Test func everyFlippedByteFails() throws {
        let recipient = try X25519.PrivateKey.generate()
        let box = try SealedBox.seal(SecretBytes(copying: Array("share".utf8)), to: recipient.publicKey)
        for i in box.indices {
            #expect(throws: SodiumError(.authenticationFailed, "crypto_box_seal_open")) {
                try SealedBox.open(flipped(box, at: i), with: recipient)
            }
        }
    }

    /// A truncated box fails: below the overhead with invalidLength, otherwise authenticationFailed.
    @Test func truncationFails() throws {
        let recipient = try X25519.PrivateKey.generate()
        let box = try SealedBox.seal(SecretBytes(copying: Array("share".utf8)), to: recipient.publicKey)
        for length in 0..<box.count {
            let expected: SodiumError.Kind = length < SealedBox.overhead ? .invalidLength : .authenticationFailed
            #expect(throws: SodiumError(expected, "crypto_box_seal_open")) {
                try SealedBox.open(Array(box.prefix(length)), with: recipient)
            }
        }
        #expect(throws: SodiumError(.authenticationFailed, "crypto_box_seal_open")) {
            try SealedBox.open(box + [0], with: recipient)
        }
    }

    /// The X25519 public key is the base-point multiple of the secret (RFC 7748 §6.1 Alice).
    @Test func rfc7748PublicKey() throws {
        let key = try X25519.PrivateKey(
            secret: SecretBytes(copying: bytes(hex: "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"))
        )
        #expect(
            hex(key.publicKey.rawRepresentation) == "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")
    }

    /// Keys of the wrong length are rejected with invalidLength.
    @Test func invalidLengths() {
        #expect(throws: SodiumError(.invalidLength, "crypto_box_seal")) {
            try X25519.PublicKey(rawRepresentation: [UInt8](repeating: 9, count: 33))
        }
        #expect(throws: SodiumError(.invalidLength, "crypto_scalarmult_base")) {
            try X25519.PrivateKey(secret: SecretBytes(count: 16))
        }
    }
}
