/// Writes the XLSX worksheet (README, "Spreadsheets"; docs/spec/03-round.md §3.9): a stored ZIP
/// of SpreadsheetML parts, inline strings, numbers as numbers, the header rows frozen, column
/// widths from the content, the sheet protected without a password with only the editable
/// cells unlocked, a decimal validation per score cell, and a second sheet of instructions.
enum XLSXWriter {
    /// Style indexes of `styles.xml` (`cellXfs`).
    enum Style: Int {
        case normal = 0
        case bold, editable, names, title, wrap
        /// A number shown with two decimals (number format `0.00`).
        case decimal
    }

    /// One sheet of a workbook: its name (``sheetNames(_:)``) and its `sheet*.xml` part.
    struct Part {
        let name: String
        let xml: String
    }

    static let sheetName = "Phiếu thẩm định"
    static let instructionsName = "Hướng dẫn"

    /// The instructions sheet, one paragraph a row (Vietnamese).
    static let instructions = [
        "Hướng dẫn điền phiếu thẩm định",
        "1. Chỉ điền hai cột «Điểm thẩm định» và «Lý do»; các ô khác được khoá để tránh sửa nhầm (không có mật khẩu).",
        "2. Điểm là số thập phân từ 0 đến điểm tối đa của tiêu chí, theo bước ghi trong ô nhắc khi chọn ô điểm.",
        "3. Khi điểm thẩm định khác điểm tự chấm của đơn vị, hoặc ô «Điểm tự chấm» ghi «chưa tự đánh giá», ghi rõ lý do.",
        "4. Không thêm, xoá hay đổi thứ tự dòng, không đổi tên cột ở dòng 7.",
        "5. Lưu tệp ở dạng .xlsx (Excel hoặc LibreOffice) rồi chạy: avault seal <tệp>.xlsx --round <thư mục vòng> --key <khoá>.",
        "6. Đối chiếu dấu vân tay của vòng (ô B3) với thư ký qua điện thoại trước khi niêm phong.",
    ]

    static func worksheet(_ sheet: Worksheet.Sheet, title: String) -> [UInt8] {
        let width = sheet.rows.map(\.count).max() ?? 1
        var columnWidths = fittedWidths(sheet.rows, from: sheet.namesRow - 2)
        for c in sheet.editable { columnWidths[c - 1] = max(columnWidths[c - 1], c == width ? 40 : 14) }
        columnWidths[0] = max(columnWidths[0], 22)  // the header-block labels
        var styles = [[Style]]()
        for (r, row) in sheet.rows.enumerated() {
            let n = r + 1
            styles.append(
                row.indices.map { c in
                    if sheet.isEditable(row: n, column: c + 1) { return .editable }
                    if n == 1 { return c == 0 ? .bold : .title }
                    if n < sheet.namesRow - 1 { return c == 0 ? .bold : .normal }
                    if n == sheet.namesRow - 1 { return .bold }
                    if n == sheet.namesRow { return .names }
                    return .wrap
                })
        }
        // Score validations, one per (max, step), over that group's score cells.
        let scoreColumn = sheet.rows[sheet.namesRow - 1].firstIndex(of: .text("diem_tham_dinh")).map { $0 + 1 }
        var groups = [String: (max: Points, step: Points, cells: [String])]()
        var order = [String]()
        if let scoreColumn {
            for (i, limit) in sheet.limits.enumerated() {
                let key = "\(limit.max)|\(limit.step)"
                if groups[key] == nil { order.append(key) }
                groups[key, default: (limit.max, limit.step, [])].cells.append(
                    SheetCell.name(row: sheet.namesRow + 1 + i, column: scoreColumn))
            }
        }
        var validations = ""
        for key in order {
            let g = groups[key]!
            let prompt = "Số thập phân từ 0 đến \(decimalComma(g.max)), bước \(decimalComma(g.step))."
            validations +=
                "<dataValidation type=\"decimal\" operator=\"between\" allowBlank=\"1\" showInputMessage=\"1\""
                + " showErrorMessage=\"1\" errorTitle=\"Điểm không hợp lệ\" error=\"\(escape(prompt))\""
                + " promptTitle=\"Điểm thẩm định\" prompt=\"\(escape(prompt))\" sqref=\"\(g.cells.joined(separator: " "))\">"
                + "<formula1>0</formula1><formula2>\(g.max)</formula2></dataValidation>"
        }
        let main =
            sheetXML(
                rows: sheet.rows, styles: styles, widths: columnWidths, frozenRows: sheet.namesRow, protected: true,
                extra: order.isEmpty ? "" : "<dataValidations count=\"\(order.count)\">\(validations)</dataValidations>"
            )
        let help = sheetXML(
            rows: instructions.map { [.text($0)] },
            styles: instructions.indices.map { [$0 == 0 ? .title : .normal] }, widths: [120], frozenRows: 0,
            protected: false, extra: "")
        return workbook([Part(name: sheetName, xml: main), Part(name: instructionsName, xml: help)], title: title)
    }

