extension CSV {
    /// Largest input CSV accepted.
    public static let maxFileSize = 64 << 20

    /// Reads and parses `path`, checks its header, and records any failure in `problems`.
    ///
    /// - Returns: the table and its column map, or nil when the file cannot be used.
    static func load(
        _ path: String, required: [String], optional: [String] = [], problems: inout InputProblems
    ) -> (table: Table, columns: [String: Int])? {
        do {
            let table = try parse(try FileIO.read(path, maxBytes: maxFileSize), file: path)
            return (table, try table.columns(required: required, optional: optional))
        } catch {
            problems.add(error)
            return nil
        }
    }

    /// Splits a list cell (`1 2.1;3`) at spaces, tabs and semicolons, dropping empty items.
    static func items(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "\t" }).map(String.init)
    }
}
