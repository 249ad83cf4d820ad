/// A JSON value in the restricted model every AppraisalVault document uses.
///
/// Numbers are integers only (scores and other decimals are strings); objects have unique keys.
/// See ``CanonicalJSON`` for the one byte encoding each value has.
public indirect enum JSONValue: Sendable, Hashable {
    /// An object; keys are unique and serialised in UTF-8 byte order.
    case object([String: JSONValue])
    /// An array.
    case array([JSONValue])
    /// A string (NFC, valid Unicode scalars).
    case string(String)
    /// A signed 64-bit integer.
    case integer(Int64)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
}

extension JSONValue {
    /// Convenience for building objects from key/value pairs.
    public static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        var d = [String: JSONValue]()
        for (k, v) in pairs { d[k] = v }
        return .object(d)
    }

    /// A string value.
    public static func text(_ s: String) -> JSONValue { .string(s) }
    /// A hex string value.
    public static func hex(_ bytes: some Sequence<UInt8>) -> JSONValue { .string(Hex.encode(bytes)) }
    /// An integer value.
    public static func int(_ n: Int) -> JSONValue { .integer(Int64(n)) }
}