    /// The workbook of `sheets`, in order, the first one active: a stored ZIP whose entries have a
    /// fixed date, so the same sheets give the same bytes.
    static func workbook(_ sheets: [Part], title: String) -> [UInt8] {
        var entries: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array(contentTypes(sheets: sheets.count).utf8)),
            ("_rels/.rels", Array(packageRelations.utf8)),
            ("docProps/core.xml", Array(core(title: title).utf8)),
            ("xl/workbook.xml", Array(workbookXML(names: sheets.map(\.name)).utf8)),
            ("xl/_rels/workbook.xml.rels", Array(workbookRelations(sheets: sheets.count).utf8)),
            ("xl/styles.xml", Array(stylesXML.utf8)),
        ]
        for (i, sheet) in sheets.enumerated() {
            entries.append(("xl/worksheets/sheet\(i + 1).xml", Array(sheet.xml.utf8)))
        }
        return ZipArchive.write(entries)
    }

    /// Sheet names a spreadsheet accepts, one per wanted name in order: `[]:*?/\` replaced by `-`,
    /// no leading or trailing `'` or space, at most 31 UTF-16 units, unique regardless of case
    /// (a repeated name gets ` (2)`, ` (3)`…), `Trang` for an empty one.
    static func sheetNames(_ wanted: [String]) -> [String] {
        var out = [String]()
        var seen = Set<String>()
        func cut(_ s: String, _ units: Int) -> String {
            var r = ""
            for ch in s where r.utf16.count + ch.utf16.count <= units { r.append(ch) }
            return r
        }
        func trimmed(_ s: String) -> String {
            var t = Substring(s)
            while let f = t.first, f == "'" || f == " " { t = t.dropFirst() }
            while let l = t.last, l == "'" || l == " " { t = t.dropLast() }
            return String(t)
        }
        for w in wanted {
            let clean = trimmed(String(w.map { "[]:*?/\\".contains($0) || $0.isNewline ? "-" : $0 }))
            let base = clean.isEmpty ? "Trang" : clean
            var name = trimmed(cut(base, 31))
            var n = 1
            while seen.contains(name.lowercased()) {
                n += 1
                let suffix = " (\(n))"
                name = trimmed(cut(base, 31 - suffix.utf16.count)) + suffix
            }
            seen.insert(name.lowercased())
            out.append(name)
        }
        return out
    }

    /// Column widths (in characters, 8 to 60) that fit the cells of `rows` from 0-based row `from` on.
    static func fittedWidths(_ rows: [[SheetCell]], from: Int) -> [Double] {
        var widths = [Double](repeating: 8, count: rows.map(\.count).max() ?? 1)
        for row in rows.dropFirst(from) {
            for (c, cell) in row.enumerated() {
                let longest = cell.fieldText.split(separator: "\n").map(\.count).max() ?? 0
                widths[c] = min(60, max(widths[c], Double(longest) * 1.1 + 2))
            }
        }
        return widths
    }

    /// `p` with a decimal comma, for the Vietnamese prompts.
    static func decimalComma(_ p: Points) -> String {
        String(p.description.map { $0 == "." ? "," : $0 })
    }

    /// `s` escaped for XML text and attribute values; characters XML 1.0 cannot carry as `_xHHHH_`.
    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            default:
                if u.value < 0x20 {
                    out +=
                        "_x" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count)
                        + String(u.value, radix: 16).uppercased() + "_"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    static func sheetXML(
        rows: [[SheetCell]], styles: [[Style]], widths: [Double], frozenRows: Int, protected: Bool, extra: String
    ) -> String {
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        x += "<worksheet xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
        x += "<sheetViews><sheetView workbookViewId=\"0\">"
        if frozenRows > 0 {
            x +=
                "<pane ySplit=\"\(frozenRows)\" topLeftCell=\"A\(frozenRows + 1)\" activePane=\"bottomLeft\""
                + " state=\"frozen\"/><selection pane=\"bottomLeft\"/>"
        }
        x += "</sheetView></sheetViews><cols>"
        for (i, w) in widths.enumerated() {
            x += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(Int(w.rounded()))\" customWidth=\"1\"/>"
        }
        x += "</cols><sheetData>"
        for (r, row) in rows.enumerated() {
            x += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = SheetCell.name(row: r + 1, column: c + 1)
                let s = styles[r][c].rawValue
                let style = s == 0 ? "" : " s=\"\(s)\""
                switch cell {
                case .empty: if s != 0 { x += "<c r=\"\(ref)\"\(style)/>" }
                case .text(let t):
                    x +=
                        "<c r=\"\(ref)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(t))</t></is></c>"
                case .number(let n): x += "<c r=\"\(ref)\"\(style)><v>\(n)</v></c>"
                case .bool(let b): x += "<c r=\"\(ref)\"\(style) t=\"b\"><v>\(b ? 1 : 0)</v></c>"
                }
            }
            x += "</row>"
        }
        x += "</sheetData>"
        if protected {
            x += "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\"/>"
        }
        x += extra
        x += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        x += "<pageSetup paperSize=\"9\" orientation=\"landscape\"/>"
        return x + "</worksheet>"
    }

    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func contentTypes(sheets: Int) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + (1...max(1, sheets)).map {
                "<Override PartName=\"/xl/worksheets/sheet\($0).xml\""
                    + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            }.joined()
            + "<Override PartName=\"/docProps/core.xml\""
            + " ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "</Types>"
    }

    static let packageRelations =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Relationships xmlns=\"\(packageRelNS)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relNS)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\""
        + " Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\""
        + " Target=\"docProps/core.xml\"/>"
        + "</Relationships>"

    static func core(title: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(escape(title))</dc:title>"
            + "<dc:creator>avault</dc:creator></cp:coreProperties>"
    }

    /// `xl/workbook.xml` listing sheets `names` (sheet i is relationship `rId`i).
    static func workbookXML(names: [String]) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><bookViews><workbookView activeTab=\"0\"/></bookViews>"
            + "<sheets>"
            + names.enumerated().map {
                "<sheet name=\"\(escape($0.element))\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>"
            }.joined() + "</sheets></workbook>"
    }

    /// `xl/_rels/workbook.xml.rels`: the sheets, then the styles.
    static func workbookRelations(sheets: Int) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"\(packageRelNS)\">"
            + (1...max(1, sheets)).map {
                "<Relationship Id=\"rId\($0)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
            }.joined()
            + "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relNS)/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
    }

    /// Number format 164 `0.00`. Fonts: 0 normal, 1 bold, 2 small grey, 3 bold 14 pt. Cell formats
    /// in the order of ``Style``.
    static let stylesXML =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<styleSheet xmlns=\"\(mainNS)\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.00\"/></numFmts>"
        + "<fonts count=\"4\"><font><sz val=\"11\"/><name val=\"Times New Roman\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Times New Roman\"/></font>"
        + "<font><sz val=\"8\"/><color rgb=\"FF808080\"/><name val=\"Times New Roman\"/></font>"
        + "<font><b/><sz val=\"14\"/><name val=\"Times New Roman\"/></font></fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill>"
        + "<fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFF2CC\"/><bgColor indexed=\"64\"/></patternFill>"
        + "</fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"7\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFill=\"1\" applyAlignment=\"1\""
        + " applyProtection=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/><protection locked=\"0\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"3\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
        + "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}
