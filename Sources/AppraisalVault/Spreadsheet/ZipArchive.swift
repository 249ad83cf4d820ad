/// The ZIP container of an XLSX package (APPNOTE 6.3 subset): a strict reader and a stored writer.
///
/// Reading accepts what Excel and LibreOffice write: entries stored (method 0) or deflated
/// (method 8), sizes from the central directory, optional data descriptors. Refused: ZIP64,
/// encryption, multi-disk archives, other methods, duplicate or unsafe names, a CRC mismatch, a
/// local header or data descriptor disagreeing with the central directory, entries overlapping
/// each other or the central directory,
/// more than ``maxEntries`` entries, an entry above ``maxEntryBytes`` or a total above
/// ``maxTotalBytes`` once decoded (a ZIP bomb is refused, not expanded).
enum ZipArchive {
    static let maxEntries = 1000
    static let maxEntryBytes = 32 << 20
    static let maxTotalBytes = 64 << 20

    /// Why a container was refused.
    enum Refusal: Error, Equatable {
        /// Not a ZIP archive, or a damaged one.
        case malformed
        /// Decoded entries above the caps.
        case tooLarge(String)
        /// Encrypted entries, ZIP64 or another method.
        case unsupported
    }

    /// General-purpose flag bits refused: encryption (0), compressed patched data (5), strong
    /// encryption (6), masked local headers (13).
    static let refusedFlags = 0x2061
    /// General-purpose flag bit 3: CRC and sizes follow the data in a data descriptor.
    static let dataDescriptorFlag = 0x0008

