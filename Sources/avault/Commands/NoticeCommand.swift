import AppraisalVault
import ArgumentParser

/// `avault notice`: what a unit does with its notice (spec §12.3).
struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice", abstract: Terminal.localized(.noticeAbstract), subcommands: [Open.self])

    /// `avault notice open FILE --key UNIT.key`: shows the unit's own notice and exports it.
    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open", abstract: Terminal.localized(.noticeOpenAbstract))

        @Argument(help: ArgumentHelp(Terminal.localized(.noticeHelpFile), valueName: "file"))
        var file: String
        @OptionGroup var key: KeyOptions
        @Option(help: ArgumentHelp(Terminal.localized(.noticeHelpRound), valueName: "dir"))
        var round: String?
        @Option(help: ArgumentHelp(Terminal.localized(.noticeHelpSecretary), valueName: "file"))
        var secretary: String?
        @Option(help: ArgumentHelp(Terminal.localized(.noticeHelpHTML), valueName: "file"))
        var html: String?
        @Option(help: ArgumentHelp(Terminal.localized(.noticeHelpSheet), valueName: "file"))
        var sheet: String?
        @Option(help: ArgumentHelp(Terminal.localized(.helpWorksheetDialect)))
        var csvDialect: CSVDialectOption?

        func run() throws {
            // Everything that needs no passphrase first: the file, the key's role and unit, the round.
            let notice = try NoticeFile.load(file)
            let locked = try key.locked()
            guard locked.identity.role == .unit else {
                throw ExplanationError(.noticeNotAUnit, [.file(key.key), .text(locked.identity.role.rawValue)])
            }
            guard locked.identity.id == notice.unit else {
                throw ExplanationError(.noticeOtherUnit, [.file(file), .text(notice.unit), .text(locked.identity.id)])
            }
            if let round { try notice.checkBinding(to: RoundDefinition.load(roundDirectory: round)) }
            if let secretary { try notice.checkSender(PublicIdentity.load(secretary)) }
            let xlsx = sheet?.lowercased().hasSuffix(".xlsx") ?? false
            if let path = sheet, !xlsx, !path.lowercased().hasSuffix(".csv") {
                throw CLIError(.noticeSheetFormat, [path])
            }
            let opened = try notice.open(with: key.unlock(locked))
            show(opened, checked: round != nil)
            if let path = html {
                try FileIO.writeAtomically(Array(opened.html().utf8), to: path, mode: 0o600)
                Terminal.say(.noticeWroteHTML, [path])
            }
            if let path = sheet {
                let vietnamese = (csvDialect ?? (Terminal.language == .vietnamese ? .vi : .standard)) == .vi
                let bytes = xlsx ? opened.sheetXLSX() : opened.sheetCSV(vietnamese: vietnamese)
                try FileIO.writeAtomically(bytes, to: path, mode: 0o600)
                Terminal.say(.noticeWroteSheet, [path, String(opened.cells.count)])
            }
        }

        /// Prints the notice: who and when, every cell the unit may contest, the totals.
        func show(_ n: UnitNotice, checked: Bool) {
            Terminal.say(.noticeHeader, [n.unitName, n.unit, n.roundTitle, String(n.year)])
            Terminal.say(.noticeSender, [n.secretary.id, n.secretary.fingerprint.description, Hex.encode(n.round)])
            if !checked { Terminal.say(.noticeCheckByPhone) }
            Terminal.say(.noticeDeadline, [n.answerBy])
            for c in n.contested {
                Terminal.out(
                    "  \(c.code)  \(c.selfScore?.description ?? "—") → \(c.score)  (\(c.difference?.description ?? "—"))  "
                        + Text.escapingRefused(
                            c.reason.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")))
            }
            Terminal.say(
                .noticeTotals,
                [
                    n.selfTotal.description, n.appraisedTotal.description, n.maxTotal.description,
                    String(n.cells.count), String(n.contested.count),
                ])
            if n.cells.contains(where: { $0.kind != .subCriterion }) {
                Terminal.say(
                    .noticeExtras,
                    [n.bonusTotal.description, n.penaltyTotal.description, n.finalTotal.description])
            }
        }
    }
}
