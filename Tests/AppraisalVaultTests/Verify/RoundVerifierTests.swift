import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

@Suite("Round verification (spec §9)")
struct RoundVerifierTests {
    typealias F = VerifyFixture

    /// A clean released round passes every check, in the order of spec §9.2–9.3.
    @Test func cleanRoundPasses() throws {
        let f = try F()
        let report = try f.verify(fingerprint: f.round.fingerprint)
        #expect(report.passed, "\(report.failures.map { "\($0.id): \($0.detail.description)" })")
        // No pin store, receipt or checkpoint in this fixture: those three are not yet (spec §11.5).
        let freshness: Set = ["journal.pin", "journal.receipts", "journal.checkpoints"]
        #expect(report.checks.allSatisfy { $0.status == (freshness.contains($0.id) ? .notYet : .passed) })
        #expect(report.anchor == .fingerprint)
        var ids = [String]()
        for id in report.checks.map(\.id) where ids.last != id { ids.append(id) }
        #expect(
            ids == [
                "round.signature", "round.ceremony", "round.fingerprint", "journal.signature", "journal.chain",
                "journal.round", "journal.pin", "journal.receipts", "journal.checkpoints",
                "submission.name", "submission.signature", "submission.binding", "submission.name",
                "submission.signature",
                "submission.binding", "journal.files", "manifest.signature", "manifest.round", "manifest.submissions",
                "manifest.coverage", "manifest.journal", "results.hash", "results.envelope", "approval.verify",
                "approval.count",
                "token.verify", "results.open", "results.totals", "results.percent", "results.reasons",
                "results.appraisers", "results.signed", "results.survey",
            ])
        #expect(report.roundHash == f.round.fileHash)
    }

    /// Stages that have not happened are "not yet", not failures; a fresh round passes.
    @Test func absentStagesAreNotYet() throws {
        let f = try F(stage: .initialized)
        let report = try f.verify()
        #expect(report.passed)
        let notYet = report.checks.filter { $0.status == .notYet }.map(\.id)
        #expect(
            notYet == [
                "round.fingerprint", "journal.pin", "journal.receipts", "journal.checkpoints", "submission.name",
                "manifest.signature", "approval.count", "token.verify",
            ])
        #expect(report.anchor == .none)
        let merged = try F(stage: .merged).verify()
        #expect(merged.passed)
        #expect(
            merged.checks.filter { $0.status == .notYet }.map(\.id) == [
                "round.fingerprint", "journal.pin", "journal.receipts", "journal.checkpoints", "approval.count",
                "token.verify",
            ])
    }

    /// A threshold of 1 is a warning (check 2a, status `warn`): it does not fail the round, shows
    /// in `--json` as `"status":"warn"` with `passed` true; a 2-of-3 round has no such finding.
    @Test func singleHolderIsWarned() throws {
        let report = try F(stage: .initialized, threshold: 1).verify()
        #expect(report.passed)
        #expect(report.warnings.map(\.id) == ["round.threshold"])
        #expect(report.warnings.first?.detail.messageID == "verify.single-holder")
        #expect(
            report.checks.map(\.id).prefix(4) == [
                "round.signature", "round.ceremony", "round.fingerprint", "round.threshold",
            ])
        guard case .object(let top) = report.json(renderingDetail: { $0.messageID }),
            case .array(let checks) = top["checks"], case .object(let warn) = checks[3]
        else {
            Issue.record("shape")
            return
        }
        #expect(warn["status"] == .string("warn") && warn["passed"] == .bool(true))
        #expect(top["passed"] == .bool(true))
        #expect(try F(stage: .initialized).verify().checks.allSatisfy { $0.id != "round.threshold" })
    }

    /// The report's JSON is canonical and carries id, subject, pass/fail, English detail and message id.
    @Test func jsonForm() throws {
        let f = try F(stage: .merged)
        let report = try f.verify()
        let bytes = CanonicalJSON.serialize(report.json(renderingDetail: { $0.messageID }))
        #expect(try CanonicalJSON.parse(bytes) == report.json(renderingDetail: { $0.messageID }))
        guard case .object(let top) = report.json(renderingDetail: { $0.messageID }),
            case .array(let checks) = top["checks"], case .object(let first)? = checks.first
        else {
            Issue.record("shape")
            return
        }
        #expect(top["passed"] == .bool(true) && top["round"] == .hex(f.round.fileHash))
        #expect(Set(first.keys) == ["detail", "id", "message", "passed", "status", "subject"])
        #expect(first["id"] == .string("round.signature") && first["message"] == .string("verify.round-ok"))
    }

    /// A fingerprint other than the round's fails round.fingerprint.
    @Test func wrongFingerprint() throws {
        let f = try F(stage: .initialized)
        let other = try #require(Fingerprint(parsing: "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF"))
        let report = try f.verify(fingerprint: other)
        #expect(report.failedIDs == ["round.fingerprint"])
        #expect(report.failures.first?.detail.messageID == VerificationReport.Finding.fingerprintMismatch.rawValue)
    }

    /// A submission removed from submissions/ after the merge is named against the manifest and the journal.
    @Test func submissionRemovedAfterMerge() throws {
        let f = try F(stage: .merged)
        try FileIO.remove(f.path("submissions/tv-02.r1.avs"))
        let report = try f.verify()
        #expect(report.failedIDs == ["journal.files", "manifest.submissions"])
        #expect(
            report.failures.contains {
                $0.detail.messageID == VerificationReport.Finding.listedMissing.rawValue
                    && $0.subject == "submissions/tv-02.r1.avs"
            })
    }

    /// A new revision put in after the merge leaves submissions/ unlike the manifest. `receive`
    /// refuses a merged round (§6.2 "Closed round"), so this does by hand what it would have done:
    /// the new file in, the old one moved to superseded/, a `supersede` entry signed by the secretary.
    @Test func submissionAddedAfterMerge() throws {
        let f = try F(stage: .merged)
        let bytes = try Sealing.seal(
            [
                Appraisal(unit: "u1", code: "1.1.1", score: MergeFixture.p("0.75"), reason: ""),
                Appraisal(unit: "u1", code: "1.1.2", score: MergeFixture.p("0.5"), reason: ""),
            ], round: f.round, member: F.identity("tv-01"), revision: 2)
        let layout = RoundLayout(f.directory)
        try FileIO.writeAtomically(bytes, to: layout.path(RoundLayout.submissionsFolder, "tv-01.r2.avs"))
        try FileIO.makeDirectory(layout.superseded, mode: 0o755)
        try FileIO.move(
            layout.path(RoundLayout.submissionsFolder, "tv-01.r1.avs"),
            to: layout.path(RoundLayout.supersededFolder, "tv-01.r1.avs"))
        try RoundJournal.append(
            roundDirectory: f.directory, event: .supersede,
            details: [
                "fileHash": .hex(BLAKE2b.hash(bytes, outputLength: 32)), "member": .string("tv-01"),
                "revision": .integer(2), "supersedes": .integer(1),
            ], secretary: f.secretary)
        let report = try f.verify()
        #expect(report.failedIDs == ["manifest.submissions"])
        #expect(
            report.failures.contains {
                $0.detail.messageID == VerificationReport.Finding.unlisted.rawValue
                    && $0.subject == "submissions/tv-01.r2.avs"
            })
    }

    /// A sealed file copied into submissions/ without `receive` has no journal entry either.
    @Test func submissionSlippedIn() throws {
        let f = try F(stage: .merged)
        let bytes = try f.read("submissions/tv-01.r1.avs")
        try FileIO.makeDirectory(f.path("superseded"), mode: 0o755)
        try f.write("superseded/tv-01.r1.avs", bytes)
        let report = try f.verify()
        #expect(report.failedIDs == ["journal.files"])
    }

    /// Two members' files swapped by name: each file's signer contradicts its name.
    @Test func filesSwappedBetweenMembers() throws {
        let f = try F(stage: .received)
        let a = try f.read("submissions/tv-01.r1.avs")
        let b = try f.read("submissions/tv-02.r1.avs")
        try f.write("submissions/tv-01.r1.avs", b)
        try f.write("submissions/tv-02.r1.avs", a)
        let report = try f.verify()
        #expect(report.failedIDs == ["submission.binding", "journal.files"])
        #expect(report.failures.first?.detail.messageID == VerificationReport.Finding.nameMismatch.rawValue)
    }

    /// A journal entry removed: without re-signing the signature fails; re-signed by the secretary the chain breaks.
    @Test func journalEntryRemoved() throws {
        let f = try F(stage: .merged)
        let original = try f.read("journal.avj")
        try f.rewriteJournal(by: f.secretary) { $0.remove(at: 2) }
        #expect(try f.verify().failedIDs.first == "journal.chain")
        // The same removal with the signature of the original file kept.
        let doc = try SignedDocument(parsing: try f.read("journal.avj"), expecting: .journalHead, file: "j")
        let old = try SignedDocument(parsing: original, expecting: .journalHead, file: "j")
        try f.write("journal.avj", doc.container.preamble + old.signature)
        #expect(try f.verify().failedIDs.first == "journal.signature")
    }

    /// A journal entry removed and the chain recomputed by the secretary: the files and the manifest's head disagree.
    @Test func journalEntryRemovedAndRechained() throws {
        let f = try F(stage: .merged)
        try f.rewriteJournal(by: f.secretary, rechain: true) { $0.remove(at: 2) }
        let report = try f.verify()
        #expect(!report.failedIDs.contains("journal.chain"))
        #expect(report.failedIDs.contains("journal.files") && report.failedIDs.contains("manifest.journal"))
    }

    /// A journal entry edited and re-signed by someone other than the secretary fails journal.signature.
    @Test func journalEntryEditedAndResignedByOther() throws {
        let f = try F(stage: .merged)
        try f.rewriteJournal(by: F.identity("tv-01")) { entries in
            guard case .object(var e) = entries[1], case .object(var d)? = e["details"] else { return }
            d["revision"] = .integer(7)
            e["details"] = .object(d)
            entries[1] = .object(e)
        }
        let report = try f.verify()
        #expect(report.failedIDs.first == "journal.signature")
        #expect(report.failures.first?.detail.messageID == JournalError.Code.badSignature.rawValue)
    }

    /// One changed byte in the locked results fails the hash against the manifest and the envelope signature.
    @Test func tamperedLockedResults() throws {
        let f = try F(stage: .merged)
        var bytes = try f.read("results.avl")
        bytes[bytes.count - 100] ^= 0x01
        try f.write("results.avl", bytes)
        let report = try f.verify()
        #expect(report.failedIDs == ["results.hash", "results.envelope"])
    }

    /// A manifest (re-signed by the secretary) listing a wrong hash for a submission fails manifest.submissions.
    @Test func manifestListsWrongHash() throws {
        let f = try F(stage: .merged)
        try f.resign("manifest.avm", .manifest, by: f.secretary) { fields in
            guard case .array(var subs) = fields["submissions"], case .object(var s) = subs[0] else { return }
            s["fileHash"] = .hex([UInt8](repeating: 7, count: 32))
            subs[0] = .object(s)
            fields["submissions"] = .array(subs)
        }
        let report = try f.verify()
        #expect(report.failedIDs.contains("manifest.submissions"))
        #expect(report.failures.contains { $0.detail.messageID == VerificationReport.Finding.listedChanged.rawValue })
        #expect(report.failedIDs.contains("manifest.journal"))  // the merge entry names the original manifest
    }

    /// A manifest signed by someone else fails manifest.signature (and no longer is the one the journal's merge names).
    @Test func manifestSignedByOther() throws {
        let f = try F(stage: .merged)
        try f.resign("manifest.avm", .manifest, by: F.identity("tv-01")) { _ in }
        #expect(try f.verify().failedIDs == ["manifest.signature", "manifest.journal"])
    }

    /// An approval signed by a key that is not a holder of the round is named; the others still count.
    @Test func approvalFromOutsider() throws {
        let f = try F(stage: .approved)
        let outsider = F.identity("tv-01")
        let forged = try ApprovalFixture.resign((try f.read("approvals/chu-tich.ava"), "x.ava"), by: outsider) { h in
            h["holderSigningKey"] = .hex(outsider.signingKey.publicKey.rawRepresentation)
        }
        try f.write("approvals/tv-01.ava", forged.bytes)
        let report = try f.verify()
        #expect(report.failedIDs == ["approval.verify"])
        #expect(report.failures.first?.detail.messageID == ReleaseError.Code.approvalNotAHolder.rawValue)
        #expect(report.checks.contains { $0.id == "approval.count" && $0.status == .passed })
    }

    /// The same holder twice counts once; with only one distinct key the threshold is "not yet".
    @Test func sameHolderTwiceCountsOnce() throws {
        let f = try F(stage: .approved)
        try FileIO.remove(f.path("approvals/chanh-vp.ava"))
        try f.write("approvals/chu-tich-again.ava", try f.approval(by: F.identity("chu-tich")))
        let report = try f.verify()
        #expect(report.passed)
        #expect(
            report.checks.contains {
                $0.id == "approval.count" && $0.detail.messageID == Notice.Code.approvalCountedOnce.rawValue
            })
        #expect(report.checks.contains { $0.id == "approval.count" && $0.status == .notYet })
    }

    /// A token made for another round is refused with token.wrong-round.
    @Test func tokenForAnotherRound() throws {
        let f = try F(stage: .approved)
        let other = try F(stage: .released, title: "Vòng khác")
        try f.write(RoundLayout.tokenFileName, try other.read(RoundLayout.tokenFileName))
        let report = try f.verify()
        #expect(report.failedIDs == ["token.verify"])
        #expect(report.failures.first?.detail.messageID == ReleaseError.Code.tokenWrongRound.rawValue)
    }
}
