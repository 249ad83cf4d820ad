import Testing
import VaultCrypto

@testable import AppraisalVault

/// The self-assessment reader of the round definition (``SelfAssessmentFastReader``, with the
/// rest of the header parsed around it) against the strict path (the whole header as a
/// ``JSONValue`` tree, then ``FieldReader``): over valid round files and many mutated ones,
/// re-signed so that the signature check lets the header through, the public parser gives exactly
/// the strict path's definition or error, and whatever the fast path accepts the strict path
/// accepts with the same content.
@Suite("Round definition: fast self-assessment ≡ strict path")
struct SelfAssessmentReaderTests {
    let secretary: SecretIdentity
    /// The header of a created round, parsed.
    let header: [String: JSONValue]

    static let notes = [
        "", "ghi chú", "Thiếu \"kế hoạch\"", "a\\b", "dòng 1\ndòng 2", "tab\tở giữa", "x\u{1}y", "cr\rlf", "\u{1f}",
        "e\u{301}", "del\u{7f}", "\u{202e}bidi", "日本語", "emoji 😀", String(repeating: "n", count: 2000),
        String(repeating: "n", count: 2001), String(repeating: "é", count: 1001),
    ]
    static let scores: [JSONValue] = [
        .null, .string("0"), .string("1"), .string("0.75"), .string("0.5"), .string("2"), .string("-0.25"),
        .string("0.3"), .string("1.0"), .integer(1), .bool(true),
    ]

    init() throws {
        let fx = try RoundFixtures()
        secretary = try SecretIdentity.generate(
            id: "thu-ky-test", name: "Thư ký thử", role: .secretary, isDemo: true, created: "2026-01-02T03:04:05Z",
            using: DeterministicRandom(seed: "self-reader-secretary"))
        let sources = RoundSetup.Sources(
            framework: try fx.write("framework.csv", RoundFixtures.frameworkCSV),
            units: try fx.write("units.csv", RoundFixtures.unitsCSV),
            selfAssessment: try fx.write("self.csv", RoundFixtures.selfCSV),
            members: try fx.write("members.csv", RoundFixtures.membersCSV),
            ceremony: try fx.ceremony(secretary: secretary.identity, seed: "self-reader"),
            title: "Vòng thử", year: 2025, references: [], isDemo: true)
        let (bytes, _) = try RoundDefinition.create(
            from: try RoundSetup.load(sources), secretary: secretary, created: "2026-01-02T03:04:05Z")
        let container = try Container(parsing: bytes, expecting: .roundDefinition, file: "round.avr")
        guard case .object(let fields) = container.header else { throw FormatError(.header, []) }
        header = fields
    }

