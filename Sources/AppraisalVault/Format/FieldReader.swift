/// Reads the fields of a JSON object strictly: every field has the expected type and every field
/// present must be read, so an unknown field is an error, never ignored (spec §1.3).
public struct FieldReader {
    /// A decoding failure: which field, what was expected (technical English, shown after the file).
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The dotted path of the field, e.g. `kdf.salt`.
        public let path: String
        /// What was wrong.
        public let reason: String
        public var description: String { path.isEmpty ? reason : "field \"\(path)\": \(reason)" }
    }

    private let fields: [String: JSONValue]
    /// The distinct keys read so far (a few per object: a list is cheaper than a set to fill).
    private var used = [String]()
    private let path: String

    /// Starts reading `value`, which must be an object.
    public init(_ value: JSONValue, path: String = "") throws(Failure) {
        guard case .object(let f) = value else { throw Failure(path: path, reason: "expected an object") }
        self.fields = f
        self.path = path
        used.reserveCapacity(f.count)
    }

    private func sub(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private mutating func take(_ key: String) throws(Failure) -> JSONValue {
        guard let v = fields[key] else { throw Failure(path: sub(key), reason: "missing") }
        if !used.contains(key) { used.append(key) }
        return v
    }

    /// True when the object has `key` (for optional fields).
    public func has(_ key: String) -> Bool { fields[key] != nil }

    /// A string field, limited in length (in bytes), without the characters spec §1.3 refuses:
    /// one line unless `singleLine` is false (then TAB and LF are allowed), never a bidirectional control.
    public mutating func string(_ key: String, maxBytes: Int = 4096, singleLine: Bool = true) throws(Failure) -> String
    {
        guard case .string(let s) = try take(key) else { throw Failure(path: sub(key), reason: "expected a string") }
        guard s.utf8.count <= maxBytes else { throw Failure(path: sub(key), reason: "longer than \(maxBytes) bytes") }
        // The path is only built for a failure: this runs for every string of every document.
        if let refusal = Text.refusal(in: s, multiline: !singleLine) { throw FieldReader.failure(refusal, sub(key)) }
        return s
    }

    /// Fails when `s` has a character spec §1.3 refuses (for strings read outside ``string(_:maxBytes:singleLine:)``).
    public static func checkText(_ s: String, path: String, multiline: Bool = false) throws(Failure) {
        if let refusal = Text.refusal(in: s, multiline: multiline) { throw failure(refusal, path) }
    }

    private static func failure(_ refusal: Text.Refusal, _ path: String) -> Failure {
        switch refusal {
        case .control(let u): Failure(path: path, reason: "contains the control character \(Text.codePoint(u))")
        case .bidi(let u): Failure(path: path, reason: "contains the bidirectional control \(Text.codePoint(u))")
        }
    }

    /// A timestamp field (spec §1.3): `YYYY-MM-DDTHH:MM:SSZ` in UTC, read with a 32-byte cap.
    public mutating func timestamp(_ key: String) throws(Failure) -> String {
        let s = try string(key, maxBytes: 32)
        guard Timestamp.isValid(s) else { throw Failure(path: sub(key), reason: "not an RFC 3339 UTC time") }
        return s
    }

    /// An integer field within `range`.
    public mutating func integer(_ key: String, in range: ClosedRange<Int64>) throws(Failure) -> Int64 {
        guard case .integer(let n) = try take(key) else { throw Failure(path: sub(key), reason: "expected an integer") }
        guard range.contains(n) else { throw Failure(path: sub(key), reason: "out of range \(range)") }
        return n
    }

    /// A boolean field.
    public mutating func bool(_ key: String) throws(Failure) -> Bool {
        guard case .bool(let b) = try take(key) else { throw Failure(path: sub(key), reason: "expected true or false") }
        return b
    }

    /// A lowercase-hex field of exactly `length` bytes.
    public mutating func hex(_ key: String, length: Int) throws(Failure) -> [UInt8] {
        let s = try string(key, maxBytes: 2 * length)
        guard let bytes = Hex.decode(s), bytes.count == length else {
            throw Failure(path: sub(key), reason: "expected \(length) bytes of lowercase hex")
        }
        return bytes
    }

    /// A nested object field.
    public mutating func object(_ key: String) throws(Failure) -> FieldReader {
        try FieldReader(try take(key), path: sub(key))
    }

    /// An array field with at most `maxCount` items.
    public mutating func array(_ key: String, maxCount: Int = 1 << 20) throws(Failure) -> [JSONValue] {
        guard case .array(let items) = try take(key) else { throw Failure(path: sub(key), reason: "expected an array") }
        guard items.count <= maxCount else { throw Failure(path: sub(key), reason: "more than \(maxCount) items") }
        return items
    }

    /// An array field of at most `maxCount` lowercase-hex strings of exactly `length` bytes each.
    public mutating func hexArray(_ key: String, length: Int, maxCount: Int) throws(Failure) -> [[UInt8]] {
        var out = [[UInt8]]()
        for (i, item) in try array(key, maxCount: maxCount).enumerated() {
            guard case .string(let text) = item, let raw = Hex.decode(text), raw.count == length else {
                throw Failure(path: "\(sub(key))[\(i)]", reason: "expected \(length) bytes of lowercase hex")
            }
            out.append(raw)
        }
        return out
    }

    /// A raw value field.
    public mutating func value(_ key: String) throws(Failure) -> JSONValue { try take(key) }

    /// Fails if the object has a field nobody read.
    public func finish() throws(Failure) {
        // `used` holds distinct keys of `fields`: all were read exactly when the counts agree.
        guard used.count < fields.count else { return }
        if let unknown = fields.keys.filter({ !used.contains($0) }).sorted().first {
            throw Failure(path: sub(Text.escapingRefused(unknown)), reason: "unknown field")
        }
    }
}
