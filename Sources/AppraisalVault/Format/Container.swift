/// The outer layout every AppraisalVault file shares (spec §1.1):
///
/// ```
/// magic    8 bytes  "AVAULT" 0x00 0x01   (0x01 = format version 1)
/// kind     1 byte   ArtifactKind
/// length   4 bytes  header length, unsigned big-endian
/// header   length bytes of canonical JSON (an object)
/// body     the rest: fixed by the kind (a signature, a ciphertext, a stream…)
/// ```
///
/// The first 13 + length bytes are the *preamble*; signatures and AEAD associated data cover it
/// byte for byte, never a re-encoding.
public struct Container: Sendable {
    /// `AVAULT\0` followed by the version byte.
    public static let magic: [UInt8] = Array("AVAULT".utf8) + [0x00, AppraisalVault.formatVersion]
    /// Bytes before the header: magic, kind and length.
    public static let fixedPrefixLength = 13

    /// The file's kind.
    public let kind: ArtifactKind
    /// The parsed header object.
    public let header: JSONValue
    /// Magic through the end of the header, exactly as read: a view of the file's bytes (the
    /// preamble of a national round is tens of megabytes, not to be copied).
    let preambleBytes: ArraySlice<UInt8>
    /// Magic through the end of the header, exactly as read (a copy of ``preambleBytes``).
    public var preamble: [UInt8] { Array(preambleBytes) }
    /// Everything after the header, exactly as read.
    public let body: ArraySlice<UInt8>

    /// Builds a container's bytes: preamble for `header`, then `body`.
    public static func encode(kind: ArtifactKind, header: JSONValue, body: [UInt8] = []) -> [UInt8] {
        preamble(kind: kind, header: header) + body
    }

    /// The preamble bytes for `header`.
    public static func preamble(kind: ArtifactKind, header: JSONValue) -> [UInt8] {
        let json = CanonicalJSON.serialize(header)
        let n = UInt32(json.count)
        return magic + [kind.rawValue, UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)]
            + json
    }

    /// Parses the outer layout and checks that the file is of the expected kind.
    ///
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - expected: the kind the caller needs.
    ///   - file: the path, for messages.
    ///   - maxHeaderLength: the largest header the kind allows; checked before parsing it.
    /// - Throws: ``FormatError`` `format.empty`, `format.not-avault`, `format.version`,
    ///   `format.unknown-kind`, `format.wrong-kind`, `format.truncated`, `format.header`.
    public init(parsing bytes: [UInt8], expecting expected: ArtifactKind, file: String, maxHeaderLength: Int = 1 << 20)
        throws
    {
        try self.init(parsing: bytes, expecting: expected, file: file, maxHeaderLength: maxHeaderLength, excising: nil)
    }

    /// ``init(parsing:expecting:file:maxHeaderLength:)``; with `excising`, a range of `bytes`
    /// inside the header, the header is parsed with those bytes replaced by `[]` (for a reader
    /// that reads that value from the bytes itself, ``SelfAssessmentFastReader``).
    init(
        parsing bytes: [UInt8], expecting expected: ArtifactKind, file: String, maxHeaderLength: Int,
        excising: Range<Int>?
    ) throws {
        guard !bytes.isEmpty else { throw FormatError(.empty, [.file(file)]) }
        guard bytes.count >= 6, Array(bytes[0..<6]) == Array(Container.magic[0..<6]) else {
            throw FormatError(.notAVault, [.file(file)], hint: ErrorHint(.whichFile))
        }
        guard bytes.count >= Container.fixedPrefixLength else { throw FormatError(.truncated, [.file(file)]) }
        guard bytes[6] == 0x00, bytes[7] == AppraisalVault.formatVersion else {
            throw FormatError(.version, [.file(file), .text(String(bytes[7]))])
        }
        guard let kind = ArtifactKind(rawValue: bytes[8]) else {
            throw FormatError(.unknownKind, [.file(file), .text(String(bytes[8]))])
        }
        guard kind == expected else {
            throw FormatError(.wrongKind, [.file(file), .text(kind.name), .text(expected.name)])
        }
        let length = Int(bytes[9]) << 24 | Int(bytes[10]) << 16 | Int(bytes[11]) << 8 | Int(bytes[12])
        guard length <= maxHeaderLength else {
            throw FormatError(.header, [.file(file), .text("header length \(length) exceeds \(maxHeaderLength)")])
        }
        let end = Container.fixedPrefixLength + length
        guard end <= bytes.count else { throw FormatError(.truncated, [.file(file)]) }
        if let cut = excising, !(Container.fixedPrefixLength <= cut.lowerBound && cut.upperBound <= end) {
            throw FormatError(.header, [.file(file), .text("excised range outside the header")])
        }
        let header: JSONValue
        do {
            if let cut = excising {
                var rest = [UInt8]()
                rest.reserveCapacity(length - cut.count + 2)
                rest += bytes[Container.fixedPrefixLength..<cut.lowerBound]
                rest += [UInt8(ascii: "["), UInt8(ascii: "]")]
                rest += bytes[cut.upperBound..<end]
                header = try CanonicalJSON.parse(rest)
            } else {
                header = try CanonicalJSON.parse(bytes[Container.fixedPrefixLength..<end])
            }
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
        guard case .object = header else {
            throw FormatError(.header, [.file(file), .text("header is not a JSON object")])
        }
        self.kind = kind
        self.header = header
        self.preambleBytes = bytes[0..<end]
        self.body = bytes[end...]
    }
}
