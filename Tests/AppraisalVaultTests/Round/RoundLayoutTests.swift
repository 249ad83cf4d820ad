import Testing

@testable import AppraisalVault

@Suite("Round folder layout (spec §6.1, §8.1, §10.4)")
struct RoundLayoutTests {
    /// Every name is the one the spec and tools/pyverify use.
    @Test func names() {
        #expect(RoundLayout.definitionFileName == "round.avr")
        #expect(RoundLayout.journalFileName == "journal.avj")
        #expect(RoundLayout.submissionsFolder == "submissions")
        #expect(RoundLayout.supersededFolder == "superseded")
        #expect(RoundLayout.evidenceFolder == "evidence")
        #expect(RoundLayout.manifestFileName == "manifest.avm")
        #expect(RoundLayout.resultsFileName == "results.avl")
        #expect(RoundLayout.approvalsFolder == "approvals")
        #expect(RoundLayout.tokenFileName == "release-token.avt")
        #expect(RoundLayout.submissionFileName(member: "tv-01", revision: 12) == "tv-01.r12.avs")
        #expect(RoundLayout.evidenceFileName(member: "tv-01", revision: 2, index: 3) == "tv-01.r2.e3.ave")
        #expect(RoundLayout.approvalFileName(holder: "chu-tich") == "chu-tich.ava")
    }

    /// Paths are the names inside the folder.
    @Test func paths() {
        let layout = RoundLayout("vong")
        #expect(layout.definition == "vong/round.avr")
        #expect(layout.journal == "vong/journal.avj")
        #expect(layout.submissions == "vong/submissions")
        #expect(layout.superseded == "vong/superseded")
        #expect(layout.evidence == "vong/evidence")
        #expect(layout.manifest == "vong/manifest.avm")
        #expect(layout.results == "vong/results.avl")
        #expect(layout.approvals == "vong/approvals")
        #expect(layout.token == "vong/release-token.avt")
        #expect(layout.path("submissions", "tv-01.r1.avs") == "vong/submissions/tv-01.r1.avs")
    }

    /// A `--round` naming a file means the file's folder.
    @Test func folderOfADefinitionFile() {
        #expect(RoundLayout(folderOrDefinition: "/nonexistent/vong/round.avr").directory == "/nonexistent/vong")
    }

    /// Submission names round-trip; anything off the rule is refused.
    @Test func submissionNames() {
        #expect(RoundLayout.parseSubmissionFileName("tv-01.r7.avs")! == ("tv-01", 7))
        for bad in [
            "tv-01.r0.avs", "tv-01.r07.avs", "tv-01.r1.ave", "tv-01.avs", "tv-01.r1000001.avs", ".r1.avs", "TV.r1.avs",
        ] {
            #expect(RoundLayout.parseSubmissionFileName(bad) == nil, "\(bad)")
        }
    }

    /// Evidence names round-trip; the index is 1…999 without a leading zero.
    @Test func evidenceNames() {
        let name = RoundLayout.evidenceFileName(member: "tv-01", revision: 3, index: 999)
        #expect(RoundLayout.parseEvidenceFileName(name)! == ("tv-01", 3, 999))
        for bad in ["tv-01.r1.e0.ave", "tv-01.r1.e01.ave", "tv-01.r1.e1000.ave", "tv-01.r1.avs", "tv-01.e1.ave"] {
            #expect(RoundLayout.parseEvidenceFileName(bad) == nil, "\(bad)")
        }
    }
}
