internal import VaultCrypto

/// Spec §9.2 check 14b, §12.8: the notices of the preliminary merge, with public data only.
extension RoundVerification {
    /// Check 14b `notice.files`: `notices/` holds exactly the journaled notices, each the
    /// secretary's, for this round, sealed to the key the round lists for its unit, hashing to
    /// what the `preliminary` entry lists; every unit is either notified or listed without a key.
    /// Omitted in a round without unit keys, `notices/` and `preliminary` entry; `not-yet` before
    /// the preliminary merge.
    mutating func checkNotices() {
        let id = "notice.files"
        let folder = RoundLayout.noticesFolder
        let entries = journal?.filter { $0.kind == .preliminary } ?? []
        let names = ((try? FileIO.listVisible(path(folder))) ?? []).sorted()
        guard !round.unitKeys.isEmpty || !entries.isEmpty || !names.isEmpty else { return }
        guard let entry = entries.first else {
            if names.isEmpty { return notYet(id, folder, .noticesNotYet) }
            return fail(id, folder, .noticesUnjournaled, [String(names.count)])
        }
        var problems = [(subject: String, text: Notice)]()
        func problem(_ subject: String, _ finding: VerificationReport.Finding, _ arguments: [String]) {
            problems.append((subject, Notice(finding, arguments.map(ErrorContext.Value.text))))
        }
        if entries.count > 1 { problem(RoundLayout.journalFileName, .preliminaryTwice, [String(entries.count)]) }
        guard let listed = Self.listedNotices(entry) else {
            return fail(
                id, RoundLayout.journalFileName, .journalEntryMalformed, [String(entry.sequence), entry.event])
        }
        // Every unit is notified exactly when it has a key; the others are listed without one.
        let keyed = round.unitKeys.map(\.id)
        if listed.notices.map(\.unit) != keyed || listed.withoutKey != round.unitsWithoutKey.map(\.id) {
            problem(RoundLayout.journalFileName, .noticeUnits, [keyed.joined(separator: " ")])
        }
        for name in names {
            let subject = folder + "/" + name
            guard name.hasSuffix(RoundLayout.noticeExtension),
                let hash = listed.notices.first(where: { $0.unit + RoundLayout.noticeExtension == name })?.fileHash
            else {
                problem(subject, .noticeStrayFile, [subject])
                continue
            }
            do {
                let file = try NoticeFile.load(path(subject))
                try file.checkBinding(to: round)
                guard file.unit + RoundLayout.noticeExtension == name else {
                    problem(subject, .noticeStrayFile, [subject])
                    continue
                }
                if file.fileHash != hash { problem(subject, .noticeHashWrong, [subject]) }
            } catch {
                problems.append((subject, Notice(error.asAppraisalError)))
            }
        }
        for notice in listed.notices where !names.contains(notice.unit + RoundLayout.noticeExtension) {
            problem(folder, .noticeMissing, [notice.unit])
        }
        report(
            id, problems, subject: folder,
            ok: Notice(
                VerificationReport.Finding.noticesOK,
                [.text(String(listed.notices.count)), .text(listed.answerBy)]))
    }

    /// The `preliminary` entry's details (§12.3 step 5), or nil when malformed.
    static func listedNotices(_ entry: RoundJournal.Entry) -> (
        answerBy: String, notices: [(unit: String, fileHash: [UInt8])], withoutKey: [String]
    )? {
        let d = entry.details
        guard d.count == 4, case .string(let answerBy)? = d["answerBy"], Timestamp.isValid(answerBy),
            case .array(let items)? = d["notices"], case .array(let without)? = d["withoutKey"],
            case .array? = d["submissions"]
        else { return nil }
        var notices = [(unit: String, fileHash: [UInt8])]()
        for item in items {
            guard case .object(let o) = item, o.count == 2, case .string(let unit)? = o["unit"],
                case .string(let hex)? = o["fileHash"], let hash = Hex.decode(hex), hash.count == 32
            else { return nil }
            notices.append((unit, hash))
        }
        var withoutKey = [String]()
        for item in without {
            guard case .string(let unit) = item else { return nil }
            withoutKey.append(unit)
        }
        return (answerBy, notices, withoutKey)
    }
}
