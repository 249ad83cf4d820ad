package import VaultCrypto

/// A round folder on disk: `ROUND/round.avr` (the definition) and `ROUND/journal.avj` (the
/// journal), plus what later steps add (docs/spec/06-inbox-and-merge.md §6.1).
package enum RoundFolder {
    /// Checks that `path` can hold a new round: it does not exist, or is an empty folder.
    ///
    /// - Throws: ``RoundError`` `round.out-not-empty`, `file.exists` (a file, not a folder).
    package static func checkNew(_ path: String) throws {
        guard FileIO.exists(path) else { return }
        guard FileIO.isDirectory(path) else {
            throw FormatError(.fileExists, [.file(path)], hint: ErrorHint(.moveAway, [.file(path)]))
        }
        guard try FileIO.list(path).isEmpty else { throw RoundError(.outNotEmpty, [.file(path)]) }
    }

    /// Creates a round: signs the definition, writes `round.avr` atomically into the new folder
    /// `path`, and starts the journal with a `round-init` entry.
    ///
    /// - Returns: the written definition.
    /// - Throws: ``AppraisalError`` from ``checkNew(_:)``, ``RoundDefinition/create(from:secretary:created:using:)``,
    ///   the file system and the journal.
    package static func create(
        _ setup: RoundSetup, secretary: SecretIdentity, at path: String, created: String = Timestamp.now(),
        using random: any RandomSource = SystemRandom()
    ) throws -> RoundDefinition {
        try checkNew(path)
        let (bytes, definition) = try RoundDefinition.create(from: setup, secretary: secretary, created: created, using: random)
        try FileIO.makeDirectory(path, mode: 0o755)
        try FileIO.writeAtomically(bytes, to: FileIO.join(path, RoundDefinition.fileName), mode: 0o644)
        _ = try RoundJournal.append(
            roundDirectory: path, event: "round-init", details: ["roundDefinition": .hex(definition.fileHash)],
            secretary: secretary, at: created)
        return definition
    }
}
