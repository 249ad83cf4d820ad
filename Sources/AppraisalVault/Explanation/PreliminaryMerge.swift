internal import VaultCrypto

/// The preliminary merge (spec §12.3): after round 1 is in, the secretary opens every live
/// submission as the final merge does, and writes for each unit with a key its own notice,
/// sealed to that unit only; the journal entry `preliminary` is the commit point. Nothing it
/// prints contains a score or a reason.
public enum PreliminaryMerge {
    /// What the preliminary merge did, for printing (counts and ids only).
    public struct Report: Sendable {
        /// The notices written, `(unit, path)`, in round order.
        public let notices: [(unit: String, path: String)]
        /// The units without a key: no notice (spec §12.1).
        public let withoutKey: [String]
        /// The submissions the notices describe.
        public let submissions: Int
    }

    /// Runs the preliminary merge, holding the round's lock.
    ///
    /// - Parameters:
    ///   - roundDirectory: the round folder.
    ///   - secretary: the unlocked secretary identity.
    ///   - answerBy: the answer deadline, a §1.3 timestamp.
    /// - Returns: the notices written and the units without a key.
    /// - Throws: ``ExplanationError`` `merge.no-unit-keys`, `merge.preliminary-done`,
    ///   `merge.bad-deadline`; ``MergeError`` `merge.not-secretary`, `merge.already-journaled`,
    ///   `merge.incomplete`, and every error of opening the submissions (§6.5 steps 1–2).
    public static func run(roundDirectory: String, secretary: SecretIdentity, answerBy: String) throws -> Report {
        try run(
            roundDirectory: roundDirectory, secretary: secretary, answerBy: answerBy, created: Timestamp.now(),
            using: SystemRandom())
    }

    /// ``run(roundDirectory:secretary:answerBy:)`` at `created`, with `random` for the envelopes.
    static func run(
        roundDirectory: String, secretary: SecretIdentity, answerBy: String, created: String,
        using random: any RandomSource
    ) throws -> Report {
        guard Timestamp.isValid(answerBy) else { throw ExplanationError(.badDeadline, [.text(answerBy)]) }
        return try RoundLock.exclusive(roundDirectory, command: "merge") {
            try runLocked(
                roundDirectory: roundDirectory, secretary: secretary, answerBy: answerBy, created: created,
                using: random)
        }
    }

    private static func runLocked(
        roundDirectory: String, secretary: SecretIdentity, answerBy: String, created: String,
        using random: any RandomSource
    ) throws -> Report {
        let (round, inbox, journal) = try RoundMerge.openForMerge(roundDirectory: roundDirectory, secretary: secretary)
        guard !round.unitKeys.isEmpty else { throw ExplanationError(.noUnitKeys, [.file(roundDirectory)]) }
        let journalPath = FileIO.join(roundDirectory, RoundLayout.journalFileName)
        guard !journal.entries.contains(where: { $0.kind == .preliminary }) else {
            throw ExplanationError(.preliminaryDone, [.file(journalPath)])
        }
        let (opened, results) = try results(
            roundDirectory: roundDirectory, round: round, inbox: inbox, secretary: secretary)
        let layout = RoundLayout(roundDirectory)
        try FileIO.makeDirectory(layout.notices, mode: 0o755)
        var written = [(unit: String, path: String)]()
        var listed = [JSONValue]()
        for key in round.unitKeys {
            let notice = notice(for: key.id, in: round, results: results, answerBy: answerBy)
            // Read back as the unit's reader will (§12.3) before anything is sealed or journaled:
            // a notice the unit could not open is refused here, while the run can still be redone.
            _ = try UnitNotice(parsing: CanonicalJSON.serialize(notice.json), file: layout.notice(unit: key.id))
            let bytes = try NoticeFile.seal(notice, secretary: secretary, to: key, created: created, using: random)
            let path = layout.notice(unit: key.id)
            // No `preliminary` entry yet: a notice already here is a leftover of an interrupted run.
            if FileIO.exists(path) { try FileIO.remove(path) }
            try FileIO.writeAtomically(bytes, to: path, mode: 0o644)
            written.append((key.id, path))
            listed.append(.object(["fileHash": .hex(BLAKE2b.hash(bytes, outputLength: 32)), "unit": .string(key.id)]))
        }
        let withoutKey = round.unitsWithoutKey.map(\.id)
        try RoundJournal.append(
            roundDirectory: roundDirectory, event: .preliminary,
            details: [
                "answerBy": .string(answerBy), "notices": .array(listed),
                "submissions": Self.listed(opened.inputs),
                "withoutKey": .array(withoutKey.map(JSONValue.string)),
            ],
            secretary: secretary, at: created)
        return Report(notices: written, withoutKey: withoutKey, submissions: opened.inputs.count)
    }

    /// The `preliminary` entry's `submissions`: the round-1 files the notices describe, which the
    /// final merge must merge (§12.7).
    static func listed(_ inputs: [Manifest.Input]) -> JSONValue {
        .array(
            inputs.map {
                .object([
                    "fileHash": .hex($0.fileHash), "member": .string($0.member),
                    "revision": .integer(Int64($0.revision)),
                ])
            })
    }

    /// The round-1 results the notices describe (§12.3 step 3): every live submission opened and
    /// checked as the final merge does, the coverage complete. `explanations forward` (§12.5) calls
    /// it again to recompute each unit's notice, which only the unit can open.
    ///
    /// - Throws: ``MergeError`` `merge.incomplete`, and every error of opening the submissions.
    static func results(roundDirectory: String, round: RoundDefinition, inbox: Inbox, secretary: SecretIdentity)
        throws -> (opened: RoundMerge.Opened, results: Results)
    {
        let opened = try RoundMerge.openLive(
            roundDirectory: roundDirectory, round: round, inbox: inbox, secretary: secretary)
        let outcome = Merge.run(round.plan, roundHash: round.fileHash, submissions: opened.submissions, survey: nil)
        guard outcome.coverage.isComplete else {
            let c = outcome.coverage
            throw MergeError(.incomplete, [.text(String(c.gaps.count)), .text(String(c.conflicts.count)), .text("")])
        }
        return (opened, outcome.results)
    }

    /// The notice of `unit`: its own appraisable cells (survey cells left out), nothing else.
    static func notice(for unit: String, in round: RoundDefinition, results: Results, answerBy: String) -> UnitNotice {
        let result = results.units.first { $0.unit == unit }!
        let framework = round.plan.framework(unit: unit)!
        let rows = result.cells.filter { $0.method != .survey }.map { c in
            UnitNotice.Row(
                code: c.code, kind: UnitNotice.Kind(c.method), title: framework.subCriterion(c.code)?.title ?? "",
                max: c.max, selfScore: c.selfScore, score: c.appraised ?? .zero, reason: c.reason)
        }
        return UnitNotice(
            round: round.fileHash, unit: unit, unitName: round.unit(unit)?.name ?? unit, roundTitle: round.title,
            year: round.year, answerBy: answerBy, secretary: round.secretary, cells: rows)
    }
}
