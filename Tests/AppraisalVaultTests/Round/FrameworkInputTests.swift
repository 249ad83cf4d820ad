import Foundation
import Testing

@testable import AppraisalVault

@Suite struct FrameworkInputTests {
    let fx: RoundFixtures
    init() throws { fx = try RoundFixtures() }

    func replacing(_ old: String, _ new: String) -> String {
        RoundFixtures.frameworkCSV.replacingOccurrences(of: old, with: new)
    }

    /// The illustrative sample framework (JSON) loads: 8 fields summing to 100, 93 sub-criteria.
    @Test func sampleJSON() throws {
        var problems = InputProblems()
        let f = try #require(
            FrameworkInput.load(RoundFixtures.packageRoot + "/samples/framework-so-nganh.json", problems: &problems))
        #expect(problems.isEmpty)
        #expect(f.fields.count == 8)
        #expect(f.subCriteria.count == 93)
        #expect(f.total == Points(integer: 100))
        // 72 self and council sub-criteria, then the bonus item T1 and the penalty item TR1.
        #expect(f.appraisableSubCriteria.count == 74)
        #expect(f.subCriterion("1.1.1")?.max == Points(units: 5, scale: 1))
    }

    /// The CSV form loads, with "total" declaring the total and the default step 0.25.
    @Test func csvForm() throws {
        let (f, problems) = try fx.framework()
        #expect(problems.isEmpty, "\(problems)")
        let fw = try #require(f)
        #expect(fw.subCriteria.map(\.code) == ["1.1.1", "1.1.2", "1.1.3"])
        #expect(fw.subCriteria.map(\.method) == [.selfAssessed, .council, .survey])
        #expect(fw.subCriteria[0].step == .quarter)
        #expect(fw.subCriteria(under: "1")?.count == 3)
    }

    /// A code that is not N, N.N or N.N.N is rejected with its file:line:column.
    @Test func badCode() throws {
        let (_, p) = try fx.framework(replacing("1.1.2,", "1.1.x,"))
        expectProblem(p, InputErrorCode.frameworkBadCode, mentions: "framework.csv:5:1", "1.1.x")
    }

    /// A repeated code is rejected, naming where it first appeared.
    @Test func duplicateCode() throws {
        let (_, p) = try fx.framework(replacing("1.1.2,", "1.1.1,"))
        expectProblem(p, InputErrorCode.frameworkDuplicateCode, mentions: "framework.csv:5:1", "framework.csv:4:1")
    }

    /// A code whose parent does not exist is rejected.
    @Test func orphan() throws {
        let (_, p) = try fx.framework(replacing("1.1.3,", "1.2.3,"))
        expectProblem(p, InputErrorCode.frameworkOrphan, mentions: "framework.csv:6:1", "1.2")
    }

    /// A method other than self/council/survey (or none) on a sub-criterion is rejected.
    @Test func badMethod() throws {
        let (_, p) = try fx.framework(replacing("0.5,council", "0.5,hội đồng"))
        expectProblem(p, InputErrorCode.frameworkBadMethod, mentions: "framework.csv:5:1", "hội đồng")
    }

    /// A method on a field or criterion is rejected.
    @Test func methodOnGroup() throws {
        let (_, p) = try fx.framework(replacing("Tiêu chí A1,2,,", "Tiêu chí A1,2,self,"))
        expectProblem(p, InputErrorCode.frameworkMethodOnGroup, mentions: "framework.csv:3:1")
    }

    /// An empty title is rejected.
    @Test func badTitle() throws {
        let (_, p) = try fx.framework(replacing("Thành phần 2", ""))
        expectProblem(p, InputErrorCode.frameworkBadTitle, mentions: "framework.csv:5:1", "1.1.2")
    }

    /// A JSON framework of one field, one criterion and one sub-criterion titled `title` (its
    /// object ending with `extra`), on lines 1–3.
    static func oneSubCriterion(title: String = "C", extra: String = "") -> String {
        """
        {"maxTotal": 1, "fields": [{"code": "1", "title": "A", "maxPoints": 1, "criteria": [
          {"code": "1.1", "title": "B", "maxPoints": 1, "subCriteria": [
            {"code": "1.1.1", "title": "\(title)", "maxPoints": 1, "method": "self"\(extra)}]}]}]}
        """
    }

    /// A blank title (spec §1.3: only NBSP or ideographic spaces) is rejected like an empty one.
    @Test func blankTitle() throws {
        let (_, p) = try fx.framework(replacing("Thành phần 2", "\u{00A0}\u{3000}"))
        expectProblem(p, InputErrorCode.frameworkBadTitle, mentions: "framework.csv:5:1", "1.1.2")
    }

    /// JSON strings follow the text rules of spec §1.3 like CSV fields: a bidi control or a line
    /// break in a title is named with its code point and the node's line.
    @Test func jsonTextRules() throws {
        let json = Self.oneSubCriterion(title: "C\\u202e")
        let (_, p) = try fx.framework(json, name: "f.json")
        expectProblem(p, InputErrorCode.inputBidiControl, mentions: "f.json:3:14", "U+202E")
        #expect(p.errors.count == 1)
        let (_, q) = try fx.framework(json.replacingOccurrences(of: "C\\u202e", with: "C\\nD"), name: "g.json")
        expectProblem(q, InputErrorCode.inputControlCharacter, mentions: "g.json:3:14", "U+000A")
        let (_, r) = try fx.framework(
            json.replacingOccurrences(of: "{\"maxTotal\"", with: "{\"title\": \"x\\u001b\", \"maxTotal\"")
                .replacingOccurrences(of: "C\\u202e", with: "C"), name: "h.json")
        expectProblem(r, InputErrorCode.inputControlCharacter, mentions: "h.json:1:1", "U+001B")
    }

    /// A maximum that is not on its step is rejected (0.3 on the default 0.25 step).
    @Test func offStep() throws {
        let (_, p) = try fx.framework(replacing("Thành phần 3,0.5", "Thành phần 3,0.3"))
        expectProblem(p, InputErrorCode.frameworkOffStep, mentions: "framework.csv:6:3", "0.3", "0.25")
    }

    /// A maximum of zero, or a zero step, is rejected.
    @Test func nonPositive() throws {
        let (_, p) = try fx.framework(replacing("Thành phần 3,0.5,survey,", "Thành phần 3,0,survey,"))
        expectProblem(p, InputErrorCode.frameworkNonPositiveMax, mentions: "framework.csv:6:3")
        let (_, q) = try fx.framework(replacing("Thành phần 3,0.5,survey,", "Thành phần 3,0.5,survey,0"))
        expectProblem(q, InputErrorCode.frameworkBadStep, mentions: "framework.csv:6:3")
    }

    /// A number in an unreadable form ("1.234,5") is rejected with the cell.
    @Test func badNumber() throws {
        let (_, p) = try fx.framework(replacing("Thành phần 3,0.5", "Thành phần 3,\"1.234,5\""))
        expectProblem(p, InputErrorCode.inputBadNumber, mentions: "framework.csv:6:3", "1.234,5")
    }

    /// Sub-criteria must add up to their criterion's max, criteria to their field's.
    @Test func sumMismatch() throws {
        let (_, p) = try fx.framework(replacing("Thành phần 3,0.5", "Thành phần 3,0.75"))
        let hits = p.errors.filter { $0.errorID == InputError.Code.frameworkSumMismatch.rawValue }
        #expect(hits.count == 1)
        #expect(hits.first.map(facts)?.contains { $0.hasSuffix("framework.csv:3:3") } == true)
        #expect(hits.first.map(facts)?.contains("2.25") == true)
    }

    /// Fields must add up to the declared total.
    @Test func totalMismatch() throws {
        let (_, p) = try fx.framework(replacing("total,,2,,", "total,,100,,"))
        expectProblem(p, InputErrorCode.frameworkTotalMismatch, mentions: "framework.csv:7:3", "100")
    }

    /// A field or criterion with nothing under it is rejected.
    @Test func childless() throws {
        let (_, p) = try fx.framework(replacing("total,,2,,", "2,Lĩnh vực B,1,,\ntotal,,3,,"))
        expectProblem(p, InputErrorCode.frameworkChildless, mentions: "framework.csv:7:1", "2")
    }

    /// JSON: an unknown key is rejected with its path.
    @Test func jsonUnknownKey() throws {
        let json = Self.oneSubCriterion(extra: ", \"weight\": 2")
        let (_, p) = try fx.framework(json, name: "f.json")
        expectProblem(p, InputErrorCode.frameworkJSON, mentions: "f.json", "weight")
    }

    /// JSON: nesting must match the codes, points may be strings with a decimal comma, errors carry the line.
    @Test func jsonMisplacedAndComma() throws {
        let json = """
            {"maxTotal": "1,5", "fields": [{"code": "1", "title": "A", "maxPoints": 1.5, "criteria": [
              {"code": "1.1", "title": "B", "maxPoints": "1,5", "subCriteria": [
                {"code": "1.1.1", "title": "C", "maxPoints": 1, "method": "self"},
                {"code": "1.2.1", "title": "D", "maxPoints": "0,5", "method": "council"}]},
              {"code": "1.2", "title": "E", "maxPoints": 0.5, "subCriteria": []}]}]}
            """
        let (_, p) = try fx.framework(json, name: "f.json")
        expectProblem(p, InputErrorCode.frameworkMisplaced, mentions: "f.json:4:14", "1.2.1", "1.1")
        let fixed = json.replacingOccurrences(of: "\"1.2.1\"", with: "\"1.1.2\"")
            .replacingOccurrences(of: "\"maxPoints\": \"1,5\"", with: "\"maxPoints\": \"1,5\"")
            .replacingOccurrences(
                of: ",\n  {\"code\": \"1.2\", \"title\": \"E\", \"maxPoints\": 0.5, \"subCriteria\": []}", with: "")
        let (f, q) = try fx.framework(fixed, name: "g.json")
        #expect(q.isEmpty, "\(q)")
        #expect(f?.subCriterion("1.1.2")?.max.description == "0.5")
    }

    /// Titles are normalised to NFC whatever form they arrive in.
    @Test func titlesNFC() throws {
        let (f, _) = try fx.framework(replacing("Thành phần 1", "Tha\u{0300}nh phâ\u{0300}n 1"))
        let title = try #require(f?.subCriterion("1.1.1")?.title)
        #expect(Array(title.utf8) == Array("Thành phần 1".utf8))
    }

    /// The JSON root `id` and `title` are normalised to NFC at input (a reader of the round
    /// definition refuses non-NFC text, spec §1.3, §3.3).
    @Test func jsonRootNFC() throws {
        let json = Self.oneSubCriterion().replacingOccurrences(
            of: "{\"maxTotal\"", with: "{\"id\": \"bo\u{0302}-2026\", \"title\": \"Bo\u{0323}\u{0302}\", \"maxTotal\"")
        let (f, p) = try fx.framework(json, name: "f.json")
        #expect(p.isEmpty, "\(p)")
        #expect(Array(try #require(f).id.utf8) == Array("bô-2026".utf8))
        #expect(Array(try #require(f).title.utf8) == Array("Bộ".utf8))
    }

    /// The JSON root `id` (200 bytes) and `title` (1000 bytes) limits of spec §3.3 are checked at
    /// input, naming the file, the field and the limit; the limits themselves pass.
    @Test func jsonRootLimits() throws {
        func json(id: String, title: String) -> String {
            Self.oneSubCriterion().replacingOccurrences(
                of: "{\"maxTotal\"", with: "{\"id\": \"\(id)\", \"title\": \"\(title)\", \"maxTotal\"")
        }
        let (ok, p) = try fx.framework(
            json(id: String(repeating: "a", count: 200), title: String(repeating: "ệ", count: 333)), name: "f.json")
        #expect(ok != nil && p.isEmpty, "\(p)")
        let (_, q) = try fx.framework(json(id: String(repeating: "a", count: 201), title: "T"), name: "g.json")
        expectProblem(q, InputErrorCode.frameworkTooLong, mentions: "g.json", "id", "200")
        // 334 × "ệ" (3 bytes) = 1002 bytes; an NFD form would be longer still, the NFC form counts.
        let (_, r) = try fx.framework(json(id: "x", title: String(repeating: "ệ", count: 334)), name: "h.json")
        expectProblem(r, InputErrorCode.frameworkTooLong, mentions: "h.json", "title", "1000")
    }
}

