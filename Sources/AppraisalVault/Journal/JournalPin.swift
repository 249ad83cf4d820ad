/// The journal head this machine last saw of one round (spec §11.1): the pin file's content,
/// canonical JSON `{"entries": n, "head": hex32, "round": hex32}`.
///
/// A journal *extends* the pin when it has at least `entries` entries and the hash of entry
/// `entries` is `head` (spec §11.2): everything the pinned journal said is still there, in place.
/// An older signed copy, or any other history, does not.
public struct JournalPin: Sendable, Hashable {
    /// The round definition's file hash (also the file's name).
    public let round: [UInt8]
    /// The number of entries the pinned journal had.
    public let entries: Int
    /// The hash of its last entry (32 zero bytes for none).
    public let head: [UInt8]

    /// The largest pin file read.
    static let maxFileSize = 4096

    init(round: [UInt8], entries: Int, head: [UInt8]) {
        self.round = round
        self.entries = entries
        self.head = head
    }

    /// The pin of a journal's current state.
    init(_ contents: RoundJournal.Contents) {
        self.init(round: contents.roundHash, entries: contents.entries.count, head: contents.head)
    }

    /// Parses a pin file strictly; `round` must be the round the file is named after.
    ///
    /// - Throws: ``JournalError`` `journal.pin-malformed`.
    init(parsing bytes: [UInt8], file: String, round expected: [UInt8]) throws {
        do {
            var r = try FieldReader(try CanonicalJSON.parse(bytes))
            entries = Int(try r.integer("entries", in: 0...Int64(Int32.max)))
            head = try r.hex("head", length: 32)
            round = try r.hex("round", length: 32)
            try r.finish()
        } catch {
            throw JournalError(.pinMalformed, [.file(file), .text(String(describing: error))])
        }
        guard round == expected else {
            throw JournalError(.pinMalformed, [.file(file), .text("round differs from the file name")])
        }
    }

    /// The pin as canonical JSON.
    var json: JSONValue { .object(["entries": .int(entries), "head": .hex(head), "round": .hex(round)]) }

    /// True when `journal` extends this pin (spec §11.2).
    func isExtended(by journal: [RoundJournal.Entry]) -> Bool {
        guard entries > 0 else { return true }
        return journal.count >= entries && journal[entries - 1].hash == head
    }

    /// Refuses `journal` (of the round folder `roundDirectory`) when the current store has a pin for
    /// its round that it does not extend.
    ///
    /// - Throws: ``JournalError`` `journal.rolled-back` (naming both heads and the pin file),
    ///   `journal.pin-malformed`.
    static func check(_ journal: [RoundJournal.Entry], roundHash: [UInt8], roundDirectory: String) throws {
        guard let store = PinStore.current, let pin = try store.read(roundHash: roundHash),
            !pin.isExtended(by: journal)
        else { return }
        let head = journal.last?.hash ?? [UInt8](repeating: 0, count: 32)
        throw JournalError(
            .rolledBack,
            [
                .file(RoundLayout(roundDirectory).journal), .text(String(journal.count)), .text(short(head)),
                .text(String(pin.entries)), .text(short(pin.head)), .file(store.file(roundHash: roundHash)),
            ], hint: ErrorHint(.pinAccept, [.file(roundDirectory), .text(Hex.encode(head))]))
    }

    /// Moves the current store's pin of `contents`' round to its head (spec §11.1: every append).
    /// Best effort: the journal is already written, and a pin left behind only checks less.
    static func advance(to contents: RoundJournal.Contents) {
        try? PinStore.current?.write(JournalPin(contents))
    }

    /// The first 8 bytes of a hash as hex, for messages.
    static func short(_ hash: [UInt8]) -> String { String(Hex.encode(hash).prefix(16)) }
}

// MARK: - `avault pin`

extension JournalPin {
    /// What `avault pin` shows: this machine's pin of a round and the journal in the folder.
    public struct State: Sendable {
        /// The pin file.
        public let file: String
        /// The pin, nil when this machine has none.
        public let pin: JournalPin?
        /// The journal's entry count.
        public let journalEntries: Int
        /// The journal's head.
        public let journalHead: [UInt8]
        /// True when the journal extends the pin (or there is none).
        public let extends: Bool
    }

    /// Reads the current store's pin of the round in `roundDirectory` and its journal (checked:
    /// signature by the secretary, chain, round; not against the pin). A malformed pin file shows
    /// as none, so that ``accept(roundDirectory:round:head:)`` can replace it.
    ///
    /// - Throws: ``JournalError`` `journal.pin-no-state` when no store is bound, any journal error.
    public static func state(roundDirectory: String, round: RoundDefinition) throws -> State {
        guard let store = PinStore.current else { throw JournalError(.pinNoState) }
        let journal = try RoundJournal.load(
            roundDirectory: roundDirectory, secretaryKey: round.secretary.signingKey, roundHash: round.fileHash,
            checkingPin: false)
        let pin = try? store.read(roundHash: round.fileHash)
        return State(
            file: store.file(roundHash: round.fileHash), pin: pin, journalEntries: journal.entries.count,
            journalHead: journal.head, extends: pin?.isExtended(by: journal.entries) ?? true)
    }

    /// Pins the journal now in `roundDirectory` on purpose (after a refusal, or to anchor a round
    /// on an auditor's machine): `head` must be the journal's head in full (64 hex digits), so the
    /// person accepting has read it (spec §11.2).
    ///
    /// - Returns: the new state.
    /// - Throws: ``JournalError`` `journal.pin-accept-mismatch`, and the errors of
    ///   ``state(roundDirectory:round:)``; a file error when the pin cannot be written.
    public static func accept(roundDirectory: String, round: RoundDefinition, head: String) throws -> State {
        let before = try state(roundDirectory: roundDirectory, round: round)
        guard Hex.decode(head.lowercased()) == before.journalHead else {
            throw JournalError(
                .pinAcceptMismatch,
                [.text(head), .file(RoundLayout(roundDirectory).journal), .text(Hex.encode(before.journalHead))])
        }
        let pin = JournalPin(round: round.fileHash, entries: before.journalEntries, head: before.journalHead)
        try PinStore.current?.write(pin)
        return State(
            file: before.file, pin: pin, journalEntries: before.journalEntries, journalHead: before.journalHead,
            extends: true)
    }
}
