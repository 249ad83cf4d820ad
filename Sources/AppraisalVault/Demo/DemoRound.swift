internal import Foundation
internal import VaultCrypto

/// The built-in demo round (`make demo`, README): the whole round end to end on `samples/` with the
/// published demo identities in `keys/`, in process, printing a few lines per step. The round has
/// two criteria sets (``criteriaSets``), two members recused from the departments they head
/// (`own_units`), and the survey imported into the round before the merge.
///
/// Members' appraisals are made up deterministically: most cells confirm the self score; a few
/// are lowered or raised by one step with an illustrative reason; council cells get the maximum
/// or one step less; survey scores are generated between 60 % and 95 % of the maximum.
public enum DemoRound {
    /// The demo keys' published passphrase (keys/README.md).
    static let passphrase = "demo-appraisal-2026"
    /// The demo's two criteria sets (spec §3.3), shaped like Điện Biên 2023's: the departments'
    /// set for the group `so-nganh` and the district People's Committees' set for `huyen`; the
    /// members' codes in `samples/members-demo.csv` are qualified by these ids (`so:1`, `huyen:1`).
    static let criteriaSets: [(id: String, file: String, group: String)] = [
        ("so", "framework-so-nganh.json", "so-nganh"),
        ("huyen", "framework-huyen.json", "huyen"),
    ]
    /// The illustrative decision the holders cite.
    /// (No date: the demo runs on any day, and the report is dated the day of its release.)
    static let decision = "Quyết định số 123/QĐ-UBND (minh hoạ)"
    /// The demo's release holders, in x order (keys/README.md).
    static let holderIDs = ["chu-tich", "pho-chu-tich", "chanh-vp"]
    /// The holders who approve in the demo (2 of 3).
    static let approvingHolders = ["chu-tich", "pho-chu-tich"]

    static let lowerReasons = [
        "Hồ sơ minh chứng chưa đầy đủ (minh hoạ)",
        "Báo cáo gửi chậm so với thời hạn quy định (minh hoạ)",
        "Kế hoạch ban hành chưa đúng hướng dẫn của UBND tỉnh (minh hoạ)",
        "Tỷ lệ hoàn thành thấp hơn mức đơn vị tự đánh giá (minh hoạ)",
        "Chưa cung cấp văn bản kiểm chứng kèm theo (minh hoạ)",
    ]
    static let raiseReason = "Đơn vị bổ sung minh chứng sau khi tự chấm (minh hoạ)"
    static let notAssessedReason = "Đơn vị chưa tự đánh giá; Hội đồng chấm theo hồ sơ (minh hoạ)"
    static let bonusReason = "Sáng kiến được Chủ tịch UBND tỉnh công nhận (minh hoạ)"
    static let penaltyReason = "Chậm nộp báo cáo CCHC quý III (minh hoạ)"

    /// A number 0…255 fixed by the cell, for deterministic choices.
    static func draw(_ cell: Cell, _ salt: String) -> Int {
        Int(BLAKE2b.hash(Array("\(salt)|\(cell.unit)|\(cell.code)".utf8), outputLength: 16)[0])
    }

    /// The demo appraisals of `member`'s cells.
    static func appraisals(for member: Member, in round: RoundDefinition) -> [Appraisal] {
        round.cells(of: member).map { cell in
            let sub = round.plan.subCriterion(unit: cell.unit, code: cell.code)!
            let d = draw(cell, "appraise")
            if sub.method.isBonusOrPenalty {
                // A few units get one step of bonus or penalty, with its reason; the rest 0.
                guard d % 13 == 0 else { return Appraisal(unit: cell.unit, code: cell.code, score: .zero, reason: "") }
                let reason = sub.method == .bonus ? bonusReason : penaltyReason
                return Appraisal(unit: cell.unit, code: cell.code, score: sub.step, reason: reason)
            }
            if let own = round.selfAssessment.score(unit: cell.unit, code: cell.code) {
                if d % 9 == 0, own >= sub.step {
                    return Appraisal(
                        unit: cell.unit, code: cell.code, score: own - sub.step,
                        reason: lowerReasons[d % lowerReasons.count])
                }
                if d % 23 == 1, own + sub.step <= sub.max {
                    return Appraisal(unit: cell.unit, code: cell.code, score: own + sub.step, reason: raiseReason)
                }
                return Appraisal(unit: cell.unit, code: cell.code, score: own, reason: "")
            }
            let score = d % 4 == 0 && sub.max >= sub.step ? sub.max - sub.step : sub.max
            // Not self-assessed (spec §3.5): the score needs a reason.
            let reason = round.selfAssessment.isNotAssessed(unit: cell.unit, code: cell.code) ? notAssessedReason : ""
            return Appraisal(unit: cell.unit, code: cell.code, score: score, reason: reason)
        }
    }

    /// Demo survey scores: between 60 % and 95 % of each survey sub-criterion's maximum, on its step.
    static func surveyScores(for round: RoundDefinition) -> [Cell: Points] {
        var out = [Cell: Points]()
        for unit in round.units {
            for sub in round.plan.framework(unit: unit.id)?.subCriteria ?? [] where sub.method == .survey {
                let cell = Cell(unit: unit.id, code: sub.code)
                let steps = (sub.max.value / sub.step.value)
                let fraction = Decimal(60 + draw(cell, "survey") % 36) / 100
                var n = steps * fraction
                var whole = Decimal()
                NSDecimalRound(&whole, &n, 0, .plain)
                out[cell] = Points(whole * sub.step.value)
            }
        }
        return out
    }

    /// The released ranking of every group, each under its criteria set, as the report has it:
    /// a heading per group, then one line per unit (rank, name, final total over the set's
    /// maximum — with base, bonus and penalty when a bonus or penalty is not 0 —, index, label).
    static func rankingNotices(_ report: ResultsReport) -> [Notice] {
        report.round.groups.flatMap { group -> [Notice] in
            let ranking = report.ranking(of: group)
            let heading = Notice(
                Notice.Code.demoRanking,
                [
                    .text(group.name), .text(report.round.plan.set(group: group.id)?.id ?? ""),
                    .text(String(ranking.count)),
                ])
            return [heading]
                + ranking.map { unit, result in
                    let extras = result.bonus != .zero || result.penalty != .zero
                    return Notice(
                        extras ? Notice.Code.demoRankExtras : Notice.Code.demoRank,
                        [
                            .text(String(result.rank)), .text(unit.name), .text(result.finalTotal.description),
                            .text(result.maxTotal.description), .text(result.percent.description), .text(result.label),
                        ]
                            + (extras
                                ? [result.appraisedTotal, result.bonus, result.penalty].map { .text($0.description) }
                                : []))
                }
        }
    }

    /// Unlocks a demo key file without the permission check (these keys are public by design).
    static func unlock(_ path: String) throws -> SecretIdentity {
        let file = try KeyFile(parsing: FileIO.read(path, maxBytes: KeyFile.maxFileSize), file: path)
        guard file.identity.isDemo else { throw DemoError(.notDemoKey, [.file(path)]) }
        do {
            return try file.unlock(passphrase: SecretBytes(copying: Array(passphrase.utf8)))
        } catch let e as any AppraisalError {
            throw e
        } catch {
            throw CryptoError(error)
        }
    }
}
