import AppraisalVault
import Glibc

/// Terminal output, localisation and the no-echo passphrase prompt.
enum Terminal {
    /// The language chosen by `LC_ALL` / `LC_MESSAGES` / `LANG`.
    static let language: Language = {
        var env = [String: String]()
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = getenv(name) { env[name] = String(cString: v) }
        }
        return Language.fromEnvironment(env)
    }()

    /// True once standard output carries a command's data (`-o -`): the command's own lines then
    /// go to standard error.
    nonisolated(unsafe) static var messagesToStandardError = false

    /// Writes a line to standard output (standard error when it carries data, `-o -`).
    static func out(_ text: String) { write(messagesToStandardError ? STDERR_FILENO : STDOUT_FILENO, text + "\n") }

    /// Writes a localised line to standard output.
    static func say(_ message: MessageID, _ arguments: [String] = []) { out(localized(message, arguments)) }

    /// Writes a library notice's text, by its code, to standard output.
    static func say(_ code: some MessageCode, _ arguments: [String] = []) { out(localized(code, arguments)) }

    /// Renders a catalog message in the current language.
    static func localized(_ message: MessageID, _ arguments: [String] = []) -> String {
        message.render(arguments, in: language)
    }

    /// Renders a library code's message in the current language.
    static func localized(_ code: some MessageCode, _ arguments: [String] = []) -> String {
        code.render(arguments, in: language)
    }

    /// Renders a library notice (a finding, an input problem, progress) in `language`.
    static func text(_ notice: Notice, in language: Language = Terminal.language) -> String {
        notice.code.render(arguments(notice.context, in: language), in: language)
    }

    /// A context's values as they fill their placeholders in `language`: decimals with a decimal
    /// comma in Vietnamese ("0,25"), the rest as they are.
    static func arguments(_ context: ErrorContext, in language: Language) -> [String] {
        context.values.map {
            if case .decimal(let number) = $0 { decimal(number, in: language) } else { $0.rendered }
        }
    }

    /// A decimal written with `.` (``Points``), with a decimal comma in Vietnamese.
    static func decimal(_ number: String, in language: Language = Terminal.language) -> String {
        language == .vietnamese ? String(number.map { $0 == "." ? "," : $0 }) : number
    }

    /// The error line and the hint line of any error, in `language`.
    static func text(of error: any Error, in language: Language = Terminal.language) -> (error: String, hint: String?) {
        if let error = error as? any AppraisalError {
            return (
                error.code.render(arguments(error.context, in: language), in: language),
                error.hint.map { $0.code.render(arguments($0.context, in: language), in: language) }
            )
        }
        if let error = error as? CLIError {
            return (
                error.message.render(error.arguments, in: language),
                error.hint.map { $0.render(error.hintArguments, in: language) }
            )
        }
        return (CryptoError.Code.failure.render([String(describing: type(of: error))], in: language), nil)
    }

    /// Prints `avault: error: …` and, when there is one, `avault: hint: …` to standard error.
    static func report(_ error: any Error) {
        let (text, hint) = text(of: error)
        write(STDERR_FILENO, "avault: \(localized(.cliErrorPrefix)): \(text)\n")
        if let hint {
            write(STDERR_FILENO, "avault: \(localized(.cliHintPrefix)): \(hint)\n")
        }
    }

    /// Prints `avault: warning: …` to standard error.
    static func warn(_ message: MessageID, _ arguments: [String] = []) {
        write(STDERR_FILENO, "avault: \(localized(.cliWarningPrefix)): \(localized(message, arguments))\n")
    }

    /// Prints one `avault: error: …` line for a problem in a list of problems.
    static func problem(_ text: String) {
        write(STDERR_FILENO, "avault: \(localized(.cliErrorPrefix)): \(text)\n")
    }

    /// Writes `text` to `fd`, erasing the progress line first if one is showing.
    static func write(_ fd: Int32, _ text: String) {
        ProgressLine.shared.clear()
        writeRaw(fd, text)
    }

    /// Writes `text` to `fd` as it is.
    static func writeRaw(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return }
                done += n
            }
        }
    }

    // MARK: - Passphrase prompt

    nonisolated(unsafe) private static var savedTermios = termios()
    nonisolated(unsafe) private static var ttyDescriptor: Int32 = -1

    /// Asks for a passphrase on `/dev/tty` with echo off; the library reads it straight into
    /// secret memory.
    ///
    /// - Returns: nil when there is no terminal.
    static func promptPassphrase(_ prompt: String) throws -> Passphrase? {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var old = termios()
        guard tcgetattr(fd, &old) == 0 else { return nil }
        var quiet = old
        quiet.c_lflag &= ~tcflag_t(ECHO | ECHONL)
        quiet.c_lflag |= tcflag_t(ICANON)
        savedTermios = old
        ttyDescriptor = fd
        signal(SIGINT) { _ in
            tcsetattr(Terminal.ttyDescriptor, TCSAFLUSH, &Terminal.savedTermios)
            _exit(130)
        }
        write(fd, prompt)
        tcsetattr(fd, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(fd, TCSAFLUSH, &old)
            signal(SIGINT, SIG_DFL)
            write(fd, "\n")
        }
        return try Passphrase(readingLineFrom: fd, source: "/dev/tty")
    }
}
