/// The canonical JSON of ``Results`` as a ``ByteSource`` that writes it while it is read, one
/// part (``Results/writePart(_:into:cells:)``) at a time, so sealing the locked results never
/// holds the whole document: the bytes are exactly ``Results/canonicalJSON()``.
///
/// Its size is counted when it is made (the envelope writer needs it before the header): part by
/// part, or for the units from their sizes measured when they were computed. It is read in order,
/// from the start, once: what sealing does.
final class CanonicalResultsSource: ByteSource {
    let results: Results
    let size: Int
    /// Each unit's cells, when `results` holds its units without them.
    private let cells: ((Int) -> [Results.CellResult])?
    /// The part written and not yet read, from `pendingStart`.
    private var pending = [UInt8]()
    private var pendingStart = 0
    /// The submission whose content is being copied, and how far.
    private var copying: Int?
    private var copied = 0
    /// The next part to write, and the bytes read so far.
    private var part = 0
    private var position = 0

    /// The results as they are.
    convenience init(_ results: Results) { self.init(results, cells: nil, unitSizes: nil) }

    /// - Parameters:
    ///   - results: the results; with `cells`, its units may hold no cells.
    ///   - cells: unit `i`'s cells (plan order), instead of its own.
    ///   - unitSizes: the size of each unit's object written with its cells, rank 0 and label `""`
    ///     (``Merge/Fold/summary(roundHash:survey:)``); nil to count them by writing them.
    init(_ results: Results, cells: ((Int) -> [Results.CellResult])?, unitSizes: [Int]?) {
        self.results = results
        self.cells = cells
        var scratch = [UInt8]()
        scratch.reserveCapacity(1 << 16)
        var size = 0
        let firstUnit = 3 * results.submissions.count + 2
        for part in 0..<results.canonicalPartCount {
            scratch.removeAll(keepingCapacity: true)
            if let unitSizes, (firstUnit..<firstUnit + results.units.count).contains(part) {
                // The unit as measured, with its rank and label for the 0 and "" it was measured with.
                let u = results.units[part - firstUnit]
                CanonicalJSON.writeInteger(Int64(u.rank), into: &scratch)
                CanonicalJSON.writeString(u.label, into: &scratch)
                size += (part > firstUnit ? 1 : 0) + unitSizes[part - firstUnit] + scratch.count - 3
                continue
            }
            if let s = results.writePart(part, into: &scratch, cells: cells) {
                size += results.submissions[s].contentBytes.count
            }
            size += scratch.count
        }
        self.size = size
        pending.reserveCapacity(1 << 16)
    }

    /// True when every part was written and read.
    var isExhausted: Bool { part == results.canonicalPartCount && pendingStart == pending.count && copying == nil }

    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        // Sealing reads in order; anything else is a programming error, which must not seal.
        guard offset == position else {
            throw FormatError(.fileUnreadable, [.file(""), .text("results read out of order")], step: .read)
        }
        var filled = 0
        while filled < buffer.count {
            if pendingStart < pending.count {
                let n = min(buffer.count - filled, pending.count - pendingStart)
                pending.withUnsafeBytes {
                    UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<filled + n])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[pendingStart..<pendingStart + n]))
                }
                pendingStart += n
                filled += n
            } else if let s = copying {
                let content = results.submissions[s].contentBytes
                let n = min(buffer.count - filled, content.count - copied)
                content.withUnsafeBytes {
                    UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<filled + n])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[copied..<copied + n]))
                }
                copied += n
                filled += n
                if copied == content.count { copying = nil }
            } else if part < results.canonicalPartCount {
                pending.removeAll(keepingCapacity: true)
                pendingStart = 0
                copying = results.writePart(part, into: &pending, cells: cells)
                copied = 0
                part += 1
            } else {
                break
            }
        }
        position += filled
        return filled
    }
}
