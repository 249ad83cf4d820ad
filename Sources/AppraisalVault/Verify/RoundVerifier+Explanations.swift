/// Spec §9.2 check 14c, §12.8: the units' explanations, with public data only.
extension RoundVerification {
    /// Check 14c `explanation.files`: every file of `explanations/` is named `UNIT.rN.avx` for
    /// the unit and revision its header names, passes §5.5 steps 1–3, is sent to this round's
    /// secretary, signed with the key the round lists for that unit, answers the notice the
    /// `preliminary` entry issued to it, and has a `receive-explanation` entry with its hash; every
    /// such entry has its file. Omitted in a round without unit keys and explanations; `not-yet`
    /// when none was received.
    mutating func checkExplanations() {
        let id = "explanation.files"
        let folder = RoundLayout.explanationsFolder
        let entries = journal?.filter { $0.kind == .receiveExplanation } ?? []
        let evidenceEntries = journal?.filter { $0.kind == .receiveExplanationEvidence } ?? []
        let names = ((try? FileIO.listVisible(path(folder))) ?? []).sorted()
        guard !round.unitKeys.isEmpty || !entries.isEmpty || !names.isEmpty else { return }
        guard !names.isEmpty || !entries.isEmpty || !evidenceEntries.isEmpty else {
            return notYet(id, folder, .explanationsNotYet)
        }
        var problems = [(subject: String, text: Notice)]()
        func problem(_ subject: String, _ finding: VerificationReport.Finding, _ arguments: [String]) {
            problems.append((subject, Notice(finding, arguments.map(ErrorContext.Value.text))))
        }
        var listed = [String: (unit: String, revision: Int, fileHash: [UInt8])]()
        var late = 0
        for entry in entries {
            let d = entry.details
            guard case .string(let unit)? = d["unit"], case .integer(let revision)? = d["revision"],
                case .string(let hex)? = d["fileHash"], let hash = Hex.decode(hex), hash.count == 32,
                case .bool(let isLate)? = d["late"], d.count == (d["supersedes"] == nil ? 4 : 5)
            else {
                problem(
                    RoundLayout.journalFileName, .journalEntryMalformed, [String(entry.sequence), entry.event])
                continue
            }
            listed[RoundLayout.explanationFileName(unit: unit, revision: Int(revision))] = (unit, Int(revision), hash)
            if isLate { late += 1 }
        }
        var listedEvidence = [String: [UInt8]]()
        for entry in evidenceEntries {
            let d = entry.details
            guard d.count == 5, case .string(let unit)? = d["unit"], case .integer(let revision)? = d["revision"],
                case .integer(let index)? = d["index"], case .integer? = d["size"],
                case .string(let hex)? = d["fileHash"], let hash = Hex.decode(hex), hash.count == 32
            else {
                problem(
                    RoundLayout.journalFileName, .journalEntryMalformed, [String(entry.sequence), entry.event])
                continue
            }
            listedEvidence[
                RoundLayout.evidenceFileName(member: unit, revision: Int(revision), index: Int(index))] = hash
        }
        let notices = (journal?.first { $0.kind == .preliminary }).flatMap(Self.listedNotices)
        let issued = Dictionary(
            (notices?.notices ?? []).map { ($0.unit, $0.fileHash) }, uniquingKeysWith: { a, _ in a })
        for name in names where name.hasSuffix(RoundLayout.evidenceExtension) {
            let subject = folder + "/" + name
            guard let expected = listedEvidence[name] else {
                problem(subject, .explanationStrayFile, [subject])
                continue
            }
            do {
                let checked = try Evidence.check(path(subject), roster: round.roster)
                guard checked.sender.role == .unit, checked.canonicalName == name else {
                    problem(subject, .explanationStrayFile, [subject])
                    continue
                }
                if checked.fileHash != expected { problem(subject, .explanationHashWrong, [subject]) }
            } catch {
                problems.append((subject, Notice(error.asAppraisalError)))
            }
        }
        for name in names where !name.hasSuffix(RoundLayout.evidenceExtension) {
            let subject = folder + "/" + name
            guard let parsed = RoundLayout.parseExplanationFileName(name), let expected = listed[name] else {
                problem(subject, .explanationStrayFile, [subject])
                continue
            }
            do {
                let file = try ExplanationFile.load(path(subject))
                try file.checkBinding(to: round, notices: issued)
                guard file.unit == parsed.unit, file.revision == parsed.revision else {
                    problem(subject, .explanationStrayFile, [subject])
                    continue
                }
                if file.fileHash != expected.fileHash { problem(subject, .explanationHashWrong, [subject]) }
            } catch {
                problems.append((subject, Notice(error.asAppraisalError)))
            }
        }
        for (name, entry) in listed.sorted(by: { $0.key < $1.key }) where !names.contains(name) {
            problem(folder, .explanationMissing, [entry.unit, String(entry.revision)])
        }
        for name in listedEvidence.keys.sorted() where !names.contains(name) {
            problem(folder, .explanationEvidenceMissing, [folder + "/" + name])
        }
        let units = Set(listed.values.map(\.unit)).count
        report(
            id, problems, subject: folder,
            ok: Notice(
                VerificationReport.Finding.explanationsOK,
                [.text(String(listed.count)), .text(String(units)), .text(String(late))]))
    }
}
