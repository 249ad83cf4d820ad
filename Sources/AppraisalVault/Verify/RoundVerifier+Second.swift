/// Spec §9.2 check 14e, §12.8: the members' second-round revisions, with public data only.
extension RoundVerification {
    /// Check 14e `second.files`: every file of `second/` is named `MEMBER.rN.av2` for the member
    /// and revision its header names, passes §5.5 steps 1–3, is sent to this round's secretary,
    /// signed with the key the round lists for that member, and has a `receive-second` entry with
    /// its hash; every such entry has its file. Omitted in a round without unit keys (and without
    /// such files or entries); `not-yet` when none was received.
    mutating func checkSecondFiles() {
        let id = "second.files"
        let folder = RoundLayout.secondFolder
        let entries = journal?.filter { $0.kind == .receiveSecond } ?? []
        let names = ((try? FileIO.listVisible(path(folder))) ?? []).sorted()
        guard !round.unitKeys.isEmpty || !entries.isEmpty || !names.isEmpty else { return }
        guard !names.isEmpty || !entries.isEmpty else { return notYet(id, folder, .secondNotYet) }
        var problems = [(subject: String, text: Notice)]()
        func problem(_ subject: String, _ finding: VerificationReport.Finding, _ arguments: [String]) {
            problems.append((subject, Notice(finding, arguments.map(ErrorContext.Value.text))))
        }
        var listed = [String: (member: String, revision: Int, fileHash: [UInt8])]()
        for entry in entries {
            let d = entry.details
            guard case .string(let member)? = d["member"], case .integer(let revision)? = d["revision"],
                case .string(let hex)? = d["fileHash"], let hash = Hex.decode(hex), hash.count == 32,
                d.count == (d["supersedes"] == nil ? 3 : 4),
                d["supersedes"] == nil || d["supersedes"]?.isInteger == true
            else {
                problem(RoundLayout.journalFileName, .journalEntryMalformed, [String(entry.sequence), entry.event])
                continue
            }
            listed[RoundLayout.secondFileName(member: member, revision: Int(revision))] = (member, Int(revision), hash)
        }
        for name in names {
            let subject = folder + "/" + name
            guard let parsed = RoundLayout.parseSecondFileName(name), let expected = listed[name] else {
                problem(subject, .secondStrayFile, [subject])
                continue
            }
            do {
                let file = try SecondAppraisalFile.load(path(subject))
                try file.checkBinding(to: round)
                guard file.member == parsed.member, file.revision == parsed.revision else {
                    problem(subject, .secondStrayFile, [subject])
                    continue
                }
                if file.fileHash != expected.fileHash { problem(subject, .secondHashWrong, [subject]) }
            } catch {
                problems.append((subject, Notice(error.asAppraisalError)))
            }
        }
        for (name, entry) in listed.sorted(by: { $0.key < $1.key }) where !names.contains(name) {
            problem(folder, .secondMissing, [entry.member, String(entry.revision)])
        }
        let members = Set(listed.values.map(\.member)).count
        report(
            id, problems, subject: folder,
            ok: Notice(VerificationReport.Finding.secondOK, [.text(String(listed.count)), .text(String(members))]))
    }
}

extension JSONValue {
    /// True for an integer.
    fileprivate var isInteger: Bool { if case .integer = self { true } else { false } }
}
