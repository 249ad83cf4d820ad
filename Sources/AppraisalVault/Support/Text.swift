internal import Foundation

/// Unicode hygiene for everything a person types: NFC normalisation and checks.
public enum Text {
    /// The NFC form of `s` (Vietnamese diacritics arrive both precomposed and decomposed).
    public static func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

    /// True when `s` is already in NFC, byte for byte.
    public static func isNFC(_ s: String) -> Bool {
        // Pure ASCII is always NFC; skip the Foundation call on the common path.
        // So is text made only of scalars that NFC leaves alone wherever they stand (below the
        // combining marks, and the precomposed Vietnamese letters): most Vietnamese names and titles.
        // Both read from the UTF-8 bytes: a lead byte below 0xCC starts a scalar below U+0300, and
        // 0xE1 0xB8–0xBB starts one of U+1E00–U+1EFF (the string is valid UTF-8).
        var stable = true
        var s = s
        s.withUTF8 { b in
            var i = 0
            while i < b.count {
                let c = b[i]
                if c < 0x80 {
                    i += 1
                } else if c < 0xCC {
                    i += 2
                } else if c == 0xE1, i + 1 < b.count, (0xB8...0xBB).contains(b[i + 1]) {
                    i += 3
                } else {
                    stable = false
                    return
                }
            }
        }
        if stable { return true }
        return Array(nfc(s).utf8) == Array(s.utf8)
    }

    /// True for U+0000–U+02FF (Latin, before the combining marks at U+0300) and U+1E00–U+1EFF
    /// (Latin Extended Additional: ạ ả ấ … ỹ): each is its own NFC, is never reordered (combining
    /// class 0) and never composes with the scalar before it, so a string of them is NFC as it is.
    static func isStableInNFC(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x300 || (0x1E00...0x1EFF).contains(scalar.value)
    }

    /// True when `s` is not acceptable one-line text (spec §1.3): it has a control character (C0,
    /// DEL, C1, a line or paragraph separator) or a bidirectional control. See ``refusal(in:multiline:)``.
    public static func hasControlCharacters(_ s: String) -> Bool { refusal(in: s) != nil }
}
