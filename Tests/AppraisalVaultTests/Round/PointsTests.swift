import Foundation
import Testing

@testable import AppraisalVault

@Suite struct PointsTests {
    /// A decimal comma and a decimal point mean the same number ("0,25" == "0.25").
    @Test func commaAndPointAgree() throws {
        let comma = try #require(Points(parsing: "0,25"))
        let point = try #require(Points(parsing: "0.25"))
        #expect(comma == point)
        #expect(comma == Points.quarter)
        #expect(comma.description == "0.25")
        #expect(Points(parsing: " 7,5 ")?.description == "7.5")
        #expect(Points(parsing: "-0,5")?.description == "-0.5")
    }

    /// The strict parser rejects everything outside `-?[0-9]{1,12}([.,][0-9]{1,6})?`.
    @Test(arguments: [
        "1.234,5", "1e2", "12,", "", " ", "+1", "0,25đ", ",5", "1.2.3", "1234567890123", "0.1234567", "--1", "1 000",
        "٣",
    ])
    func rejects(_ text: String) {
        #expect(Points(parsing: text) == nil)
    }

    /// The canonical form has no exponent, no leading zeros, no trailing fractional zeros, "0" for zero.
    @Test(arguments: [
        ("12", "12"), ("12.0", "12"), ("007.50", "7.5"), ("0,000", "0"), ("-0", "0"), ("0.000001", "0.000001"),
        ("999999999999.999999", "999999999999.999999"), ("100", "100"), ("1,10", "1.1"),
    ])
    func canonical(_ input: String, _ expected: String) throws {
        let p = try #require(Points(parsing: input))
        #expect(p.description == expected)
        #expect(Points(canonical: expected) == p)
    }

    /// Only the canonical form is accepted where files store points.
    @Test func canonicalOnly() {
        #expect(Points(canonical: "7.50") == nil)
        #expect(Points(canonical: "7,5") == nil)
        #expect(Points(canonical: "7.5") != nil)
    }

    /// Sums are exact (no binary floating point): 0.1 + 0.2 + 0.25 + 0.45 == 1.
    @Test func exactSums() throws {
        let parts = try ["0.1", "0.2", "0.25", "0.45"].map { try #require(Points(parsing: $0)) }
        #expect(Points.sum(parts) == Points(integer: 1))
        #expect(Points.sum(parts).description == "1")
    }

    /// Step checks: 1.5 is on a 0.25 step, 0.3 is not, 0.5 is on a 0.5 step.
    @Test func steps() throws {
        #expect(try #require(Points(parsing: "1.5")).isMultiple(of: .quarter))
        #expect(!(try #require(Points(parsing: "0.3")).isMultiple(of: .quarter)))
        #expect(try #require(Points(parsing: "0.5")).isMultiple(of: try #require(Points(parsing: "0.5"))))
        #expect(!(Points(integer: 1).isMultiple(of: .zero)))
    }

    /// The integer shortcuts of `description` and `isMultiple(of:)` agree with the `Decimal`
    /// computation for parsed points, their sums and differences, and points without an exact form.
    @Test func integerShortcutsAgreeWithDecimal() throws {
        let texts = [
            "0", "-0", "1", "7", "12", "100", "0.25", "0.5", "0.3", "1.5", "7.75", "-0.5", "-12.25", "0.000001",
            "0.000003", "0.1", "0.2", "0.45", "999999999999.999999", "-999999999999.999999", "2.000001", "40",
            "123456789012", "0.333333",
        ]
        let parsed = try texts.map { try #require(Points(parsing: $0)) }
        var values = parsed
        for a in parsed {
            for b in parsed {
                values.append(a + b)
                values.append(a - b)
            }
        }
        let steps = try ["0.25", "0.5", "1", "0.1", "0.000001", "0.3", "3", "0.75", "12"].map {
            try #require(Points(parsing: $0))
        }
        for v in values + [Points(Decimal(string: "0.125")!), Points(Decimal(7))] {
            #expect(v.description == v.decimalDescription)
            for step in steps + [.zero, Points(integer: -1)] {
                #expect(v.isMultiple(of: step) == v.decimalIsMultiple(of: step), "\(v) / \(step)")
            }
            #expect(v.isNegative == (v.value < 0), "\(v)")
            #expect(v.isPositive == (v.value > 0), "\(v)")
        }
        // The order and equality of the exact forms are those of the values.
        let some =
            values.enumerated().filter { $0.offset % 7 == 0 }.map(\.element) + [Points(Decimal(string: "0.125")!)]
        for a in some {
            for b in some {
                #expect((a < b) == (a.value < b.value), "\(a) < \(b)")
                #expect((a == b) == (a.value == b.value), "\(a) == \(b)")
            }
        }
        // Equal values hash alike whichever way they were built.
        #expect(
            Set([Points(Decimal(string: "0.25")!), Points.quarter, try #require(Points(parsing: "0.250"))]).count == 1)
    }

    /// The byte reader of the canonical form accepts exactly what parsing and writing back gives,
    /// with the same value and the same text.
    @Test func canonicalReaderMatchesParseAndCompare() {
        let pieces = [
            "", "-", "0", "00", "1", "10", "9", ".", ",", "5", "50", "05", " ", "e", "+", "123456", "1234567",
        ]
        var texts = [String]()
        for a in pieces { for b in pieces { for c in pieces { texts.append(a + b + c) } } }
        texts += [
            "999999999999", "9999999999999", "-999999999999.999999", "0.000001", "0.0000001", "-0", "-0.0", "-0.5",
            "1.", ".5", "1.50", "1e2", "٣", "1.5\u{0301}", "0.25", "12.25", "-12",
        ]
        for t in texts {
            let fast = Points(canonical: t)
            let reference = Points(parsedCanonical: t)
            #expect(fast == reference, "\(t)")
            #expect(fast?.description == reference?.description, "\(t)")
        }
    }
}
