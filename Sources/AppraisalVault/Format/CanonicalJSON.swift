/// The canonical JSON encoding of ``JSONValue``: one byte sequence per value.
///
/// The rules (spec §1.2): UTF-8; no whitespace outside strings; object keys sorted by their UTF-8
/// bytes, no duplicates; integers as `-?(0|[1-9][0-9]*)` within signed 64 bits, no fractions or
/// exponents; strings hold NFC text, escape `"` and `\` with a backslash, escape the control
/// characters U+0008, U+0009, U+000A, U+000C, U+000D as `\b \t \n \f \r` and every other control
/// character below U+0020 as `\u00XX` (lowercase hex), and write everything else literally.
/// This is exactly Python's `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.
///
/// Parsing is strict: the input must be the canonical encoding of the value it denotes, so
/// `serialize(parse(x)) == x` for every accepted `x`.
public enum CanonicalJSON {
    /// Why bytes were rejected, with the byte offset where it was noticed.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// Byte offset in the JSON text.
        public let offset: Int
        /// A short technical reason (English).
        public let reason: String
        public var description: String { "\(reason) at byte \(offset)" }
    }

    /// Deepest nesting accepted; deeper input is rejected instead of recursing without bound.
    public static let maxDepth = 32

    // MARK: - Serialising

    /// Encodes `value` canonically.
    public static func serialize(_ value: JSONValue) -> [UInt8] {
        var out = [UInt8]()
        write(value, into: &out)
        return out
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    private static let nullBytes: [UInt8] = Array("null".utf8)
    private static let trueBytes: [UInt8] = Array("true".utf8)
    private static let falseBytes: [UInt8] = Array("false".utf8)

    /// Appends the canonical encoding of `value` to `out` (for writers that build a document in parts).
    static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: nullBytes)
        case .bool(let b): out.append(contentsOf: b ? trueBytes : falseBytes)
        case .integer(let n): writeInteger(n, into: &out)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            let sorted = fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (i, field) in sorted.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(field.key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(field.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Decimal digits without a temporary `String`.
    static func writeInteger(_ n: Int64, into out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[(20 - count)..<20]))
        }
    }

    /// The byte that the two-character escape `\` + `letter` stands for: `\"`, `\\`, `\b`, `\t`,
    /// `\n`, `\f`, `\r`, the short escapes (the only ones besides `\u00xx` that canonical JSON
    /// writes, §1.2); nil for any other letter.
    static func shortUnescape(_ letter: UInt8) -> UInt8? {
        switch letter {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "n"): 0x0a
        case UInt8(ascii: "f"): 0x0c
        case UInt8(ascii: "r"): 0x0d
        default: nil
        }
    }

    /// Appends the canonical encoding of the string `s` to `out`.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            // Fast path: nothing to escape, copy the bytes as they are.
            if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                out.append(contentsOf: utf8)
                return
            }
            for b in utf8 {
                if let letter = shortEscape(b) {
                    out.append(UInt8(ascii: "\\"))
                    out.append(letter)
                } else if b < 0x20 {
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hexDigits[Int(b >> 4)])
                    out.append(hexDigits[Int(b & 0x0f)])
                } else {
                    out.append(b)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The letter of a two-character escape (`\"`, `\\`, `\b`, `\t`, `\n`, `\f`, `\r`), as
    /// Python's `json.dumps` writes them; nil for bytes written as `\u00XX` or as they are.
    static func shortEscape(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): return b
        case 0x08: return UInt8(ascii: "b")
        case 0x09: return UInt8(ascii: "t")
        case 0x0a: return UInt8(ascii: "n")
        case 0x0c: return UInt8(ascii: "f")
        case 0x0d: return UInt8(ascii: "r")
        default: return nil
        }
    }

    // MARK: - Parsing

    /// Parses canonical JSON.
    ///
    /// - Throws: ``ParseError`` for malformed, non-canonical, too deep, non-NFC or trailing input.
    public static func parse(_ bytes: some Collection<UInt8>) throws(ParseError) -> JSONValue {
        try parse(bytes, alwaysReserialize: false)
    }

    /// ``parse(_:)``; with `alwaysReserialize` the canonical form is checked by serialising the
    /// value again and comparing, whatever the parser noticed (the reference the tests compare
    /// the parser's own checks with).
    static func parse(_ bytes: some Collection<UInt8>, alwaysReserialize: Bool) throws(ParseError) -> JSONValue {
        var parser = Parser(bytes: Array(bytes))
        let value = try parser.parseValue(depth: 0)
        guard parser.index == parser.bytes.count else {
            throw ParseError(offset: parser.index, reason: "unexpected bytes after the JSON value")
        }
        // The parser notices every way the input can differ from the canonical encoding of what
        // it read (key order, number forms, escapes; whitespace is not parsed at all). When it
        // noticed none, serialising again would give the input back: skip that second pass.
        if parser.canonical, !alwaysReserialize { return value }
        // Canonical form check: anything else (whitespace, escapes, order, number forms) fails here.
        var again = [UInt8]()
        again.reserveCapacity(parser.bytes.count)
        write(value, into: &again)
        if again != parser.bytes {
            var firstDifference = 0
            while firstDifference < min(again.count, parser.bytes.count),
                again[firstDifference] == parser.bytes[firstDifference]
            {
                firstDifference += 1
            }
            throw ParseError(offset: firstDifference, reason: "not in canonical form")
        }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        /// False once the parser read something the canonical encoding writes otherwise: a key
        /// not after the previous one in UTF-8 order, an integer with a leading zero or `-0`, a
        /// `\u` escape other than the lowercase `\u00xx` of a control without a short escape.
        var canonical = true

        init(bytes: [UInt8]) { self.bytes = bytes }

        func fail(_ reason: String) -> ParseError { ParseError(offset: index, reason: reason) }

        mutating func expect(_ literal: String) throws(ParseError) {
            for b in literal.utf8 {
                guard index < bytes.count, bytes[index] == b else { throw fail("invalid literal") }
                index += 1
            }
        }

        mutating func parseValue(depth: Int) throws(ParseError) -> JSONValue {
            guard depth <= CanonicalJSON.maxDepth else { throw fail("nesting deeper than \(CanonicalJSON.maxDepth)") }
            guard index < bytes.count else { throw fail("unexpected end of input") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try parseObject(depth: depth)
            case UInt8(ascii: "["): return try parseArray(depth: depth)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"):
                try expect("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try expect("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try expect("null")
                return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .integer(try parseInteger())
            default: throw fail("unexpected character")
            }
        }

        mutating func parseObject(depth: Int) throws(ParseError) -> JSONValue {
            index += 1
            // While every key comes after the one before (canonical input) none repeats an
            // earlier one: the fields are kept in a list and the dictionary is made once, at its
            // size, at the end. At the first key out of order the dictionary is made from the list
            // and every later key is looked up in it before its value is read.
            var pairs = [(key: String, value: JSONValue)]()
            var fields: [String: JSONValue]?
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object([:])
            }
            while true {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key") }
                let keyOffset = index
                let key = try parseString()
                if fields == nil, let previous = pairs.last?.key, !previous.utf8.lexicographicallyPrecedes(key.utf8) {
                    canonical = false
                    fields = Self.dictionary(pairs)
                    pairs = []
                }
                if let f = fields, f[key] != nil {
                    throw ParseError(offset: keyOffset, reason: "duplicate key \"\(key)\"")
                }
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                index += 1
                let value = try parseValue(depth: depth + 1)
                if fields != nil { fields![key] = value } else { pairs.append((key, value)) }
                guard index < bytes.count else { throw fail("unexpected end of input") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(fields ?? Self.dictionary(pairs))
                } else {
                    throw fail("expected ',' or '}'")
                }
            }
        }

        /// The fields of `pairs`, whose keys are distinct (ascending NFC strings; were two equal,
        /// the first would be kept rather than trapping).
        static func dictionary(_ pairs: [(key: String, value: JSONValue)]) -> [String: JSONValue] {
            Dictionary(pairs.lazy.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        }

        mutating func parseArray(depth: Int) throws(ParseError) -> JSONValue {
            index += 1
            var items = [JSONValue]()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                items.append(try parseValue(depth: depth + 1))
                guard index < bytes.count else { throw fail("unexpected end of input") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                } else {
                    throw fail("expected ',' or ']'")
                }
            }
        }

        mutating func parseInteger() throws(ParseError) -> Int64 {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            let digitsStart = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > digitsStart, index - digitsStart <= 19 else { throw fail("invalid integer") }
            if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
                throw fail("only integers are allowed; decimals are strings")
            }
            // Accumulate negatively so that Int64.min is representable; overflow is out of range.
            var n: Int64 = 0
            for d in bytes[digitsStart..<index] {
                let (m, o1) = n.multipliedReportingOverflow(by: 10)
                let (v, o2) = m.subtractingReportingOverflow(Int64(d - UInt8(ascii: "0")))
                guard !o1, !o2 else { throw ParseError(offset: start, reason: "integer out of range") }
                n = v
            }
            if digitsStart == start {
                guard n != .min else { throw ParseError(offset: start, reason: "integer out of range") }
                n = -n
            } else if n == 0 {
                canonical = false  // -0
            }
            if index - digitsStart > 1, bytes[digitsStart] == UInt8(ascii: "0") { canonical = false }
            return n
        }

        mutating func parseString() throws(ParseError) -> String {
            let start = index
            index += 1
            // Fast path: no escape before the closing quote.
            var end = index
            var ascii = true
            bytes.withUnsafeBufferPointer { b in
                while end < b.count {
                    // Eight bytes at a time up to the next quote, backslash or control.
                    if end + 8 <= b.count {
                        let w = ByteScan.word(b, at: end)
                        let stops =
                            ByteScan.equal(w, UInt8(ascii: "\"")) | ByteScan.equal(w, UInt8(ascii: "\\"))
                            | ByteScan.below(w, 0x20)
                        if stops == 0 {
                            if ByteScan.high(w) != 0 { ascii = false }
                            end += 8
                            continue
                        }
                        let k = ByteScan.first(stops)
                        if ByteScan.before(k, ByteScan.high(w)) != 0 { ascii = false }
                        end += k
                        break
                    }
                    let c = b[end]
                    if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { break }
                    if c >= 0x80 { ascii = false }
                    end += 1
                }
            }
            if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
                let slice = bytes[index..<end]
                index = end + 1
                if ascii { return String(decoding: slice, as: UTF8.self) }
                guard let s = String(validating: slice, as: UTF8.self) else {
                    throw ParseError(offset: start, reason: "invalid UTF-8 in string")
                }
                guard Text.isNFC(s) else { throw ParseError(offset: start, reason: "string is not NFC-normalised") }
                return s
            }
            // Slow path (escapes, or an error to report): continue from where the scan stopped.
            var raw = Array(bytes[index..<end])
            index = end
            while true {
                guard index < bytes.count else { throw ParseError(offset: start, reason: "unterminated string") }
                let b = bytes[index]
                if b == UInt8(ascii: "\"") {
                    index += 1
                    break
                }
                if b < 0x20 { throw fail("raw control character in string") }
                if b == UInt8(ascii: "\\") {
                    guard index + 1 < bytes.count else { throw fail("unterminated escape") }
                    let e = bytes[index + 1]
                    index += 2
                    if let short = shortUnescape(e) {
                        raw.append(short)
                        continue
                    }
                    switch e {
                    case UInt8(ascii: "u"):
                        guard index + 4 <= bytes.count,
                            let code = UInt8(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16),
                            code < 0x20
                        else { throw fail("\\u escapes are only used for control characters") }
                        let (b0, b1, b2, b3) = (bytes[index], bytes[index + 1], bytes[index + 2], bytes[index + 3])
                        let lowerHex =
                            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b3)
                            || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(b3)
                        if b0 != UInt8(ascii: "0") || b1 != UInt8(ascii: "0")
                            || !(UInt8(ascii: "0")...UInt8(ascii: "1")).contains(b2) || !lowerHex
                            || CanonicalJSON.shortEscape(code) != nil
                        {
                            canonical = false
                        }
                        raw.append(code)
                        index += 4
                    default: throw fail("invalid escape")
                    }
                    continue
                }
                raw.append(b)
                index += 1
            }
            guard let s = String(validating: raw, as: UTF8.self) else {
                throw ParseError(offset: start, reason: "invalid UTF-8 in string")
            }
            guard Text.isNFC(s) else { throw ParseError(offset: start, reason: "string is not NFC-normalised") }
            return s
        }
    }
}
