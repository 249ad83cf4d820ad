internal import Foundation

/// Unicode hygiene for everything a person types: NFC normalisation and checks.
public enum Text {
    /// The NFC form of `s` (Vietnamese diacritics arrive both precomposed and decomposed).
    public static func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

    /// True when `s` is already in NFC, byte for byte.
    public static func isNFC(_ s: String) -> Bool {
        // Pure ASCII is always NFC; skip the Foundation call on the common path.
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        return Array(nfc(s).utf8) == Array(s.utf8)
    }

    /// True when `s` is not acceptable one-line text (spec §1.3): it has a control character (C0,
    /// DEL, C1, a line or paragraph separator) or a bidirectional control. See ``refusal(in:multiline:)``.
    public static func hasControlCharacters(_ s: String) -> Bool { refusal(in: s) != nil }
}
