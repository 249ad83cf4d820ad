import AppraisalVault
import ArgumentParser

/// `avault pin --round R [--accept HEAD]`: this machine's pin of a round's journal (spec §11.1,
/// §11.2): shows it, or re-pins on purpose to the journal now in the folder.
struct PinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pin", abstract: Terminal.localized(.pinAbstract))

    @OptionGroup var round: RoundOptions

    @Option(help: ArgumentHelp(Terminal.localized(.pinHelpAccept), valueName: "head"))
    var accept: String?

    func run() throws {
        let definition = try round.load()
        let state =
            try accept.map { try JournalPin.accept(roundDirectory: round.directory, round: definition, head: $0) }
            ?? JournalPin.state(roundDirectory: round.directory, round: definition)
        Terminal.say(.pinJournal, [String(state.journalEntries), Hex.encode(state.journalHead)])
        if let pin = state.pin {
            Terminal.say(.pinPinned, [String(pin.entries), Hex.encode(pin.head), state.file])
        } else {
            Terminal.say(.pinNone, [state.file])
        }
        if accept != nil {
            Terminal.say(.pinAccepted)
        } else if !state.extends {
            Terminal.say(.pinNotExtended, [round.round, Hex.encode(state.journalHead)])
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
    }
}

/// `avault receipt check FILE --round R`: a member checks the secretary's receipt (spec §11.3).
struct ReceiptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt", abstract: Terminal.localized(.receiptAbstract), subcommands: [Check.self])

    /// `avault receipt check FILE --round R [--fingerprint FP]`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check", abstract: Terminal.localized(.receiptCheckAbstract))

        @Argument(help: ArgumentHelp(Terminal.localized(.receiptHelpFile), valueName: "file"))
        var file: String

        @OptionGroup var round: RoundOptions

        func run() throws { try Self.run(file: file, round: round.round, fingerprint: round.fingerprint) }

        /// The command with its values (also called by ``FastArguments`` without building the
        /// command and its option wrappers).
        static func run(file: String, round: String, fingerprint: String?) throws {
            let directory = RoundOptions.directory(of: round)
            let checked = try Receipt.check(
                file, round: try RoundOptions.load(round, fingerprint: fingerprint), roundDirectory: directory)
            let r = checked.receipt
            let what = r.index.map { "\(r.member) r\(r.revision) e\($0)" } ?? "\(r.member) r\(r.revision)"
            Terminal.say(.receiptGood, [file, what, String(r.entry), Hex.encode(r.head), r.at])
            Terminal.say(checked.journalChecked ? .receiptInJournal : .receiptJournalNotChecked, [directory])
        }
    }
}

/// `avault checkpoint --round R --key HOLDER.key`: a release holder signs the journal's current
/// head (spec §11.4).
struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint", abstract: Terminal.localized(.checkpointAbstract))

    @OptionGroup var round: RoundOptions
    @OptionGroup var key: KeyOptions

    func run() throws {
        let written = try Checkpoint.create(
            roundDirectory: round.directory, round: try round.load(), keyFile: try key.locked(), unlock: key.unlock)
        Terminal.say(
            .checkpointWritten, [written.path, written.holder, String(written.entries), Hex.encode(written.head)])
    }
}
