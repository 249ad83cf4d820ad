internal import VaultCrypto

/// Spec §9.3 check 24: after release, every merged submission's signed content, carried in the
/// locked results (§6.4), is checked against its member's inner signature (the submission file's
/// header is public), every appraised cell of the results against it, and every signed row
/// against the results (a signed score the results leave out, e.g. a dropped penalty, fails).
/// With checks 20–23 this recomputes every figure from member-signed content, without the
/// secretary's key.
extension RoundVerification {
    mutating func checkSignedSubmissions(_ r: Results, manifest: Manifest) {
        let subject = RoundLayout.resultsFileName
        let listed = manifest.submissions.map { "\($0.member).r\($0.revision) \(Hex.encode($0.fileHash))" }
        let carried = r.submissions.map { "\($0.member).r\($0.revision) \(Hex.encode($0.fileHash))" }
        guard listed.sorted() == carried.sorted() else {
            return fail(
                "results.signed", subject, .signedSubmissionsDiffer, [String(carried.count), String(listed.count)])
        }
        var problems = Problems()
        var rows = [String: [Cell: Appraisal]]()
        for s in r.submissions {
            let name = RoundLayout.submissionFileName(member: s.member, revision: s.revision)
            let relative = RoundLayout.submissionsFolder + "/" + name
            let bytes = s.contentBytes
            guard
                let file = try? FileIO.read(
                    path(RoundLayout.submissionsFolder, name), maxBytes: Inbox.maxSubmissionSize),
                let envelope = try? SealedEnvelope(parsing: file, expecting: .submission, file: relative),
                envelope.fileHash == s.fileHash, envelope.isInnerSignature(s.innerSignature, over: bytes),
                let content = try? SubmissionContent(parsing: bytes, file: relative),
                content.member == s.member, content.revision == s.revision, content.round == round.fileHash,
                envelope.header.sender == s.member
            else {
                problems.append((relative, Notice(VerificationReport.Finding.signedContentBad, [.text(relative)])))
                continue
            }
            var byCell = [Cell: Appraisal]()
            for row in content.rows { byCell[Cell(unit: row.unit, code: row.code)] = row }
            rows[s.member] = byCell
        }
        signedRows = rows
        var cells = 0
        let history = Dictionary(r.history.map { ($0.cell, $0) }, uniquingKeysWith: { first, _ in first })
        let decided = round.unitKeys.isEmpty ? [:] : verifiedSecondRows(r)
        var appraiserOf = [Cell: String]()
        for u in r.units {
            for c in u.cells where !c.appraiser.isEmpty { appraiserOf[Cell(unit: u.unit, code: c.code)] = c.appraiser }
        }
        // Every signed row is in the results under its member (its score and reason are checked below).
        for (member, byCell) in rows.sorted(by: { $0.key < $1.key }) {
            for cell in byCell.keys.sorted(by: { ($0.unit, $0.code) < ($1.unit, $1.code) })
            where appraiserOf[cell] != member {
                problems.append(
                    (
                        subject,
                        Notice(
                            VerificationReport.Finding.cellNotSigned,
                            [.text(cell.unit), .text(cell.code), .text(member)])
                    ))
            }
        }
        for u in r.units {
            for c in u.cells where !c.appraiser.isEmpty {
                let cell = Cell(unit: u.unit, code: c.code)
                guard let member = rows[c.appraiser] else { continue }  // its content failed above
                cells += 1
                if let row = member[cell], row.score == c.appraised, row.reason == c.reason { continue }
                // A cell the second appraisal changed (§12.7, only in a round with unit keys): the
                // released value is the member's own signed second-round row; check 26 ties that
                // row to the unit's explanation and its forward.
                if let row = member[cell], let h = history[cell], h.member == c.appraiser,
                    h.preliminaryScore == row.score, h.preliminaryReason == row.reason, let f = h.final, !f.kept,
                    f.score == c.appraised, f.reason == c.reason, let d = decided[cell], d.member == c.appraiser,
                    d.file == f.file, !d.row.kept, d.row.score == f.score, d.row.reason == f.reason
                {
                    continue
                }
                problems.append(
                    (
                        subject,
                        Notice(
                            VerificationReport.Finding.cellNotSigned,
                            [.text(u.unit), .text(c.code), .text(c.appraiser)])
                    )
                )
            }
        }
        report(
            "results.signed", problems, subject: subject,
            ok: Notice(
                VerificationReport.Finding.signedSubmissionsOK,
                [.text(String(r.submissions.count)), .text(String(cells))]))
    }
}
