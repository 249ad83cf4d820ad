import AppraisalVault
import ArgumentParser

/// `avault receive`: the secretary takes sealed submissions into the round folder.
struct Receive: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Terminal.localized(.receiveAbstract))

    @Argument(help: ArgumentHelp(Terminal.localized(.receiveHelpFiles), valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp(Terminal.localized(.receiveHelpReceiptsOut), valueName: "folder"))
    var receiptsOut: String?

    @OptionGroup var round: RoundOptions
    @OptionGroup var key: KeyOptions

    func run() throws {
        let inbox = Inbox(roundDirectory: round.directory, round: try round.load())
        let batch = try inbox.receive(files, secretary: key.unlocked(), receiptsOut: receiptsOut)
        for outcome in batch.recovered {
            switch outcome {
            case .accepted(let member, let revision), .superseded(let member, let revision, _),
                .evidence(let member, let revision, _):
                Terminal.say(.receiveRecovered, [member, String(revision)])
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
            case .failure(let error):
                Terminal.say(.receiveRejected, [item.file])
                Terminal.report(error)
            }
        }
        for receipt in batch.receipts { Terminal.say(MessageID.receiveReceipt, [receipt]) }
        Terminal.say(Notice.Code.receiveSummary, [String(batch.accepted), String(batch.rejected)])
        if let error = batch.receiptError { throw error }
        if batch.rejected > 0 { throw ExitCode(ExitStatus.dataError.rawValue) }
    }
}
