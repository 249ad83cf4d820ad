internal import VaultCrypto

/// A round folder on disk: `ROUND/round.avr` (the definition) and `ROUND/journal.avj` (the
/// journal), plus what later steps add (docs/spec/06-inbox-and-merge.md §6.1).
public enum RoundFolder {
    /// Checks that `path` can hold a new round: it does not exist, or is an empty folder.
    ///
    /// - Throws: ``RoundError`` `round.out-not-empty`, `file.exists` (a file, not a folder).
    static func checkNew(_ path: String) throws {
        guard FileIO.exists(path) else { return }
        guard FileIO.isDirectory(path) else {
            throw FormatError(.fileExists, [.file(path)], hint: ErrorHint(.moveAway, [.file(path)]))
        }
        guard try FileIO.list(path).isEmpty else { throw RoundError(.outNotEmpty, [.file(path)]) }
    }

    /// Everything `round init` checks before it asks for the passphrase, in this order: the
    /// output folder, the secretary's key file, every input file (all problems at once), the
    /// secretary's role, and the demo rule.
    ///
    /// - Parameters:
    ///   - sources: the input files and the round's fields.
    ///   - keyPath: the secretary's key file (parsed, not unlocked).
    ///   - path: the new round folder.
    /// - Returns: the checked set-up, for ``create(_:secretary:at:)``, and the locked key file.
    /// - Throws: ``InputProblems`` with every input problem, or ``RoundError`` `round.out-not-empty`,
    ///   `file.exists`, any key file error, `round.secretary-role`, `round.demo-*`.
    public static func prepare(
        _ sources: RoundSetup.Sources, secretaryKey keyPath: String, at path: String
    ) throws -> (setup: RoundSetup, keyFile: KeyFile) {
        try checkNew(path)
        let keyFile = try KeyFile.load(keyPath)
        let setup = try RoundSetup.load(sources)
        let secretary = keyFile.identity
        guard secretary.role == .secretary else {
            throw RoundError(.secretaryRole, [.text(secretary.id), .text(secretary.role.rawValue)])
        }
        try setup.checkDemo(secretary: secretary)
        return (setup, keyFile)
    }

    /// Creates a round: signs the definition, writes `round.avr` atomically into the new folder
    /// `path`, and starts the journal with a `round-init` entry.
    ///
    /// - Returns: the written definition.
    /// - Throws: ``AppraisalError`` from ``checkNew(_:)``, ``RoundDefinition/create(from:secretary:created:)``,
    ///   the file system and the journal.
    public static func create(_ setup: RoundSetup, secretary: SecretIdentity, at path: String) throws -> RoundDefinition
    {
        try create(setup, secretary: secretary, at: path, created: Timestamp.now())
    }

    /// ``create(_:secretary:at:)`` with a given time (tests and vectors).
    static func create(
        _ setup: RoundSetup, secretary: SecretIdentity, at path: String, created: String = Timestamp.now()
    ) throws -> RoundDefinition {
        try checkNew(path)
        let (bytes, definition) = try RoundDefinition.create(from: setup, secretary: secretary, created: created)
        try FileIO.makeDirectory(path, mode: 0o755)
        try RoundLock.exclusive(path, command: "round init") {
            try FileIO.writeAtomically(bytes, to: RoundLayout(path).definition, mode: 0o644)
            _ = try RoundJournal.append(
                roundDirectory: path, event: .roundInit, details: ["roundDefinition": .hex(definition.fileHash)],
                secretary: secretary, at: created)
        }
        return definition
    }
}
