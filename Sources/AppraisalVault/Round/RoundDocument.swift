/// The particulars of the round's official report (docs/spec/03-round.md §3.2 `document`,
/// docs/report.md): who issues it, where, who signs it and its number. Set by `round init`
/// (`--issuer`, `--council`, `--place`, `--signer`, `--signer-title`, `--document-number`,
/// `--recipient`) and signed with the round, so the report of a released round names the body the
/// round was set up for.
public struct RoundDocument: Sendable, Hashable {
    /// The governing body, first line of the top-left block (`UBND TỈNH ĐIỆN BIÊN`).
    public var issuer: String
    /// The issuing council, second line, and the `TM. …` line of the signature block
    /// (`HỘI ĐỒNG THẨM ĐỊNH`).
    public var council: String
    /// The place of the place-and-date line (`Điện Biên`).
    public var place: String
    /// The signer's name; empty leaves the line for a hand-written name.
    public var signer: String
    /// The signer's title (`CHỦ TỊCH`).
    public var signerTitle: String
    /// The document number (`12/BC-HĐTĐ`, or `12`, which reads `12/BC-HĐTĐ`); empty leaves room
    /// for the clerk.
    public var number: String
    /// The "Nơi nhận" list of the report, in order (at least one, at most ``maxRecipients``).
    public var recipients: [String]

    /// The byte cap of every field (and of each recipient).
    public static let maxBytes = 200
    /// The most recipients a round may list.
    public static let maxRecipients = 20
    /// The recipients when `round init` is given no `--recipient`.
    public static let defaultRecipients = [
        "UBND tỉnh (để báo cáo)", "Sở Nội vụ", "Các thành viên Hội đồng", "Các đơn vị được thẩm định", "Lưu: VT, HĐTĐ",
    ]

    /// The particulars; every argument has the council's default.
    public init(
        issuer: String = "UBND TỈNH ĐIỆN BIÊN", council: String = "HỘI ĐỒNG THẨM ĐỊNH", place: String = "Điện Biên",
        signer: String = "", signerTitle: String = "CHỦ TỊCH", number: String = "",
        recipients: [String] = RoundDocument.defaultRecipients
    ) {
        self.issuer = issuer
        self.council = council
        self.place = place
        self.signer = signer
        self.signerTitle = signerTitle
        self.number = number
        self.recipients = recipients
    }

    /// The JSON key, the value and whether it may be empty, of each field, in key order.
    var entries: [(key: String, value: String, mayBeEmpty: Bool)] {
        [
            ("council", council, false), ("issuer", issuer, false), ("number", number, true), ("place", place, false),
            ("signer", signer, true), ("signerTitle", signerTitle, false),
        ]
    }

    /// The `round init` option of each JSON key.
    public static let options = [
        "council": "--council", "issuer": "--issuer", "number": "--document-number", "place": "--place",
        "signer": "--signer", "signerTitle": "--signer-title", "recipients": "--recipient",
    ]

    /// The value of the field with JSON key `key`.
    public func value(_ key: String) -> String { entries.first { $0.key == key }?.value ?? "" }

    /// The JSON keys of the fields that break the rules (spec §3.2): one line of NFC text, at most
    /// ``maxBytes`` bytes, not blank (`signer` and `number` may be empty).
    public var invalidFields: [String] {
        entries.filter {
            !($0.mayBeEmpty && $0.value.isEmpty) && !RoundSetup.isValidText($0.value, maxBytes: Self.maxBytes)
        }
        .map(\.key)
    }

    /// The recipients that break the rules (spec §3.2): each one line of NFC text of at most
    /// ``maxBytes`` bytes, not blank.
    public var invalidRecipients: [String] {
        recipients.filter { !RoundSetup.isValidText($0, maxBytes: Self.maxBytes) }
    }

    /// The particulars with every field NFC-normalised and trimmed of spaces (as `round init` reads options).
    public var normalized: RoundDocument {
        func n(_ s: String) -> String { Text.nfc(s.trimmingSpaces) }
        return RoundDocument(
            issuer: n(issuer), council: n(council), place: n(place), signer: n(signer), signerTitle: n(signerTitle),
            number: n(number), recipients: recipients.map(n))
    }

    /// The `document` object of the round definition header.
    var json: JSONValue {
        var fields = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, JSONValue.string($0.value)) })
        fields["recipients"] = .array(recipients.map(JSONValue.string))
        return .object(fields)
    }

    /// Reads the `document` object strictly (exactly its seven fields, each valid).
    init(json: JSONValue, path: String) throws(FieldReader.Failure) {
        var r = try FieldReader(json, path: path)
        var v = [String: String]()
        for (key, _, _) in RoundDocument().entries { v[key] = try r.string(key, maxBytes: Self.maxBytes) }
        var recipients = [String]()
        for (i, item) in try r.array("recipients", maxCount: Self.maxRecipients).enumerated() {
            guard case .string(let s) = item, RoundSetup.isValidText(s, maxBytes: Self.maxBytes) else {
                throw FieldReader.Failure(
                    path: "\(path).recipients[\(i)]", reason: "expected one line of NFC text, not blank")
            }
            recipients.append(s)
        }
        try r.finish()
        guard !recipients.isEmpty else {
            throw FieldReader.Failure(path: "\(path).recipients", reason: "expected at least one recipient")
        }
        self.init(
            issuer: v["issuer"]!, council: v["council"]!, place: v["place"]!, signer: v["signer"]!,
            signerTitle: v["signerTitle"]!, number: v["number"]!, recipients: recipients)
        if let bad = invalidFields.first {
            throw FieldReader.Failure(path: "\(path).\(bad)", reason: "expected one line of NFC text, not blank")
        }
    }

    /// The document number as the report shows it: `12/BC-HĐTĐ` (a number without `/` gets
    /// `/BC-HĐTĐ`), `""` when none is given.
    public var displayNumber: String {
        number.isEmpty || number.contains("/") ? number : number + "/BC-HĐTĐ"
    }

    /// True for a deadline as the round stores it: `""` (none) or a calendar date `YYYY-MM-DD`
    /// (years 2000–2100, a day the month has).
    public static func isValidDeadline(_ s: String) -> Bool {
        if s.isEmpty { return true }
        let b = Array(s.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[$0]) })
        else { return false }
        func num(_ r: Range<Int>) -> Int { Int(String(decoding: b[r], as: UTF8.self))! }
        let (year, month, day) = (num(0..<4), num(5..<7), num(8..<10))
        guard (2000...2100).contains(year), (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// `2026-12-15` → `15/12/2026`, as Vietnamese readers write a date; `""` stays `""`.
    public static func vietnameseDate(_ deadline: String) -> String {
        guard deadline.utf8.count == 10 else { return deadline }
        let p = deadline.split(separator: "-")
        return "\(p[2])/\(p[1])/\(p[0])"
    }
}
