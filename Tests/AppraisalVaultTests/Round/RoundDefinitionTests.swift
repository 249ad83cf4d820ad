import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

@Suite struct RoundDefinitionTests {
    let fx: RoundFixtures
    let secretary: SecretIdentity

    init() throws {
        fx = try RoundFixtures()
        secretary = try SecretIdentity.generate(
            id: "thu-ky-test", name: "Thư ký thử", role: .secretary, isDemo: true, created: "2026-01-02T03:04:05Z",
            using: DeterministicRandom(seed: "round-tests-secretary"))
    }

    func sources(demo: Bool = true, seed: String = "round-tests") throws -> RoundSetup.Sources {
        RoundSetup.Sources(
            framework: try fx.write("framework.csv", RoundFixtures.frameworkCSV),
            units: try fx.write("units.csv", RoundFixtures.unitsCSV),
            selfAssessment: try fx.write("self.csv", RoundFixtures.selfCSV),
            members: try fx.write("members.csv", RoundFixtures.membersCSV),
            ceremony: try fx.ceremony(secretary: secretary.identity, seed: seed),
            title: "Vòng thử", year: 2025, references: ["Quyết định số 04/QĐ-UBND"], isDemo: demo)
    }

    func create(seed: String = "round-tests") throws -> (bytes: [UInt8], definition: RoundDefinition) {
        let setup = try RoundSetup.load(try sources(seed: seed))
        return try RoundDefinition.create(from: setup, secretary: secretary, created: "2026-01-02T03:04:05Z")
    }

