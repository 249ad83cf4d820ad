internal import VaultCrypto

extension RoundMerge {
    /// What the explanation round adds to the final merge (spec §12.7).
    struct SecondRound {
        /// The round-1 rows with every decision applied: what ``Merge/run(_:roundHash:submissions:survey:)`` takes.
        var submissions: [String: [Appraisal]]
        /// The live explanations, as their units signed them, in unit order.
        var explanations = [Results.SignedFile]()
        /// The manifest's `explanations`.
        var explanationInputs = [Manifest.ExplanationInput]()
        /// The live second-round files, as their members signed them, in member order.
        var second = [Results.SignedFile]()
        /// The manifest's `second`.
        var secondInputs = [Manifest.Input]()
        /// One entry per forwarded or exceptionally changed cell, in unit and framework order.
        var history = [Results.History]()
        /// The changes nobody explained that the secretary allowed (`UNIT/CODE`, journaled).
        var exceptions = [Cell]()
    }

    /// One second-round row as the merge uses it.
    struct SecondRow {
        let cell: Cell
        let kept: Bool
        let score: Points
        let reason: String
        /// The forwarded file answered; nil for an exception row.
        let forwarded: [UInt8]?
    }

    /// A live second-round file, opened and checked against the round.
    struct OpenedSecond {
        let member: String
        let revision: Int
        let fileHash: [UInt8]
        let rows: [SecondRow]
        let signed: Results.SignedFile
    }

    /// One `forward` journal entry (spec §12.5).
    struct ForwardEntry {
        let member: String
        let unit: String
        let explanation: [UInt8]
        let fileHash: [UInt8]

        init?(_ entry: RoundJournal.Entry) {
            guard entry.kind == .forward, case .string(let member)? = entry.details["member"],
                case .string(let unit)? = entry.details["unit"],
                case .string(let e)? = entry.details["explanation"], let explanation = Hex.decode(e),
                case .string(let f)? = entry.details["fileHash"], let fileHash = Hex.decode(f)
            else { return nil }
            (self.member, self.unit, self.explanation, self.fileHash) = (member, unit, explanation, fileHash)
        }
    }

    /// The live revision per sender of the entries of `event` (the highest `revision`), with its
    /// file hash.
    static func liveEntries(_ entries: [RoundJournal.Entry], event: JournalEvent, sender: String)
        -> [String: (revision: Int, fileHash: [UInt8])]
    {
        var live = [String: (revision: Int, fileHash: [UInt8])]()
        for e in entries where e.kind == event {
            guard case .string(let id)? = e.details[sender], case .integer(let r)? = e.details["revision"],
                case .string(let h)? = e.details["fileHash"], let hash = Hex.decode(h)
            else { continue }
            if Int(r) > live[id]?.revision ?? 0 { live[id] = (Int(r), hash) }
        }
        return live
    }

