import Foundation
import Testing

/// Rounds with several criteria sets (spec §3.3, §3.4), through the built `avault`.
extension RoundCLITests {
    /// The districts' set of the tests: 2 fields, 3 sub-criteria, total 6.
    static let districtFramework = """
        code,title,max,method
        1,Chỉ đạo điều hành,4,
        1.1,Kế hoạch,4,
        1.1.1,Ban hành kế hoạch,2,self
        1.1.2,Thực hiện kế hoạch,2,council
        2,Khảo sát,2,
        2.1,Hài lòng,2,
        2.1.1,Mức hài lòng,2,survey
        total,,6,
        """

    /// Writes the inputs of a two-set round (`so` for departments, `huyen` for districts) and
    /// returns the `round init` arguments; `members` replaces the members CSV.
    func twoSetArgs(out: String = "round", members: String? = nil, extra: [String] = []) throws -> [String] {
        let units = try String(contentsOfFile: dir + "/samples/units-dien-bien.csv", encoding: .utf8)
        let districts = Set(
            units.split(separator: "\n").dropFirst().filter { $0.hasSuffix(",huyen") }.map {
                String($0.split(separator: ",")[0])
            })
        let selfRows = try String(contentsOfFile: dir + "/samples/self-assessment-demo.csv", encoding: .utf8)
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }
        var selfCSV = selfRows.filter { !districts.contains(String($0.split(separator: ";")[0])) }
        for d in districts.sorted() { selfCSV.append("\(d);1.1.1;1,5;") }
        try (selfCSV.joined(separator: "\n") + "\n").write(
            toFile: dir + "/samples/self-two.csv", atomically: true, encoding: .utf8)
        try Self.districtFramework.write(toFile: dir + "/samples/khung-huyen.csv", atomically: true, encoding: .utf8)
        let memberRows =
            members ?? """
                id,public_key_file,codes,units
                tv-01,../keys/tv-01.pub,so:1 huyen:1,
                tv-02,../keys/tv-02.pub,so:2,
                tv-03,../keys/tv-03.pub,so:3,
                tv-04,../keys/tv-04.pub,so:4,
                tv-05,../keys/tv-05.pub,so:5,
                tv-06,../keys/tv-06.pub,so:6 so:T1 so:TR1,
                tv-07,../keys/tv-07.pub,so:7,
                tv-08,../keys/tv-08.pub,so:8,

                """
        try memberRows.write(toFile: dir + "/samples/members-two.csv", atomically: true, encoding: .utf8)
        var args = initArgs(out: out, selfAssessment: "samples/self-two.csv")
        args[args.firstIndex(of: "huyen=samples/framework-huyen.json")!] = "huyen=samples/khung-huyen.csv"
        args[args.firstIndex(of: "--members")! + 1] = "samples/members-two.csv"
        return args + extra
    }

    /// Two sets in one round: one fingerprint, cells per set (19 departments × the department
    /// set's appraisable sub-criteria + 10 districts × 2), `round show` lists both sets, a
    /// member's worksheet has each unit's own set's cells and maxima, and it seals.
    @Test func twoSetsInitShowWorksheetSeal() throws {
        let made = try avault(try twoSetArgs())
        #expect(made.status == 0, "\(made.err)")
        // The department set has 72 appraisable sub-criteria and the bonus and penalty items T1, TR1
        // per unit, the test's district set 2: 19 × 74 + 10 × 2.
        #expect(made.out.contains("\(19 * 74 + 10 * 2) appraisable cells"), "\(made.out)")
        let shown = try avault(["round", "show", "round"])
        #expect(shown.status == 0, "\(shown.err)")
        #expect(shown.out.contains("so [so-nganh]: "), "\(shown.out)")
        #expect(shown.out.contains("huyen [huyen]: 2 fields, 2 criteria, 3 sub-criteria"), "\(shown.out)")
        #expect(shown.out.contains("codes: so:1 huyen:1"), "\(shown.out)")
        let sheet = try avault(["worksheet", "--round", "round", "--member", "tv-01", "-o", "tv-01.csv"])
        #expect(sheet.status == 0, "\(sheet.err)")
        let text = try String(contentsOfFile: dir + "/tv-01.csv", encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // tv-01 has field 1 of both sets: each district's 1.1.1 (max 2, self 1.5) and 1.1.2
        // (council), and the departments' field 1 with its own titles and maxima.
        #expect(lines.filter { $0.contains(",1.1.1,Ban hành kế hoạch,2,1.5,,") }.count == 10, "\(text)")
        #expect(lines.filter { $0.contains(",1.1.2,Thực hiện kế hoạch,2,,,") }.count == 10)
        // Fill every row with its self score (or the maximum) and seal.
        let issued = WorksheetLines(text)
        var filled = issued.head
        for line in issued.rows {
            var cells = line.components(separatedBy: ",")
            let n = cells.count
            cells[n - 2] = cells[n - 3].isEmpty ? cells[n - 4] : cells[n - 3]
            filled.append(cells.joined(separator: ","))
        }
        try (filled.joined(separator: "\r\n") + "\r\n").write(
            toFile: dir + "/tv-01.csv", atomically: true, encoding: .utf8)
        let sealed = try avault([
            "seal", "tv-01.csv", "--round", "round", "--key", "keys/tv-01.key", "--passphrase-file", "pass",
        ])
        #expect(sealed.status == 0, "\(sealed.err)")
    }

    /// The same set id twice is refused, naming the set, and nothing is written.
    @Test func duplicateSetRefused() throws {
        var args = try twoSetArgs()
        args[args.firstIndex(of: "huyen=samples/khung-huyen.csv")!] = "so=samples/khung-huyen.csv"
        let r = try avault(args)
        #expect(r.status != 0)
        #expect(r.err.contains("the criteria set “so” is given twice"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/round/round.avr"))
    }

    /// With several sets, a bare code is refused (write SET:CODE), and so is an unknown set.
    @Test func unqualifiedAndUnknownSetCodesRefused() throws {
        let members = """
            id,public_key_file,codes,units
            tv-01,../keys/tv-01.pub,1 huyen:1,
            tv-02,../keys/tv-02.pub,xa:2 so:2 so:3 so:4 so:5 so:6 so:7 so:8,

            """
        let r = try avault(try twoSetArgs(members: members))
        #expect(r.status != 0)
        #expect(r.err.contains("the code “1” names no criteria set"), "\(r.err)")
        #expect(r.err.contains("code \"xa:2\" is not in the framework"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/round/round.avr"))
    }

    /// Coverage is per set: a district cell nobody appraises is a gap naming the district's cell.
    @Test func gapPerSet() throws {
        let members = """
            id,public_key_file,codes,units
            tv-01,../keys/tv-01.pub,so:1 so:2 so:3 so:4 so:5 so:6 so:7 so:8 so:T1 so:TR1 huyen:1.1.1,

            """
        let r = try avault(try twoSetArgs(members: members))
        #expect(r.status != 0)
        #expect(r.err.contains("/1.1.2"), "\(r.err)")
        #expect(r.err.contains("10"), "\(r.err)")
    }

    /// Group mappings: a group in two sets, a group in none, an unknown set or group, a set
    /// with no group are each refused.
    @Test func setGroupsRefused() throws {
        func refused(_ edit: (inout [String]) -> Void, _ text: String) throws {
            var args = try twoSetArgs()
            edit(&args)
            let r = try avault(args)
            #expect(r.status != 0)
            #expect(r.err.contains(text), "\(text): \(r.err)")
            #expect(!FileManager.default.fileExists(atPath: dir + "/round/round.avr"))
        }
        try refused(
            { $0[$0.firstIndex(of: "huyen=huyen")!] = "huyen=huyen,so-nganh" },
            "The group “so-nganh” is given to two criteria sets (so and huyen)")
        try refused(
            { $0[$0.firstIndex(of: "huyen=huyen")!] = "so=so-nganh" }, "The group “huyen” belongs to no criteria set")
        try refused({ $0[$0.firstIndex(of: "huyen=huyen")!] = "xa=huyen" }, "there is no criteria set “xa”")
        try refused({ $0[$0.firstIndex(of: "huyen=huyen")!] = "huyen=phuong" }, "the units file has no group “phuong”")
        try refused(
            { a in
                let i = a.firstIndex(of: "huyen=huyen")!
                a.removeSubrange((i - 1)...i)
            }, "The criteria set “huyen” covers no group")
    }
}
