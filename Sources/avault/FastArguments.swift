import ArgumentParser
import Glibc

/// The command lines of the quick checks — `--version`, `key show FILE`, `receipt check FILE
/// --round R`, `verify FILE --round R` — read without swift-argument-parser, which at every start
/// builds the tree of all commands with their localised help and parses twice for
/// `--generate-completion-script` (about 1.5 ms of a 4.5 ms `key show`; docs/performance.md).
///
/// Only exact shapes are taken: the command words, then options from a fixed list each followed
/// by a value, and one positional value; a value must not be empty, start with `-` or be `help`.
/// Anything else (`--round=R`, `--help`, a repeated or unknown option, a validation error) returns
/// nil and the parser reads the line as before, so output, errors and exit statuses are the
/// parser's. `Tests/CLITests/FastArgumentsCLITests.swift` runs each shape both ways
/// (`AVAULT_NO_FAST_ARGUMENTS=1` turns this off) and compares them byte for byte.
enum FastArguments {
    /// What the line asks for.
    enum Request {
        /// `avault --version`.
        case version
        /// A command, its properties set as the parser would set them, and validated.
        case command(any ParsableCommand)
    }

    /// The request for `arguments` (without the program name), or nil for the parser.
    static func parse(_ arguments: [String]) -> Request? {
        if getenv("AVAULT_NO_FAST_ARGUMENTS") != nil { return nil }
        if arguments == ["--version"] { return .version }
        let command: (any ParsableCommand)?
        switch arguments.first {
        case "key":
            guard arguments.count == 3, arguments[1] == "show", let file = value(arguments[2]) else { return nil }
            var show = KeyCommand.Show()
            show.file = file
            command = show
        case "receipt":
            guard arguments.count > 2, arguments[1] == "check",
                let line = split(arguments.dropFirst(2), options: ["--round", "--fingerprint"], flags: []),
                let round = line.options["--round"]
            else { return nil }
            var check = ReceiptCommand.Check()
            check.file = line.positional
            check.round = roundOptions(round, fingerprint: line.options["--fingerprint"])
            command = check
        case "verify":
            guard let line = split(arguments.dropFirst(), options: ["--round", "--fingerprint"], flags: ["--json"]),
                let round = line.options["--round"]
            else { return nil }
            var verify = Verify()
            verify.roundFolder = line.positional
            verify.round = round
            verify.fingerprint = line.options["--fingerprint"]
            verify.receipts = nil
            verify.json = line.flags.contains("--json")
            var progress = ProgressOptions()
            progress.quiet = false
            verify.progress = progress
            command = verify
        default:
            return nil
        }
        guard var command, (try? command.validate()) != nil else { return nil }
        return .command(command)
    }

    /// `value` when the parser would read it as a value and nothing else.
    private static func value(_ value: String) -> String? {
        value.isEmpty || value.hasPrefix("-") || value == "help" ? nil : value
    }

    /// One positional value and options of `options` (each once, with a value) and flags of
    /// `flags` (each at most once), in any order; nil for anything else.
    private static func split(
        _ arguments: ArraySlice<String>, options: [String], flags: [String]
    ) -> (positional: String, options: [String: String], flags: [String])? {
        var positional: String?
        var found = [String: String]()
        var set = [String]()
        var i = arguments.startIndex
        while i < arguments.endIndex {
            let a = arguments[i]
            if options.contains(a) {
                guard found[a] == nil, i + 1 < arguments.endIndex, let v = value(arguments[i + 1]) else { return nil }
                found[a] = v
                i += 2
            } else if flags.contains(a) {
                guard !set.contains(a) else { return nil }
                set.append(a)
                i += 1
            } else {
                guard positional == nil, let v = value(a) else { return nil }
                positional = v
                i += 1
            }
        }
        guard let positional else { return nil }
        return (positional, found, set)
    }

    private static func roundOptions(_ round: String, fingerprint: String?) -> RoundOptions {
        var options = RoundOptions()
        options.round = round
        options.fingerprint = fingerprint
        return options
    }
}
