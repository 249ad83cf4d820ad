import Foundation
import Testing

@testable import AppraisalVault

/// The text rules of spec §1.3: refused characters and blank strings.
@Suite struct TextTests {
    /// One-line text refuses C0 (TAB and LF too), DEL, C1, U+2028/2029 and the bidi controls.
    @Test func oneLineRefusals() {
        for v: UInt32 in [0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x9F, 0x2028, 0x2029] {
            let s = "a" + String(Unicode.Scalar(v)!) + "b"
            #expect(Text.refusal(in: s) == .control(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))")
            #expect(Text.hasControlCharacters(s))
        }
        for v: UInt32 in [
            0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
        ] {
            #expect(Text.refusal(in: "x" + String(Unicode.Scalar(v)!)) == .bidi(Unicode.Scalar(v)!))
        }
        // Not refused: ordinary Vietnamese, NBSP, ZWJ/ZWNJ (needed by some scripts), U+2065 (unassigned).
        for ok in ["Nguyễn Thị Lan", "a\u{00A0}b", "a\u{200D}b", "a\u{200C}b", "Quyết định số 04/QĐ-UBND"] {
            #expect(Text.refusal(in: ok) == nil, "\(ok)")
        }
        #expect(Text.refusal(in: "\u{202E}").map(\.codePoint) == "U+202E")
        #expect(Text.codePoint("\u{1B}") == "U+001B")
        #expect(Text.codePoint("\u{E0001}") == "U+E0001")
    }

    /// Multi-line text keeps TAB and LF but still refuses CR, other controls and bidi controls.
    @Test func multiLineRefusals() {
        #expect(Text.refusal(in: "one\ntwo\tthree", multiline: true) == nil)
        #expect(Text.refusal(in: "one\r\ntwo", multiline: true) == .control("\r"))
        #expect(Text.refusal(in: "bell\u{07}", multiline: true) == .control("\u{07}"))
        #expect(Text.refusal(in: "esc\u{1B}[0m", multiline: true) == .control("\u{1B}"))
        #expect(Text.refusal(in: "c1\u{9B}", multiline: true) == .control("\u{9B}"))
        #expect(Text.refusal(in: "rlo\u{202E}", multiline: true) == .bidi("\u{202E}"))
    }

    /// Blank: every character White_Space, Default_Ignorable_Code_Point, Cf or U+2800 — spaces Excel
    /// and Word produce (NBSP, ideographic space), zero-width space, BOM, soft hyphen, the Hangul
    /// fillers, the Braille blank, the grapheme joiner, variation selectors; the empty string is
    /// blank; any visible character is not.
    @Test func blank() {
        for s in [
            "", " ", "\u{00A0}\u{00A0}", "\u{3000}", "\u{200B}", "\u{FEFF}", " \t\n", "\u{00AD}", "\u{2060}",
            "\u{3164}", "\u{2800}", "\u{115F}", "\u{1160}", "\u{FFA0}", "\u{034F}", "\u{FE00}\u{FE0F}", "\u{180B}",
            "\u{17B4}", "\u{E0100}", "\u{E0FFF}",
        ] {
            #expect(Text.isBlank(s), "\(Array(s.unicodeScalars))")
        }
        for s in ["a", "\u{00A0}x", ".", "-", "\u{3000}Lý do", "\u{2801}", "\u{3165}", "a\u{FE0F}"] {
            #expect(!Text.isBlank(s))
        }
    }

