import Foundation
import Testing

/// A member's codes, one code once however spelt (spec §3.3 M2), through the built `avault`.
extension RoundCLITests {
    /// Writes the inputs of a one-set round (the departments' framework, the department units,
    /// their self-assessment) and returns the `round init` arguments; `members` is the members CSV.
    func oneSetArgs(members: String, out: String = "round") throws -> [String] {
        let units = try String(contentsOfFile: dir + "/samples/units-dien-bien.csv", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let departments = units.dropFirst().filter { $0.hasSuffix(",so-nganh") }
        try ([units[0]] + departments).joined(separator: "\n").appending("\n").write(
            toFile: dir + "/samples/units-one.csv", atomically: true, encoding: .utf8)
        let ids = Set(departments.map { String($0.split(separator: ",")[0]) })
        let selfRows = try String(contentsOfFile: dir + "/samples/self-assessment-demo.csv", encoding: .utf8)
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let selfCSV = [selfRows[0]] + selfRows.dropFirst().filter { ids.contains(String($0.split(separator: ";")[0])) }
        try (selfCSV.joined(separator: "\n") + "\n").write(
            toFile: dir + "/samples/self-one.csv", atomically: true, encoding: .utf8)
        try members.write(toFile: dir + "/samples/members-one.csv", atomically: true, encoding: .utf8)
        return [
            "round", "init", "--framework", "samples/framework-so-nganh.json", "--units", "samples/units-one.csv",
            "--self-assessment", "samples/self-one.csv", "--members", "samples/members-one.csv",
            "--ceremony", "ceremony", "--title", "Thẩm định Chỉ số CCHC 2025", "--year", "2025", "--reference",
            "Quyết định số 04/QĐ-UBND", "--key", "keys/thu-ky.key", "--passphrase-file", "pass", "--out", out,
            "--demo",
        ]
    }

    /// The members of the one-set round; `tv01Codes` is tv-01's `codes` cell.
    static func oneSetMembers(tv01Codes: String) -> String {
        """
        id,public_key_file,codes,units
        tv-01,../keys/tv-01.pub,\(tv01Codes),
        tv-02,../keys/tv-02.pub,2,
        tv-03,../keys/tv-03.pub,3,
        tv-04,../keys/tv-04.pub,4,
        tv-05,../keys/tv-05.pub,5,
        tv-06,../keys/tv-06.pub,6 T1 TR1,
        tv-07,../keys/tv-07.pub,7,
        tv-08,../keys/tv-08.pub,8,

        """
    }

    /// Rule: in a one-set round `1` and `khung:1` are one code; a member listing both (or one
    /// twice) is refused at init, naming the file, row and column, the member and both
    /// spellings, in English and Vietnamese; nothing is written. Each spelling alone is accepted.
    @Test func duplicateCodeSpellingsRefused() throws {
        for codes in ["1 khung:1", "khung:1;1", "1 1"] {
            let r = try avault(try oneSetArgs(members: Self.oneSetMembers(tv01Codes: "\"\(codes)\"")))
            #expect(r.status == 65, "\(codes): \(r)")
            let spellings = codes.split(whereSeparator: { $0 == " " || $0 == ";" }).map(String.init)
            #expect(
                r.err.contains(
                    "samples/members-one.csv:2:3: member tv-01 lists the code “\(spellings[1])” twice (also as "
                        + "“\(spellings[0])”, the same code)"), "\(r.err)")
            #expect(!FileManager.default.fileExists(atPath: dir + "/round"))
        }
        let vi = try avaultVietnamese(try oneSetArgs(members: Self.oneSetMembers(tv01Codes: "\"1 khung:1\"")))
        #expect(vi.status == 65, "\(vi)")
        #expect(vi.err.contains("thành viên tv-01 ghi mã “khung:1” hai lần (đã ghi là “1”, cùng một mã)"), "\(vi.err)")
        let made = try avault(try oneSetArgs(members: Self.oneSetMembers(tv01Codes: "khung:1"), out: "qualified"))
        #expect(made.status == 0, "\(made.err)")
        let plain = try avault(try oneSetArgs(members: Self.oneSetMembers(tv01Codes: "1"), out: "plain"))
        #expect(plain.status == 0, "\(plain.err)")
    }
}
