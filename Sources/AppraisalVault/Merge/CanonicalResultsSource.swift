/// The canonical JSON of ``Results`` as a ``ByteSource`` that writes it while it is read, one
/// part (``Results/writePart(_:into:detail:)``) at a time, so sealing the locked results never
/// holds the whole document: the bytes are exactly ``Results/canonicalJSON()``.
///
/// Its size is counted when it is made (the envelope writer needs it before the header): part by
/// part, or for the units from their sizes measured when they were computed. It is read in order,
/// from the start, once: what sealing does. The members' signed contents are copied from the
/// results, or opened again from their files (``SignedContents``) one at a time as they are reached.
final class CanonicalResultsSource: ByteSource {
    let results: Results
    let size: Int
    /// Each unit in full, when `results` holds its units summarized.
    private let detail: ((Int) -> Results.UnitResult)?
    /// The part written and not yet read, from `pendingStart`.
    private var pending = [UInt8]()
    private var pendingStart = 0
    /// The signed contents, when `results` holds them empty.
    private let contents: SignedContents?
    /// The submission whose content is being copied, its bytes, and how far.
    private var copying: Int?
    private var content = [UInt8]()
    private var copied = 0
    /// The next part to write, and the bytes read so far.
    private var part = 0
    private var position = 0

    /// The results as they are.
    convenience init(_ results: Results) { self.init(results, detail: nil, unitSizes: nil) }

    /// - Parameters:
    ///   - results: the results; with `detail`, its units may hold no cells, criteria or fields.
    ///   - detail: unit `i` in full (its rank and label are taken from `results`), instead of
    ///     `results.units[i]`.
    ///   - unitSizes: the size of each unit's object written with its cells, rank 0 and label `""`
    ///     (``Merge/Fold/summary(roundHash:survey:)``); nil to count them by writing them.
    ///   - contents: the signed contents of `results.submissions`, which then hold none; nil when
    ///     they hold them.
    init(
        _ results: Results, detail: ((Int) -> Results.UnitResult)?, unitSizes: [Int]?,
        contents: SignedContents? = nil
    ) {
        precondition(
            contents.map {
                $0.count == results.submissions.count && results.submissions.allSatisfy(\.contentBytes.isEmpty)
            }
                ?? true, "signed contents from both the results and their files")
        self.results = results
        self.detail = detail
        self.contents = contents
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
            if let s = results.writePart(part, into: &scratch, detail: detail) {
                size += contents?.size(s) ?? results.submissions[s].contentBytes.count
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
            } else if copying != nil {
                let n = min(buffer.count - filled, content.count - copied)
                content.withUnsafeBytes {
                    UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<filled + n])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[copied..<copied + n]))
                }
                copied += n
                filled += n
                if copied == content.count {
                    copying = nil
                    content = []
                }
            } else if part < results.canonicalPartCount {
                pending.removeAll(keepingCapacity: true)
                pendingStart = 0
                copying = results.writePart(part, into: &pending, detail: detail)
                if let s = copying { content = try contents?.bytes(s) ?? results.submissions[s].contentBytes }
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