    /// A created definition parses back with the same content, and its fileHash is BLAKE2b-256 of the file.
    @Test func roundTrip() throws {
        let (bytes, made) = try create()
        let parsed = try RoundDefinition(parsing: bytes, file: "round.avr")
        #expect(parsed.fileHash == BLAKE2b.hash(bytes, outputLength: 32))
        #expect(parsed.fileHash == made.fileHash)
        #expect(parsed.title == "Vòng thử" && parsed.year == 2025 && parsed.isDemo)
        #expect(parsed.references == ["Quyết định số 04/QĐ-UBND"])
        #expect(parsed.sets == made.sets)
        #expect(parsed.units.map(\.id) == ["u1", "u2"])
        #expect(parsed.selfAssessment == made.selfAssessment)
        #expect(parsed.members == made.members)
        #expect(parsed.labels == made.labels)
        #expect(parsed.threshold == 2 && parsed.holders.map(\.id) == ["chu-tich", "pho-chu-tich", "chanh-vp"])
        #expect(parsed.appraisableCells.count == 4)
        #expect(
            parsed.cells(of: try #require(parsed.member("tv-02"))) == [
                Cell(unit: "u2", code: "1.1.1"), Cell(unit: "u2", code: "1.1.2"),
            ])
        #expect(parsed.roundID.count == 16)
        #expect(
            parsed.fingerprint
                == Fingerprint(digestOf: ArtifactKind.roundDefinition.domain("fingerprint") + parsed.fileHash))
    }

    /// Same inputs, ceremony and time give byte-identical files (the basis of the test vector); another
    /// ceremony does not (round init itself draws no randomness).
    @Test func deterministic() throws {
        #expect(try create().bytes == create().bytes)
        #expect(try create().bytes != create(seed: "other").bytes)
    }

    /// Any single byte changed anywhere in the header or signature is rejected; inside text it reads as a bad signature.
    @Test func tamperedByte() throws {
        let (bytes, _) = try create()
        for i in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            var copy = bytes
            copy[i] ^= 0x01
            #expect(throws: (any Error).self) { try RoundDefinition(parsing: copy, file: "round.avr") }
        }
        let needle = Array("Vòng thử".utf8)
        let at = try #require(
            (0..<(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle })
        var copy = bytes
        copy[at] = UInt8(ascii: "W")
        #expect(throws: RoundError(.badSignature)) { try RoundDefinition(parsing: copy, file: "round.avr") }
        #expect(throws: FormatError(.truncated)) {
            try RoundDefinition(parsing: Array(bytes.dropLast(64)), file: "round.avr")
        }
    }

    /// A re-signed header with an unknown field is rejected (strict reading).
    @Test func unknownFieldRejected() throws {
        let (bytes, _) = try create()
        let doc = try SignedDocument(parsing: bytes, expecting: .roundDefinition, file: "r")
        guard case .object(var h) = doc.container.header else {
            Issue.record("no object")
            return
        }
        h["extra"] = .bool(true)
        let forged = try SignedDocument.encode(kind: .roundDefinition, header: .object(h), signer: secretary.signingKey)
        #expect(throws: FormatError(.header)) { try RoundDefinition(parsing: forged, file: "r") }
        // And content rules are re-checked: a self score above its max, even when properly signed.
        guard case .array(var rows) = h["selfAssessment"], case .object(var row) = rows[0] else { return }
        h["extra"] = nil
        row["score"] = .string("5")
        rows[0] = .object(row)
        h["selfAssessment"] = .array(rows)
        let bad = try SignedDocument.encode(kind: .roundDefinition, header: .object(h), signer: secretary.signingKey)
        #expect(throws: FormatError(.header)) { try RoundDefinition(parsing: bad, file: "r") }
    }

    /// A definition claiming not to be a demo round but listing demo identities is rejected even when signed.
    @Test func demoFlagEnforcedOnRead() throws {
        let (bytes, _) = try create()
        let doc = try SignedDocument(parsing: bytes, expecting: .roundDefinition, file: "r")
        guard case .object(var h) = doc.container.header else { return }
        h["demo"] = .bool(false)
        let forged = try SignedDocument.encode(kind: .roundDefinition, header: .object(h), signer: secretary.signingKey)
        do {
            _ = try RoundDefinition(parsing: forged, file: "r")
            Issue.record("accepted")
        } catch { #expect(error.errorID == FormatError.Code.header.rawValue && error.description.contains("demo")) }
    }

    /// Demo identities are refused unless the round is a demo round.
    @Test func demoRefused() throws {
        let setup = try RoundSetup.load(try sources(demo: false))
        #expect(throws: RoundError(.demoRefused)) {
            try RoundDefinition.create(from: setup, secretary: secretary)
        }
        #expect(throws: RoundError(.demoRefused)) { try setup.checkDemo(secretary: secretary.identity) }
    }

    /// Only a secretary identity can create a round.
    @Test func secretaryRole() throws {
        let member = try SecretIdentity.generate(id: "m", name: "M", role: .member, isDemo: true)
        #expect(throws: RoundError(.secretaryRole)) {
            try RoundDefinition.create(from: try RoundSetup.load(try sources()), secretary: member)
        }
    }

    /// Problems in several files are all reported together, and a bad title, year or ceremony too.
    @Test func allProblemsReported() throws {
        var s = try sources()
        s.units = try fx.write("units2.csv", "id,name,group\nu1,A,xa\n")
        s.frameworks = [try fx.write("f2.csv", "code,title,max,method\n1,A,1,\n")]
        s.year = 1999
        s.title = " "
        s.ceremony = fx.folder + "/no-ceremony"
        do {
            _ = try RoundSetup.load(s)
            Issue.record("accepted")
        } catch {
            #expect(error.contains("units.unknown-group"))
            #expect(error.contains("framework.childless"))
            #expect(error.contains("round.bad-year"))
            #expect(error.contains("round.bad-title"))
            #expect(error.contains("file.not-found"))
        }
    }

    /// round init writes round.avr and a journal into a new folder, and refuses a non-empty one.
    @Test func folder() throws {
        let setup = try RoundSetup.load(try sources())
        let dir = fx.folder + "/round"
        let r = try RoundFolder.create(setup, secretary: secretary, at: dir)
        #expect(try RoundDefinition.load(roundDirectory: dir).fileHash == r.fileHash)
        #expect(FileIO.exists(dir + "/journal.avj"))
        let journal = try RoundJournal.load(
            roundDirectory: dir, secretaryKey: secretary.identity.signingKey, roundHash: r.fileHash)
        #expect(journal.entries.map { $0.event } == ["round-init"])
        #expect(throws: RoundError(.outNotEmpty)) { try RoundFolder.create(setup, secretary: secretary, at: dir) }
    }

    /// A worksheet lists exactly the member's cells with max and self score, BOM first, Vietnamese header.
    @Test func worksheet() throws {
        let (_, r) = try create()
        let m = try #require(r.member("tv-01"))
        let rows = Worksheet.rows(for: m, in: r)
        #expect(rows[0] == Worksheet.columns)
        #expect(rows.dropFirst().map { $0[0] + "/" + $0[2] } == ["u1/1.1.1", "u1/1.1.2"])
        #expect(rows[1] == ["u1", "Sở Một", "1.1.1", "Thành phần 1", "1", "0.75", "", ""])
        #expect(rows[2][5] == "")  // council: no self score
        let bytes = Worksheet.encode(for: m, in: r)
        #expect(bytes.starts(with: CSV.bom))
        // Above the column names, the header block (spec §3.9); readers start at the names.
        let table = try CSV.parse(bytes, file: "w.csv")
        #expect(table.header.fields.map(\.text) == ["Vòng thẩm định", r.title, "", "", "", "", "", ""])
        #expect(table.records.count == 4 + 1 + 2)
        #expect(table.records[3].fields.map(\.text).prefix(2) == ["Hạn nộp", "Theo thông báo của thư ký"])
        let data = table.skippingExportedHeaderBlock()
        #expect(data.header.fields.map(\.text) == Worksheet.columns && data.records.count == 2)
    }

    /// A JSON framework whose root `id` and `title` arrive in NFD is normalised at input, so the
    /// round is signed and reads back (spec §1.3: a reader refuses non-NFC text).
    @Test func nfdFrameworkIDSigns() throws {
        var setup = try sources()
        setup.frameworks = [
            try fx.write(
                "framework.json",
                """
                {"id": "bo\u{0302}-2025", "title": "Bo\u{0323}\u{0302} tie\u{0302}u chi\u{0301}", "maxTotal": 2,
                 "fields": [{"code": "1", "title": "A", "maxPoints": 2, "criteria": [
                  {"code": "1.1", "title": "B", "maxPoints": 2, "subCriteria": [
                    {"code": "1.1.1", "title": "C1", "maxPoints": 1, "method": "self"},
                    {"code": "1.1.2", "title": "C2", "maxPoints": 0.5, "method": "council"},
                    {"code": "1.1.3", "title": "C3", "maxPoints": 0.5, "method": "survey"}]}]}]}
                """)
        ]
        let (bytes, _) = try RoundDefinition.create(
            from: try RoundSetup.load(setup), secretary: secretary, created: "2026-01-02T03:04:05Z")
        let parsed = try RoundDefinition(parsing: bytes, file: "round.avr")
        #expect(Array(parsed.sets[0].framework.id.utf8) == Array("bô-2025".utf8))
        #expect(Array(parsed.sets[0].framework.title.utf8) == Array("Bộ tiêu chí".utf8))
    }

    /// Titles and unit names that a spreadsheet would evaluate (`=`, `+`, `-`, `@` first) are
    /// written with a `'` prefix (spec §3.9); the reader ignores those columns, so the filled
    /// worksheet still reads back and passes seal's checks.
    @Test func worksheetNeutralisesFormulas() throws {
        var setup = try sources()
        setup.frameworks = [
            try fx.write(
                "framework.csv",
                RoundFixtures.frameworkCSV.replacingOccurrences(of: "Thành phần 1", with: "\"=HYPERLINK(\"\"x\"\")\"")
                    .replacingOccurrences(of: "Thành phần 2", with: "@SUM(A1)"))
        ]
        setup.units = try fx.write(
            "units.csv", RoundFixtures.unitsCSV.replacingOccurrences(of: "Sở Một", with: "+Sở Một"))
        let (_, r) = try RoundDefinition.create(
            from: try RoundSetup.load(setup), secretary: secretary, created: "2026-01-02T03:04:05Z")
        let m = try #require(r.member("tv-01"))
        var rows = Worksheet.rows(for: m, in: r)
        #expect(rows[1][1] == "'+Sở Một" && rows[1][3] == "'=HYPERLINK(\"x\")" && rows[2][3] == "'@SUM(A1)")
        // The round keeps the title.
        #expect(r.plan.subCriterion(unit: "u1", code: "1.1.1")?.title == "=HYPERLINK(\"x\")")
        rows[1][6] = "0.75"
        rows[2][6] = "0.5"
        let filled = CSV.write(rows, separator: CSV.comma, byteOrderMark: true)
        let (read, problems, _) = try WorksheetReader.read(filled, file: "w.csv")
        #expect(problems.isEmpty, "\(problems)")
        #expect(read.map { $0.unit + "/" + $0.code } == ["u1/1.1.1", "u1/1.1.2"])
        let (_, findings) = try Sealing.check(worksheet: filled, file: "w.csv", round: r, memberID: "tv-01")
        #expect(findings.isEmpty, "\(findings)")
    }
}

extension RoundDefinitionTests {
    /// Test vector (docs/spec/03-round.md §3.6): the fixture round with ceremony seed "round-tests" hashes to a
    /// fixed value.
    @Test func vector() throws {
        let (bytes, r) = try create()
        #expect(bytes.count == RoundDefinitionTests.vectorLength)
        #expect(Hex.encode(r.fileHash) == RoundDefinitionTests.vectorFileHash)
        #expect(r.fingerprint.description == RoundDefinitionTests.vectorFingerprint)
        #expect(r.roundIDHex == RoundDefinitionTests.vectorRoundID, "\(r.roundIDHex)")
    }

    static let vectorLength = 16250
    static let vectorFileHash = "fc0d675ba61da016030f09b4dae0d62c107a93ef7eb28e1957691b81ee176d4c"
    static let vectorFingerprint = "56BI-KLEQ-UUTL-YGWE-VHFZ-PCUK"
    static let vectorRoundID = "6e92b77f370824a350757e005cad7db0"
}
