import AppraisalVault
import ArgumentParser

/// `avault evidence add`: the secretary seals their own evidence into the round folder (spec §10.5).
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence", abstract: Terminal.localized(.evidenceAbstract), subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: Terminal.localized(.evidenceAddAbstract))

        @Argument(help: ArgumentHelp(Terminal.localized(.evidenceHelpFiles), valueName: "file"))
        var files: [String]

        @OptionGroup var round: RoundOptions
        @OptionGroup var key: KeyOptions

        @OptionGroup var progress: ProgressOptions

        func run() throws {
            progress.start()
            let definition = try round.load()
            let paths = try Evidence.add(files, to: round.directory, round: definition, secretary: key.unlocked())
            for path in paths { Terminal.say(.evidenceAdded, [path]) }
        }
    }
}

/// `avault extract`: the secretary decrypts the evidence into a folder, checked against the
/// members' signed lists, releasing nothing before everything checked (spec §10.9).
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: Terminal.localized(.extractAbstract))

    @OptionGroup var round: RoundOptions
    @OptionGroup var key: KeyOptions

    @Option(
        name: [.short, .customLong("out")], help: ArgumentHelp(Terminal.localized(.extractHelpOut), valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp(Terminal.localized(.extractHelpMember), valueName: "id"))
    var member: String?

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        try StandardOutput.refuseForFolder(out)
        progress.start()
        let definition = try round.load()
        let extracted = try Evidence.extract(
            roundDirectory: round.directory, round: definition, secretary: key.unlocked(), to: out, member: member)
        for e in extracted { Terminal.say(.extractWrote, [e.path, ProgressText.size(e.size, in: Terminal.language)]) }
        Terminal.say(.extractSummary, [String(extracted.count), out])
    }
}
