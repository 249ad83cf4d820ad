internal import VaultCrypto

/// The auditor's verification of a whole round folder (spec §9).
///
/// Public data only, except that a release token found in the folder is used to open the locked
/// results and check them for consistency (spec §9.3). Every check of spec §9.2 is made in
/// order and recorded in a ``VerificationReport``; a failure never stops the later checks unless
/// they cannot be made at all (nothing can be checked against a round definition that does not
/// verify). Stages that have not happened yet — no manifest, no approvals, no token — are
/// reported as ``VerificationReport/Check/Status/notYet`` and do not fail the round; a file that
/// is present but wrong always does.
///
/// What the auditor learns: who submitted, which revisions, that nothing was added, removed or
/// altered, and who approved the release. Without the token, no score, total or reason.
public enum RoundVerifier {
    /// Most findings of one kind listed individually before they are summarised.
    static let maxListed = 5

    /// Verifies the round folder `roundDirectory`.
    ///
    /// - Parameters:
    ///   - roundDirectory: The round folder (holding `round.avr`).
    ///   - expectedFingerprint: The round fingerprint the auditor was told (e.g. over the
    ///     phone); nil when none was given (reported as not checked).
    ///   - receipts: A folder of receipts (`.avc`) to check against the journal besides the
    ///     round's own `receipts/` (spec §11.5), or nil.
    /// - Returns: Every check, in the order of spec §9.2, and the anchor that tied the folder to
    ///   the round the auditor meant (the fingerprint, this machine's pin, or none).
    /// - Throws: ``RoundError`` `round.no-folder` when `roundDirectory` is not a folder,
    ///   `round.locked` when a writer holds the round's lock after the wait (``RoundLock``: a
    ///   shared lock, taken when the lock file exists, so no half-done change is read); nothing
    ///   else — every problem with a file is a failed check.
    public static func verify(
        roundDirectory: String, expectedFingerprint: Fingerprint? = nil, receipts: String? = nil
    ) throws -> VerificationReport {
        try RoundLock.shared(roundDirectory, command: "verify") {
            try verifyUnlocked(
                roundDirectory: roundDirectory, expectedFingerprint: expectedFingerprint, receipts: receipts)
        }
    }

    private static func verifyUnlocked(
        roundDirectory: String, expectedFingerprint: Fingerprint?, receipts: String?
    ) throws -> VerificationReport {
        guard FileIO.isDirectory(roundDirectory) else {
            throw RoundError(.noFolder, [.file(roundDirectory)])
        }
        let roundFile = RoundLayout.definitionFileName
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(
                FileIO.join(roundDirectory, roundFile), maxBytes: RoundDefinition.maxHeaderLength + 4096)
        } catch {
            return .unreadableRound(roundFile, hash: nil, error)
        }
        let roundHash = BLAKE2b.hash(bytes, outputLength: 32)
        let round: RoundDefinition
        do {
            round = try RoundDefinition(parsing: bytes, file: roundFile)
        } catch {
            return .unreadableRound(roundFile, hash: roundHash, error)
        }
        var run = RoundVerification(directory: roundDirectory, round: round)
        run.checkRound(expectedFingerprint: expectedFingerprint)
        run.checkThreshold()
        run.checkUnitKeys()
        run.checkJournal()
        run.checkPin()
        run.checkReceipts(extra: receipts)
        run.checkCheckpoints()
        run.checkSubmissionFiles()
        run.checkEvidenceFiles()
        run.checkJournalAgainstFiles()
        run.checkManifest()
        run.checkSurveyFile()
        run.checkNotices()
        run.checkExplanations()
        run.checkForwards()
        run.checkSecondFiles()
        run.checkLockedResults()
        run.checkApprovals()
        run.checkToken()
        run.checkReleasedResults()
        return VerificationReport(
            roundHash: round.fileHash, fingerprint: round.fingerprint, checks: run.checks,
            anchor: VerificationReport.Anchor(checks: run.checks))
    }
}

/// The state of one verification run: what has been read so far and the checks made.
struct RoundVerification {
    /// The round folder.
    let directory: String
    /// The verified round definition.
    let round: RoundDefinition
    /// The checks made so far.
    var checks = [VerificationReport.Check]()

