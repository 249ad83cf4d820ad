import Testing

@testable import AppraisalVault

@Suite("Field reader (spec §1.3)")
struct FieldReaderTests {
    /// A timestamp field is a UTC `YYYY-MM-DDTHH:MM:SSZ`; anything else names the field's full path.
    @Test func timestamp() throws {
        var r = try FieldReader(.object(["created": .string("2026-12-20T08:00:00Z")]))
        #expect(try r.timestamp("created") == "2026-12-20T08:00:00Z")
        for bad: JSONValue in [.string("2026-12-20 08:00:00"), .string("2026-13-20T08:00:00Z"), .int(2026)] {
            var nested = try FieldReader(.object(["created": bad]), path: "secretary")
            let failure = #expect(throws: FieldReader.Failure.self) { try nested.timestamp("created") }
            #expect(failure?.path == "secretary.created")
        }
    }

    /// Every string field is checked against the text rules of spec §1.3: one-line fields refuse
    /// controls (TAB and LF too) and bidi controls; multi-line fields (reasons, notes) keep TAB and
    /// LF but refuse CR, ESC, C1 and bidi controls.
    @Test func textRules() throws {
        func read(_ s: String, singleLine: Bool) throws(FieldReader.Failure) -> String {
            var r = try FieldReader(.object(["reason": .string(s)]), path: "rows[0]")
            return try r.string("reason", singleLine: singleLine)
        }
        #expect(try read("một\ndòng\tkhác", singleLine: false) == "một\ndòng\tkhác")
        for bad in ["a\r\nb", "esc\u{1B}[31m", "c1\u{85}", "del\u{7F}", "rlo\u{202E}", "lri\u{2066}"] {
            let failure = #expect(throws: FieldReader.Failure.self) { try read(bad, singleLine: false) }
            #expect(failure?.path == "rows[0].reason")
        }
        for bad in ["a\nb", "a\tb", "lrm\u{200E}", "rlo\u{202E}"] {
            #expect(throws: FieldReader.Failure.self) { try read(bad, singleLine: true) }
        }
        let bidi = #expect(throws: FieldReader.Failure.self) { try read("x\u{202E}", singleLine: true) }
        #expect(bidi?.reason.contains("U+202E") == true)
    }
}
