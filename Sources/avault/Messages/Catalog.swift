import AppraisalVault

/// The message catalog: the texts of every message id, one table per language
/// (Catalog+Vietnamese.swift, Catalog+English.swift).
///
/// The ids are the raw values of the library's codes (``MessageCodes``) and of the CLI's own
/// ``MessageID``; the catalog tests check that both tables hold exactly those ids.
enum Catalog {
    /// The table of `language`.
    static func table(_ language: Language) -> [String: String] {
        language == .vietnamese ? vietnamese : english
    }

    /// The text of `id` in `language`, with positional placeholders `{1}`, `{2}`…; the id itself
    /// when the catalog has no text (the catalog tests rule that out).
    static func template(_ id: String, in language: Language) -> String {
        table(language)[id] ?? id
    }

    /// The text of `id` in `language` with `{n}` replaced by `arguments[n-1]`; a placeholder
    /// without an argument is left as written. Arguments come from files and may be hostile: each
    /// is shown with its refused characters escaped (``Text/escapingRefused(_:)``, spec §1.3).
    static func render(_ id: String, _ arguments: [String] = [], in language: Language) -> String {
        let template = template(id, in: language)
        // Most texts (every command's abstract, built at each start) have no placeholder.
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        var chars = template.makeIterator()
        while let c = chars.next() {
            guard c == "{" else {
                out.append(c)
                continue
            }
            var digits = ""
            var closed = false
            while let d = chars.next() {
                if d == "}" {
                    closed = true
                    break
                }
                digits.append(d)
            }
            if closed, let n = Int(digits), n >= 1, n <= arguments.count {
                out += Text.escapingRefused(arguments[n - 1])
            } else {
                out += "{" + digits + (closed ? "}" : "")
            }
        }
        return out
    }

    /// The placeholders `{n}` used in `text`, as a set of n.
    static func placeholders(_ text: String) -> Set<Int> {
        var found = Set<Int>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            rest = rest[rest.index(after: open)...]
            guard let close = rest.firstIndex(of: "}") else { break }
            if let n = Int(rest[..<close]) { found.insert(n) }
            rest = rest[rest.index(after: close)...]
        }
        return found
    }
}

extension MessageCode {
    /// The text in `language`, with positional placeholders `{1}`, `{2}`….
    func template(in language: Language) -> String { Catalog.template(rawValue, in: language) }

    /// The text in `language` with `{n}` replaced by `arguments[n-1]`.
    func render(_ arguments: [String] = [], in language: Language) -> String {
        Catalog.render(rawValue, arguments, in: language)
    }
}

extension Role {
    /// The role's name for people.
    var displayName: MessageID {
        switch self {
        case .member: .roleMember
        case .secretary: .roleSecretary
        case .holder: .roleHolder
        case .unit: .roleUnit
        }
    }
}