    /// The explanation round's part of the final merge (spec §12.7), or nil for a round without
    /// one (no unit keys) or one merged with `--skip-explanation`.
    ///
    /// The round-1 submissions are the ones the `preliminary` entry lists; each live explanation
    /// that disagrees was forwarded; each forwarded cell has the decision of its assigned member
    /// (or, with `allowIncomplete`, keeps its preliminary score with `final` null); a row nobody
    /// explained needs the secretary's `allowUnexplained`.
    ///
    /// - Throws: ``MergeError`` `merge.no-preliminary`, `merge.preliminary-changed`,
    ///   `merge.not-forwarded`, `merge.second-mismatch`, `merge.unexplained-change`,
    ///   `merge.second-missing`, and every error of opening the files.
    static func secondRound(
        roundDirectory: String, round: RoundDefinition, journal: [RoundJournal.Entry], opened: Opened,
        secretary: SecretIdentity, skipExplanation: Bool, allowUnexplained: Set<Cell>, allowIncomplete: Bool
    ) throws -> SecondRound? {
        guard !round.unitKeys.isEmpty else { return nil }
        let journalPath = FileIO.join(roundDirectory, RoundLayout.journalFileName)
        guard let preliminary = journal.first(where: { $0.kind == .preliminary }) else {
            if skipExplanation { return nil }
            throw MergeError(.noPreliminary, [.file(roundDirectory)], hint: ErrorHint(.skipExplanation))
        }
        // The notices describe these submissions; they must be what is merged (§12.7).
        guard let listed = RoundVerification.listedNotices(preliminary),
            preliminary.details["submissions"] == PreliminaryMerge.listed(opened.inputs)
        else { throw MergeError(.preliminaryChanged, [.file(journalPath)]) }

        var out = SecondRound(submissions: opened.submissions)
        let layout = RoundLayout(roundDirectory)
        // The round-1 results the notices describe: each explanation answers exactly the
        // contested cells of its unit's notice (§12.4; `explanations forward` checked it too).
        let preliminaryResults = Merge.run(
            round.plan, roundHash: round.fileHash, submissions: opened.submissions, survey: nil
        ).results
        // The live explanations, opened, with the disagreed cells of each.
        var disputed = [Cell: (answer: UnitExplanation.Answer, explanation: [UInt8])]()
        let live = liveEntries(journal, event: .receiveExplanation, sender: "unit")
        for unit in round.units.map(\.id) {
            guard let entry = live[unit] else { continue }
            let path = FileIO.join(
                layout.explanations, RoundLayout.explanationFileName(unit: unit, revision: entry.revision))
            let file = try ExplanationFile.load(path)
            guard file.fileHash == entry.fileHash else { throw MergeError(.contentMismatch, [.file(path)]) }
            try file.checkBinding(
                to: round,
                notices: Dictionary(
                    uniqueKeysWithValues: listed.notices.map {
                        ($0.unit, $0.fileHash)
                    }))
            let (explanation, signed) = try file.openSigned(with: secretary)
            let notice = PreliminaryMerge.notice(
                for: unit, in: round, results: preliminaryResults, answerBy: listed.answerBy)
            guard explanation.answersExactly(notice) else {
                throw MergeError(.explanationMismatch, [.file(path), .text(unit)])
            }
            out.explanations.append(signed)
            out.explanationInputs.append(
                Manifest.ExplanationInput(unit: unit, revision: entry.revision, fileHash: entry.fileHash))
            for answer in explanation.answers where !answer.agree {
                disputed[Cell(unit: unit, code: answer.code)] = (answer, entry.fileHash)
            }
        }
        // Which forwarded file carried each disputed cell to its member.
        let forwards = journal.compactMap(ForwardEntry.init)
        var forwardedFile = [Cell: [UInt8]]()
        let assignees = round.plan.assignees
        for (cell, d) in disputed {
            guard let member = assignees[cell],
                let forward = forwards.last(where: {
                    $0.unit == cell.unit && $0.member == member && $0.explanation == d.explanation
                })
            else {
                // Never forwarded (e.g. a late explanation the council set aside): only on purpose,
                // and the history records the dispute without a forward or a decision.
                if allowIncomplete { continue }
                throw MergeError(.notForwarded, [.file(journalPath), .text(cell.unit)], hint: ErrorHint(.forward))
            }
            forwardedFile[cell] = forward.fileHash
        }
        // The members' decisions.
        var decisions = [Cell: (row: SecondRow, file: [UInt8])]()
        for second in try openLiveSecond(
            roundDirectory: roundDirectory, round: round, journal: journal, secretary: secretary)
        {
            out.second.append(second.signed)
            out.secondInputs.append(
                Manifest.Input(member: second.member, revision: second.revision, fileHash: second.fileHash))
            let path = FileIO.join(
                layout.second, RoundLayout.secondFileName(member: second.member, revision: second.revision))
            for row in second.rows {
                guard assignees[row.cell] == second.member,
                    let preliminary = opened.submissions[second.member]?.first(where: { $0.cell == row.cell })
                else {
                    throw MergeError(.secondMismatch, [.file(path), .text("\(row.cell.unit)/\(row.cell.code)")])
                }
                let name = "\(row.cell.unit)/\(row.cell.code)"
                switch (row.forwarded, forwardedFile[row.cell]) {
                case (let answered?, let expected?) where answered == expected: break
                case (nil, nil) where allowUnexplained.contains(row.cell) && disputed[row.cell] == nil: break
                case (nil, nil) where disputed[row.cell] == nil:
                    throw MergeError(
                        .unexplainedChange, [.file(path), .text(name)],
                        hint: ErrorHint(.allowUnexplained, [.text(name)]))
                default: throw MergeError(.secondMismatch, [.file(path), .text(name)])
                }
                guard row.kept == (row.score == preliminary.score), row.forwarded != nil || !row.kept else {
                    throw MergeError(.secondMismatch, [.file(path), .text(name)])
                }
                // A change obeys the cell's rules as a round-1 row does (§3.3): 0 to max, on the step.
                if !row.kept {
                    guard let sub = round.plan.subCriterion(unit: row.cell.unit, code: row.cell.code),
                        !row.score.isNegative, row.score <= sub.max, row.score.isMultiple(of: sub.step)
                    else { throw MergeError(.secondMismatch, [.file(path), .text(name)]) }
                }
                decisions[row.cell] = (row, second.fileHash)
            }
        }
        // An allowed exception no row uses is a typo or a withdrawn change: said, not ignored.
        for cell in allowUnexplained.sorted(by: { ($0.unit, $0.code) < ($1.unit, $1.code) })
        where decisions[cell]?.row.forwarded != nil || decisions[cell] == nil {
            throw MergeError(.exceptionUnused, [.text("\(cell.unit)/\(cell.code)")])
        }
        let missing = forwardedFile.keys.filter { decisions[$0] == nil }
        if !missing.isEmpty, !allowIncomplete {
            let named = missing.sorted { ($0.unit, $0.code) < ($1.unit, $1.code) }.prefix(10)
                .map { "\(assignees[$0] ?? ""): \($0.unit)/\($0.code)" }
            throw MergeError(
                .secondMissing, [.text(String(missing.count)), .text(named.joined(separator: "; "))],
                hint: ErrorHint(.allowIncomplete))
        }
        // Apply the decisions and keep the history, in unit and framework order.
        for unit in round.units {
            guard let framework = round.plan.framework(unit: unit.id) else { continue }
            for code in (framework.subCriteria + framework.bonusAndPenalty).map(\.code) {
                let cell = Cell(unit: unit.id, code: code)
                let decision = decisions[cell]
                guard disputed[cell] != nil || decision != nil, let member = assignees[cell],
                    let rows = out.submissions[member], let index = rows.firstIndex(where: { $0.cell == cell })
                else { continue }
                let preliminary = rows[index]
                if let (row, _) = decision, !row.kept {
                    out.submissions[member]![index] = Appraisal(
                        unit: cell.unit, code: cell.code, score: row.score, reason: row.reason)
                }
                if decision?.row.forwarded == nil, decision != nil { out.exceptions.append(cell) }
                let explained = disputed[cell].map { d in
                    Results.History.Explained(
                        fileHash: d.explanation, forwarded: forwardedFile[cell], text: d.answer.text,
                        attachments: d.answer.attachments)
                }
                out.history.append(
                    Results.History(
                        unit: cell.unit, code: cell.code, member: member, preliminaryScore: preliminary.score,
                        preliminaryReason: preliminary.reason,
                        explanation: explained,
                        final: decision.map {
                            Results.History.Final(
                                kept: $0.row.kept, score: $0.row.score, reason: $0.row.reason, file: $0.file)
                        }))
            }
        }
        out.explanations.sort { $0.sender < $1.sender }
        out.explanationInputs.sort { $0.unit < $1.unit }
        return out
    }

