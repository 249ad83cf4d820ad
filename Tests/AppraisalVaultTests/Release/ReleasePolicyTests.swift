import Testing
import VaultCrypto

@testable import AppraisalVault

/// Holders, a round id and a 2-of-3 policy, all deterministic.
struct ReleaseFixture {
    static let created = "2026-01-01T00:00:00Z"
    let holders: [SecretIdentity]
    let roundID: [UInt8]
    let policy: ReleasePolicy

    init(count: Int = 3, threshold: Int = 2, seed: String = "fixture", roundID: [UInt8] = Array(0..<16)) throws {
        holders = try (1...count).map { i in
            try SecretIdentity.generate(
                id: "holder-\(i)", name: "Người giữ khoá \(i)", role: .holder, isDemo: true, created: Self.created,
                using: DeterministicRandom(seed: "\(seed) holder \(i)"))
        }
        self.roundID = roundID
        policy = try ReleasePolicy.create(
            holders: holders.map(\.identity), threshold: threshold, roundID: roundID,
            using: DeterministicRandom(seed: "\(seed) policy"))
    }

    func shares() throws -> [Shamir.Share] {
        try holders.map { try policy.openShare(holder: $0, roundID: roundID) }
    }

    static func identity(_ id: String, role: Role = .holder, seed: String) throws -> PublicIdentity {
        try SecretIdentity.generate(
            id: id, name: id, role: role, isDemo: true, created: created, using: DeterministicRandom(seed: seed)
        ).identity
    }
}

/// Edits one field of the policy JSON and parses it again.
func parseEdited(_ policy: ReleasePolicy, _ edit: (inout [String: JSONValue]) -> Void) throws(FieldReader.Failure)
    -> ReleasePolicy
{
    guard case .object(var fields) = policy.json else { fatalError("policy JSON is an object") }
    edit(&fields)
    return try ReleasePolicy(json: .object(fields), path: "release")
}

/// Edits one field of holder `index` in the policy JSON.
func editHolder(_ fields: inout [String: JSONValue], _ index: Int, _ edit: (inout [String: JSONValue]) -> Void) {
    guard case .array(var items) = fields["holders"], case .object(var holder) = items[index] else { return }
    edit(&holder)
    items[index] = .object(holder)
    fields["holders"] = .array(items)
}

/// Flips the lowest bit of the byte at `offset` of a hex string.
func flipHex(_ value: JSONValue?, at offset: Int) -> JSONValue {
    guard case .string(let s) = value, var bytes = Hex.decode(s) else { return .null }
    bytes[offset] ^= 1
    return .hex(bytes)
}

@Suite("Release: policy")
struct ReleasePolicyTests {
    /// Rule: JSON → canonical bytes → parse gives the same policy and the same bytes again.
    @Test func canonicalRoundTrip() throws {
        let f = try ReleaseFixture()
        let bytes = CanonicalJSON.serialize(f.policy.json)
        let parsed = try ReleasePolicy(json: CanonicalJSON.parse(bytes), path: "release")
        #expect(parsed == f.policy)
        #expect(CanonicalJSON.serialize(parsed.json) == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("{\"holders\":[{\"commitment\":\""))
        #expect(text.hasSuffix("\"threshold\":2}"))
        #expect(f.policy.holders.map(\.x) == [1, 2, 3])
        #expect(f.policy.holders.allSatisfy { $0.sealedShare.count == 80 && $0.commitment.count == 32 })
    }

