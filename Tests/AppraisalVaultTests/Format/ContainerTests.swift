import Testing
import VaultCrypto

@testable import AppraisalVault

@Suite("Container")
struct ContainerTests {
    static let header = JSONValue.object(["id": .text("tv-01"), "n": .int(3)])

    /// Magic, kind, big-endian length and canonical header, in that order; parse returns each part as read.
    @Test func layoutAndRoundTrip() throws {
        let body: [UInt8] = [9, 8, 7]
        let bytes = Container.encode(kind: .manifest, header: Self.header, body: body)
        let json = CanonicalJSON.serialize(Self.header)
        #expect(Array(bytes[0..<8]) == utf8("AVAULT") + [0x00, 0x01])
        #expect(bytes[8] == 5)
        #expect(Array(bytes[9..<13]) == [0, 0, 0, UInt8(json.count)])
        #expect(Array(bytes[13..<(13 + json.count)]) == json)
        let container = try Container(parsing: bytes, expecting: .manifest, file: "f")
        #expect(container.kind == .manifest)
        #expect(container.header == Self.header)
        #expect(container.preamble == Array(bytes.dropLast(3)))
        #expect(Array(container.body) == body)
    }

    /// The header length is big-endian over all four bytes.
    @Test func bigEndianLength() throws {
        let long = JSONValue.object(["x": .text(String(repeating: "a", count: 70_000))])
        let bytes = Container.encode(kind: .evidence, header: long)
        let n = bytes.count - 13
        #expect(Array(bytes[9..<13]) == [UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)])
        #expect(bytes[10] == 1)
        #expect(try Container(parsing: bytes, expecting: .evidence, file: "f").header == long)
    }

    static func prefix(kind: UInt8 = 5, version: UInt8 = 1, length: UInt32) -> [UInt8] {
        utf8("AVAULT") + [
            0, version, kind, UInt8(length >> 24), UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff),
            UInt8(length & 0xff),
        ]
    }

    /// Each outer-layout rule maps to its message id.
    @Test(
        arguments: [
            ("empty file", [], "format.empty"),
            ("not an avault file", utf8("hello, world"), "format.not-avault"),
            ("shorter than the magic", utf8("AVA"), "format.not-avault"),
            ("PDF", utf8("%PDF-1.7\n"), "format.not-avault"),
            ("magic only", utf8("AVAULT") + [0, 1], "format.truncated"),
            ("cut inside the length", utf8("AVAULT") + [0, 1, 5, 0, 0], "format.truncated"),
            ("version 2", prefix(version: 2, length: 2) + utf8("{}"), "format.version"),
            ("version 0", prefix(version: 0, length: 2) + utf8("{}"), "format.version"),
            ("byte 6 not zero", utf8("AVAULT") + [0x20, 1, 5, 0, 0, 0, 2] + utf8("{}"), "format.version"),
            ("kind 0", prefix(kind: 0, length: 2) + utf8("{}"), "format.unknown-kind"),
            ("kind 255", prefix(kind: 255, length: 2) + utf8("{}"), "format.unknown-kind"),
            ("wrong kind", prefix(kind: 2, length: 2) + utf8("{}"), "format.wrong-kind"),
            ("header longer than the file", prefix(length: 3) + utf8("{}"), "format.truncated"),
            ("header length 0xffffffff", prefix(length: .max) + utf8("{}"), "format.header"),
            ("header over the maximum", prefix(length: 1025) + [UInt8](repeating: 0x20, count: 1025), "format.header"),
            ("header is an array", prefix(length: 2) + utf8("[]"), "format.header"),
            ("header is a string", prefix(length: 3) + utf8("\"a\""), "format.header"),
            ("empty header", prefix(length: 0), "format.header"),
            ("non-canonical header", prefix(length: 3) + utf8("{ }"), "format.header"),
            ("header with trailing bytes inside its length", prefix(length: 4) + utf8("{}{}"), "format.header"),
        ] as [(String, [UInt8], String)])
    func rejects(_ rule: String, _ bytes: [UInt8], _ expected: String) {
        let error = vaultError { () throws in
            try Container(parsing: bytes, expecting: .manifest, file: "x.avault", maxHeaderLength: 1024)
        }
        #expect(error?.code == expected, "\(rule)")
        // Messages always name the file.
        #expect(error?.arguments.first == "x.avault", "\(rule)")
    }

    /// A signed document's body is exactly one signature: a byte more is format.trailing, a byte less format.truncated.
    @Test func signedDocumentBodyLength() throws {
        let key = try Ed25519.PrivateKey.generate()
        let bytes = try SignedDocument.encode(kind: .approval, header: Self.header, signer: key)
        let document = try SignedDocument(parsing: bytes, expecting: .approval, file: "a")
        #expect(document.isSigned(by: key.publicKey))
        #expect(throws: FormatError(.trailing)) {
            try SignedDocument(parsing: bytes + [0], expecting: .approval, file: "a")
        }
        #expect(throws: FormatError(.truncated)) {
            try SignedDocument(parsing: bytes.dropLast(), expecting: .approval, file: "a")
        }
        #expect(throws: FormatError(.truncated)) {
            try SignedDocument(
                parsing: Container.preamble(kind: .approval, header: Self.header), expecting: .approval, file: "a")
        }
    }

    /// The signature is Ed25519 over domain("signature") || BLAKE2b-512(preamble), computed here from the spec text.
    @Test func signatureInput() throws {
        let key = try Ed25519.PrivateKey.generate()
        let bytes = try SignedDocument.encode(kind: .manifest, header: Self.header, signer: key)
        let preamble = Array(bytes.dropLast(64))
        let message = utf8("AppraisalVault/v1/manifest/signature") + [0] + BLAKE2b.hash(preamble, outputLength: 64)
        #expect(key.publicKey.isValidSignature(Array(bytes.suffix(64)), for: message))
        // The same header signed as another kind does not verify as this kind (domain separation).
        let other = try SignedDocument.encode(kind: .approval, header: Self.header, signer: key)
        var relabelled = other
        relabelled[8] = ArtifactKind.manifest.rawValue
        #expect(!(try SignedDocument(parsing: relabelled, expecting: .manifest, file: "m")).isSigned(by: key.publicKey))
    }

    /// fileHash is BLAKE2b-256 of the whole file as read.
    @Test func fileHash() throws {
        let key = try Ed25519.PrivateKey.generate()
        let bytes = try SignedDocument.encode(kind: .manifest, header: Self.header, signer: key)
        let document = try SignedDocument(parsing: bytes, expecting: .manifest, file: "m")
        #expect(document.fileHash == BLAKE2b.hash(bytes, outputLength: 32))
    }

    /// Domain strings follow "AppraisalVault/v1/" + kind name + "/" + purpose + NUL, and kind names are unique.
    @Test func domainStrings() {
        #expect(
            ArtifactKind.publicIdentity.domain("signature") == utf8("AppraisalVault/v1/public-identity/signature") + [0]
        )
        #expect(ArtifactKind.secretKey.domain("fingerprint") == utf8("AppraisalVault/v1/secret-key/fingerprint") + [0])
        #expect(Set(ArtifactKind.allCases.map(\.name)).count == ArtifactKind.allCases.count)
        #expect(ArtifactKind.allCases.map(\.rawValue) == Array(1...12) + [16, 17, 18, 19, 20, 21, 22, 23])
    }
}
