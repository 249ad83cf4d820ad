import AppraisalVault
public import ArgumentParser
import Glibc

/// The `avault` command: a thin layer that parses, calls the library once, and prints.
@main
struct AVault: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "avault",
        abstract: Terminal.localized(.cliAbstract),
        discussion: Terminal.localized(.cliDiscussion) + "\n\n" + Terminal.localized(.cliExitStatuses) + "\n"
            + ExitStatus.table(in: Terminal.language),
        version: AppraisalVault.version,
        subcommands: [
            Keygen.self, KeyCommand.self, CeremonyCommand.self, RoundCommand.self, WorksheetCommand.self, Seal.self,
            Receive.self,
            Status.self,
            SurveyCommand.self, MergeCommand.self, EvidenceCommand.self, ExtractCommand.self, ReleaseCommand.self,
            OpenCommand.self, NoticeCommand.self, ExplainCommand.self, ExplanationsCommand.self,
            ReportCommand.self, Verify.self, DemoCommand.self, PinCommand.self, ReceiptCommand.self,
            CheckpointCommand.self,
        ]
    )

    /// Runs the command and maps every failure to `avault: error: …` and an exit status.
    static func main() {
        do {
            let run: () throws -> Void
            switch FastArguments.parse(Array(CommandLine.arguments.dropFirst())) {
            case .version?:
                Terminal.out(AppraisalVault.version)
                Glibc.exit(0)
            case .run(let body)?: run = body
            case nil:
                var command = try parseAsRoot()
                run = { try command.run() }
            }
            // Journal pins live in this user's state folder (spec §11.1).
            let pins = PinStore.standard(
                stateHome: getenv("XDG_STATE_HOME").map { String(cString: $0) },
                home: getenv("HOME").map { String(cString: $0) })
            try PinStore.$current.withValue(pins) {
                try RoundLock.$waiting.withValue(try RoundLock.Waiting.fromEnvironment()) { try run() }
            }
            Glibc.exit(0)
        } catch let error as any AppraisalError {
            Terminal.report(error)
            Glibc.exit(ExitStatus.of(error).rawValue)
        } catch let error as CLIError {
            Terminal.report(error)
            Glibc.exit(ExitStatus.of(error).rawValue)
        } catch let error as ExitCode {
            Glibc.exit(error.rawValue)  // the command already said why
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Terminal.out(fullMessage(for: error))
                Glibc.exit(0)
            }
            var text = fullMessage(for: error)
            if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
            // In the user's language, with "did you mean" for a mistyped command or option.
            let parsed = ParseErrorText.render(
                text, arguments: Array(CommandLine.arguments.dropFirst()), in: Terminal.language)
            var lines = "avault: \(Terminal.localized(.cliErrorPrefix)): \(parsed.error)\n"
            if let hint = parsed.hint { lines += "avault: \(Terminal.localized(.cliHintPrefix)): \(hint)\n" }
            if !parsed.rest.isEmpty { lines += parsed.rest.joined(separator: "\n") + "\n" }
            Terminal.write(STDERR_FILENO, lines)
            Glibc.exit(code.rawValue)
        }
    }
}

extension Role: ExpressibleByArgument {}
extension KeyStrength: ExpressibleByArgument {}
extension ResultsReport.Format: ExpressibleByArgument {}
