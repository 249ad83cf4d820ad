extension CSV.Table {
    /// Checks the header row and maps column names to indexes.
    ///
    /// Header names are compared after trimming spaces and lowercasing ASCII. Every `required`
    /// column must be present; `optional` ones may be; any other or repeated name is an error.
    ///
    /// - Throws: ``InputError`` `csv.header` naming the expected columns.
    public func columns(required: [String], optional: [String] = []) throws -> [String: Int] {
        var map = [String: Int]()
        let expected = (required + optional.map { "[\($0)]" }).joined(separator: ",")
        for field in header.fields {
            let name = String(field.text.trimmingSpaces.lowercasedASCII)
            guard (required + optional).contains(name), map[name] == nil else {
                throw InputError(
                    .csvHeader,
                    [.file(file), .line(field.line), .column(field.column), .text(field.text), .text(expected)])
            }
            map[name] = field.column - 1
        }
        if let missing = required.first(where: { map[$0] == nil }) {
            throw InputError(.csvMissingColumn, [.file(file), .line(header.line), .text(missing), .text(expected)])
        }
        return map
    }
}

extension CSV.Table {
    /// The table from the row of column names on, when the first row is not it but a later row
    /// starts with `ma_don_vi`: a CSV exported from the XLSX worksheet keeps its header block
    /// (docs/spec/03-round.md §3.9). Otherwise the table as it is.
    func skippingExportedHeaderBlock() -> CSV.Table {
        func isNames(_ r: CSV.Record) -> Bool { r.fields.first?.text.trimmingSpaces.lowercasedASCII == "ma_don_vi" }
        guard !isNames(header), let at = records.firstIndex(where: isNames) else { return self }
        return CSV.Table(file: file, header: records[at], records: Array(records[(at + 1)...]), separator: separator)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }

    /// The string with ASCII letters lowercased (other characters unchanged).
    var lowercasedASCII: String {
        String(decoding: utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
