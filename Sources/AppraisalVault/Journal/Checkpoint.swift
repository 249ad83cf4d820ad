internal import VaultCrypto

/// A release holder's signed checkpoint of the journal (spec §11.4): "I saw the journal of round
/// `round` with `entries` entries and head `head`".
///
/// A ``SignedDocument`` of kind `checkpoint` (12), signed by the holder's signing key, header
/// `{"created", "entries", "head", "holder", "holderSigningKey", "round"}`, stored as
/// `ROUND/checkpoints/HOLDER.jENTRIES.avp`. The secretary cannot forge one, so a journal that
/// does not extend it — an older signed copy put back, a history rewritten and re-signed — fails
/// `verify` and is refused by `merge`. As with approvals, the holder is identified by the key;
/// `holder` is a label.
public struct Checkpoint: Sendable {
    /// When the holder signed (informational).
    public let created: String
    /// The journal's entry count at that time (≥ 1: a journal starts with `round-init`).
    public let entries: Int
    /// The hash of entry `entries`.
    public let head: [UInt8]
    /// The holder id signed under (a label).
    public let holder: String
    /// The key that signed; it identifies the holder.
    let holderSigningKey: Ed25519.PublicKey
    /// The round definition's file hash.
    public let round: [UInt8]
    /// The parsed document (for the signature).
    let document: SignedDocument
    /// The path, for messages.
    public let file: String

    /// The largest checkpoint file accepted (spec §1.8).
    static let maxFileSize = 4096

    // MARK: - Parsing

