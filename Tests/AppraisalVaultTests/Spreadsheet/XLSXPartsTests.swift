import Testing

@testable import AppraisalVault

/// The hand-written pieces under the XLSX reader: DEFLATE, the ZIP container, the XML subset,
/// cell names and the spreadsheet precision of numbers.
@Suite("XLSX parts")
struct XLSXPartsTests {
    /// The text zlib compressed for the dynamic-Huffman vector below.
    static let dynamicText = (0..<400).map { "<c r=\"A\($0)\"><v>\($0 * 7 % 13)</v></c>" }.joined()

    /// Raw DEFLATE of dynamicText by zlib (level 9, one dynamic-Huffman block).
    static let dynamicStream =
        "75da416e1c391044d1ab0c7c013323984926a011e0b3f806b3f0f90790da9bae9f5bc280ab3f2c395eb13f7efff3dfbf3f7e"
        + "ad1f9f1f7f3ed7c7cf3f9f1f3f7f7f7e7c9fc6d7e9793bd5d769bc9dfaebf4be9deeaf53bd9de6d769bf9dd6d7a9df4ecff7"
        + "dff6fe68f7eb78bf9df6f71f7e7fb6f8fe78f97efcfdf9e2fdf1e2fb13d6fbb139d2c64a9198290a3bc5c15071b15434a6d2"
        + "e2560a8c25712d196b69732d25d652612d1dfe3775b1961a6b79612d07d6b2b096cdb5bcb196936bb9b0960fd7f2c55a6eac"
        + "b517d6da81b5b6f867d0586b6facb5136bede25afb60ad7db9d66eac958b6b6560ad14d64a63addc582b136b65f1afac83b5"
        + "f262ad6cae550b6b5570ad12d62a73adda58ab126b5561ad3a58ab2ed6aac65a6761ad13fc2b5e5ceb186b9dcdb54e62ad53"
        + "5ceb1cac752ed63a8db5eec25a37b0d615d6bac65a7763ad9bc3ff8885b5eee15af762addb5cab17d6eac05a2dacd5c65abd"
        + "b15627d6eac25a7db0565faed58db562ad6942046f88a561442cf38a589b67c44ade11ab7848acc34b625d9e12ab794bbcc6"
        + "911fe7c1e5e2358f1ee95efbe899eeb5909ef32b8774af91f448f75a49cf27ba9ceeb5931e0ff41a4a8f74afa1f4dc83e274"
        + "afa5f448f7772a3d1ef4b5951ee95e63e999ee35971ee9feeea5e7a3f6b05d87856fdef8615ef961def9615efa61defa615e"
        + "fbe161ef8779f187a7cdbf87d1bfa7d5bf87d9bfa7dd3f0cff3d2cff3d4cff3d6cff3d8cffcdeb3f7298ff91bcff23070044"
        + "b20022070244b201221901916730133320921d10c510886209443105a2060b443106a2060d443107a2060f443108a2580471"
        + "980471d804713480935510875910875d106780411c96419c810671d80671071cc4651dc4651ec4651fc46520c46521c4ad01"
        + "eb6c84b88c84b88312a29909d18313a2190ad18314a2990ad16c8568c642346b219ab910cd5ed0623068c5f0a6632083169b"
        + "416b408316ab416b608316bb418be1a0c57250301d146c0705e341c17a50301f1439bd2562402806412898108ac110122342"
        + "624548cc08891d213124249684c49490d812d28009893521afe9151b6b421e3421b32664d684cc9a905913326b42664dc8ac"
        + "096dd684f6a0096dd684f6a009ed3dbc9e1c34a1cd9ad0664d68b326b459134ad6849235a1644d285913ca41134ad68472d0"
        + "849235a1bcd3abdd1edeedb22654c38d41b12654ac09156b42c59a50b12654832654ac09d5a0091dd684cea0091dd6848e87"
        + "f7e2ac091dd6840e6b428735a1c39ad019ee12ee74997087db843b5d27dce13ee14e170a77b851b8c395c29dee14864b85cb"
        + "9a50b326d4ac09356b423d6842cd9a500f9a50b326d48326d4ac09356bc28b35e1c59af0d27021c39af0624d78b126bc064d"
        + "78b126bc064d78b1261c83261cac09076bc2c19a70b0261cac09470d9759ac09076bc23168c2624d5883262cd6843568c262"
        + "4d58ac098b3561b1262cd684c59ab05913760c378183266cd6843d68c2664dd883266cd684cd9ab05913deac096fd684376b"
        + "c29b35e1cd9af0cee9169535e13d68c29b35e13d68c2c99a70b2269cac09276bc2c99a70b2269cac09276bc23968c2c99a70"
        + "ade90a9a35e11a34e1624db858132ed6848b35e1624db858132ed6840f6bc267d0840f6bc267d084cf1eaeef074df8b0267c"
        + "58133eac091fd6842f6bc29735e1cb9af0654df80e9af0654df80e9af0654df8dee9ab0f3d7cf78135e1664db8876f20356b"
        + "c2cd9a70b326dcac09f7a009376bc2fdae89ff01"

