import Testing

@testable import AppraisalVault

@Suite struct SelfAndMembersTests {
    let fx: RoundFixtures
    let framework: Framework
    let units: [AppraisedUnit]
    let groups: [UnitGroup]

    init() throws {
        fx = try RoundFixtures()
        framework = try #require(try fx.framework().0)
        (units, groups) = try fx.units()
    }

    func selfAssessment(_ text: String) throws -> (SelfAssessment?, InputProblems) {
        var p = InputProblems()
        let s = SelfAssessmentInput.load(
            try fx.write("self.csv", text), framework: framework, units: units, problems: &p)
        return (s, p)
    }

    func members(_ text: String) throws -> ([Member]?, InputProblems) {
        var p = InputProblems()
        let m = MembersInput.load(
            try fx.write("members.csv", text), framework: framework, units: units, groups: groups, problems: &p)
        return (m, p)
    }

    /// A complete self-assessment loads; "0,75" is three quarters.
    @Test func selfValid() throws {
        let (s, p) = try selfAssessment(RoundFixtures.selfCSV)
        #expect(p.isEmpty, "\(p)")
        #expect(s?.score(unit: "u1", code: "1.1.1")?.description == "0.75")
        #expect(s?.entries[Cell(unit: "u2", code: "1.1.1")]?.note == "ghi chú")
    }

    /// An empty score (spaces only, too) is "not self-assessed" (spec §3.5): the entry exists
    /// without a score, keeps its note, and is not mistaken for a missing row.
    @Test func selfNotAssessed() throws {
        let (s, p) = try selfAssessment("unit,code,score,note\nu1,1.1.1,  ,chưa có hồ sơ\nu2,1.1.1,1,\n")
        #expect(p.isEmpty, "\(p)")
        let a = try #require(s)
        #expect(a.isNotAssessed(unit: "u1", code: "1.1.1") && a.score(unit: "u1", code: "1.1.1") == nil)
        #expect(a.entries[Cell(unit: "u1", code: "1.1.1")]?.note == "chưa có hồ sơ")
        #expect(!a.isNotAssessed(unit: "u2", code: "1.1.1") && a.notAssessedCount == 1)
        // A council sub-criterion is neither self-assessed nor "not self-assessed".
        #expect(!a.isNotAssessed(unit: "u1", code: "1.1.2"))
    }

    /// An unknown unit is rejected with its cell.
    @Test func selfUnknownUnit() throws {
        let (_, p) = try selfAssessment(RoundFixtures.selfCSV + "u9,1.1.1,1,\n")
        expectProblem(p, InputErrorCode.selfUnknownUnit, mentions: "self.csv:4:1", "u9")
    }

    /// An unknown code is rejected.
    @Test func selfUnknownCode() throws {
        let (_, p) = try selfAssessment(RoundFixtures.selfCSV + "u1,9.9.9,1,\n")
        expectProblem(p, InputErrorCode.selfUnknownCode, mentions: "self.csv:4:2", "9.9.9")
    }

    /// A council or survey sub-criterion cannot be self-assessed.
    @Test func selfNotSelf() throws {
        let (_, p) = try selfAssessment(RoundFixtures.selfCSV + "u1,1.1.2,0.5,\n")
        expectProblem(p, InputErrorCode.selfNotSelf, mentions: "self.csv:4:2", "council")
    }

    /// A cell given twice is rejected, naming the first line.
    @Test func selfDuplicate() throws {
        let (_, p) = try selfAssessment(RoundFixtures.selfCSV + "u1,1.1.1,1,\n")
        expectProblem(p, InputErrorCode.selfDuplicate, mentions: "self.csv:4:1", "u1/1.1.1", "2")
    }

    /// Scores above the max or negative are rejected.
    @Test func selfOutOfRange() throws {
        let (_, p) = try selfAssessment("unit,code,score\nu1,1.1.1,1.25\nu2,1.1.1,-0.25\n")
        #expect(p.errors.filter { $0.errorID == InputError.Code.selfOutOfRange.rawValue }.count == 2)
        #expect(p.errors.first.map(facts)?.contains { $0.hasSuffix("self.csv:2:3") } == true)
    }

    /// Scores off the step are rejected.
    @Test func selfOffStep() throws {
        let (_, p) = try selfAssessment("unit,code,score\nu1,1.1.1,\"0,3\"\nu2,1.1.1,1\n")
        expectProblem(p, InputErrorCode.selfOffStep, mentions: "self.csv:2:3", "0.3", "0.25")
    }

