import AppraisalVault
import ArgumentParser

/// `avault receive`: the secretary takes sealed submissions into the round folder.
struct Receive: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Terminal.localized(.receiveAbstract))

    @Argument(help: ArgumentHelp(Terminal.localized(.receiveHelpFiles), valueName: "file"))
    var files: [String]

    @OptionGroup var round: RoundOptions
    @OptionGroup var key: KeyOptions

    func run() throws {
        let definition = try round.load()
        let keyFile = try key.locked()
        let secretary = try key.unlock(keyFile)
        guard secretary.identity.signingKey == definition.secretary.signingKey else {
            throw CLIError(.mergeNotSecretary, [secretary.identity.id, definition.secretary.id])
        }
        let inbox = Inbox(roundDirectory: round.directory, roster: definition.roster)
        let recovered = try inbox.recoverInterrupted(secretary: secretary)
        for outcome in recovered {
            switch outcome {
            case .accepted(let member, let revision), .superseded(let member, let revision, _),
                .evidence(let member, let revision, _):
                Terminal.say(.receiveRecovered, [member, String(revision)])
            }
        }
        var accepted = 0
        var rejected = 0
        for file in Inbox.receiveOrder(files) {
            do {
                switch try inbox.receive(file, secretary: secretary, recovered: recovered) {
                case .accepted(let member, let revision):
                    Terminal.say(.receiveAccepted, [file, member, String(revision)])
                case .superseded(let member, let revision, let previous):
                    Terminal.say(.receiveSuperseded, [file, member, String(revision), String(previous)])
                case .evidence(let member, let revision, let index):
                    Terminal.say(.receiveEvidenceAccepted, [file, member, String(revision), String(index)])
                }
                accepted += 1
            } catch {
                rejected += 1
                Terminal.say(.receiveRejected, [file])
                Terminal.report(error)
            }
        }
        Terminal.say(.receiveSummary, [String(accepted), String(rejected)])
        if rejected > 0 { throw ExitCode(ExitStatus.dataError.rawValue) }
    }
}
