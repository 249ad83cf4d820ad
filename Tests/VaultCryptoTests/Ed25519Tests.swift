import PropertyBased
import Testing
import VaultCrypto

@Suite("Ed25519")
struct Ed25519Tests {
    static let rfcSeed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
    static let rfcPublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
    static let rfcSignature =
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"

    /// RFC 8032 §7.1 TEST 1: seed → public key, and the signature of the empty message.
    @Test func rfc8032Test1() throws {
        let key = try Ed25519.PrivateKey(seed: SecretBytes(copying: bytes(hex: Self.rfcSeed)))
        #expect(hex(key.publicKey.rawRepresentation) == Self.rfcPublicKey)
        let signature = try key.signature(for: [UInt8]())
        #expect(hex(signature) == Self.rfcSignature)
        #expect(key.publicKey.isValidSignature(signature, for: [UInt8]()))
        #expect(exposed(try key.seed()) == bytes(hex: Self.rfcSeed))
    }

    /// RFC 8032 §7.3 Ed25519ph "abc": the streaming state is Ed25519ph, not plain Ed25519.
    @Test func rfc8032Ed25519ph() throws {
        let key = try Ed25519.PrivateKey(
            seed: SecretBytes(copying: bytes(hex: "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42")))
        #expect(
            hex(key.publicKey.rawRepresentation) == "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf")
        let state = try Ed25519.StreamingState()
        try state.update(Array("a".utf8))
        try state.update(Array("bc".utf8))
        let signature = try state.signature(using: key)
        #expect(
            hex(signature)
                == "98a70222f0b8121aa9d30f813d683f809e462b469c7ff87639499bb94e6dae4131f85042463c2a355a2003d062adf5aaa10b8c61e636062aaad11c2a26083406"
        )
        // An Ed25519ph signature is not a valid plain Ed25519 signature of the same message.
        #expect(!key.publicKey.isValidSignature(signature, for: Array("abc".utf8)))
    }

    /// Sign then verify succeeds for any message; any flipped message or signature byte fails.
    @Test func detachedRoundTripAndTamper() async throws {
        let key = try Ed25519.PrivateKey.generate()
        await propertyCheck(count: 50, input: byteArrays(1...200), Gen.int(in: 0...10_000)) { message, position in
            let signature = try key.signature(for: message)
            #expect(key.publicKey.isValidSignature(signature, for: message))
            #expect(!key.publicKey.isValidSignature(signature, for: flipped(message, at: position % message.count)))
            #expect(!key.publicKey.isValidSignature(flipped(signature, at: position % 64, mask: 0x80), for: message))
        }
    }

    /// A truncated or extended signature, or another key, never verifies.
    @Test func detachedTruncationAndWrongKey() throws {
        let key = try Ed25519.PrivateKey.generate()
        let other = try Ed25519.PrivateKey.generate()
        let message = Array("quyết định".utf8)
        let signature = try key.signature(for: message)
        #expect(!key.publicKey.isValidSignature(Array(signature.dropLast()), for: message))
        #expect(!key.publicKey.isValidSignature(signature + [0], for: message))
        #expect(!key.publicKey.isValidSignature([UInt8](), for: message))
        #expect(!other.publicKey.isValidSignature(signature, for: message))
        #expect(!key.publicKey.isValidSignature(signature, for: message + [0]))
        #expect(!key.publicKey.isValidSignature(signature, for: Array(message.dropLast())))
    }

    /// Bad key and seed lengths are rejected with `invalidLength` naming the function.
    @Test func invalidLengths() throws {
        #expect(throws: SodiumError(.invalidLength, "crypto_sign_verify_detached")) {
            try Ed25519.PublicKey(rawRepresentation: [UInt8](repeating: 0, count: 31))
        }
        #expect(throws: SodiumError(.invalidLength, "crypto_sign_seed_keypair")) {
            try Ed25519.PrivateKey(seed: SecretBytes(count: 31))
        }
    }

    /// Signing is deterministic: the same seed and message give the same signature.
    @Test func deterministicSignatures() throws {
        let a = try Ed25519.PrivateKey.generate(using: DeterministicRandom(seed: "ed25519"))
        let b = try Ed25519.PrivateKey.generate(using: DeterministicRandom(seed: "ed25519"))
        #expect(a.publicKey == b.publicKey)
        #expect(try a.signature(for: Array("x".utf8)) == b.signature(for: Array("x".utf8)))
    }

    /// Streaming Ed25519ph: any chunking of a message verifies; flips, truncation and wrong keys fail.
    @Test func streamingRoundTripAndTamper() async throws {
        let key = try Ed25519.PrivateKey.generate()
        let other = try Ed25519.PrivateKey.generate()
        func sign(_ parts: [ArraySlice<UInt8>]) throws -> [UInt8] {
            let state = try Ed25519.StreamingState()
            for part in parts { try state.update(part) }
            return try state.signature(using: key)
        }
        func verify(_ message: [UInt8], _ signature: [UInt8], _ publicKey: Ed25519.PublicKey) throws -> Bool {
            let state = try Ed25519.StreamingState()
            try state.update(message)
            return state.isValidSignature(signature, for: publicKey)
        }
        await propertyCheck(count: 40, input: byteArrays(1...300), Gen.int(in: 0...10_000)) { message, cut in
            let split = cut % (message.count + 1)
            let signature = try sign([message[0..<split], message[split...]])
            #expect(try verify(message, signature, key.publicKey))
            #expect(try !verify(flipped(message, at: cut % message.count), signature, key.publicKey))
            #expect(try !verify(Array(message.dropLast()), signature, key.publicKey))
            #expect(try !verify(message, flipped(signature, at: cut % 64), key.publicKey))
            #expect(try !verify(message, Array(signature.dropLast()), key.publicKey))
            #expect(try !verify(message, signature, other.publicKey))
        }
    }

    /// A streaming state is single use: a second signature or an update after finishing throws.
    @Test func streamingStateIsSingleUse() throws {
        let key = try Ed25519.PrivateKey.generate()
        let state = try Ed25519.StreamingState()
        try state.update(Array("a".utf8))
        let signature = try state.signature(using: key)
        #expect(throws: SodiumError(.streamNotFinished, "crypto_sign_final_create")) { try state.signature(using: key) }
        #expect(throws: SodiumError(.streamNotFinished, "crypto_sign_update")) { try state.update([UInt8]()) }
        #expect(!state.isValidSignature(signature, for: key.publicKey))
    }
}
