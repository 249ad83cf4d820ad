import Testing
import VaultCrypto

@testable import AppraisalVault

/// Spec §9.3: consistency of the released results, checked on edited copies of real results.
@Suite("Released results consistency (spec §9.3)")
struct ReleasedResultsTests {
    /// The fixture's released results, opened with its token, and its manifest.
    static func opened(_ fixture: VerifyFixture? = nil) throws -> (VerifyFixture, Results, Manifest) {
        let f = try fixture ?? VerifyFixture()
        let token = try ReleaseToken(parsing: try f.read(RoundLayout.tokenFileName), file: "t")
        let plaintext = try LockedResults.open(
            try f.read("results.avl"), file: "results.avl", token: token, policy: f.round.release,
            roundHash: f.round.fileHash, manifestHash: try f.hash("manifest.avm"), secretary: f.round.secretary)
        let manifest = try Manifest(
            parsing: try f.read("manifest.avm"), file: "m", secretaryKey: f.round.secretary.signingKey)
        return (f, try Results(json: try CanonicalJSON.parse(plaintext)), manifest)
    }

    /// Runs the consistency checks and returns the failed check ids.
    static func failures(_ f: VerifyFixture, _ results: Results, _ manifest: Manifest) -> [String] {
        var run = RoundVerification(directory: f.directory, round: f.round)
        run.checkConsistency(of: results, manifest: manifest)
        return VerificationReport(roundHash: nil, checks: run.checks).failedIDs
    }

    /// `results` with unit `u`'s cell `code` (and optionally the unit itself) replaced.
    static func edit(
        _ r: Results, unit u: String, cell code: String? = nil,
        _ change: (Results.CellResult) -> Results.CellResult = { $0 },
        unitChange: (Results.UnitResult) -> Results.UnitResult = { $0 }
    ) -> Results {
        var edited = Results(
            round: r.round, surveyAvailable: r.surveyAvailable,
            units: r.units.map { unit in
                guard unit.unit == u else { return unit }
                let cells = unit.cells.map { $0.code == code ? change($0) : $0 }
                return unitChange(
                    Results.UnitResult(
                        unit: unit.unit, group: unit.group, cells: cells, criteria: unit.criteria, fields: unit.fields,
                        selfTotal: unit.selfTotal, appraisedTotal: unit.appraisedTotal, maxTotal: unit.maxTotal,
                        percent: unit.percent, rank: unit.rank, label: unit.label))
            })
        edited.submissions = r.submissions
        return edited
    }

    static func cell(_ c: Results.CellResult, appraised: Points? = nil, reason: String? = nil, appraiser: String? = nil)
        -> Results.CellResult
    {
        Results.CellResult(
            code: c.code, method: c.method, max: c.max, selfScore: c.selfScore, appraised: appraised ?? c.appraised,
            reason: reason ?? c.reason, appraiser: appraiser ?? c.appraiser)
    }

    /// The real results are consistent.
    @Test func realResultsAreConsistent() throws {
        let (f, r, m) = try Self.opened()
        #expect(Self.failures(f, r, m).isEmpty)
    }

    /// A changed score the totals do not follow fails results.totals.
    @Test func totalsMustAddUp() throws {
        let (f, r, m) = try Self.opened()
        let edited = Self.edit(r, unit: "u2", cell: "1.1.2") { Self.cell($0, appraised: MergeFixture.p("0.5")) }
        // The score is not the one tv-02 signed either (results.signed).
        #expect(Self.failures(f, edited, m) == ["results.totals", "results.signed"])
    }

    /// A percent, rank or label that does not follow from the totals fails results.percent.
    @Test func percentIsRecomputed() throws {
        let (f, r, m) = try Self.opened()
        let edited = Self.edit(r, unit: "u1") {
            $0
        } unitChange: { u in
            Results.UnitResult(
                unit: u.unit, group: u.group, cells: u.cells, criteria: u.criteria, fields: u.fields,
                selfTotal: u.selfTotal,
                appraisedTotal: u.appraisedTotal, maxTotal: u.maxTotal, percent: u.percent + MergeFixture.p("1"),
                rank: u.rank,
                label: u.label)
        }
        #expect(Self.failures(f, edited, m) == ["results.percent"])
    }

    /// A score that differs from the self score without a reason fails results.reasons.
    @Test func changedScoreNeedsReason() throws {
        let (f, r, m) = try Self.opened()
        let edited = Self.edit(r, unit: "u1", cell: "1.1.1") { Self.cell($0, reason: "  ") }
        #expect(Self.failures(f, edited, m) == ["results.reasons", "results.signed"])
    }