    /// The live second-round files (the highest revision of each member's `receive-second`
    /// entries, §12.6), opened with the secretary's key, as the merge uses them.
    static func openLiveSecond(
        roundDirectory: String, round: RoundDefinition, journal: [RoundJournal.Entry], secretary: SecretIdentity
    ) throws -> [OpenedSecond] {
        let layout = RoundLayout(roundDirectory)
        var out = [OpenedSecond]()
        for (member, entry) in liveEntries(journal, event: .receiveSecond, sender: "member").sorted(by: {
            $0.key < $1.key
        }) {
            let path = FileIO.join(layout.second, RoundLayout.secondFileName(member: member, revision: entry.revision))
            let file = try SecondAppraisalFile.load(path)
            guard file.fileHash == entry.fileHash, file.member == member else {
                throw MergeError(.contentMismatch, [.file(path)])
            }
            try file.checkBinding(to: round)
            let (second, signed) = try file.openSigned(with: secretary)
            out.append(
                OpenedSecond(
                    member: member, revision: entry.revision, fileHash: entry.fileHash,
                    rows: try second.rows.map { try SecondRow($0, file: path) }, signed: signed))
        }
        return out
    }
}

extension RoundMerge.SecondRow {
    /// A row of a second-round file: `keep` without a score keeps the round-1 score (the merge
    /// fills it in); `change` needs one.
    init(_ row: SecondAppraisal.Row, file: String) throws {
        guard let score = row.score else {
            throw MergeError(.secondMismatch, [.file(file), .text("\(row.unit)/\(row.code)")])
        }
        self.init(
            cell: row.cell, kept: row.decision == .keep, score: score, reason: row.reason, forwarded: row.explanation)
    }
}
