import Testing

@testable import AppraisalVault

/// A small deterministic generator (SplitMix64), so every differential case can be replayed.
struct SeededRandom {
    var state: UInt64

    init(_ seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }

    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
}

/// The one-pass submission decoder (``SubmissionFastDecoder``) against the generic strict path
/// (``CanonicalJSON/parse(_:)`` + ``FieldReader``): over valid plaintexts and many mutated ones,
/// the public parser accepts exactly what the strict path accepts, with the same content, and
/// rejects the rest with the same error (message id, file and field); whatever the fast decoder
/// returns on its own is the strict path's content.
@Suite("Submission decoder: fast path ≡ strict path")
struct SubmissionDecoderTests {
    static let file = "submissions/tv-01.r1.avs"

    static let reasons = [
        "", "Lý do giảm điểm", "Thiếu \"kế hoạch\" năm", "a\\b", "dòng 1\ndòng 2", "tab\tở giữa", "Báo cáo chậm",
        "Ủy ban nhân dân tỉnh", "x\u{1}y", "cr\rlf", "bell\u{7}", "\u{1f}", "e\u{301}", "del\u{7f}", "\u{202e}bidi",
        "  ", "ﬁ ligature", "日本語", "emoji 😀", String(repeating: "r", count: 4000),
        String(repeating: "é", count: 2001),
    ]
    static let scores = ["0", "1", "0.25", "0.5", "0.75", "12", "-0.5", "123456789012", "0.000001", "7.5"]
    static let units = ["u1", "u2", "u10", "đơn-vị", "u", String(repeating: "u", count: 64)]
    static let codes = ["1.1.1", "1.1.2", "2.1.3", "T1", "TR1", String(repeating: "9", count: 32)]

    /// A valid plaintext (as sealing writes it).
    static func valid(_ g: inout SeededRandom) -> [UInt8] {
        let rows = (0..<g.int(0...6)).map { _ in
            Appraisal(
                unit: g.pick(units), code: g.pick(codes), score: Points(canonical: g.pick(scores))!,
                reason: g.chance(60)
                    ? ""
                    : g.pick(
                        reasons.filter {
                            Text.refusal(in: $0, multiline: true) == nil && Text.isNFC($0) && $0.utf8.count <= 4000
                        }))
        }
        let attachments =
            g.chance(15)
            ? [
                Evidence.Attachment(
                    fileHash: [UInt8](repeating: 7, count: 32), index: 1, name: "bien-ban.pdf", size: 10)
            ]
            : []
        return SubmissionContent(
            member: g.pick(["tv-01", "tv-2", "thành-viên"]), revision: g.pick([1, 2, 9, 10, 999_999, 1_000_000]),
            round: (0..<32).map { _ in UInt8(g.int(0...255)) }, rows: rows, attachments: attachments
        ).encoded()
    }

    /// Replaces the first occurrence of `old` with `new`.
    static func replacing(_ bytes: [UInt8], _ old: String, _ new: String) -> [UInt8] {
        let o = Array(old.utf8)
        guard !o.isEmpty, bytes.count >= o.count else { return bytes }
        for i in 0...(bytes.count - o.count) where Array(bytes[i..<(i + o.count)]) == o {
            return Array(bytes[..<i]) + Array(new.utf8) + Array(bytes[(i + o.count)...])
        }
        return bytes
    }

