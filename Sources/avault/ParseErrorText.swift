import AppraisalVault
import ArgumentParser

/// The text of a command-line parse error: argument-parser's message, recognised by kind and
/// rendered from the catalog (so in Vietnamese under a Vietnamese `LANG`), with "did you mean"
/// for a mistyped command or option.
enum ParseErrorText {
    /// The lines to print for `message` (argument-parser's full text, without `Error: `), given the
    /// command line `arguments` (without the program name): the error, then an optional hint, then
    /// the rest (usage) with its labels translated.
    static func render(_ message: String, arguments: [String], in language: Language) -> (
        error: String, hint: String?, rest: [String]
    ) {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = lines.isEmpty ? "" : lines.removeFirst()
        let rest = lines.map { translateUsage($0, in: language) }
        let (command, path, unknownCommand) = locate(arguments)
        let name = (["avault"] + path).joined(separator: " ")
        if let typed = unknownCommand {
            let names = command.configuration.subcommands.map { $0._commandName }
            return (
                MessageID.parseUnknownCommand.render([typed, name], in: language),
                hint(typed, among: names, command: name, in: language), rest
            )
        }
        let known = options(of: command)
        for argument in arguments.prefix(while: { $0 != "--" }) where argument.hasPrefix("--") {
            let option = String(argument.prefix { $0 != "=" })
            guard !known.contains(option) else { continue }
            return (
                MessageID.parseUnknownOption.render([option, name], in: language),
                hint(option, among: Array(known), command: name, in: language), rest
            )
        }
        return (translate(first, in: language), nil, rest)
    }

    /// The deepest command named by `arguments`, its path, and the first word that should have
    /// been a subcommand but is none.
    static func locate(_ arguments: [String]) -> (any ParsableCommand.Type, [String], String?) {
        var command: any ParsableCommand.Type = AVault.self
        var path = [String]()
        for argument in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !argument.hasPrefix("-") else { break }
            guard let next = subcommands.first(where: { $0._commandName == argument }) else {
                return (command, path, argument)
            }
            command = next
            path.append(argument)
        }
        return (command, path, nil)
    }

    /// The long options of `command`, read from its help text (argument-parser has no public list).
    static func options(of command: any ParsableCommand.Type) -> Set<String> {
        var found: Set<String> = ["--help", "--version"]
        var rest = Substring(command.helpMessage(includeHidden: true, columns: 10_000))
        while let start = rest.firstRange(of: "--") {
            rest = rest[start.upperBound...]
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if let first = name.first, first.isLetter { found.insert("--" + name) }
        }
        return found
    }

    /// "did you mean …?" when one of `names` is close to `typed`, else a pointer to the help.
    static func hint(_ typed: String, among names: [String], command: String, in language: Language) -> String {
        let scored = names.map { ($0, distance(typed, $0)) }.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        if let best = scored.first, best.1 <= max(2, typed.count / 3) || best.0.hasPrefix(typed) {
            return MessageID.parseDidYouMean.render([best.0, command], in: language)
        }
        return MessageID.parseSeeHelp.render([command], in: language)
    }

    /// The Levenshtein distance between `a` and `b`.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return row[b.count]
    }

    /// argument-parser's first line, by kind, from the catalog; unrecognised text stays as it is.
    static func translate(_ line: String, in language: Language) -> String {
        func quoted(after prefix: String) -> (String, Substring)? {
            guard line.hasPrefix(prefix + "'") else { return nil }
            let body = line.dropFirst(prefix.count + 1)
            guard let end = body.firstIndex(of: "'") else { return nil }
            return (String(body[..<end]), body[body.index(after: end)...])
        }
        if let (name, _) = quoted(after: "Missing expected argument ") {
            return MessageID.parseMissingArgument.render([name], in: language)
        }
        if let (name, _) = quoted(after: "Missing value for ") {
            return MessageID.parseMissingValue.render([name], in: language)
        }
        if let (value, tail) = quoted(after: "The value "), tail.hasPrefix(" is invalid for '") {
            let body = tail.dropFirst(" is invalid for '".count)
            let option = String(body.prefix { $0 != "'" })
            if let choices = body.firstRange(of: "Please provide one of ") {
                let list = body[choices.upperBound...].dropLast(body.hasSuffix(".") ? 1 : 0)
                let joined = language == .vietnamese ? String(list.replacing(" or ", with: " hoặc ")) : String(list)
                return MessageID.parseInvalidChoice.render([value, option, joined], in: language)
            }
            return MessageID.parseInvalidValue.render([value, option], in: language)
        }
        if let (value, _) = quoted(after: "Unexpected argument ") {
            return MessageID.parseUnexpected.render([value], in: language)
        }
        return line
    }

    /// The usage lines' labels in `language`.
    static func translateUsage(_ line: String, in language: Language) -> String {
        guard language == .vietnamese else { return line }
        for (label, id) in [("Usage:", MessageID.parseUsageLabel), ("Help:", MessageID.parseHelpLabel)]
        where line.hasPrefix(label) {
            return id.render(in: language) + line.dropFirst(label.count)
        }
        let see = "  See '"
        if line.hasPrefix(see), line.hasSuffix("' for more information.") {
            let command = line.dropFirst(see.count).dropLast("' for more information.".count)
            return "  " + MessageID.parseSeeMore.render([String(command)], in: language)
        }
        return line
    }
}
