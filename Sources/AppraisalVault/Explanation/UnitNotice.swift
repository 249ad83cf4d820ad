/// A unit's notice of its preliminary result (thông báo kết quả thẩm định, spec §12.3): the
/// plaintext of `notices/UNIT.avn`. Only the unit's own cells and totals, the deadline, and what
/// the unit needs to read it without the round definition; no member, no rank, nothing of any
/// other unit.
public struct UnitNotice: Sendable, Hashable {
    /// What a cell scores: a sub-criterion of the 100-point tree, or a bonus or penalty item
    /// outside it (spec §3.3 F6, §12.3).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A `self` or `council` sub-criterion: counted in the base total.
        case subCriterion = "sub-criterion"
        /// A bonus item: added to the base total.
        case bonus
        /// A penalty item: subtracted from it.
        case penalty

        /// The kind of a cell scored by `method` (a survey cell is never in a notice).
        init(_ method: ScoringMethod) {
            switch method {
            case .bonus: self = .bonus
            case .penalty: self = .penalty
            case .selfAssessed, .council, .survey: self = .subCriterion
            }
        }
    }

    /// One appraisable cell of the unit (survey cells are not listed).
    public struct Row: Sendable, Hashable {
        /// The sub-criterion (or bonus or penalty item) code.
        public let code: String
        /// What the cell scores.
        public let kind: Kind
        /// The sub-criterion's (or bonus or penalty item's) title, as in the framework.
        public let title: String

        /// The title as sheets and pages show it: a bonus or penalty item's prefixed
        /// `Điểm thưởng: ` or `Điểm trừ: `, as in the worksheet (spec §3.9).
        public var shownTitle: String {
            switch kind {
            case .subCriterion: title
            case .bonus: Worksheet.title(title, of: .bonus)
            case .penalty: Worksheet.title(title, of: .penalty)
            }
        }
        /// Its maximum (a bonus or penalty item's cap).
        public let max: Points
        /// The self score; nil for a `council` sub-criterion, a cell not self-assessed, or a bonus
        /// or penalty item.
        public let selfScore: Points?
        /// The appraised score of round 1.
        public let score: Points
        /// The member's reason (`""` when none).
        public let reason: String

        /// `score − self`, nil without a self score.
        public var difference: Points? { selfScore.map { score - $0 } }

        /// A row (validated by the caller).
        public init(
            code: String, kind: Kind = .subCriterion, title: String, max: Points, selfScore: Points?, score: Points,
            reason: String
        ) {
            self.code = code
            self.kind = kind
            self.title = title
            self.max = max
            self.selfScore = selfScore
            self.score = score
            self.reason = reason
        }
    }

    /// The round definition's file hash.
    public let round: [UInt8]
    /// The unit id (the header's `context.unit`).
    public let unit: String
    /// The unit's name.
    public let unitName: String
    /// The round's title.
    public let roundTitle: String
    /// The assessed year.
    public let year: Int
    /// The answer deadline (a §1.3 timestamp).
    public let answerBy: String
    /// The round's secretary: the key an explanation is sealed to (spec §12.4).
    public let secretary: PublicIdentity
    /// The unit's cells, in cell order.
    public let cells: [Row]

    /// Largest `notices/UNIT.avn` accepted (spec §1.8).
    public static let maxFileSize = 16 << 20
    /// Most cells in one notice.
    static let maxCells = 100_000

    /// A notice (validated by the caller).
    public init(
        round: [UInt8], unit: String, unitName: String, roundTitle: String, year: Int, answerBy: String,
        secretary: PublicIdentity, cells: [Row]
    ) {
        self.round = round
        self.unit = unit
        self.unitName = unitName
        self.roundTitle = roundTitle
        self.year = year
        self.answerBy = answerBy
        self.secretary = secretary
        self.cells = cells
    }

    /// The sum of the appraised scores of the sub-criteria (the base total).
    public var appraisedTotal: Points { sum(.subCriterion, \.score) }
    /// The sum of the sub-criteria's maxima (bonus and penalty caps are outside it).
    public var maxTotal: Points { sum(.subCriterion, \.max) }
    /// The sum of the self scores present.
    public var selfTotal: Points { Points.sum(cells.compactMap(\.selfScore)) }
    /// The sum of the bonus points.
    public var bonusTotal: Points { sum(.bonus, \.score) }
    /// The sum of the penalty points.
    public var penaltyTotal: Points { sum(.penalty, \.score) }
    /// The preliminary final total: base + bonus − penalty, at least 0 (spec §6.4).
    public var finalTotal: Points { Merge.finalTotal(base: appraisedTotal, bonus: bonusTotal, penalty: penaltyTotal) }

    private func sum(_ kind: Kind, _ value: KeyPath<Row, Points>) -> Points {
        Points.sum(cells.filter { $0.kind == kind }.map { $0[keyPath: value] })
    }

    /// The cells a unit may contest: those whose appraised score differs from the self score, or
    /// has none to compare with (spec §12.4).
    public var contested: [Row] { cells.filter { $0.difference != .zero } }

    /// The canonical JSON value (spec §12.3).
    public var json: JSONValue {
        func decimal(_ p: Points?) -> JSONValue { p.map { .string($0.description) } ?? .null }
        return .object([
            "answerBy": .string(answerBy),
            "cells": .array(
                cells.map { c in
                    .object([
                        "code": .string(c.code), "difference": decimal(c.difference), "kind": .string(c.kind.rawValue),
                        "max": .string(c.max.description), "reason": .string(c.reason),
                        "score": .string(c.score.description),
                        "self": decimal(c.selfScore),
                        "title": .string(c.title),
                    ])
                }),
            "round": .hex(round),
            "roundTitle": .string(roundTitle),
            "secretary": secretary.json,
            "totals": .object([
                "appraised": .string(appraisedTotal.description), "bonus": .string(bonusTotal.description),
                "final": .string(finalTotal.description), "max": .string(maxTotal.description),
                "penalty": .string(penaltyTotal.description), "self": .string(selfTotal.description),
            ]),
            "unit": .string(unit),
            "unitName": .string(unitName),
            "year": .integer(Int64(year)),
        ])
    }
}
