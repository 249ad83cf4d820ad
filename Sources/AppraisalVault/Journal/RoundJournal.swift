internal import VaultCrypto

/// The round journal: an append-only, hash-chained log of every state change, signed by the
/// secretary (spec §7).
///
/// It is one file, `ROUND/journal.avj`, a ``SignedDocument`` of kind `journal` whose header is
/// `{"entries": [...], "head": hex32, "round": hex32}`. Entry *i* is
/// `{"at": time, "details": {...}, "event": name, "prev": hex32, "seq": i}` with `seq` counting
/// from 1; `prev` is the hash of entry *i−1* (32 zero bytes for the first), where the hash of an
/// entry is `BLAKE2b-256(domain("entry") || canonical JSON of the entry)`; `head` is the hash of
/// the last entry; `round` is the round definition's file hash. Each append rewrites the whole
/// file atomically (temp + fsync + rename), so a crash leaves the old journal or the new one.
enum RoundJournal {
    /// Upper bound on the journal file.
    static let maxFileSize = 64 << 20

    /// One journal entry.
    struct Entry: Sendable, Hashable {
        /// Position, from 1.
        let sequence: Int
        /// When it was written (informational; order is by `sequence`).
        let at: String
        /// What happened, e.g. `round-init`, `receive`, `reject`, `supersede`, `merge`.
        let event: String
        /// Event details (hashes, ids, revisions; never scores).
        let details: [String: JSONValue]
        /// Hash of the previous entry.
        let previous: [UInt8]

        /// The event, when it is one this version knows (``event`` keeps the name as written).
        var kind: JournalEvent? { JournalEvent(rawValue: event) }

        /// The entry as canonical JSON.
        var json: JSONValue {
            .object([
                "at": .string(at), "details": .object(details), "event": .string(event), "prev": .hex(previous),
                "seq": .integer(Int64(sequence)),
            ])
        }

        /// This entry's chain hash.
        var hash: [UInt8] {
            BLAKE2b.hash(ArtifactKind.journalHead.domain("entry") + CanonicalJSON.serialize(json), outputLength: 32)
        }

        init(json: JSONValue, path: String) throws(FieldReader.Failure) {
            var r = try FieldReader(json, path: path)
            sequence = Int(try r.integer("seq", in: 1...Int64(Int32.max)))
            at = try r.string("at", maxBytes: 32)
            event = try r.string("event", maxBytes: 64)
            guard case .object(let d) = try r.value("details") else {
                throw FieldReader.Failure(path: path + ".details", reason: "expected an object")
            }
            try Entry.checkStrings(.object(d), path: path + ".details")
            details = d
            previous = try r.hex("prev", length: 32)
            try r.finish()
        }

        /// Every string in `value`, keys included, is one line of text (spec §7, §1.3).
        private static func checkStrings(_ value: JSONValue, path: String) throws(FieldReader.Failure) {
            switch value {
            case .string(let s): try FieldReader.checkText(s, path: path)
            case .array(let items):
                for (i, item) in items.enumerated() { try checkStrings(item, path: "\(path)[\(i)]") }
            case .object(let fields):
                for (key, item) in fields {
                    try FieldReader.checkText(key, path: path)
                    try checkStrings(item, path: "\(path).\(key)")
                }
            default: return
            }
        }

        init(sequence: Int, at: String, event: String, details: [String: JSONValue], previous: [UInt8]) {
            self.sequence = sequence
            self.at = at
            self.event = event
            self.details = details
            self.previous = previous
        }
    }

    /// A journal read from disk and checked.
    struct Contents: Sendable {
        /// The entries, in order.
        let entries: [Entry]
        /// The round it belongs to.
        let roundHash: [UInt8]
        /// The hash of the last entry (32 zero bytes when empty).
        var head: [UInt8] { entries.last?.hash ?? [UInt8](repeating: 0, count: 32) }
        /// BLAKE2b-256 of the journal file.
        let fileHash: [UInt8]
    }

    /// Reads the journal and checks its signature by `secretaryKey`, its chain, that it belongs
    /// to `roundHash`, and that it extends this machine's pin of the round (spec §11.2).
    ///
    /// - Parameters:
    ///   - roundDirectory: the round folder.
    ///   - secretaryKey: the round secretary's signing key.
    ///   - roundHash: the round definition's file hash.
    ///   - checkingPin: false only for `avault pin`, which shows and replaces the pin.
    /// - Returns: the entries, the round they name and the journal's file hash.
    /// - Throws: ``JournalError`` `journal.bad-signature`, `journal.broken-chain`,
    ///   `journal.wrong-round`, `journal.rolled-back`, `journal.pin-malformed`, or a format error.
    static func load(
        roundDirectory: String, secretaryKey: Ed25519.PublicKey, roundHash: [UInt8], checkingPin: Bool = true
    ) throws -> Contents {
        let path = FileIO.join(roundDirectory, RoundLayout.journalFileName)
        let bytes = try FileIO.read(path, maxBytes: maxFileSize)
        let doc = try SignedDocument(parsing: bytes, expecting: .journalHead, file: path, maxHeaderLength: maxFileSize)
        guard doc.isSigned(by: secretaryKey) else {
            throw JournalError(.badSignature, [.file(path)], hint: ErrorHint(.askForNewCopy))
        }
        let (entries, round) = try entries(of: doc, file: path, roundHash: roundHash)
        if checkingPin { try JournalPin.check(entries, roundHash: round, roundDirectory: roundDirectory) }
        return Contents(entries: entries, roundHash: round, fileHash: doc.fileHash)
    }

