import VaultCrypto

@testable import AppraisalVault

/// Vectors for receipts (area `receipt`, spec §11.3) and checkpoints (area `checkpoint`, §11.4).
///
/// Both are checked against the three-entry journal of the `journal` vectors, given in full as
/// the header line `journal:` (hex of the journal file), with `round-hash:` (the journal
/// vectors' stand-in round). Receipts are signed by the journal's secretary (`thu-ky-vector`,
/// header line `secretary-signing-key:`); checkpoints by the holders of the release vectors'
/// 2-of-3 policy (header line `policy:`). Defects that must still carry a valid signature are
/// re-signed, so the rule under test is what fails.
extension VectorGenerator {
    /// The journal file the vectors are checked against: ``journalEntries()``, signed.
    static func freshnessJournal() throws -> [UInt8] {
        let entries = journalEntries()
        return try journalFile(entries.map(\.json), head: entries.last!.hash, signer: submissionSecretary().signingKey)
    }

    /// A fourth entry, chained after the three: what a journal that was rolled back lost.
    static func lostEntry() -> RoundJournal.Entry {
        let entries = journalEntries()
        return RoundJournal.Entry(
            sequence: 4, at: "2026-01-18T11:00:00Z", event: "receive",
            details: [
                "fileHash": .hex(fakeHash("tv-other.r1")), "member": .string("tv-other"), "revision": .integer(1),
            ],
            previous: entries[2].hash)
    }

    /// A signed document of `kind` with `fields` edited by `edit`, signed by `signer`.
    static func edited(
        _ bytes: [UInt8], kind: ArtifactKind, signer: Ed25519.PrivateKey, _ edit: (inout [String: JSONValue]) -> Void
    ) throws -> [UInt8] {
        let doc = try SignedDocument(parsing: bytes, expecting: kind, file: kind.name)
        guard case .object(var fields) = doc.container.header else { preconditionFailure("header") }
        edit(&fields)
        return try SignedDocument.encode(kind: kind, header: .object(fields), signer: signer)
    }

    @Sendable static func receiptVectors() throws -> [Vector] {
        let secretary = try submissionSecretary()
        let entries = journalEntries()
        let round = journalRound
        let good = try Receipt.encode(for: entries[1], round: round, secretary: secretary)!
        let supersede = try Receipt.encode(for: entries[2], round: round, secretary: secretary)!
        let lost = try Receipt.encode(for: lostEntry(), round: round, secretary: secretary)!
        let key = secretary.signingKey
        let fields = [
            ("secretary-signing-key", Hex.encode(key.publicKey.rawRepresentation)),
            ("round-hash", Hex.encode(round)), ("journal", Hex.encode(try freshnessJournal())),
        ]
        func a(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8]) -> Vector {
            vector("receipt", name, expect: expect, fields, comment: comment, body)
        }
        return [
            a("success", "success", "entry 2 (receive tv-vector r1), signed by thu-ky-vector", good),
            a("success-supersede", "success", "entry 3 (supersede tv-vector r2)", supersede),
            a(
                "too-large", "file.too-large", "the success receipt followed by 4096 zero bytes (cap 4096)",
                good + [UInt8](repeating: 0, count: 4096)),
            a(
                "wrong-kind", "format.wrong-kind", "kind byte 7 (approval)",
                replacing(good, at: 8, with: ArtifactKind.approval.rawValue)),
            a("trailing-byte", "format.trailing", "one zero byte after the signature", good + [0]),
            a(
                "unknown-field", "format.header", "extra header field \"note\", signed",
                try edited(good, kind: .receipt, signer: key) { $0["note"] = .string("x") }),
            a(
                "evidence-without-index", "format.header",
                "event receive-evidence without index, signed",
                try edited(good, kind: .receipt, signer: key) { $0["event"] = .string("receive-evidence") }),
            a(
                "bad-signature", "receipt.bad-signature", "the success header signed by tv-other",
                try edited(good, kind: .receipt, signer: try submissionOther().signingKey) { _ in }),
            a(
                "wrong-round", "receipt.wrong-round",
                "round = BLAKE2b-256(\"AppraisalVault/vectors/hash/other-round\"), signed",
                try edited(good, kind: .receipt, signer: key) { $0["round"] = .hex(fakeHash("other-round")) }),
            a(
                "wrong-index", "receipt.not-in-journal", "the success receipt claiming entry 3, signed",
                try edited(good, kind: .receipt, signer: key) { $0["entry"] = .int(3) }),
            a(
                "rolled-back", "receipt.not-in-journal",
                "a genuine receipt of a fourth entry the journal no longer has (it was rolled back)", lost),
        ]
    }

    /// A checkpoint by `holder` of the journal at `entries` entries with head `head`.
    static func checkpoint(
        _ holder: SecretIdentity, entries: Int, head: [UInt8], round: [UInt8] = journalRound
    ) throws -> [UInt8] {
        try SignedDocument.encode(
            kind: .checkpoint,
            header: .object([
                "created": .string(created), "entries": .int(entries), "head": .hex(head),
                "holder": .string(holder.identity.id),
                "holderSigningKey": .hex(holder.signingKey.publicKey.rawRepresentation), "round": .hex(round),
            ]), signer: holder.signingKey)
    }

    @Sendable static func checkpointVectors() throws -> [Vector] {
        let policy = try releasePolicy()
        let holders = try releaseHolders()
        let entries = journalEntries()
        let good = try checkpoint(holders[0], entries: 3, head: entries[2].hash)
        let goodDoc = try SignedDocument(parsing: good, expecting: .checkpoint, file: "c")
        guard case .object(var header) = goodDoc.container.header else { preconditionFailure("header") }
        header["entries"] = .int(2)
        let editedUnsigned =
            Container.preamble(kind: .checkpoint, header: .object(header)) + goodDoc.signature
        let fields = [
            ("policy", Hex.encode(CanonicalJSON.serialize(policy.json))), ("round-hash", Hex.encode(journalRound)),
            ("journal", Hex.encode(try freshnessJournal())),
        ]
        func a(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8]) -> Vector {
            vector("checkpoint", name, expect: expect, fields, comment: comment, body)
        }
        return [
            a("success", "success", "giu-khoa-1 checkpoints the journal at 3 entries", good),
            a(
                "success-older", "success", "giu-khoa-2 at 2 entries: the journal extends it",
                try checkpoint(holders[1], entries: 2, head: entries[1].hash)),
            a(
                "too-large", "file.too-large", "the success checkpoint followed by 4096 zero bytes (cap 4096)",
                good + [UInt8](repeating: 0, count: 4096)),
            a(
                "wrong-kind", "format.wrong-kind", "kind byte 11 (receipt)",
                replacing(good, at: 8, with: ArtifactKind.receipt.rawValue)),
            a("trailing-byte", "format.trailing", "one zero byte after the signature", good + [0]),
            a(
                "unknown-field", "format.header", "extra header field \"note\", signed by giu-khoa-1",
                try edited(good, kind: .checkpoint, signer: holders[0].signingKey) { $0["note"] = .string("x") }),
            a("bad-signature", "checkpoint.bad-signature", "entries changed to 2 after signing", editedUnsigned),
            a(
                "not-a-holder", "checkpoint.not-a-holder", "signed by giu-khoa-ngoai (not in the policy) with its key",
                try checkpoint(try outsider(), entries: 3, head: entries[2].hash)),
            a(
                "wrong-round", "checkpoint.wrong-round",
                "round = BLAKE2b-256(\"AppraisalVault/vectors/hash/other-round\"), signed by giu-khoa-1",
                try checkpoint(holders[0], entries: 3, head: entries[2].hash, round: fakeHash("other-round"))),
            a(
                "not-extended", "checkpoint.not-extended",
                "a checkpoint at 4 entries: the journal (3 entries) was rolled back past it",
                try checkpoint(holders[0], entries: 4, head: lostEntry().hash)),
            a(
                "other-history", "checkpoint.not-extended",
                "3 entries, but head = hash of another entry 3: the history was rewritten",
                try checkpoint(holders[0], entries: 3, head: fakeHash("other-entry-3"))),
        ]
    }
}

