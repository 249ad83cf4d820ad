internal import VaultCrypto

/// The secretary's merge over a round folder (spec §6.5): verify and open every live
/// submission, re-check it, merge, lock the results to the release key, sign the manifest and
/// journal it. Nothing it prints or writes in the clear contains a score or a reason.
public enum RoundMerge {
    /// What the merge did, for printing (counts only).
    public struct Report: Sendable {
        /// Submissions merged.
        public let submissions: Int
        /// Coverage of the appraisable cells.
        public let coverage: Coverage
        /// Where the locked results were written.
        public let resultsPath: String
        /// Where the manifest was written.
        public let manifestPath: String
        /// Evidence files listed in the manifest.
        public internal(set) var evidence: Int = 0
        /// The explanation round's counts (spec §12.7): cells explained, kept, changed, and the
        /// allowed exceptions; nil for a round merged without one.
        public internal(set) var history: (explained: Int, kept: Int, changed: Int, exceptions: Int)?
        /// Merged without a survey: each distinct pair of a unit's counted maximum (the index is
        /// over it) and its framework's full maximum, where they differ; empty otherwise.
        public internal(set) var reducedMaxima: [(counted: Points, full: Points)] = []
    }

    /// The distinct (counted, full) maxima of the units whose survey items were left out, from
    /// each unit's counted maximum and the sum of its cells' maxima.
    static func reducedMaxima(_ units: [(counted: Points, full: Points)]) -> [(counted: Points, full: Points)] {
        var out = [(counted: Points, full: Points)]()
        for (counted, full) in units where full != counted {
            if !out.contains(where: { $0.counted == counted && $0.full == full }) { out.append((counted, full)) }
        }
        return out
    }

    /// `avault merge`: unlocks the secretary's key and runs the merge.
    ///
    /// - Parameters:
    ///   - roundDirectory: the round folder.
    ///   - round: its verified definition.
    ///   - withoutSurvey: merge a round with survey sub-criteria and no imported survey on purpose
    ///     (`--without-survey`): survey items then leave the maximum.
    ///   - allowIncomplete: merge even with gaps or conflicts (and, after an explanation round,
    ///     with explained cells that have no second-round decision).
    ///   - explanation: the secretary's choices about the explanation round (spec §12.7).
    ///   - unlock: unlocks the secretary's key (asks for the passphrase).
    /// - Returns: what the merge did: the submissions merged, the coverage, where the locked results
    ///   and the manifest were written, the evidence files listed and the history's counts.
    /// - Throws: ``MergeError`` `merge.survey-missing`, `merge.survey-not-used`, the explanation
    ///   round's refusals (``secondRound(roundDirectory:round:journal:opened:secretary:skipExplanation:allowUnexplained:allowIncomplete:)``),
    ///   or as ``run(roundDirectory:secretary:withoutSurvey:allowIncomplete:explanation:created:using:)``.
    public static func run(
        roundDirectory: String, round: RoundDefinition, withoutSurvey: Bool, allowIncomplete: Bool,
        explanation: ExplanationChoice = ExplanationChoice(), unlock: () throws -> SecretIdentity
    ) throws -> Report {
        try run(
            roundDirectory: roundDirectory, secretary: unlock(), withoutSurvey: withoutSurvey,
            allowIncomplete: allowIncomplete, explanation: explanation)
    }

    /// The secretary's choices about the explanation round at the final merge (spec §12.7).
    public struct ExplanationChoice: Sendable {
        /// Merge a round with unit keys without a preliminary merge (`--skip-explanation`).
        public var skip: Bool
        /// Second-round changes nobody explained that the council allowed
        /// (`--allow-unexplained-change UNIT/CODE`), journaled.
        public var allowUnexplained: Set<Cell>

        public init(skip: Bool = false, allowUnexplained: Set<Cell> = []) {
            self.skip = skip
            self.allowUnexplained = allowUnexplained
        }
    }

