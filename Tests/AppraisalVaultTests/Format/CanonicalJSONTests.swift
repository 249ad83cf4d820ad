import PropertyBased
import Testing

@testable import AppraisalVault

/// Random JSON values of bounded depth, with strings drawn from the characters that matter:
/// ASCII, Vietnamese letters (NFC), quotes, backslashes, every control character, DEL, U+2028, emoji.
let jsonValues = Generator<JSONValue, Shrink.None<JSONValue>> { rng in
    var r = rng
    defer { rng = r }
    return randomJSON(depth: 0, using: &r)
}

let jsonStringPieces: [String] =
    [
        "a", "Z", "0", " ", "\"", "\\", "/", "\u{7f}", "\u{2028}", "\u{1F600}", "ễ", "Ư", "đ", "ạ", "Ậ", "é", "{", ":",
        ",",
    ] + (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }

func randomString(using rng: inout some RandomNumberGenerator) -> String {
    let n = Int.random(in: 0...8, using: &rng)
    return Text.nfc((0..<n).map { _ in jsonStringPieces.randomElement(using: &rng)! }.joined())
}

func randomJSON(depth: Int, using rng: inout some RandomNumberGenerator) -> JSONValue {
    let choice = Int.random(in: 0..<(depth >= 4 ? 5 : 7), using: &rng)
    switch choice {
    case 0: return .null
    case 1: return .bool(Bool.random(using: &rng))
    case 2:
        let edges: [Int64] = [0, -1, 1, .max, .min, 10, -10]
        return .integer(
            Bool.random(using: &rng) ? edges.randomElement(using: &rng)! : Int64.random(in: .min ... .max, using: &rng))
    case 3, 4: return .string(randomString(using: &rng))
    case 5:
        return .array((0..<Int.random(in: 0...4, using: &rng)).map { _ in randomJSON(depth: depth + 1, using: &rng) })
    default:
        var fields = [String: JSONValue]()
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            fields[randomString(using: &rng)] = randomJSON(depth: depth + 1, using: &rng)
        }
        return .object(fields)
    }
}

@Suite("Canonical JSON")
struct CanonicalJSONTests {
    /// parse(serialize(v)) == v, and serialize(parse(serialize(v))) gives the same bytes.
    @Test func roundTrip() async throws {
        await propertyCheck(count: 300, input: jsonValues) { value in
            let bytes = CanonicalJSON.serialize(value)
            let parsed = try CanonicalJSON.parse(bytes)
            #expect(parsed == value)
            #expect(CanonicalJSON.serialize(parsed) == bytes)
        }
    }

    /// Our encoding equals Python's json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    /// byte for byte, on tricky hand-picked values and on random trees (Python re-encodes what it parsed).
    @Test func matchesPython() throws {
        var rng = SystemRandomNumberGenerator()
        let tricky: [JSONValue] = [
            .string("Nguyễn Thị Lan — Sở Nội vụ"),
            .string("\u{0}\u{1}\u{8}\u{9}\u{a}\u{b}\u{c}\u{d}\u{1f}\u{7f}"),
            .string("quote \" backslash \\ slash / tab\t"),
            .string("\u{2028}\u{2029}\u{1F600}"),
            .object([
                "b": .int(1), "a": .int(2), "ă": .int(3), "z": .int(4), "A": .null, "": .bool(false), "aa": .array([]),
            ]),
            .object(["é": .int(1), "e\u{301}x": .int(2), "\u{1F600}": .int(3), "\u{FFFD}": .int(4)]),
            .array([.integer(.max), .integer(.min), .integer(0), .integer(-7)]),
        ]
        let values = tricky + (0..<100).map { _ in randomJSON(depth: 0, using: &rng) }
        let ours = CanonicalJSON.serialize(.array(values))
        let script = """
            import json, sys
            v = json.loads(sys.stdin.buffer.read().decode("utf-8"))
            sys.stdout.buffer.write(json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
            """
        let theirs = try runPython(script, input: ours)
        #expect(String(decoding: theirs, as: UTF8.self) == String(decoding: ours, as: UTF8.self))
        #expect(theirs == ours)
    }

    /// Canonical examples parse to the expected values.
    @Test(arguments: [
        ("{}", JSONValue.object([:])), ("[]", .array([])), ("null", .null), ("true", .bool(true)),
        ("-12", .integer(-12)),
        ("\"\\u001f\\n\"", .string("\u{1f}\n")),
        ("{\"a\":[1,{\"b\":\"c\"}]}", .object(["a": .array([.int(1), .object(["b": .text("c")])])])),
        ("-9223372036854775808", .integer(.min)), ("9223372036854775807", .integer(.max)),
    ])
    func acceptsCanonical(_ text: String, _ value: JSONValue) throws {
        #expect(try CanonicalJSON.parse(utf8(text)) == value)
    }

