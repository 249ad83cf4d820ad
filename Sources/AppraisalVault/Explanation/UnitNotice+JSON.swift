// Reading a notice's plaintext strictly (spec §12.3): every field, its type, canonical decimals,
// and the derived values (difference, totals) recomputed.

extension UnitNotice {
    /// Reads the plaintext value strictly.
    init(json value: JSONValue) throws(FieldReader.Failure) {
        var r = try FieldReader(value)
        let answerBy = try r.timestamp("answerBy")
        var cells = [Row]()
        for (i, item) in try r.array("cells", maxCount: Self.maxCells).enumerated() {
            cells.append(try Self.row(item, path: "cells[\(i)]"))
        }
        guard !cells.isEmpty, Set(cells.map(\.code)).count == cells.count else {
            throw FieldReader.Failure(path: "cells", reason: "no cells, or a code twice")
        }
        let round = try r.hex("round", length: 32)
        let roundTitle = try r.string("roundTitle", maxBytes: 500)
        let secretary = try PublicIdentity(json: try r.value("secretary"), path: "secretary")
        var totals = try r.object("totals")
        let appraised = try RoundDefinition.points(&totals, "appraised", path: "totals")
        let bonus = try RoundDefinition.points(&totals, "bonus", path: "totals")
        let final = try RoundDefinition.points(&totals, "final", path: "totals")
        let max = try RoundDefinition.points(&totals, "max", path: "totals")
        let penalty = try RoundDefinition.points(&totals, "penalty", path: "totals")
        let selfTotal = try RoundDefinition.points(&totals, "self", path: "totals")
        try totals.finish()
        let unit = try r.string("unit", maxBytes: 64)
        let unitName = try r.string("unitName", maxBytes: 200)
        let year = Int(try r.integer("year", in: 2000...2100))
        try r.finish()
        guard secretary.role == .secretary else {
            throw FieldReader.Failure(path: "secretary.role", reason: "expected secretary")
        }
        guard Identifier.isValid(unit), Identifier.isValidName(unitName),
            RoundSetup.isValidText(roundTitle, maxBytes: 500)
        else { throw FieldReader.Failure(path: "", reason: "invalid unit id, unit name or round title") }
        self.init(
            round: round, unit: unit, unitName: unitName, roundTitle: roundTitle, year: year, answerBy: answerBy,
            secretary: secretary, cells: cells)
        guard appraised == appraisedTotal, max == maxTotal, selfTotal == self.selfTotal, bonus == bonusTotal,
            penalty == penaltyTotal, final == finalTotal
        else {
            throw FieldReader.Failure(path: "totals", reason: "not the sums of the cells")
        }
    }

    private static func row(_ item: JSONValue, path: String) throws(FieldReader.Failure) -> Row {
        var c = try FieldReader(item, path: path)
        let code = try c.string("code", maxBytes: 16)
        let difference = try optionalPoints(&c, "difference", path: path)
        guard let kind = Kind(rawValue: try c.string("kind", maxBytes: 16)) else {
            throw FieldReader.Failure(path: path + ".kind", reason: "not sub-criterion, bonus or penalty")
        }
        let max = try RoundDefinition.points(&c, "max", path: path)
        let reason = try c.string("reason", maxBytes: 4000, singleLine: false)
        let score = try RoundDefinition.points(&c, "score", path: path)
        let selfScore = try optionalPoints(&c, "self", path: path)
        let title = try c.string("title", maxBytes: 1000)
        try c.finish()
        let row = Row(
            code: code, kind: kind, title: title, max: max, selfScore: selfScore, score: score, reason: reason)
        guard kind == .subCriterion || selfScore == nil else {
            throw FieldReader.Failure(path: path + ".self", reason: "a bonus or penalty item has no self score")
        }
        guard max.isPositive, !score.isNegative, score <= max, selfScore.map({ !$0.isNegative && $0 <= max }) ?? true
        else { throw FieldReader.Failure(path: path, reason: "a score outside 0–max") }
        guard difference == row.difference else {
            throw FieldReader.Failure(path: path + ".difference", reason: "not score − self")
        }
        guard RoundSetup.isValidText(title, maxBytes: 1000), Text.isNFC(reason) else {
            throw FieldReader.Failure(path: path, reason: "title or reason not valid text")
        }
        return row
    }

    /// A canonical decimal string or `null`.
    static func optionalPoints(_ r: inout FieldReader, _ key: String, path: String) throws(FieldReader.Failure)
        -> Points?
    {
        let value = try r.value(key)
        if case .null = value { return nil }
        guard case .string(let s) = value, s.utf8.count <= 32, let p = Points(canonical: s) else {
            throw FieldReader.Failure(path: "\(path).\(key)", reason: "not a canonical decimal string or null")
        }
        return p
    }

    /// Parses plaintext bytes: canonical JSON (§1.2) in the shape of §12.3.
    ///
    /// - Throws: ``ExplanationError`` `notice.malformed` naming the file and the field.
    public init(parsing bytes: [UInt8], file: String) throws {
        do throws(FieldReader.Failure) {
            let value: JSONValue
            do { value = try CanonicalJSON.parse(bytes) } catch {
                throw FieldReader.Failure(path: "", reason: error.description)
            }
            self = try UnitNotice(json: value)
        } catch {
            throw ExplanationError(.noticeMalformed, [.file(file), .text(error.description)])
        }
    }
}