    /// Streams from zlib decode to the original: stored, fixed Huffman, dynamic Huffman.
    @Test func inflateDecodesZlibStreams() throws {
        #expect(
            Inflate.decode(Hex.decode("010b00f4ff617661756c7420786c7378")!, maxBytes: 100) == Array("avault xlsx".utf8))
        let row = String(repeating: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", count: 50)
        let fixed = Hex.decode(
            "b329ca2f5728b2553254b2b34906311c0d95144a6c958a81fc323b031bfd323b1bfd642006aab3b319553caa7854f1a8e251c5a38a"
                + "47158f2a1e4c8a01")!
        #expect(Inflate.decode(fixed, maxBytes: 1 << 20) == Array(row.utf8))
        let dynamic = try #require(Hex.decode(Self.dynamicStream))
        #expect((dynamic[0] >> 1) & 3 == 2)
        #expect(Inflate.decode(dynamic, maxBytes: 1 << 20) == Array(Self.dynamicText.utf8))
    }

    /// A truncated stream, a bad block type and output above the cap are refused.
    @Test func inflateRefusesMalformedStreams() throws {
        let dynamic = try #require(Hex.decode(Self.dynamicStream))
        #expect(Inflate.decode(Array(dynamic.dropLast(20)), maxBytes: 1 << 20) == nil)
        #expect(Inflate.decode([0x07], maxBytes: 100) == nil)  // final block, type 3
        #expect(Inflate.decode(dynamic, maxBytes: Self.dynamicText.utf8.count - 1) == nil)
        #expect(Inflate.decode([0x01, 0x05, 0x00, 0xFA, 0xFF], maxBytes: 100) == nil)  // stored, length mismatch
    }

