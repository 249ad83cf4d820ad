/// Rules for identifiers (identity ids, unit ids): they become file names, so they are short,
/// lowercase ASCII and cannot traverse paths (spec §1.3).
public enum Identifier {
    /// 1–64 characters from `a–z 0–9 . _ -`, starting with a letter or digit.
    public static func isValid(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard (1...64).contains(bytes.count) else { return false }
        for (i, b) in bytes.enumerated() {
            let alnum =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
            if i == 0 && !alnum { return false }
            if !alnum && b != UInt8(ascii: ".") && b != UInt8(ascii: "_") && b != UInt8(ascii: "-") { return false }
        }
        return true
    }

    /// A display name (spec §1.3): NFC, 1–200 bytes, no control or bidirectional characters, not blank.
    public static func isValidName(_ s: String) -> Bool {
        (1...200).contains(s.utf8.count) && Text.isNFC(s) && !Text.hasControlCharacters(s) && !Text.isBlank(s)
    }
}
