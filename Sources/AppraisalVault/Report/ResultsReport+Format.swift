/// The report's file formats (docs/report.md).
extension ResultsReport {
    /// A report file format; the raw values are what `avault report --format` accepts.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// A self-contained HTML page.
        case html
        /// CSV tables for spreadsheets.
        case csv
        /// Canonical JSON.
        case json
    }

    /// The report's bytes in `format`.
    public func rendered(as format: Format) -> [UInt8] {
        switch format {
        case .html: Array(html().utf8)
        case .csv: csv()
        case .json: json()
        }
    }
}
