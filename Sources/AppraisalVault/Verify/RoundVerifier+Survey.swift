internal import VaultCrypto

/// Spec §9.2 check 14a and §9.3 check 25: the imported survey (§6.6), before and after release.
extension RoundVerification {
    /// Check 14a `survey.file`: `survey.avq` is the secretary's, for this round, sealed to the
    /// secretary, the last journaled import, and (after the merge) the one the manifest lists.
    /// Omitted when the round has no survey file, no `survey-import` entry and no manifest entry.
    mutating func checkSurveyFile() {
        let subject = RoundLayout.surveyFileName
        let imports = journal?.filter { $0.kind == .surveyImport } ?? []
        let listed = manifest?.value.survey
        let present = FileIO.exists(path(subject))
        guard present || !imports.isEmpty || listed != nil else { return }
        // The imports chain: revision 1, then each one more, naming the one it replaces.
        for (i, entry) in imports.enumerated() {
            let expected: [String: JSONValue] =
                i == 0 ? [:] : ["supersedes": .integer(Int64(i))]
            guard case .integer(Int64(i + 1))? = entry.details["revision"],
                case .string(let hash)? = entry.details["fileHash"], Hex.decode(hash)?.count == 32,
                entry.details.count == 2 + expected.count, entry.details["supersedes"] == expected["supersedes"]
            else {
                return fail(
                    "survey.file", RoundLayout.journalFileName, .journalEntryMalformed,
                    [String(entry.sequence), entry.event])
            }
        }
        guard present else { return fail("survey.file", subject, .surveyMissing, [subject]) }
        let envelope: SealedEnvelope
        do {
            let bytes = try FileIO.read(path(subject), maxBytes: SurveyScores.maxFileSize)
            envelope = try SealedEnvelope(parsing: bytes, expecting: .survey, file: subject)
        } catch {
            return fail("survey.file", subject, error)
        }
        guard envelope.hasValidOuterSignature else {
            return fail("survey.file", subject, EnvelopeError.Code.badSignature, [subject])
        }
        guard case .sealed(let recipient, _) = envelope.header.keyTransport,
            recipient == round.secretary.encryptionKey, envelope.header.round == round.fileHash,
            envelope.header.sender == round.secretary.id,
            envelope.header.senderSigningKey == round.secretary.signingKey,
            case .integer(let revision)? = envelope.header.context["revision"], envelope.header.context.count == 1
        else { return fail("survey.file", subject, .surveyBinding, [subject]) }
        guard let last = SurveyImport.lastImport(in: imports), last.fileHash == envelope.fileHash,
            Int64(last.revision) == revision
        else { return fail("survey.file", subject, .surveyNotJournaled, [subject]) }
        if manifest != nil {
            guard listed == Manifest.SurveyEntry(fileHash: last.fileHash, revision: last.revision) else {
                return fail("survey.file", subject, .surveyNotListed, [subject, RoundLayout.manifestFileName])
            }
        }
        pass("survey.file", subject, .surveyFileOK, [String(revision)])
    }

    /// Check 25 `results.survey`: the results carry the survey the manifest lists, as the secretary
    /// signed it (inner signature over `survey.avq`'s header), its content fits the round, and
    /// every survey cell has exactly its signed score; without a survey, no survey cell has one.
    mutating func checkSignedSurvey(_ r: Results, manifest: Manifest) {
        let subject = RoundLayout.resultsFileName
        let carried = r.survey.map { Manifest.SurveyEntry(fileHash: $0.fileHash, revision: $0.revision) }
        guard carried == manifest.survey else {
            return fail("results.survey", subject, .surveySignedDiffers, [subject])
        }
        var scores = [Cell: Points]()
        if let s = r.survey {
            let bytes = CanonicalJSON.serialize(s.content)
            let name = RoundLayout.surveyFileName
            guard let file = try? FileIO.read(path(name), maxBytes: SurveyScores.maxFileSize),
                let envelope = try? SealedEnvelope(parsing: file, expecting: .survey, file: name),
                envelope.fileHash == s.fileHash, envelope.header.sender == round.secretary.id,
                envelope.header.senderSigningKey == round.secretary.signingKey,
                envelope.isInnerSignature(s.innerSignature, over: bytes),
                let content = try? SurveyScores(parsing: bytes, file: name), content.revision == s.revision,
                content.mismatch(with: round) == nil
            else { return fail("results.survey", name, .surveyContentBad, [name]) }
            scores = content.scores
        }
        var problems = Problems()
        var cells = 0
        for u in r.units {
            for c in u.cells where c.method == .survey {
                let expected = scores[Cell(unit: u.unit, code: c.code)]
                if expected != nil { cells += 1 }
                if c.appraised == expected { continue }
                problems.append(
                    (subject, Notice(VerificationReport.Finding.surveyCellNotSigned, [.text(u.unit), .text(c.code)])))
            }
        }
        report(
            "results.survey", problems, subject: subject,
            ok: Notice(VerificationReport.Finding.surveySignedOK, [.text(String(cells))]))
    }
}
