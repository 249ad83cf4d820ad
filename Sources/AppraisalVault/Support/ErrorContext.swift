/// The facts an error or a notice is about: file, line, column, member, revision, cell, and any
/// further value, in the order the catalog message uses them as `{1}`, `{2}`….
///
/// The values are typed so that callers read them back without parsing text (for example the
/// inbox reads the member and revision of a duplicate).
public struct ErrorContext: Sendable, Hashable {
    /// One fact.
    public enum Value: Sendable, Hashable {
        /// A file or folder path, as given.
        case file(String)
        /// A 1-based line number.
        case line(Int)
        /// A 1-based column number.
        case column(Int)
        /// A member (or other identity) id.
        case member(String)
        /// A submission revision.
        case revision(Int)
        /// A cell, `UNIT / CODE`.
        case cell(String)
        /// Any other value, already in its textual form (an id, a count, a byte count, a reason).
        case text(String)
        /// A decimal number (a score, a maximum, a percent) as ``Points`` writes it, with `.`: the
        /// CLI shows it with a decimal comma in Vietnamese sentences.
        case decimal(String)

        /// The value as it fills its placeholder.
        public var rendered: String {
            switch self {
            case .file(let s), .member(let s), .cell(let s), .text(let s), .decimal(let s): s
            case .line(let n), .column(let n), .revision(let n): String(n)
            }
        }
    }

    /// The facts, in message order.
    public let values: [Value]
    /// The file operation that failed, for file errors (it tells "cannot open" from "cannot read").
    public let step: FileStep?

    /// Creates a context.
    public init(_ values: [Value] = [], step: FileStep? = nil) {
        self.values = values
        self.step = step
    }

    /// Every value rendered, in order: the arguments of the catalog message.
    public var arguments: [String] { values.map(\.rendered) }

    /// The first file path, if any.
    public var file: String? { values.lazy.compactMap { if case .file(let s) = $0 { s } else { nil } }.first }
    /// The first line number, if any.
    public var line: Int? { values.lazy.compactMap { if case .line(let n) = $0 { n } else { nil } }.first }
    /// The first column number, if any.
    public var column: Int? { values.lazy.compactMap { if case .column(let n) = $0 { n } else { nil } }.first }
    /// The first member id, if any.
    public var member: String? { values.lazy.compactMap { if case .member(let s) = $0 { s } else { nil } }.first }
    /// The first revision, if any.
    public var revision: Int? { values.lazy.compactMap { if case .revision(let n) = $0 { n } else { nil } }.first }
    /// The first cell, if any.
    public var cell: String? { values.lazy.compactMap { if case .cell(let s) = $0 { s } else { nil } }.first }
}

/// The file operation a file error comes from.
public enum FileStep: String, Sendable, Hashable {
    /// Opening an existing file for reading.
    case open
    /// Creating a new file or folder (it must not exist yet).
    case create
    /// Reading from an open file.
    case read
    /// Writing, syncing, renaming or removing.
    case write
}