/// Bonus and penalty items in the framework inputs (spec §3.3 F6).
extension FrameworkInputTests {
    /// The CSV framework with a bonus and a penalty row appended.
    func withExtras(_ rows: String) -> String { RoundFixtures.frameworkCSV + rows }

    /// The sample JSON framework has one bonus and one penalty item, outside the 100 points.
    @Test func sampleExtras() throws {
        var problems = InputProblems()
        let f = try #require(
            FrameworkInput.load(RoundFixtures.packageRoot + "/samples/framework-so-nganh.json", problems: &problems))
        #expect(f.bonus.map(\.code) == ["T1"] && f.penalty.map(\.code) == ["TR1"])
        #expect(f.bonus[0].max == Points(integer: 2) && f.bonus[0].method == .bonus)
        #expect(f.appraisableSubCriteria.count == 74 && f.subCriteria.count == 93)
        #expect(f.subCriteria(under: "TR1")?.map(\.code) == ["TR1"])
    }

    /// CSV rows of method bonus/penalty are items with their cap and step.
    @Test func csvExtras() throws {
        let (f, p) = try fx.framework(withExtras("T1,Sáng kiến,2,bonus,0.5\nTR1,Vi phạm,1,penalty,\n"))
        #expect(p.isEmpty, "\(p)")
        let fw = try #require(f)
        #expect(fw.bonus.map(\.step) == [Points(units: 5, scale: 1)] && fw.penalty.map(\.step) == [.quarter])
        #expect(fw.total == Points(integer: 2))
    }

    /// A cap of 0 or above the set's total, a code of the tree's form, a bad or reserved code and a
    /// repeated code (ignoring case) are refused, each naming the item; a `total` row with a
    /// method is an item with a reserved code, not the total.
    @Test func extraRules() throws {
        let (_, cap) = try fx.framework(withExtras("T1,Sáng kiến,0,bonus,\n"))
        expectProblem(cap, InputErrorCode.frameworkExtraCap, mentions: "framework.csv:8:3", "T1")
        let (_, taken) = try fx.framework(withExtras("1.1.1,Sáng kiến,1,bonus,\n"))
        expectProblem(taken, InputErrorCode.frameworkExtraCodeTaken, mentions: "framework.csv:8:1", "1.1.1")
        let (_, bad) = try fx.framework(withExtras("-T,Sáng kiến,1,penalty,\n"))
        expectProblem(bad, InputErrorCode.frameworkBadExtraCode, mentions: "framework.csv:8:1", "-T")
        let (_, dup) = try fx.framework(withExtras("T1,Sáng kiến,1,bonus,\nT1,Vi phạm,1,penalty,\n"))
        expectProblem(dup, InputErrorCode.frameworkDuplicateCode, mentions: "framework.csv:9:1", "framework.csv:8:1")
        let (_, step) = try fx.framework(withExtras("T1,Sáng kiến,1,bonus,0.3\n"))
        expectProblem(step, InputErrorCode.frameworkOffStep, mentions: "T1")
        let (_, above) = try fx.framework(withExtras("T1,Sáng kiến,2.5,bonus,0.5\n"))
        expectProblem(above, InputErrorCode.frameworkExtraCap, mentions: "framework.csv:8:3", "T1", "2.5")
        let (_, twin) = try fx.framework(withExtras("T1,Sáng kiến,1,bonus,\nt1,Vi phạm,1,penalty,\n"))
        expectProblem(twin, InputErrorCode.frameworkDuplicateCode, mentions: "framework.csv:9:1", "t1")
        for reserved in ["Final", "TOTAL"] {
            let (f, p) = try fx.framework(withExtras("\(reserved),Sáng kiến,1,bonus,\n"))
            #expect(f == nil)
            expectProblem(p, InputErrorCode.frameworkBadExtraCode, mentions: "framework.csv:8:1", reserved)
        }
    }

    /// JSON: `bonus` and `penalty` lists, strict keys; a method key on an item is unknown.
    @Test func jsonExtras() throws {
        let base = """
            {"maxTotal": 1, "fields": [{"code": "1", "title": "A", "maxPoints": 1, "criteria": [
              {"code": "1.1", "title": "B", "maxPoints": 1, "subCriteria": [
                {"code": "1.1.1", "title": "C", "maxPoints": 1, "method": "self"}]}]}],
            """
        let (f, p) = try fx.framework(
            base + "\"bonus\": [{\"code\": \"T1\", \"title\": \"S\", \"maxPoints\": \"0,5\", \"step\": 0.5}],"
                + "\"penalty\": [{\"code\": \"TR1\", \"title\": \"V\", \"maxPoints\": 1}]}",
            name: "f.json")
        #expect(p.isEmpty, "\(p)")
        #expect(f?.bonus.first?.max == Points(units: 5, scale: 1) && f?.penalty.first?.code == "TR1")
        let (_, above) = try fx.framework(
            base + "\"bonus\": [], \"penalty\": [{\"code\": \"TR1\", \"title\": \"V\", \"maxPoints\": 2}]}",
            name: "i.json")
        expectProblem(above, InputErrorCode.frameworkExtraCap, mentions: "TR1")
        let (_, unknown) = try fx.framework(
            base + "\"bonus\": [{\"code\": \"T1\", \"title\": \"S\", \"maxPoints\": 1, \"method\": \"bonus\"}]}",
            name: "g.json")
        expectProblem(unknown, InputErrorCode.frameworkJSON, mentions: "bonus[0].method")
        let (_, negative) = try fx.framework(
            base + "\"penalty\": [{\"code\": \"TR1\", \"title\": \"V\", \"maxPoints\": -1}]}", name: "h.json")
        expectProblem(negative, InputErrorCode.frameworkExtraCap, mentions: "TR1")
    }

    /// The byte-level code checks give the answers of the definitions by parts (split at `.`).
    @Test func codeChecksAgreeWithSplitting() {
        func valid(_ code: String) -> Bool {
            let parts = code.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...3).contains(parts.count) else { return false }
            return parts.allSatisfy { p in
                (1...3).contains(p.utf8.count) && p.utf8.allSatisfy { (0x30...0x39).contains($0) }
                    && p.utf8.first != 0x30
            }
        }
        func parent(_ code: String) -> String? { code.lastIndex(of: ".").map { String(code[..<$0]) } }
        let pieces = ["", "0", "1", "9", "10", "01", "123", "1234", ".", "a", "ạ", "\u{0301}", "٣"]
        var codes = [String]()
        for a in pieces {
            for b in pieces {
                for c in ["", ".", ".1", ".0"] { codes += [a + b + c, a + "." + b + c, a + "." + b + "." + c] }
            }
        }
        codes += ["1.2.3", "1.2.3.4", "999.999.999", "1..2", "1.2.", ".1", ".\u{0301}", "1.\u{0301}2"]
        for code in codes {
            #expect(FrameworkInput.isValidCode(code) == valid(code), "\(code)")
            #expect(FrameworkInput.parent(of: code) == parent(code), "\(code)")
        }
    }
}