    /// The fixed table (spec §1.3) equals White_Space ∪ Default_Ignorable_Code_Point ∪ Cf ∪ {U+2800}
    /// of the standard library's Unicode, so a change of Unicode version that adds one is noticed
    /// here, not silently in one implementation.
    @Test func blankTableMatchesUnicodeProperties() {
        var mismatches = [String]()
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let p = u.properties
            let property =
                p.isWhitespace || p.isDefaultIgnorableCodePoint || p.generalCategory == .format || v == 0x2800
            if property != Text.isBlank(u) { mismatches.append(Text.codePoint(u)) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(zip(Text.blankRanges, Text.blankRanges.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound })
        #expect(Text.blankBounds == Text.blankRanges.flatMap { [$0.lowerBound, $0.upperBound] })
    }

    /// The byte-level shortcuts of `isNFC`, `refusal(in:multiline:)` and `isBlank` give the answers
    /// of the scalar-by-scalar definitions, for every scalar of planes 0 and 1 alone and between
    /// ASCII, a Vietnamese letter or a combining mark.
    @Test func byteShortcutsAgreeWithScalarDefinitions() {
        func nfc(_ s: String) -> Bool { Array(Text.nfc(s).utf8) == Array(s.utf8) }
        func refusal(_ s: String, _ multiline: Bool) -> Text.Refusal? {
            Text.scalarRefusal(in: s, multiline: multiline)
        }
        var mismatches = [String]()
        for value in UInt32(0)..<0x20000 {
            guard let u = Unicode.Scalar(value) else { continue }
            // Short strings, and long ones where the scalar falls in the first, a middle or the
            // last word of eight bytes (the word-at-a-time paths).
            let long = "Tiêu chí thành phần "
            for s in [
                String(u), "a\(u)b", "\(u)\u{0301}", "ạ\(u)", "\u{0300}\(u)", " \(u) ", "\(u)" + long, long + "\(u)",
                "abcdefg\(u)" + long, long + "\(u)x",
            ] {
                if Text.isNFC(s) != nfc(s) { mismatches.append("isNFC \(Text.codePoint(u))") }
                if Text.refusal(in: s) != refusal(s, false) || Text.refusal(in: s, multiline: true) != refusal(s, true)
                {
                    mismatches.append("refusal \(Text.codePoint(u))")
                }
                if Text.isBlank(s) != s.unicodeScalars.allSatisfy(Text.isBlank) {
                    mismatches.append("isBlank \(Text.codePoint(u))")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// NFC is Unicode 15.0's (spec §1.2): the normaliser reorders a mark assigned in 15.0 (U+1E08F,
    /// class 230) after U+0323 (class 220), and not yet U+0897 (assigned in 16.0). When the
    /// toolchain's normaliser changes version this fails: update §1.2 and pyverify's
    /// `NFC_UNICODE_VERSION` together.
    @Test func nfcUnicodeVersion() {
        func scalars(_ s: String) -> [UInt32] { Text.nfc(s).unicodeScalars.map(\.value) }
        #expect(scalars("a\u{1E08F}\u{0323}") == [0x1EA1, 0x1E08F])
        #expect(scalars("a\u{0897}\u{0323}") == [0x61, 0x0897, 0x0323])
    }

    /// Line breaks: CRLF and lone CR become LF; LF stays.
    /// The scalars `isNFC` accepts without normalising (``Text/isStableInNFC(_:)``) leave a
    /// string of them unchanged under NFC: each is its own NFC and of combining class 0, its
    /// decomposition starts with such a scalar, and none of them is ever a later part of a
    /// canonical decomposition (all of planes 0 and 1 checked), so canonical composition can never
    /// join one to the scalar before it.
    @Test func stableScalarsAreNFCAnywhere() {
        let ranges: [ClosedRange<UInt32>] = [0x0...0x2FF, 0x1E00...0x1EFF]
        let stable = ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init)
        #expect(stable.allSatisfy(Text.isStableInNFC))
        func nfd(_ s: String) -> [Unicode.Scalar] { Array(s.decomposedStringWithCanonicalMapping.unicodeScalars) }
        for c in stable {
            let alone = String(c)
            #expect(c.properties.canonicalCombiningClass == .notReordered, "U+\(String(c.value, radix: 16))")
            #expect(Array(Text.nfc(alone).utf8) == Array(alone.utf8), "U+\(String(c.value, radix: 16))")
            let first = nfd(alone)[0]
            #expect(Text.isStableInNFC(first) && first.properties.canonicalCombiningClass == .notReordered)
        }
        for value in UInt32(0)..<0x20000 {
            guard let p = Unicode.Scalar(value) else { continue }
            for later in nfd(String(p)).dropFirst() where Text.isStableInNFC(later) {
                Issue.record("U+\(String(later.value, radix: 16)) is a later part of U+\(String(value, radix: 16))")
            }
        }
        #expect(!Text.isStableInNFC("\u{0300}"))
        #expect(Text.isNFC("Trần Thị Thu Hà"))
        #expect(!Text.isNFC("Tra\u{0300}n"))  // decomposed: a + combining grave
        #expect(!Text.isNFC("\u{2126}"))  // OHM SIGN becomes U+03A9
    }

    @Test func lineBreaks() {
        #expect(Text.normalizingLineBreaks("a\r\nb\rc\nd\r") == "a\nb\nc\nd\n")
        #expect(Text.normalizingLineBreaks("\r\r\n") == "\n\n")
    }

    /// Names recorded from outside have every refused character replaced.
    @Test func replacingRefused() {
        #expect(Text.replacingRefused("bien-ban\u{202E}fdp.exe\u{1B}") == "bien-ban?fdp.exe?")
    }

    /// Display names are not blank (spec §1.3): NBSP or ideographic spaces alone are refused.
    @Test func displayNames() {
        #expect(Identifier.isValidName("Nguyễn Thị Lan"))
        #expect(!Identifier.isValidName("\u{00A0}\u{3000}"))
        #expect(!Identifier.isValidName("Lan\u{202E}"))
    }

    /// Refused characters are shown escaped (TAB and LF stay), so hostile text cannot move a
    /// terminal's cursor, clear a line or reorder what is displayed; other text is unchanged.
    @Test func escapingForDisplay() {
        #expect(
            Text.escapingRefused("a\u{1B}]0;x\u{07}\r\u{202E}b\tc\nd") == "a\\u{1B}]0;x\\u{7}\\u{D}\\u{202E}b\tc\nd")
        #expect(Text.escapingRefused("Sở Nội vụ \u{00A0}") == "Sở Nội vụ \u{00A0}")
        #expect(Text.escapingRefused("\u{9B}\u{2066}") == "\\u{9B}\\u{2066}")
    }

    /// An unknown field's name is escaped in the error before anything else reads it.
    @Test func unknownFieldNameIsEscaped() throws {
        var reader = try FieldReader(.object(["ok": .string("x"), "\u{1B}[2Kevil": .string("y")]))
        _ = try reader.string("ok")
        let error = try #require(throws: FieldReader.Failure.self) { try reader.finish() }
        #expect(error.path == "\\u{1B}[2Kevil")
    }
}
