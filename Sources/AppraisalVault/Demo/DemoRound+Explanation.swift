internal import Foundation

/// The demo's explanation round (spec §12, issue 13 §7): the preliminary merge sends each unit
/// with a key its own notice; one unit agrees with everything, two dispute a few cells (one with
/// an evidence document); the secretary forwards each disputed cell to its member; the members
/// appraise again: the first member accepts, the others keep the score with a reason.
extension DemoRound {
    /// The units with a key in the demo (keys/README.md), and what each answers: how many of its
    /// contested cells it disputes, and whether it attaches a document.
    static let explainingUnits: [(unit: String, disputes: Int, evidence: Bool)] = [
        ("so-noi-vu", 0, false),
        ("so-tu-phap", 2, true),
        ("h-dien-bien", 1, false),
    ]

    static let unitTexts = [
        "Đơn vị đã ban hành kế hoạch đúng thời hạn; văn bản kèm theo (minh hoạ)",
        "Báo cáo đã gửi qua hệ thống quản lý văn bản trước hạn; đề nghị Hội đồng xem xét lại (minh hoạ)",
    ]
    static let acceptReason = "Chấp nhận giải trình: minh chứng bổ sung đầy đủ (minh hoạ)"
    static let keepReason = "Giữ nguyên: văn bản ban hành sau thời hạn quy định (minh hoạ)"

    /// The unit keys file `round init --unit-keys` reads, next to the other demo inputs.
    static func writeUnitKeys(in directory: String, keys: String) throws -> String {
        let folder = keys.hasPrefix("/") ? keys : FileIO.join(FileManager.default.currentDirectoryPath, keys)
        var rows = [["unit", "public_key_file"]]
        for u in explainingUnits { rows.append([u.unit, FileIO.join(folder, "\(u.unit).pub")]) }
        let path = FileIO.join(directory, "unit-keys.csv")
        try FileIO.writeAtomically(CSV.write(rows), to: path, mode: 0o644)
        return path
    }

