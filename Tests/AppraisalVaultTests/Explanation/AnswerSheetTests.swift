import Foundation
import Testing

@testable import AppraisalVault

/// The answer sheet reader (spec §12.4) on the forms a spreadsheet gives back: the dialects
/// (`,` or `;`, decimal points or commas), with or without BOM, CRLF or LF, the `'` of a
/// formula-like title kept or dropped, columns reordered; and the rules, one problem each.
@Suite("Answer sheet")
struct AnswerSheetTests {
    static let notice = UnitNotice(
        round: [UInt8](repeating: 1, count: 32), unit: "u1", unitName: "Sở Một", roundTitle: "Vòng", year: 2025,
        answerBy: "2026-02-01T23:59:59Z", secretary: try! VectorGenerator.submissionSecretary().identity,
        cells: [
            UnitNotice.Row(
                code: "1.1.1", title: "=Kế hoạch", max: Points(parsing: "1")!, selfScore: Points(parsing: "1")!,
                score: Points(parsing: "0.5")!, reason: "Chậm\nhai dòng"),
            UnitNotice.Row(
                code: "1.1.2", title: "Báo cáo", max: Points(parsing: "0.5")!, selfScore: Points(parsing: "0.5")!,
                score: Points(parsing: "0.5")!, reason: ""),
            UnitNotice.Row(
                code: "1.2", title: "Hội đồng chấm", max: Points(parsing: "2")!, selfScore: nil,
                score: Points(parsing: "1.5")!, reason: ""),
        ])

    /// The issued CSV with `answers` (code → the three answer fields, already separated).
    static func sheet(vietnamese: Bool, _ answers: [String: [String]] = [:]) -> [UInt8] {
        let rows = notice.sheetRows(decimalComma: vietnamese).map { row -> [String] in
            guard let a = answers[row[1]] else { return row }
            return Array(row.prefix(8)) + a
        }
        return CSV.write(rows, separator: vietnamese ? CSV.semicolon : CSV.comma, byteOrderMark: true)
    }

    @Test func dialectsAndResaves() throws {
        let answers = ["1.1.1": ["Không Đồng Ý", "Đã ban hành\r\nđúng hạn", ""], "1.2": ["dong y", "", ""]]
        let expected = [
            UnitExplanation.Answer(code: "1.1.1", agree: false, text: "Đã ban hành\nđúng hạn"),
            UnitExplanation.Answer(code: "1.2", agree: true, text: ""),
        ]
        for vietnamese in [false, true] {
            let bytes = Self.sheet(vietnamese: vietnamese, answers)
            #expect(try AnswerSheet.read(bytes, file: "s.csv", notice: Self.notice) == expected)
            // Re-saved: no BOM, LF line ends, the title's apostrophe dropped.
            var text = String(decoding: bytes.dropFirst(3), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            text = text.replacingOccurrences(of: "'=Kế hoạch", with: "=Kế hoạch")
            #expect(try AnswerSheet.read(Array(text.utf8), file: "s.csv", notice: Self.notice) == expected)
        }
        // Nothing filled: every contested cell agreed (1.1.2 has no difference, so no answer).
        #expect(
            try AnswerSheet.read(Self.sheet(vietnamese: false), file: "s.csv", notice: Self.notice).map(\.code) == [
                "1.1.1", "1.2",
            ])
    }

    @Test func rulesOneProblemEach() throws {
        let cases: [([String: [String]], ExplanationErrorCode)] = [
            (["1.1.2": ["không đồng ý", "Sai", ""]], .notContested),
            (["1.1.1": ["không đồng ý", "  ", ""]], .missingText),
            (["1.1.1": ["agree", "Lý do", ""]], .textWithoutDispute),
            (["1.1.1": ["có thể", "", ""]], .badAnswer),
            (["1.1.1": ["disagree", String(repeating: "a", count: 8001), ""]], .longText),
            (["1.1.1": ["disagree", "Lý do", "bien-ban.pdf"]], .unknownEvidence),
            (["1.1.1": ["", "", "bien-ban.pdf"]], .unknownEvidence),
        ]
        for (answers, code) in cases {
            do {
                _ = try AnswerSheet.read(Self.sheet(vietnamese: false, answers), file: "s.csv", notice: Self.notice)
                Issue.record("\(code) accepted")
            } catch let problems as InputProblems {
                #expect(problems.errors.map(\.messageID) == [code.rawValue], "\(problems)")
            }
        }
        // A missing row, a duplicate row, and a changed score.
        var rows = Self.notice.sheetRows()
        rows.remove(at: 3)
        rows.append(rows[1])
        rows[2][5] = "0.25"
        do {
            _ = try AnswerSheet.read(CSV.write(rows), file: "s.csv", notice: Self.notice)
            Issue.record("accepted")
        } catch let problems as InputProblems {
            #expect(
                Set(problems.errors.map(\.messageID)) == [
                    ExplanationErrorCode.changedCell.rawValue, ExplanationErrorCode.duplicateCell.rawValue,
                    ExplanationErrorCode.missingCell.rawValue,
                ], "\(problems)")
        }
    }

    /// A bonus item's row shows its title with the `Điểm thưởng: ` prefix, in the CSV and the
    /// XLSX sheet alike, and both read back.
    @Test func bonusItemTitleAsShown() throws {
        let notice = UnitNotice(
            round: Self.notice.round, unit: "u1", unitName: "Sở Một", roundTitle: "Vòng", year: 2025,
            answerBy: Self.notice.answerBy, secretary: Self.notice.secretary,
            cells: [
                UnitNotice.Row(
                    code: "T1", kind: .bonus, title: "Sáng kiến", max: Points(parsing: "1")!,
                    selfScore: Points(parsing: "1")!, score: Points(parsing: "0")!, reason: "Chưa công nhận")
            ])
        let rows = notice.sheetRows().enumerated().map { i, row in
            i == 1 ? Array(row.prefix(8)) + ["không đồng ý", "Đã được công nhận", ""] : row
        }
        #expect(rows[1][2] == "Điểm thưởng: Sáng kiến")
        let answers = try AnswerSheet.read(CSV.write(rows), file: "s.csv", notice: notice)
        #expect(answers == [UnitExplanation.Answer(code: "T1", agree: false, text: "Đã được công nhận")])
        #expect(try AnswerSheet.read(notice.sheetXLSX(), file: "s.xlsx", notice: notice).map(\.agree) == [true])
    }
}
