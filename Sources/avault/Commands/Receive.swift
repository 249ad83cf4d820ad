import AppraisalVault
import ArgumentParser

/// `avault receive`: the secretary takes sealed submissions into the round folder.
struct Receive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive", abstract: Terminal.localized(.receiveAbstract))

    @Argument(help: ArgumentHelp(Terminal.localized(.receiveHelpFiles), valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp(Terminal.localized(.receiveHelpReceiptsOut), valueName: "folder"))
    var receiptsOut: String?

    @OptionGroup var round: RoundOptions
    @OptionGroup var key: KeyOptions
    @OptionGroup var output: JSONOption
    @OptionGroup var progress: ProgressOptions

    func run() throws {
        progress.start()
        let definition = try round.load()
        let inbox = Inbox(roundDirectory: round.directory, round: definition)
        let secretary = try key.unlocked()
        let batch = try inbox.receive(files, secretary: secretary, receiptsOut: receiptsOut)
        // A submission whose listed evidence was not given and is not in the round yet.
        var missing = [String: [Inbox.MissingEvidence]]()
        for item in batch.items {
            guard case .success(let outcome) = item.result else { continue }
            switch outcome {
            case .accepted(let member, let revision), .superseded(let member, let revision, _):
                let list = (try? inbox.missingEvidence(member: member, revision: revision, secretary: secretary)) ?? []
                if !list.isEmpty { missing[item.file] = list }
            case .evidence, .explanation, .second: break
            }
        }
        if output.json {
            JSONOutput.print(JSONOutput.receive(batch, missing: missing, round: definition))
            for item in batch.items { if case .failure(let error) = item.result { Terminal.report(error) } }
        } else {
            say(batch)
        }
        for (file, list) in missing.sorted(by: { $0.key < $1.key }) {
            for m in list {
                Terminal.warn(
                    .receiveMissingEvidence,
                    [file, m.fileName, m.document, FileIO.split(file).directory + "/" + m.fileName])
            }
        }
        if let error = batch.receiptError { throw error }
        if batch.rejected > 0 { throw ExitCode(ExitStatus.dataError.rawValue) }
    }

    /// The text report of `batch`.
    private func say(_ batch: Inbox.Batch) {
        for outcome in batch.recovered {
            switch outcome {
            case .accepted(let member, let revision), .superseded(let member, let revision, _),
                .evidence(let member, let revision, _):
                Terminal.say(.receiveRecovered, [member, String(revision)])
            case .explanation, .second: break  // not recovered: an unjournaled file is received again
            }
        }
        for item in batch.items {
            switch item.result {
            case .success(.accepted(let member, let revision)):
                Terminal.say(.receiveAccepted, [item.file, member, String(revision)])
            case .success(.superseded(let member, let revision, let previous)):
                Terminal.say(.receiveSuperseded, [item.file, member, String(revision), String(previous)])
            case .success(.evidence(let member, let revision, let index)):
                Terminal.say(.receiveEvidenceAccepted, [item.file, member, String(revision), String(index)])
            case .success(.explanation(let unit, let revision, let late)):
                Terminal.say(late ? .receiveExplanationLate : .receiveExplanation, [item.file, unit, String(revision)])
            case .success(.second(let member, let revision, let previous)):
                Terminal.say(
                    previous == nil ? .receiveSecond : .receiveSecondSuperseding,
                    [item.file, member, String(revision), previous.map(String.init) ?? ""])
            case .failure(let error):
                Terminal.say(.receiveRejected, [item.file])
                Terminal.report(error)
            }
        }
        for receipt in batch.receipts { Terminal.say(MessageID.receiveReceipt, [receipt]) }
        Terminal.say(Notice.Code.receiveSummary, [String(batch.accepted), String(batch.rejected)])
    }
}
