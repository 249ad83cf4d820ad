/// Running the demo round end to end.
extension DemoRound {
    /// Runs every step of the round in `directory` (which must not exist or be empty) and returns
    /// the path of the HTML report. `log` receives a few lines per step.
    public static func run(
        directory: String, samples: String, keys: String, log: (Notice) -> Void
    ) throws -> String {
        try RoundFolder.checkNew(directory)
        try FileIO.makeDirectory(directory, mode: 0o755)
        let roundDir = FileIO.join(directory, "round")
        func step(_ n: Int, _ title: String) { log(Notice(Notice.Code.demoStep, [.text(String(n)), .text(title)])) }
        func key(_ id: String) -> String { FileIO.join(keys, "\(id).key") }

        // 0. The holders' key ceremony (spec §4): plan, dealings, acknowledgements.
        step(0, "ceremony begin + deal + ack (thư ký, người giữ khoá / secretary, holders)")
        let secretary = try unlock(key("thu-ky"))
        let ceremony = FileIO.join(directory, "ceremony")
        try CeremonyFolder.holdAll(
            at: ceremony, holders: try holderIDs.map { try unlock(key($0)) }, threshold: 2,
            secretary: secretary.identity)
        let finished = try CeremonyFolder.finish(ceremony: ceremony)
        log(finished.summary)

        // 1. Round set-up by the secretary.
        step(1, "round init (thư ký / secretary)")
        var sources = RoundSetup.Sources(
            frameworks: criteriaSets.map { "\($0.id)=\(FileIO.join(samples, $0.file))" },
            setGroups: criteriaSets.map { "\($0.id)=\($0.group)" },
            units: FileIO.join(samples, "units-dien-bien.csv"),
            selfAssessment: FileIO.join(samples, "self-assessment-demo.csv"),
            members: FileIO.join(samples, "members-demo.csv"),
            ceremony: ceremony,
            title: "Thẩm định Chỉ số CCHC năm 2025 (vòng demo)", year: 2025,
            references: ["Quyết định số 04/QĐ-UBND (minh hoạ)"], isDemo: true)
        sources.unitKeys = try writeUnitKeys(in: directory, keys: keys)
        let setup: RoundSetup
        do { setup = try RoundSetup.load(sources) } catch { throw error.errors.first ?? CryptoError(step: "setup") }
        let round = try RoundFolder.create(setup, secretary: secretary, at: roundDir)
        log(Notice(Notice.Code.roundFingerprintLine, [.text(round.fingerprint.description)]))

        // 2. Worksheets, filled and sealed by the 8 members.
        step(2, "worksheet + seal (thành viên / members)")
        let sheets = FileIO.join(directory, "worksheets")
        let outbox = FileIO.join(directory, "outbox")
        try FileIO.makeDirectory(sheets, mode: 0o700)
        try FileIO.makeDirectory(outbox, mode: 0o755)
        var sealedFiles = [String]()
        for member in round.members {
            let appraisals = appraisals(for: member, in: round)
            var rows = Worksheet.rows(for: member, in: round)
            for (i, a) in appraisals.enumerated() {
                rows[i + 1][6] = a.score.description.replacingDotWithComma
                rows[i + 1][7] = a.reason
            }
            let sheetPath = FileIO.join(sheets, "\(member.id).csv")
            try FileIO.writeAtomically(CSV.write(rows, byteOrderMark: true), to: sheetPath, mode: 0o600)
            let (checked, findings) = try Sealing.check(
                worksheet: FileIO.read(sheetPath, maxBytes: 64 << 20), file: sheetPath, round: round,
                memberID: member.id)
            guard findings.isEmpty else {
                throw SubmissionError(.sealProblems, [.file(sheetPath), .text(String(findings.count))])
            }
            let identity = try unlock(key(member.id))
            let sealed = try Sealing.seal(checked, round: round, member: identity, revision: 1)
            let path = FileIO.join(outbox, RoundLayout.submissionFileName(member: member.id, revision: 1))
            try FileIO.writeAtomically(sealed, to: path, mode: 0o644)
            sealedFiles.append(path)
            log(
                Notice(
                    Notice.Code.demoFilled,
                    [
                        .member(member.id), .text(String(appraisals.count)),
                        .text(String(appraisals.filter { !$0.reason.isEmpty }.count)),
                    ]))
        }

        // 3. Receive.
        step(3, "receive + status (thư ký / secretary)")
        let inbox = Inbox(roundDirectory: roundDir, roster: round.roster)
        // One batch, as `avault receive`: it also writes the receipts (spec §11.3).
        let batch = try inbox.receive(sealedFiles, secretary: secretary)
        for item in batch.items { _ = try item.result.get() }
        if let error = batch.receiptError { throw error }
        log(Notice(Notice.Code.receiveSummary, [.text(String(sealedFiles.count)), .text("0")]))

        // 4–7. The explanation round (spec §12): notices, explanations, forward, second appraisal.
        try runExplanationRound(
            directory: directory, roundDir: roundDir, round: round, secretary: secretary,
            unlock: { try unlock(key($0)) },
            step: step, log: log)

        // 8. The survey scores into the round (spec §6.6), then merge.
        step(8, "survey import + merge (thư ký / secretary): the final merge keeps the history")
        let surveyPath = FileIO.join(directory, "survey.csv")
        let scores = surveyScores(for: round)
        let surveyRows =
            [["unit", "code", "score"]]
            + scores.keys.sorted(by: SurveyScores.precedes).map {
                [$0.unit, $0.code, scores[$0]!.description.replacingDotWithComma]
            }
        try FileIO.writeAtomically(
            CSV.write(surveyRows, separator: CSV.semicolon, byteOrderMark: true), to: surveyPath, mode: 0o600)
        let imported = try SurveyImport.run(
            roundDirectory: roundDir, round: round, file: surveyPath, unlock: { secretary })
        log(Notice(Notice.Code.surveyImported, [.text(String(imported.scores)), .text(String(imported.revision))]))
        let report = try RoundMerge.run(
            roundDirectory: roundDir, secretary: secretary, withoutSurvey: false, allowIncomplete: false)
        let c = report.coverage
        log(
            Notice(
                Notice.Code.mergeCoverage,
                [
                    .text(String(c.appraised)), .text(String(c.appraisable)), .text(String(c.gaps.count)),
                    .text(String(c.conflicts.count)),
                ]))

        // 9–10. Two of three holders approve; the approvals combine into the token.
        step(9, "release approve (người giữ khoá / holders, 2/3)")
        let merged = try ReleaseFolder.loadMerged(roundDir)
        let approvalsOut = FileIO.join(directory, RoundLayout.approvalsFolder)
        try FileIO.makeDirectory(approvalsOut, mode: 0o700)
        var approvalFiles = [String]()
        for id in approvingHolders {
            let holder = try unlock(key(id))
            let path = FileIO.join(approvalsOut, RoundLayout.approvalFileName(holder: id))
            try FileIO.writeAtomically(
                try ReleaseFolder.approve(merged, holder: holder, decision: decision), to: path, mode: 0o600)
            approvalFiles.append(path)
            log(Notice(Notice.Code.demoApproved, [.text(holder.identity.name), .text(decision)]))
        }
        // The first approving holder also checkpoints the journal (spec §11.4).
        if let first = approvingHolders.first {
            _ = try Checkpoint.create(
                roundDirectory: roundDir, round: round,
                keyFile: try KeyFile(parsing: FileIO.read(key(first), maxBytes: KeyFile.maxFileSize), file: key(first)),
                unlock: { _ in try unlock(key(first)) })
        }
        step(10, "release combine")
        let combined = try ReleaseFolder.combine(merged, roundDirectory: roundDir, approvals: approvalFiles)
        let tokenPath = FileIO.join(roundDir, RoundLayout.tokenFileName)
        try FileIO.writeAtomically(combined.bytes, to: tokenPath, mode: 0o600)
        log(Notice(Notice.Code.combineWrote, [.file(tokenPath)]))

        // 11. Open and report.
        step(11, "open + report")
        let (results, token) = try ReleaseFolder.open(merged, tokenPath: tokenPath)
        let resultsPath = FileIO.join(directory, "results.json")
        try FileIO.writeAtomically(results.canonicalJSON() + [0x0a], to: resultsPath, mode: 0o600)
        let rendered = ResultsReport(
            round: round, results: results, decision: token.decision, releasedAt: token.created)
        let html = FileIO.join(directory, "report.html")
        try FileIO.writeAtomically(Array(rendered.html().utf8), to: html, mode: 0o644)
        try FileIO.writeAtomically(rendered.csv(), to: FileIO.join(directory, "report.csv"), mode: 0o644)
        try FileIO.writeAtomically(rendered.json(), to: FileIO.join(directory, "report.json"), mode: 0o644)
        log(Notice(Notice.Code.openWrote, [.text(String(results.units.count)), .file(resultsPath)]))
        for notice in rankingNotices(rendered) { log(notice) }
        log(
            Notice(
                Notice.Code.demoHistory,
                [
                    .text(String(results.history.count)),
                    .text(String(results.history.filter { $0.final?.kept == false }.count)),
                ]))

        // 12. The auditor's verification of the whole folder, with the fingerprint read by phone.
        step(12, "verify (kiểm tra viên / auditor)")
        let verification = try RoundVerifier.verify(roundDirectory: roundDir, expectedFingerprint: round.fingerprint)
        let failed = verification.checks.filter { !$0.passed }
        log(
            Notice(
                Notice.Code.demoVerified,
                [.text(String(verification.checks.count - failed.count)), .text(String(verification.checks.count))]))
        guard failed.isEmpty else {
            throw DemoError(.verifyFailed, [.text(failed.map(\.id).joined(separator: ", "))])
        }
        return html
    }
}

extension String {
    /// `0.25` → `0,25`: the demo members type Vietnamese decimals, as real ones would.
    var replacingDotWithComma: String { String(map { $0 == "." ? "," : $0 }) }
}