    /// A round whose frameworks have survey items is merged with the imported survey, or without
    /// one only when the secretary says so; `--without-survey` with an imported survey is refused
    /// too (never silent, §6.5 step 1). Checked under the lock, after the journal's freshness and
    /// before any submission is opened.
    static func checkSurveyChoice(
        roundDirectory: String, round: RoundDefinition, imported: Bool, withoutSurvey: Bool
    ) throws {
        if withoutSurvey, imported {
            throw MergeError(.surveyNotUsed, [.file(RoundLayout(roundDirectory).survey)])
        }
        if !withoutSurvey, !imported, round.hasSurveyItems {
            throw MergeError(
                .surveyMissing, [.file(roundDirectory), .text(String(round.units.count))],
                hint: ErrorHint(.importSurvey))
        }
    }

    /// Runs the merge, holding the round's lock (``RoundLock``) from the completion of an
    /// interrupted receive to the journal entry.
    ///
    /// - Throws: ``MergeError`` `merge.not-secretary`, `merge.already-merged`, `merge.survey-missing`,
    ///   `merge.survey-not-used`, `merge.survey-content`, ``RoundError``
    ///   `round.locked`, `file.exists` (`results.avl` or `manifest.avm` appeared meanwhile), any
    ///   journal error (also `journal.rolled-back`), any checkpoint error (`checkpoint.not-extended`),
    ///   any envelope or inbox error naming the file, `merge.content-mismatch`, `merge.invalid-content`,
    ///   `merge.incomplete` (with the gaps and conflicts) unless `allowIncomplete`.
    static func run(
        roundDirectory: String, secretary: SecretIdentity, withoutSurvey: Bool, allowIncomplete: Bool,
        explanation: ExplanationChoice = ExplanationChoice(), created: String = Timestamp.now(),
        using random: any RandomSource = SystemRandom()
    ) throws -> Report {
        try RoundLock.exclusive(roundDirectory, command: "merge") {
            try runLocked(
                roundDirectory: roundDirectory, secretary: secretary, withoutSurvey: withoutSurvey,
                allowIncomplete: allowIncomplete, explanation: explanation, created: created, using: random)
        }
    }

