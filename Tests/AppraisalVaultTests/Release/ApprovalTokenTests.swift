import Testing
import VaultCrypto

@testable import AppraisalVault

@Suite("Release: combining approvals into a token")
struct ApprovalTokenTests {
    /// Rule: any t of n approvals (and all n), in any order, combine into a token that opens the
    /// locked results to the exact plaintext.
    @Test func anyThresholdSubsetOpens() throws {
        let f = try ApprovalFixture()
        let all = try (0..<3).map { try f.approve($0) }
        for subset in [[0, 1], [0, 2], [1, 2], [2, 0], [2, 1, 0]] {
            let combined = try f.combine(subset.map { all[$0] })
            #expect(combined.holders == subset.sorted().map { ApprovalFixture.holderIDs[$0] })
            #expect(combined.notices.isEmpty)
            #expect(try f.open(token: combined.bytes) == f.plaintext)
        }
    }

    /// Rule: the token is an unsigned `release-token` container with an empty body and exactly the
    /// spec §8.4 fields; its approvals are embedded verbatim in increasing x.
    @Test func tokenLayout() throws {
        let f = try ApprovalFixture()
        let a2 = try f.approve(2)
        let a0 = try f.approve(0)
        let bytes = try f.combine([a2, a0]).bytes
        let container = try Container(parsing: bytes, expecting: .releaseToken, file: "t")
        #expect(container.body.isEmpty)
        guard case .object(let fields) = container.header else {
            Issue.record("not an object")
            return
        }
        #expect(
            fields.keys.sorted()
                == ["approvals", "created", "decision", "manifest", "releaseKey", "releaseSecret", "results", "round"])
        #expect(fields["approvals"] == .array([.hex(a0.bytes), .hex(a2.bytes)]))
        let token = try ReleaseToken(parsing: bytes, file: "t")
        let key = try token.verify(
            policy: f.policy, roundID: f.roundID, roundHash: f.roundHash, manifestHash: f.manifestHash,
            resultsHash: f.resultsHash)
        #expect(key.publicKey == f.policy.releaseKey)
        #expect(key.secret == token.releaseSecret)
    }

    /// Rule: fewer than t approvals are refused, saying how many more are needed and which
    /// holders have not approved.
    @Test func fewerThanThreshold() throws {
        let f = try ApprovalFixture()
        let error = try #require(throws: (any Error).self) { try f.combine([try f.approve(0)]) }
        #expect(error.errorID == ReleaseError.Code.approvalNotEnough.rawValue)
        #expect(error.arguments == ["2", "1", "chu-tich", "1", "pho-chu-tich, chanh-vp"])
        let none = try #require(throws: (any Error).self) { try f.combine([]) }
        #expect(none.arguments == ["2", "0", "–", "2", "chu-tich, pho-chu-tich, chanh-vp"])
    }

    /// Rule: the same approval file twice counts once (and is reported); it cannot reach t.
    @Test func sameFileTwiceCountsOnce() throws {
        let f = try ApprovalFixture()
        let a0 = try f.approve(0)
        let error = try #require(throws: (any Error).self) { try f.combine([a0, a0]) }
        #expect(error.errorID == ReleaseError.Code.approvalNotEnough.rawValue)
        #expect(error.arguments[1] == "1")
        let combined = try f.combine([a0, try f.approve(1), a0])
        #expect(combined.holders == ["chu-tich", "pho-chu-tich"])
        #expect(
            combined.notices == [
                Notice(Notice.Code.approvalCountedOnce, [.text("chu-tich"), .file(a0.file), .file(a0.file)])
            ])
        #expect(try f.open(token: combined.bytes) == f.plaintext)
    }

    /// Rule: the same key under two ids counts once: holders are counted by signing key, and
    /// messages use the round definition's id for that key.
    @Test func sameKeyUnderTwoIdsCountsOnce() throws {
        let f = try ApprovalFixture()
        let a0 = try f.approve(0)
        var alias = try f.approve(0, as: f.alias(0, id: "chu-tich-2"))
        alias.file = "chu-tich-2.ava"
        #expect(try Approval(parsing: alias.bytes, file: alias.file).holder == "chu-tich-2")
        #expect(alias.bytes != a0.bytes)
        // It verifies on its own (it is chu-tich's key and share) and is reported under chu-tich.
        #expect(try f.verify(alias).identity.id == "chu-tich")
        let error = try #require(throws: (any Error).self) { try f.combine([a0, alias]) }
        #expect(error.errorID == ReleaseError.Code.approvalNotEnough.rawValue)
        #expect(error.arguments == ["2", "1", "chu-tich", "1", "pho-chu-tich, chanh-vp"])
        let combined = try f.combine([alias, a0, try f.approve(2)])
        #expect(combined.holders == ["chu-tich", "chanh-vp"])
        #expect(
            combined.notices == [
                Notice(Notice.Code.approvalCountedOnce, [.text("chu-tich"), .file(a0.file), .file(alias.file)])
            ])
    }

    /// Rule: all approvals must cite the same decision text; a different one is refused, naming both.
    @Test func differentDecisionsRefused() throws {
        let f = try ApprovalFixture()
        let other = try f.approve(1, decision: "Quyết định số 124/QĐ-UBND ngày 21/12/2026")
        let error = try #require(throws: (any Error).self) { try f.combine([try f.approve(0), other]) }
        #expect(error.errorID == ReleaseError.Code.approvalDecisionDiffers.rawValue)
        #expect(error.arguments[1] == "chu-tich" && error.arguments[4] == "pho-chu-tich")
    }

    /// Rule: combining refuses an approval from a key not in the round, a corrupted share, and an
    /// approval for another round or other results, each with its own message.
    @Test func combineRefusesBadApprovals() throws {
        let f = try ApprovalFixture()
        let other = try ApprovalFixture(seed: "another round")
        let good = try f.approve(0)
        let corrupted = try ApprovalFixture.resign(try f.approve(2), by: f.holders[2]) { fields in
            guard case .string(let s) = fields["share"], var y = Hex.decode(s) else { return }
            y[0] ^= 1
            fields["share"] = .hex(y)
        }
        let cases: [((bytes: [UInt8], file: String), String)] = [
            (try other.approve(1), "approval.not-a-holder"),
            (corrupted, "approval.share-commitment"),
            (try f.approve(1, roundHash: other.roundHash), "approval.wrong-round"),
            (try f.approve(1, resultsHash: other.resultsHash), "approval.wrong-results"),
        ]
        for (bad, code) in cases {
            let error = try #require(throws: (any Error).self) { try f.combine([good, bad]) }
            #expect(error.code == code)
            #expect(error.arguments.first == bad.file)
        }
    }

    /// Rule: a token is bound to its round, manifest and results: checked against another round or
    /// other results it is refused before anything is decrypted.
    @Test func tokenForAnotherRoundOrResults() throws {
        let f = try ApprovalFixture()
        let bytes = try f.combine([try f.approve(0), try f.approve(1)]).bytes
        let token = try ReleaseToken(parsing: bytes, file: "release.avt")
        let other = BLAKE2b.hash([9], outputLength: 32)
        let checks: [([UInt8], [UInt8], [UInt8], String)] = [
            (other, f.manifestHash, f.resultsHash, "token.wrong-round"),
            (f.roundHash, other, f.resultsHash, "token.wrong-manifest"),
            (f.roundHash, f.manifestHash, other, "token.wrong-results"),
        ]
        for (round, manifest, results, code) in checks {
            let error = try #require(throws: (any Error).self) {
                try token.verify(
                    policy: f.policy, roundID: f.roundID, roundHash: round, manifestHash: manifest, resultsHash: results
                )
            }
            #expect(error.code == code)
            #expect(error.arguments == ["release.avt"])
        }
        // Other results of the same round (merged again): the token does not open them.
        let remerged = try ApprovalFixture.lockedResults(
            Array("{}".utf8), round: f.roundHash, sender: f.secretary, to: f.policy.releaseKey)
        let error = try #require(throws: (any Error).self) { try f.open(token: bytes, results: remerged) }
        #expect(error.errorID == ReleaseError.Code.tokenWrongResults.rawValue)
        #expect(error.arguments == ["release.avt"])
        // A token of another round, against this round's results.
        let foreign = try tokenOf(ApprovalFixture(seed: "another round"))
        #expect(throws: ReleaseError(.tokenWrongRound)) { try f.open(token: foreign) }
    }

    private func tokenOf(_ g: ApprovalFixture) throws -> [UInt8] {
        try g.combine([try g.approve(0), try g.approve(2)]).bytes
    }

    /// Rule: a token whose secret does not give the round's release key is refused; so is one whose
    /// secret gives the right public key but differs from the shares (X25519 clamping ignores bit 0).
    @Test func secretMismatchRefused() throws {
        let f = try ApprovalFixture()
        let bytes = try f.combine([try f.approve(0), try f.approve(1)]).bytes
        let random = try ApprovalFixture.editToken(bytes) {
            $0["releaseSecret"] = .hex(BLAKE2b.hash([7], outputLength: 32))
        }
        let error = try #require(throws: (any Error).self) { try f.open(token: random) }
        #expect(error.errorID == ReleaseError.Code.tokenSecretMismatch.rawValue)
        let clamped = try ApprovalFixture.editToken(bytes) { fields in
            guard case .string(let s) = fields["releaseSecret"], var k = Hex.decode(s) else { return }
            k[0] ^= 1
            fields["releaseSecret"] = .hex(k)
        }
        let token = try ReleaseToken(parsing: clamped, file: "t")
        #expect(try X25519.PrivateKey(secret: token.releaseSecret).publicKey == f.policy.releaseKey)
        #expect(throws: ReleaseError(.tokenSecretMismatch)) { try f.open(token: clamped) }
        // A token naming another release key.
        let rekeyed = try ApprovalFixture.editToken(bytes) { $0["releaseKey"] = .hex([UInt8](repeating: 9, count: 32)) }
        #expect(throws: ReleaseError(.tokenWrongReleaseKey)) { try f.open(token: rekeyed) }
    }

    /// Rule: a token's embedded approvals are re-verified: a tampered one, a duplicate key, fewer
    /// than t, or a decision other than the token's are refused.
    @Test func embeddedApprovalsReverified() throws {
        let f = try ApprovalFixture()
        let a0 = try f.approve(0)
        let a1 = try f.approve(1)
        let bytes = try f.combine([a0, a1]).bytes
        let cases: [([JSONValue], String)] = [
            ([.hex(a0.bytes), .hex(ApprovalFixture.flip(a1.bytes, at: -3))], "approval.bad-signature"),
            ([.hex(a0.bytes), .hex(a0.bytes)], "token.duplicate-key"),
            ([.hex(a0.bytes)], "approval.not-enough"),
            ([.hex(a1.bytes), .hex(a0.bytes)], "format.header"),
        ]
        for (approvals, code) in cases {
            let edited = try ApprovalFixture.editToken(bytes) { $0["approvals"] = .array(approvals) }
            let error = try #require(throws: (any Error).self) { try f.open(token: edited) }
            #expect(error.code == code)
        }
        let redecided = try ApprovalFixture.editToken(bytes) { $0["decision"] = .string("Quyết định số 999/QĐ-UBND") }
        let error = try #require(throws: (any Error).self) { try f.open(token: redecided) }
        #expect(error.errorID == ReleaseError.Code.tokenDecisionDiffers.rawValue)
        #expect(
            error.arguments == ["release.avt", "chu-tich", ApprovalFixture.decision, "Quyết định số 999/QĐ-UBND"])
    }

    /// Rule: token parsing is strict: trailing bytes, unknown fields, bad hex and an empty
    /// approval list are refused.
    @Test func strictTokenParsing() throws {
        let f = try ApprovalFixture()
        let bytes = try f.combine([try f.approve(0), try f.approve(1)]).bytes
        #expect(throws: FormatError(.trailing)) { try ReleaseToken(parsing: bytes + [0], file: "t") }
        let edits: [(inout [String: JSONValue]) -> Void] = [
            { $0["signedBy"] = .string("thu-ky") },
            { $0["approvals"] = .array([]) },
            { $0["approvals"] = .array([.string("zz")]) },
            { $0["releaseSecret"] = .string(String(repeating: "A", count: 64)) },
            { $0["releaseSecret"] = .string(String(repeating: "a", count: 62)) },
        ]
        for edit in edits {
            let edited = try ApprovalFixture.editToken(bytes, edit)
            #expect(throws: FormatError(.header)) { try ReleaseToken(parsing: edited, file: "t") }
        }
    }
}