extension VectorRunner {
    /// The journal entries of a vector's `journal:` line (parsed, chain checked).
    static func journalEntries(_ vector: Vector) throws -> [RoundJournal.Entry] {
        let doc = try SignedDocument(
            parsing: Hex.decode(vector["journal"] ?? "") ?? [], expecting: .journalHead, file: "journal",
            maxHeaderLength: RoundJournal.maxFileSize)
        return try RoundJournal.entries(of: doc, file: "journal", roundHash: nil).entries
    }

    /// `receipt`: parse (cap 4096, kind 11, header), signature by `secretary-signing-key`, round
    /// (`round-hash`), then held by the `journal` (spec §11.3).
    @Sendable static func runReceipt(_ vector: Vector) -> String {
        guard let key = signingKey(vector), let round = vector["round-hash"].flatMap({ Hex.decode($0) }) else {
            return "no valid secretary-signing-key or round-hash"
        }
        do {
            let receipt = try Receipt(parsing: vector.body, file: vector.description)
            try receipt.verify(secretaryKey: key, roundHash: round)
            try receipt.check(in: try journalEntries(vector))
            return "success"
        } catch {
            return error.errorID
        }
    }

    /// `checkpoint`: parse (cap 4096, kind 12, header), signature by `holderSigningKey`, a holder
    /// of `policy`, round (`round-hash`), then extended by the `journal` (spec §11.4).
    @Sendable static func runCheckpoint(_ vector: Vector) -> String {
        guard let round = vector["round-hash"].flatMap({ Hex.decode($0) }),
            let json = vector["policy"].flatMap({ Hex.decode($0) }),
            let policy = try? ReleasePolicy(json: try CanonicalJSON.parse(json), path: "policy")
        else { return "no valid policy or round-hash" }
        do {
            let checkpoint = try Checkpoint(parsing: vector.body, file: vector.description)
            let holder = try checkpoint.verify(policy: policy, roundHash: round)
            try checkpoint.check(in: try journalEntries(vector), holder: holder)
            return "success"
        } catch {
            return error.errorID
        }
    }
}
