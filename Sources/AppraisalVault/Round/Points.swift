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

    /// `value` as `units × 10^-scale` (scale ≥ 0) when it is known without `Decimal` arithmetic:
    /// parsed points, points built from units, and their sums and differences that fit in 64 bits.
    /// Only a shortcut for ``description`` and ``isMultiple(of:)`` (verifying a round checks
    /// thousands of points, and `Decimal` division dominated it); never part of equality.
    private let exact: Exact?

    /// An integer number of `10^-scale` points.
    private struct Exact: Sendable {
        let units: Int64
        let scale: Int

        /// `units` at the finer scale `target` (≥ `scale`), or nil when it does not fit.
        func units(atScale target: Int) -> Int64? {
            var u = units
            for _ in scale..<target {
                let (next, overflow) = u.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                u = next
            }
            return u
        }

        /// Both at the finer of the two scales, or nil when one does not fit.
        static func aligned(_ a: Exact, _ b: Exact) -> (Int64, Int64, scale: Int)? {
            let scale = Swift.max(a.scale, b.scale)
            guard let x = a.units(atScale: scale), let y = b.units(atScale: scale) else { return nil }
            return (x, y, scale)
        }
    }

    /// The exact form as a key (``PointsTable``): equal keys are equal points, written the same.
    struct ExactKey: Hashable, Sendable {
        let units: Int64
        let scale: Int
    }

    /// The exact form as a key, nil for points without one.
    var exactKey: ExactKey? { exact.map { ExactKey(units: $0.units, scale: $0.scale) } }

    /// Most digits accepted before the decimal mark.
    public static let maxIntegerDigits = 12
    /// Most digits accepted after the decimal mark.
    public static let maxFractionDigits = 6

    /// Zero points.
    public static let zero = Points(integer: 0)
    /// The default step of a sub-criterion: a quarter point.
    public static let quarter = Points(units: 25, scale: 2)

    /// Wraps an exact decimal.
    public init(_ value: Decimal) {
        self.value = value
        self.exact = nil
    }

    /// `value` with its known exact form.
    private init(_ value: Decimal, exact: Exact?) {
        self.value = value
        self.exact = exact
    }

    /// A whole number of points.
    public init(integer: Int) {
        self.value = Decimal(integer)
        self.exact = Int64(exactly: integer).map { Exact(units: $0, scale: 0) }
    }

    /// `units × 10^-scale` points, built without any floating point (e.g. `(25, 2)` is 0.25).
    public init(units: Int64, scale: Int) {
        self.value = Decimal(sign: units < 0 ? .minus : .plus, exponent: -scale, significand: Decimal(units.magnitude))
        self.exact = scale >= 0 ? Exact(units: units, scale: scale) : nil
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
        // Read from the bytes: the canonical form is `-?(0|[1-9][0-9]{0,11})(\.[0-9]{0,5}[1-9])?`
        // without `-0` (what ``description`` writes for a parsed value); the tests hold this to
        // ``init(parsing:)`` followed by the comparison with ``description``.
        var text = text
        let read = text.withUTF8 { b -> (units: Int64, scale: Int)? in
            var i = 0
            let negative = b.count > 0 && b[0] == UInt8(ascii: "-")
            if negative { i = 1 }
            let integerStart = i
            var units: Int64 = 0
            while i < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) {
                units = units * 10 + Int64(b[i] - UInt8(ascii: "0"))
                i += 1
                guard i - integerStart <= Points.maxIntegerDigits else { return nil }
            }
            let integerDigits = i - integerStart
            guard integerDigits > 0, integerDigits == 1 || b[integerStart] != UInt8(ascii: "0") else { return nil }
            var scale = 0
            if i < b.count {
                guard b[i] == UInt8(ascii: "."), b.count - i - 1 <= Points.maxFractionDigits else { return nil }
                i += 1
                while i < b.count {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) else { return nil }
                    units = units * 10 + Int64(b[i] - UInt8(ascii: "0"))
                    scale += 1
                    i += 1
                }
                guard scale > 0, b[b.count - 1] != UInt8(ascii: "0") else { return nil }
            }
            guard !negative || units != 0 else { return nil }
            return (negative ? -units : units, scale)
        }
        guard let read else { return nil }
        self.init(units: read.units, scale: read.scale)
    }

    /// ``init(canonical:)`` as parse-then-compare: ``init(parsing:)``, then ``description`` must
    /// give back exactly `text` (the reference the tests compare the byte reader with).
    init?(parsedCanonical text: String) {
        guard let p = Points(parsing: text), p.description == text else { return nil }
        self = p
    }

    /// The canonical text form (see the type's discussion).
    public var description: String {
        // Scales up to 12 need no rounding: write the digits with the mark inserted.
        if let exact, exact.scale <= 12 {
            var digits = String(exact.units.magnitude)
            if exact.scale > 0 {
                if digits.count <= exact.scale {
                    digits = String(repeating: "0", count: exact.scale - digits.count + 1) + digits
                }
                digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -exact.scale))
                while digits.hasSuffix("0") { digits.removeLast() }
                if digits.hasSuffix(".") { digits.removeLast() }
            }
            return digits == "0" || exact.units >= 0 ? digits : "-" + digits
        }
        return decimalDescription
    }

    /// Appends the UTF-8 bytes of ``description`` to `out`, without a temporary `String` when the
    /// exact form is known (the merge writes three points per cell).
    func appendDescription(to out: inout [UInt8]) {
        guard let exact, exact.scale <= 12 else {
            out.append(contentsOf: description.utf8)
            return
        }
        var magnitude = exact.units.magnitude
        var scale = exact.scale
        // Trailing zeros of the fraction are not written.
        while scale > 0, magnitude % 10 == 0 {
            magnitude /= 10
            scale -= 1
        }
        // At most 20 digits of a UInt64, plus "0." padding for a scale up to 12.
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { d in
            var count = 0
            repeat {
                d[31 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            while count <= scale {
                d[31 - count] = UInt8(ascii: "0")
                count += 1
            }
            let isZero = count == 1 && d[31] == UInt8(ascii: "0")
            if exact.units < 0, !isZero { out.append(UInt8(ascii: "-")) }
            let first = 32 - count
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[first..<(32 - scale)]))
            if scale > 0 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[(32 - scale)..<32]))
            }
        }
    }

    /// ``description`` computed with `Decimal` alone (the path for values without an exact form).
    var decimalDescription: String {
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
        if let a = exact, let b = step.exact, let (x, y, _) = Exact.aligned(a, b) { return x % y == 0 }
        return decimalIsMultiple(of: step)
    }

    /// ``isMultiple(of:)`` computed with `Decimal` division alone.
    func decimalIsMultiple(of step: Points) -> Bool {
        guard step.isPositive else { return false }
        var quotient = value / step.value
        var whole = Decimal()
        NSDecimalRound(&whole, &quotient, 0, .plain)
        return whole == quotient
    }

    /// True when the value is negative.
    public var isNegative: Bool {
        if let exact { return exact.units < 0 }
        return value < Decimal.zero
    }

    /// True when the value is greater than zero.
    public var isPositive: Bool {
        if let exact { return exact.units > 0 }
        return value > Decimal.zero
    }

    // Comparisons use the exact forms when both have one (the same order as `Decimal`'s, which
    // the tests compare them with): a `Decimal` comparison costs far more, and its first use in a
    // process instantiates generic metadata (about 3 million instructions at start-up).
    public static func == (a: Points, b: Points) -> Bool {
        if let x = a.exact, let y = b.exact, let (u, v, _) = Exact.aligned(x, y) { return u == v }
        return a.value == b.value
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
    public static func < (a: Points, b: Points) -> Bool {
        if let x = a.exact, let y = b.exact, let (u, v, _) = Exact.aligned(x, y) { return u < v }
        return a.value < b.value
    }
    public static func + (a: Points, b: Points) -> Points {
        Points(a.value + b.value, exact: combined(a, b, by: { $0.addingReportingOverflow($1) }))
    }
    public static func - (a: Points, b: Points) -> Points {
        Points(a.value - b.value, exact: combined(a, b, by: { $0.subtractingReportingOverflow($1) }))
    }

    /// The exact form of `a op b`, when both have one and the result fits.
    private static func combined(
        _ a: Points, _ b: Points, by op: (Int64, Int64) -> (partialValue: Int64, overflow: Bool)
    ) -> Exact? {
        guard let x = a.exact, let y = b.exact, let (u, v, scale) = Exact.aligned(x, y) else { return nil }
        let (result, overflow) = op(u, v)
        return overflow ? nil : Exact(units: result, scale: scale)
    }

    /// A running sum that adds in 64-bit integers while every term has an exact form, and with
    /// `Decimal` otherwise: equal to `.zero + a + b + …` with ``+`` (same value, same exact form,
    /// so the same ``description``), without one `Decimal` addition per term.
    struct Sum {
        private var exact: Exact? = Exact(units: 0, scale: 0)
        /// The total so far when it has no exact form.
        private var slow: Points?

        /// Adds `p`.
        mutating func add(_ p: Points) {
            if slow == nil, let a = exact, let b = p.exact, let (x, y, scale) = Exact.aligned(a, b) {
                let (total, overflow) = x.addingReportingOverflow(y)
                if !overflow {
                    exact = Exact(units: total, scale: scale)
                    return
                }
            }
            slow = (slow ?? total) + p
        }

        /// The sum.
        var total: Points {
            if let slow { return slow }
            // Only reached with an exact form (slow is set whenever it is lost).
            let e = exact ?? Exact(units: 0, scale: 0)
            return Points(units: e.units, scale: e.scale)
        }
    }

    /// The sum of `items`.
    public static func sum(_ items: some Sequence<Points>) -> Points {
        var sum = Sum()
        for item in items { sum.add(item) }
        return sum.total
    }
}
