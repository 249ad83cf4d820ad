import VaultCrypto

@testable import AppraisalVault

/// Vectors for the round journal (spec §7, area `journal`).
///
/// The journal is signed by the round's secretary (`thu-ky-vector`, the submission vectors'
/// secretary); every vector carries `secretary-signing-key:` (hex). Journal vectors also carry
/// `round-hash:`, the round definition file hash the journal must name (here a stand-in:
/// ``journalRound``). Defects that must still carry a valid signature are re-signed by the
/// secretary, so the check under test, not the signature, is what fails.
extension VectorGenerator {
    /// The stand-in round definition file hash: BLAKE2b-256("AppraisalVault/vectors/round").
    static let journalRound = BLAKE2b.hash(Array("AppraisalVault/vectors/round".utf8), outputLength: 32)

    static func fakeHash(_ label: String) -> [UInt8] {
        BLAKE2b.hash(Array("AppraisalVault/vectors/hash/\(label)".utf8), outputLength: 32)
    }

    /// Three entries: round-init, receive (tv-vector r1), supersede (tv-vector r2), chained.
    static func journalEntries() -> [RoundJournal.Entry] {
        let events: [(String, String, [String: JSONValue])] = [
            ("2026-01-15T08:00:00Z", "round-init", ["roundDefinition": .hex(journalRound)]),
            (
                "2026-01-16T09:30:00Z", "receive",
                ["fileHash": .hex(fakeHash("tv-vector.r1")), "member": .string("tv-vector"), "revision": .integer(1)]
            ),
            (
                "2026-01-17T10:45:00Z", "supersede",
                [
                    "fileHash": .hex(fakeHash("tv-vector.r2")), "member": .string("tv-vector"), "revision": .integer(2),
                    "supersedes": .integer(1),
                ]
            ),
        ]
        return chain(events.map { ($0.0, $0.1, $0.2) })
    }

    /// Entries with `seq` and `prev` filled in correctly.
    static func chain(_ items: [(String, String, [String: JSONValue])]) -> [RoundJournal.Entry] {
        var entries = [RoundJournal.Entry]()
        for (at, event, details) in items {
            entries.append(
                RoundJournal.Entry(
                    sequence: entries.count + 1, at: at, event: event, details: details,
                    previous: entries.last?.hash ?? [UInt8](repeating: 0, count: 32)))
        }
        return entries
    }

    /// A journal file: header `{"entries","head","round"}` signed by `signer`.
    static func journalFile(
        _ entries: [JSONValue], head: [UInt8], round: [UInt8] = journalRound, signer: Ed25519.PrivateKey
    ) throws -> [UInt8] {
        try SignedDocument.encode(
            kind: .journalHead,
            header: .object(["entries": .array(entries), "head": .hex(head), "round": .hex(round)]),
            signer: signer)
    }