    /// The journal entries as read (even when the signature or chain failed: those are findings).
    var journal: [RoundJournal.Entry]?
    /// Every file found in `submissions/` and `superseded/`.
    var files = [FoundFile]()
    /// Every evidence file found in `evidence/` and `superseded/` (spec §10.10).
    var evidenceFiles = [FoundFile]()
    /// The manifest as read, and its file hash.
    var manifest: (value: Manifest, fileHash: [UInt8])?
    /// The locked results as read, and their envelope when it parsed.
    var results: (bytes: [UInt8], fileHash: [UInt8], envelope: SealedEnvelope?)?
    /// The token's partial decryptions, once it has verified.
    var releasePartials: [(index: UInt64, partial: Ristretto255.Point)]?
    /// The round-1 rows whose signed content check 24 verified, by member, for check 26.
    var signedRows = [String: [Cell: Appraisal]]()

    init(directory: String, round: RoundDefinition) {
        self.directory = directory
        self.round = round
    }

    // MARK: - Recording

    mutating func record(_ id: String, _ subject: String, _ status: VerificationReport.Check.Status, _ text: Notice) {
        checks.append(.init(id: id, subject: subject, status: status, detail: text))
    }

    mutating func pass(
        _ id: String, _ subject: String, _ finding: VerificationReport.Finding, _ arguments: [String] = []
    ) {
        record(id, subject, .passed, Notice(finding, arguments.map(ErrorContext.Value.text)))
    }

    mutating func fail(
        _ id: String, _ subject: String, _ finding: VerificationReport.Finding, _ arguments: [String] = []
    ) {
        record(id, subject, .failed, Notice(finding, arguments.map(ErrorContext.Value.text)))
    }

    mutating func fail(_ id: String, _ subject: String, _ error: any Error) {
        record(id, subject, .failed, Notice(error.asAppraisalError))
    }

    mutating func fail(_ id: String, _ subject: String, _ code: some MessageCode, _ arguments: [String] = []) {
        record(id, subject, .failed, Notice(code, arguments.map(ErrorContext.Value.text)))
    }

    mutating func notYet(
        _ id: String, _ subject: String, _ finding: VerificationReport.Finding, _ arguments: [String] = []
    ) {
        record(id, subject, .notYet, Notice(finding, arguments.map(ErrorContext.Value.text)))
    }

    /// Records `problems` as failures of `id` (at most ``RoundVerifier/maxListed``, then a
    /// count), or one pass with `ok` when there are none.
    mutating func report(
        _ id: String, _ problems: [(subject: String, text: Notice)], subject: String, ok: Notice
    ) {
        guard !problems.isEmpty else { return record(id, subject, .passed, ok) }
        for p in problems.prefix(RoundVerifier.maxListed) { record(id, p.subject, .failed, p.text) }
        if problems.count > RoundVerifier.maxListed {
            fail(id, subject, .moreProblems, [String(problems.count - RoundVerifier.maxListed), id])
        }
    }

    /// `ROUND/parts…`.
    func path(_ parts: String...) -> String { parts.reduce(directory) { FileIO.join($0, $1) } }

    /// The first 8 bytes of a hash as hex, for messages.
    static func short(_ hash: [UInt8]) -> String { String(Hex.encode(hash).prefix(16)) }

    // MARK: - §9.2 steps 1–2: round definition

    mutating func checkRound(expectedFingerprint: Fingerprint?) {
        let subject = RoundLayout.definitionFileName
        pass(
            "round.signature", subject, .roundOK,
            [
                round.title, round.secretary.id, String(round.members.count), String(round.threshold),
                String(round.holders.count),
            ])
        // §9.2 step 1a: the key ceremony, judged again from the embedded files when the round was read.
        let release = round.release
        pass(
            "round.ceremony", subject, .ceremonyOK,
            [
                String(release.ceremony.qualified.count), String(release.holders.count), String(release.threshold),
                RoundVerification.short(release.jointKey.rawRepresentation), String(release.ceremony.acks.count),
            ])
        for exclusion in release.exclusions { record("round.ceremony", subject, .passed, exclusion) }
        let actual = round.fingerprint
        if let expectedFingerprint {
            if expectedFingerprint == actual {
                pass("round.fingerprint", subject, .fingerprintOK, [actual.description])
            } else {
                fail(
                    "round.fingerprint", subject, .fingerprintMismatch,
                    [actual.description, expectedFingerprint.description])
            }
        } else {
            notYet("round.fingerprint", subject, .fingerprintNotGiven, [actual.description])
        }
    }

