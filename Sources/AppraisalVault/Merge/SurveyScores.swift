internal import VaultCrypto

/// The survey scores imported into a round (spec §6.6): the plaintext of `survey.avq`, canonical JSON
/// `{"revision": n, "round": hex32, "scores": [{"code", "score", "unit"}]}`, the scores sorted by
/// unit then code (byte order), each cell once.
public struct SurveyScores: Sendable, Hashable {
    /// The import's revision: 1 for the first import, one more for each re-import.
    public let revision: Int
    /// The round's file hash.
    public let round: [UInt8]
    /// One score per survey cell.
    public let scores: [Cell: Points]

    /// Largest `survey.avq` accepted (spec §1.8).
    public static let maxFileSize = 64 << 20

    public init(revision: Int, round: [UInt8], scores: [Cell: Points]) {
        self.revision = revision
        self.round = round
        self.scores = scores
    }

    /// The cells in content order: unit, then code, in byte order.
    static func precedes(_ a: Cell, _ b: Cell) -> Bool {
        let (au, bu) = (Array(a.unit.utf8), Array(b.unit.utf8))
        guard au == bu else { return au.lexicographicallyPrecedes(bu) }
        return Array(a.code.utf8).lexicographicallyPrecedes(Array(b.code.utf8))
    }

    /// The canonical JSON value.
    public var json: JSONValue {
        .object([
            "revision": .integer(Int64(revision)),
            "round": .hex(round),
            "scores": .array(
                scores.keys.sorted(by: Self.precedes).map { cell in
                    .object([
                        "code": .string(cell.code), "score": .string(scores[cell]!.description),
                        "unit": .string(cell.unit),
                    ])
                }),
        ])
    }

    /// Reads the content strictly: no unknown field, canonical scores, cells in order and once.
    public init(json value: JSONValue) throws(FieldReader.Failure) {
        var r = try FieldReader(value)
        revision = Int(try r.integer("revision", in: 1...1_000_000))
        round = try r.hex("round", length: 32)
        var scores = [Cell: Points]()
        var last: Cell?
        for (i, item) in try r.array("scores", maxCount: 10_000_000).enumerated() {
            var s = try FieldReader(item, path: "scores[\(i)]")
            let cell = Cell(unit: try s.string("unit", maxBytes: 64), code: try s.string("code", maxBytes: 32))
            let text = try s.string("score", maxBytes: 32)
            try s.finish()
            guard let score = Points(canonical: text), !score.isNegative else {
                throw FieldReader.Failure(path: "scores[\(i)].score", reason: "not a canonical decimal ≥ 0")
            }
            if let last, !Self.precedes(last, cell) {
                throw FieldReader.Failure(path: "scores[\(i)]", reason: "not sorted by unit and code, or a cell twice")
            }
            last = cell
            scores[cell] = score
        }
        try r.finish()
        self.scores = scores
    }

    /// Parses plaintext bytes: canonical JSON (§1.2) in the shape above.
    ///
    /// - Throws: ``FormatError`` `format.header` naming the file and the field.
    public init(parsing bytes: [UInt8], file: String) throws {
        do throws(FieldReader.Failure) {
            let value: JSONValue
            do { value = try CanonicalJSON.parse(bytes) } catch {
                throw FieldReader.Failure(path: "", reason: error.description)
            }
            self = try SurveyScores(json: value)
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
    }

    /// The first way these scores do not fit `round` (§6.6): a unit that is not the round's, a
    /// code that is not a survey sub-criterion of the unit's framework, a score off its range or
    /// step, a survey cell without a score; nil when they fit.
    public func mismatch(with definition: RoundDefinition) -> String? {
        guard round == definition.fileHash else { return "round" }
        let units = Set(definition.units.map(\.id))
        for (cell, score) in scores {
            guard units.contains(cell.unit) else { return "unit \(cell.unit)" }
            guard let sub = definition.surveyItems(of: cell.unit).first(where: { $0.code == cell.code }) else {
                return "\(cell.unit) / \(cell.code): not a survey sub-criterion"
            }
            guard sub.accepts(score) else { return "\(cell.unit) / \(cell.code): score off range or step" }
        }
        for unit in definition.units {
            for sub in definition.surveyItems(of: unit.id) where scores[Cell(unit: unit.id, code: sub.code)] == nil {
                return "\(unit.id) / \(sub.code): no score"
            }
        }
        return nil
    }
}

extension RoundDefinition {
    /// The survey sub-criteria of the framework of `unit`'s set, in framework order: the unit's
    /// survey cells (§6.6); none for an unknown unit.
    func surveyItems(of unit: String) -> [Framework.SubCriterion] {
        (plan.framework(unit: unit)?.subCriteria ?? []).filter { $0.method == .survey }
    }

    /// True when some unit has survey sub-criteria.
    var hasSurveyItems: Bool { plan.units.contains { !surveyItems(of: $0.id).isEmpty } }
}
