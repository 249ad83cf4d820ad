import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

@Suite("Release: approvals")
struct ApprovalTests {
    /// Rule: an approval is a signed `approval` document with exactly the spec §8.2 fields, and it
    /// verifies against its round; it carries the holder's opened share.
    @Test func createParseVerify() throws {
        let f = try ApprovalFixture()
        let a = try f.approve(1)
        let approval = try Approval(parsing: a.bytes, file: a.file)
        let entry = try f.verify(a)
        #expect(entry.identity.id == "pho-chu-tich")
        #expect(approval.holder == "pho-chu-tich")
        #expect(approval.decision == ApprovalFixture.decision)
        #expect(
            approval.round == f.roundHash && approval.manifest == f.manifestHash && approval.results == f.resultsHash)
        #expect(approval.share.x == 2)
        #expect(approval.share.y == (try f.policy.openShare(holder: f.holders[1], roundID: f.roundID)).y)
        #expect(a.bytes[8] == ArtifactKind.approval.rawValue)
        guard case .object(let fields) = approval.document.container.header else {
            Issue.record("not an object")
            return
        }
        #expect(
            fields.keys.sorted()
                == ["created", "decision", "holder", "holderSigningKey", "manifest", "results", "round", "share", "x"])
        #expect(approval.document.isSigned(by: f.holders[1].identity.signingKey))
        #expect(!approval.document.isSigned(by: f.holders[0].identity.signingKey))
    }

    /// Rule: the decision text is stored trimmed and in NFC, so the same words typed in NFD
    /// give the same approval bytes.
    @Test func decisionIsNormalised() throws {
        let f = try ApprovalFixture()
        let nfd = ApprovalFixture.decision.decomposedStringWithCanonicalMapping
        #expect(Array(nfd.utf8) != Array(ApprovalFixture.decision.utf8))
        let a = try f.approve(0, decision: "  " + nfd + " ")
        #expect(a.bytes == (try f.approve(0)).bytes)
    }

    /// Rule: an empty or blank (spec §1.3), multi-line, bidi-controlled or over-300-byte decision
    /// reference is refused.
    @Test(arguments: [
        "", "   ", "\u{00A0}\u{3000}\u{200B}", "Quyết định số 1\nngày 2", "Quyết định số \u{202E}321",
        "QĐ\u{1B}[2J", String(repeating: "ệ", count: 101),
    ])
    func badDecisionRefused(_ decision: String) throws {
        let f = try ApprovalFixture()
        #expect(throws: ReleaseError(.approvalBadDecision)) { try f.approve(0, decision: decision) }
    }

    /// Rule: a changed byte anywhere in an approval fails its signature.
    @Test func tamperedApprovalFailsSignature() throws {
        let f = try ApprovalFixture()
        let a = try f.approve(0)
        // The last signature byte, and the "2" of "2026" in `created` turned into "3".
        let created = try #require(String(decoding: a.bytes, as: UTF8.self).range(of: "\"created\":\"2026"))
        let offset =
            String(decoding: a.bytes, as: UTF8.self).utf8.distance(
                from: String(decoding: a.bytes, as: UTF8.self).startIndex, to: created.upperBound) - 1
        for bytes in [ApprovalFixture.flip(a.bytes, at: -1), ApprovalFixture.flip(a.bytes, at: offset)] {
            let error = try #require(throws: (any Error).self) { try f.verify((bytes, a.file)) }
            #expect(error.errorID == ReleaseError.Code.approvalBadSignature.rawValue)
            #expect(error.arguments == [a.file])
        }
    }

    /// Rule: an approval signed by a key that is not a holder of this round is refused, even when
    /// it claims a holder's id; a non-holder cannot even open a share.
    @Test func keyNotInRoundRefused() throws {
        let f = try ApprovalFixture()
        let other = try ApprovalFixture(seed: "another round")
        // A genuine approval from the other round's holder, checked against this round's policy.
        let foreign = try other.approve(0)
        let error = try #require(throws: (any Error).self) {
            try Approval(parsing: foreign.bytes, file: foreign.file).verify(
                policy: f.policy, roundID: f.roundID, roundHash: other.roundHash, manifestHash: other.manifestHash,
                resultsHash: other.resultsHash)
        }
        #expect(error.errorID == ReleaseError.Code.approvalNotAHolder.rawValue)
        #expect(error.arguments == [foreign.file, "chu-tich"])
        // An outsider who copies a holder's approval and re-signs it with their own key.
        let forged = try ApprovalFixture.resign(try f.approve(0), by: other.holders[0]) {
            $0["holderSigningKey"] = .hex(other.holders[0].identity.signingKey.rawRepresentation)
        }
        #expect(throws: ReleaseError(.approvalNotAHolder)) { try f.verify(forged) }
        // Creating an approval needs a holder's keys.
        #expect(throws: ReleaseError(.notAHolder)) {
            try Approval.create(
                policy: f.policy, roundID: f.roundID, roundHash: f.roundHash, manifestHash: f.manifestHash,
                resultsHash: f.resultsHash, decision: ApprovalFixture.decision, holder: f.secretary)
        }
    }

    /// Rule: an approval is bound to its round, manifest and results; each mismatch has its own
    /// message naming the holder.
    @Test func bindingMismatchesNamed() throws {
        let f = try ApprovalFixture()
        let other = BLAKE2b.hash([1, 2, 3], outputLength: 32)
        let cases: [(approval: (bytes: [UInt8], file: String), code: String)] = [
            (try f.approve(2, roundHash: other), "approval.wrong-round"),
            (try f.approve(2, manifestHash: other), "approval.wrong-manifest"),
            (try f.approve(2, resultsHash: other), "approval.wrong-results"),
        ]
        for (approval, code) in cases {
            let error = try #require(throws: (any Error).self) { try f.verify(approval) }
            #expect(error.code == code)
            #expect(error.arguments == [approval.file, "chanh-vp"])
        }
    }

    /// Rule: a share that does not match the holder's commitment is refused and the holder named,
    /// even when the holder signed it.
    @Test func corruptedShareNamed() throws {
        let f = try ApprovalFixture()
        let bad = try ApprovalFixture.resign(try f.approve(1), by: f.holders[1]) { fields in
            guard case .string(let s) = fields["share"], var y = Hex.decode(s) else { return }
            y[31] ^= 0x40
            fields["share"] = .hex(y)
        }
        let error = try #require(throws: (any Error).self) { try f.verify(bad) }
        #expect(error.errorID == ReleaseError.Code.approvalShareCommitment.rawValue)
        #expect(error.arguments == [bad.file, "pho-chu-tich", "2"])
    }

    /// Rule: the x in an approval must be the signing holder's x.
    @Test func wrongXRefused() throws {
        let f = try ApprovalFixture()
        let bad = try ApprovalFixture.resign(try f.approve(0), by: f.holders[0]) { $0["x"] = .int(3) }
        let error = try #require(throws: (any Error).self) { try f.verify(bad) }
        #expect(error.errorID == ReleaseError.Code.approvalWrongX.rawValue)
        #expect(error.arguments == [bad.file, "chu-tich", "3", "1"])
    }

    /// Rule: parsing is strict: unknown fields, uppercase hex, non-NFC text, another kind of file
    /// and trailing bytes are refused before any check.
    @Test func strictParsing() throws {
        let f = try ApprovalFixture()
        let a = try f.approve(0)
        let edits: [(inout [String: JSONValue]) -> Void] = [
            { $0["extra"] = .bool(true) },
            { $0["share"] = .string(Hex.encode([UInt8](repeating: 0xab, count: 32)).uppercased()) },
            { $0["decision"] = .string(ApprovalFixture.decision.decomposedStringWithCanonicalMapping) },
            { $0["decision"] = .string(" " + ApprovalFixture.decision) },
            { $0["created"] = .string("yesterday") },
            { $0.removeValue(forKey: "x") },
        ]
        for edit in edits {
            let bad = try ApprovalFixture.resign(a, by: f.holders[0], edit)
            #expect(throws: FormatError(.header)) { try Approval(parsing: bad.bytes, file: bad.file) }
        }
        #expect(throws: FormatError(.trailing)) { try Approval(parsing: a.bytes + [0], file: a.file) }
        #expect(throws: FormatError(.wrongKind)) { try Approval(parsing: try f.holders[0].publicFile(), file: "x.pub") }
    }

    /// Rule: a decision reference (approval and token, spec §8.2, §8.4) is one NFC line of 1–300 bytes with
    /// no surrounding spaces.
    @Test func decision() throws {
        let good = "Quyết định số 123/QĐ-UBND ngày 20/12/2026"
        var r = try FieldReader(.object(["decision": .string(good)]))
        #expect(try Approval.readDecision(from: &r) == good)
        for bad in ["", " " + good, good.decomposedStringWithCanonicalMapping, String(repeating: "a", count: 301)] {
            var reader = try FieldReader(.object(["decision": .string(bad)]))
            let failure = #expect(throws: FieldReader.Failure.self) { try Approval.readDecision(from: &reader) }
            #expect(failure?.path == "decision")
        }
    }
}
