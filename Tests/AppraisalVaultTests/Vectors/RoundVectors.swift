import Foundation
import VaultCrypto

@testable import AppraisalVault

/// Vectors for the round definition (spec §3, area `round-definition`): the small fixture round of
/// `RoundFixtures` (framework of 3 sub-criteria, units u1 and u2, members tv-01 and tv-02, holders
/// chu-tich, pho-chu-tich, chanh-vp, t = 2; demo keys from `keys/`), created by `thu-ky-vector` at
/// ``VectorGenerator/created`` with `DeterministicRandom("AppraisalVault/vectors/round-definition")`;
/// the framework also has bonus item `T1` and penalty item `TR1` (spec §3.3 F6), assigned with
/// each member's field.
/// Defects that must keep a valid signature are re-signed by the secretary.
extension VectorGenerator {
    static func roundDefinition(demo: Bool = true) throws -> [UInt8] {
        let fx = try RoundFixtures()
        defer { try? FileManager.default.removeItem(atPath: fx.folder) }
        var sources = RoundSetup.Sources(
            framework: try fx.write(
                "framework.csv", RoundFixtures.frameworkCSV + "T1,Sáng kiến,1,bonus,0.5\nTR1,Vi phạm,1,penalty,0.5\n"),
            units: try fx.write("units.csv", RoundFixtures.unitsCSV),
            selfAssessment: try fx.write("self.csv", RoundFixtures.selfCSV),
            members: try fx.write(
                "members.csv",
                "id,public_key_file,codes,units\ntv-01,keys/tv-01.pub,1 T1 TR1,so-nganh\n"
                    + "tv-02,keys/tv-02.pub,1.1 T1 TR1,huyen\n"),
            ceremony: try fx.ceremony(
                secretary: submissionSecretary().identity, seed: "AppraisalVault/vectors/round-definition"),
            title: "Vòng thử nghiệm", year: 2025, references: ["Quyết định số 04/QĐ-UBND"], isDemo: demo)
        sources.document.number = "12/BC-HĐTĐ"
        sources.deadline = "2026-12-15"
        // §12.1: u1 has a key, u2 none.
        _ = try fx.write("u1.pub", try vectorUnit("u1").publicFile())
        sources.unitKeys = try fx.write("unit-keys.csv", "unit,public_key_file\nu1,u1.pub\n")
        return try RoundDefinition.create(
            from: RoundSetup.load(sources), secretary: submissionSecretary(), created: created
        ).bytes
    }

    /// The round's header edited by `edit`, signed by `signer` (the secretary when nil).
    static func editedRound(
        _ bytes: [UInt8], signer: Ed25519.PrivateKey? = nil, _ edit: (inout [String: JSONValue]) -> Void
    ) throws
        -> [UInt8]
    {
        let doc = try SignedDocument(
            parsing: bytes, expecting: .roundDefinition, file: "round", maxHeaderLength: RoundDefinition.maxHeaderLength
        )
        guard case .object(var fields) = doc.container.header else { preconditionFailure("round json") }
        edit(&fields)
        return try SignedDocument.encode(
            kind: .roundDefinition, header: .object(fields), signer: signer ?? submissionSecretary().signingKey)
    }

    /// Edits the first bonus item of the round's first criteria set.
    static func editBonus(_ fields: inout [String: JSONValue], _ edit: (inout [String: JSONValue]) -> Void) {
        guard case .array(var sets) = fields["sets"]!, case .object(var set) = sets[0],
            case .object(var fw) = set["framework"]!, case .array(var items) = fw["bonus"]!,
            case .object(var item) = items[0]
        else { return }
        edit(&item)
        items[0] = .object(item)
        fw["bonus"] = .array(items)
        set["framework"] = .object(fw)
        sets[0] = .object(set)
        fields["sets"] = .array(sets)
    }

    /// Sets the note of the round's last self-assessment entry.
    static func editNote(_ fields: inout [String: JSONValue], _ note: String) {
        guard case .array(var entries) = fields["selfAssessment"]!, case .object(var e) = entries[entries.count - 1]
        else { return }
        e["note"] = .string(note)
        entries[entries.count - 1] = .object(e)
        fields["selfAssessment"] = .array(entries)
    }

    /// Sets the field `key` of the round's `document` object.
    static func editDocument(_ fields: inout [String: JSONValue], _ key: String, _ value: String) {
        guard case .object(var d) = fields["document"]! else { return }
        d[key] = .string(value)
        fields["document"] = .object(d)
    }

    /// Replaces the `document.recipients` list of the round definition header.
    static func editRecipients(_ fields: inout [String: JSONValue], _ list: [String]) {
        guard case .object(var d) = fields["document"]! else { return }
        d["recipients"] = .array(list.map(JSONValue.string))
        fields["document"] = .object(d)
    }

    /// Sets the score of the round's last self-assessment entry (`nil` removes the key).
    static func editScore(_ fields: inout [String: JSONValue], _ score: JSONValue?) {
        guard case .array(var entries) = fields["selfAssessment"]!, case .object(var e) = entries[entries.count - 1]
        else { return }
        e["score"] = score
        entries[entries.count - 1] = .object(e)
        fields["selfAssessment"] = .array(entries)
    }