    /// The stored writer's archives read back; a flipped data byte fails the CRC; caps hold.
    @Test func zipRoundTripAndRefusals() throws {
        let entries: [(name: String, data: [UInt8])] = [("a.xml", Array("<a/>".utf8)), ("b/c.xml", [1, 2, 3])]
        let zip = ZipArchive.write(entries)
        let read = try ZipArchive.read(zip)
        #expect(read["a.xml"] == Array("<a/>".utf8) && read["b/c.xml"] == [1, 2, 3] && read.count == 2)
        var flipped = zip
        flipped[30 + 5 + 1] ^= 0x01  // inside a.xml's data
        #expect(throws: ZipArchive.Refusal.malformed) { try ZipArchive.read(flipped) }
        #expect(throws: ZipArchive.Refusal.malformed) { try ZipArchive.read(Array(zip.dropLast(1))) }
        #expect(throws: ZipArchive.Refusal.malformed) { try ZipArchive.read(ZipArchive.write([("../x", [1])])) }
        #expect(throws: ZipArchive.Refusal.malformed) {
            try ZipArchive.read(ZipArchive.write([("a", [1]), ("a", [2])]))
        }
        let big = ZipArchive.write([("big", [UInt8](repeating: 0, count: ZipArchive.maxEntryBytes + 1))])
        #expect(throws: ZipArchive.Refusal.tooLarge("big")) { try ZipArchive.read(big) }
    }

    /// The builder of the hostile archives makes what the reader accepts when nothing disagrees.
    @Test func hostileZipBaseline() throws {
        let entries = [HostileZip.Entry("a.xml", Array("<a/>".utf8)), HostileZip.Entry("b", [1, 2, 3])]
        #expect(try ZipArchive.read(HostileZip.archive(entries)) == ["a.xml": Array("<a/>".utf8), "b": [1, 2, 3]])
        #expect(HostileZip.archive(entries) == ZipArchive.write(entries.map { ($0.name, $0.data) }))
    }

    /// Rule: each local header agrees with its central record: name, method, flags, CRC and both
    /// sizes; a disagreement is a damaged archive, whichever of the two holds the true value.
    @Test func zipRefusesLocalHeaderDisagreeingWithCentralDirectory() throws {
        let good = HostileZip.Entry("a.xml", Array("<a/>".utf8))
        let changes: [(String, (inout HostileZip.Entry) -> Void)] = [
            ("name", { $0.name = "x.xml" }), ("method", { $0.method = 8 }), ("flags", { $0.flags = 0 }),
            ("crc", { $0.crc ^= 1 }), ("compressed size", { $0.compressed += 1 }), ("size", { $0.size -= 1 }),
        ]
        for (field, change) in changes {
            let lying = HostileZip.archive([good]) { e in
                var l = e
                change(&l)
                return HostileZip.le32(0x0403_4B50) + HostileZip.common(l) + Array(l.name.utf8) + e.data
            }
            #expect(throws: ZipArchive.Refusal.malformed, "local \(field)") { try ZipArchive.read(lying) }
        }
    }

    /// Rule: encryption flags (traditional or strong) and masked headers are refused as unsupported
    /// even when both headers agree.
    @Test func zipRefusesEncryptionFlags() throws {
        for flag in [0x0001, 0x0040, 0x2000, 0x0020] {
            var e = HostileZip.Entry("a.xml", Array("<a/>".utf8))
            e.flags |= flag
            #expect(throws: ZipArchive.Refusal.unsupported, "flag \(flag)") {
                try ZipArchive.read(HostileZip.archive([e]))
            }
        }
    }

    /// Data descriptors (flag bit 3, as LibreOffice writes): accepted with or without their
    /// signature when they agree with the central record; refused when missing or disagreeing.
    @Test func zipDataDescriptors() throws {
        var e = HostileZip.Entry("a.xml", Array("<a/>".utf8))
        e.flags |= ZipArchive.dataDescriptorFlag
        func described(_ descriptor: [UInt8], zeroLocal: Bool = true) -> [UInt8] {
            HostileZip.archive([e]) { e in
                var l = e
                if zeroLocal { (l.crc, l.compressed, l.size) = (0, 0, 0) }
                return HostileZip.le32(0x0403_4B50) + HostileZip.common(l) + Array(l.name.utf8) + e.data + descriptor
            }
        }
        #expect(try ZipArchive.read(described(HostileZip.descriptor(e)))["a.xml"] == Array("<a/>".utf8))
        #expect(try ZipArchive.read(described(HostileZip.descriptor(e, signed: false))).count == 1)
        #expect(try ZipArchive.read(described(HostileZip.descriptor(e), zeroLocal: false)).count == 1)
        #expect(throws: ZipArchive.Refusal.malformed, "no descriptor") { try ZipArchive.read(described([])) }
        var other = e
        other.crc ^= 0x100
        #expect(throws: ZipArchive.Refusal.malformed, "descriptor crc") {
            try ZipArchive.read(described(HostileZip.descriptor(other)))
        }
        other = e
        other.size += 1
        #expect(throws: ZipArchive.Refusal.malformed, "descriptor size") {
            try ZipArchive.read(described(HostileZip.descriptor(other, signed: false)))
        }
    }

    /// Rule: entries may not overlap (an entry whose header lies inside another's data, the
    /// overlapping ZIP bomb) nor lie outside the region before the central directory; the
    /// directory holds exactly its records.
    @Test func zipRefusesOverlappingAndOutsideEntries() throws {
        var inner = HostileZip.Entry("b.xml", Array("<b/>".utf8))
        let innerBytes = HostileZip.local(inner)
        var outer = HostileZip.Entry("a.xml", innerBytes)
        inner.offset = 30 + outer.name.utf8.count
        let nested = HostileZip.archive(HostileZip.local(outer), [outer, inner])
        #expect(throws: ZipArchive.Refusal.malformed) { try ZipArchive.read(nested) }
        #expect(try ZipArchive.read(HostileZip.archive(HostileZip.local(outer), [outer])).count == 1)

        let body = HostileZip.local(outer)
        for offset in [body.count, body.count + 10, 1 << 20] {
            outer.offset = offset
            #expect(throws: ZipArchive.Refusal.malformed, "offset \(offset)") {
                try ZipArchive.read(HostileZip.archive(body, [outer]))
            }
        }
        outer.offset = 0
        #expect(throws: ZipArchive.Refusal.malformed, "directory padding") {
            try ZipArchive.read(HostileZip.archive(body, [outer], extraDirectory: [0, 0, 0, 0]))
        }
        // The data running into the central directory.
        outer.compressed += 1
        outer.size += 1
        #expect(throws: ZipArchive.Refusal.malformed, "data into directory") {
            try ZipArchive.read(HostileZip.archive(HostileZip.local(outer), [outer]))
        }
    }

    /// The XML subset: entities, character references, CDATA, prefixes dropped; DOCTYPE,
    /// mismatched tags, repeated attributes and trailing text refused.
    @Test func xmlSubset() throws {
        let doc = try XMLElement.parse(
            Array(
                "<?xml version=\"1.0\"?><x:a xmlns:x=\"u\" r:id=\"7\"><b>1 &lt; 2 &amp; &#x1EA1;</b><![CDATA[<c>]]></x:a>"
                    .utf8))
        #expect(doc.name == "a" && doc.attributes == ["id": "7"])
        #expect(doc.child("b")?.text == "1 < 2 & ạ" && doc.text == "<c>")
        for bad in [
            "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", "<a><b></a></b>", "<a x=\"1\" x=\"2\"/>", "<a/>text",
            "<a>&unknown;</a>", "<a>", "<a x=1/>",
        ] {
            #expect(throws: XMLElement.Malformed.self, "\(bad)") { try XMLElement.parse(Array(bad.utf8)) }
        }
    }

    /// A part of more than `maxElements` elements is refused as too large, not parsed on.
    @Test func xmlElementCap() throws {
        func doc(_ n: Int) -> [UInt8] { Array(("<a>" + String(repeating: "<b/>", count: n - 1) + "</a>").utf8) }
        #expect(try XMLElement.parse(doc(XMLElement.maxElements)).children.count == XMLElement.maxElements - 1)
        let error = #expect(throws: XMLElement.Malformed.self) { try XMLElement.parse(doc(XMLElement.maxElements + 1)) }
        #expect(error?.tooLarge == true)
    }

    /// A1 names and positions are inverse; bad names are refused.
    @Test func cellNames() {
        for (row, column, name) in [(1, 1, "A1"), (8, 7, "G8"), (12, 27, "AA12"), (1_048_576, 16384, "XFD1048576")] {
            #expect(SheetCell.name(row: row, column: column) == name)
            #expect(SheetCell.position(name).map { [$0.row, $0.column] } == [row, column])
        }
        for bad in ["", "A", "1", "A0", "a1", "XFE1", "A1048577", "1A"] {
            #expect(SheetCell.position(bad) == nil, "\(bad)")
        }
    }

    /// A number stored with more than 15 significant digits is read as a spreadsheet shows it.
    @Test func excelPrecision() {
        #expect(WorksheetReader.excelPrecision("2.5499999999999998") == "2.55")
        #expect(WorksheetReader.excelPrecision("0.30000000000000004") == "0.3")
        #expect(WorksheetReader.excelPrecision("9.9999999999999999") == "10")
        #expect(WorksheetReader.excelPrecision("1.25") == "1.25")
    }
}
