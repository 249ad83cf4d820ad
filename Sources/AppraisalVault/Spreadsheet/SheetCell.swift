/// One cell of a spreadsheet written or read by the XLSX layer (README, "Spreadsheets").
public enum SheetCell: Sendable, Hashable {
    /// No value.
    case empty
    /// A text cell.
    case text(String)
    /// A number cell; `value` is the number's text as stored in the file (e.g. `0.5`, `10`).
    case number(String)
    /// A boolean cell.
    case bool(Bool)

    /// The cell's value as a worksheet field: text as is, a number as stored, a boolean as
    /// `TRUE`/`FALSE`, empty as "".
    public var fieldText: String {
        switch self {
        case .empty: ""
        case .text(let s): s
        case .number(let n): n
        case .bool(let b): b ? "TRUE" : "FALSE"
        }
    }

    /// `A1`-style name of the 1-based `row` and `column`.
    public static func name(row: Int, column: Int) -> String {
        var letters = ""
        var c = column
        while c > 0 {
            let r = (c - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            c = (c - 1) / 26
        }
        return letters + String(row)
    }

    /// The 1-based row and column of an `A1`-style name (`XFD1048576` at most), or `nil`.
    public static func position(_ name: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var digits = 0
        var letters = 0
        for b in name.utf8 {
            if b >= 65 && b <= 90 && digits == 0 {
                column = column * 26 + Int(b - 64)
                letters += 1
            } else if b >= 48 && b <= 57 && letters > 0 && !(digits == 0 && b == 48) {
                row = row * 10 + Int(b - 48)
                digits += 1
            } else {
                return nil
            }
            guard letters <= 3, digits <= 7 else { return nil }
        }
        guard column >= 1, column <= 16384, row >= 1, row <= 1_048_576 else { return nil }
        return (row, column)
    }
}