    /// §9.2 check 2a: a threshold of 1 is a warning (one holder alone opens the results); no
    /// finding otherwise.
    mutating func checkThreshold() {
        guard round.threshold == 1 else { return }
        record(
            "round.threshold", RoundLayout.definitionFileName, .warning,
            Notice(VerificationReport.Finding.singleHolder, [.text(String(round.holders.count))]))
    }

    /// §12.1, §9.2 check 2b: how many units have a key; a warning naming the units without one
    /// (they get no notice). No finding in a round without an explanation phase.
    mutating func checkUnitKeys() {
        guard !round.unitKeys.isEmpty else { return }
        let subject = RoundLayout.definitionFileName
        pass("round.unit-keys", subject, .unitKeys, [String(round.unitKeys.count), String(round.units.count)])
        let without = round.unitsWithoutKey.map(\.id)
        guard !without.isEmpty else { return }
        let listed = without.prefix(RoundVerifier.maxListed * 2).joined(separator: ", ")
        let more =
            without.count > RoundVerifier.maxListed * 2 ? " (+\(without.count - RoundVerifier.maxListed * 2))" : ""
        record(
            "round.unit-keys", subject, .warning,
            Notice(VerificationReport.Finding.unitsWithoutKey, [.text(String(without.count)), .text(listed + more)]))
    }

    // MARK: - §9.2 steps 3–5: journal

    mutating func checkJournal() {
        let subject = RoundLayout.journalFileName
        let doc: SignedDocument
        do {
            let bytes = try FileIO.read(path(subject), maxBytes: RoundJournal.maxFileSize)
            doc = try SignedDocument(
                parsing: bytes, expecting: .journalHead, file: subject, maxHeaderLength: RoundJournal.maxFileSize)
        } catch {
            return fail("journal.signature", subject, error)
        }
        if doc.isSigned(by: round.secretary.signingKey) {
            pass("journal.signature", subject, .journalSigned, [round.secretary.id])
        } else {
            fail("journal.signature", subject, JournalError.Code.badSignature, [subject])
        }
        var entries = [RoundJournal.Entry]()
        let roundField: [UInt8]
        let head: [UInt8]
        do throws(FieldReader.Failure) {
            var r = try FieldReader(doc.container.header)
            roundField = try r.hex("round", length: 32)
            head = try r.hex("head", length: 32)
            for (i, item) in try r.array("entries").enumerated() {
                entries.append(try RoundJournal.Entry(json: item, path: "entries[\(i)]"))
            }
            try r.finish()
        } catch {
            return fail("journal.chain", subject, FormatError.Code.header, [subject, error.description])
        }
        journal = entries
        var previous = [UInt8](repeating: 0, count: 32)
        var broken: Int?
        for (i, entry) in entries.enumerated() {
            guard entry.sequence == i + 1, entry.previous == previous else {
                broken = i + 1
                break
            }
            previous = entry.hash
        }
        if broken == nil, previous != head { broken = entries.count }
        if let broken {
            fail("journal.chain", subject, JournalError.Code.brokenChain, [subject, String(broken)])
        } else {
            pass("journal.chain", subject, .journalChain, [String(entries.count), RoundVerification.short(head)])
        }
        guard roundField == round.fileHash else {
            return fail("journal.round", subject, JournalError.Code.wrongRound, [subject])
        }
        guard let first = entries.first, first.kind == .roundInit,
            first.details["roundDefinition"] == .hex(round.fileHash)
        else { return fail("journal.round", subject, .journalNoInit, [subject]) }
        pass("journal.round", subject, .journalRound, [subject])
    }
}

extension VerificationReport {
    /// The report of a round definition that cannot be read or does not verify: one failed
    /// `round.signature` check (spec §9.2), nothing else checked.
    static func unreadableRound(_ file: String, hash: [UInt8]?, _ error: any Error) -> Self {
        VerificationReport(
            roundHash: hash,
            checks: [
                .init(id: "round.signature", subject: file, status: .failed, detail: Notice(error.asAppraisalError))
            ])
    }
}
