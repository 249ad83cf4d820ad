/// Reads the first sheet of an XLSX workbook as Excel and LibreOffice save it (README,
/// "Spreadsheets"; docs/spec/03-round.md §3.9).
///
/// Accepted: shared strings (plain or rich runs; phonetic runs skipped), inline strings, numbers,
/// booleans, formula cells by their cached value. Refused with an ``InputError`` naming the file
/// (and the cell): an encrypted workbook or an old `.xls`, a damaged container, a missing part,
/// malformed XML, an unknown cell type, a bad cell reference or number, an error value, a
/// formula without a cached value.
public enum XLSXReader {
    /// True when `bytes` start like a ZIP archive (an XLSX file) or an OLE compound file (an
    /// encrypted workbook or an `.xls`).
    public static func looksLikeWorkbook(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: ole)
    }

    static let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The cells of the first sheet by 1-based row, then 1-based column (empty cells left out).
    public static func firstSheet(_ bytes: [UInt8], file: String) throws -> [Int: [Int: SheetCell]] {
        try read(bytes, file: file, all: false)[0].cells
    }

    /// Every sheet of the workbook in `xl/workbook.xml` order: its name and its cells as
    /// ``firstSheet(_:file:)`` gives them.
    public static func sheets(_ bytes: [UInt8], file: String) throws -> [(name: String, cells: [Int: [Int: SheetCell]])]
    {
        try read(bytes, file: file, all: true)
    }

    /// The first sheet, or every sheet when `all`.
    static func read(_ bytes: [UInt8], file: String, all: Bool) throws -> [(
        name: String, cells: [Int: [Int: SheetCell]]
    )] {
        guard !bytes.starts(with: ole) else { throw InputError(.xlsxEncrypted, [.file(file)]) }
        let parts: [String: [UInt8]]
        do {
            parts = try ZipArchive.read(bytes)
        } catch .tooLarge {
            throw InputError(.xlsxTooLarge, [.file(file)])
        } catch .unsupported {
            throw InputError(.xlsxEncrypted, [.file(file)])
        } catch {
            throw InputError(.xlsxDamaged, [.file(file)])
        }
        func xml(_ name: String) throws -> XMLElement {
            guard let data = parts[name] else { throw InputError(.xlsxMissingPart, [.file(file), .text(name)]) }
            do {
                return try XMLElement.parse(data)
            } catch  where error.tooLarge {
                throw InputError(.xlsxTooLarge, [.file(file)])
            } catch {
                throw InputError(.xlsxBadXML, [.file(file), .text(name), .line(error.line)])
            }
        }
        let workbook = try xml("xl/workbook.xml")
        let listed = workbook.child("sheets")?.children("sheet") ?? []
        guard !listed.isEmpty else {
            throw InputError(.xlsxMissingPart, [.file(file), .text("xl/workbook.xml sheets")])
        }
        let relations = try xml("xl/_rels/workbook.xml.rels").children("Relationship")
        var targets = [(name: String, part: String)]()
        for sheet in all ? listed : [listed[0]] {
            guard let id = sheet.attributes["id"],
                let target = relations.first(where: { $0.attributes["Id"] == id })?.attributes["Target"]
            else {
                throw InputError(
                    .xlsxMissingPart,
                    [.file(file), .text("xl/_rels/workbook.xml.rels " + (sheet.attributes["id"] ?? ""))])
            }
            targets.append((sheet.attributes["name"] ?? "", partName(target)))
        }
        var strings = [String]()
        if let shared = relations.first(where: { $0.attributes["Type"]?.hasSuffix("/sharedStrings") == true })?
            .attributes["Target"]
        {
            let name = partName(shared)
            for item in try xml(name).children("si") { strings.append(runText(item)) }
        }
        return try targets.map { ($0.name, try cells(of: try xml($0.part), strings: strings, file: file)) }
    }

    /// A relationship target as a package part name (relative to `xl/`, or absolute).
    static func partName(_ target: String) -> String {
        target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// The text of a string item: its `t`, or its runs' `t`s; phonetic runs (`rPh`) skipped.
    static func runText(_ item: XMLElement) -> String {
        if let t = item.child("t") { return unescape(t.text) }
        return item.children("r").compactMap { $0.child("t").map { unescape($0.text) } }.joined()
    }

    /// Decodes the `_xHHHH_` escapes of ECMA-376 string values (Excel writes a CR as `_x000D_`).
    static func unescape(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        let u = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var k = 0
        while k < u.count {
            if u[k] == "_", k + 6 < u.count, u[k + 1] == "x", u[k + 6] == "_",
                let v = UInt32(String(String.UnicodeScalarView(u[(k + 2)..<(k + 6)])), radix: 16),
                let scalar = Unicode.Scalar(v)
            {
                out.append(scalar)
                k += 7
            } else {
                out.append(u[k])
                k += 1
            }
        }
        return String(out)
    }

    static func cells(of sheet: XMLElement, strings: [String], file: String) throws -> [Int: [Int: SheetCell]] {
        guard let data = sheet.child("sheetData") else {
            throw InputError(.xlsxMissingPart, [.file(file), .text("sheetData")])
        }
        var grid = [Int: [Int: SheetCell]]()
        var rowNumber = 0
        for row in data.children("row") {
            if let r = row.attributes["r"] {
                guard let n = Int(r), n > rowNumber, n <= 1_048_576 else {
                    throw InputError(.xlsxBadCell, [.file(file), .text("row " + r)])
                }
                rowNumber = n
            } else {
                rowNumber += 1
            }
            var column = 0
            for c in row.children("c") {
                if let ref = c.attributes["r"] {
                    guard let p = SheetCell.position(ref), p.row == rowNumber, p.column > column else {
                        throw InputError(.xlsxBadCell, [.file(file), .text(ref)])
                    }
                    column = p.column
                } else {
                    column += 1
                }
                let name = SheetCell.name(row: rowNumber, column: column)
                let value = try cell(c, strings: strings, file: file, name: name)
                if value != .empty { grid[rowNumber, default: [:]][column] = value }
            }
        }
        return grid
    }

    static func cell(_ c: XMLElement, strings: [String], file: String, name: String) throws -> SheetCell {
        let type = c.attributes["t"] ?? "n"
        let v = c.child("v")?.text
        if c.child("f") != nil && v == nil && type != "inlineStr" {
            throw InputError(.xlsxFormula, [.file(file), .text(name)])
        }
        switch type {
        case "s":
            guard let v, let index = Int(v), strings.indices.contains(index) else {
                throw InputError(.xlsxBadCell, [.file(file), .text(name)])
            }
            return .text(strings[index])
        case "inlineStr":
            guard let item = c.child("is") else { return .empty }
            return .text(runText(item))
        case "str":
            return .text(unescape(v ?? ""))
        case "b":
            guard v == "0" || v == "1" else { throw InputError(.xlsxBadCell, [.file(file), .text(name)]) }
            return .bool(v == "1")
        case "n":
            guard let v else { return .empty }
            guard isNumber(v) else { throw InputError(.xlsxBadCell, [.file(file), .text(name)]) }
            return .number(v)
        case "e":
            throw InputError(.xlsxErrorValue, [.file(file), .text(name), .text(v ?? "")])
        default:
            throw InputError(.xlsxBadCell, [.file(file), .text(name)])
        }
    }

    /// A number as SpreadsheetML stores it: optional `-`, digits, optional fraction, optional exponent.
    static func isNumber(_ s: String) -> Bool {
        var u = Array(s.utf8)[...]
        func digits() -> Int {
            let n = u.prefix { $0 >= 48 && $0 <= 57 }.count
            u = u.dropFirst(n)
            return n
        }
        if u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        guard digits() > 0 else { return false }
        if u.first == UInt8(ascii: ".") {
            u = u.dropFirst()
            guard digits() > 0 else { return false }
        }
        if u.first == UInt8(ascii: "E") || u.first == UInt8(ascii: "e") {
            u = u.dropFirst()
            if u.first == UInt8(ascii: "+") || u.first == UInt8(ascii: "-") { u = u.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return u.isEmpty
    }
}
