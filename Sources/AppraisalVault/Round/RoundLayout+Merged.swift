internal import VaultCrypto

extension RoundLayout {
    /// The file that shows `roundDirectory` was merged: the manifest when it exists, else the
    /// journal when it holds a `merge` entry; nil while the round is open (spec §6.1).
    ///
    /// - Throws: a journal error when the journal cannot be read or verified.
    static func mergedEvidence(roundDirectory: String, secretaryKey: Ed25519.PublicKey, roundHash: [UInt8]) throws
        -> String?
    {
        let layout = RoundLayout(roundDirectory)
        if FileIO.exists(layout.manifest) { return layout.manifest }
        guard FileIO.exists(layout.journal) else { return nil }
        let journal = try RoundJournal.load(
            roundDirectory: roundDirectory, secretaryKey: secretaryKey, roundHash: roundHash)
        return journal.entries.contains(where: { $0.kind == .merge }) ? layout.journal : nil
    }
}
