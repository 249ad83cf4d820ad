/// The canonical JSON bytes of ``Results`` written directly, part by part, without building the
/// ``JSONValue`` tree of every cell: exactly `CanonicalJSON.serialize(results.json)` (the tests
/// compare the two), with the members' signed contents copied as the canonical bytes they are.
extension Results {
    /// `CanonicalJSON.serialize(json)`, written directly.
    public func canonicalJSON() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(estimatedSize)
        write(into: &out)
        return out
    }

    /// A size guess for the output buffer: the signed contents plus about 110 bytes per cell.
    var estimatedSize: Int {
        submissions.reduce(4096) { $0 + $1.contentBytes.count + 300 }
            + units.reduce(0) { $0 + 300 + 110 * $1.cells.count }
    }

    /// Appends the canonical JSON of the results to `out`. Object members are written in the
    /// UTF-8 order of their keys, as ``CanonicalJSON`` sorts them.
    func write(into out: inout [UInt8]) {
        for part in 0..<canonicalPartCount {
            if let s = writePart(part, into: &out) { out.append(contentsOf: submissions[s].contentBytes) }
        }
    }

    /// The number of parts ``writePart(_:into:)`` writes the document in: the head, three per
    /// signed submission (its opening, its content, the rest of it), the middle, one per unit,
    /// and the end.
    var canonicalPartCount: Int { 3 * submissions.count + units.count + 3 }

    /// Appends part `part` (below ``canonicalPartCount``) of the canonical JSON to `out`; for
    /// a submission's content appends nothing and returns that submission's index instead (its
    /// bytes are copied as they are). The parts in order are the whole document, so a streaming
    /// writer (``CanonicalResultsSource``) holds one of them at a time. With `detail`, unit `i` is
    /// written as `detail(i)` with its own rank and label (results kept without their cells,
    /// criteria and fields, ``Merge/Fold/summary(roundHash:survey:)``).
    func writePart(
        _ part: Int, into out: inout [UInt8], detail: ((Int) -> UnitResult)? = nil
    ) -> Int? {
        /// Appends `k`: a key as written, with its quotes, its colon and the comma before it
        /// (one append: a merge writes seven keys a cell).
        func key(_ k: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
        }
        let signed = 3 * submissions.count
        switch part {
        case 0:
            out.append(UInt8(ascii: "{"))
            key(#""explanations":"#)
            CanonicalJSON.write(explanationsJSON, into: &out)
            key(#","history":"#)
            CanonicalJSON.write(historyJSON, into: &out)
            key(#","round":"#)
            Self.writeHex(round, into: &out)
            key(#","second":"#)
            CanonicalJSON.write(secondJSON, into: &out)
            key(#","submissions":"#)
            out.append(UInt8(ascii: "["))
        case 1..<(signed + 1):
            let i = (part - 1) / 3
            let s = submissions[i]
            switch (part - 1) % 3 {
            case 0:
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "{"))
                key(#""content":"#)
            case 1:
                return i
            default:
                key(#","fileHash":"#)
                Self.writeHex(s.fileHash, into: &out)
                key(#","innerSignature":"#)
                Self.writeHex(s.innerSignature, into: &out)
                key(#","member":"#)
                CanonicalJSON.writeString(s.member, into: &out)
                key(#","revision":"#)
                CanonicalJSON.writeInteger(Int64(s.revision), into: &out)
                out.append(UInt8(ascii: "}"))
            }
        case signed + 1:
            out.append(UInt8(ascii: "]"))
            key(#","survey":"#)
            CanonicalJSON.write(surveyJSON, into: &out)
            key(#","surveyAvailable":"#)
            out.append(contentsOf: surveyAvailable ? "true".utf8 : "false".utf8)
            key(#","units":"#)
            out.append(UInt8(ascii: "["))
        case (signed + 2)..<(signed + 2 + units.count):
            let i = part - signed - 2
            if i > 0 { out.append(UInt8(ascii: ",")) }
            Self.write(detail.map { $0(i).ranked(units[i].rank, label: units[i].label) } ?? units[i], into: &out)
        default:
            out.append(UInt8(ascii: "]"))
            out.append(UInt8(ascii: "}"))
        }
        return nil
    }

    /// One unit's object.
    static func write(_ u: UnitResult, into out: inout [UInt8]) {
        /// Appends `k`: a key as written, with its quotes, its colon and the comma before it
        /// (one append: a merge writes seven keys a cell).
        func key(_ k: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
        }
        func points(_ p: Points?) {
            guard let p else {
                out.append(contentsOf: "null".utf8)
                return
            }
            out.append(UInt8(ascii: "\""))
            p.appendDescription(to: &out)
            out.append(UInt8(ascii: "\""))
        }
        func subtotals(_ list: [Subtotal]) {
            out.append(UInt8(ascii: "["))
            for (i, s) in list.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "{"))
                key(#""appraised":"#)
                points(s.appraisedTotal)
                key(#","code":"#)
                CanonicalJSON.writeString(s.code, into: &out)
                key(#","max":"#)
                points(s.max)
                key(#","self":"#)
                points(s.selfTotal)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "{"))
        key(#""appraised":"#)
        points(u.appraisedTotal)
        key(#","bonus":"#)
        points(u.bonus)
        key(#","cells":"#)
        out.append(UInt8(ascii: "["))
        for (i, c) in u.cells.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            key(#""appraised":"#)
            points(c.appraised)
            key(#","appraiser":"#)
            CanonicalJSON.writeString(c.appraiser, into: &out)
            key(#","code":"#)
            CanonicalJSON.writeString(c.code, into: &out)
            key(#","max":"#)
            points(c.max)
            key(#","method":"#)
            CanonicalJSON.writeString(c.method.rawValue, into: &out)
            key(#","reason":"#)
            CanonicalJSON.writeString(c.reason, into: &out)
            key(#","self":"#)
            points(c.selfScore)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        key(#","criteria":"#)
        subtotals(u.criteria)
        key(#","fields":"#)
        subtotals(u.fields)
        key(#","final":"#)
        points(u.finalTotal)
        key(#","group":"#)
        CanonicalJSON.writeString(u.group, into: &out)
        key(#","label":"#)
        CanonicalJSON.writeString(u.label, into: &out)
        key(#","max":"#)
        points(u.maxTotal)
        key(#","penalty":"#)
        points(u.penalty)
        key(#","percent":"#)
        points(u.percent)
        key(#","rank":"#)
        CanonicalJSON.writeInteger(Int64(u.rank), into: &out)
        key(#","self":"#)
        points(u.selfTotal)
        key(#","unit":"#)
        CanonicalJSON.writeString(u.unit, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// A lowercase-hex string, as ``JSONValue/hex(_:)`` serialises.
    static func writeHex(_ bytes: [UInt8], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in bytes {
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0x0f)])
        }
        out.append(UInt8(ascii: "\""))
    }
}
