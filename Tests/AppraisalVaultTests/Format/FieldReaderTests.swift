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
}