    @Sendable static func journalVectors() throws -> [Vector] {
        let secretary = try submissionSecretary()
        let key = secretary.signingKey
        let entries = journalEntries()
        let good = try journalFile(entries.map(\.json), head: entries.last!.hash, signer: key)
        let empty = try journalFile([], head: [UInt8](repeating: 0, count: 32), signer: key)

        // Entry 2 removed; entries 1 and 3 kept as they were, head = hash of entry 3, re-signed.
        let removed = try journalFile([entries[0].json, entries[2].json], head: entries[2].hash, signer: key)
        // Entry 2 removed and entry 3 renumbered to seq 2; its prev still names the removed entry.
        let renumbered = RoundJournal.Entry(
            sequence: 2, at: entries[2].at, event: entries[2].event, details: entries[2].details,
            previous: entries[2].previous)
        let removedRenumbered = try journalFile([entries[0].json, renumbered.json], head: renumbered.hash, signer: key)
        // Entry 2's revision edited (1 → 3); head kept; re-signed, and not re-signed.
        var details = entries[1].details
        details["revision"] = .integer(3)
        let edited = RoundJournal.Entry(
            sequence: 2, at: entries[1].at, event: entries[1].event, details: details, previous: entries[1].previous)
        let editedJSON = [entries[0].json, edited.json, entries[2].json]
        let editedResigned = try journalFile(editedJSON, head: entries[2].hash, signer: key)
        let goodDoc = try SignedDocument(parsing: good, expecting: .journalHead, file: "good")
        let editedUnsigned =
            Container.preamble(
                kind: .journalHead,
                header: .object([
                    "entries": .array(editedJSON), "head": .hex(entries[2].hash), "round": .hex(journalRound),
                ]))
            + goodDoc.signature
        // The last entry edited: the chain holds, only head is wrong.
        var lastDetails = entries[2].details
        lastDetails["revision"] = .integer(3)
        let editedLast = RoundJournal.Entry(
            sequence: 3, at: entries[2].at, event: entries[2].event, details: lastDetails, previous: entries[2].previous
        )
        let headStale = try journalFile(
            [entries[0].json, entries[1].json, editedLast.json], head: entries[2].hash, signer: key)
        // Entries 2 and 3 swapped.
        let reordered = try journalFile(
            [entries[0].json, entries[2].json, entries[1].json], head: entries[1].hash, signer: key)
        // The same chain, made for another round.
        let otherRound = fakeHash("other-round")
        let wrongRound = try journalFile(entries.map(\.json), head: entries.last!.hash, round: otherRound, signer: key)
        // An unknown field inside entry 1 (chain recomputed around it is irrelevant: the parser refuses it first).
        guard case .object(var first) = entries[0].json else { preconditionFailure("entry json") }
        first["note"] = .string("không có trong đặc tả")
        let unknownField = try journalFile(
            [.object(first), entries[1].json, entries[2].json], head: entries.last!.hash, signer: key)

        // A reject entry recording a file name with a bidi control (a writer replaces it by `?`, §7).
        let disguised = chain(
            journalEntries().map { ($0.at, $0.event, $0.details) } + [
                (
                    "2026-01-18T11:00:00Z", "reject",
                    ["file": .string("bien-ban\u{202E}fdp.avs"), "rule": .string("format.not-avault")]
                )
            ])
        let bidiDetails = try journalFile(disguised.map(\.json), head: disguised.last!.hash, signer: key)

        let keyField = ("secretary-signing-key", Hex.encode(key.publicKey.rawRepresentation))
        let roundField = ("round-hash", Hex.encode(journalRound))
        func a(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8], extra: [(String, String)] = [])
            -> Vector
        {
            vector("journal", name, expect: expect, [keyField, roundField] + extra, comment: comment, body)
        }
        return [
            a(
                "success", "success",
                "three entries (round-init, receive, supersede) signed by thu-ky-vector; round-hash = BLAKE2b-256(\"AppraisalVault/vectors/round\")",
                good, extra: [("entry-count", "3"), ("head", Hex.encode(entries.last!.hash))]),
            a(
                "empty", "success",
                "no entries; head is 32 zero bytes (the chain is intact; verify check 5 fails later)", empty,
                extra: [("entry-count", "0"), ("head", Hex.encode([UInt8](repeating: 0, count: 32)))]),
            a(
                "bad-signature", "journal.bad-signature", "the same header signed by tv-other instead of the secretary",
                try journalFile(entries.map(\.json), head: entries.last!.hash, signer: try submissionOther().signingKey)
            ),
            a("flipped-signature", "journal.bad-signature", "last byte XOR 0x01", flipped(good, at: good.count - 1)),
            a(
                "edited-entry", "journal.bad-signature", "entry 2 revision 1 changed to 3 after signing, not re-signed",
                editedUnsigned),
            a(
                "edited-entry-re-signed", "journal.broken-chain",
                "entry 2 revision changed to 3 and the journal re-signed: entry 3's prev no longer matches",
                editedResigned),
            a(
                "edited-last-entry-re-signed", "journal.broken-chain",
                "entry 3 revision changed to 3, re-signed with the old head: head is not the last entry's hash",
                headStale),
            a(
                "entry-removed", "journal.broken-chain",
                "entry 2 removed, head = hash of entry 3, re-signed: entry 3 sits at position 2", removed),
            a(
                "entry-removed-renumbered", "journal.broken-chain",
                "entry 2 removed, entry 3 renumbered to seq 2, head recomputed, re-signed: its prev names the removed entry",
                removedRenumbered),
            a(
                "entries-reordered", "journal.broken-chain",
                "entries 2 and 3 swapped, head = hash of the new last entry, re-signed",
                reordered),
            a(
                "wrong-round", "journal.wrong-round",
                "a correct chain whose round is BLAKE2b-256(\"AppraisalVault/vectors/hash/other-round\"), signed",
                wrongRound),
            a("unknown-entry-field", "format.header", "extra field \"note\" in entry 1, signed", unknownField),
            a(
                "bidi-in-details", "format.header",
                "a fourth entry, reject, whose details.file holds U+202E; chained and signed (spec §7, §1.3)",
                bidiDetails),
            a("trailing-byte", "format.trailing", "one zero byte after the signature", good + [0]),
            a(
                "wrong-kind", "format.wrong-kind", "kind byte 5 (manifest)",
                replacing(good, at: 8, with: ArtifactKind.manifest.rawValue)),
        ]
    }

    static func replacing(_ bytes: [UInt8], at index: Int, with value: UInt8) -> [UInt8] {
        var copy = bytes
        copy[index] = value
        return copy
    }
}

extension VectorRunner {
    static func signingKey(_ vector: Vector, _ name: String = "secretary-signing-key") -> Ed25519.PublicKey? {
        vector[name].flatMap { Hex.decode($0) }.flatMap { try? Ed25519.PublicKey(rawRepresentation: $0) }
    }

    /// `journal`: what ``RoundJournal/load(roundDirectory:secretaryKey:roundHash:)`` does after
    /// reading the file: parse (kind 9), signature by `secretary-signing-key`, then entries, round
    /// (`round-hash`) and chain; `entry-count` and `head` must match when given.
    @Sendable static func runJournal(_ vector: Vector) -> String {
        guard let key = signingKey(vector), let round = vector["round-hash"].flatMap({ Hex.decode($0) }) else {
            return "no valid secretary-signing-key or round-hash"
        }
        do {
            let doc = try SignedDocument(
                parsing: vector.body, expecting: .journalHead, file: vector.description,
                maxHeaderLength: RoundJournal.maxFileSize)
            guard doc.isSigned(by: key) else { throw JournalError(.badSignature, [.text(vector.description)]) }
            let (entries, _) = try RoundJournal.entries(of: doc, file: vector.description, roundHash: round)
            if let count = vector["entry-count"], count != String(entries.count) {
                return "entry count \(entries.count) differs from \(count)"
            }
            let head = entries.last?.hash ?? [UInt8](repeating: 0, count: 32)
            if let expected = vector["head"], expected != Hex.encode(head) { return "head differs from \(expected)" }
            return "success"
        } catch {
            return error.errorID
        }
    }
}