    /// Every non-canonical or malformed form is rejected (one case per rule).
    @Test(arguments: [
        ("whitespace between tokens", "{\"a\": 1}"),
        ("leading whitespace", " {}"),
        ("trailing newline", "{}\n"),
        ("unsorted keys", "{\"b\":1,\"a\":2}"),
        ("keys sorted by UTF-16, not UTF-8", "{\"\u{1F600}\":1,\"\u{FFFD}\":2}"),
        ("duplicate keys", "{\"a\":1,\"a\":1}"),
        ("fraction", "1.0"),
        ("exponent", "1e3"),
        ("capital exponent", "1E3"),
        ("leading zero", "01"),
        ("negative zero", "-0"),
        ("plus sign", "+1"),
        ("lone minus", "-"),
        ("integer above Int64", "9223372036854775808"),
        ("integer below Int64", "-9223372036854775809"),
        ("twenty digits", "10000000000000000000"),
        ("not NFC (NFD Nguyễn)", "\"Nguye\u{0302}\u{0303}n\""),
        ("unneeded \\u escape", "\"\\u0041\""),
        ("\\u escape of non-ASCII", "\"\\u00e9\""),
        ("uppercase \\u hex", "\"\\u001F\""),
        ("escaped slash", "\"\\/\""),
        ("invalid escape", "\"\\x\""),
        ("control character as \\u instead of short form", "\"\\u000a\""),
        ("raw control character", "\"a\u{1}b\""),
        ("raw newline", "\"a\nb\""),
        ("unterminated string", "\"abc"),
        ("unterminated escape", "\"abc\\"),
        ("truncated \\u escape", "\"\\u00\""),
        ("single quotes", "'a'"),
        ("trailing comma", "[1,]"),
        ("missing value", "{\"a\":}"),
        ("trailing bytes", "{}{}"),
        ("trailing garbage", "1x"),
        ("bare word", "nul"),
        ("empty input", ""),
        ("NaN", "NaN"),
    ])
    func rejectsNonCanonical(_ rule: String, _ text: String) {
        #expect(throws: CanonicalJSON.ParseError.self, "\(rule)") { try CanonicalJSON.parse(utf8(text)) }
    }

    /// Strings longer than a word of eight bytes: an escape, a non-ASCII letter, a raw control
    /// or the closing quote at every position reads as it does byte by byte.
    @Test func longStringsAtEveryPosition() throws {
        let filler = "abcdefghijklmnopqrstuvwxyz"
        for cut in 0...filler.count {
            let head = String(filler.prefix(cut))
            let tail = String(filler.dropFirst(cut))
            #expect(try CanonicalJSON.parse(utf8("\"\(head)\\\"\(tail)\"")) == .string(head + "\"" + tail))
            #expect(try CanonicalJSON.parse(utf8("\"\(head)\\n\(tail)\"")) == .string(head + "\n" + tail))
            #expect(try CanonicalJSON.parse(utf8("\"\(head)ễ\(tail)\"")) == .string(head + "ễ" + tail))
            #expect(
                try CanonicalJSON.parse(utf8("[\"\(head)\",\"\(tail)\"]")) == .array([.string(head), .string(tail)]))
            #expect(throws: CanonicalJSON.ParseError.self) { try CanonicalJSON.parse(utf8("\"\(head)\u{1}\(tail)\"")) }
            #expect(throws: CanonicalJSON.ParseError.self) {
                try CanonicalJSON.parse(utf8("\"\(head)e\u{0302}\u{0303}\(tail)\""))
            }
        }
    }

    /// A repeated key is reported at the repeat, also when it is not next to the first (the keys
    /// out of order before it); keys out of order without a repeat read as not canonical.
    @Test func duplicateKeysAfterDisorder() {
        func error(_ text: String) -> CanonicalJSON.ParseError? {
            do {
                _ = try CanonicalJSON.parse(utf8(text))
                return nil
            } catch { return error }
        }
        #expect(error("{\"b\":1,\"a\":2,\"b\":3}") == .init(offset: 13, reason: "duplicate key \"b\""))
        #expect(error("{\"a\":1,\"c\":{\"y\":1,\"x\":2},\"a\":0}")?.reason == "duplicate key \"a\"")
        #expect(error("{\"a\":1,\"a\":2}") == .init(offset: 7, reason: "duplicate key \"a\""))
        #expect(error("{\"a\":1,\"c\":2,\"b\":3}")?.reason == "not in canonical form")
        #expect(error("{\"a\":1,\"b\":2,\"c\":3}") == nil)
    }

    /// Invalid UTF-8 is rejected inside strings (stray byte, overlong form, encoded surrogate, cut sequence) and outside.
    @Test(
        arguments: [
            [0x22, 0xff, 0x22], [0x22, 0xc0, 0xaf, 0x22], [0x22, 0xed, 0xa0, 0x80, 0x22], [0x22, 0xe1, 0xbb, 0x22],
            [0xef, 0xbb, 0xbf, 0x7b, 0x7d],
        ] as [[UInt8]])
    func rejectsInvalidUTF8(_ bytes: [UInt8]) {
        #expect(throws: CanonicalJSON.ParseError.self) { try CanonicalJSON.parse(bytes) }
    }

    /// Nesting up to maxDepth is accepted; one level more is rejected (no unbounded recursion).
    @Test func depthLimit() throws {
        let ok =
            String(repeating: "[", count: CanonicalJSON.maxDepth + 1)
            + String(repeating: "]", count: CanonicalJSON.maxDepth + 1)
        _ = try CanonicalJSON.parse(utf8(ok))
        let deep =
            String(repeating: "[", count: CanonicalJSON.maxDepth + 2)
            + String(repeating: "]", count: CanonicalJSON.maxDepth + 2)
        #expect(throws: CanonicalJSON.ParseError.self) { try CanonicalJSON.parse(utf8(deep)) }
        let hostile = String(repeating: "[", count: 100_000)
        #expect(throws: CanonicalJSON.ParseError.self) { try CanonicalJSON.parse(utf8(hostile)) }
    }

    /// Object keys are serialised in UTF-8 byte order.
    @Test func keyOrder() {
        let value = JSONValue.object([
            "b": .null, "B": .null, "ă": .null, "a": .null, "\u{1F600}": .null, "\u{FFFD}": .null,
        ])
        #expect(
            String(decoding: CanonicalJSON.serialize(value), as: UTF8.self)
                == "{\"B\":null,\"a\":null,\"b\":null,\"ă\":null,\"\u{FFFD}\":null,\"\u{1F600}\":null}")
    }
}
