/// A strict DEFLATE decoder (RFC 1951) for the entries of an XLSX package, with an output cap.
///
/// Hand-written so the library needs no C import besides libsodium (README, "Spreadsheets").
/// Every malformed stream (bad block type, over-subscribed or incomplete code, distance before
/// the start, stored length mismatch, input ending early, output above the cap) is `nil`.
enum Inflate {
    /// The decoded bytes of the raw DEFLATE stream `input`, or `nil` when it is malformed or would
    /// decode to more than `maxBytes`.
    static func decode(_ input: [UInt8], maxBytes: Int) -> [UInt8]? {
        var state = State(input: input, maxBytes: maxBytes)
        do {
            try state.run()
        } catch {
            return nil
        }
        return state.out
    }

    struct Malformed: Error {}

    /// A canonical Huffman code: counts per length and the symbols in code order.
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        init(lengths: [Int], allowIncomplete: Bool = false) throws(Malformed) {
            for l in lengths { counts[l] += 1 }
            counts[0] = 0
            var left = 1
            for len in 1..<16 {
                left <<= 1
                left -= counts[len]
                guard left >= 0 else { throw Malformed() }  // over-subscribed
            }
            var offsets = [Int](repeating: 0, count: 16)
            for len in 1..<15 { offsets[len + 1] = offsets[len] + counts[len] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, l) in lengths.enumerated() where l != 0 {
                symbols[offsets[l]] = symbol
                offsets[l] += 1
            }
            // An incomplete literal/length code is allowed only with at most one symbol; distance codes
            // may be incomplete (the fixed one is, and encoders emit short ones).
            if left > 0 && !allowIncomplete && lengths.filter({ $0 != 0 }).count > 1 { throw Malformed() }
        }
    }

    struct State {
        let input: [UInt8]
        let maxBytes: Int
        var position = 0
        var bitBuffer = 0
        var bitCount = 0
        var out: [UInt8] = []

        init(input: [UInt8], maxBytes: Int) {
            self.input = input
            self.maxBytes = maxBytes
        }

        mutating func bits(_ n: Int) throws(Malformed) -> Int {
            while bitCount < n {
                guard position < input.count else { throw Malformed() }
                bitBuffer |= Int(input[position]) << bitCount
                position += 1
                bitCount += 8
            }
            let v = bitBuffer & ((1 << n) - 1)
            bitBuffer >>= n
            bitCount -= n
            return v
        }

        mutating func decode(_ h: Huffman) throws(Malformed) -> Int {
            var code = 0
            var first = 0
            var index = 0
            for len in 1..<16 {
                code |= try bits(1)
                let count = h.counts[len]
                if code - count < first { return h.symbols[index + (code - first)] }
                index += count
                first += count
                first <<= 1
                code <<= 1
            }
            throw Malformed()
        }

        mutating func run() throws(Malformed) {
            var last = 0
            repeat {
                last = try bits(1)
                switch try bits(2) {
                case 0: try stored()
                case 1: try codes(Inflate.fixedLength, Inflate.fixedDistance)
                case 2:
                    let (l, d) = try dynamic()
                    try codes(l, d)
                default: throw Malformed()
                }
            } while last == 0
        }

        mutating func stored() throws(Malformed) {
            bitBuffer = 0
            bitCount = 0
            guard position + 4 <= input.count else { throw Malformed() }
            let len = Int(input[position]) | Int(input[position + 1]) << 8
            let nlen = Int(input[position + 2]) | Int(input[position + 3]) << 8
            guard len == (~nlen & 0xFFFF) else { throw Malformed() }
            position += 4
            guard position + len <= input.count, out.count + len <= maxBytes else { throw Malformed() }
            out += input[position..<position + len]
            position += len
        }

        mutating func dynamic() throws(Malformed) -> (Huffman, Huffman) {
            let nlen = try bits(5) + 257
            let ndist = try bits(5) + 1
            let ncode = try bits(4) + 4
            guard nlen <= 286, ndist <= 30 else { throw Malformed() }
            let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
            var lengths = [Int](repeating: 0, count: 19)
            for i in 0..<ncode { lengths[order[i]] = try bits(3) }
            let lencode = try Huffman(lengths: lengths)
            var all = [Int]()
            while all.count < nlen + ndist {
                let symbol = try decode(lencode)
                switch symbol {
                case 0..<16: all.append(symbol)
                case 16:
                    guard let previous = all.last else { throw Malformed() }
                    all += [Int](repeating: previous, count: 3 + (try bits(2)))
                case 17: all += [Int](repeating: 0, count: 3 + (try bits(3)))
                default: all += [Int](repeating: 0, count: 11 + (try bits(7)))
                }
            }
            guard all.count == nlen + ndist, all[256] != 0 else { throw Malformed() }
            return (
                try Huffman(lengths: Array(all[0..<nlen])),
                try Huffman(lengths: Array(all[nlen...]), allowIncomplete: true)
            )
        }

        mutating func codes(_ lencode: Huffman, _ distcode: Huffman) throws(Malformed) {
            while true {
                var symbol = try decode(lencode)
                if symbol < 256 {
                    guard out.count < maxBytes else { throw Malformed() }
                    out.append(UInt8(symbol))
                    continue
                }
                if symbol == 256 { return }
                symbol -= 257
                guard symbol < 29 else { throw Malformed() }
                let length = Inflate.lengthBase[symbol] + (try bits(Inflate.lengthExtra[symbol]))
                let d = try decode(distcode)
                guard d < 30 else { throw Malformed() }
                let distance = Inflate.distanceBase[d] + (try bits(Inflate.distanceExtra[d]))
                guard distance <= out.count, out.count + length <= maxBytes else { throw Malformed() }
                let start = out.count - distance
                for i in 0..<length { out.append(out[start + i]) }
            }
        }
    }

    static let lengthBase = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258,
    ]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577,
    ]
    static let distanceExtra = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]
    static let fixedLength: Huffman = {
        var l = [Int](repeating: 8, count: 288)
        for i in 144..<256 { l[i] = 9 }
        for i in 256..<280 { l[i] = 7 }
        return try! Huffman(lengths: l)
    }()
    static let fixedDistance: Huffman = try! Huffman(lengths: [Int](repeating: 5, count: 30), allowIncomplete: true)
}