    /// A cell the unit did not self-assess (spec §3.5: method `self`, `self` null) needs a reason
    /// whatever its score: removing it fails results.reasons; giving the cell a self score fails
    /// the shape check (results.totals).
    @Test func notSelfAssessedNeedsReason() throws {
        let f = try VerifyFixture(selfCSV: "unit,code,score,note\nu1,1.1.1,,\nu2,1.1.1,1,\n")
        #expect(f.round.selfAssessment.isNotAssessed(unit: "u1", code: "1.1.1"))
        let (_, r, m) = try Self.opened(f)
        #expect(Self.failures(f, r, m).isEmpty)
        let cell = try #require(r.units[0].cells.first { $0.code == "1.1.1" })
        #expect(cell.selfScore == nil && cell.appraised == MergeFixture.p("0.5") && r.units[0].selfTotal == .zero)
        let noReason = Self.edit(r, unit: "u1", cell: "1.1.1") { Self.cell($0, reason: "") }
        #expect(Self.failures(f, noReason, m) == ["results.reasons", "results.signed"])
        let scored = Self.edit(r, unit: "u1", cell: "1.1.1") {
            Results.CellResult(
                code: $0.code, method: $0.method, max: $0.max, selfScore: MergeFixture.p("0.5"),
                appraised: $0.appraised,
                reason: $0.reason, appraiser: $0.appraiser)
        }
        #expect(Self.failures(f, scored, m).first == "results.totals")
    }

    /// A reason that is blank by the one definition of spec §1.3 (NBSP, U+3000, U+200B, U+FEFF,
    /// U+3164 Hangul filler, U+2800 Braille blank:
    /// what seal and merge refuse) fails results.reasons too; a visible one after NBSP passes.
    @Test func blankReasonIsMissing() throws {
        let (f, r, m) = try Self.opened()
        for blank in [
            "\u{00A0}", "\u{3000}\u{3000}", "\u{200B}", "\u{FEFF}", "\u{00A0}\n\u{2060}", "\u{3164}", "\u{2800}",
            "\u{FFA0}\u{FE0F}",
        ] {
            let edited = Self.edit(r, unit: "u1", cell: "1.1.1") { Self.cell($0, reason: blank) }
            // Not the reason tv-01 signed either (results.signed).
            #expect(
                Self.failures(f, edited, m) == ["results.reasons", "results.signed"], "\(Array(blank.unicodeScalars))")
        }
        let visible = Self.edit(r, unit: "u1", cell: "1.1.1") { Self.cell($0, reason: "\u{00A0}Thiếu") }
        #expect(Self.failures(f, visible, m) == ["results.signed"])
    }

    /// A cell credited to a member not assigned to it fails results.appraisers.
    @Test func appraiserMustBeAssigned() throws {
        let (f, r, m) = try Self.opened()
        let edited = Self.edit(r, unit: "u1", cell: "1.1.2") { Self.cell($0, appraiser: "tv-02") }
        #expect(Self.failures(f, edited, m) == ["results.appraisers", "results.signed"])
    }

    /// A released reason that is not the one its member sealed (everything else consistent) fails
    /// results.signed, naming the cell and the member; so does content whose inner signature does
    /// not verify, and a list of signed submissions other than the manifest's.
    @Test func everyCellIsTheSignedOne() throws {
        let (f, r, m) = try Self.opened()
        let edited = Self.edit(r, unit: "u1", cell: "1.1.1") { Self.cell($0, reason: "Lý do khác (sửa sau)") }
        #expect(Self.failures(f, edited, m) == ["results.signed"])
        var run = RoundVerification(directory: f.directory, round: f.round)
        run.checkSignedSubmissions(edited, manifest: m)
        let finding = try #require(run.checks.first { $0.status == .failed })
        #expect(finding.detail.messageID == "verify.cell-not-signed")
        #expect(finding.detail.context.arguments == ["u1", "1.1.1", "tv-01"])
        // Content changed, signature kept.
        var forged = r
        let first = r.submissions[0]
        guard case .object(var content) = first.content else { return }
        content["revision"] = .integer(2)
        forged.submissions[0] = Results.SignedSubmission(
            member: first.member, revision: first.revision, fileHash: first.fileHash, content: .object(content),
            innerSignature: first.innerSignature)
        var run2 = RoundVerification(directory: f.directory, round: f.round)
        run2.checkSignedSubmissions(forged, manifest: m)
        #expect(run2.checks.contains { $0.detail.messageID == "verify.signed-content-bad" })
        // Submissions dropped.
        var dropped = r
        dropped.submissions = []
        var run3 = RoundVerification(directory: f.directory, round: f.round)
        run3.checkSignedSubmissions(dropped, manifest: m)
        #expect(run3.checks.map(\.detail.messageID) == ["verify.signed-submissions-differ"])
    }
}
