import Testing

@testable import AppraisalVault

@Suite struct UnitsAndLabelsTests {
    let fx: RoundFixtures
    init() throws { fx = try RoundFixtures() }

    func load(_ text: String, groups: [UnitGroup]? = nil) throws -> InputProblems {
        var p = InputProblems()
        _ = UnitsInput.load(try fx.write("u.csv", text), groups: groups, problems: &p)
        return p
    }

    /// The sample unit list loads: 19 departments and 10 districts with built-in group names.
    @Test func sample() throws {
        var p = InputProblems()
        let (units, groups) = try #require(
            UnitsInput.load(RoundFixtures.packageRoot + "/samples/units-dien-bien.csv", groups: nil, problems: &p))
        #expect(units.count == 29)
        #expect(groups.map(\.id) == ["so-nganh", "huyen"])
        #expect(groups.map(\.name) == ["Sở, ban, ngành", "UBND cấp huyện"])
        #expect(units.filter { $0.group == "huyen" }.count == 10)
    }

    /// A unit id that is not an identifier is rejected.
    @Test func badID() throws {
        expectProblem(try load("id,name,group\nSở 1,A,huyen\n"), InputErrorCode.unitsBadID, mentions: "u.csv:2:1")
    }

    /// A repeated unit id is rejected, naming the first line.
    @Test func duplicate() throws {
        expectProblem(
            try load("id,name,group\nu1,A,huyen\nu1,B,huyen\n"), InputErrorCode.unitsDuplicate, mentions: "u.csv:3:1",
            "2")
    }

    /// An empty name is rejected.
    @Test func badName() throws {
        expectProblem(try load("id,name,group\nu1, ,huyen\n"), InputErrorCode.unitsBadName, mentions: "u.csv:2:2")
    }

    /// A group that is neither built in nor declared is rejected, with a hint about --groups.
    @Test func unknownGroup() throws {
        let p = try load("id,name,group\nu1,A,xa\n")
        expectProblem(p, InputErrorCode.unitsUnknownGroup, mentions: "u.csv:2:3", "xa")
        #expect(p.errors.first?.hintID == "hint.groups-file")
    }

    /// A groups file declares new groups and renames built-in ones.
    @Test func groupsFile() throws {
        var p = InputProblems()
        let groups = UnitsInput.loadGroups(
            try fx.write("g.csv", "id,name\nxa,UBND cấp xã\nhuyen,Huyện\n"), problems: &p)
        let (_, used) = try #require(
            UnitsInput.load(try fx.write("u.csv", "id,name,group\nu1,A,xa\nu2,B,huyen\n"), groups: groups, problems: &p)
        )
        #expect(used.map(\.name) == ["UBND cấp xã", "Huyện"])
        #expect(p.isEmpty)
        _ = UnitsInput.loadGroups(try fx.write("g2.csv", "id,name\nxa,A\nxa,B\n"), problems: &p)
        expectProblem(p, InputErrorCode.unitsDuplicateGroup, mentions: "g2.csv:3:1")
    }

    /// Without a labels file every group gets Tốt ≥ 90, Khá ≥ 80, Trung bình ≥ 65, else Yếu.
    @Test func defaultLabels() throws {
        var p = InputProblems()
        let labels = try #require(LabelsInput.load(nil, groups: UnitGroup.builtIn, problems: &p))
        #expect(labels.label(group: "huyen", percent: Points(integer: 90)) == "Tốt")
        #expect(labels.label(group: "huyen", percent: try #require(Points(parsing: "89.99"))) == "Khá")
        #expect(labels.label(group: "so-nganh", percent: Points(integer: 65)) == "Trung bình")
        #expect(labels.label(group: "so-nganh", percent: Points(integer: 10)) == "Yếu")
    }

    /// A labels file sets thresholds per group, with * for the rest.
    @Test func customLabels() throws {
        var p = InputProblems()
        let path = try fx.write(
            "l.csv", "group,label,min_percent\nhuyen,Nhóm I,80\nhuyen,Nhóm II,0\n*,A,\"90,5\"\n*,B,0\n")
        let labels = try #require(LabelsInput.load(path, groups: UnitGroup.builtIn, problems: &p))
        #expect(labels.label(group: "huyen", percent: Points(integer: 85)) == "Nhóm I")
        #expect(labels.label(group: "so-nganh", percent: Points(integer: 90)) == "B")
        #expect(labels.label(group: "so-nganh", percent: try #require(Points(parsing: "90.5"))) == "A")
    }

    /// Label errors: threshold outside 0–100, no 0 floor, unknown group, repeated label.
    @Test func labelErrors() throws {
        var p = InputProblems()
        _ = LabelsInput.load(
            try fx.write("l.csv", "group,label,min_percent\nhuyen,A,101\n"), groups: UnitGroup.builtIn, problems: &p)
        expectProblem(p, InputErrorCode.labelsBadPercent, mentions: "l.csv:2:3", "101")
        p = InputProblems()
        _ = LabelsInput.load(
            try fx.write("l.csv", "group,label,min_percent\nhuyen,A,50\n"), groups: UnitGroup.builtIn, problems: &p)
        expectProblem(p, InputErrorCode.labelsNoFloor, mentions: "l.csv", "huyen")
        p = InputProblems()
        _ = LabelsInput.load(
            try fx.write("l.csv", "group,label,min_percent\nxa,A,0\n"), groups: UnitGroup.builtIn, problems: &p)
        expectProblem(p, InputErrorCode.labelsUnknownGroup, mentions: "l.csv:2:1", "xa")
        p = InputProblems()
        _ = LabelsInput.load(
            try fx.write("l.csv", "group,label,min_percent\nhuyen,A,0\nhuyen,A,50\n"), groups: UnitGroup.builtIn,
            problems: &p)
        expectProblem(p, InputErrorCode.labelsDuplicate, mentions: "l.csv:3:2")
    }
}
