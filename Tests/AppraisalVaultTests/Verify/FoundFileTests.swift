import Testing

@testable import AppraisalVault

@Suite("Verify: files found in the round folder (spec §9.2, §10.10)")
struct FoundFileTests {
    /// Files in `submissions/` and `evidence/` are live, files in `superseded/` are not; the
    /// subject is the path relative to the round folder.
    @Test func liveAndSubject() {
        let live = [RoundLayout.submissionsFolder, RoundLayout.evidenceFolder].map {
            RoundVerification.FoundFile(folder: $0, name: "tv-01.r1")
        }
        #expect(live.allSatisfy { $0.isLive })
        let old = RoundVerification.FoundFile(folder: RoundLayout.supersededFolder, name: "tv-01.r1.avs")
        #expect(!old.isLive)
        #expect(old.subject == "superseded/tv-01.r1.avs")
    }
}
