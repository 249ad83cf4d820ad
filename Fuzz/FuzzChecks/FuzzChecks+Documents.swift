@testable internal import AppraisalVault
@testable internal import VaultCrypto

// MARK: - Documents whose header or plaintext is canonical JSON

extension FuzzChecks {
    /// `SubmissionContent(parsing:file:)`: accepted ⇒ `encoded() == x`.
    @Sendable public static func submission(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let content = try? SubmissionContent(parsing: bytes, file: file) else { return }
        try Fuzz.require(content.encoded() == bytes, "SubmissionContent.encoded() != x")
    }

    /// `SubmissionFastDecoder.decode`, the merge's one-pass reader of the same plaintext, against
    /// the generic strict path: whatever it returns is the strict path's content, and the public
    /// parser (fast path, else strict) has the strict path's outcome, content or error.
    @Sendable public static func submissionFast(_ bytes: [UInt8]) throws(InvariantViolation) {
        let strict: Result<SubmissionContent, SubmissionError>
        do { strict = .success(try SubmissionContent(strictlyParsing: bytes, file: file)) } catch let e
            as SubmissionError
        {
            strict = .failure(e)
        } catch { throw InvariantViolation("strict path threw \(error)") }
        if let fast = SubmissionFastDecoder.decode(bytes) {
            try Fuzz.require(strict == .success(fast), "fast decoder accepted what the strict path does not")
        }
        let parsed: Result<SubmissionContent, SubmissionError>
        do { parsed = .success(try SubmissionContent(parsing: bytes, file: file)) } catch let e as SubmissionError {
            parsed = .failure(e)
        } catch { throw InvariantViolation("parser threw \(error)") }
        try Fuzz.require(parsed == strict, "SubmissionContent(parsing:) differs from the strict path")
    }

    /// `SurveyScores(parsing:file:)` (spec §6.6): accepted ⇒ `serialize(json) == x`.
    @Sendable public static func survey(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let scores = try? SurveyScores(parsing: bytes, file: file) else { return }
        try Fuzz.require(CanonicalJSON.serialize(scores.json) == bytes, "SurveyScores round trip")
    }

    /// `RoundDefinition(parsing:file:)` (spec §3, §12.1), a signed `round.avr`: accepted ⇒ every
    /// appraisable cell has exactly one assigned member of the round, and every unit key is a
    /// unit of the round with role `unit`; whatever the fast self-assessment reader
    /// (`SelfAssessmentFastReader`) accepts, the strict path accepts with the same plan.
    @Sendable public static func roundDefinition(_ bytes: [UInt8]) throws(InvariantViolation) {
        let strict = try? RoundDefinition(parsing: bytes, file: "round.avr", excising: nil)
        if let range = SelfAssessmentFastReader.locate(in: bytes),
            let fast = try? RoundDefinition(parsing: bytes, file: "round.avr", excising: range)
        {
            try Fuzz.require(
                strict.map { $0.plan == fast.plan && $0.fileHash == fast.fileHash } == true,
                "the fast self-assessment reader accepted what the strict path does not")
        }
        guard let round = try? RoundDefinition(parsing: bytes, file: "round.avr") else { return }
        try Fuzz.require(strict != nil, "RoundDefinition(parsing:) accepted what the strict path does not")
        let members = Set(round.members.map(\.id))
        let assignees = round.plan.assignees
        try Fuzz.require(
            round.plan.appraisableCells.allSatisfy { assignees[$0].map(members.contains) == true },
            "an appraisable cell without a member of the round")
        let units = Set(round.units.map(\.id))
        try Fuzz.require(
            round.unitKeys.allSatisfy { units.contains($0.id) && $0.role == .unit }, "a unit key not a round unit")
    }

    /// `UnitNotice(parsing:file:)` (spec §12.3): accepted ⇒ `serialize(json) == x` (so the
    /// difference and totals it accepted are the ones it recomputes).
    @Sendable public static func notice(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let notice = try? UnitNotice(parsing: bytes, file: file) else { return }
        try Fuzz.require(CanonicalJSON.serialize(notice.json) == bytes, "UnitNotice round trip")
    }

