internal import Foundation

/// The released results of a round, ready to render (docs/report.md): ranking per group,
/// per-field breakdown, and every adjustment with its reason and appraiser.
///
/// Built from the verified round definition (names, titles, groups) and the decrypted results.
public struct ResultsReport: Sendable {
    /// The round.
    public let round: RoundDefinition
    /// The merged results.
    public let results: Results
    /// The decision that authorised the release, e.g. "Quyết định số 123/QĐ-UBND ngày …".
    public let decision: String
    /// When the release token was made (RFC 3339 UTC).
    public let releasedAt: String
    /// Who issues and signs the official document (``html()``): the round's (``RoundDocument``).
    public var document: Document

    public init(round: RoundDefinition, results: Results, decision: String, releasedAt: String) {
        self.round = round
        self.results = results
        self.decision = decision
        self.releasedAt = releasedAt
        self.document = Document(round.document)
    }

    /// One changed cell: the appraised score differs from the unit's self score, or the unit did
    /// not self-assess the sub-criterion (``selfScore`` nil, spec §3.5).
    public struct Adjustment: Sendable, Hashable {
        public let unit: AppraisedUnit
        public let code: String
        public let title: String
        /// The self score; nil when the unit did not self-assess the sub-criterion.
        public let selfScore: Points?
        public let appraised: Points
        public let reason: String
        public let appraiser: String
        /// Appraised minus self; nil when the unit did not self-assess the sub-criterion.
        public var difference: Points? { selfScore.map { appraised - $0 } }
    }

    /// Units of `group`, best rank first; tied units (the same index, so the same rank) in round
    /// order, the order of the units file (docs/report.md).
    public func ranking(of group: UnitGroup) -> [(unit: AppraisedUnit, result: Results.UnitResult)] {
        let byID = Dictionary(uniqueKeysWithValues: round.units.map { ($0.id, $0) })
        let order = Dictionary(uniqueKeysWithValues: round.units.enumerated().map { ($1.id, $0) })
        return results.units.filter { $0.group == group.id }
            .sorted { ($0.rank, order[$0.unit] ?? 0) < ($1.rank, order[$1.unit] ?? 0) }
            .compactMap { r in byID[r.unit].map { ($0, r) } }
    }

    /// Every adjustment, in unit then framework order: appraised scores that differ from the self
    /// score, and appraised scores on sub-criteria the unit did not self-assess.
    public var adjustments: [Adjustment] {
        let byID = Dictionary(uniqueKeysWithValues: round.units.map { ($0.id, $0) })
        var out = [Adjustment]()
        for u in results.units {
            guard let unit = byID[u.unit] else { continue }
            for c in u.cells {
                guard let a = c.appraised, Self.isNotAssessed(c) || (c.selfScore != nil && c.selfScore != a) else {
                    continue
                }
                out.append(
                    Adjustment(
                        unit: unit, code: c.code, title: title(unit: u.unit, code: c.code), selfScore: c.selfScore,
                        appraised: a,
                        reason: c.reason,
                        appraiser: c.appraiser))
            }
        }
        return out
    }

    /// True for a cell of method `self` without a self score: the unit did not self-assess it
    /// (spec §3.5; the results carry the round's self scores, verify check 19).
    public static func isNotAssessed(_ c: Results.CellResult) -> Bool {
        c.method == .selfAssessed && c.selfScore == nil
    }

    /// A field's counted maximum (spec §6.4): the maxima of its sub-criteria, survey ones only when
    /// the results have survey scores. What every unit's index and the ranking use; the field's
    /// framework maximum (`field.max`) is larger when the round was merged `--without-survey`.
    public func countedMax(of field: Framework.Field) -> Points {
        Points.sum(
            field.criteria.flatMap(\.subCriteria).filter { $0.method != .survey || results.surveyAvailable }.map(\.max))
    }

    /// The number of cells the units did not self-assess.
    public var notAssessedCount: Int { results.units.reduce(0) { $0 + $1.cells.filter(Self.isNotAssessed).count } }

    /// One bonus or penalty other than 0 (spec §6.4).
    public struct BonusOrPenalty: Sendable, Hashable {
        public let unit: AppraisedUnit
        /// `bonus` or `penalty`.
        public let method: ScoringMethod
        public let code: String
        public let title: String
        /// The appraised points (positive; a penalty is subtracted).
        public let points: Points
        public let cap: Points
        public let reason: String
        public let appraiser: String
    }

    /// Every bonus and penalty other than 0, in unit then item order.
    public var bonusAndPenalty: [BonusOrPenalty] {
        let byID = Dictionary(uniqueKeysWithValues: round.units.map { ($0.id, $0) })
        return results.units.flatMap { u in
            u.cells.compactMap { c -> BonusOrPenalty? in
                guard c.method.isBonusOrPenalty, let unit = byID[u.unit], let a = c.appraised, a != .zero else {
                    return nil
                }
                return BonusOrPenalty(
                    unit: unit, method: c.method, code: c.code, title: title(unit: u.unit, code: c.code), points: a,
                    cap: c.max, reason: c.reason, appraiser: c.appraiser)
            }
        }
    }

    /// The title of the sub-criterion `code` of the unit's criteria set ("" when unknown).
    public func title(unit: String, code: String) -> String {
        round.plan.subCriterion(unit: unit, code: code)?.title ?? ""
    }

    /// Appraiser display names by member id.
    public var appraiserNames: [String: String] {
        Dictionary(uniqueKeysWithValues: round.members.map { ($0.id, $0.identity.name) })
    }

    /// A score for people reading Vietnamese: decimal comma and always two decimals, e.g. `83,33`,
    /// `47,00`, `0,50`, so that every number of the report reads alike.
    public static func vietnamese(_ p: Points) -> String {
        percentVietnamese(p)
    }

    /// A percentage for people: at least two decimals with a comma, e.g. `83,00`, `86,75`; a
    /// value with more decimals (a step of `0.125`) keeps all of them, never rounded away.
    public static func percentVietnamese(_ p: Points) -> String {
        let text = p.description
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return parts[0] + "," + (fraction.count > 2 ? fraction : String((fraction + "00").prefix(2)))
    }

    /// An RFC 3339 UTC time for people, in Vietnam time (UTC+7, no daylight saving):
    /// `2026-11-25T02:12:47Z` → `09:12:47 (giờ Việt Nam, UTC+7) ngày 25/11/2026`.
    public static func dateVietnamese(_ timestamp: String) -> String {
        guard let (time, day, month, year) = vietnamTime(timestamp) else { return timestamp }
        return "\(time) (giờ Việt Nam, UTC+7) ngày \(day)/\(month)/\(year)"
    }

    /// The time, day, month and year of `timestamp` in Vietnam time; nil when it is not a valid
    /// RFC 3339 UTC timestamp.
    static func vietnamTime(_ timestamp: String) -> (time: String, day: String, month: String, year: String)? {
        guard Timestamp.isValid(timestamp) else { return nil }
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        parser.timeZone = TimeZone(identifier: "UTC")
        parser.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        guard let date = parser.date(from: timestamp) else { return nil }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        f.dateFormat = "HH:mm:ss|dd|MM|yyyy"
        let parts = f.string(from: date).split(separator: "|").map(String.init)
        return (parts[0], parts[1], parts[2], parts[3])
    }

    /// A signed difference for people: `+0,50`, `-0,25`, `0,00`.
    public static func signedVietnamese(_ p: Points) -> String {
        p.value > 0 ? "+" + vietnamese(p) : vietnamese(p)
    }
}
