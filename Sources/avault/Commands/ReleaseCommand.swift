import AppraisalVault
import ArgumentParser

/// `avault release …`: holders approve; anyone combines t approvals into the token.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release", abstract: Terminal.localized(.releaseAbstract),
        subcommands: [Approve.self, Combine.self])

    /// `avault release approve`.
    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve", abstract: Terminal.localized(.approveAbstract))

        @OptionGroup var round: RoundOptions
        @OptionGroup var key: KeyOptions

        @Option(help: ArgumentHelp(Terminal.localized(.approveHelpDecision)))
        var decision: String

        @Option(
            name: [.short, .customLong("out")],
            help: ArgumentHelp(Terminal.localized(.approveHelpOut), valueName: "file"))
        var out: String?

        func run() throws {
            let shown = try StandardOutput.claim(out, content: .binary)
            let approved = try ReleaseFolder.approve(
                roundDirectory: round.directory, keyFile: key.locked(), decision: decision, out: out, unlock: key.unlock
            )
            Terminal.say(.approveWrote, [shown ?? approved.path, approved.holder.name])
        }
    }

    /// `avault release combine`.
    struct Combine: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "combine", abstract: Terminal.localized(.combineAbstract))

        @Argument(help: ArgumentHelp(Terminal.localized(.combineHelpApprovals), valueName: "approval"))
        var approvals: [String]

        @OptionGroup var round: RoundOptions

        @Option(
            name: [.short, .customLong("out")],
            help: ArgumentHelp(Terminal.localized(.combineHelpOut), valueName: "file"))
        var out: String?

        func run() throws {
            let shown = try StandardOutput.claim(out, content: .binary)
            let combined = try ReleaseFolder.combine(roundDirectory: round.directory, approvals: approvals, out: out)
            for notice in combined.notices { Terminal.out(Terminal.text(notice)) }
            Terminal.say(.combineHolders, [combined.holders.joined(separator: ", "), String(combined.threshold)])
            Terminal.say(Notice.Code.combineWrote, [shown ?? combined.path])
        }
    }
}
