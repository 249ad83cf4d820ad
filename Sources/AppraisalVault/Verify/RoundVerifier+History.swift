internal import VaultCrypto

/// Spec §9.3 check 26 (`results.history`, §12.8): after release, the explanation round's chain
/// from public data and the released results: each explanation as its unit signed it, covering
/// only contested cells of its own notice; each forward journaled to the member the round
/// assigns the cell; each second-round decision as its member signed it, answering that forward;
/// each changed cell traced to a decision, and each change nobody explained allowed in the
/// manifest.
extension RoundVerification {
    mutating func checkHistory(_ r: Results, manifest: Manifest) {
        let id = "results.history"
        let subject = RoundLayout.resultsFileName
        guard !round.unitKeys.isEmpty else {
            // No explanation round: nothing may claim one (a history would let check 24 accept
            // a changed cell).
            if !r.history.isEmpty || !r.explanations.isEmpty || !r.second.isEmpty || !manifest.exceptions.isEmpty {
                fail(id, subject, .historyWithoutExplanationRound, [subject])
            }
            return
        }
        var problems = Problems()
        func problem(_ finding: VerificationReport.Finding, _ args: [String], at location: String = subject) {
            problems.append((location, Notice(finding, args.map(ErrorContext.Value.text))))
        }
        let listedExplanations = manifest.explanations.map { "\($0.unit).r\($0.revision) \(Hex.encode($0.fileHash))" }
        let carriedExplanations = r.explanations.map { "\($0.sender).r\($0.revision) \(Hex.encode($0.fileHash))" }
        let listedSecond = manifest.second.map { "\($0.member).r\($0.revision) \(Hex.encode($0.fileHash))" }
        let carriedSecond = r.second.map { "\($0.sender).r\($0.revision) \(Hex.encode($0.fileHash))" }
        guard listedExplanations.sorted() == carriedExplanations.sorted(),
            listedSecond.sorted() == carriedSecond.sorted()
        else {
            return fail(id, subject, .historyFilesDiffer, [subject])
        }
        // The round-1 rows whose signatures check 24 verified.
        var preliminary = [Cell: Appraisal]()
        for rows in signedRows.values { for (cell, row) in rows { preliminary[cell] = row } }
        let assignees = round.plan.assignees
        // The explanations, as signed: only contested cells of the unit's own notice.
        var disputed = [Cell: (answer: UnitExplanation.Answer, fileHash: [UInt8])]()
        for s in r.explanations {
            let name = RoundLayout.explanationFileName(unit: s.sender, revision: s.revision)
            let relative = RoundLayout.explanationsFolder + "/" + name
            let bytes = CanonicalJSON.serialize(s.content)
            guard let file = try? ExplanationFile.load(path(RoundLayout.explanationsFolder, name)),
                file.fileHash == s.fileHash, file.envelope.isInnerSignature(s.innerSignature, over: bytes),
                let explanation = try? UnitExplanation(parsing: bytes, file: relative),
                explanation.unit == s.sender, explanation.revision == s.revision, explanation.round == round.fileHash,
                explanation.notice == file.notice, file.unit == s.sender
            else {
                problem(.signedContentBad, [relative], at: relative)
                continue
            }
            let framework = round.plan.framework(unit: s.sender)
            for answer in explanation.answers {
                let cell = Cell(unit: s.sender, code: answer.code)
                // A cell of the unit's notice (not a survey cell), contested: its preliminary score
                // differs from the self score (§12.3).
                guard
                    let sub = framework?.subCriterion(answer.code)
                        ?? framework?.bonusAndPenalty.first(where: {
                            $0.code == answer.code
                        }), sub.method != .survey, let row = preliminary[cell],
                    sub.method != .selfAssessed
                        || round.selfAssessment.score(unit: s.sender, code: answer.code) != row.score
                else {
                    problem(.historyNotContested, [s.sender, answer.code], at: relative)
                    continue
                }
                if !answer.agree { disputed[cell] = (answer, s.fileHash) }
            }
        }
        // The second-round rows, as signed, each for a cell the round assigns its member.
        var decided = [Cell: (row: RoundMerge.SecondRow, file: [UInt8], member: String)]()
        for s in r.second {
            let name = RoundLayout.secondFileName(member: s.sender, revision: s.revision)
            guard let rows = secondRows(s) else {
                problem(.signedContentBad, [name], at: "second/" + name)
                continue
            }
            for row in rows {
                guard assignees[row.cell] == s.sender, decided[row.cell] == nil else {
                    problem(
                        .historyEntryBad, ["\(row.cell.unit)/\(row.cell.code)", "second/" + name], at: "second/" + name)
                    continue
                }
                decided[row.cell] = (row, s.fileHash, s.sender)
            }
        }
        let forwards = (journal ?? []).compactMap(RoundMerge.ForwardEntry.init)
        // The history in unit order, then the framework's cell order (§6.4).
        var order = [Cell: (Int, Int)]()
        for (i, unit) in round.units.enumerated() {
            let framework = round.plan.framework(unit: unit.id)
            let cells = (framework?.subCriteria ?? []) + (framework?.bonusAndPenalty ?? [])
            for (j, sub) in cells.enumerated() { order[Cell(unit: unit.id, code: sub.code)] = (i, j) }
        }
        let positions = r.history.map { order[$0.cell] ?? (Int.max, Int.max) }
        if zip(positions, positions.dropFirst()).contains(where: { !($0 < $1) }) {
            problem(.historyEntryBad, ["history", "order"])
        }
        let exceptions = Set(manifest.exceptions)
        var cells = [Cell: Results.CellResult]()
        for u in r.units { for c in u.cells { cells[Cell(unit: u.unit, code: c.code)] = c } }
        var byCell = [Cell: Results.History]()
        for h in r.history {
            let cell = h.cell
            let name = "\(h.unit)/\(h.code)"
            guard byCell[cell] == nil else {
                problem(.historyEntryBad, [name, "twice"])
                continue
            }
            byCell[cell] = h
            guard assignees[cell] == h.member else {
                problem(.historyWrongMember, [name, h.member])
                continue
            }
            guard let row = preliminary[cell], row.score == h.preliminaryScore, row.reason == h.preliminaryReason
            else {
                problem(.historyEntryBad, [name, "preliminary"])
                continue
            }
            // A disputed cell keeps its explanation: it can never be recorded as an exception.
            if disputed[cell] != nil, h.explanation == nil {
                problem(.historyEntryBad, [name, "exception"])
                continue
            }
            if let e = h.explanation {
                guard let d = disputed[cell], d.fileHash == e.fileHash, d.answer.text == e.text,
                    d.answer.attachments == e.attachments
                else {
                    problem(.historyEntryBad, [name, "explanation"])
                    continue
                }
            }
            if let e = h.explanation, e.forwarded == nil {
                // Never forwarded (merged with `--allow-incomplete`): no decision can answer it. The
                // dispute stays visible: here after release, and before it as a received
                // explanation without a `forward` entry in the public journal.
                guard h.final == nil else {
                    problem(.historyEntryBad, [name, "forwarded"])
                    continue
                }
            } else if let e = h.explanation, let forwarded = e.forwarded {
                // The forward the merge uses: the last one of this explanation to this member.
                guard let forward = forwards.first(where: { $0.fileHash == forwarded && $0.unit == h.unit }),
                    forward.explanation == e.fileHash
                else {
                    problem(.historyEntryBad, [name, "forwarded"])
                    continue
                }
                guard forward.member == h.member else {
                    problem(.historyWrongMember, [name, forward.member])
                    continue
                }
                guard
                    forwards.last(where: {
                        $0.unit == h.unit && $0.member == h.member && $0.explanation == e.fileHash
                    })?.fileHash == forwarded
                else {
                    problem(.historyEntryBad, [name, "forwarded"])
                    continue
                }
            } else if !exceptions.contains(cell) {
                problem(.historyEntryBad, [name, "exception"])
                continue
            }
            // The released cell is the decision's (a change) or the preliminary row's.
            let final = h.final.flatMap { $0.kept ? nil : $0 }
            guard let released = cells[cell], released.appraised == (final?.score ?? row.score),
                released.reason == (final?.reason ?? row.reason)
            else {
                problem(.historyEntryBad, [name, "results"])
                continue
            }
            // The decision, as the member signed it, answering this forward.
            let decision = decided[cell]
            switch (h.final, decision) {
            case (nil, nil):
                guard h.explanation != nil else {
                    problem(.historyEntryBad, [name, "final"])
                    continue
                }
            case (let f?, let d?):
                guard d.member == h.member, d.file == f.file, d.row.kept == f.kept, d.row.score == f.score,
                    d.row.reason == f.reason, d.row.forwarded == h.explanation?.forwarded,
                    f.kept == (f.score == h.preliminaryScore), h.explanation != nil || !f.kept
                else {
                    problem(.historyEntryBad, [name, "final"])
                    continue
                }
            default:
                problem(.historyEntryBad, [name, "final"])
                continue
            }
        }
        // Nothing explained or decided outside the history; every exception used.
        let recorded = Set(disputed.keys).union(decided.keys).sorted { ($0.unit, $0.code) < ($1.unit, $1.code) }
        for cell in recorded where byCell[cell] == nil {
            problem(.historyEntryBad, ["\(cell.unit)/\(cell.code)", "missing"])
        }
        for cell in exceptions where byCell[cell]?.explanation != nil || byCell[cell] == nil || disputed[cell] != nil {
            problem(.historyEntryBad, ["\(cell.unit)/\(cell.code)", "exception"])
        }
        problems.sort { $0.subject < $1.subject }
        let changed = r.history.filter { $0.final?.kept == false }.count
        report(
            id, problems, subject: subject,
            ok: Notice(
                VerificationReport.Finding.historyOK,
                [.text(String(r.history.count)), .text(String(changed)), .text(String(manifest.exceptions.count))]))
    }