    private static func runLocked(
        roundDirectory: String, secretary: SecretIdentity, withoutSurvey: Bool, allowIncomplete: Bool,
        explanation: ExplanationChoice, created: String, using random: any RandomSource
    ) throws -> Report {
        let (round, inbox, journal) = try openForMerge(roundDirectory: roundDirectory, secretary: secretary)
        let manifestPath = FileIO.join(roundDirectory, RoundLayout.manifestFileName)
        if FileIO.exists(manifestPath) {
            // Written but not journaled: an interrupted merge. Complete it if it is consistent.
            return try completeInterrupted(
                roundDirectory: roundDirectory, round: round, journal: journal, secretary: secretary, created: created)
        }
        try checkSurveyChoice(
            roundDirectory: roundDirectory, round: round,
            imported: SurveyImport.lastImport(in: journal.entries) != nil
                || FileIO.exists(RoundLayout(roundDirectory).survey),
            withoutSurvey: withoutSurvey)
        // Without an explanation round each submission is folded into the per-cell arrays as it
        // is checked, and its rows dropped (§12.7 needs them all).
        let opened = try openLive(
            roundDirectory: roundDirectory, round: round, inbox: inbox, secretary: secretary,
            fold: round.unitKeys.isEmpty)
        let (signed, inputs, listed) = (opened.signed, opened.inputs, opened.listed)
        // §12.7: the explanation round's decisions replace the explained cells' scores.
        let second = try secondRound(
            roundDirectory: roundDirectory, round: round, journal: journal.entries, opened: opened,
            secretary: secretary, skipExplanation: explanation.skip, allowUnexplained: explanation.allowUnexplained,
            allowIncomplete: allowIncomplete)
        let submissions = second?.submissions ?? opened.submissions
        let evidence = try Evidence.checkForMerge(roundDirectory: roundDirectory, roster: round.roster, listed: listed)
        // §6.5 step 1: the survey comes from the round (§6.6), never from outside it.
        let survey = try SurveyImport.openForMerge(
            roundDirectory: roundDirectory, round: round, journal: journal.entries, secretary: secretary)
        // Folded: the units are kept without their cells, criteria and fields, which the writer
        // asks the fold for again, one unit at a time.
        var results: Results
        let coverage: Coverage
        var detail: ((Int) -> Results.UnitResult)?
        var unitSizes: [Int]?
        let maxima: [(counted: Points, full: Points)]
        if second == nil, let fold = opened.fold {
            let scores = survey?.scores.scores
            let summary = fold.summary(roundHash: round.fileHash, survey: scores)
            (results, coverage, unitSizes) = (summary.results, fold.coverage(), summary.unitSizes)
            detail = { fold.unitResult($0, survey: scores) }
            maxima = zip(summary.results.units, summary.fullMaxima).map { ($0.maxTotal, $1) }
        } else {
            let outcome = Merge.run(
                round.plan, roundHash: round.fileHash, submissions: submissions, survey: survey?.scores.scores)
            (results, coverage) = (outcome.results, outcome.coverage)
            maxima = outcome.results.units.map { unit in
                var sum = Points.Sum()
                for cell in unit.cells { sum.add(cell.max) }
                return (unit.maxTotal, sum.total)
            }
        }
        results.submissions = signed
        results.survey = survey?.signed
        if let second {
            results.explanations = second.explanations
            results.second = second.second
            results.history = second.history
        }
        if !coverage.isComplete, !allowIncomplete {
            let listed =
                coverage.gaps.prefix(10).map { "\($0.member): \($0.cell.unit) / \($0.cell.code)" }
                + coverage.conflicts.prefix(10).map {
                    "\($0.members.joined(separator: "+")): \($0.cell.unit) / \($0.cell.code)"
                }
            throw MergeError(
                .incomplete,
                [
                    .text(String(coverage.gaps.count)), .text(String(coverage.conflicts.count)),
                    .text(listed.joined(separator: "; ")),
                ], hint: ErrorHint(.allowIncomplete))
        }
        let resultsPath = RoundLayout(roundDirectory).results
        // Both created exclusively (link, never rename over): a results file that no manifest
        // lists is what a merge killed before its manifest left, and nothing can open or cite it
        // (approvals bind the manifest), so it goes; any other is never overwritten. The results
        // are sealed straight into the file (never whole in memory), before the manifest.
        if FileIO.exists(resultsPath), !FileIO.exists(manifestPath) { try FileIO.remove(resultsPath) }
        let resultsHash = try sealResults(
            results, detail: detail, unitSizes: unitSizes, contents: opened.contents, to: resultsPath, round: round,
            secretary: secretary,
            created: created, using: random)
        var manifest = Manifest(
            round: round.fileHash, submissions: inputs, appraisable: coverage.appraisable,
            appraised: coverage.appraised,
            gaps: coverage.gaps.count, conflicts: coverage.conflicts.count, missingMembers: coverage.missingMembers,
            allowIncomplete: allowIncomplete && !coverage.isComplete, surveyAvailable: survey != nil,
            results: resultsHash,
            journalHead: journal.head, created: created, evidence: evidence,
            survey: survey.map { Manifest.SurveyEntry(fileHash: $0.signed.fileHash, revision: $0.signed.revision) })
        manifest.explanations = second?.explanationInputs ?? []
        manifest.second = second?.secondInputs ?? []
        manifest.exceptions = (second?.exceptions ?? []).sorted { ($0.unit, $0.code) < ($1.unit, $1.code) }
        let manifestBytes = try manifest.encoded(signedWith: secretary.signingKey)
        try FileIO.writeAtomically(manifestBytes, to: manifestPath, mode: 0o644)
        try RoundJournal.append(
            roundDirectory: roundDirectory, event: .merge,
            details: mergeDetails(
                manifest: BLAKE2b.hash(manifestBytes, outputLength: 32), results: resultsHash,
                submissions: inputs.count,
                skipped: second == nil && !round.unitKeys.isEmpty, exceptions: manifest.exceptions),
            secretary: secretary, at: created, knownRoundHash: round.fileHash)
        var report = Report(
            submissions: inputs.count, coverage: coverage, resultsPath: resultsPath, manifestPath: manifestPath,
            evidence: evidence.count)
        if survey == nil { report.reducedMaxima = reducedMaxima(maxima) }
        if let history = second?.history {
            report.history = (
                history.filter { $0.explanation != nil }.count, history.filter { $0.final?.kept == true }.count,
                history.filter { $0.final?.kept == false }.count, history.filter { $0.explanation == nil }.count
            )
        }
        return report
    }