    /// Reads the entries of a parsed journal document and checks their chain and the head (no
    /// signature check: ``load(roundDirectory:secretaryKey:roundHash:)`` verifies the signature
    /// before calling this). Reachable from bytes alone, so the fuzzer can drive it.
    ///
    /// - Parameters:
    ///   - doc: the parsed journal file.
    ///   - path: the path, for messages.
    ///   - roundHash: the round the journal must belong to, or nil to accept any.
    /// - Returns: the entries in order and the round hash the journal names.
    /// - Throws: ``FormatError`` `format.header`, `journal.wrong-round` or `journal.broken-chain`.
    static func entries(
        of doc: SignedDocument, file path: String, roundHash: [UInt8]?
    ) throws -> (entries: [Entry], round: [UInt8]) {
        var entries = [Entry]()
        let round: [UInt8]
        let head: [UInt8]
        do {
            var r = try FieldReader(doc.container.header)
            round = try r.hex("round", length: 32)
            head = try r.hex("head", length: 32)
            for (i, item) in try r.array("entries").enumerated() {
                entries.append(try Entry(json: item, path: "entries[\(i)]"))
            }
            try r.finish()
        } catch {
            throw FormatError(.header, [.file(path), .text(error.description)])
        }
        if let roundHash, !Sodium.constantTimeEqual(round, roundHash) { throw JournalError(.wrongRound, [.file(path)]) }
        var previous = [UInt8](repeating: 0, count: 32)
        for (i, entry) in entries.enumerated() {
            guard entry.sequence == i + 1, entry.previous == previous else {
                throw JournalError(.brokenChain, [.file(path), .text(String(i + 1))])
            }
            previous = entry.hash
        }
        guard previous == head else { throw JournalError(.brokenChain, [.file(path), .text(String(entries.count))]) }
        return (entries, round)
    }

    /// Appends one entry and re-signs the journal; creates the journal if absent.
    ///
    /// The existing journal is verified first (signature by this secretary, chain, round, this
    /// machine's pin), so an altered or rolled-back journal is never silently extended; the pin
    /// then moves to the new head (spec §11.1).
    ///
    /// - Parameters:
    ///   - roundDirectory: the round folder (must hold `round.avr`).
    ///   - event: the event.
    ///   - details: event details — ids, revisions and hashes only, never scores or reasons.
    ///   - secretary: the unlocked secretary identity.
    ///   - at: the time to record.
    ///   - knownRoundHash: the file hash of `round.avr` when the caller holds the round's lock and
    ///     has just loaded and verified it (the merge: a round of a million cells is not parsed
    ///     again for its hash); nil reads it from the file.
    /// - Returns: the entry appended.
    /// - Throws: ``JournalError`` `journal.bad-signature`, `journal.broken-chain`,
    ///   `journal.wrong-round`, `journal.rolled-back` when the existing journal does not verify
    ///   or does not extend the pin; ``FormatError`` when
    ///   `round.avr` or the journal cannot be read or parsed, or the journal cannot be written.
    @discardableResult
    static func append(
        roundDirectory: String, event: JournalEvent, details: [String: JSONValue], secretary: SecretIdentity,
        at: String = Timestamp.now(), knownRoundHash: [UInt8]? = nil
    ) throws -> Entry {
        let roundHash = try knownRoundHash ?? roundFileHash(roundDirectory)
        let path = FileIO.join(roundDirectory, RoundLayout.journalFileName)
        var entries = [Entry]()
        if FileIO.exists(path) {
            entries = try load(
                roundDirectory: roundDirectory, secretaryKey: secretary.identity.signingKey, roundHash: roundHash
            )
            .entries
        } else if event != .roundInit {
            // A journal that vanished is not a new one (spec §11.2).
            try JournalPin.check([], roundHash: roundHash, roundDirectory: roundDirectory)
        }
        // The pin folder must be writable before the journal changes (spec §11.1).
        try PinStore.current?.prepare()
        let entry = Entry(
            sequence: entries.count + 1, at: at, event: event.rawValue, details: details,
            previous: entries.last?.hash ?? [UInt8](repeating: 0, count: 32))
        entries.append(entry)
        let header = JSONValue.object([
            "entries": .array(entries.map(\.json)), "head": .hex(entry.hash), "round": .hex(roundHash),
        ])
        let bytes = try SignedDocument.encode(kind: .journalHead, header: header, signer: secretary.signingKey)
        try FileIO.writeAtomically(bytes, to: path, mode: 0o644, replacing: true)
        JournalPin.advance(to: Contents(entries: entries, roundHash: roundHash, fileHash: []))
        return entry
    }

    /// The file hash of `ROUND/round.avr` (parsed, not verified: callers verify the round).
    static func roundFileHash(_ roundDirectory: String) throws -> [UInt8] {
        let path = FileIO.join(roundDirectory, RoundLayout.definitionFileName)
        let bytes = try FileIO.read(path, maxBytes: RoundDefinition.maxHeaderLength + 4096)
        return try SignedDocument(
            parsing: bytes, expecting: .roundDefinition, file: path, maxHeaderLength: RoundDefinition.maxHeaderLength
        ).fileHash
    }
}
