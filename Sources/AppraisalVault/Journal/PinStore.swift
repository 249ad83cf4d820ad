/// Where this machine keeps the journal heads it pinned (spec §11.1): one file per round,
/// `DIRECTORY/<round file hash>.pin`, under `$XDG_STATE_HOME/avault/` (default
/// `~/.local/state/avault/`).
///
/// The library pins only when a caller names a store: every operation that reads or appends a
/// round journal uses ``current``, a task-local value that is nil unless bound. The CLI binds
/// ``standard(stateHome:home:)`` around each command; tests bind a temporary folder (or nothing,
/// and pin nothing).
public struct PinStore: Sendable, Hashable {
    /// The folder of pin files (`…/avault`).
    public let directory: String

    /// A store in `directory`.
    public init(directory: String) { self.directory = directory }

    /// The store the journal operations of this task use; nil: nothing is pinned or checked.
    @TaskLocal public static var current: PinStore?

    /// The store of the XDG base directory rules: `XDG_STATE_HOME/avault` when that is an absolute
    /// path, else `HOME/.local/state/avault`; nil when neither is usable.
    ///
    /// - Parameters:
    ///   - stateHome: the value of `XDG_STATE_HOME`, if set.
    ///   - home: the value of `HOME`, if set.
    /// - Returns: the store, or nil.
    public static func standard(stateHome: String?, home: String?) -> PinStore? {
        if let stateHome, stateHome.hasPrefix("/") { return PinStore(directory: FileIO.join(stateHome, "avault")) }
        if let home, home.hasPrefix("/") { return PinStore(directory: FileIO.join(home, ".local/state/avault")) }
        return nil
    }

    /// The pin file of the round whose definition has file hash `roundHash`.
    public func file(roundHash: [UInt8]) -> String { FileIO.join(directory, Hex.encode(roundHash) + ".pin") }

    /// The pin of a round, or nil when this machine has none.
    ///
    /// - Throws: ``JournalError`` `journal.pin-malformed`, a file error.
    func read(roundHash: [UInt8]) throws -> JournalPin? {
        let path = file(roundHash: roundHash)
        guard FileIO.exists(path) else { return nil }
        return try JournalPin(
            parsing: try FileIO.read(path, maxBytes: JournalPin.maxFileSize), file: path, round: roundHash)
    }

    /// Creates the folder (and its missing parents) with mode 0700.
    ///
    /// - Throws: ``FormatError`` `file.cannot-write`, `file.exists`.
    func prepare() throws {
        var path = ""
        for part in directory.split(separator: "/", omittingEmptySubsequences: true) {
            path += "/" + part
            if !FileIO.isDirectory(path) { try FileIO.makeDirectory(path, mode: 0o700) }
        }
    }

    /// Writes `pin` atomically (mode 0600), replacing the round's previous pin.
    ///
    /// - Throws: ``FormatError`` `file.cannot-write`.
    func write(_ pin: JournalPin) throws {
        try prepare()
        try FileIO.writeAtomically(
            CanonicalJSON.serialize(pin.json), to: file(roundHash: pin.round), mode: 0o600, replacing: true)
    }
}