    /// One mutation of `bytes`: byte-level damage, or a structural change the strict path refuses
    /// (or, sometimes, accepts: some mutations give another valid document).
    static func mutate(_ bytes: [UInt8], _ g: inout SeededRandom) -> [UInt8] {
        var b = bytes
        switch g.int(0...19) {
        case 0, 1:
            guard !b.isEmpty else { return b }
            b[g.int(0...b.count - 1)] ^= UInt8(1 << g.int(0...7))
        case 2:
            guard !b.isEmpty else { return b }
            b[g.int(0...b.count - 1)] = UInt8(g.int(0...255))
        case 3:
            guard !b.isEmpty else { return b }
            b.remove(at: g.int(0...b.count - 1))
        case 4:
            b.insert(g.pick(Array(" \"\\,:{}[]0a\u{1}".utf8)), at: g.int(0...b.count))
        case 5:
            b = Array(b.prefix(g.int(0...b.count)))
        case 6:
            // Key reorder: rows' keys, or top-level keys.
            b =
                g.chance(50)
                ? replacing(b, #"{"code":"#, #"{"reason":"#)
                : replacing(replacing(b, #""member":"#, #""revisionX":"#), #""revision":"#, #""member":"#)
        case 7:
            b = replacing(b, #","score":"#, g.pick([#","code":"#, #","unit":"#, #","reason":"#]))
        case 8:
            // Duplicate key.
            b = replacing(b, #","reason":"#, #","code":"x","reason":"#)
        case 9:
            // Non-canonical numbers.
            b =
                g.chance(50)
                ? replacing(b, #""revision":"#, g.pick([#""revision":0"#, #""revision":-"#, #""revision":1.0,"x":"#]))
                : replacing(b, #""score":""#, g.pick([#""score":"0"#, #""score":"-"#, #""score":"+"#, #""score":" "#]))
        case 10:
            b = replacing(b, #""score":"0""#, g.pick([#""score":"0.0""#, #""score":"-0""#, #""score":"00""#]))
        case 11:
            b = replacing(b, #"0.5""#, g.pick([#"0.50""#, #"0,5""#, #".5""#, #"0.5 ""#, #"5e-1""#]))
        case 12:
            // Non-canonical strings.
            b = replacing(b, #""u"#, g.pick([#""\u0075"#, #""\/u"#, #""\u001F"#, #""\u001f"#, #""\n"#, #""\x"#]))
        case 13:
            b = replacing(b, #"\n"#, g.pick([#"\u000a"#, #"\u000A"#, "\n", #"\r"#, #"\t"#]))
        case 14:
            // Missing and extra keys.
            b =
                g.chance(50)
                ? replacing(b, #","reason":"""#, "")
                : replacing(b, #"{"code":"#, #"{"a":1,"code":"#)
        case 15:
            b = replacing(b, "}]", g.pick([#","x":null}]"#, "}],\"z\":1", "}]}"]))
        case 16:
            // Wrong types.
            b = replacing(b, #""score":"#, g.pick([#""score":1,"y":"#, #""score":null,"y":"#, #""score":true,"y":"#]))
        case 17:
            b = replacing(b, #""rows":["#, g.pick([#""rows":{"#, #""rows":"#, #""rows":[[],"#, #""rows":[1,"#]))
        case 18:
            // Non-NFC, controls, bidi, lengths.
            b = replacing(
                b, #""reason":""#,
                g.pick([
                    "\"reason\":\"e\u{301}", "\"reason\":\"\u{202e}", "\"reason\":\"\u{85}", "\"reason\":\"\u{2028}",
                    "\"reason\":\"" + String(repeating: "r", count: 4001), "\"reason\":\"\u{ff}",
                ]))
        default:
            b = replacing(
                b, #""unit":""#,
                g.pick(["\"unit\":\"\u{9}", "\"unit\":\"\\t", "\"unit\":\"" + String(repeating: "u", count: 65)]))
            if g.chance(30) { b = Array("\u{feff}".utf8) + b }
            if g.chance(30) { b += [0x0a] }
        }
        return b
    }

    /// The outcome of a parser: the content, or the error.
    static func outcome(_ body: () throws -> SubmissionContent) -> Result<SubmissionContent, SubmissionError> {
        do { return .success(try body()) } catch let e as SubmissionError { return .failure(e) } catch {
            Issue.record("unexpected error type \(error)")
            return .failure(SubmissionError(.malformed, []))
        }
    }

    static func check(_ bytes: [UInt8]) -> (accepted: Bool, fast: Bool) {
        let strict = outcome { try SubmissionContent(strictlyParsing: bytes, file: file) }
        let parsed = outcome { try SubmissionContent(parsing: bytes, file: file) }
        #expect(parsed == strict, "input: \(String(decoding: bytes, as: UTF8.self))")
        let fast = SubmissionFastDecoder.decode(bytes)
        if let fast {
            #expect(strict == .success(fast), "fast path accepted: \(String(decoding: bytes, as: UTF8.self))")
        }
        if case .success = strict { return (true, fast != nil) }
        return (false, fast != nil)
    }

    /// Valid plaintexts: the same content both ways, and the fast path takes every one without
    /// evidence (else it would not be the path the merge runs).
    @Test func validDocuments() {
        var g = SeededRandom(16)
        for _ in 0..<400 {
            let bytes = Self.valid(&g)
            let (accepted, fast) = Self.check(bytes)
            #expect(accepted)
            let hasAttachments = bytes.starts(with: Array(#"{"attachments""#.utf8))
            #expect(fast == !hasAttachments)
        }
    }

    /// Mutated plaintexts (one to three mutations each): same accept/reject, same content or
    /// error; the fast path never accepts what the strict path refuses.
    @Test(arguments: 0..<8)
    func mutatedDocuments(seed: UInt64) {
        var g = SeededRandom(1000 + seed)
        var rejected = 0
        var fastAccepted = 0
        for _ in 0..<1500 {
            var bytes = Self.valid(&g)
            for _ in 0..<g.int(1...3) { bytes = Self.mutate(bytes, &g) }
            let (accepted, fast) = Self.check(bytes)
            if !accepted { rejected += 1 }
            if fast { fastAccepted += 1 }
        }
        // The mutations do reach both outcomes.
        #expect(rejected > 500)
        #expect(fastAccepted > 50)
    }

    /// Hand-picked edge cases of the canonical forms the fast path reads itself.
    @Test(arguments: [
        #"{"member":"m","revision":1,"round":"RR","rows":[]}"#,
        #"{"member":"m","revision":1000000,"round":"RR","rows":[]}"#,
        #"{"member":"m","revision":1000001,"round":"RR","rows":[]}"#,
        #"{"member":"m","revision":01,"round":"RR","rows":[]}"#,
        #"{"member":"","revision":1,"round":"RR","rows":[]}"#,
        #"{"member":"m","revision":1,"round":"RR","rows":[{"code":"c","reason":"","score":"-0.5","unit":"u"}]}"#,
        #"{"member":"m","revision":1,"round":"RR","rows":[{"code":"c","reason":"","score":"-0","unit":"u"}]}"#,
        #"{"member":"m","revision":1,"round":"RR","rows":[{"code":"c","reason":"","score":"1234567890123","unit":"u"}]}"#,
        #"{"member":"m","revision":1,"round":"RR","rows":[{"code":"c","reason":"","score":"0.1234567","unit":"u"}]}"#,
        #"{"member":"m","revision":1,"round":"RR","rows":[{"code":"c","reason":"\"\\\b\f\n\r\t\u0001\u001f","score":"1","unit":"u"}]}"#,
        #"{"member":"m","revision":1,"round":"RR","rows":[{"code":"c","reason":"\u0008","score":"1","unit":"u"}]}"#,
        #"{"member":"m","revision":1,"round":"RR","rows":[{"code":"c","reason":"\u007f","score":"1","unit":"u"}]}"#,
        #"{"member":"m","revision":1,"round":"RR","rows":[{"code":"c","reason":"\","score":"1","unit":"u"}]}"#,
        #"{"member":"m","revision":1,"round":"RR","rows":[{"code":"c\t","reason":"","score":"1","unit":"u"}]}"#,
        #"{"member":"m","revision":1,"round":"RR","rows":[{"code":"c","reason":"","score":"1","unit":"u"},]}"#,
        #"{"member":"m","revision":1,"round":"rr","rows":[]}"#,
        #"{"member":"m","revision":1,"round":"RR","rows":[]} "#,
        #"{"attachments":[],"member":"m","revision":1,"round":"RR","rows":[]}"#,
    ])
    func edgeCases(_ text: String) {
        let hex = String(repeating: "ab", count: 32)
        _ = Self.check(Array(text.replacingOccurrences(of: "RR", with: hex).utf8))
        _ = Self.check(Array(text.replacingOccurrences(of: "RR", with: hex.uppercased()).utf8))
    }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        var out = ""
        var rest = self[...]
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound] + replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
