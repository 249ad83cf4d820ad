/// A decoder for the common shape of a submission's plaintext that reads the bytes once, without
/// the generic ``JSONValue`` tree (the merge opens every submission of a round).
///
/// It accepts only a subset of what the strict path (``CanonicalJSON/parse(_:)`` then
/// ``FieldReader``) accepts: the canonical layout without `attachments`, every string in its
/// canonical escaping, every field within the strict path's limits. Anything else, valid or not,
/// makes it return nil, and ``SubmissionContent/init(parsing:file:)`` then runs the strict path,
/// which decides and names the error. So for every input the outcome (the content, or the error)
/// is the strict path's; the differential tests check that whatever this returns is exactly what
/// the strict path returns.
///
/// Its readers of canonical strings, scores and literals also serve ``SelfAssessmentFastReader``.
struct SubmissionFastDecoder {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    private(set) var index = 0

    /// A decoder reading `bytes` from `index`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    /// The content, or nil when the strict path has to decide.
    static func decode(_ bytes: [UInt8]) -> SubmissionContent? {
        bytes.withUnsafeBufferPointer { buffer in
            var d = SubmissionFastDecoder(buffer)
            return d.document()
        }
    }

    private static let memberKey = Array(#"{"member":"#.utf8)
    private static let revisionKey = Array(#","revision":"#.utf8)
    private static let roundKey = Array(#","round":"#.utf8)
    private static let rowsKey = Array(#","rows":["#.utf8)
    private static let codeKey = Array(#"{"code":"#.utf8)
    private static let reasonKey = Array(#","reason":"#.utf8)
    private static let scoreKey = Array(#","score":"#.utf8)
    private static let unitKey = Array(#","unit":"#.utf8)

    private mutating func document() -> SubmissionContent? {
        guard literal(Self.memberKey), let member = string(maxBytes: 64, multiline: false) else { return nil }
        guard literal(Self.revisionKey), let revision = revision() else { return nil }
        guard literal(Self.roundKey), let round = hex32() else { return nil }
        guard literal(Self.rowsKey) else { return nil }
        var rows = [Appraisal]()
        // A row takes at least 45 bytes (`{"code":"","reason":"","score":"0","unit":""},`), so
        // the rows never outgrow this (a merge's usual rows take 50–60: growing by doubling from
        // a smaller guess left a freed buffer twice the rows behind for each submission); the cap
        // keeps a large hostile plaintext from reserving memory before a byte of it was read.
        rows.reserveCapacity(min(bytes.count / 45, 1 << 16))
        if peek(UInt8(ascii: "]")) {
            index += 1
        } else {
            while true {
                guard rows.count < 10_000_000, let row = row(line: rows.count + 1) else { return nil }
                rows.append(row)
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    break
                } else {
                    return nil
                }
            }
        }
        guard peek(UInt8(ascii: "}")), index + 1 == bytes.count else { return nil }
        return SubmissionContent(member: member, revision: revision, round: round, rows: rows)
    }

    private mutating func row(line: Int) -> Appraisal? {
        guard literal(Self.codeKey), let code = string(maxBytes: 32, multiline: false),
            literal(Self.reasonKey),
            let reason = string(maxBytes: SubmissionContent.maxReasonBytes, multiline: true),
            literal(Self.scoreKey), let score = points(),
            literal(Self.unitKey), let unit = string(maxBytes: 64, multiline: false),
            peek(UInt8(ascii: "}"))
        else { return nil }
        index += 1
        return Appraisal(unit: unit, code: code, score: score, reason: reason, line: line)
    }

    func peek(_ b: UInt8) -> Bool { index < bytes.count && bytes[index] == b }

    mutating func literal(_ expected: [UInt8]) -> Bool {
        guard bytes.count - index >= expected.count else { return false }
        for (i, b) in expected.enumerated() where bytes[index + i] != b { return false }
        index += expected.count
        return true
    }

    /// `revision`: a canonical integer in 1…1,000,000.
    private mutating func revision() -> Int? {
        let start = index
        var n = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]), index - start < 8 {
            n = n * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        guard index > start, bytes[start] != UInt8(ascii: "0"), (1...1_000_000).contains(n) else { return nil }
        return n
    }

    /// `round`: 64 lowercase hex digits in a string.
    private mutating func hex32() -> [UInt8]? {
        guard bytes.count - index >= 66, bytes[index] == UInt8(ascii: "\""), bytes[index + 65] == UInt8(ascii: "\"")
        else { return nil }
        func nibble(_ b: UInt8) -> UInt8? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        var out = [UInt8](repeating: 0, count: 32)
        for i in 0..<32 {
            guard let high = nibble(bytes[index + 1 + 2 * i]), let low = nibble(bytes[index + 2 + 2 * i]) else {
                return nil
            }
            out[i] = high << 4 | low
        }
        index += 66
        return out
    }

    /// A score: a string in the canonical form of ``Points`` (`-?(0|[1-9][0-9]{0,11})(\.[0-9]{0,5}[1-9])?`,
    /// never `-0`), built as ``Points/init(parsing:)`` builds it.
    mutating func points() -> Points? {
        guard peek(UInt8(ascii: "\"")) else { return nil }
        var i = index + 1
        func digit(_ at: Int) -> Int64? {
            guard at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) else { return nil }
            return Int64(bytes[at] - UInt8(ascii: "0"))
        }
        let negative = i < bytes.count && bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let integerStart = i
        var units: Int64 = 0
        while let d = digit(i) {
            units = units * 10 + d
            i += 1
            guard i - integerStart <= Points.maxIntegerDigits else { return nil }
        }
        let integerDigits = i - integerStart
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { return nil }
        var scale = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while let d = digit(i) {
                units = units * 10 + d
                i += 1
                scale += 1
                guard scale <= Points.maxFractionDigits else { return nil }
            }
            guard scale > 0, bytes[i - 1] != UInt8(ascii: "0") else { return nil }
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\""), !(negative && units == 0) else { return nil }
        index = i + 1
        return Points(units: negative ? -units : units, scale: scale)
    }

    /// A string in its canonical escaping, valid UTF-8, NFC, within `maxBytes` and without a
    /// character spec §1.3 refuses (TAB and LF allowed when `multiline`).
    mutating func string(maxBytes: Int, multiline: Bool) -> String? {
        guard peek(UInt8(ascii: "\"")) else { return nil }
        let start = index + 1
        var end = start
        var plain = true
        while end < bytes.count {
            // Eight bytes at a time up to the next quote, control or backslash.
            if end + 8 <= bytes.count {
                let w = ByteScan.word(bytes, at: end)
                let stops =
                    ByteScan.equal(w, UInt8(ascii: "\"")) | ByteScan.below(w, 0x20)
                    | ByteScan.equal(w, UInt8(ascii: "\\"))
                let k = stops == 0 ? 8 : ByteScan.first(stops)
                if ByteScan.before(k, ByteScan.high(w) | ByteScan.equal(w, 0x7f)) != 0 { plain = false }
                end += k
                if stops == 0 { continue }
            }
            let b = bytes[end]
            if b == UInt8(ascii: "\"") { break }
            if b < 0x20 { return nil }
            if b == UInt8(ascii: "\\") {
                // Skip the escaped byte (it may be a quote); unescape checks the escape.
                plain = false
                end += 2
                continue
            }
            if b >= 0x7f { plain = false }
            end += 1
        }
        guard end < bytes.count else { return nil }
        index = end + 1
        if plain {
            // Printable ASCII without escapes: valid, NFC, nothing refused.
            guard end - start <= maxBytes else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        let raw: [UInt8]
        if bytes[start..<end].contains(UInt8(ascii: "\\")) {
            guard let unescaped = Self.unescape(UnsafeBufferPointer(rebasing: bytes[start..<end])) else { return nil }
            raw = unescaped
        } else {
            raw = Array(bytes[start..<end])
        }
        guard raw.count <= maxBytes, let s = String(validating: raw, as: UTF8.self), Text.isNFC(s),
            Text.refusal(in: s, multiline: multiline) == nil
        else { return nil }
        return s
    }

    /// The bytes of a string body written with exactly the escapes ``CanonicalJSON`` writes
    /// (`\"`, `\\`, `\b \t \n \f \r`, `\u00xx` in lowercase for the other controls); nil otherwise.
    private static func unescape(_ body: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out = [UInt8]()
        out.reserveCapacity(body.count)
        var i = 0
        while i < body.count {
            let b = body[i]
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                i += 1
                continue
            }
            guard i + 1 < body.count else { return nil }
            if let short = CanonicalJSON.shortUnescape(body[i + 1]) {
                out.append(short)
                i += 2
                continue
            }
            guard body[i + 1] == UInt8(ascii: "u"), i + 5 < body.count, body[i + 2] == UInt8(ascii: "0"),
                body[i + 3] == UInt8(ascii: "0"), let high = lowerHex(body[i + 4]), high < 2,
                let low = lowerHex(body[i + 5])
            else { return nil }
            let code = high << 4 | low
            // The canonical writer uses the short escape for these.
            guard CanonicalJSON.shortEscape(code) == nil else { return nil }
            out.append(code)
            i += 6
        }
        return out
    }

    private static func lowerHex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
