/// Reads a criteria framework from the files a secretary really has (docs/spec/03-round.md §3.8):
/// JSON in the shape of `samples/framework-so-nganh.json`, or CSV with the columns
/// `code,title,max,method[,step]`.
///
/// Both formats are flattened to rows and checked by one validator, so the rules are the same:
/// codes `N`, `N.N`, `N.N.N` (1–3 digits each, no leading zero), unique, each under an existing
/// parent; titles NFC, not blank, one line (spec §1.3); every max positive and a multiple of its step
/// (default 0.25); sub-criteria have a method (`self`, `council`, `survey`), fields and criteria
/// none; every field and criterion has children; parts sum exactly to their parent's max, and
/// fields to the declared total (JSON `maxTotal`; CSV row with code `total`; default 100).
///
/// Bonus and penalty items (JSON `bonus`/`penalty` lists; CSV rows of method `bonus`/`penalty`)
/// stand outside the tree: a code starting with a letter (``isValidExtraCode(_:)``) that is no
/// node's code, a title, a cap greater than 0 on its step.
public enum FrameworkInput {
    /// One node as read, before validation.
    struct Row {
        var code: String
        var title: String
        var max: Points
        var step: Points
        /// nil for fields and criteria (CSV: empty cell).
        var method: String?
        var location: InputLocation
        /// The enclosing node's code when the input is nested (JSON), else nil.
        var enclosingCode: String?
        /// Where the max and step were written (CSV cells; same as `location` for JSON).
        var maxLocation: InputLocation
    }

    /// Largest framework file accepted.
    public static let maxFileSize = 16 << 20

