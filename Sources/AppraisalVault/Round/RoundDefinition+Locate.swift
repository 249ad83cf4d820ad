/// Finding a round from a `--round` argument (spec §3.1, §3.8).
extension RoundDefinition {
    /// Reads and verifies a round definition from a round folder or a `round.avr` file (a
    /// member's copy), and checks the fingerprint the reader was told, when there is one.
    ///
    /// - Parameters:
    ///   - path: a round folder, or a round definition file.
    ///   - expectedFingerprint: the fingerprint as typed (e.g. read over the phone), or nil.
    /// - Returns: the verified round definition.
    /// - Throws: ``RoundError`` `round.no-folder`, format errors, `round.bad-signature`,
    ///   `round.fingerprint-unreadable`, `round.fingerprint-mismatch` (a forged or different
    ///   round: stop).
    public static func load(folderOrFile path: String, expectedFingerprint: String? = nil) throws -> RoundDefinition {
        let definition: RoundDefinition
        if FileIO.isDirectory(path) {
            definition = try RoundDefinition.load(roundDirectory: path)
        } else {
            definition = try RoundDefinition(
                parsing: try FileIO.read(path, maxBytes: maxHeaderLength + 4096), file: path)
        }
        if let expectedFingerprint {
            guard let expected = Fingerprint(parsing: expectedFingerprint) else {
                throw RoundError(.fingerprintUnreadable, [.text(expectedFingerprint)])
            }
            guard expected == definition.fingerprint else {
                throw RoundError(
                    .fingerprintMismatch,
                    [.file(path), .text(definition.fingerprint.description), .text(expected.description)],
                    hint: ErrorHint(.fingerprintMismatch))
            }
        }
        return definition
    }
}
