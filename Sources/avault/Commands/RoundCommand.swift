import AppraisalVault
import ArgumentParser

/// `avault round …`: create and inspect rounds.
struct RoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round", abstract: Terminal.localized(.roundAbstract), subcommands: [Init.self, Show.self])

    /// `avault round init`: validate every input, then sign and write a new round.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: Terminal.localized(.roundInitAbstract),
            discussion: Terminal.localized(.roundInitDiscussion))

        @Option(help: ArgumentHelp(Terminal.localized(.helpFramework), valueName: "set=file"))
        var framework: [String]
        @Option(
            name: .customLong("set-groups"),
            help: ArgumentHelp(Terminal.localized(.helpSetGroups), valueName: "set=group,…"))
        var setGroups: [String] = []
        @Option(help: ArgumentHelp(Terminal.localized(.helpUnits), valueName: "file"))
        var units: String
        @Option(help: ArgumentHelp(Terminal.localized(.helpGroups), valueName: "file"))
        var groups: String?
        @Option(
            name: .customLong("self-assessment"),
            help: ArgumentHelp(Terminal.localized(.helpSelfAssessment), valueName: "file"))
        var selfAssessment: String
        @Option(help: ArgumentHelp(Terminal.localized(.helpMembers), valueName: "file"))
        var members: String
        @Option(help: ArgumentHelp(Terminal.localized(.helpLabels), valueName: "file"))
        var labels: String?
        @Option(help: ArgumentHelp(Terminal.localized(.helpUnitKeys), valueName: "file"))
        var unitKeys: String?
        @Option(help: ArgumentHelp(Terminal.localized(.helpCeremony), valueName: "dir"))
        var ceremony: String
        @Option(help: ArgumentHelp(Terminal.localized(.helpTitle)))
        var title: String
        @Option(help: ArgumentHelp(Terminal.localized(.helpYear)))
        var year: Int
        @Option(help: ArgumentHelp(Terminal.localized(.helpReference), valueName: "text"))
        var reference: [String] = []
        @Option(help: ArgumentHelp(Terminal.localized(.helpIssuer), valueName: "text"))
        var issuer = RoundDocument().issuer
        @Option(help: ArgumentHelp(Terminal.localized(.helpCouncil), valueName: "text"))
        var council = RoundDocument().council
        @Option(help: ArgumentHelp(Terminal.localized(.helpPlace), valueName: "text"))
        var place = RoundDocument().place
        @Option(help: ArgumentHelp(Terminal.localized(.helpSigner), valueName: "name"))
        var signer = ""
        @Option(
            name: .customLong("signer-title"),
            help: ArgumentHelp(Terminal.localized(.helpSignerTitle), valueName: "text"))
        var signerTitle = RoundDocument().signerTitle
        @Option(
            name: .customLong("document-number"),
            help: ArgumentHelp(Terminal.localized(.helpDocumentNumber), valueName: "text"))
        var documentNumber = ""
        @Option(help: ArgumentHelp(Terminal.localized(.helpRecipient), valueName: "text"))
        var recipient: [String] = []
        @Option(help: ArgumentHelp(Terminal.localized(.helpDeadline), valueName: "yyyy-mm-dd"))
        var deadline = ""
        @Option(help: ArgumentHelp(Terminal.localized(.helpSecretaryKey), valueName: "file"))
        var key: String
        @Flag(help: ArgumentHelp(Terminal.localized(.helpDemo)))
        var demo = false
        @Flag(name: .customLong("single-holder"), help: ArgumentHelp(Terminal.localized(.helpSingleHolder)))
        var singleHolder = false
        @Flag(name: .customLong("index-above-100"), help: ArgumentHelp(Terminal.localized(.helpIndexAbove100)))
        var indexAbove100 = false
        @Option(help: ArgumentHelp(Terminal.localized(.helpRoundOut), valueName: "dir"))
        var out: String
        @OptionGroup var passphrase: PassphraseOptions

        func run() throws {
            try StandardOutput.refuseForFolder(out)
            // 1. Everything that can be checked without the passphrase.
            var sources = RoundSetup.Sources(
                frameworks: framework, setGroups: setGroups, units: units, groups: groups,
                selfAssessment: selfAssessment, members: members,
                labels: labels, ceremony: ceremony, title: title, year: year, references: reference, isDemo: demo,
                singleHolder: singleHolder)
            sources.document = RoundDocument(
                issuer: issuer, council: council, place: place, signer: signer, signerTitle: signerTitle,
                number: documentNumber, recipients: recipient.isEmpty ? RoundDocument.defaultRecipients : recipient)
            sources.deadline = deadline
            sources.unitKeys = unitKeys
            sources.indexAbove100 = indexAbove100
            let setup: RoundSetup
            let keyFile: KeyFile
            do {
                (setup, keyFile) = try RoundFolder.prepare(sources, secretaryKey: key, at: out)
            } catch let problems as InputProblems {
                // A ceremony with t = 1 and no --single-holder is a usage error of its own (exit 64).
                if problems.errors.count == 1, let only = problems.errors.first,
                    only.messageID == ReleaseError.Code.singleHolder.rawValue
                {
                    throw only
                }
                for problem in problems.errors { Terminal.report(problem) }
                throw CLIError(.roundInputsRejected, [String(problems.errors.count)])
            }
            Terminal.say(.roundInitValidated)
            // 2. Only now the passphrase, then one library call.
            let round = try RoundFolder.create(
                setup, secretary: keyFile.unlock(with: passphrase.obtain(for: key)), at: out)
            if round.isDemo { Terminal.say(.roundDemoLabel) }
            let layout = RoundLayout(out)
            Terminal.say(.roundInitWrote, [layout.definition])
            Terminal.say(.roundInitJournal, [layout.journal])
            let f = round.sets.map(\.framework)
            Terminal.say(
                .roundInitCounts,
                [
                    String(f.reduce(0) { $0 + $1.fields.count }), String(f.reduce(0) { $0 + $1.criteria.count }),
                    String(f.reduce(0) { $0 + $1.subCriteria.count }),
                    String(round.units.count),
                    String(round.appraisableCells.count), String(round.members.count),
                    String(round.holders.count), String(round.threshold),
                ])
            Terminal.say(Notice.Code.roundFingerprintLine, [round.fingerprint.description])
            if round.threshold == 1 { Terminal.warn(.showSingleHolder) }
        }
    }

    /// `avault round show ROUND`: verify and summarise.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: Terminal.localized(.roundShowAbstract))

        @Argument(help: ArgumentHelp(Terminal.localized(.helpRoundDir), valueName: "round"))
        var round: String

        @OptionGroup var output: JSONOption

        func run() throws {
            let r = try RoundDefinition.load(roundDirectory: round)
            if output.json { return JSONOutput.print(JSONOutput.roundShow(r)) }
            for line in RoundSummary.lines(r) { Terminal.out(line) }
        }
    }
}
