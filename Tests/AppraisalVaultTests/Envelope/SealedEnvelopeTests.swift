import Testing
import VaultCrypto

@testable import AppraisalVault

@Suite("Sealed envelope (spec §5)")
struct SealedEnvelopeTests {
    static let round = [UInt8](repeating: 7, count: 32)

    static func identities(_ seed: String) throws -> (sender: SecretIdentity, recipient: SecretIdentity) {
        let random = DeterministicRandom(seed: seed)
        let sender = try SecretIdentity.generate(
            id: "tv-01", name: "Nguyễn Văn An", role: .member, isDemo: true, created: "2026-01-01T00:00:00Z",
            using: random)
        let recipient = try SecretIdentity.generate(
            id: "thu-ky", name: "Thư ký", role: .secretary, isDemo: true, created: "2026-01-01T00:00:00Z", using: random
        )
        return (sender, recipient)
    }

    static func seal(_ content: [UInt8], seed: String = "env") throws -> [UInt8] {
        let (s, r) = try identities(seed)
        return try SealedEnvelope.seal(
            content, kind: .submission, round: round, context: ["revision": .integer(1)], sender: s,
            recipient: r.identity.encryptionKey, created: "2026-01-01T00:00:00Z",
            using: DeterministicRandom(seed: seed + "/seal"))
    }

    /// Content of every size around the chunk boundary round-trips byte for byte.
    @Test(arguments: [0, 1, 65_535, 65_536, 65_537, 3 * 65_536 + 5])
    func roundTrip(size: Int) throws {
        let content = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let bytes = try Self.seal(content)
        let (_, r) = try Self.identities("env")
        let envelope = try SealedEnvelope(parsing: bytes, expecting: .submission, file: "t.avs")
        #expect(envelope.hasValidOuterSignature)
        #expect(try envelope.open(with: r.encryptionKey) == content)
    }

    /// The same inputs and randomness give the same bytes (vectors can be regenerated).
    @Test func deterministicWithSeededRandomness() throws {
        #expect(try Self.seal([1, 2, 3]) == Self.seal([1, 2, 3]))
    }

    /// Every single-byte flip of a small envelope is rejected, either when parsing or when opening.
    @Test func everyByteFlipIsRejected() throws {
        let bytes = try Self.seal(Array("điểm 0,25".utf8))
        let (_, r) = try Self.identities("env")
        for i in bytes.indices {
            var t = bytes
            t[i] ^= 0x01
            var rejected = false
            do {
                _ = try SealedEnvelope(parsing: t, expecting: .submission, file: "t").open(with: r.encryptionKey)
            } catch {
                rejected = true
            }
            #expect(rejected, "flip at \(i) accepted")
        }
    }

    /// Every truncation, and any extension, is rejected.
    @Test func truncationAndExtensionAreRejected() throws {
        let bytes = try Self.seal(Array(repeating: 5, count: 70_000))
        let (_, r) = try Self.identities("env")
        for n in stride(from: 0, to: bytes.count, by: 997) + [bytes.count - 1, bytes.count - 64, bytes.count - 65] {
            #expect(throws: (any Error).self) {
                _ = try SealedEnvelope(parsing: Array(bytes.prefix(n)), expecting: .submission, file: "t").open(
                    with: r.encryptionKey)
            }
        }
        #expect(throws: (any Error).self) {
            _ = try SealedEnvelope(parsing: bytes + [0], expecting: .submission, file: "t").open(with: r.encryptionKey)
        }
    }

    /// A file opened with a key it was not sealed to gives `envelope.not-for-you`.
    @Test func wrongRecipient() throws {
        let bytes = try Self.seal([1, 2, 3])
        let (_, other) = try Self.identities("other")
        let error = #expect(throws: (any Error).self) {
            _ = try SealedEnvelope(parsing: bytes, expecting: .submission, file: "t").open(with: other.encryptionKey)
        }
        #expect(error?.errorID == EnvelopeError.Code.notForYou.rawValue)
    }

    /// Re-signing the outer layer with another member's key does not pass: the header names the
    /// original key, so the outer check fails; swapping the header key breaks the AEAD binding.
    @Test func reSignedByAnotherMemberIsRejected() throws {
        let bytes = try Self.seal(Array("x".utf8))
        let (mallory, r) = try Self.identities("mallory")
        let envelope = try SealedEnvelope(parsing: bytes, expecting: .submission, file: "t")
        // Replace the outer signature with Mallory's over the same message.
        let message =
            ArtifactKind.submission.domain("outer") + envelope.headerHash
            + BLAKE2b.hash(envelope.payload, outputLength: 64)
        let forged = Array(bytes.dropLast(64)) + (try mallory.signingKey.signature(for: message))
        let error = #expect(throws: (any Error).self) {
            _ = try SealedEnvelope(parsing: forged, expecting: .submission, file: "t").open(with: r.encryptionKey)
        }
        #expect(error?.errorID == EnvelopeError.Code.badSignature.rawValue)
    }

    /// A submission cannot be passed off as another kind of artifact.
    @Test func kindConfusionIsRejected() throws {
        var bytes = try Self.seal([1])
        bytes[8] = ArtifactKind.lockedResults.rawValue
        let error = #expect(throws: (any Error).self) {
            _ = try SealedEnvelope(parsing: bytes, expecting: .submission, file: "t")
        }
        #expect(error?.errorID == FormatError.Code.wrongKind.rawValue)
        let (_, r) = try Self.identities("env")
        #expect(throws: (any Error).self) {
            _ = try SealedEnvelope(parsing: bytes, expecting: .lockedResults, file: "t").open(with: r.encryptionKey)
        }
    }
}
