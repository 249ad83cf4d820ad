/// One test vector file, `Tests/Vectors/<area>/<name>.vec` (format: `Tests/Vectors/README.md`).
///
/// A small text header of `key: value` lines, a blank line, then the raw artifact bytes. The
/// header always has `expect:` (`success` or a message id such as `key.wrong-passphrase`) and may
/// have `passphrase:`, `fingerprint:` and `comment:`; an area's runner may define more keys.
struct Vector: Sendable, Equatable, CustomStringConvertible {
    /// The folder, e.g. `key-file`; it selects the runner.
    let area: String
    /// The file name without `.vec`.
    let name: String
    /// Header lines in file order.
    let fields: [(key: String, value: String)]
    /// The artifact bytes after the blank line.
    let body: [UInt8]

    init(area: String, name: String, fields: [(key: String, value: String)], body: [UInt8]) {
        self.area = area
        self.name = name
        self.fields = fields
        self.body = body
    }

    /// The value of header `key`, if present.
    subscript(key: String) -> String? { fields.first { $0.key == key }?.value }

    /// The `expect:` value.
    var expect: String { self["expect"] ?? "" }

    var description: String { "\(area)/\(name).vec" }

    /// The file bytes: header lines, a blank line, the body.
    func serialized() -> [UInt8] {
        Array(fields.map { "\($0.key): \($0.value)\n" }.joined().utf8) + [0x0a] + body
    }

    /// Why a vector file could not be read.
    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    /// Parses a vector file.
    init(parsing bytes: [UInt8], area: String, name: String) throws(FormatError) {
        var fields = [(key: String, value: String)]()
        var index = 0
        while true {
            guard let end = bytes[index...].firstIndex(of: 0x0a) else {
                throw FormatError(description: "\(area)/\(name): no blank line")
            }
            if end == index {
                index += 1
                break
            }
            guard let line = String(validating: bytes[index..<end], as: UTF8.self),
                let colon = line.firstIndex(of: ":"),
                line[line.index(after: colon)...].hasPrefix(" ")
            else { throw FormatError(description: "\(area)/\(name): bad header line at byte \(index)") }
            let key = String(line[..<colon])
            guard !key.isEmpty, key.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" }),
                !fields.contains(where: { $0.key == key })
            else {
                throw FormatError(description: "\(area)/\(name): bad or repeated key \"\(key)\"")
            }
            fields.append((key, String(line[line.index(colon, offsetBy: 2)...])))
            index = end + 1
        }
        guard fields.contains(where: { $0.key == "expect" }) else {
            throw FormatError(description: "\(area)/\(name): no expect:")
        }
        self.init(area: area, name: name, fields: fields, body: Array(bytes[index...]))
    }

    static func == (a: Vector, b: Vector) -> Bool {
        a.area == b.area && a.name == b.name && a.serialized() == b.serialized()
    }
}