    /// A round file with `headerBytes` as its header, signed by the secretary.
    func signed(_ headerBytes: [UInt8]) throws -> [UInt8] {
        let n = UInt32(headerBytes.count)
        let preamble =
            Container.magic + [
                ArtifactKind.roundDefinition.rawValue, UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff),
                UInt8(n & 0xff),
            ] + headerBytes
        let message = SignedDocument.signedMessage(kind: .roundDefinition, preamble: preamble)
        return preamble + (try secretary.signingKey.signature(for: message))
    }

    /// A header whose self-assessment entries have notes and scores drawn from the lists above.
    func variant(_ g: inout SeededRandom) -> [UInt8] {
        var fields = header
        guard case .array(let items) = fields["selfAssessment"] else { return [] }
        fields["selfAssessment"] = .array(
            items.map { item in
                guard case .object(var e) = item else { return item }
                if g.chance(60) { e["note"] = .string(g.pick(Self.notes)) }
                if g.chance(60) { e["score"] = g.pick(Self.scores) }
                return .object(e)
            })
        return CanonicalJSON.serialize(.object(fields))
    }

    static func replacing(_ bytes: [UInt8], _ old: String, _ new: String) -> [UInt8] {
        SubmissionDecoderTests.replacing(bytes, old, new)
    }

    /// One mutation of a header, mostly inside the self-assessment.
    static func mutate(_ bytes: [UInt8], _ g: inout SeededRandom) -> [UInt8] {
        var b = bytes
        let start = (0...(b.count - 17)).first { Array(b[$0..<($0 + 17)]) == Array(#""selfAssessment":"#.utf8) } ?? 0
        switch g.int(0...13) {
        case 0, 1:
            b[g.int(start...min(b.count - 1, start + 400))] ^= UInt8(1 << g.int(0...7))
        case 2:
            b[g.int(0...b.count - 1)] = UInt8(g.int(0...255))
        case 3:
            b.remove(at: g.int(start...min(b.count - 1, start + 400)))
        case 4:
            b.insert(g.pick(Array(" \"\\,:{}[]0a\u{1}".utf8)), at: g.int(start...min(b.count, start + 400)))
        case 5:
            b = replacing(b, #"{"code":"#, g.pick([#"{"note":"#, #"{"a":1,"code":"#, #"{"code":"x","code":"#]))
        case 6:
            b = replacing(b, #","score":"#, g.pick([#","unit":"#, #","note":"#, #","scores":"#, #", "score":"#]))
        case 7:
            b = replacing(b, #""unit":"u1""#, g.pick([#""unit":"u2""#, #""unit":"\u0075\u0031""#, #""unit":"u1 ""#]))
        case 8:
            b = replacing(b, #""code":"1.1.1""#, g.pick([#""code":"1.1.2""#, #""code":"1.1.1x""#, #""code":1"#]))
        case 9:
            b = replacing(
                b, #""note":""#, g.pick([#""note":"\u000a"#, #""note":"\/"#, #""note":"\u00e9"#, "\"note\":\"\n"]))
        case 10:
            b = replacing(b, "}]", g.pick(["},{}]", "}],[]", "},null]", "}", "}]]"]))
        case 11:
            b = replacing(
                b, #""selfAssessment":["#,
                g.pick([#""selfAssessment":{"#, #""selfAssessment":[[],"#, #""selfAssessment": ["#]))
        case 12:
            // The entries of one unit dropped or given twice.
            let e = Array(#"{"code":"1.1.1","note":"#.utf8)
            if let i = (0...(b.count - e.count)).first(where: { Array(b[$0..<($0 + e.count)]) == e }),
                let j = b[i...].firstIndex(of: UInt8(ascii: "}"))
            {
                let dropped = Array(b[..<i]) + Array(b[(j + 2)...])
                b = g.chance(50) ? dropped : Array(b[..<(j + 1)]) + [UInt8(ascii: ",")] + Array(b[i...])
            }
        default:
            b = replacing(b, #"]"#, "] ")
        }
        return b
    }

    /// The error of an outcome, as a reader would see it (type, message id and values, facts);
    /// nil for a definition.
    static func errorText(_ r: Result<RoundDefinition, any Error>) -> String? {
        guard case .failure(let e) = r else { return nil }
        return "\(type(of: e)) \(e) \(facts(e))"
    }

    /// Checks one file; returns (strict accepted, fast path taken).
    static func check(_ bytes: [UInt8]) -> (accepted: Bool, fast: Bool) {
        let strictResult = Result { try RoundDefinition(parsing: bytes, file: "round.avr", excising: nil) }
        let parsedResult = Result { try RoundDefinition(parsing: bytes, file: "round.avr") }
        #expect(Self.errorText(strictResult) == Self.errorText(parsedResult))
        if case .success(let s) = strictResult, case .success(let p) = parsedResult {
            #expect(s.plan == p.plan && s.fileHash == p.fileHash && s.roundID == p.roundID)
        }
        var fast: RoundDefinition?
        if let range = SelfAssessmentFastReader.locate(in: bytes) {
            fast = try? RoundDefinition(parsing: bytes, file: "round.avr", excising: range)
        }
        if let fast {
            guard case .success(let s) = strictResult else {
                Issue.record("fast path accepted what the strict refuses: \(String(decoding: bytes, as: UTF8.self))")
                return (false, true)
            }
            #expect(s.plan == fast.plan && s.fileHash == fast.fileHash)
            #expect(s.plan.selfAssessment == fast.plan.selfAssessment)
        }
        if case .success = strictResult { return (true, fast != nil) }
        return (false, fast != nil)
    }

    /// Valid files of many notes and scores: the same definition both ways, and the fast path
    /// takes every one the strict path accepts.
    @Test func variants() throws {
        var g = SeededRandom(316)
        var accepted = 0
        for _ in 0..<150 {
            let (ok, fast) = Self.check(try signed(variant(&g)))
            #expect(ok == fast)
            if ok { accepted += 1 }
        }
        #expect(accepted > 20)
        // The file as round init writes it.
        #expect(Self.check(try signed(CanonicalJSON.serialize(.object(header)))) == (true, true))
    }

    /// Mutated headers, re-signed: same definition or same error; the fast path never accepts
    /// what the strict path refuses.
    @Test(arguments: 0..<4)
    func mutated(seed: UInt64) throws {
        var g = SeededRandom(2000 + seed)
        var rejected = 0
        for _ in 0..<200 {
            var h = variant(&g)
            for _ in 0..<g.int(1...2) { h = Self.mutate(h, &g) }
            let (ok, _) = Self.check(try signed(h))
            if !ok { rejected += 1 }
        }
        #expect(rejected > 50)
    }

    /// Damage outside the header (signature, length, trailing bytes) is the strict path's too.
    @Test func damagedFiles() throws {
        let good = try signed(CanonicalJSON.serialize(.object(header)))
        var g = SeededRandom(77)
        for _ in 0..<200 {
            var b = good
            switch g.int(0...3) {
            case 0: b[g.int(0...b.count - 1)] ^= UInt8(1 << g.int(0...7))
            case 1: b = Array(b.prefix(g.int(0...b.count)))
            case 2: b += [0]
            default: b[g.int(9...12)] = UInt8(g.int(0...255))
            }
            let (ok, _) = Self.check(b)
            #expect(!ok || b == good)
        }
    }
}
