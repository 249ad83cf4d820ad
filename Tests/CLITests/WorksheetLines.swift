import Foundation

/// The lines of a CSV worksheet as `avault worksheet` writes it (docs/spec/03-round.md §3.9):
/// ``head``, the header block and the row of column names (a byte-order mark stays on the first
/// line), and ``rows``, one line per cell. Tests fill ``rows`` and write ``text`` back.
struct WorksheetLines {
    /// The header block and the column names, as written.
    var head: [String]
    /// One line per cell.
    var rows: [String]

    /// Splits `text` (CRLF lines; empty lines dropped) at its row of column names (`ma_don_vi…`).
    init(_ text: String) {
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let names = lines.firstIndex { $0.hasPrefix("ma_don_vi") || $0.hasPrefix("\u{FEFF}ma_don_vi") } ?? 0
        head = Array(lines[...names])
        rows = Array(lines[(names + 1)...])
    }

    /// The worksheet's text: every line with CRLF.
    var text: String { (head + rows).joined(separator: "\r\n") + "\r\n" }
}
