/// A strict CSV reader and a minimal writer, working on bytes (never on `Character`s).
///
/// Reading rules (docs/spec/03-round.md §3.8):
/// - UTF-8, with or without a byte-order mark; invalid UTF-8 is an error naming the line.
/// - The separator is `,` or `;`, detected from the header line: the first of the two that occurs
///   outside quotes in line 1 (`,` when neither occurs).
/// - RFC 4180 quoting: a field that starts with `"` runs to the next lone `"`; `""` inside it is
///   one quote; it may contain separators and line breaks. An unterminated quoted field, a quote
///   inside an unquoted field, or anything but a separator or line end after a closing quote is an error.
/// - Records end with CRLF or LF; a lone CR outside quotes is an error. A final line break is
///   optional; blank lines (no bytes at all) are skipped, and so are lines of bare separators
///   (`,,,,` or `;;;;`, which spreadsheets write for an empty row).
/// - Every record must have as many fields as the header (ragged rows are errors).
/// - Every field is normalised to NFC, its line breaks (CRLF, lone CR inside quotes) to LF, and
///   then must not hold a character spec §1.3 refuses in multi-line text (a control character
///   other than TAB and LF, or a bidirectional control).
public enum CSV {
    /// One field with where it was.
    public struct Field: Sendable, Hashable {
        /// The NFC text.
        public let text: String
        /// 1-based line where the field starts.
        public let line: Int
        /// 1-based column (field index in its row).
        public let column: Int
    }

    /// One record (row) with the line it starts on.
    public struct Record: Sendable, Hashable {
        /// The fields, in order.
        public let fields: [Field]
        /// 1-based line where the record starts.
        public let line: Int

        /// The field at 0-based `index`.
        public subscript(index: Int) -> Field { fields[index] }
    }

    /// A parsed file: its header record and the data records.
    public struct Table: Sendable {
        /// The file path (for messages).
        public let file: String
        /// The header record.
        public let header: Record
        /// The data records, in file order.
        public let records: [Record]
        /// The separator that was detected.
        public let separator: UInt8
    }

    /// Parses `bytes` and checks the row shape.
    ///
    /// - Throws: ``InputError`` `csv.empty`, `csv.invalid-utf8`, `csv.unterminated-quote`,
    ///   `csv.stray-quote`, `csv.after-quote`, `csv.stray-cr`, `csv.ragged`, `input.control-character`,
    ///   `input.bidi-control`.
    public static func parse(_ bytes: [UInt8], file: String) throws -> Table {
        var rows = try records(bytes, file: file)
        guard !rows.isEmpty else { throw InputError(.csvEmpty, [.file(file)]) }
        let header = rows.removeFirst()
        for row in rows where row.fields.count != header.fields.count {
            throw InputError(
                .csvRagged,
                [.file(file), .line(row.line), .text(String(row.fields.count)), .text(String(header.fields.count))])
        }
        return Table(file: file, header: header, records: rows, separator: separator(in: bytes))
    }

    /// The separator for `bytes`: the first `,` or `;` outside quotes on the first line.
    static func separator(in bytes: [UInt8]) -> UInt8 {
        var quoted = false
        for b in bytes.dropFirst(bytes.starts(with: bom) ? 3 : 0) {
            if b == quote { quoted.toggle() }
            if quoted { continue }
            if b == comma || b == semicolon { return b }
            if b == lf || b == cr { break }
        }
        return comma
    }

