/// One entry of the message catalog: a user-facing text in Vietnamese and English.
///
/// Texts take positional arguments written `{1}`, `{2}`…. All entries are declared as static
/// members in `Catalog*.swift` files, so every user-facing sentence lives in one catalog and
/// exists in both languages.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    /// A stable identifier, e.g. `key.wrong-passphrase`; tests and `--json` output use it.
    public let id: String
    /// The Vietnamese text.
    public let vietnamese: String
    /// The English text.
    public let english: String

    /// Declares a catalog entry.
    public init(_ id: String, vi: String, en: String) {
        self.id = id
        self.vietnamese = vi
        self.english = en
    }

    /// The text in `language` with `{n}` replaced by `arguments[n-1]`.
    public func render(_ arguments: [String] = [], in language: Language) -> String {
        let template = language == .vietnamese ? vietnamese : english
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
                out += arguments[n - 1]
            } else {
                out += "{" + digits + (closed ? "}" : "")
            }
        }
        return out
    }

    /// The highest `{n}` placeholder used in `text`.
    static func placeholderCount(_ text: String) -> Int {
        var highest = 0
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            rest = rest[rest.index(after: open)...]
            guard let close = rest.firstIndex(of: "}") else { break }
            if let n = Int(rest[..<close]) { highest = max(highest, n) }
            rest = rest[rest.index(after: close)...]
        }
        return highest
    }

    /// The number of arguments the entry expects (checked equal in both languages by the tests).
    public var argumentCount: (vietnamese: Int, english: Int) {
        (Message.placeholderCount(vietnamese), Message.placeholderCount(english))
    }

    public var description: String { id }

    public static func == (a: Message, b: Message) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A message with its arguments, ready to render in either language.
public struct LocalizedText: Sendable, Hashable {
    /// The catalog entry.
    public let message: Message
    /// Its arguments.
    public let arguments: [String]

    /// Pairs a message with its arguments.
    public init(_ message: Message, _ arguments: [String] = []) {
        self.message = message
        self.arguments = arguments
    }

    /// The rendered text.
    public func render(in language: Language) -> String { message.render(arguments, in: language) }
}
