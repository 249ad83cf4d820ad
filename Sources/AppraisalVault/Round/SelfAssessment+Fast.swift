/// A reader for the usual shape of the round definition header's `selfAssessment` array that
/// fills ``SelfAssessment/Builder`` straight from the file's bytes, without the generic
/// ``JSONValue`` tree of its entries (about 400 bytes of tree per entry, 900,000 entries in a
/// national round).
///
/// ``locate(in:)`` finds the array's bytes in the header; the rest of the header is parsed as
/// canonical JSON with the array standing as `[]` (``Container``'s `excising`), and
/// ``read(_:range:units:selfSubsOfGroup:)`` reads the entries, once the units and the sets are
/// known. It accepts only a subset of what the strict path accepts: entries in the canonical
/// layout `{"code":…,"note":…,"score":…,"unit":…}`, unit after unit in the order the strict path
/// expects, every string in its canonical escaping and within the strict path's limits. Anything
/// else makes it return nil, and ``RoundDefinition/init(parsing:file:)`` then runs the strict path,
/// which decides and names the error. The differential tests (`SelfAssessmentReaderTests`) and
/// the `FuzzRoundDefinitionFast` target hold the two to the same answers.
enum SelfAssessmentFastReader {
    private static let key = Array(#""selfAssessment":["#.utf8)
    private static let codeKey = Array(#"{"code":""#.utf8)
    private static let noteKey = Array(#"","note":"#.utf8)
    private static let scoreKey = Array(#","score":"#.utf8)
    private static let unitKey = Array(#","unit":""#.utf8)
    private static let entryEnd = Array(#""}"#.utf8)
    private static let null = Array("null".utf8)
    private static let comma = [UInt8(ascii: ",")]
    private static let openBracket = [UInt8(ascii: "[")]
    private static let closeBracket = [UInt8(ascii: "]")]

    /// The bytes of the value of the header's top-level `selfAssessment` key when it is an array,
    /// as offsets in the whole file `bytes` (magic, kind, length, header, …); nil when the file
    /// is not laid out as expected (the strict path then reads it).
    static func locate(in bytes: [UInt8]) -> Range<Int>? {
        let prefix = Container.fixedPrefixLength
        guard bytes.count > prefix else { return nil }
        let length = Int(bytes[9]) << 24 | Int(bytes[10]) << 16 | Int(bytes[11]) << 8 | Int(bytes[12])
        let end = prefix + length
        guard length > 0, end <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { b -> Range<Int>? in
            guard b[prefix] == UInt8(ascii: "{") else { return nil }
            var i = prefix + 1
            var depth = 1
            // True where a key of the top-level object may start: after its `{` or a `,` in it.
            var atKey = true
            while i < end {
                let c = b[i]
                if c == UInt8(ascii: "\"") {
                    if depth == 1, atKey, end - i >= key.count,
                        UnsafeBufferPointer(rebasing: b[i..<(i + key.count)]).elementsEqual(key)
                    {
                        let start = i + key.count - 1
                        guard let after = skipArray(b, from: start, end: end) else { return nil }
                        return start..<after
                    }
                    guard let after = skipString(b, from: i, end: end) else { return nil }
                    i = after
                    atKey = false
                    continue
                }
                if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                    depth += 1
                } else if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                    depth -= 1
                    guard depth > 0 else { return nil }
                }
                atKey = c == UInt8(ascii: ",") && depth == 1
                i += 1
            }
            return nil
        }
    }

    /// The offset after the string starting at `start` (a `"`).
    private static func skipString(_ b: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int? {
        var j = start + 1
        while j < end {
            // Eight bytes at a time up to the next quote or backslash.
            if j + 8 <= end {
                let w = ByteScan.word(b, at: j)
                let stops = ByteScan.equal(w, UInt8(ascii: "\"")) | ByteScan.equal(w, UInt8(ascii: "\\"))
                if stops == 0 {
                    j += 8
                    continue
                }
                j += ByteScan.first(stops)
            }
            let c = b[j]
            if c == UInt8(ascii: "\\") {
                j += 2
            } else if c == UInt8(ascii: "\"") {
                return j + 1
            } else {
                j += 1
            }
        }
        return nil
    }

    /// The offset after the array starting at `start` (a `[`).
    private static func skipArray(_ b: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int? {
        var depth = 0
        var j = start
        while j < end {
            let c = b[j]
            if c == UInt8(ascii: "\"") {
                guard let after = skipString(b, from: j, end: end) else { return nil }
                j = after
                continue
            }
            if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                depth += 1
            } else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return j + 1 }
            }
            j += 1
        }
        return nil
    }

    /// True when `s` is written in canonical JSON as its bytes as they are.
    private static func isPlain(_ s: [UInt8]) -> Bool {
        !s.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

    /// The self-assessment the strict path reads from `bytes[range]` for these units and their
    /// sets' `self` sub-criteria, or nil when the strict path has to decide.
    static func read(
        _ bytes: [UInt8], range: Range<Int>, units: [AppraisedUnit],
        selfSubsOfGroup: [String: [Framework.SubCriterion]]
    ) -> SelfAssessment? {
        guard range.upperBound <= bytes.count else { return nil }
        var expected = 0
        for unit in units {
            guard let subs = selfSubsOfGroup[unit.group] else { return nil }
            expected += subs.count
        }
        guard expected <= 1 << 24 else { return nil }
        return bytes.withUnsafeBufferPointer { whole -> SelfAssessment? in
            let upTo = UnsafeBufferPointer(rebasing: whole[0..<range.upperBound])
            var d = SubmissionFastDecoder(upTo, at: range.lowerBound)
            guard d.literal(openBracket) else { return nil }
            var builder = SelfAssessment.Builder(capacity: expected)
            var tableOfGroup = [String: Int]()
            var codesOfGroup = [String: [[UInt8]]]()
            var first = true
            for unit in units {
                let subs = selfSubsOfGroup[unit.group]!
                let unitBytes = Array(unit.id.utf8)
                let codes = codesOfGroup[unit.group] ?? subs.map { Array($0.code.utf8) }
                codesOfGroup[unit.group] = codes
                guard isPlain(unitBytes), codes.allSatisfy(isPlain) else { return nil }
                var unitEntries = [SelfAssessment.Entry]()
                unitEntries.reserveCapacity(subs.count)
                for (sub, code) in zip(subs, codes) {
                    if !first { guard d.literal(comma) else { return nil } }
                    first = false
                    guard d.literal(codeKey), d.literal(code), d.literal(noteKey),
                        let note = d.string(maxBytes: 2000, multiline: true), d.literal(scoreKey)
                    else { return nil }
                    var score: Points?
                    if !d.literal(null) {
                        guard let p = d.points(), sub.accepts(p) else { return nil }
                        score = p
                    }
                    guard d.literal(unitKey), d.literal(unitBytes), d.literal(entryEnd) else { return nil }
                    unitEntries.append(SelfAssessment.Entry(score: score, note: note))
                }
                if tableOfGroup[unit.group] == nil { tableOfGroup[unit.group] = builder.table(for: subs.map(\.code)) }
                builder.append(unit: unit.id, table: tableOfGroup[unit.group]!, entries: unitEntries)
            }
            guard d.literal(closeBracket), d.index == range.upperBound else { return nil }
            return builder.build()
        }
    }
}
