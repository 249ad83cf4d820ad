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

    public init(round: RoundDefinition, results: Results, decision: String, releasedAt: String) {
        self.round = round
        self.results = results
        self.decision = decision
        self.releasedAt = releasedAt
    }

    /// One changed cell: the appraised score differs from the unit's self score.
    public struct Adjustment: Sendable, Hashable {
        public let unit: AppraisedUnit
        public let code: String
        public let title: String
        public let selfScore: Points
        public let appraised: Points
        public let reason: String
        public let appraiser: String
        public var difference: Points { appraised - selfScore }
    }

    /// Units of `group`, best rank first (ties by unit name order in the round).
    public func ranking(of group: UnitGroup) -> [(unit: AppraisedUnit, result: Results.UnitResult)] {
        let byID = Dictionary(uniqueKeysWithValues: round.units.map { ($0.id, $0) })
        let order = Dictionary(uniqueKeysWithValues: round.units.enumerated().map { ($1.id, $0) })
        return results.units.filter { $0.group == group.id }
            .sorted { ($0.rank, order[$0.unit] ?? 0) < ($1.rank, order[$1.unit] ?? 0) }
            .compactMap { r in byID[r.unit].map { ($0, r) } }
    }

    /// Every adjustment, in unit then framework order.
    public var adjustments: [Adjustment] {
        let byID = Dictionary(uniqueKeysWithValues: round.units.map { ($0.id, $0) })
        var out = [Adjustment]()
        for u in results.units {
            guard let unit = byID[u.unit] else { continue }
            for c in u.cells {
                guard let s = c.selfScore, let a = c.appraised, s != a else { continue }
                out.append(
                    Adjustment(
                        unit: unit, code: c.code, title: title(unit: u.unit, code: c.code), selfScore: s, appraised: a,
                        reason: c.reason,
                        appraiser: c.appraiser))
            }
        }
        return out
    }

    /// The title of the sub-criterion `code` of the unit's criteria set ("" when unknown).
    public func title(unit: String, code: String) -> String {
        round.plan.subCriterion(unit: unit, code: code)?.title ?? ""
    }

    /// Appraiser display names by member id.
    public var appraiserNames: [String: String] {
        Dictionary(uniqueKeysWithValues: round.members.map { ($0.id, $0.identity.name) })
    }

    /// A score for people reading Vietnamese: decimal comma, e.g. `83,33`.
    public static func vietnamese(_ p: Points) -> String {
        String(p.description.map { $0 == "." ? "," : $0 })
    }

    /// A percentage for people: always two decimals with a comma, e.g. `83,00`, `86,75`.
    public static func percentVietnamese(_ p: Points) -> String {
        let text = p.description
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return parts[0] + "," + (fraction + "00").prefix(2)
    }

    /// An RFC 3339 UTC time for people: `02:12:47 (UTC) ngày 25/11/2026`.
    public static func dateVietnamese(_ timestamp: String) -> String {
        guard Timestamp.isValid(timestamp) else { return timestamp }
        let b = Array(timestamp)
        let day = String(b[8...9])
        let month = String(b[5...6])
        let year = String(b[0...3])
        let time = String(b[11...18])
        return "\(time) (UTC) ngày \(day)/\(month)/\(year)"
    }

    /// A signed difference for people: `+0,5`, `-0,25`, `0`.
    public static func signedVietnamese(_ p: Points) -> String {
        p.value > 0 ? "+" + vietnamese(p) : vietnamese(p)
    }
}
