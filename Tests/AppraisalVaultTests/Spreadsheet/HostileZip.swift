@testable import AppraisalVault

/// Hand-built ZIP pieces for the reject tests of ``ZipArchive/read(_:)``: every field of a local
/// header and a central directory record can be set apart, so the two can disagree.
enum HostileZip {
    /// One entry's fields; a local header and a central record are made from a copy each.
    struct Entry {
        var name: String
        var data: [UInt8]
        var flags = 0x0800
        var method = 0
        var crc: Int
        var compressed: Int
        var size: Int
        var offset = 0

        init(_ name: String, _ data: [UInt8]) {
            self.name = name
            self.data = data
            crc = Int(CRC32.checksum(data))
            compressed = data.count
            size = data.count
        }
    }

    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    static func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16((v >> 16) & 0xFFFF) }

    /// The fields both headers share, from `version needed` to the extra length.
    static func common(_ e: Entry) -> [UInt8] {
        le16(20) + le16(e.flags) + le16(e.method) + le16(0) + le16(0x21) + le32(e.crc) + le32(e.compressed)
            + le32(e.size) + le16(e.name.utf8.count) + le16(0)
    }

    /// A local header, its name and its data (no data descriptor).
    static func local(_ e: Entry) -> [UInt8] { le32(0x0403_4B50) + common(e) + Array(e.name.utf8) + e.data }

    /// A data descriptor for `e`, with or without its optional signature.
    static func descriptor(_ e: Entry, signed: Bool = true) -> [UInt8] {
        (signed ? le32(0x0807_4B50) : []) + le32(e.crc) + le32(e.compressed) + le32(e.size)
    }

    /// A central directory record pointing at `e.offset`.
    static func central(_ e: Entry) -> [UInt8] {
        le32(0x0201_4B50) + le16(20) + common(e) + le16(0) + le16(0) + le16(0) + le32(0) + le32(e.offset)
            + Array(e.name.utf8)
    }

    /// `body` (the entries), then the central directory of `records`, then the end record;
    /// `extraDirectory` bytes are counted in the directory size without being a record.
    static func archive(_ body: [UInt8], _ records: [Entry], extraDirectory: [UInt8] = []) -> [UInt8] {
        let directory = records.flatMap(central) + extraDirectory
        return body + directory + le32(0x0605_4B50) + le16(0) + le16(0) + le16(records.count)
            + le16(records.count) + le32(directory.count) + le32(body.count) + le16(0)
    }

    /// The archive of `entries` laid out one after the other, each header from `local`.
    static func archive(_ entries: [Entry], local: (Entry) -> [UInt8] = HostileZip.local) -> [UInt8] {
        var body = [UInt8]()
        var records = [Entry]()
        for var e in entries {
            e.offset = body.count
            body += local(e)
            records.append(e)
        }
        return archive(body, records)
    }
}
