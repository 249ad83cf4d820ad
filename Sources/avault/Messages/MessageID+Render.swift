import AppraisalVault

extension MessageID {
    /// The text in `language`, with positional placeholders `{1}`, `{2}`….
    func template(in language: Language) -> String {
        language == .vietnamese ? vietnamese : english
    }

    /// The text in `language` with `{n}` replaced by `arguments[n-1]`; a placeholder without an
    /// argument is left as written.
    func render(_ arguments: [String] = [], in language: Language) -> String {
        var out = ""
        var chars = template(in: language).makeIterator()
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
                out += arguments[n - 1]
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

    /// The catalog entry of a library code (error, hint, notice or finding), by its raw value.
    ///
    /// Every library code has one: the catalog tests check it.
    init(_ code: some MessageCode) {
        self = MessageID(rawValue: code.rawValue) ?? .cryptoFailure
    }
}

extension Role {
    /// The role's name for people.
    var displayName: MessageID {
        switch self {
        case .member: .roleMember
        case .secretary: .roleSecretary
        case .holder: .roleHolder
        }
    }
}