    /// `ForwardedExplanation(parsing:file:)` (spec §12.5): accepted ⇒ `serialize(json) == x`, at
    /// least one item, every text non-blank, no code twice.
    @Sendable public static func forwardedExplanation(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let forwarded = try? ForwardedExplanation(parsing: bytes, file: file) else { return }
        try Fuzz.require(CanonicalJSON.serialize(forwarded.json) == bytes, "ForwardedExplanation round trip")
        try Fuzz.require(!forwarded.items.isEmpty, "no items accepted")
        try Fuzz.require(Set(forwarded.items.map(\.code)).count == forwarded.items.count, "a code twice")
    }

    /// `UnitExplanation(parsing:file:)` (spec §12.4): accepted ⇒ `serialize(json) == x`, and
    /// every answer holds a text exactly when it disagrees.
    @Sendable public static func explanation(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let explanation = try? UnitExplanation(parsing: bytes, file: file) else { return }
        try Fuzz.require(CanonicalJSON.serialize(explanation.json) == bytes, "UnitExplanation round trip")
        try Fuzz.require(explanation.answers.allSatisfy { $0.agree == $0.text.isEmpty }, "agree ⇔ no text")
    }

    /// `SecondAppraisal(parsing:file:)` (spec §12.6): accepted ⇒ `serialize(json) == x`, every
    /// row without `explanation` changes, and every change has a score.
    @Sendable public static func secondAppraisal(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let second = try? SecondAppraisal(parsing: bytes, file: file) else { return }
        try Fuzz.require(CanonicalJSON.serialize(second.json) == bytes, "SecondAppraisal round trip")
        try Fuzz.require(
            second.rows.allSatisfy {
                ($0.explanation != nil || $0.decision == .change)
                    && ($0.decision == .keep || $0.score != nil)
            }, "exception row keeps, or change without score")
    }

    /// `Manifest(json:)` over `CanonicalJSON.parse`: accepted ⇒ `serialize(manifest.json) == x`.
    @Sendable public static func manifest(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let value = try? CanonicalJSON.parse(bytes), let manifest = try? Manifest(json: value) else { return }
        try Fuzz.require(CanonicalJSON.serialize(manifest.json) == bytes, "Manifest round trip")
    }

    /// `Results(json:)` over `CanonicalJSON.parse`: accepted ⇒ `serialize(results.json) == x`.
    @Sendable public static func results(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let value = try? CanonicalJSON.parse(bytes), let results = try? Results(json: value) else { return }
        try Fuzz.require(CanonicalJSON.serialize(results.json) == bytes, "Results round trip")
    }

    /// `ReleasePolicy(json:path:)` over `CanonicalJSON.parse`: accepted ⇒ `serialize(policy.json) == x`.
    @Sendable public static func releasePolicy(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let value = try? CanonicalJSON.parse(bytes), let policy = try? ReleasePolicy(json: value, path: "release")
        else { return }
        try Fuzz.require(CanonicalJSON.serialize(policy.json) == bytes, "ReleasePolicy round trip")
        try Fuzz.require((1...policy.holders.count).contains(policy.threshold), "threshold outside 1…n")
    }

    /// A key-ceremony file (spec §4.2–§4.4), by its kind byte: `CeremonyPlan`, `CeremonyDealing` or
    /// `CeremonyAck`: accepted ⇒ the header re-encodes to the same preamble (the file is canonical),
    /// and a dealing's commitments are valid points.
    @Sendable public static func ceremony(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard bytes.count > 8, let kind = ArtifactKind(rawValue: bytes[8]) else { return }
        switch kind {
        case .ceremonyPlan:
            guard let plan = try? CeremonyPlan(parsing: bytes, file: file),
                let container = try? Container(parsing: bytes, expecting: .ceremonyPlan, file: file)
            else { return }
            try Fuzz.require(
                Container.encode(kind: .ceremonyPlan, header: container.header) == bytes, "plan round trip")
            try Fuzz.require((1...plan.holders.count).contains(plan.threshold), "threshold outside 1…n")
        case .ceremonyDealing:
            guard let dealing = try? CeremonyDealing(parsing: bytes, file: file) else { return }
            try signedRoundTrip(dealing.document, bytes, "dealing")
            for c in dealing.commitments {
                try Fuzz.require((try? Ristretto255.Point(rawRepresentation: c.rawRepresentation)) != nil, "point")
            }
        case .ceremonyAck:
            guard let ack = try? CeremonyAck(parsing: bytes, file: file) else { return }
            try signedRoundTrip(ack.document, bytes, "ack")
        default:
            return
        }
    }

