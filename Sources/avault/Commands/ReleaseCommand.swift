import AppraisalVault
import ArgumentParser

/// `avault release …`: holders approve; anyone combines t approvals into the token.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release", abstract: Terminal.localized(.releaseAbstract), subcommands: [Approve.self, Combine.self])

    /// `avault release approve`.
    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Terminal.localized(.approveAbstract))

        @OptionGroup var round: RoundOptions
        @OptionGroup var key: KeyOptions

        @Option(help: ArgumentHelp(Terminal.localized(.approveHelpDecision)))
        var decision: String

        @Option(name: [.short, .customLong("out")], help: ArgumentHelp(Terminal.localized(.approveHelpOut), valueName: "file"))
        var out: String?

        func run() throws {
            let merged = try ReleaseFolder.loadMerged(round.directory)
            let keyFile = try key.locked()
            guard merged.round.release.holders.contains(where: { $0.identity.signingKey == keyFile.identity.signingKey }) else {
                throw VaultError(.approveNotHolder, [keyFile.identity.id], status: .permission)
            }
            let path = out ?? "\(keyFile.identity.id).ava"
            try FileIO.refuseExisting(path)
            let holder = try key.unlock(keyFile)
            let bytes = try ReleaseFolder.approve(merged, holder: holder, decision: decision)
            try FileIO.writeAtomically(bytes, to: path, mode: 0o600)
            Terminal.say(.approveWrote, [path, holder.identity.name])
        }
    }

    /// `avault release combine`.
    struct Combine: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Terminal.localized(.combineAbstract))

        @Argument(help: ArgumentHelp(Terminal.localized(.combineHelpApprovals), valueName: "approval"))
        var approvals: [String]

        @OptionGroup var round: RoundOptions

        @Option(name: [.short, .customLong("out")], help: ArgumentHelp(Terminal.localized(.combineHelpOut), valueName: "file"))
        var out: String?

        func run() throws {
            let merged = try ReleaseFolder.loadMerged(round.directory)
            let path = out ?? FileIO.join(round.directory, RoundLayout.tokenFileName)
            try FileIO.refuseExisting(path)
            let combined = try ReleaseFolder.combine(merged, roundDirectory: round.directory, approvals: approvals)
            for notice in combined.notices { Terminal.out(notice.render(in: Terminal.language)) }
            try FileIO.writeAtomically(combined.bytes, to: path, mode: 0o600)
            Terminal.say(.combineHolders, [combined.holders.joined(separator: ", "), String(merged.round.release.threshold)])
            Terminal.say(.combineWrote, [path])
        }
    }
}
