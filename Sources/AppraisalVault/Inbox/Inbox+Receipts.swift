/// The receipts `receive` writes (spec §11.3): one per accepted file, signed by the secretary,
/// naming the journal entry that accepted it and the head after it.
extension Inbox {
    /// Writes the receipt of each outcome into `ROUND/receipts/` (replacing one of the same name)
    /// and, when `out` is given, into `out` too.
    ///
    /// The journal is read once, after the files were journaled: the receipt of an outcome is
    /// for the last entry that accepted that file.
    ///
    /// - Returns: the receipt paths written inside the round folder.
    /// - Throws: any journal error; ``FormatError`` `file.cannot-write`.
    func writeReceipts(_ outcomes: [Outcome], secretary: SecretIdentity, out: String?) throws -> [String] {
        guard !outcomes.isEmpty else { return [] }
        let journal = try RoundJournal.load(
            roundDirectory: roundDirectory, secretaryKey: secretary.identity.signingKey, roundHash: roster.roundHash)
        let folder = RoundLayout(roundDirectory).receipts
        var written = [String]()
        for outcome in outcomes {
            let (member, revision, index): (String, Int, Int?)
            switch outcome {
            case .accepted(let m, let r), .superseded(let m, let r, _): (member, revision, index) = (m, r, nil)
            case .evidence(let m, let r, let i): (member, revision, index) = (m, r, i)
            case .explanation: continue  // no receipt kind for a unit yet (spec §12.4)
            case .second: continue  // not yet: §11.3 names receipts by member and revision of round 1
            }
            guard
                let entry = journal.entries.last(where: { entry in
                    Receipt.events.contains(entry.kind ?? .reject)
                        && entry.details["member"] == .string(member)
                        && entry.details["revision"] == .integer(Int64(revision))
                        && (index == nil) == (entry.kind != .receiveEvidence)
                        && (index == nil || entry.details["index"] == .integer(Int64(index ?? 0)))
                }),
                let bytes = try Receipt.encode(for: entry, round: roster.roundHash, secretary: secretary)
            else { continue }
            let name = RoundLayout.receiptFileName(member: member, revision: revision, index: index)
            try FileIO.makeDirectory(folder, mode: 0o755)
            try FileIO.writeAtomically(bytes, to: FileIO.join(folder, name), mode: 0o644, replacing: true)
            written.append(FileIO.join(folder, name))
            if let out {
                try FileIO.makeDirectory(out, mode: 0o700)
                try FileIO.writeAtomically(bytes, to: FileIO.join(out, name), mode: 0o644, replacing: true)
            }
        }
        return written
    }
}
