/// Points stored once each and referred to by a 32-bit index (``none`` for no points): the
/// million cells of a national round hold a handful of distinct scores, and a `Points?` takes
/// 48 bytes.
///
/// Points with an exact form (every parsed score) are stored once per form: the points given
/// back are the first stored of that form, whose value, description and arithmetic are those of
/// any other (``Points/ExactKey``). Points without one are stored as they come.
struct PointsTable: Sendable {
    /// The index of no points.
    static let none: Int32 = -1

    /// The stored points, by index.
    private var values = [Points]()
    private var indexOfKey = [Points.ExactKey: Int32]()
    /// The last few forms looked up (a column of scores repeats a few values).
    private var recent: [(key: Points.ExactKey, index: Int32)] = []

    /// The index of `points`, storing them when they are new; ``none`` for nil.
    mutating func index(_ points: Points?) -> Int32 {
        guard let points else { return Self.none }
        guard let key = points.exactKey else { return append(points) }
        for r in recent where r.key == key { return r.index }
        let i = indexOfKey[key] ?? append(points)
        indexOfKey[key] = i
        if recent.count == 4 { recent.removeFirst() }
        recent.append((key, i))
        return i
    }

    private mutating func append(_ points: Points) -> Int32 {
        precondition(values.count < Int(Int32.max), "too many distinct points")
        values.append(points)
        return Int32(values.count - 1)
    }

    /// The points at `index`; nil for ``none``.
    subscript(index: Int32) -> Points? { index < 0 ? nil : values[Int(index)] }
}