    /// Splits `bytes` into records without checking that rows have equal length.
    public static func records(_ bytes: [UInt8], file: String) throws -> [Record] {
        let start = bytes.starts(with: bom) ? 3 : 0
        let sep = separator(in: bytes)
        var out = [Record]()
        var fields = [Field]()
        var current = [UInt8]()
        var i = start
        var line = 1
        var recordLine = 1
        var fieldLine = 1
        var quoted = false  // the current field started with a quote
        var closed = false  // the quoted field's closing quote has been seen
        var atFieldStart = true
        var recordQuoted = false  // some field of the current record was quoted

        func finishField() throws {
            guard let s = String(validating: current, as: UTF8.self) else {
                throw InputError(.csvInvalidUTF8, [.file(file), .line(fieldLine), .text(String(fields.count + 1))])
            }
            let text = Text.normalizingLineBreaks(Text.nfc(s))
            if let refusal = Text.refusal(in: text, multiline: true) {
                throw InputError(
                    refusal,
                    at: InputLocation(file: file, line: fieldLine, column: fields.count + 1))
            }
            fields.append(Field(text: text, line: fieldLine, column: fields.count + 1))
            current.removeAll(keepingCapacity: true)
            recordQuoted = recordQuoted || quoted
            quoted = false
            closed = false
            atFieldStart = true
        }
        func finishRecord() {
            // A line of bare separators is an empty row, skipped like a blank line.
            if recordQuoted || fields.contains(where: { !$0.text.isEmpty }) {
                out.append(Record(fields: fields, line: recordLine))
            }
            fields.removeAll()
            recordQuoted = false
        }

        while i < bytes.count {
            let b = bytes[i]
            if atFieldStart {
                atFieldStart = false
                fieldLine = line
                if fields.isEmpty { recordLine = line }
                if b == quote {
                    quoted = true
                    i += 1
                    continue
                }
            }
            if quoted && !closed {
                if b == quote {
                    if i + 1 < bytes.count, bytes[i + 1] == quote {
                        current.append(quote)
                        i += 2
                    } else {
                        closed = true
                        i += 1
                    }
                    continue
                }
                if b == lf { line += 1 }
                current.append(b)
                i += 1
                continue
            }
            // Outside quotes (unquoted field, or after a closing quote).
            if b == sep {
                try finishField()
                i += 1
                continue
            }
            if b == lf || b == cr {
                if b == cr {
                    guard i + 1 < bytes.count, bytes[i + 1] == lf else {
                        throw InputError(.csvStrayCR, [.file(file), .line(line), .text(String(fields.count + 1))])
                    }
                    i += 1
                }
                i += 1
                if fields.isEmpty && current.isEmpty && !quoted {
                    line += 1  // blank line
                    atFieldStart = true
                    continue
                }
                try finishField()
                finishRecord()
                line += 1
                atFieldStart = true
                continue
            }
            if closed {
                throw InputError(.csvAfterQuote, [.file(file), .line(line), .text(String(fields.count + 1))])
            }
            if b == quote {
                throw InputError(.csvStrayQuote, [.file(file), .line(line), .text(String(fields.count + 1))])
            }
            current.append(b)
            i += 1
        }
        if quoted && !closed {
            throw InputError(.csvUnterminatedQuote, [.file(file), .line(fieldLine), .text(String(fields.count + 1))])
        }
        if !atFieldStart || !fields.isEmpty {
            try finishField()
            finishRecord()
        }
        return out
    }

    // MARK: - Writing

    /// `s` as a text cell a spreadsheet shows as written: prefixed with `'` when it starts with a
    /// character that makes Excel or LibreOffice evaluate it as a formula (`=`, `+`, `-`, `@`, tab,
    /// carriage return), so a title such as `=HYPERLINK(…)` stays text.
    public static func spreadsheetText(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        return "'" + s
    }

    /// Writes rows as CSV: `separator`, CRLF line ends, a field quoted only when it contains the
    /// separator, the other separator (`,` with `;` only on the first line, which the reader detects
    /// the separator from), a quote, CR or LF, or is the first field of a row whose fields are all empty (so the row
    /// is not read back as a blank line); optional UTF-8 byte-order mark.
    public static func write(_ rows: [[String]], separator: UInt8 = comma, byteOrderMark: Bool = false) -> [UInt8] {
        var out = byteOrderMark ? bom : []
        // The reader takes the separator from the first line; with one column that line shows
        // none, so the reader falls back to `,` and every other comma must be quoted too.
        let firstLineShowsSeparator = (rows.first?.count ?? 0) > 1
        for (i, row) in rows.enumerated() {
            for (j, field) in row.enumerated() {
                if j > 0 { out.append(separator) }
                let bytes = Array(field.utf8)
                let needsQuotes =
                    bytes.contains {
                        $0 == separator
                            || $0 == (separator == comma ? semicolon : comma)
                                && (separator == comma || i == 0 || !firstLineShowsSeparator)
                            || $0 == quote || $0 == cr
                            || $0 == lf
                    }
                    || (j == 0 && bytes.isEmpty && row.allSatisfy(\.isEmpty))
                    || (j == 0 && bytes.starts(with: bom))
                if needsQuotes {
                    out.append(quote)
                    for b in bytes {
                        if b == quote { out.append(quote) }
                        out.append(b)
                    }
                    out.append(quote)
                } else {
                    out += bytes
                }
            }
            out += [cr, lf]
        }
        return out
    }

    /// The UTF-8 byte-order mark.
    public static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// `,`
    public static let comma = UInt8(ascii: ",")
    /// `;`
    public static let semicolon = UInt8(ascii: ";")
    static let quote = UInt8(ascii: "\"")
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
}