    /// The answer deadline: a week after the preliminary merge, at the end of that day in Vietnam.
    static var answerBy: String {
        let day = Date(timeIntervalSinceNow: 7 * 86_400)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: day) + "T16:59:59Z"
    }

    /// The score a member who accepts the unit's explanation gives: the self score; for a council
    /// cell the maximum; no penalty; one more step of bonus.
    static func acceptedScore(_ item: SecondSheet.Item, preliminary: Points, in round: RoundDefinition) -> Points {
        guard let sub = round.plan.subCriterion(unit: item.unit, code: item.code) else { return preliminary }
        switch sub.method {
        case .penalty: return .zero
        case .bonus: return preliminary + sub.step <= sub.max ? preliminary + sub.step : preliminary
        default: return item.selfScore ?? sub.max
        }
    }

    /// Steps 4–7: preliminary merge, the units' explanations, the forward, the second appraisal.
    static func runExplanationRound(
        directory: String, roundDir: String, round: RoundDefinition, secretary: SecretIdentity,
        unlock: (String) throws -> SecretIdentity, step: (Int, String) -> Void, log: (Notice) -> Void
    ) throws {
        step(4, "merge --preliminary (thư ký / secretary): one notice per unit with a key")
        let preliminary = try PreliminaryMerge.run(roundDirectory: roundDir, secretary: secretary, answerBy: answerBy)
        log(
            Notice(
                Notice.Code.demoNotices,
                [.text(String(preliminary.notices.count)), .text(String(preliminary.withoutKey.count))]))

        step(5, "notice open + explain (đơn vị / units)")
        let outbox = FileIO.join(directory, "unit-outbox")
        try FileIO.makeDirectory(outbox, mode: 0o755)
        var files = [String]()
        // Disputes go to members not yet asked, so that more than one member appraises again.
        var asked = Set<String>()
        let assignees = round.plan.assignees
        for (unit, disputes, withEvidence) in explainingUnits {
            let notice = try NoticeFile.load(RoundLayout(roundDir).notice(unit: unit))
            try notice.checkBinding(to: round)
            let key = try unlock(unit)
            let opened = try notice.open(with: key)
            var attach = [String]()
            if withEvidence {
                let document = FileIO.join(directory, "cong-van-\(unit).txt")
                try FileIO.writeAtomically(
                    Array("Công văn số 12/CV-\(unit) (minh hoạ): kế hoạch ban hành đúng hạn.\n".utf8), to: document,
                    mode: 0o644)
                attach.append(document)
            }
            let output = FileIO.join(outbox, RoundLayout.explanationFileName(unit: unit, revision: 1))
            let plan = try ExplanationSeal.plan(attach, unit: unit, revision: 1, output: output)
            let names = plan.names.sorted()
            let member = { (code: String) in assignees[Cell(unit: unit, code: code)] ?? "" }
            let disputed = opened.contested.map(\.code).enumerated()
                .sorted {
                    (asked.contains(member($0.element)) ? 1 : 0, $0.offset) < (
                        asked.contains(member($1.element)) ? 1 : 0, $1.offset
                    )
                }
                .prefix(disputes).map(\.element)
            for code in disputed { asked.insert(member(code)) }
            let answers = opened.contested.map { cell in
                guard let i = disputed.firstIndex(of: cell.code) else {
                    return UnitExplanation.Answer(code: cell.code, agree: true, text: "")
                }
                return UnitExplanation.Answer(
                    code: cell.code, agree: false, text: unitTexts[i % unitTexts.count],
                    attachments: i == 0 ? names : [])
            }
            _ = try ExplanationSeal.seal(
                answers, notice: notice, opened: opened, unit: key, revision: 1, plan: plan, output: output)
            files += [output] + plan.outputs
            log(
                Notice(
                    Notice.Code.demoExplained,
                    [
                        .text(unit), .text(String(opened.contested.count)), .text(String(disputes)),
                        .text(String(names.count)),
                    ]
                ))
        }

        step(6, "receive + explanations forward (thư ký / secretary)")
        let batch = try Inbox(roundDirectory: roundDir, roster: round.roster).receive(files, secretary: secretary)
        for item in batch.items { _ = try item.result.get() }
        let forwarded = try ExplanationForward.run(roundDirectory: roundDir, secretary: secretary)
        log(
            Notice(
                Notice.Code.demoForwarded,
                [
                    .text(String(forwarded.files.count)), .text(String(forwarded.members)),
                    .text(String(forwarded.cells)),
                ]
            ))

        step(7, "worksheet --second + seal --second (thành viên / members)")
        var second = [String]()
        let members = Array(Set(forwarded.files.map(\.member))).sorted()
        for member in members {
            guard let record = round.member(member) else { continue }
            let key = try unlock(member)
            let paths = forwarded.files.filter { $0.member == member }.map(\.path)
            let items = try SecondSeal.items(SecondSeal.load(paths, member: record, round: round), key: key)
            // The first member accepts the explanations; the others keep the score with a reason.
            let accepts = member == members.first
            let rows = items.map { item -> SecondAppraisal.Row in
                let preliminary = item.score ?? .zero
                let accepted = acceptedScore(item, preliminary: preliminary, in: round)
                let change = accepts && accepted != preliminary
                return SecondAppraisal.Row(
                    unit: item.unit, code: item.code, decision: change ? .change : .keep, explanation: item.explanation,
                    score: change ? accepted : preliminary, reason: change ? acceptReason : keepReason)
            }
            let output = FileIO.join(outbox, RoundLayout.secondFileName(member: member, revision: 1))
            _ = try SecondSeal.seal(rows, round: round, member: key, revision: 1, output: output)
            second.append(output)
            log(
                Notice(
                    Notice.Code.demoSecond,
                    [
                        .member(member), .text(String(rows.count)),
                        .text(String(rows.filter { $0.decision == .change }.count)),
                    ]))
        }
        let received = try Inbox(roundDirectory: roundDir, roster: round.roster).receive(second, secretary: secretary)
        for item in received.items { _ = try item.result.get() }
    }
}
