extension Text {
    /// `s` without leading and trailing spaces (U+0020 and U+00A0 only; any other white space
    /// is a control character and is rejected by ``hasControlCharacters(_:)``).
    public static func trimmingSpaces(_ s: String) -> String {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\u{00A0}" }
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
