internal import VaultCrypto

/// The secretary's signed receipt for one accepted file (spec §11.3): "entry `entry` of the
/// journal of round `round` records this file, and the journal's head after it is `head`".
///
/// A ``SignedDocument`` of kind `receipt` (11), signed by the round's secretary, header
/// `{"at", "entry", "event", "fileHash", "head", "index"?, "member", "revision", "round"}`
/// (`index` only for evidence). `receive` writes one per accepted file into `ROUND/receipts/`
/// and, with `--receipts-out`, onto the member's stick. A member who keeps it can later show that
/// the journal no longer holds their file at that place: a rollback the secretary's signature
/// alone cannot reveal.
public struct Receipt: Sendable {
    /// The journal entry's time (informational).
    public let at: String
    /// The journal entry's `seq`.
    public let entry: Int
    /// `receive`, `supersede` or `receive-evidence`.
    public let event: JournalEvent
    /// BLAKE2b-256 of the accepted file.
    public let fileHash: [UInt8]
    /// The hash of the journal entry (the journal's head right after it).
    public let head: [UInt8]
    /// The evidence index, for `receive-evidence` only.
    public let index: Int?
    /// The member (or the secretary, for their own evidence).
    public let member: String
    /// The submission revision.
    public let revision: Int
    /// The round definition's file hash.
    public let round: [UInt8]
    /// The parsed document (for the signature).
    let document: SignedDocument
    /// The path, for messages.
    public let file: String

    /// The largest receipt file accepted (spec §1.8).
    static let maxFileSize = 4096

    /// The events a receipt can be for.
    static let events: [JournalEvent] = [.receive, .supersede, .receiveEvidence]

    /// The receipt's file name in `ROUND/receipts/`.
    public var fileName: String { RoundLayout.receiptFileName(member: member, revision: revision, index: index) }

    // MARK: - Creating

    /// The receipt for `entry` of a journal of round `round`, signed by `secretary`; nil when the
    /// entry is not one that accepts a file.
    static func encode(for entry: RoundJournal.Entry, round: [UInt8], secretary: SecretIdentity) throws -> [UInt8]? {
        guard let event = entry.kind, events.contains(event), case .string(let hash)? = entry.details["fileHash"],
            case .string(let member)? = entry.details["member"],
            case .integer(let revision)? = entry.details["revision"]
        else { return nil }
        var header: [String: JSONValue] = [
            "at": .string(entry.at), "entry": .int(entry.sequence), "event": .string(event.rawValue),
            "fileHash": .string(hash), "head": .hex(entry.hash), "member": .string(member),
            "revision": .integer(revision), "round": .hex(round),
        ]
        if event == .receiveEvidence {
            guard case .integer(let index)? = entry.details["index"] else { return nil }
            header["index"] = .integer(index)
        }
        return try SignedDocument.encode(kind: .receipt, header: .object(header), signer: secretary.signingKey)
    }

    // MARK: - Parsing