    /// Parses a checkpoint strictly (the signature is checked by ``verify(round:)``).
    ///
    /// - Throws: ``FormatError`` `file.too-large`, `format.*`, `format.header` naming the field.
    init(parsing bytes: [UInt8], file: String) throws {
        let document = try SignedDocument(
            parsing: bytes, expecting: .checkpoint, file: file, cap: Checkpoint.maxFileSize)
        do throws(FieldReader.Failure) {
            var r = try FieldReader(document.container.header)
            created = try r.timestamp("created")
            entries = Int(try r.integer("entries", in: 1...Int64(Int32.max)))
            head = try r.hex("head", length: 32)
            holder = try r.string("holder", maxBytes: 64)
            guard Identifier.isValid(holder) else {
                throw FieldReader.Failure(path: "holder", reason: "not a valid identifier")
            }
            holderSigningKey = try r.signingKey("holderSigningKey")
            round = try r.hex("round", length: 32)
            try r.finish()
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
        self.document = document
        self.file = file
    }

    // MARK: - Verifying

    /// Checks the signature by `holderSigningKey`, that the key is a holder of the round, and
    /// the round (spec §11.4 steps 2–4).
    ///
    /// - Returns: the holder's id in the round definition.
    /// - Throws: ``JournalError`` `checkpoint.bad-signature`, `checkpoint.not-a-holder`,
    ///   `checkpoint.wrong-round`.
    @discardableResult
    func verify(round definition: RoundDefinition) throws -> String {
        try verify(policy: definition.release, roundHash: definition.fileHash)
    }

    /// ``verify(round:)`` from the two facts it needs (the vectors have no round definition).
    func verify(policy: ReleasePolicy, roundHash: [UInt8]) throws -> String {
        guard document.isSigned(by: holderSigningKey) else {
            throw JournalError(.checkpointBadSignature, [.file(file)], hint: ErrorHint(.askForNewCopy))
        }
        guard let entry = policy.holders.first(where: { $0.identity.signingKey == holderSigningKey }) else {
            throw JournalError(.checkpointNotAHolder, [.file(file), .text(holder)])
        }
        guard round == roundHash else { throw JournalError(.checkpointWrongRound, [.file(file)]) }
        return entry.identity.id
    }

    /// Checks that `journal` extends the checkpoint (spec §11.4 step 5).
    ///
    /// - Throws: ``JournalError`` `checkpoint.not-extended`.
    func check(in journal: [RoundJournal.Entry], holder name: String) throws {
        guard journal.count >= entries, journal[entries - 1].hash == head else {
            throw JournalError(
                .checkpointNotExtended,
                [
                    .file(file), .text(name), .text(String(entries)), .text(JournalPin.short(head)),
                    .text(String(journal.count)),
                ])
        }
    }

    /// The visible files of `ROUND/checkpoints/`, as paths.
    static func files(in roundDirectory: String) throws -> [String] {
        let folder = RoundLayout(roundDirectory).checkpoints
        guard FileIO.isDirectory(folder) else { return [] }
        return try FileIO.listVisible(folder).map { FileIO.join(folder, $0) }
    }

    /// Refuses `journal` unless every checkpoint in the round folder verifies and the journal
    /// extends it (what `merge` and `checkpoint` check first, spec §11.4).
    ///
    /// - Throws: the first checkpoint's error.
    static func requireAll(roundDirectory: String, round: RoundDefinition, journal: [RoundJournal.Entry]) throws {
        for path in try files(in: roundDirectory) {
            let checkpoint = try Checkpoint(parsing: try FileIO.read(path, maxBytes: maxFileSize + 1), file: path)
            let name = try checkpoint.verify(round: round)
            try checkpoint.check(in: journal, holder: name)
        }
    }

    // MARK: - `avault checkpoint`

    /// What `avault checkpoint` wrote.
    public struct Written: Sendable {
        /// The checkpoint file.
        public let path: String
        /// The holder who signed.
        public let holder: String
        /// The journal's entry count it names.
        public let entries: Int
        /// The journal head it names.
        public let head: [UInt8]
    }

    /// A release holder signs the current head of the round's journal into
    /// `ROUND/checkpoints/HOLDER.jN.avp` (spec §11.4), after checking the journal (signature,
    /// chain, round, this machine's pin) and that it extends every checkpoint already there.
    ///
    /// - Parameters:
    ///   - roundDirectory: the round folder.
    ///   - round: its verified definition.
    ///   - keyFile: the holder's key file, still locked (checked before the passphrase is asked).
    ///   - unlock: unlocks `keyFile`.
    ///   - created: the time to record.
    /// - Returns: the file written, the holder and the journal state it names.
    /// - Throws: ``ReleaseError`` `approve.not-holder`, any journal or checkpoint error,
    ///   ``RoundError`` `round.locked`, `file.exists` when this holder already signed this state.
    public static func create(
        roundDirectory: String, round: RoundDefinition, keyFile: KeyFile, unlock: (KeyFile) throws -> SecretIdentity,
        created: String = Timestamp.now()
    ) throws -> Written {
        guard let entry = round.release.holders.first(where: { $0.identity.signingKey == keyFile.identity.signingKey })
        else { throw ReleaseError(.approveNotHolder, [.text(keyFile.identity.id)]) }
        let journal = try RoundJournal.load(
            roundDirectory: roundDirectory, secretaryKey: round.secretary.signingKey, roundHash: round.fileHash)
        guard !journal.entries.isEmpty else {
            throw JournalError(.brokenChain, [.file(RoundLayout(roundDirectory).journal), .text("0")])
        }
        try requireAll(roundDirectory: roundDirectory, round: round, journal: journal.entries)
        let name = RoundLayout.checkpointFileName(holder: entry.identity.id, entries: journal.entries.count)
        let path = FileIO.join(RoundLayout(roundDirectory).checkpoints, name)
        try FileIO.refuseExisting(path)
        let holder = try unlock(keyFile)
        let header = JSONValue.object([
            "created": .string(created), "entries": .int(journal.entries.count), "head": .hex(journal.head),
            "holder": .string(entry.identity.id),
            "holderSigningKey": .hex(holder.signingKey.publicKey.rawRepresentation), "round": .hex(round.fileHash),
        ])
        let bytes = try SignedDocument.encode(kind: .checkpoint, header: header, signer: holder.signingKey)
        // The write holds the round's lock (spec §6.1), taken only once the passphrase is in; a
        // journal appended meanwhile extends the head signed here, so the checkpoint stays valid.
        try RoundLock.exclusive(roundDirectory, command: "checkpoint") {
            try FileIO.makeDirectory(RoundLayout(roundDirectory).checkpoints, mode: 0o755)
            try FileIO.writeAtomically(bytes, to: path, mode: 0o644)
        }
        return Written(path: path, holder: entry.identity.id, entries: journal.entries.count, head: journal.head)
    }
}
