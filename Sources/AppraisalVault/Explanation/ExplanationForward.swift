internal import VaultCrypto

/// `explanations forward` (spec §12.5): the secretary opens each live explanation not yet
/// forwarded, checks it against the unit's notice (recomputed from the round-1 submissions the
/// `preliminary` entry lists) and its evidence, and writes for each member assigned a cell the
/// unit disagreed on `forwarded/MEMBER.UNIT.rN.avf`, sealed to that member, with only those
/// cells, and the member's re-sealed copies of the evidence they cite. Journal: one
/// `forward-evidence` entry per evidence copy, then one `forward` entry per `.avf` (the commit
/// point). Nothing it reports holds a score, a reason or a text.
public enum ExplanationForward {
    /// What a run did, for printing (counts and ids only).
    public struct Report: Sendable {
        /// The forwarded explanations written, `(member, unit, path, cells)`, in unit then member order.
        public let files: [(member: String, unit: String, path: String, cells: Int)]
        /// The evidence copies written.
        public let evidence: Int
        /// The explanations handled: opened, checked and (when a cell was disputed) forwarded.
        public let explanations: Int
        /// Of those, the ones where the unit agreed with every cell: nothing to forward.
        public let agreed: [String]

        /// The members who received at least one file.
        public var members: Int { Set(files.map(\.member)).count }
        /// The cells forwarded, over all files.
        public var cells: Int { files.reduce(0) { $0 + $1.cells } }
    }

    /// One file to write for one member.
    private struct Planned {
        let member: PublicIdentity
        let unit: String
        let revision: Int
        let explanation: [UInt8]
        let items: [(code: String, answer: UnitExplanation.Answer, row: UnitNotice.Row)]
        let attachments: [Evidence.Attachment]
    }

    /// Runs the forward, holding the round's lock.
    ///
    /// - Throws: ``MergeError`` `merge.not-secretary`; ``ExplanationError`` `merge.no-unit-keys`;
    ///   ``ForwardError`` `forward.no-preliminary`, `forward.after-merge`, `forward.preliminary-changed`,
    ///   `forward.answers-mismatch`, `forward.evidence-missing`, `forward.evidence-mismatch`; every
    ///   error of opening the submissions, the explanations and the evidence. Nothing is left on failure.
    public static func run(roundDirectory: String, secretary: SecretIdentity) throws -> Report {
        try run(roundDirectory: roundDirectory, secretary: secretary, created: Timestamp.now(), using: SystemRandom())
    }

    /// ``run(roundDirectory:secretary:)`` at `created`, with `random` for the envelopes.
    static func run(
        roundDirectory: String, secretary: SecretIdentity, created: String, using random: any RandomSource
    ) throws -> Report {
        try RoundLock.exclusive(roundDirectory, command: "explanations forward") {
            try runLocked(roundDirectory: roundDirectory, secretary: secretary, created: created, using: random)
        }
    }