    /// Rule: each holder opens its own share, which matches its commitment and has its x.
    @Test func eachHolderOpensItsShare() throws {
        let f = try ReleaseFixture()
        for (i, holder) in f.holders.enumerated() {
            let share = try f.policy.openShare(holder: holder, roundID: f.roundID)
            #expect(share.x == UInt8(i + 1))
            #expect(share.y.count == 32)
            #expect(
                ReleasePolicy.commitment(roundID: f.roundID, x: share.x, y: share.y) == f.policy.holders[i].commitment)
        }
    }

    /// Rule: any t of n (and all n) reconstruct the release key; the public half matches.
    @Test func anyThresholdSubsetReconstructs() throws {
        let f = try ReleaseFixture(count: 4, threshold: 3, seed: "3 of 4")
        let shares = try f.shares()
        for mask in 1..<(1 << 4) where mask.nonzeroBitCount >= 3 {
            let subset = shares.indices.filter { mask & (1 << $0) != 0 }.map { shares[$0] }
            let key = try f.policy.reconstruct(subset, roundID: f.roundID)
            #expect(key.publicKey == f.policy.releaseKey)
        }
    }

    /// Rule: the reconstructed key opens what was sealed to the release key (it is the real key).
    @Test func reconstructedKeyDecrypts() throws {
        let f = try ReleaseFixture()
        let message = try SecretBytes(copying: Array("kết quả".utf8))
        let sealed = try SealedBox.seal(message, to: f.policy.releaseKey)
        let key = try f.policy.reconstruct(Array(try f.shares().suffix(2)), roundID: f.roundID)
        #expect(try SealedBox.open(sealed, with: key) == message)
    }

    /// Rule: fewer than t shares are refused, saying how many more are needed.
    @Test func fewerThanThresholdSaysHowManyMore() throws {
        let f = try ReleaseFixture(count: 5, threshold: 4, seed: "4 of 5")
        let shares = try f.shares()
        let error = try #require(throws: (any Error).self) {
            try f.policy.reconstruct(Array(shares.prefix(1)), roundID: f.roundID)
        }
        #expect(error.errorID == ReleaseError.Code.notEnoughShares.rawValue)
        #expect(error.arguments == ["1", "4", "3"])
        #expect(throws: ReleaseError(.notEnoughShares)) { try f.policy.reconstruct([], roundID: f.roundID) }
    }

    /// Rule: the same holder's share twice does not count twice; it is refused and named.
    @Test func duplicateShareRefused() throws {
        let f = try ReleaseFixture()
        let share = try f.policy.openShare(holder: f.holders[0], roundID: f.roundID)
        let error = try #require(throws: (any Error).self) {
            try f.policy.reconstruct([share, share], roundID: f.roundID)
        }
        #expect(error.errorID == ReleaseError.Code.shareDuplicate.rawValue)
        #expect(error.arguments.first == "holder-1")
    }

    /// Rule: an altered share y is caught by its commitment and the holder is named.
    @Test func corruptedShareIsNamed() throws {
        let f = try ReleaseFixture()
        var shares = try f.shares()
        let bad = try SecretBytes(
            copying: ReleaseShamirTests.bytes(shares[1].y).enumerated().map { $0 == 7 ? $1 ^ 0x80 : $1 })
        shares[1] = Shamir.Share(x: 2, y: bad)
        let error = try #require(throws: (any Error).self) { try f.policy.reconstruct(shares, roundID: f.roundID) }
        #expect(error.errorID == ReleaseError.Code.shareCommitment.rawValue)
        #expect(error.arguments == ["holder-2", "2"])
        #expect(error.description.contains("holder-2"))
    }

    /// Rule: a corrupted sealed share cannot be opened, and the error names that holder.
    @Test func corruptedSealedShareIsNamed() throws {
        let f = try ReleaseFixture()
        let tampered = try parseEdited(f.policy) { fields in
            editHolder(&fields, 2) { $0["sealedShare"] = flipHex($0["sealedShare"], at: 60) }
        }
        let error = try #require(throws: (any Error).self) {
            try tampered.openShare(holder: f.holders[2], roundID: f.roundID)
        }
        #expect(error.errorID == ReleaseError.Code.shareUnopenable.rawValue)
        #expect(error.arguments == ["holder-3", "3"])
        // The untouched holders still open theirs.
        _ = try tampered.openShare(holder: f.holders[0], roundID: f.roundID)
    }

    /// Rule: a corrupted commitment fails when opening and when reconstructing, naming the holder.
    @Test func corruptedCommitmentIsNamed() throws {
        let f = try ReleaseFixture()
        let shares = try f.shares()
        let tampered = try parseEdited(f.policy) { fields in
            editHolder(&fields, 0) { $0["commitment"] = flipHex($0["commitment"], at: 0) }
        }
        let opening = try #require(throws: (any Error).self) {
            try tampered.openShare(holder: f.holders[0], roundID: f.roundID)
        }
        #expect(opening.errorID == ReleaseError.Code.shareCommitment.rawValue)
        #expect(opening.arguments.first == "holder-1")
        let combining = try #require(throws: (any Error).self) { try tampered.reconstruct(shares, roundID: f.roundID) }
        #expect(combining.errorID == ReleaseError.Code.shareCommitment.rawValue)
        #expect(combining.arguments.first == "holder-1")
        // Without that holder's share the other two still reconstruct.
        #expect(try tampered.reconstruct(Array(shares.suffix(2)), roundID: f.roundID).publicKey == f.policy.releaseKey)
    }

    /// Rule: a share from another round (other round id) fails its commitment.
    @Test func shareFromAnotherRoundFails() throws {
        let f = try ReleaseFixture()
        let otherRound = Array(repeating: UInt8(0xAB), count: 16)
        #expect(throws: ReleaseError(.shareCommitment)) {
            try f.policy.openShare(holder: f.holders[0], roundID: otherRound)
        }
        // A later round (new key, new round id): its shares do not pass this round's commitments.
        let other = try ReleaseFixture(seed: "next round", roundID: otherRound)
        let foreign = try other.policy.openShare(holder: other.holders[1], roundID: otherRound)
        let mine = try f.policy.openShare(holder: f.holders[0], roundID: f.roundID)
        let error = try #require(throws: (any Error).self) {
            try f.policy.reconstruct([mine, foreign], roundID: f.roundID)
        }
        #expect(error.errorID == ReleaseError.Code.shareCommitment.rawValue)
        #expect(error.arguments.first == "holder-2")
    }

    /// Rule: a share whose x is not a holder of the round is refused.
    @Test func unknownXRefused() throws {
        let f = try ReleaseFixture()
        let share = Shamir.Share(x: 9, y: try f.shares()[0].y)
        #expect(throws: ReleaseError(.shareUnknownX)) { try f.policy.reconstruct([share], roundID: f.roundID) }
    }

    /// Rule: someone who is not a holder of the round cannot open a share.
    @Test func nonHolderCannotOpen() throws {
        let f = try ReleaseFixture()
        let stranger = try SecretIdentity.generate(
            id: "stranger", name: "Stranger", role: .holder, isDemo: true, created: ReleaseFixture.created,
            using: DeterministicRandom(seed: "stranger"))
        #expect(throws: ReleaseError(.notAHolder)) { try f.policy.openShare(holder: stranger, roundID: f.roundID) }
    }

    /// Rule: a policy whose commitments fit shares of another key is caught by the release-key check.
    @Test func wrongReleaseKeyCaught() throws {
        let f = try ReleaseFixture()
        let other = try ReleaseFixture(seed: "other")
        let forged = try parseEdited(f.policy) { $0["releaseKey"] = .hex(other.policy.releaseKey.rawRepresentation) }
        #expect(throws: ReleaseError(.keyMismatch)) { try forged.reconstruct(f.shares(), roundID: f.roundID) }
    }

    /// Rule: two holders with the same signing key or encryption key are refused (keys, not ids, count).
    @Test func sharedHolderKeysRefused() throws {
        let a = try ReleaseFixture.identity("holder-a", seed: "a")
        let b = try ReleaseFixture.identity("holder-b", seed: "b")
        let sameSigning = PublicIdentity(
            id: "holder-c", name: "C", role: .holder, signingKey: a.signingKey, encryptionKey: b.encryptionKey,
            created: ReleaseFixture.created, isDemo: true)
        let sameEncryption = PublicIdentity(
            id: "holder-d", name: "D", role: .holder, signingKey: b.signingKey, encryptionKey: a.encryptionKey,
            created: ReleaseFixture.created, isDemo: true)
        let roundID = [UInt8](repeating: 1, count: 16)
        #expect(throws: ReleaseError(.duplicateSigningKey)) {
            try ReleasePolicy.create(holders: [a, sameSigning], threshold: 2, roundID: roundID, using: SystemRandom())
        }
        #expect(throws: ReleaseError(.duplicateEncryptionKey)) {
            try ReleasePolicy.create(
                holders: [a, sameEncryption], threshold: 2, roundID: roundID, using: SystemRandom())
        }
        #expect(throws: ReleaseError(.duplicateHolderID)) {
            try ReleasePolicy.create(holders: [a, a], threshold: 1, roundID: roundID, using: SystemRandom())
        }
        // The same in JSON: a decoded policy with two entries for one key is refused.
        let f = try ReleaseFixture()
        #expect(throws: FieldReader.Failure.self) {
            try parseEdited(f.policy) { fields in
                let other = f.holders[0].identity
                editHolder(&fields, 1) {
                    guard case .object(var id) = $0["identity"] else { return }
                    id["encryptionKey"] = .hex(other.encryptionKey.rawRepresentation)
                    $0["identity"] = .object(id)
                }
            }
        }
    }

    /// Rule: only identities with role holder can hold a share, in create and in JSON.
    @Test func nonHolderRoleRefused() throws {
        let member = try ReleaseFixture.identity("member-1", role: .member, seed: "m")
        let holder = try ReleaseFixture.identity("holder-1", seed: "h")
        let error = try #require(throws: (any Error).self) {
            try ReleasePolicy.create(
                holders: [holder, member], threshold: 1, roundID: Array(0..<16), using: SystemRandom())
        }
        #expect(error.errorID == ReleaseError.Code.holderRole.rawValue)
        #expect(error.arguments == ["member-1", "member"])
        let f = try ReleaseFixture()
        #expect(throws: FieldReader.Failure.self) {
            try parseEdited(f.policy) { fields in
                editHolder(&fields, 0) {
                    guard case .object(var id) = $0["identity"] else { return }
                    id["role"] = .string("secretary")
                    $0["identity"] = .object(id)
                }
            }
        }
    }

    /// Rule: create checks the threshold range, the holder count and the round id length.
    @Test func createRejectsBadParameters() throws {
        let f = try ReleaseFixture()
        let ids = f.holders.map(\.identity)
        let random = SystemRandom()
        #expect(throws: ReleaseError(.thresholdRange)) {
            try ReleasePolicy.create(holders: ids, threshold: 4, roundID: f.roundID, using: random)
        }
        #expect(throws: ReleaseError(.thresholdRange)) {
            try ReleasePolicy.create(holders: ids, threshold: 0, roundID: f.roundID, using: random)
        }
        #expect(throws: ReleaseError(.holderCount)) {
            try ReleasePolicy.create(holders: [], threshold: 1, roundID: f.roundID, using: random)
        }
        #expect(throws: ReleaseError(.roundIDLength)) {
            try ReleasePolicy.create(holders: ids, threshold: 2, roundID: [1, 2], using: random)
        }
    }

    /// Rule: decoding is strict; each listed edit of a valid section is rejected.
    @Test(arguments: [
        "unknown top-level field", "unknown holder field", "threshold above n", "threshold zero", "x out of order",
        "short sealed share", "long commitment", "uppercase hex", "no holders", "missing releaseKey", "x as string",
    ])
    func strictDecoding(edit: String) throws {
        let f = try ReleaseFixture()
        #expect(throws: FieldReader.Failure.self) {
            try parseEdited(f.policy) { fields in
                switch edit {
                case "unknown top-level field": fields["comment"] = .string("x")
                case "unknown holder field": editHolder(&fields, 0) { $0["weight"] = .int(2) }
                case "threshold above n": fields["threshold"] = .int(4)
                case "threshold zero": fields["threshold"] = .int(0)
                case "x out of order": editHolder(&fields, 1) { $0["x"] = .int(3) }
                case "short sealed share":
                    editHolder(&fields, 0) { $0["sealedShare"] = .hex([UInt8](repeating: 0, count: 79)) }
                case "long commitment":
                    editHolder(&fields, 0) { $0["commitment"] = .hex([UInt8](repeating: 0, count: 33)) }
                case "uppercase hex": fields["releaseKey"] = .string(String(repeating: "AB", count: 32))
                case "no holders": fields["holders"] = .array([])
                case "missing releaseKey": fields["releaseKey"] = nil
                case "x as string": editHolder(&fields, 0) { $0["x"] = .string("1") }
                default: Issue.record("unknown edit \(edit)")
                }
            }
        }
    }
}