    /// The entries of `bytes` by name, decoded and CRC-checked.
    ///
    /// Each entry's local header must agree with its central directory record (flags, method,
    /// name, and CRC and sizes unless a data descriptor carries them, which must then agree too);
    /// entries lie between the start of the file and the central directory, without overlapping,
    /// and the central directory holds exactly its records.
    static func read(_ bytes: [UInt8]) throws(Refusal) -> [String: [UInt8]] {
        func u16(_ i: Int) throws(Refusal) -> Int {
            guard i >= 0, i + 2 <= bytes.count else { throw .malformed }
            return Int(bytes[i]) | Int(bytes[i + 1]) << 8
        }
        func u32(_ i: Int) throws(Refusal) -> Int {
            guard i >= 0, i + 4 <= bytes.count else { throw .malformed }
            return Int(bytes[i]) | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]) << 16 | Int(bytes[i + 3]) << 24
        }
        // End of central directory: the last signature within the final 64 KiB + 22 bytes.
        var eocd = -1
        var i = bytes.count - 22
        while i >= 0 && i >= bytes.count - 22 - 0xFFFF {
            if try u32(i) == 0x0605_4B50, try u16(i + 20) == bytes.count - i - 22 {
                eocd = i
                break
            }
            i -= 1
        }
        guard eocd >= 0 else { throw .malformed }
        guard try u16(eocd + 4) == 0, try u16(eocd + 6) == 0 else { throw .unsupported }
        let count = try u16(eocd + 10)
        guard try u16(eocd + 8) == count else { throw .unsupported }
        let cdSize = try u32(eocd + 12)
        let cdOffset = try u32(eocd + 16)
        guard count != 0xFFFF, cdOffset != 0xFFFF_FFFF else { throw .unsupported }
        guard count <= maxEntries else { throw .tooLarge("") }
        guard cdOffset + cdSize <= eocd else { throw .malformed }
        let cdEnd = cdOffset + cdSize
        var entries = [String: [UInt8]]()
        var spans = [Range<Int>]()
        var total = 0
        var p = cdOffset
        for _ in 0..<count {
            guard p + 46 <= cdEnd, try u32(p) == 0x0201_4B50 else { throw .malformed }
            let flags = try u16(p + 8)
            let method = try u16(p + 10)
            let crc = try u32(p + 16)
            let compressed = try u32(p + 20)
            let size = try u32(p + 24)
            let nameLength = try u16(p + 28)
            let extraLength = try u16(p + 30)
            let commentLength = try u16(p + 32)
            let disk = try u16(p + 34)
            let local = try u32(p + 42)
            guard p + 46 + nameLength + extraLength + commentLength <= cdEnd else { throw .malformed }
            let nameBytes = bytes[(p + 46)..<(p + 46 + nameLength)]
            p += 46 + nameLength + extraLength + commentLength
            guard flags & refusedFlags == 0, method == 0 || method == 8, disk == 0 else { throw .unsupported }
            guard compressed != 0xFFFF_FFFF, size != 0xFFFF_FFFF, local != 0xFFFF_FFFF else { throw .unsupported }
            guard let name = String(validating: nameBytes, as: UTF8.self), !name.isEmpty, !name.hasPrefix("/"),
                !name.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." }),
                entries[name] == nil
            else { throw .malformed }
            guard size <= maxEntryBytes, total + size <= maxTotalBytes else { throw .tooLarge(name) }
            // The local header repeats the central record (APPNOTE 4.3.7).
            guard local + 30 + nameLength <= cdOffset, try u32(local) == 0x0403_4B50, try u16(local + 6) == flags,
                try u16(local + 8) == method, try u16(local + 26) == nameLength,
                bytes[(local + 30)..<(local + 30 + nameLength)].elementsEqual(nameBytes)
            else { throw .malformed }
            let localFields = [try u32(local + 14), try u32(local + 18), try u32(local + 22)]
            let described = flags & dataDescriptorFlag != 0
            guard localFields == [crc, compressed, size] || (described && localFields == [0, 0, 0]) else {
                throw .malformed
            }
            let start = local + 30 + nameLength + (try u16(local + 28))
            guard start + compressed <= cdOffset else { throw .malformed }
            var end = start + compressed
            if described {
                // Data descriptor: an optional signature, then CRC, compressed and original size.
                let signed = try? u32(end) == 0x0807_4B50
                let fields = signed == true ? end + 4 : end
                let descriptor = [try u32(fields), try u32(fields + 4), try u32(fields + 8)]
                guard descriptor == [crc, compressed, size] else { throw .malformed }
                end = fields + 12
                guard end <= cdOffset else { throw .malformed }
            }
            spans.append(local..<end)
            let raw = Array(bytes[start..<(start + compressed)])
            let data: [UInt8]
            if method == 0 {
                guard compressed == size else { throw .malformed }
                data = raw
            } else {
                guard let decoded = Inflate.decode(raw, maxBytes: size) else { throw .malformed }
                data = decoded
            }
            guard data.count == size, CRC32.checksum(data) == UInt32(crc) else { throw .malformed }
            total += size
            entries[name] = data
        }
        guard p == cdEnd else { throw .malformed }
        let ordered = spans.sorted { $0.lowerBound < $1.lowerBound }
        for (a, b) in zip(ordered, ordered.dropFirst()) where a.upperBound > b.lowerBound { throw .malformed }
        return entries
    }

    /// A ZIP archive of `entries` in order, stored (no compression), with a fixed date (1980-01-01)
    /// so the same worksheet gives the same bytes.
    static func write(_ entries: [(name: String, data: [UInt8])]) -> [UInt8] {
        var out = [UInt8]()
        var central = [UInt8]()
        func le16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func le32(_ v: Int, _ a: inout [UInt8]) {
            a += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8((v >> 24) & 0xFF)]
        }
        for entry in entries {
            let name = Array(entry.name.utf8)
            let crc = Int(CRC32.checksum(entry.data))
            let offset = out.count
            var header = [UInt8]()
            le16(20, &header)  // version needed
            le16(0x0800, &header)  // UTF-8 names
            le16(0, &header)  // stored
            le16(0, &header)  // time
            le16(0x21, &header)  // date 1980-01-01
            le32(crc, &header)
            le32(entry.data.count, &header)
            le32(entry.data.count, &header)
            le16(name.count, &header)
            le16(0, &header)  // extra
            le32(0x0403_4B50, &out)
            out += header + name + entry.data
            le32(0x0201_4B50, &central)
            le16(20, &central)  // version made by
            central += header
            le16(0, &central)  // comment
            le16(0, &central)  // disk
            le16(0, &central)  // internal attributes
            le32(0, &central)  // external attributes
            le32(offset, &central)
            central += name
        }
        let cdOffset = out.count
        out += central
        le32(0x0605_4B50, &out)
        le16(0, &out)
        le16(0, &out)
        le16(entries.count, &out)
        le16(entries.count, &out)
        le32(central.count, &out)
        le32(cdOffset, &out)
        le16(0, &out)
        return out
    }
}