    @Sendable static func roundDefinitionVectors() throws -> [Vector] {
        let good = try roundDefinition()
        let parsed = try RoundDefinition(parsing: good, file: "round")
        let notAssessed = try editedRound(good) { editScore(&$0, .null) }
        let notAssessedParsed = try RoundDefinition(parsing: notAssessed, file: "round")
        func a(_ name: String, _ expect: String, _ comment: String, _ body: [UInt8], extra: [(String, String)] = [])
            -> Vector
        {
            vector("round-definition", name, expect: expect, extra, comment: comment, body)
        }
        return [
            a(
                "success", "success", "demo round signed by thu-ky-vector; fingerprint of the file hash", good,
                extra: [("fingerprint", parsed.fingerprint.description)]),
            a(
                "not-self-assessed", "success",
                "u2's self score is null: not self-assessed (spec §3.5), re-signed; fingerprint of the file hash",
                notAssessed, extra: [("fingerprint", notAssessedParsed.fingerprint.description)]),
            a(
                "self-score-absent", "format.header",
                "u2's self-assessment entry has no score key (not self-assessed is null, never absent), signed",
                try editedRound(good) { editScore(&$0, nil) }),
            a("bad-signature", "round.bad-signature", "last byte XOR 0x01", flipped(good, at: good.count - 1)),
            a(
                "signed-by-other", "round.bad-signature",
                "the same header signed by tv-other, not the secretary it names",
                try editedRound(good, signer: try submissionOther().signingKey) { _ in }),
            a(
                "title-changed", "round.bad-signature", "title edited after signing, not re-signed",
                replacing(good, at: firstIndex(of: Array("Vòng thử nghiệm".utf8), in: good)!, with: UInt8(ascii: "W"))),
            a(
                "unknown-field", "format.header", "extra field \"note\", signed",
                try editedRound(good) { $0["note"] = .string("không có trong đặc tả") }),
            a(
                "demo-identity-in-non-demo-round", "format.header",
                "\"demo\": false while every identity is a demo identity, signed",
                try editedRound(good) { $0["demo"] = .bool(false) }),
            a(
                "secretary-missing", "format.header", "no secretary field, signed by the secretary anyway",
                try editedRound(good) { $0["secretary"] = nil }),
            a(
                "ceremony-of-another-round", "format.header",
                "release section of another ceremony of the same holders and secretary (another round id), signed",
                try { () throws -> [UInt8] in
                    let other = try otherCeremony
                    return try editedRound(good) { $0["release"] = other }
                }()),
            a(
                "bidi-in-title", "format.header", "title holds U+202E (right-to-left override), signed (spec §1.3)",
                try editedRound(good) { $0["title"] = .string("Vòng \u{202E}thử nghiệm") }),
            a(
                "blank-group-name", "format.header",
                "group so-nganh's name is two U+00A0 (no-break space): blank (spec §1.3), signed",
                try editedRound(good) { fields in
                    guard case .array(var groups) = fields["groups"]!, case .object(var g) = groups[0] else { return }
                    g["name"] = .string("\u{00A0}\u{00A0}")
                    groups[0] = .object(g)
                    fields["groups"] = .array(groups)
                }),
            a(
                "invisible-title", "format.header",
                "title is U+3164 (Hangul filler) and U+2800 (Braille blank): blank (spec §1.3), signed",
                try editedRound(good) { $0["title"] = .string("\u{3164}\u{2800}") }),
            a(
                "framework-id-too-long", "format.header",
                "sets[0].framework.id is 201 bytes (limit 200, spec §3.3), signed",
                try editedRound(good) { fields in
                    guard case .array(var sets) = fields["sets"]!, case .object(var set) = sets[0],
                        case .object(var fw) = set["framework"]!
                    else { return }
                    fw["id"] = .string(String(repeating: "a", count: 201))
                    set["framework"] = .object(fw)
                    sets[0] = .object(set)
                    fields["sets"] = .array(sets)
                }),
            a(
                "own-unit-assigned", "format.header",
                "members[0] names u1 in ownUnits while assigned u1's cells (recusal, spec §3.4 M5), signed",
                try editedRound(good) { fields in
                    guard case .array(var members) = fields["members"]!, case .object(var m) = members[0] else {
                        return
                    }
                    m["ownUnits"] = .array([.string("u1")])
                    members[0] = .object(m)
                    fields["members"] = .array(members)
                }),
            a(
                "group-in-two-sets", "format.header",
                "a second criteria set covers the group of the first: every group in exactly one set (spec §3.3), signed",
                try editedRound(good) { fields in
                    guard case .array(var sets) = fields["sets"]!, case .object(var set) = sets[0] else { return }
                    set["id"] = .string("khac")
                    sets.append(.object(set))
                    fields["sets"] = .array(sets)
                }),
            a(
                "unqualified-code-two-sets", "format.header",
                "two sets, each covering one group, and a member code without SET: (spec §3.4), signed",
                try editedRound(good) { fields in
                    guard case .array(var sets) = fields["sets"]!, case .object(var first) = sets[0],
                        case .array(let groups) = first["groups"]!, groups.count == 2
                    else { return }
                    var second = first
                    first["groups"] = .array([groups[0]])
                    second["groups"] = .array([groups[1]])
                    second["id"] = .string("khac")
                    sets = [.object(first), .object(second)]
                    fields["sets"] = .array(sets)
                }),
            a(
                "bonus-cap-zero", "format.header",
                "the bonus item T1 has max (its cap) \"0\": a cap is greater than 0 (spec §3.3 F6), signed",
                try editedRound(good) { Self.editBonus(&$0) { $0["max"] = .string("0") } }),
            a(
                "bonus-code-of-tree-form", "format.header",
                "the bonus item's code is \"2\", the form of a field code (spec §3.3 F6), signed",
                try editedRound(good) { Self.editBonus(&$0) { $0["code"] = .string("2") } }),
            a(
                "bonus-cap-above-total", "format.header",
                "the bonus item T1 has the cap \"2.5\", above the set's total 2 (spec §3.3 F6), signed",
                try editedRound(good) { Self.editBonus(&$0) { $0["max"] = .string("2.5") } }),
            a(
                "bonus-code-reserved", "format.header",
                "the bonus item's code is \"Total\": total and final, in any case, are reserved (spec §3.3 F6), signed",
                try editedRound(good) { Self.editBonus(&$0) { $0["code"] = .string("Total") } }),
            a(
                "bonus-code-case-twin", "format.header",
                "the bonus item's code is \"tr1\", the penalty item's TR1: codes are unique ignoring case "
                    + "(spec §3.3 F6), signed",
                try editedRound(good) { Self.editBonus(&$0) { $0["code"] = .string("tr1") } }),
            a(
                "index-rule-missing", "format.header", "no indexAbove100 field (spec §3.2), signed",
                try editedRound(good) { $0["indexAbove100"] = nil }),
            a(
                "control-in-note", "format.header",
                "a self-assessment note holds ESC (U+001B): not multi-line text (spec §1.3), signed",
                try editedRound(good) { Self.editNote(&$0, "ghi\u{1B}[2J chú") }),
            a(
                "bidi-in-note", "format.header",
                "a self-assessment note holds U+2066 (left-to-right isolate), signed (spec §1.3)",
                try editedRound(good) { Self.editNote(&$0, "ghi \u{2066}chú") }),
            a(
                "document-unknown-field", "format.header",
                "document has an extra field \"seal\" (exactly seven fields, spec §3.2), signed",
                try editedRound(good) { Self.editDocument(&$0, "seal", "có") }),
            a(
                "blank-council", "format.header",
                "document.council is one U+00A0 (no-break space): blank (spec §1.3), signed",
                try editedRound(good) { Self.editDocument(&$0, "council", "\u{00A0}") }),
            a(
                "recipients-empty", "format.header", "document.recipients is [] (at least one, spec §3.2), signed",
                try editedRound(good) { Self.editRecipients(&$0, []) }),
            a(
                "blank-recipient", "format.header",
                "document.recipients[1] is one U+3000 (ideographic space): blank (spec §1.3), signed",
                try editedRound(good) { Self.editRecipients(&$0, ["Sở Nội vụ", "\u{3000}"]) }),
            a(
                "deadline-not-a-date", "format.header", "deadline \"2026-02-30\" is not a calendar date, signed",
                try editedRound(good) { $0["deadline"] = .string("2026-02-30") }),
        ] + (try unitKeyVectors(good)).map { a($0.name, "format.header", $0.comment, $0.body) } + [
            a("trailing-byte", "format.trailing", "one zero byte after the signature", good + [0]),
            a(
                "wrong-kind", "format.wrong-kind", "kind byte 5 (manifest)",
                replacing(good, at: 8, with: ArtifactKind.manifest.rawValue)),
        ]
    }
}

extension VectorGenerator {
    /// A key ceremony of the fixture's holders for thu-ky-vector, for another round id.
    static var otherCeremony: JSONValue {
        get throws {
            ReleasePolicy(
                try Ceremony.hold(
                    holders: ["chu-tich", "pho-chu-tich", "chanh-vp"].map { RoundFixtures.demoIdentities[$0]! },
                    threshold: 2, secretary: submissionSecretary().identity, created: created,
                    using: DeterministicRandom(seed: "AppraisalVault/vectors/round-definition/other-ceremony"))
            ).json
        }
    }
}

extension VectorRunner {
    /// `round-definition`: ``RoundDefinition/init(parsing:file:)`` (parse, signature by the secretary
    /// it names, every rule of §3.2–§3.5 and §4.7); `fingerprint:` must match when given.
    @Sendable static func runRoundDefinition(_ vector: Vector) -> String {
        do {
            let round = try RoundDefinition(parsing: vector.body, file: vector.description)
            if let expected = vector["fingerprint"], expected != round.fingerprint.description {
                return "fingerprint \(round.fingerprint) differs from \(expected)"
            }
            return "success"
        } catch {
            return error.errorID
        }
    }
}
