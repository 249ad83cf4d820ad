import AppraisalVault

extension WorksheetCommand {
    /// `worksheet --second`: the sheet of the explained cells forwarded to the key's member (spec
    /// §12.6). Every forwarded file is checked (this round, from its secretary, for this member)
    /// before the passphrase is asked.
    func runSecond(format: Worksheet.FileFormat, shown: String) throws {
        let definition = try RoundDefinition.load(roundDirectory: round)
        let keyPath = key ?? ""
        let locked = try KeyFile.load(keyPath)
        let member = try SecondSeal.member(locked, file: keyPath, in: definition)
        let files = try SecondSeal.load(forwarded, member: member, round: definition)
        try FileIO.refuseExisting(out)
        let secret = try locked.unlock(with: passphrase.obtain(for: keyPath))
        let items = try SecondSeal.items(files, key: secret)
        let bytes: [UInt8]
        switch format {
        case .xlsx: bytes = SecondSheet.xlsx(items, round: definition, member: member)
        case .csv(let vietnamese): bytes = SecondSheet.csv(items, round: definition, vietnamese: vietnamese)
        }
        try FileIO.writeAtomically(bytes, to: out, mode: 0o600)
        Terminal.say(.worksheetSecondWrote, [shown, String(items.count), member.id, String(files.count)])
    }
}
