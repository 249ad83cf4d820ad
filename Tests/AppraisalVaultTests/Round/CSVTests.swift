import PropertyBased
import Testing

@testable import AppraisalVault

@Suite struct CSVTests {
    func parse(_ text: String) throws -> CSV.Table { try CSV.parse(Array(text.utf8), file: "t.csv") }

    func texts(_ t: CSV.Table) -> [[String]] { [t.header.fields.map(\.text)] + t.records.map { $0.fields.map(\.text) } }

    /// A BOM, CRLF, quoted separators, doubled quotes and line breaks inside quotes are read per RFC 4180.
    @Test func rfc4180() throws {
        let t = try CSV.parse(
            CSV.bom + Array("a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",z\r\n".utf8), file: "t.csv")
        #expect(texts(t) == [["a", "b"], ["x,1", "say \"hi\""], ["two\nlines", "z"]])
        #expect(t.records[1].line == 3)
    }

    /// The separator is detected from the header line: `;` files are read like `,` files.
    @Test func semicolon() throws {
        let t = try parse("unit;code;score\nu1;1.1.1;0,25\n")
        #expect(t.separator == CSV.semicolon)
        #expect(texts(t) == [["unit", "code", "score"], ["u1", "1.1.1", "0,25"]])
    }

    /// With `;`, commas stay unquoted after the first line (decimal commas), except in a
    /// one-column table, whose first line shows no separator (the reader then falls back to `,`).
    @Test func semicolonWriteQuotesCommasOnlyWhereNeeded() throws {
        let wide = CSV.write([["a", "b"], ["0,5", "x"]], separator: CSV.semicolon)
        #expect(String(decoding: wide, as: UTF8.self) == "a;b\r\n0,5;x\r\n")
        let narrow = CSV.write([[","], [","], ["p"]], separator: CSV.semicolon)
        #expect(String(decoding: narrow, as: UTF8.self) == "\",\"\r\n\",\"\r\np\r\n")
        #expect(texts(try CSV.parse(narrow, file: "t.csv")) == [[","], [","], ["p"]])
    }

    /// Every field is normalised to NFC (Vietnamese arrives decomposed from some editors).
    @Test func nfdBecomesNFC() throws {
        let nfd = "Nguye\u{0302}\u{0303}n"  // "Nguyễn" decomposed
        let t = try parse("name\n\(nfd)\n")
        #expect(Array(t.records[0][0].text.utf8) == Array("Nguy\u{1EC5}n".utf8))
    }

    /// An unterminated quote is an error naming the line and column where the field opened.
    @Test func unterminatedQuote() {
        #expect(throws: InputError(.csvUnterminatedQuote)) { try parse("a,b\n1,\"open\n2,3\n") }
        do { _ = try parse("a,b\n1,\"open\n2,3\n") } catch {
            #expect(error.arguments.prefix(3) == ["t.csv", "2", "2"])
        }
    }

    /// A quote inside an unquoted field is an error.
    @Test func strayQuote() {
        #expect(throws: InputError(.csvStrayQuote)) { try parse("a,b\nx\"y,1\n") }
        do { _ = try parse("a,b\nok,x\"y\n") } catch { #expect(error.arguments.prefix(3) == ["t.csv", "2", "2"]) }
    }

    /// Text after a closing quote is an error.
    @Test func afterQuote() {
        #expect(throws: InputError(.csvAfterQuote)) { try parse("a,b\n\"x\"y,1\n") }
    }

    /// Rows with a different number of fields than the header are errors naming the line.
    @Test func ragged() {
        #expect(throws: InputError(.csvRagged)) { try parse("a,b\n1,2\n1,2,3\n") }
        do { _ = try parse("a,b\n1,2\n1\n") } catch { #expect(error.arguments.prefix(2) == ["t.csv", "3"]) }
    }

    /// Invalid UTF-8 is an error naming the line and column.
    @Test func invalidUTF8() {
        #expect(throws: InputError(.csvInvalidUTF8)) {
            try CSV.parse(Array("a,b\n1,".utf8) + [0xC3, 0x28] + [0x0A], file: "t.csv")
        }
        do { _ = try CSV.parse(Array("a,b\n1,".utf8) + [0xFF, 0x0A], file: "t.csv") } catch {
            #expect(error.arguments.prefix(3) == ["t.csv", "2", "2"])
        }
    }

    /// A lone CR outside quotes is an error; an empty file has no header.
    @Test func strayCRAndEmpty() {
        #expect(throws: InputError(.csvStrayCR)) { try parse("a,b\r1,2\n") }
        #expect(throws: InputError(.csvEmpty)) { try parse("") }
        #expect(throws: InputError(.csvEmpty)) { try CSV.parse(CSV.bom, file: "t.csv") }
    }

    /// Header names are checked: a missing required column or an unknown one is an error.
    @Test func headerChecked() throws {
        let t = try parse("unit,code\nu1,1\n")
        #expect(throws: InputError(.csvMissingColumn)) { try t.columns(required: ["unit", "code", "score"]) }
        let u = try parse("unit,code,bogus\nu1,1,x\n")
        #expect(throws: InputError(.csvHeader)) { try u.columns(required: ["unit", "code"]) }
        let ok = try parse(" Unit ,CODE\nu1,1\n")
        #expect(try ok.columns(required: ["unit", "code"]) == ["unit": 0, "code": 1])
    }

    /// Round trip: whatever the writer writes (any separator, with or without BOM), the parser reads
    /// back exactly, line breaks normalised to LF (an all-empty row is quoted, so it is kept).
    @Test func roundTrip() async {
        let alphabet: [Character] = ["a", "Z", "7", ",", ";", "\"", "\n", "\r\n", " ", "ệ", "Đ"]
        let field = Gen<Character?>.element(of: alphabet).map { $0! }.string(of: 0...5)
        await propertyCheck(
            count: 300, input: field.array(of: 2...4), Gen.int(in: 1...4), Gen.bool, Gen.bool
        ) { shape, rowCount, semicolon, bom in
            let rows = (0..<rowCount).map { r in shape.map { r == 0 ? "h" + $0 : $0 } }
            let bytes = CSV.write(rows, separator: semicolon ? CSV.semicolon : CSV.comma, byteOrderMark: bom)
            let table = try? CSV.parse(bytes, file: "p.csv")
            #expect(table.map(texts) == rows.map { $0.map(Text.normalizingLineBreaks) })
        }
    }

    /// A control character other than TAB and LF in any field is refused, naming file, line,
    /// column and code point (spec §1.3, §3.8); ESC and BEL as in a pasted terminal text, C1, DEL.
    @Test func controlCharacterRefused() throws {
        for bad in ["\u{1B}[31m", "ding\u{07}", "c1\u{85}", "del\u{7F}", "ls\u{2028}"] {
            #expect(throws: InputError(.inputControlCharacter)) { try parse("a,b\n1,\"\(bad)\"\n") }
        }
        do { _ = try parse("a,b\nok,\"x\u{1B}y\"\n") } catch {
            #expect(error.arguments == ["t.csv", "2", "2", "U+001B"])
        }
        // TAB and LF are multi-line text; they stay (single-line fields are checked by their own rule).
        #expect(texts(try parse("a,b\n\"x\ty\",\"two\nlines\"\n"))[1] == ["x\ty", "two\nlines"])
    }

    /// A bidirectional control in any field is refused, naming the code point (spec §1.3).
    @Test func bidiControlRefused() throws {
        for u in ["\u{061C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}"] {
            #expect(throws: InputError(.inputBidiControl)) { try parse("a,b\n1,x\(u)y\n") }
        }
        do { _ = try parse("a,b\n1,x\u{202E}y\n") } catch {
            #expect(error.arguments == ["t.csv", "2", "2", "U+202E"])
        }
    }

    /// Line breaks inside quotes are normalised: CRLF and a lone CR become LF.
    @Test func lineBreaksNormalised() throws {
        #expect(texts(try parse("a\r\n\"one\r\ntwo\rthree\"\r\n"))[1] == ["one\ntwo\nthree"])
    }

    /// A line of bare separators, as Excel writes for an empty row, is skipped like a blank line;
    /// a row with one quoted empty field is kept, and line numbers stay those of the file.
    @Test func bareSeparatorRowSkipped() throws {
        let t = try parse("a,b,c\n,,\n1,2,3\r\n,,\r\n\n")
        #expect(texts(t) == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(t.records[0].line == 3)
        #expect(try parse("a;b\n;\n").records.isEmpty)
        #expect(texts(try parse("a,b\n\"\",\n")) == [["a", "b"], ["", ""]])
        #expect(CSV.write([["", ""]]) == Array("\"\",\r\n".utf8))
    }
}
