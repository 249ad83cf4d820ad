public import Foundation

/// An exact decimal number of points (a maximum, a step, a score, a total).
///
/// Points are parsed by exactly one strict parser, ``init(parsing:)``, and written in exactly
/// one canonical form, ``description``: no exponent, no leading zeros, no trailing zeros in the
/// fraction, `.` as the decimal mark, `0` for zero (e.g. `12`, `0.25`, `7.5`, `-0.5`). In files
/// points are always strings in that form. Binary floating point is never involved.
public struct Points: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The exact value.
    public let value: Decimal

    /// Most digits accepted before the decimal mark.
    public static let maxIntegerDigits = 12
    /// Most digits accepted after the decimal mark.
    public static let maxFractionDigits = 6

    /// Zero points.
    public static let zero = Points(integer: 0)
    /// The default step of a sub-criterion: a quarter point.
    public static let quarter = Points(units: 25, scale: 2)

    /// Wraps an exact decimal.
    public init(_ value: Decimal) { self.value = value }

    /// A whole number of points.
    public init(integer: Int) { self.value = Decimal(integer) }

    /// `units × 10^-scale` points, built without any floating point (e.g. `(25, 2)` is 0.25).
    public init(units: Int64, scale: Int) {
        self.value = Decimal(sign: units < 0 ? .minus : .plus, exponent: -scale, significand: Decimal(units.magnitude))
    }

    /// Parses a number as people write it: `-?[0-9]{1,12}([.,][0-9]{1,6})?` after trimming spaces
    /// and tabs. `0,25` and `0.25` are both a quarter; `1.234,5`, `1e2`, `12,`, `+1` and the empty
    /// string are rejected.
    ///
    /// - Returns: nil when `text` is not in that form (callers report the file and cell).
    public init?(parsing text: String) {
        var bytes = Array(text.utf8)[...]
        while let f = bytes.first, f == 0x20 || f == 0x09 { bytes = bytes.dropFirst() }
        while let l = bytes.last, l == 0x20 || l == 0x09 { bytes = bytes.dropLast() }
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        func isDigit(_ b: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }
        let integerPart = bytes.prefix(while: isDigit)
        guard (1...Points.maxIntegerDigits).contains(integerPart.count) else { return nil }
        var rest = bytes.dropFirst(integerPart.count)
        var fractionPart = ArraySlice<UInt8>()
        if let mark = rest.first {
            guard mark == UInt8(ascii: ".") || mark == UInt8(ascii: ",") else { return nil }
            rest = rest.dropFirst()
            fractionPart = rest.prefix(while: isDigit)
            guard (1...Points.maxFractionDigits).contains(fractionPart.count), fractionPart.count == rest.count else {
                return nil
            }
        }
        var units: Int64 = 0
        for b in integerPart + fractionPart { units = units * 10 + Int64(b - UInt8(ascii: "0")) }
        self.init(units: negative ? -units : units, scale: fractionPart.count)
    }

    /// Parses the canonical form only (as stored in vault files): ``init(parsing:)`` plus the
    /// requirement that ``description`` gives back exactly `text`.
    public init?(canonical text: String) {
        guard let p = Points(parsing: text), p.description == text else { return nil }
        self = p
    }

    /// The canonical text form (see the type's discussion).
    public var description: String {
        var v = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &v, 12, .plain)  // sums of parsed points never need more digits
        var text = NSDecimalString(&rounded, Locale(identifier: "en_US_POSIX"))
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text == "-0" || text.isEmpty { text = "0" }
        return text
    }

    /// True when the value is a whole multiple of `step` (which must be positive).
    public func isMultiple(of step: Points) -> Bool {
        guard step.isPositive else { return false }
        var quotient = value / step.value
        var whole = Decimal()
        NSDecimalRound(&whole, &quotient, 0, .plain)
        return whole == quotient
    }

    /// True when the value is negative.
    public var isNegative: Bool { value < Decimal.zero }

    /// True when the value is greater than zero.
    public var isPositive: Bool { value > Decimal.zero }

    public static func < (a: Points, b: Points) -> Bool { a.value < b.value }
    public static func + (a: Points, b: Points) -> Points { Points(a.value + b.value) }
    public static func - (a: Points, b: Points) -> Points { Points(a.value - b.value) }

    /// The sum of `items`.
    public static func sum(_ items: some Sequence<Points>) -> Points { items.reduce(.zero, +) }
}
