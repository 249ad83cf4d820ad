import Foundation
import Testing

@testable import avault

/// Command-line mistakes: argument-parser's errors in the user's language, with "did you mean".
@Suite struct ParseErrorCLITests {
    static let vi = "vi_VN.UTF-8"

    @Test func mistypedCommandSuggestsTheNearest() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let en = try cli.run(["staus"])
        #expect(en.exited(64), "\(en)")
        #expect(en.stderr.contains("'staus' is not a command of avault."), "\(en)")
        #expect(en.stderr.contains("hint: did you mean 'status'?"), "\(en)")
        let vi = try cli.run(["round", "shw"], language: Self.vi)
        #expect(vi.exited(64), "\(vi)")
        #expect(vi.stderr.contains("'shw' không phải là một lệnh của avault round."), "\(vi)")
        #expect(vi.stderr.contains("có phải ý bạn là 'show'?"), "\(vi)")
        #expect(vi.stderr.contains("Cách dùng: avault round"), "\(vi)")
        // Nothing close: a pointer to the help instead of a wild guess.
        let far = try cli.run(["zzzzzzzz"])
        #expect(far.stderr.contains("see avault --help"), "\(far)")
    }

    @Test func mistypedOptionSuggestsTheNearest() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let en = try cli.run(["status", "--rund", "x"])
        #expect(en.exited(64), "\(en)")
        #expect(en.stderr.contains("avault status has no option '--rund'."), "\(en)")
        #expect(en.stderr.contains("did you mean '--round'?"), "\(en)")
        let vi = try cli.run(["report", "--round", "r", "-o", "x", "--fromat=pdf"], language: Self.vi)
        #expect(vi.stderr.contains("avault report không có tuỳ chọn '--fromat'."), "\(vi)")
        #expect(vi.stderr.contains("có phải ý bạn là '--format'?"), "\(vi)")
    }

    @Test func commonErrorsInVietnamese() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let missing = try cli.run(["status"], language: Self.vi)
        #expect(missing.exited(64), "\(missing)")
        #expect(missing.stderr.contains("Thiếu tham số bắt buộc '--round <round>'."), "\(missing)")
        #expect(missing.stderr.contains("Xem 'avault status --help' để biết thêm."), "\(missing)")
        let value = try cli.run(["status", "--round"], language: Self.vi)
        #expect(value.stderr.contains("Thiếu giá trị cho '--round <round>'."), "\(value)")
        let choice = try cli.run(["report", "--round", "r", "-o", "x", "--format", "xml"], language: Self.vi)
        #expect(
            choice.stderr.contains(
                "Giá trị 'xml' không hợp lệ cho '--format <format>'. Hãy chọn một trong các giá trị 'html', 'csv', 'json', 'pdf' hoặc 'xlsx'."
            ), "\(choice)")
        // English keeps argument-parser's wording.
        let english = try cli.run(["status"])
        #expect(english.stderr.contains("Missing expected argument '--round <round>'"), "\(english)")
    }

    /// The edit distance behind the suggestions.
    @Test func distance() {
        #expect(ParseErrorText.distance("staus", "status") == 1)
        #expect(ParseErrorText.distance("", "abc") == 3)
        #expect(ParseErrorText.distance("kitten", "sitting") == 3)
    }
}
