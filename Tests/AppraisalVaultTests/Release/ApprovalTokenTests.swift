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
    /// spec §8.4 fields (no key); its approvals are embedded verbatim in increasing x.
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
                == ["approvals", "created", "decision", "manifest", "results", "round"])
        #expect(fields["approvals"] == .array([.hex(a0.bytes), .hex(a2.bytes)]))
        let token = try ReleaseToken(parsing: bytes, file: "t")
        let partials = try token.verify(
            policy: f.policy, roundHash: f.roundHash, manifestHash: f.manifestHash, results: try f.envelope())
        #expect(partials.map(\.index) == [1, 3])
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

    /// Rule: combining refuses an approval from a key not in the round, a forged partial, and an
    /// approval for another round or other results, each with its own message.
    @Test func combineRefusesBadApprovals() throws {
        let f = try ApprovalFixture()
        let other = try ApprovalFixture(seed: "another round")
        let good = try f.approve(0)
        let forged = try ApprovalFixture.resign(try f.approve(2), by: f.holders[2]) {
            $0["partial"] = .hex(Ristretto255.Point.generator.rawRepresentation)
        }
        let earlier = try ApprovalFixture.lockedResults(
            f.plaintext, round: f.roundHash, sender: f.secretary, to: f.policy.jointKey, seed: "earlier")
        let cases: [((bytes: [UInt8], file: String), String)] = [
            (try other.approve(1), "approval.not-a-holder"),
            (forged, "approval.bad-proof"),
            (try f.approve(1, roundHash: other.roundHash), "approval.wrong-round"),
            (try f.approve(1, results: earlier), "approval.wrong-results"),
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
        let remerged = try ApprovalFixture.lockedResults(
            Array("{}".utf8), round: f.roundHash, sender: f.secretary, to: f.policy.jointKey, seed: "re-merge")
        let checks: [([UInt8], [UInt8], [UInt8], String)] = [
            (other, f.manifestHash, f.results, "token.wrong-round"),
            (f.roundHash, other, f.results, "token.wrong-manifest"),
            (f.roundHash, f.manifestHash, remerged, "token.wrong-results"),
        ]
        for (round, manifest, results, code) in checks {
            let error = try #require(throws: (any Error).self) {
                try token.verify(
                    policy: f.policy, roundHash: round, manifestHash: manifest, results: try f.envelope(results))
            }
            #expect(error.code == code)
            #expect(error.arguments == ["release.avt"])
        }
        // Other results of the same round (merged again): the token does not open them.
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

    /// Rule: partials of earlier results (before a re-merge) do not open the re-merged file, even
    /// relabelled with the new file's hash: their proofs are for another ephemeral point.
    @Test func earlierPartialsDoNotOpenRemergedResults() throws {
        let f = try ApprovalFixture()
        let earlier = try ApprovalFixture.lockedResults(
            f.plaintext, round: f.roundHash, sender: f.secretary, to: f.policy.jointKey, seed: "earlier")
        let relabelled = try [0, 1].map { i in
            try ApprovalFixture.resign(try f.approve(i, results: earlier), by: f.holders[i]) {
                $0["results"] = .hex(f.resultsHash)
            }
        }
        #expect(throws: ReleaseError(.approvalBadProof)) { try f.combine(relabelled) }
        // A token built from them by hand: refused when opening, nothing decrypted.
        let bytes = try f.combine([try f.approve(0), try f.approve(1)]).bytes
        let edited = try ApprovalFixture.editToken(bytes) {
            $0["approvals"] = .array(relabelled.map { .hex($0.bytes) })
        }
        #expect(throws: ReleaseError(.approvalBadProof)) { try f.open(token: edited) }
        // The partials themselves, combined without their proofs, give a key the file refuses.
        let partials = try relabelled.map { try Approval(parsing: $0.bytes, file: $0.file) }
        #expect(throws: EnvelopeError(.commitment)) {
            try f.envelope().open(jointKey: f.policy.jointKey, partials: ReleaseToken.partials(partials))
        }
    }

    /// Rule: t − 1 genuine partials do not open the file (the key they give is refused by the
    /// commitment), and t do.
    @Test func fewerThanThresholdPartialsDoNotOpen() throws {
        let f = try ApprovalFixture()
        let one = [try Approval(parsing: try f.approve(2).bytes, file: "a")]
        #expect(throws: EnvelopeError(.commitment)) {
            try f.envelope().open(jointKey: f.policy.jointKey, partials: ReleaseToken.partials(one))
        }
        let two = one + [try Approval(parsing: try f.approve(0).bytes, file: "b")]
        #expect(try f.envelope().open(jointKey: f.policy.jointKey, partials: ReleaseToken.partials(two)) == f.plaintext)
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
            { $0["releaseSecret"] = .string(String(repeating: "a", count: 64)) },
            { $0["results"] = .string(String(repeating: "A", count: 64)) },
        ]
        for edit in edits {
            let edited = try ApprovalFixture.editToken(bytes, edit)
            #expect(throws: FormatError(.header)) { try ReleaseToken(parsing: edited, file: "t") }
        }
    }
}