    /// Loads a framework, choosing the format from the first non-space byte (`{` means JSON).
    ///
    /// - Returns: nil when problems were found (they are in `problems`).
    public static func load(_ path: String, problems: inout InputProblems) -> Framework? {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path, maxBytes: maxFileSize)
        } catch {
            problems.add(error)
            return nil
        }
        return parse(bytes, file: path, problems: &problems)
    }

    /// Parses framework bytes (JSON or CSV).
    public static func parse(_ bytes: [UInt8], file: String, problems: inout InputProblems) -> Framework? {
        let body = bytes.starts(with: CSV.bom) ? Array(bytes.dropFirst(3)) : bytes
        let first = body.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        let before = problems.errors.count
        let parsed: (meta: (id: String, title: String), total: Points, totalAt: InputLocation, rows: [Row])?
        if first == UInt8(ascii: "{") {
            parsed = readJSON(body, file: file, problems: &problems)
        } else {
            parsed = readCSV(bytes, file: file, problems: &problems)
        }
        guard let parsed, problems.errors.count == before else { return nil }
        return build(
            id: parsed.meta.id, title: parsed.meta.title, total: parsed.total, totalAt: parsed.totalAt,
            rows: parsed.rows, file: file, problems: &problems)
    }

    // MARK: - CSV

    static func readCSV(_ bytes: [UInt8], file: String, problems: inout InputProblems)
        -> (meta: (id: String, title: String), total: Points, totalAt: InputLocation, rows: [Row])?
    {
        let table: CSV.Table
        let col: [String: Int]
        do {
            table = try CSV.parse(bytes, file: file)
            col = try table.columns(required: ["code", "title", "max", "method"], optional: ["step"])
        } catch {
            problems.add(error)
            return nil
        }
        var total = Points(integer: 100)
        var totalAt = InputLocation(file: file, line: 0, column: 0)
        var rows = [Row]()
        for record in table.records {
            let code = record[col["code"]!]
            let maxField = record[col["max"]!]
            guard let max = Points(parsing: maxField.text) else {
                problems.add(badNumber(maxField, file: file))
                continue
            }
            // The total row has no method: a row coded `total` with a method is an item (and
            // refused as a reserved code, spec §3.3 F6), never silently the total.
            if code.text.trimmingSpaces.lowercasedASCII == "total",
                col["method"].map({ record[$0].text.trimmingSpaces.isEmpty }) ?? true
            {
                total = max
                totalAt = InputLocation(maxField, in: file)
                continue
            }
            var step = Points.quarter
            if let s = col["step"], !record[s].text.trimmingSpaces.isEmpty {
                guard let parsed = Points(parsing: record[s].text) else {
                    problems.add(badNumber(record[s], file: file))
                    continue
                }
                step = parsed
            }
            let method = record[col["method"]!].text.trimmingSpaces
            rows.append(
                Row(
                    code: code.text.trimmingSpaces, title: record[col["title"]!].text.trimmingSpaces, max: max,
                    step: step,
                    method: method.isEmpty ? nil : method, location: InputLocation(code, in: file), enclosingCode: nil,
                    maxLocation: InputLocation(maxField, in: file)))
        }
        return ((id: "", title: ""), total, totalAt, rows)
    }

    static func badNumber(_ field: CSV.Field, file: String) -> InputError {
        InputError(
            .inputBadNumber, InputLocation(field, in: file).context + [.text(field.text)],
            hint: ErrorHint(.numberFormat))
    }

    // MARK: - Validation

    /// True for `N`, `N.N` or `N.N.N` with 1–3 digit parts and no leading zeros.
    static func isValidCode(_ code: String) -> Bool {
        // One to three parts split at `.`, each 1–3 ASCII digits without a leading 0, read byte by byte.
        var parts = 1
        var length = 0
        for b in code.utf8 {
            if b == 0x2E {
                guard length > 0, parts < 3 else { return false }
                parts += 1
                length = 0
            } else {
                guard (0x30...0x39).contains(b), length < 3, length > 0 || b != 0x30 else { return false }
                length += 1
            }
        }
        return length > 0
    }

    /// True for a bonus or penalty item code: an ASCII letter, then up to 15 ASCII letters, digits,
    /// `.` or `-` (e.g. `T1`, `TR1`, `thuong-1`); never the shape of a tree code, and never `total`
    /// or `final` in any case, which name the totals in files and findings (spec §3.3 F6).
    static func isValidExtraCode(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        func letter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
        guard (1...16).contains(bytes.count), letter(bytes[0]), !["total", "final"].contains(code.lowercasedASCII)
        else { return false }
        return bytes.allSatisfy { letter($0) || (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2D }
    }

    /// Most bonus items, and most penalty items, in one framework.
    static let maxExtraItems = 100

    /// The byte limits of the framework's `id` and `title` (spec §3.3).
    static let maxIDBytes = 200
    static let maxTitleBytes = 1000

    /// True for a usable title: not blank, at most 1000 bytes, NFC, no control or bidirectional characters (§1.3).
    static func isValidTitle(_ title: String) -> Bool {
        !Text.isBlank(title) && title.utf8.count <= 1000 && Text.isNFC(title) && !Text.hasControlCharacters(title)
    }

    /// The code of the node above `code` (nil for a field).
    static func parent(of code: String) -> String? {
        // A code of ASCII bytes only (every valid one): its last `.` byte is its last `.`.
        if code.utf8.allSatisfy({ $0 < 0x80 }) {
            guard let dot = code.utf8.lastIndex(of: 0x2E) else { return nil }
            return String(code[..<dot])
        }
        guard let dot = code.lastIndex(of: ".") else { return nil }
        return String(code[..<dot])
    }

    static func build(
        id: String, title: String, total: Points, totalAt: InputLocation, rows: [Row], file: String,
        problems: inout InputProblems
    ) -> Framework? {
        let before = problems.errors.count
        // §3.3: the same byte limits as a reader of the round definition applies.
        for (key, value, limit) in [("id", id, maxIDBytes), ("title", title, maxTitleBytes)]
        where value.utf8.count > limit {
            problems.add(InputError(.frameworkTooLong, [.file(file), .text(key), .text(String(limit))]))
        }
        var seen = [String: InputLocation]()
        var valid = [Row]()
        var extras = [Row]()
        // A bonus or penalty item: its method, and no enclosing node (a JSON sub-criterion with
        // method `bonus` is a tree node with a bad method).
        let isExtra = { (row: Row) in (row.method == "bonus" || row.method == "penalty") && row.enclosingCode == nil }
        for method in ["bonus", "penalty"]
        where rows.filter({ isExtra($0) && $0.method == method }).count > maxExtraItems {
            problems.add(
                InputError(.frameworkTooManyExtras, [.file(file), .text(method), .text(String(maxExtraItems))]))
        }
        for row in rows {
            let here = row.location.context
            if isExtra(row) {
                if isValidCode(row.code) {
                    problems.add(InputError(.frameworkExtraCodeTaken, here + [.text(row.code)]))
                    continue
                }
                guard isValidExtraCode(row.code) else {
                    problems.add(InputError(.frameworkBadExtraCode, here + [.text(row.code)]))
                    continue
                }
            } else if !isValidCode(row.code) {
                problems.add(InputError(.frameworkBadCode, here + [.text(row.code)]))
                continue
            }
            // Unique ignoring ASCII case: `T1` and `t1` look alike in every sheet and report.
            // One look-up: the first location stays when a code repeats.
            let folded = row.code.lowercasedASCII
            if let first = seen.updateValue(row.location, forKey: folded) {
                seen[folded] = first
                problems.add(InputError(.frameworkDuplicateCode, here + [.text(row.code), .text(first.description)]))
                continue
            }
            if isExtra(row) { extras.append(row) } else { valid.append(row) }
        }
        for row in valid + extras {
            let here = row.location.context
            // A valid tree code (checked above) has no empty part: its depth is its dots plus one.
            let depth = isExtra(row) ? 0 : 1 + row.code.utf8.reduce(0) { $0 + ($1 == 0x2E ? 1 : 0) }
            if isExtra(row) {
                // A bonus or penalty item: no parent, no children (spec §3.3 F6).
            } else if let p = parent(of: row.code), seen[p] == nil {
                problems.add(InputError(.frameworkOrphan, here + [.text(row.code), .text(p)]))
            } else if let enclosing = row.enclosingCode, enclosing != parent(of: row.code) {
                problems.add(InputError(.frameworkMisplaced, here + [.text(row.code), .text(enclosing)]))
            }
            if let refusal = Text.refusal(in: row.title) {
                problems.add(InputError(refusal, at: row.location))
            } else if !isValidTitle(row.title) {
                problems.add(InputError(.frameworkBadTitle, here + [.text(row.code)]))
            }
            if depth == 3 {
                if !ScoringMethod.treeMethods.contains(where: { $0.rawValue == row.method }) {
                    problems.add(InputError(.frameworkBadMethod, here + [.text(row.code), .text(row.method ?? "")]))
                }
            } else if depth > 0, let m = row.method {
                problems.add(InputError(.frameworkMethodOnGroup, here + [.text(row.code), .text(m)]))
            }
            if !row.step.isPositive {
                problems.add(
                    InputError(
                        .frameworkBadStep, row.maxLocation.context + [.text(row.code), .decimal(row.step.description)]))
            } else if !row.max.isPositive || (isExtra(row) && total < row.max) {
                // A cap is at most the set's total (spec §3.3 F6): the final total stays in range.
                problems.add(
                    InputError(
                        isExtra(row) ? .frameworkExtraCap : .frameworkNonPositiveMax,
                        row.maxLocation.context + [
                            .text(row.code), .decimal(row.max.description), .decimal(total.description),
                        ]))
            } else if !row.max.isMultiple(of: row.step) {
                problems.add(
                    InputError(
                        .frameworkOffStep,
                        row.maxLocation.context + [
                            .text(row.code), .decimal(row.max.description), .decimal(row.step.description),
                        ]))
            }
        }
        guard problems.errors.count == before else { return nil }

        // Assemble the tree in document order and check the sums.
        let children = Dictionary(grouping: valid, by: { parent(of: $0.code) ?? "" })
        func sumCheck(_ row: Row, _ parts: [Row]) -> Bool {
            guard !parts.isEmpty else {
                problems.add(InputError(.frameworkChildless, row.location.context + [.text(row.code)]))
                return false
            }
            let sum = Points.sum(parts.map(\.max))
            guard sum == row.max else {
                problems.add(
                    InputError(
                        .frameworkSumMismatch,
                        row.maxLocation.context + [
                            .text(row.code), .decimal(sum.description), .decimal(row.max.description),
                        ])
                )
                return false
            }
            return true
        }
        var fields = [Framework.Field]()
        for f in children[""] ?? [] {
            var criteria = [Framework.Criterion]()
            for c in children[f.code] ?? [] {
                let subs = (children[c.code] ?? []).map {
                    Framework.SubCriterion(
                        code: $0.code, title: $0.title, max: $0.max, step: $0.step,
                        method: ScoringMethod(rawValue: $0.method!)!)
                }
                _ = sumCheck(c, children[c.code] ?? [])
                criteria.append(
                    Framework.Criterion(code: c.code, title: c.title, max: c.max, step: c.step, subCriteria: subs))
            }
            _ = sumCheck(f, children[f.code] ?? [])
            fields.append(Framework.Field(code: f.code, title: f.title, max: f.max, step: f.step, criteria: criteria))
        }
        if fields.isEmpty {
            problems.add(InputError(.frameworkEmpty, [.file(file)]))
        } else if !total.isPositive || Points.sum(fields.map(\.max)) != total {
            problems.add(
                InputError(
                    .frameworkTotalMismatch,
                    totalAt.context + [
                        .decimal(Points.sum(fields.map(\.max)).description), .decimal(total.description),
                    ]))
        }
        guard problems.errors.count == before else { return nil }
        func items(_ method: ScoringMethod) -> [Framework.SubCriterion] {
            extras.filter { $0.method == method.rawValue }.map {
                Framework.SubCriterion(code: $0.code, title: $0.title, max: $0.max, step: $0.step, method: method)
            }
        }
        return Framework(
            id: id, title: title, total: total, fields: fields, bonus: items(.bonus), penalty: items(.penalty))
    }
}
