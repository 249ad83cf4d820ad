/// The text rules of spec §1.3 for every string a person reads: which characters are refused, and
/// when a string counts as blank. One definition, used by every input path (CSV and JSON inputs,
/// worksheets, evidence names, decision references, identity names, command-line titles) and by
/// every reader of a signed file.
extension Text {
    /// What a refused character is (spec §1.3).
    public enum Refusal: Sendable, Hashable {
        /// A control character: C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F), or a line or
        /// paragraph separator (U+2028, U+2029). In multi-line text, TAB and LF are allowed.
        case control(Unicode.Scalar)
        /// A bidirectional control (Unicode Bidi_Control: U+061C, U+200E, U+200F, U+202A–U+202E,
        /// U+2066–U+2069): it can make text display in another order than it is stored.
        case bidi(Unicode.Scalar)

        /// The refused character.
        public var scalar: Unicode.Scalar {
            switch self {
            case .control(let u), .bidi(let u): u
            }
        }

        /// `U+XXXX`, four to six uppercase hex digits: how messages name the character.
        public var codePoint: String { Text.codePoint(scalar) }
    }

    /// The first refused character of `s`, if any (spec §1.3).
    ///
    /// - Parameters:
    ///   - s: the text.
    ///   - multiline: true for text that may span lines (reasons, notes): TAB and LF are allowed
    ///     then; CR never is (input paths normalise line breaks to LF first, ``normalizingLineBreaks(_:)``).
    /// - Returns: the refusal, nil when `s` is acceptable.
    public static func refusal(in s: String, multiline: Bool = false) -> Refusal? {
        // Read from the UTF-8 bytes: every refused scalar is ASCII below U+0020, DEL, or starts
        // with the lead byte 0xC2 (U+0080–U+00BF), 0xD8 (U+0600–U+063F) or 0xE2 (U+2000–U+2FFF);
        // only those are decoded and tested. The string is valid UTF-8, so a lead byte is never
        // a continuation byte (0x80–0xBF).
        var s = s
        return s.withUTF8 { b -> Refusal? in
            var i = 0
            while i < b.count {
                // Eight bytes at a time up to the next control, DEL or one of those lead bytes.
                if i + 8 <= b.count {
                    let w = ByteScan.word(b, at: i)
                    let flags =
                        ByteScan.below(w, 0x20) | ByteScan.equal(w, 0x7f) | ByteScan.equal(w, 0xC2)
                        | ByteScan.equal(w, 0xD8) | ByteScan.equal(w, 0xE2)
                    if flags == 0 {
                        i += 8
                        continue
                    }
                    i += ByteScan.first(flags)
                }
                let c = b[i]
                if c < 0x80 {
                    if c < 0x20 || c == 0x7f, !(multiline && (c == 0x09 || c == 0x0a)) {
                        return .control(Unicode.Scalar(c))
                    }
                } else if c == 0xC2 || c == 0xD8, i + 1 < b.count {
                    if let u = Unicode.Scalar(UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)),
                        let refusal = scalarRefusal(u, multiline: multiline)
                    {
                        return refusal
                    }
                } else if c == 0xE2, i + 2 < b.count {
                    let value = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                    if let u = Unicode.Scalar(value), let refusal = scalarRefusal(u, multiline: multiline) {
                        return refusal
                    }
                }
                i += 1
            }
            return nil
        }
    }

    /// The refusal of one scalar, if any (the definition ``refusal(in:multiline:)`` applies).
    static func scalarRefusal(_ u: Unicode.Scalar, multiline: Bool) -> Refusal? {
        if isBidiControl(u) { return .bidi(u) }
        if isControl(u), !(multiline && (u == "\t" || u == "\n")) { return .control(u) }
        return nil
    }

    /// ``refusal(in:multiline:)`` scalar by scalar (the reference the tests compare it with).
    static func scalarRefusal(in s: String, multiline: Bool = false) -> Refusal? {
        for u in s.unicodeScalars {
            if isBidiControl(u) { return .bidi(u) }
            if isControl(u), !(multiline && (u == "\t" || u == "\n")) { return .control(u) }
        }
        return nil
    }

    /// True for a control character of spec §1.3: U+0000–U+001F, U+007F–U+009F, U+2028, U+2029.
    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7f...0x9f).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
    }

    /// True for a bidirectional control: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069.
    public static func isBidiControl(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x061c, 0x200e, 0x200f, 0x202a...0x202e, 0x2066...0x2069: true
        default: false
        }
    }

    /// True when every character of `s` is blank (also for the empty string): nothing a reader can see.
    public static func isBlank(_ s: String) -> Bool {
        // An ASCII letter, digit or mark other than the space is never blank (U+0021–U+007E).
        if s.utf8.contains(where: { $0 > 0x20 && $0 < 0x7f }) { return false }
        return s.unicodeScalars.allSatisfy(isBlank)
    }

    /// True for a blank character (spec §1.3): Unicode White_Space, Default_Ignorable_Code_Point,
    /// general category Cf (format), or U+2800 (Braille blank), as the fixed table ``blankRanges``
    /// lists them, so that every implementation and every Unicode version of the standard library agree.
    public static func isBlank(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        // The table is sorted: binary search for the last range starting at or below v.
        var low = 0
        var high = blankBounds.count / 2
        while low < high {
            let mid = (low + high) / 2
            if blankBounds[2 * mid] <= v { low = mid + 1 } else { high = mid }
        }
        return low > 0 && v <= blankBounds[2 * low - 1]
    }

    /// ``blankRanges`` as lower and upper bounds in turn: a `[UInt32]`, whose type a process has
    /// already made, where an array of ranges costs a search of the conformance tables at first use.
    static let blankBounds: [UInt32] = [
        0x0009, 0x000d, 0x0020, 0x0020, 0x0085, 0x0085, 0x00a0, 0x00a0, 0x00ad, 0x00ad, 0x034f, 0x034f,
        0x0600, 0x0605, 0x061c, 0x061c, 0x06dd, 0x06dd, 0x070f, 0x070f, 0x0890, 0x0891, 0x08e2, 0x08e2,
        0x115f, 0x1160, 0x1680, 0x1680, 0x17b4, 0x17b5, 0x180b, 0x180f, 0x2000, 0x200f, 0x2028, 0x202f,
        0x205f, 0x206f, 0x2800, 0x2800, 0x3000, 0x3000, 0x3164, 0x3164, 0xfe00, 0xfe0f, 0xfeff, 0xfeff,
        0xffa0, 0xffa0, 0xfff0, 0xfffb, 0x110bd, 0x110bd, 0x110cd, 0x110cd, 0x13430, 0x1343f,
        0x1bca0, 0x1bca3, 0x1d173, 0x1d17a, 0xe0000, 0xe0fff,
    ]

    /// The blank characters of spec §1.3, sorted and merged: White_Space (U+0009–U+000D, U+0020,
    /// U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000),
    /// Default_Ignorable_Code_Point and general category Cf of Unicode 16.0 (invisible fillers such
    /// as U+115F, U+1160, U+3164, U+FFA0, U+034F, the variation selectors), and U+2800.
    public static let blankRanges: [ClosedRange<UInt32>] = [
        0x0009...0x000d, 0x0020...0x0020, 0x0085...0x0085, 0x00a0...0x00a0, 0x00ad...0x00ad, 0x034f...0x034f,
        0x0600...0x0605, 0x061c...0x061c, 0x06dd...0x06dd, 0x070f...0x070f, 0x0890...0x0891, 0x08e2...0x08e2,
        0x115f...0x1160, 0x1680...0x1680, 0x17b4...0x17b5, 0x180b...0x180f, 0x2000...0x200f, 0x2028...0x202f,
        0x205f...0x206f, 0x2800...0x2800, 0x3000...0x3000, 0x3164...0x3164, 0xfe00...0xfe0f, 0xfeff...0xfeff,
        0xffa0...0xffa0, 0xfff0...0xfffb, 0x110bd...0x110bd, 0x110cd...0x110cd, 0x13430...0x1343f,
        0x1bca0...0x1bca3, 0x1d173...0x1d17a, 0xe0000...0xe0fff,
    ]

    /// `s` with every character ``refusal(in:multiline:)`` refuses in one-line text replaced by `?`
    /// (for names from outside that are recorded, not rejected).
    public static func replacingRefused(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { isControl($0) || isBidiControl($0) ? "?" : $0 }))
    }

    /// `s` with every CRLF and every lone CR replaced by LF.
    public static func normalizingLineBreaks(_ s: String) -> String {
        guard s.utf8.contains(0x0d) else { return s }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in s.unicodeScalars {
            if u == "\n", previousCR {
                previousCR = false
                continue
            }
            previousCR = u == "\r"
            out.append(previousCR ? "\n" : u)
        }
        return String(out)
    }

    /// `U+XXXX` for `u` (at least four uppercase hex digits).
    public static func codePoint(_ u: Unicode.Scalar) -> String {
        let hex = String(u.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
