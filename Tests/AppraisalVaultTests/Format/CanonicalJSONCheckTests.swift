import Testing

@testable import AppraisalVault

/// ``CanonicalJSON/parse(_:)`` checks the canonical form while it parses and serialises again
/// only when it noticed a difference; the reference always serialises again and compares. Over
/// random documents and many mutations of them, both give the same value or the same error
/// (reason and offset).
@Suite("Canonical JSON: in-parse canonical check ≡ serialise-and-compare")
struct CanonicalJSONCheckTests {
    static let strings = [
        "", "a", "Lý do", "\"", "\\", "\u{1}", "\u{8}", "\t", "\n", "\u{c}", "\r", "\u{1f}", "\u{7f}", "é", "😀",
        "b", "aa", "A", "_", "ấ", "z\u{0}",
    ]

    static func value(_ g: inout SeededRandom, depth: Int = 0) -> JSONValue {
        switch g.int(0...(depth > 3 ? 3 : 5)) {
        case 0: return .string(g.pick(strings))
        case 1: return .integer(g.pick([0, 1, -1, 10, 1234, Int64.max, Int64.min, -100]))
        case 2: return g.chance(50) ? .bool(g.chance(50)) : .null
        case 3: return .string(g.pick(strings) + g.pick(strings))
        case 4: return .array((0..<g.int(0...4)).map { _ in value(&g, depth: depth + 1) })
        default:
            var d = [String: JSONValue]()
            for _ in 0..<g.int(0...5) { d[g.pick(strings) + g.pick(["", "k", "2"])] = value(&g, depth: depth + 1) }
            return .object(d)
        }
    }

    static let fragments = [
        "0", "00", "-0", "01", "-01", "1", "\\u0001", "\\u001F", "\\u0008", "\\u000a", "\\u0041", "\\u00e9", "\\n",
        "\\/", " ", ",", ":", "\"", "{", "}", "[", "]", "\\", "+1", "\\u+01f", "1.0", "1e2", "true", "null",
    ]

    static func mutate(_ bytes: [UInt8], _ g: inout SeededRandom) -> [UInt8] {
        var b = bytes
        switch g.int(0...5) {
        case 0:
            guard !b.isEmpty else { return b }
            b[g.int(0...b.count - 1)] ^= UInt8(1 << g.int(0...7))
        case 1:
            guard !b.isEmpty else { return b }
            b.remove(at: g.int(0...b.count - 1))
        case 2, 3:
            b.insert(contentsOf: Array(g.pick(fragments).utf8), at: g.int(0...b.count))
        case 4:
            // Swap two keys' texts: often an order change.
            let text = String(decoding: b, as: UTF8.self)
            b = Array(text.replacingFirst("\"a\"", "\"b\"").utf8)
        default:
            guard b.count > 2 else { return b }
            let i = g.int(0...b.count - 2)
            b.swapAt(i, i + 1)
        }
        return b
    }

    static func outcome(_ bytes: [UInt8], reference: Bool) -> Result<JSONValue, CanonicalJSON.ParseError> {
        do { return .success(try CanonicalJSON.parse(bytes, alwaysReserialize: reference)) } catch {
            return .failure(error)
        }
    }

    @Test(arguments: 0..<6)
    func sameOutcome(seed: UInt64) {
        var g = SeededRandom(300 + seed)
        var accepted = 0
        for _ in 0..<2000 {
            var bytes = CanonicalJSON.serialize(Self.value(&g))
            #expect(Self.outcome(bytes, reference: false) == Self.outcome(bytes, reference: true))
            for _ in 0..<g.int(1...3) { bytes = Self.mutate(bytes, &g) }
            let fast = Self.outcome(bytes, reference: false)
            #expect(fast == Self.outcome(bytes, reference: true), "\(String(decoding: bytes, as: UTF8.self))")
            if case .success = fast { accepted += 1 }
        }
        #expect(accepted > 100)
    }

    /// Hand-picked non-canonical forms the parser must notice.
    @Test(arguments: [
        #"{"b":1,"a":2}"#, #"{"a":00}"#, #"{"a":-0}"#, #"[01]"#, #"["\u0041"]"#, #"["\u001F"]"#, #"["\u000a"]"#,
        #"["\u0008"]"#, #"["\u00e9"]"#, #"{"aa":1,"a":2}"#, #"{"é":1,"z":2}"#, #"[-00]"#, #"["\u0001"]"#,
    ])
    func nonCanonical(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(Self.outcome(bytes, reference: false) == Self.outcome(bytes, reference: true))
    }
}

extension String {
    /// The first occurrence of `target` replaced.
    fileprivate func replacingFirst(_ target: String, _ replacement: String) -> String {
        guard let r = firstRange(of: target) else { return self }
        return String(self[..<r.lowerBound]) + replacement + String(self[r.upperBound...])
    }
}
