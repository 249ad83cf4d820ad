import Foundation
import Testing

@testable import AppraisalVault
@testable import avault

/// Decimals inside Vietnamese sentences use a decimal comma; codes such as 1.1.2 keep their dots.
@Suite(.serialized) struct DecimalCommaCLITests {
    @Test func decimalValuesOnly() {
        let error = InputError(.appraisalAboveMax, [.decimal("1.5"), .decimal("0.75")])
        #expect(Terminal.text(of: error, in: .vietnamese).error == "điểm 1,5 vượt điểm tối đa 0,75.")
        #expect(Terminal.text(of: error, in: .english).error == "score 1.5 is above the maximum 0.75.")
        let code = InputError(.appraisalAboveMax, [.text("1.1.2"), .decimal("2")])
        #expect(Terminal.text(of: code, in: .vietnamese).error.contains("1.1.2"))
    }

    /// Through the binary: a score above the maximum, sealed under a Vietnamese LANG.
    @Test func sealProblemInVietnamese() throws {
        let s = try SubmissionCLITests()
        defer { s.cleanUp() }
        try s.initRound(worksheets: [1])
        let (header, rows) = try s.readWorksheet(1)
        var edited = SubmissionCLITests.agreeing(rows)
        let i = try #require(edited.firstIndex { $0.max.contains(".") })
        edited[i].score = edited[i].max + "5"  // 0.5 → 0.55: above the maximum and off the step
        edited[i].reason = "thử"
        try s.writeWorksheet(1, header: header, rows: edited)
        let cli = try CLI()
        defer { cli.cleanUp() }
        let command = [
            CLI.binary, "seal", "members/tv-01.csv", "--round", "round/round.avr", "--key", "keys/tv-01.key",
            "--passphrase-file", "pass",
        ]
        let r = try cli.run(
            ["sh", "-c", "cd '\(s.dir)' && exec " + command.map { "'\($0)'" }.joined(separator: " ")],
            language: "vi_VN.UTF-8", executable: "/usr/bin/env")
        #expect(r.exited(65), "\(r)")
        let expected = Terminal.decimal(edited[i].score, in: .vietnamese)
        #expect(expected.contains(","))
        #expect(r.stderr.contains("điểm \(expected) vượt điểm tối đa"), "\(r)")
    }
}
