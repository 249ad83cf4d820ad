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
        /// A command's `run()` with the values the parser would set, after the same validation,
        /// without building the command (its argument wrappers, with their localised help, cost
        /// more at start-up than the rest of the argument handling).
        case run(() throws -> Void)
    }

    /// The request for `arguments` (without the program name), or nil for the parser.
    static func parse(_ arguments: [String]) -> Request? {
        if getenv("AVAULT_NO_FAST_ARGUMENTS") != nil { return nil }
        if arguments == ["--version"] { return .version }
        switch arguments.first {
        case "key":
            guard arguments.count == 3, arguments[1] == "show", let file = value(arguments[2]) else { return nil }
            // `KeyCommand.Show` has no validation of its own.
            return .run { try KeyCommand.Show.run(file: file) }
        case "receipt":
            guard arguments.count > 2, arguments[1] == "check",
                let line = split(arguments.dropFirst(2), options: ["--round", "--fingerprint"], flags: []),
                let round = line.options["--round"]
            else { return nil }
            // `ReceiptCommand.Check` and its `RoundOptions` have no validation of their own.
            let fingerprint = line.options["--fingerprint"]
            return .run { try ReceiptCommand.Check.run(file: line.positional, round: round, fingerprint: fingerprint) }
        case "verify":
            guard let line = split(arguments.dropFirst(), options: ["--round", "--fingerprint"], flags: ["--json"]),
                let round = line.options["--round"]
            else { return nil }
            let fingerprint = line.options["--fingerprint"]
            guard Verify.validationError(fingerprint: fingerprint, round: round, receipts: nil) == nil else {
                return nil
            }
            let json = line.flags.contains("--json")
            return .run {
                try Verify.run(
                    roundFolder: line.positional, round: round, fingerprint: fingerprint, receipts: nil, json: json,
                    progress: nil)
            }
        default:
            return nil
        }
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
}
