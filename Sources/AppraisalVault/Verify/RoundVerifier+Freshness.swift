/// §9.2 checks 5a–5c (spec §11.5): the journal against this machine's pin, the receipts and the
/// checkpoints.
extension RoundVerification {
    /// 5a `journal.pin`: the journal extends this machine's pin of the round (not yet when there is none).
    mutating func checkPin() {
        let subject = RoundLayout.journalFileName
        guard let store = PinStore.current else { return notYet("journal.pin", subject, .pinNone) }
        let pin: JournalPin?
        do {
            pin = try store.read(roundHash: round.fileHash)
        } catch {
            return fail("journal.pin", subject, error)
        }
        guard let pin else { return notYet("journal.pin", subject, .pinNone) }
        guard let journal else { return fail("journal.pin", subject, .noJournalToCheck, [subject]) }
        guard pin.isExtended(by: journal) else {
            let head = journal.last?.hash ?? [UInt8](repeating: 0, count: 32)
            return fail(
                "journal.pin", subject, JournalError.Code.rolledBack,
                [
                    subject, String(journal.count), JournalPin.short(head), String(pin.entries),
                    JournalPin.short(pin.head), store.file(roundHash: round.fileHash),
                ])
        }
        pass("journal.pin", subject, .pinOK, [String(pin.entries), JournalPin.short(pin.head)])
    }

    /// 5b `journal.receipts`: every receipt in `ROUND/receipts/` and in `extra` (`--receipts DIR`,
    /// its `.avc` files) is signed by the secretary, for this round, and held by the journal.
    mutating func checkReceipts(extra: String?) {
        var files = [(path: String, subject: String)]()
        let folder = RoundLayout(directory).receipts
        do {
            if FileIO.isDirectory(folder) {
                files += try FileIO.listVisible(folder).map {
                    (FileIO.join(folder, $0), RoundLayout.receiptsFolder + "/" + $0)
                }
            }
            if let extra {
                files += try FileIO.listVisible(extra).filter { $0.hasSuffix(RoundLayout.receiptExtension) }.map {
                    (FileIO.join(extra, $0), FileIO.join(extra, $0))
                }
            }
        } catch {
            return fail("journal.receipts", extra ?? RoundLayout.receiptsFolder, error)
        }
        let subject = RoundLayout.receiptsFolder
        guard !files.isEmpty else { return notYet("journal.receipts", subject, .receiptsNone) }
        var problems = [(subject: String, text: Notice)]()
        for (path, name) in files {
            do {
                let receipt = try Receipt(parsing: try FileIO.read(path, maxBytes: Receipt.maxFileSize + 1), file: name)
                try receipt.verify(round: round)
                try receipt.check(in: journal ?? [])
            } catch {
                problems.append((name, Notice(error.asAppraisalError)))
            }
        }
        report(
            "journal.receipts", problems, subject: subject,
            ok: Notice(VerificationReport.Finding.receiptsOK, [.text(String(files.count))]))
    }

    /// 5c `journal.checkpoints`: every checkpoint in `ROUND/checkpoints/` is signed by a holder of
    /// the round, for this round, and extended by the journal.
    mutating func checkCheckpoints() {
        let subject = RoundLayout.checkpointsFolder
        let files: [String]
        do {
            files = try Checkpoint.files(in: directory)
        } catch {
            return fail("journal.checkpoints", subject, error)
        }
        guard !files.isEmpty else { return notYet("journal.checkpoints", subject, .checkpointsNone) }
        var problems = [(subject: String, text: Notice)]()
        for path in files {
            let name = RoundLayout.checkpointsFolder + "/" + FileIO.split(path).base
            do {
                let checkpoint = try Checkpoint(
                    parsing: try FileIO.read(path, maxBytes: Checkpoint.maxFileSize + 1), file: name)
                let holder = try checkpoint.verify(round: round)
                try checkpoint.check(in: journal ?? [], holder: holder)
            } catch {
                problems.append((name, Notice(error.asAppraisalError)))
            }
        }
        report(
            "journal.checkpoints", problems, subject: subject,
            ok: Notice(VerificationReport.Finding.checkpointsOK, [.text(String(files.count))]))
    }
}
