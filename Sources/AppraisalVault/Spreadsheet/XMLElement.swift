/// One element of a part of an XLSX package, read by ``XMLElement/parse(_:)``.
///
/// Names are local names (a namespace prefix is dropped: Excel and LibreOffice use the same
/// SpreadsheetML vocabulary under different prefixes); `xmlns` declarations are not kept.
struct XMLElement: Sendable {
    /// The local name.
    let name: String
    /// The attributes by local name.
    let attributes: [String: String]
    /// The child elements, in order.
    var children: [XMLElement] = []
    /// The element's own character data (text and CDATA directly inside it), concatenated.
    var text = ""

    /// The first child named `name`.
    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// The children named `name`.
    func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// Why a part was refused: the 1-based line where reading stopped, and whether it was for
    /// holding more than ``maxElements`` elements rather than for its syntax.
    struct Malformed: Error, Equatable {
        let line: Int
        var tooLarge = false
    }

    static let maxDepth = 64
    /// The most elements one part may hold: a worksheet of 100,000 filled cells has about
    /// 300,000; the cap keeps a small compressed part from building a tree of millions.
    static let maxElements = 1_000_000

    /// Parses a whole document (UTF-8, optional BOM and declaration): one root element, comments
    /// and processing instructions skipped; a DOCTYPE, an undeclared entity, a mismatched or
    /// unclosed tag, a repeated attribute or text outside the root is refused.
    static func parse(_ bytes: [UInt8]) throws(Malformed) -> XMLElement {
        var p = XMLParser(bytes: bytes)
        return try p.document()
    }
}

/// The byte-level reader behind ``XMLElement/parse(_:)``.
struct XMLParser {
    let bytes: [UInt8]
    var i = 0
    var line = 1
    var elements = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    func fail() -> XMLElement.Malformed { XMLElement.Malformed(line: line) }

    /// True when the bytes at the cursor are `s`; compared in place, no copy.
    func starts(_ s: StaticString) -> Bool {
        s.withUTF8Buffer { u in
            guard i + u.count <= bytes.count else { return false }
            for k in 0..<u.count where bytes[i + k] != u[k] { return false }
            return true
        }
    }

    mutating func advance(_ n: Int = 1) {
        for _ in 0..<n where i < bytes.count {
            if bytes[i] == 0x0A { line += 1 }
            i += 1
        }
    }

    mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { advance() }
    }

    /// Skips to just after `end`.
    mutating func skip(past end: StaticString) throws(XMLElement.Malformed) {
        while i < bytes.count {
            if starts(end) {
                advance(end.utf8CodeUnitCount)
                return
            }
            advance()
        }
        throw fail()
    }

    /// Skips comments, processing instructions and spaces between markup outside the root.
    mutating func misc() throws(XMLElement.Malformed) {
        while true {
            skipSpace()
            if starts("<?") {
                try skip(past: "?>")
            } else if starts("<!--") {
                try skip(past: "-->")
            } else {
                return
            }
        }
    }

    mutating func document() throws(XMLElement.Malformed) -> XMLElement {
        try misc()
        guard starts("<"), !starts("<!") else { throw fail() }
        let root = try element(depth: 0)
        try misc()
        guard i == bytes.count else { throw fail() }
        return root
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || b == 0x5F || b == 0x2D || b == 0x2E || b == 0x3A
    }

    mutating func name() throws(XMLElement.Malformed) -> String {
        let start = i
        while i < bytes.count, Self.isNameByte(bytes[i]) { i += 1 }
        guard i > start, let s = String(validating: bytes[start..<i], as: UTF8.self) else { throw fail() }
        return s
    }

    static func local(_ qualified: String) -> String {
        if let colon = qualified.lastIndex(of: ":") { return String(qualified[qualified.index(after: colon)...]) }
        return qualified
    }

    mutating func element(depth: Int) throws(XMLElement.Malformed) -> XMLElement {
        guard depth < XMLElement.maxDepth else { throw fail() }
        elements += 1
        guard elements <= XMLElement.maxElements else { throw XMLElement.Malformed(line: line, tooLarge: true) }
        advance()  // <
        let qualified = try name()
        var attributes = [String: String]()
        var seen = Set<String>()
        while true {
            let hadSpace = i < bytes.count && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i])
            skipSpace()
            guard i < bytes.count else { throw fail() }
            if starts("/>") {
                advance(2)
                return XMLElement(name: Self.local(qualified), attributes: attributes)
            }
            if bytes[i] == UInt8(ascii: ">") {
                advance()
                break
            }
            guard hadSpace else { throw fail() }
            let attribute = try name()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw fail() }
            advance()
            skipSpace()
            guard i < bytes.count, bytes[i] == 0x22 || bytes[i] == 0x27 else { throw fail() }
            let quote = bytes[i]
            advance()
            var raw = [UInt8]()
            while i < bytes.count, bytes[i] != quote {
                guard bytes[i] != UInt8(ascii: "<") else { throw fail() }
                raw.append(bytes[i])
                advance()
            }
            guard i < bytes.count else { throw fail() }
            advance()
            guard seen.insert(attribute).inserted else { throw fail() }
            if attribute == "xmlns" || attribute.hasPrefix("xmlns:") { continue }
            let key = Self.local(attribute)
            guard attributes[key] == nil else { throw fail() }
            attributes[key] = try decode(raw)
        }
        var node = XMLElement(name: Self.local(qualified), attributes: attributes)
        var text = ""
        var segment = [UInt8]()
        while true {
            if i < bytes.count, bytes[i] != UInt8(ascii: "<") {
                segment.append(bytes[i])
                advance()
                continue
            }
            if i >= bytes.count || bytes[i] == UInt8(ascii: "<") {
                text += try decode(segment)
                segment.removeAll()
            }
            guard i < bytes.count else { throw fail() }
            if starts("</") {
                advance(2)
                guard try name() == qualified else { throw fail() }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw fail() }
                advance()
                node.text = text
                return node
            } else if starts("<!--") {
                try skip(past: "-->")
            } else if starts("<![CDATA[") {
                advance(9)
                let start = i
                try skip(past: "]]>")
                guard let cdata = String(validating: bytes[start..<(i - 3)], as: UTF8.self) else { throw fail() }
                text += cdata
            } else if starts("<?") {
                try skip(past: "?>")
            } else if starts("<!") {
                throw fail()
            } else if bytes[i] == UInt8(ascii: "<") {
                node.children.append(try element(depth: depth + 1))
            } else {
                segment.append(bytes[i])
                advance()
            }
        }
    }

    /// Decodes character data: UTF-8, the five predefined entities and character references.
    func decode(_ raw: [UInt8]) throws(XMLElement.Malformed) -> String {
        var out = [UInt8]()
        var j = 0
        while j < raw.count {
            let b = raw[j]
            guard b != 0 else { throw fail() }
            guard b == UInt8(ascii: "&") else {
                out.append(b)
                j += 1
                continue
            }
            guard let end = raw[j...].firstIndex(of: UInt8(ascii: ";")), end - j <= 12,
                let entity = String(validating: raw[(j + 1)..<end], as: UTF8.self)
            else { throw fail() }
            switch entity {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(0x22)
            case "apos": out.append(0x27)
            default:
                let value: UInt32?
                if entity.hasPrefix("#x") {
                    value = UInt32(entity.dropFirst(2), radix: 16)
                } else if entity.hasPrefix("#") {
                    value = UInt32(entity.dropFirst(1), radix: 10)
                } else {
                    value = nil
                }
                guard let value, value != 0, let scalar = Unicode.Scalar(value) else { throw fail() }
                out += Array(String(Character(scalar)).utf8)
            }
            j = end + 1
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw fail() }
        return s
    }
}