    /// Parses a receipt strictly (the signature is checked by ``verify(round:)``).
    ///
    /// - Throws: ``FormatError`` `file.too-large`, `format.*`, `format.header` naming the field.
    init(parsing bytes: [UInt8], file: String) throws {
        let document = try SignedDocument(parsing: bytes, expecting: .receipt, file: file, cap: Receipt.maxFileSize)
        do throws(FieldReader.Failure) {
            var r = try FieldReader(document.container.header)
            at = try r.string("at", maxBytes: 32)
            entry = Int(try r.integer("entry", in: 1...Int64(Int32.max)))
            let name = try r.string("event", maxBytes: 64)
            guard let event = JournalEvent(rawValue: name), Receipt.events.contains(event) else {
                throw FieldReader.Failure(path: "event", reason: "not receive, supersede or receive-evidence")
            }
            self.event = event
            fileHash = try r.hex("fileHash", length: 32)
            head = try r.hex("head", length: 32)
            if event == .receiveEvidence {
                index = Int(try r.integer("index", in: 1...999))
            } else {
                index = nil
            }
            member = try r.string("member", maxBytes: 64)
            guard Identifier.isValid(member) else {
                throw FieldReader.Failure(path: "member", reason: "not a valid identifier")
            }
            revision = Int(try r.integer("revision", in: 1...1_000_000))
            round = try r.hex("round", length: 32)
            try r.finish()
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
        self.document = document
        self.file = file
    }

    /// Reads and parses the receipt file `path`.
    ///
    /// - Throws: a file error, or the errors of parsing.
    public init(file path: String) throws {
        try self.init(parsing: try FileIO.read(path, maxBytes: Receipt.maxFileSize + 1), file: path)
    }

    // MARK: - Verifying

    /// Checks the signature by the round's secretary, then the round (spec §11.3 steps 2–3).
    ///
    /// - Throws: ``JournalError`` `receipt.bad-signature`, `receipt.wrong-round`.
    public func verify(round definition: RoundDefinition) throws {
        try verify(secretaryKey: definition.secretary.signingKey, roundHash: definition.fileHash)
    }

    /// ``verify(round:)`` from the two facts it needs (the vectors have no round definition).
    func verify(secretaryKey: Ed25519.PublicKey, roundHash: [UInt8]) throws {
        guard document.isSigned(by: secretaryKey) else {
            throw JournalError(.receiptBadSignature, [.file(file)], hint: ErrorHint(.askForNewCopy))
        }
        guard round == roundHash else { throw JournalError(.receiptWrongRound, [.file(file)]) }
    }

    /// Checks that `journal` holds the receipt's entry at its index (spec §11.3 step 4): entry
    /// `entry` exists, its hash is `head`, and its event and details name this file.
    ///
    /// - Throws: ``JournalError`` `receipt.not-in-journal`.
    func check(in journal: [RoundJournal.Entry]) throws {
        let found = entry <= journal.count ? journal[entry - 1] : nil
        guard let found, found.hash == head, found.event == event.rawValue,
            found.details["fileHash"] == .hex(fileHash), found.details["member"] == .string(member),
            found.details["revision"] == .integer(Int64(revision)),
            index == nil || found.details["index"] == .integer(Int64(index ?? 0))
        else {
            throw JournalError(
                .receiptNotInJournal,
                [
                    .file(file), .member(member), .revision(revision), .text(String(entry)),
                    .text(JournalPin.short(head)),
                ])
        }
    }
}

// MARK: - `avault receipt check`

extension Receipt {
    /// What `avault receipt check` found.
    public struct Check: Sendable {
        /// The receipt, signed by the round's secretary and for this round.
        public let receipt: Receipt
        /// True when a journal was there to check and holds the receipt's entry; false when only
        /// the round definition was given.
        public let journalChecked: Bool
    }

    /// A member checks their receipt (spec §11.3): the signature by the round's secretary, the
    /// round, and — when `roundDirectory` holds a journal — that the journal (verified) holds it.
    ///
    /// - Parameters:
    ///   - path: the receipt file.
    ///   - round: the round's verified definition.
    ///   - roundDirectory: the folder of `round.avr`; its journal is checked when present.
    /// - Returns: the receipt and whether the journal was checked.
    /// - Throws: the errors of parsing, ``verify(round:)``, ``RoundJournal`` loading and
    ///   `receipt.not-in-journal`.
    public static func check(_ path: String, round: RoundDefinition, roundDirectory: String) throws -> Check {
        let receipt = try Receipt(file: path)
        try receipt.verify(round: round)
        guard FileIO.exists(RoundLayout(roundDirectory).journal) else {
            return Check(receipt: receipt, journalChecked: false)
        }
        let journal = try RoundJournal.load(
            roundDirectory: roundDirectory, secretaryKey: round.secretary.signingKey, roundHash: round.fileHash)
        try receipt.check(in: journal.entries)
        return Check(receipt: receipt, journalChecked: true)
    }
}