    /// `Approval(parsing:file:)` and `ReleaseToken(parsing:file:)` (spec §8.2, §8.4), by kind byte:
    /// accepted ⇒ the file is canonical (re-encodes to the same bytes).
    @Sendable public static func approval(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard bytes.count > 8 else { return }
        if bytes[8] == ArtifactKind.approval.rawValue, let approval = try? Approval(parsing: bytes, file: file) {
            try signedRoundTrip(approval.document, bytes, "approval")
        } else if bytes[8] == ArtifactKind.releaseToken.rawValue,
            let token = try? ReleaseToken(parsing: bytes, file: file),
            let container = try? Container(parsing: bytes, expecting: .releaseToken, file: file)
        {
            try Fuzz.require(Container.encode(kind: .releaseToken, header: container.header) == bytes, "token")
            try Fuzz.require(!token.approvals.isEmpty, "token without approvals")
        }
    }

    /// A signed document accepted by a strict parser is canonical: preamble of its header plus signature.
    static func signedRoundTrip(_ doc: SignedDocument, _ bytes: [UInt8], _ what: String) throws(InvariantViolation) {
        try Fuzz.require(
            Container.preamble(kind: doc.container.kind, header: doc.container.header) + doc.signature == bytes,
            "\(what) round trip")
    }

    /// A journal file: `SignedDocument(parsing:expecting: .journalHead)` then
    /// `RoundJournal.entries(of:file:roundHash:)` (everything `load` does except the signature):
    /// accepted ⇒ the entries, head and round re-encode to the header, and the head is the last hash.
    @Sendable public static func journal(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let doc = try? SignedDocument(parsing: bytes, expecting: .journalHead, file: file),
            let (entries, round) = try? RoundJournal.entries(of: doc, file: file, roundHash: nil)
        else { return }
        let head = entries.last?.hash ?? [UInt8](repeating: 0, count: 32)
        let header = JSONValue.object([
            "entries": .array(entries.map(\.json)), "head": .hex(head), "round": .hex(round),
        ])
        try Fuzz.require(header == doc.container.header, "journal header round trip")
        for (i, entry) in entries.enumerated() { try Fuzz.require(entry.sequence == i + 1, "entry sequence") }
    }
}

// MARK: - Receipts and checkpoints (spec §11.3, §11.4)

extension FuzzChecks {
    /// `Receipt(parsing:file:)` (cap, kind 11, strict header; the signature is not checked):
    /// accepted ⇒ its fields re-encode to the header, `index` is there exactly for evidence, and
    /// the file name parses back to the member and revision.
    @Sendable public static func receipt(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let receipt = try? Receipt(parsing: bytes, file: file) else { return }
        var header: [String: JSONValue] = [
            "at": .string(receipt.at), "entry": .int(receipt.entry), "event": .string(receipt.event.rawValue),
            "fileHash": .hex(receipt.fileHash), "head": .hex(receipt.head), "member": .string(receipt.member),
            "revision": .int(receipt.revision), "round": .hex(receipt.round),
        ]
        if let index = receipt.index { header["index"] = .int(index) }
        try Fuzz.require(.object(header) == receipt.document.container.header, "receipt header round trip")
        try Fuzz.require((receipt.index != nil) == (receipt.event == .receiveEvidence), "index iff evidence")
        try Fuzz.require(bytes.count <= Receipt.maxFileSize, "receipt over its cap")
    }

    /// `Checkpoint(parsing:file:)` (cap, kind 12, strict header; the signature is not checked):
    /// accepted ⇒ its fields re-encode to the header and `entries` ≥ 1.
    @Sendable public static func checkpoint(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let checkpoint = try? Checkpoint(parsing: bytes, file: file) else { return }
        let header = JSONValue.object([
            "created": .string(checkpoint.created), "entries": .int(checkpoint.entries), "head": .hex(checkpoint.head),
            "holder": .string(checkpoint.holder),
            "holderSigningKey": .hex(checkpoint.holderSigningKey.rawRepresentation), "round": .hex(checkpoint.round),
        ])
        try Fuzz.require(header == checkpoint.document.container.header, "checkpoint header round trip")
        try Fuzz.require(checkpoint.entries >= 1, "checkpoint of an empty journal")
        try Fuzz.require(bytes.count <= Checkpoint.maxFileSize, "checkpoint over its cap")
    }
}
