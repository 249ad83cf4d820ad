/// Where a value came from in an input file: the file, the 1-based line and column.
///
/// For CSV the column is the field's position in its row; for JSON it is the character column
/// of the value on its line (0 when it could not be located).
public struct InputLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file path as given.
    public let file: String
    /// 1-based line.
    public let line: Int
    /// 1-based column.
    public let column: Int

    /// A location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The location of a CSV field.
    public init(_ field: CSV.Field, in file: String) {
        self.init(file: file, line: field.line, column: field.column)
    }

    /// `file`, `line`, `column`: the first three facts of every input message.
    public var context: [ErrorContext.Value] { [.file(file), .line(line), .column(column)] }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}