    private static func runLocked(
        roundDirectory: String, secretary: SecretIdentity, created: String, using random: any RandomSource
    ) throws -> Report {
        let journalPath = FileIO.join(roundDirectory, RoundLayout.journalFileName)
        let (round, inbox, journal): (RoundDefinition, Inbox, RoundJournal.Contents)
        do {
            (round, inbox, journal) = try RoundMerge.openForMerge(roundDirectory: roundDirectory, secretary: secretary)
        } catch let error as MergeError where error.code == .alreadyJournaled {
            throw ForwardError(.afterMerge, [.file(journalPath)])
        }
        guard !round.unitKeys.isEmpty else { throw ExplanationError(.noUnitKeys, [.file(roundDirectory)]) }
        guard let preliminary = journal.entries.first(where: { $0.kind == .preliminary }),
            let issued = inbox.issuedNotices(journal), case .array(let listed)? = preliminary.details["submissions"]
        else { throw ForwardError(.noPreliminary, [.file(roundDirectory)]) }
        let layout = RoundLayout(roundDirectory)

        // The explanations to handle: the live revision of each unit, not yet forwarded.
        let live = RoundMerge.liveEntries(journal.entries, event: .receiveExplanation, sender: "unit")
        let forwarded = Set(
            journal.entries.filter { $0.kind == .forward }.compactMap { e -> [UInt8]? in
                guard case .string(let hex)? = e.details["explanation"] else { return nil }
                return Hex.decode(hex)
            })
        let pending = round.unitKeys.compactMap { key in
            live[key.id].flatMap { forwarded.contains($0.fileHash) ? nil : (unit: key.id, $0.revision, $0.fileHash) }
        }
        guard !pending.isEmpty else { return Report(files: [], evidence: 0, explanations: 0, agreed: []) }

        // The notices describe exactly the submissions the `preliminary` entry lists (§12.2).
        let (opened, results) = try PreliminaryMerge.results(
            roundDirectory: roundDirectory, round: round, inbox: inbox, secretary: secretary)
        let now = opened.inputs.map {
            JSONValue.object([
                "fileHash": .hex($0.fileHash), "member": .string($0.member), "revision": .integer(Int64($0.revision)),
            ])
        }
        guard now == listed else { throw ForwardError(.preliminaryChanged, [.file(journalPath)]) }

        // Open and check every explanation, and plan every file, before anything is written.
        let assignees = round.plan.assignees
        var plans = [Planned]()
        var agreed = [String]()
        for (unit, revision, fileHash) in pending {
            let path = FileIO.join(layout.explanations, RoundLayout.explanationFileName(unit: unit, revision: revision))
            let file = try ExplanationFile.load(path)
            guard Sodium.constantTimeEqual(file.fileHash, fileHash) else {
                throw ForwardError(.answersMismatch, [.file(path), .text(unit)])
            }
            try file.checkBinding(to: round, notices: issued.notices)
            let explanation = try file.open(with: secretary)
            let notice = PreliminaryMerge.notice(for: unit, in: round, results: results, answerBy: issued.answerBy)
            guard explanation.answersExactly(notice) else {
                throw ForwardError(.answersMismatch, [.file(path), .text(unit)])
            }
            let disputed = explanation.disputed
            guard !disputed.isEmpty else {
                agreed.append(unit)
                continue
            }
            let rows = Dictionary(notice.cells.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
            for member in round.members {
                let mine = disputed.filter { assignees[Cell(unit: unit, code: $0.code)] == member.id }
                guard !mine.isEmpty else { continue }
                let names = Set(mine.flatMap(\.attachments))
                plans.append(
                    Planned(
                        member: member.identity, unit: unit, revision: revision, explanation: fileHash,
                        items: mine.map { ($0.code, $0, rows[$0.code]!) },
                        attachments: explanation.attachments.filter { names.contains($0.name) }))
            }
        }
        return try write(
            plans, agreed: agreed, explanations: pending.count, layout: layout, round: round, journal: journal,
            secretary: secretary, created: created, using: random)
    }

    /// Writes the planned files (evidence copies first), then journals them; on any failure before
    /// the journal, every file written is removed.
    private static func write(
        _ plans: [Planned], agreed: [String], explanations: Int, layout: RoundLayout, round: RoundDefinition,
        journal: RoundJournal.Contents, secretary: SecretIdentity, created: String, using random: any RandomSource
    ) throws -> Report {
        try FileIO.makeDirectory(layout.forwarded, mode: 0o755)
        let roundDirectory = layout.directory
        var written = [String]()
        var files = [(member: String, unit: String, path: String, cells: Int)]()
        var entries = [(event: JournalEvent, details: [String: JSONValue])]()
        do {
            for plan in plans {
                var copies = [String: ForwardedExplanation.Attachment]()
                for a in plan.attachments {
                    let source = FileIO.join(
                        layout.explanations,
                        RoundLayout.evidenceFileName(member: plan.unit, revision: plan.revision, index: a.index))
                    guard FileIO.exists(source) else {
                        throw ForwardError(.evidenceMissing, [.file(source), .text(plan.unit), .text(a.name)])
                    }
                    let output = FileIO.join(
                        layout.forwarded,
                        RoundLayout.forwardedEvidenceFileName(
                            member: plan.member.id, unit: plan.unit, revision: plan.revision, index: a.index))
                    try removeLeftover(output)
                    let mismatch = ForwardError(.evidenceMismatch, [.file(source), .text(plan.unit), .text(a.name)])
                    let file = try SealedEnvelope.OnDisk(path: source, expecting: .evidence)
                    let (sourceHash, sealed) = try file.reseal(
                        with: secretary.encryptionKey,
                        authorize: { header in
                            let (sender, context) = try Evidence.bind(file, roster: round.roster)
                            guard sender.id == plan.unit, header.sender == plan.unit,
                                context
                                    == Evidence.Context(
                                        index: a.index, name: a.name, revision: plan.revision, size: a.size)
                            else { throw mismatch }
                        }, to: output,
                        context: {
                            Evidence.Context(index: a.index, name: a.name, revision: plan.revision, size: $0).json
                        },
                        sender: secretary, recipient: plan.member.encryptionKey, created: created, using: random)
                    written.append(output)
                    guard Sodium.constantTimeEqual(sourceHash, a.fileHash) else { throw mismatch }
                    copies[a.name] = .init(fileHash: sealed.fileHash, name: a.name, size: sealed.size)
                    entries.append(
                        (
                            .forwardEvidence,
                            [
                                "fileHash": .hex(sealed.fileHash), "index": .int(a.index),
                                "member": .string(plan.member.id), "revision": .int(plan.revision),
                                "size": .int(sealed.size), "unit": .string(plan.unit),
                            ]
                        ))
                }
                let content = ForwardedExplanation(
                    round: round.fileHash, unit: plan.unit, member: plan.member.id, explanation: plan.explanation,
                    items: plan.items.map { item in
                        ForwardedExplanation.Item(
                            code: item.code, selfScore: item.row.selfScore, score: item.row.score,
                            reason: item.row.reason, text: item.answer.text,
                            attachments: item.answer.attachments.compactMap { copies[$0] })
                    })
                let path = FileIO.join(
                    layout.forwarded,
                    RoundLayout.forwardedFileName(member: plan.member.id, unit: plan.unit, revision: plan.revision))
                // Read back as the member's reader will before it is sealed.
                _ = try ForwardedExplanation(parsing: CanonicalJSON.serialize(content.json), file: path)
                let bytes = try ForwardedExplanationFile.seal(
                    content, secretary: secretary, to: plan.member, created: created, using: random)
                try removeLeftover(path)
                try FileIO.writeAtomically(bytes, to: path, mode: 0o644)
                written.append(path)
                files.append((plan.member.id, plan.unit, path, plan.items.count))
                entries.append(
                    (
                        .forward,
                        [
                            "cells": .int(plan.items.count), "explanation": .hex(plan.explanation),
                            "fileHash": .hex(BLAKE2b.hash(bytes, outputLength: 32)),
                            "member": .string(plan.member.id), "unit": .string(plan.unit),
                        ]
                    ))
            }
        } catch {
            Evidence.removeAll(written)
            throw error
        }
        // The journal is the record; files it does not name are leftovers, replaced by the next run.
        for entry in entries {
            try RoundJournal.append(
                roundDirectory: roundDirectory, event: entry.event, details: entry.details, secretary: secretary,
                at: created)
        }
        return Report(
            files: files, evidence: entries.count - files.count, explanations: explanations, agreed: agreed)
    }

    /// A file already at `path` is the leftover of an interrupted run (its explanation has no
    /// `forward` entry, so nothing journaled names it): removed.
    private static func removeLeftover(_ path: String) throws {
        if FileIO.exists(path) { try FileIO.remove(path) }
    }
}