    /// The second-round rows carried in the results whose signatures verify, each for a cell the
    /// round assigns its sender, by cell (a cell in two files counts for neither).
    func verifiedSecondRows(_ r: Results) -> [Cell: (member: String, row: RoundMerge.SecondRow, file: [UInt8])] {
        let assignees = round.plan.assignees
        var out = [Cell: (member: String, row: RoundMerge.SecondRow, file: [UInt8])]()
        var twice = Set<Cell>()
        for s in r.second {
            for row in secondRows(s) ?? [] where assignees[row.cell] == s.sender {
                if out[row.cell] != nil { twice.insert(row.cell) }
                out[row.cell] = (s.sender, row, s.fileHash)
            }
        }
        for cell in twice { out[cell] = nil }
        return out
    }

    /// The rows of a second-round file carried in the results, when it is the file in `second/`
    /// with that hash and its inner signature verifies over the carried content; nil otherwise.
    func secondRows(_ s: Results.SignedFile) -> [RoundMerge.SecondRow]? {
        let name = RoundLayout.secondFileName(member: s.sender, revision: s.revision)
        let relative = RoundLayout.secondFolder + "/" + name
        let bytes = CanonicalJSON.serialize(s.content)
        guard let file = try? SecondAppraisalFile.load(path(RoundLayout.secondFolder, name)),
            file.fileHash == s.fileHash, file.member == s.sender,
            file.envelope.isInnerSignature(s.innerSignature, over: bytes),
            let second = try? SecondAppraisal(parsing: bytes, file: relative),
            second.member == s.sender, second.revision == s.revision, second.round == round.fileHash
        else { return nil }
        return try? second.rows.map { try RoundMerge.SecondRow($0, file: relative) }
    }
}
