extension Text {
    /// `s` with every refused character of spec §1.3 (a control other than TAB and LF, a bidi
    /// control) written as `\u{XXXX}`, so that text from a hostile file can be shown on a
    /// terminal without moving the cursor, clearing lines or reordering what is displayed.
    ///
    /// Used for every value a message shows (the CLI renders each argument through it) and for
    /// names taken from a file before it is known to be valid (an unknown field's name).
    public static func escapingRefused(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { isRefusedOnDisplay($0) }) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            if isRefusedOnDisplay(u) {
                out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    private static func isRefusedOnDisplay(_ u: Unicode.Scalar) -> Bool {
        isBidiControl(u) || (isControl(u) && u != "\t" && u != "\n")
    }
}