    /// The `merge` entry's details (spec §6.5, §12.7), with `manifest` the manifest's file hash:
    /// `explanation: "skipped"` for a round with unit keys merged without its explanation round,
    /// `exceptions` the allowed unexplained changes (`UNIT/CODE`, as the manifest lists them).
    static func mergeDetails(
        manifest: [UInt8], results: [UInt8], submissions: Int, skipped: Bool = false, exceptions: [Cell] = []
    ) -> [String: JSONValue] {
        var details: [String: JSONValue] = [
            "manifest": .hex(manifest), "results": .hex(results),
            "submissions": .integer(Int64(submissions)),
        ]
        if skipped { details["explanation"] = .string("skipped") }
        if !exceptions.isEmpty {
            details["exceptions"] = .array(exceptions.map { .string("\($0.unit)/\($0.code)") })
        }
        return details
    }

    /// Journals a merge whose results and manifest were written but whose journal entry was not
    /// (a kill between the last two steps of §6.5), after checking that the manifest is signed by
    /// the secretary, is for this round, was made on the current journal head, and lists the
    /// results file that is present.
    ///
    /// - Throws: ``MergeError`` `merge.already-merged` when the manifest does not fit (then a person
    ///   has to look: the folder was changed by something other than an interrupted merge).
    static func completeInterrupted(
        roundDirectory: String, round: RoundDefinition, journal: RoundJournal.Contents, secretary: SecretIdentity,
        created: String
    ) throws -> Report {
        let manifestPath = FileIO.join(roundDirectory, RoundLayout.manifestFileName)
        let resultsPath = RoundLayout(roundDirectory).results
        let manifestBytes = try FileIO.read(manifestPath, maxBytes: 16 << 20)
        let manifest = try Manifest(
            parsing: manifestBytes, file: manifestPath, secretaryKey: round.secretary.signingKey)
        let resultsHash =
            FileIO.exists(resultsPath)
            ? BLAKE2b.hash(try FileIO.read(resultsPath, maxBytes: LockedResults.maxFileSize), outputLength: 32) : []
        guard manifest.round == round.fileHash, manifest.journalHead == journal.head, resultsHash == manifest.results
        else {
            throw MergeError(.alreadyMerged, [.file(manifestPath)])
        }
        try RoundJournal.append(
            roundDirectory: roundDirectory, event: .merge,
            details: mergeDetails(
                manifest: BLAKE2b.hash(manifestBytes, outputLength: 32), results: resultsHash,
                submissions: manifest.submissions.count,
                skipped: !round.unitKeys.isEmpty && !journal.entries.contains { $0.kind == .preliminary },
                exceptions: manifest.exceptions),
            secretary: secretary, at: created)
        let coverage = Coverage(
            appraisable: manifest.appraisable, appraised: manifest.appraised, gaps: [], conflicts: [],
            missingMembers: manifest.missingMembers)
        return Report(
            submissions: manifest.submissions.count, coverage: coverage, resultsPath: resultsPath,
            manifestPath: manifestPath)
    }
}