    /// An unparsable score is rejected.
    @Test func selfBadNumber() throws {
        let (_, p) = try selfAssessment("unit,code,score\nu1,1.1.1,1e0\nu2,1.1.1,1\n")
        expectProblem(p, InputErrorCode.inputBadNumber, mentions: "self.csv:2:3", "1e0")
    }

    /// Missing cells are listed.
    @Test func selfMissing() throws {
        let (_, p) = try selfAssessment("unit,code,score\nu1,1.1.1,1\n")
        expectProblem(p, InputErrorCode.selfMissing, mentions: "self.csv", "u2/1.1.1")
    }

    /// Valid members: a field code and a criterion code each cover their units' appraisable cells.
    @Test func membersValid() throws {
        let (m, p) = try members(RoundFixtures.membersCSV)
        #expect(p.isEmpty, "\(p)")
        let list = try #require(m)
        #expect(list.map(\.id) == ["tv-01", "tv-02"])
        #expect(
            list[0].cells(in: framework, units: units) == [
                Cell(unit: "u1", code: "1.1.1"), Cell(unit: "u1", code: "1.1.2"),
            ])
        #expect(list[1].codes == ["1.1"])
    }

    /// A public key file with a role other than member is rejected.
    @Test func wrongRole() throws {
        let (_, p) = try members("id,public_key_file,codes\nthu-ky,keys/thu-ky.pub,1\n")
        expectProblem(p, InputErrorCode.membersWrongRole, mentions: "members.csv:2:2", "secretary")
    }

    /// The id in the CSV must match the id in the key file.
    @Test func idMismatch() throws {
        let (_, p) = try members("id,public_key_file,codes\ntv-09,keys/tv-01.pub,1\n")
        expectProblem(p, InputErrorCode.membersIDMismatch, mentions: "members.csv:2:2", "tv-01", "tv-09")
    }

    /// A missing key file is reported at its cell, followed by the file error.
    @Test func missingKey() throws {
        let (_, p) = try members("id,public_key_file,codes\ntv-04,keys/tv-04.pub,1\n")
        expectProblem(p, InputErrorCode.membersKeyUnusable, mentions: "members.csv:2:2")
        #expect(p.contains("file.not-found"))
    }

    /// A member listed twice is rejected.
    @Test func duplicate() throws {
        let (_, p) = try members(RoundFixtures.membersCSV + "tv-01,keys/tv-01.pub,1,\n")
        expectProblem(p, InputErrorCode.membersDuplicate, mentions: "members.csv:4:1", "tv-01")
    }

    /// Unknown codes, survey-only codes, empty code lists and unknown units are rejected.
    @Test func assignmentErrors() throws {
        let (_, p) = try members(
            "id,public_key_file,codes,units\ntv-01,keys/tv-01.pub,1;7,\ntv-02,keys/tv-02.pub,1.1.3,\ntv-03,keys/tv-03.pub, ,u7\n"
        )
        expectProblem(p, InputErrorCode.membersUnknownCode, mentions: "members.csv:2:3", "7")
        expectProblem(p, InputErrorCode.membersSurveyCode, mentions: "members.csv:3:3", "1.1.3")
        expectProblem(p, InputErrorCode.membersNoCodes, mentions: "members.csv:4:3", "tv-03")
        expectProblem(p, InputErrorCode.membersUnknownUnit, mentions: "members.csv:4:4", "u7")
    }

    /// Cells assigned to two members are listed with both members.
    @Test func overlap() throws {
        let (_, p) = try members(
            "id,public_key_file,codes,units\ntv-01,keys/tv-01.pub,1,\ntv-02,keys/tv-02.pub,1.1.2,u2\n")
        expectProblem(p, InputErrorCode.assignOverlap, mentions: "members.csv", "u2/1.1.2 (tv-01+tv-02)")
    }

    /// Cells assigned to nobody are listed.
    @Test func gap() throws {
        let (_, p) = try members(
            "id,public_key_file,codes,units\ntv-01,keys/tv-01.pub,1.1.1,\ntv-02,keys/tv-02.pub,1.1.2,huyen\n")
        expectProblem(p, InputErrorCode.assignGap, mentions: "members.csv", "1", "u1/1.1.2")
    }

    /// Long lists of cells are summarised: the first ten and a count.
    @Test func summary() {
        let cells = (1...25).map { Cell(unit: "u\($0)", code: "1.1.1") }
        #expect(CellList.summary(cells).hasSuffix("u10/1.1.1, … (+15)"))
    }
}
