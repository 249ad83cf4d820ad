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
        /// The HTML page printed to PDF by headless Chromium (``pdf()``).
        case pdf
        /// The annexes as an XLSX workbook (``xlsx()``).
        case xlsx
    }

    /// The report's bytes in `format`.
    ///
    /// - Throws: only for `.pdf`, as ``pdf()``.
    public func rendered(as format: Format) throws -> [UInt8] {
        switch format {
        case .pdf: try pdf()
        case .html: Array(html().utf8)
        case .csv: csv()
        case .json: json()
        case .xlsx: xlsx()
        }
    }
}
