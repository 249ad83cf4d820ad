@testable internal import AppraisalVault
@testable internal import VaultCrypto

/// Small, deterministic seed inputs per fuzz target (committed under `Fuzz/corpus/<target>/`).
///
/// Everything is made with ``DeterministicRandom`` and fixed times, so regenerating gives the same
/// bytes. The test vectors (`Tests/Vectors/**`, text header stripped) are added by the
/// regeneration test, which has the repository at hand.
public enum FuzzSeeds {
    /// A minimal valid framework (CSV): one field, one criterion, one sub-criterion per method,
    /// a bonus and a penalty item (spec §3.3 F6).
    static let frameworkCSV = """
        code,title,max,method,step
        1,Field A,2,,
        1.1,Criterion A1,2,,
        1.1.1,Part 1,1,self,
        1.1.2,Part 2,0.5,council,
        1.1.3,Part 3,0.5,survey,0.25
        T1,Bonus 1,1,bonus,0.5
        TR1,Penalty 1,0.5,penalty,
        total,,2,,

        """

    /// A minimal workbook: shared (plain and rich) and inline strings, a number, a boolean, a
    /// formula with its cached value.
    static let xlsxParts: [(name: String, data: [UInt8])] = [
        (
            "xl/workbook.xml",
            Array(
                #"<?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>"#
                    .utf8)
        ),
        (
            "xl/_rels/workbook.xml.rels",
            Array(
                (#"<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/>"#
                    + #"<Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#)
                    .utf8)
        ),
        (
            "xl/sharedStrings.xml",
            Array(
                #"<sst><si><t>Mã đơn vị</t></si><si><r><t>a</t></r><r><t>_x000D_b</t></r><rPh><t>x</t></rPh></si></sst>"#
                    .utf8)
        ),
        (
            "xl/worksheets/sheet1.xml",
            Array(
                (#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>"#
                    + #"<row r="3"><c r="A3"><v>0.5</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="inlineStr"><is><t>ý</t></is></c>"#
                    + #"<c><f>1+1</f><v>2</v></c><c t="str"><f>"x"</f><v>x</v></c></row></sheetData></worksheet>"#).utf8
            )
        ),
    ]

    /// Archives whose first local header disagrees with its central record (each refused by
    /// `ZipArchive.read`): the name, the method, the data-descriptor flag with no descriptor, the
    /// CRC; and a second record pointing into the first entry's data (overlapping entries).
    static var hostileZips: [[UInt8]] {
        let good = ZipArchive.write(xlsxParts)
        func patched(_ offset: Int, _ value: UInt8) -> [UInt8] {
            var bytes = good
            bytes[offset] = value
            return bytes
        }
        // Local header: flags at 6, method at 8, CRC at 14, the name from 30.
        var descriptorBoth = patched(6, good[6] | 0x08)
        let central = Array(good.indices.dropLast(3)).first { i in
            good[i] == 0x50 && good[i + 1] == 0x4B && good[i + 2] == 0x01 && good[i + 3] == 0x02
        }!
        descriptorBoth[central + 8] |= 0x08
        // An entry "x" whose stored data is a whole local header of "y" (and y's record points there).
        let inner = Array(ZipArchive.write([("y", [1, 2, 3])]).prefix(30 + 1 + 3))
        var nested = ZipArchive.write([("x", inner), ("y", [1, 2, 3])])
        let second = nested.count - 22 - (46 + 1)
        let innerOffset = 30 + 1
        nested[second + 42] = UInt8(innerOffset)
        return [
            patched(30, good[30] ^ 0x20), patched(8, 8), descriptorBoth, patched(14, good[14] ^ 0x01), nested,
        ]
    }

    static let created = "2026-01-01T00:00:00Z"
    static let round = [UInt8](repeating: 0xA7, count: 32)

    /// Target name → seed inputs.
    public static func generate() throws -> [String: [[UInt8]]] {
        let random = DeterministicRandom(seed: "fuzz-seeds")
        let me = FuzzChecks.identity
        let submission = SubmissionContent(
            member: "tv-01", revision: 2, round: round,
            rows: [
                Appraisal(
                    unit: "u-1", code: "1.1.1", score: Points(units: 75, scale: 2), reason: "Thiếu minh chứng\ndòng 2"),
                Appraisal(unit: "u-2", code: "1.1.2", score: Points(integer: 0), reason: ""),
            ]
        ).encoded()
        let emptySubmission = SubmissionContent(member: "tv-02", revision: 1, round: round, rows: []).encoded()
        let escapedSubmission = SubmissionContent(
            member: "tv-03", revision: 12, round: round,
            rows: [
                Appraisal(unit: "u1", code: "1.1.1", score: Points(units: -5, scale: 1), reason: "Lý do \"a\"\n\tb\\"),
                Appraisal(unit: "đơn-vị", code: "T1", score: Points(units: 123_456, scale: 6), reason: ""),
            ]
        ).encoded()
        let manifest = CanonicalJSON.serialize(manifestJSON)
        let survey = CanonicalJSON.serialize(
            SurveyScores(
                revision: 2, round: round,
                scores: [
                    Cell(unit: "u-1", code: "1.1.3"): Points(units: 25, scale: 2),
                    Cell(unit: "u-2", code: "1.1.3"): Points(integer: 0),
                ]
            ).json)
        let results = CanonicalJSON.serialize(resultsJSON)
        let notice = CanonicalJSON.serialize(
            UnitNotice(
                round: round, unit: "u-1", unitName: "Sở Một", roundTitle: "Vòng thử", year: 2025,
                answerBy: created,
                secretary: try SecretIdentity.generate(
                    id: "fuzz-thu-ky", name: "Fuzz", role: .secretary, isDemo: true, created: created,
                    using: DeterministicRandom(seed: "fuzz secretary")
                ).identity,
                cells: [
                    UnitNotice.Row(
                        code: "1.1.1", title: "Part 1", max: Points(integer: 1), selfScore: Points(integer: 1),
                        score: Points(units: 75, scale: 2), reason: "Thiếu minh chứng\ndòng 2"),
                    UnitNotice.Row(
                        code: "1.1.2", title: "Part 2", max: Points(integer: 2), selfScore: nil,
                        score: Points(integer: 2), reason: ""),
                ]
            ).json)
        let explanation = CanonicalJSON.serialize(
            UnitExplanation(
                round: round, unit: "u-1", notice: Array(repeating: 7, count: 32), revision: 1,
                answers: [
                    UnitExplanation.Answer(code: "1.1.1", agree: false, text: "Đã ban hành đúng hạn\ndòng 2"),
                    UnitExplanation.Answer(code: "1.1.2", agree: true, text: ""),
                ]
            ).json)
        let forwarded = CanonicalJSON.serialize(
            ForwardedExplanation(
                round: round, unit: "u-1", member: "tv-1", explanation: Array(repeating: 8, count: 32),
                items: [
                    ForwardedExplanation.Item(
                        code: "1.1.1", selfScore: Points(integer: 1), score: Points(units: 75, scale: 2),
                        reason: "Thiếu minh chứng", text: "Đã ban hành đúng hạn\ndòng 2",
                        attachments: [.init(fileHash: Array(repeating: 9, count: 32), name: "kế hoạch.pdf", size: 12)]),
                    ForwardedExplanation.Item(
                        code: "1.1.2", selfScore: nil, score: Points(integer: 2), reason: "", text: "Có báo cáo"),
                ]
            ).json)
        let second = CanonicalJSON.serialize(
            SecondAppraisal(
                round: round, member: "tv-01", revision: 1,
                rows: [
                    SecondAppraisal.Row(
                        unit: "u-1", code: "1.1.1", decision: .keep, explanation: Array(repeating: 9, count: 32),
                        score: Points(units: 75, scale: 2), reason: "Giữ nguyên\ndòng 2"),
                    SecondAppraisal.Row(
                        unit: "u-1", code: "1.1.2", decision: .change, explanation: nil, score: Points(integer: 2),
                        reason: "Ngoại lệ"),
                ]
            ).json)
        let holders = try (1...3).map { i in
            try SecretIdentity.generate(
                id: "holder-\(i)", name: "Holder \(i)", role: .holder, isDemo: true, created: created,
                using: DeterministicRandom(seed: "fuzz-holder-\(i)"))
        }
        let secretary = try SecretIdentity.generate(
            id: "thu-ky", name: "Thư ký", role: .secretary, isDemo: true, created: created,
            using: DeterministicRandom(seed: "fuzz-secretary"))
        let ceremony = try Ceremony.hold(
            holders: holders, threshold: 2, secretary: secretary.identity, created: created, using: random)
        let policy = ReleasePolicy(ceremony)
        let policyJSON = CanonicalJSON.serialize(policy.json)
        let locked = try SealedEnvelope(
            parsing: try SealedEnvelope.seal(
                CanonicalJSON.serialize(resultsJSON), kind: .lockedResults, round: round, context: [:],
                sender: secretary, to: .joint(policy.jointKey), created: created, using: random),
            expecting: .lockedResults, file: "results.avl")
        let approvals = try holders.prefix(2).map { holder in
            try Approval.create(
                policy: policy, roundHash: round, manifestHash: [UInt8](repeating: 5, count: 32),
                resultsHash: locked.fileHash, ephemeral: try ReleaseToken.binding(of: locked).ephemeral,
                decision: "Quyết định số 1/QĐ-UBND", holder: holder, created: created, using: random)
        }
        let token = try ReleaseToken.combine(
            approvals.map { ($0, "a") }, policy: policy, roundHash: round,
            manifestHash: [UInt8](repeating: 5, count: 32), results: locked, created: created
        ).bytes

        func seal(_ content: [UInt8], _ kind: ArtifactKind) throws -> [UInt8] {
            try SealedEnvelope.seal(
                content, kind: kind, round: round, context: ["member": .string("fuzz"), "revision": .int(1)],
                sender: me,
                recipient: me.identity.encryptionKey, created: created, using: random)
        }
        let pub = try me.publicFile()
        var entries = [RoundJournal.Entry]()
        var journals = [[UInt8]]()
        for (event, details) in [
            ("round-init", [String: JSONValue]()), ("receive", ["member": .string("tv-01"), "revision": .int(1)]),
        ] {
            entries.append(
                RoundJournal.Entry(
                    sequence: entries.count + 1, at: created, event: event, details: details,
                    previous: entries.last?.hash ?? [UInt8](repeating: 0, count: 32)))
            let header = JSONValue.object([
                "entries": .array(entries.map(\.json)), "head": .hex(entries.last!.hash), "round": .hex(round),
            ])
            journals.append(try SignedDocument.encode(kind: .journalHead, header: header, signer: me.signingKey))
        }
        // A receipt of an evidence entry and a holder's checkpoint of the journal (spec §11.3, §11.4).
        let evidenceEntry = RoundJournal.Entry(
            sequence: 3, at: created, event: "receive-evidence",
            details: [
                "fileHash": .hex([UInt8](repeating: 5, count: 32)), "index": .int(1), "member": .string("tv-01"),
                "revision": .int(1), "size": .int(10),
            ], previous: entries[1].hash)
        let receipts = try [evidenceEntry].compactMap { try Receipt.encode(for: $0, round: round, secretary: me) }
        let checkpoint = try SignedDocument.encode(
            kind: .checkpoint,
            header: .object([
                "created": .string(created), "entries": .int(2), "head": .hex(entries[1].hash),
                "holder": .string(me.identity.id), "holderSigningKey": .hex(me.signingKey.publicKey.rawRepresentation),
                "round": .hex(round),
            ]), signer: me.signingKey)
        let signedManifest = try SignedDocument.encode(
            kind: .manifest, header: try CanonicalJSON.parse(manifest), signer: me.signingKey)

        return [
            "FuzzCanonicalJSON": [
                Array(#"{"a":[1,-2,true,false,null],"b":"x\"\\\n\u001f","c":{}}"#.utf8), Array("[]".utf8),
                Array(#""Nguyễn""#.utf8), Array("-9223372036854775808".utf8), submission, manifest,
            ],
            "FuzzContainer": [pub, signedManifest, journals[1], try seal(submission, .submission)],
            "FuzzPublicIdentity": [pub],
            "FuzzKeyFile": [],
            "FuzzEnvelope": [
                try seal(submission, .submission), try seal([], .submission),
                try SealedEnvelope.seal(
                    results, kind: .lockedResults, round: round, context: [:], sender: me,
                    to: .joint(FuzzChecks.locked.jointKey), created: created, using: random),
                try seal(Array("evidence".utf8), .evidence),
                try seal(survey, .survey),
                try seal(notice, .notice),
                try seal(explanation, .explanation),
                try seal(forwarded, .forwardedExplanation),
                try seal(second, .secondAppraisal),
            ],
            "FuzzSubmission": [submission, emptySubmission],
            "FuzzSubmissionFast": [submission, emptySubmission, escapedSubmission],
            "FuzzNotice": [notice],
            "FuzzExplanation": [explanation],
            "FuzzForwardedExplanation": [forwarded],
            "FuzzSecondAppraisal": [second],
            "FuzzSurvey": [survey, CanonicalJSON.serialize(SurveyScores(revision: 1, round: round, scores: [:]).json)],
            "FuzzManifest": [manifest],
            "FuzzResults": [results],
            "FuzzJournal": journals,
            "FuzzReceipt": receipts,
            "FuzzCheckpoint": [checkpoint],
            "FuzzReleasePolicy": [policyJSON],
            "FuzzCeremony": [ceremony.plan.bytes] + ceremony.dealings.map(\.bytes) + ceremony.acks.map(\.bytes),
            "FuzzApproval": approvals + [token],
            "FuzzXLSX": [ZipArchive.write(xlsxParts), ZipArchive.write(Array(xlsxParts.prefix(2)))] + hostileZips,
            "FuzzCSV": [
                Array(frameworkCSV.utf8), Array("id;name\r\na;\"b;\"\"c\"\"\r\nd\"\r\n".utf8),
                CSV.bom + Array("a,b\n\n1,2".utf8), Array("\"\"\n".utf8),
            ],
            "FuzzPoints": ["0", "0.25", "-1,5", " 12\t", "123456789012.123456", "-0.000001", "7.50"].map {
                Array($0.utf8)
            },
            "FuzzFramework": [Array(frameworkCSV.utf8), Array(frameworkJSON.utf8)],
            "FuzzRoundInputs": [
                [0] + Array("id,name\nso-nganh,Sở\nxa,Xã\n".utf8),
                [1] + Array("id,name,group\nu-1,Sở Một,so-nganh\nu-2,\"Huyện, Hai\",huyen\n".utf8),
                [2] + Array("group,label,min_percent\n*,Tốt,80\n*,Khá,0\nhuyen,Đạt,0\n".utf8),
                [3] + Array("unit,code,score,note\nu-1,1.1.1,\"0,75\",\nu-2,1.1.1,1,ghi chú\n".utf8),
                // An empty score: not self-assessed (spec §3.5).
                [3] + Array("unit,code,score,note\nu-1,1.1.1,,chưa có hồ sơ\nu-2,1.1.1,1,\n".utf8),
            ],
        ]
    }

    /// A minimal framework in the JSON shape of `samples/framework-so-nganh.json`.
    static let frameworkJSON = """
        {"id": "fz", "title": "Fuzz", "year": 2026, "maxTotal": 2.0, "fields": [{"code": "1", "title": "A", "maxPoints": 2,
          "criteria": [{"code": "1.1", "title": "A1", "maxPoints": "2", "step": "0,5", "subCriteria": [
            {"code": "1.1.1", "title": "P1", "maxPoints": 1.5, "method": "self"},
            {"code": "1.1.2", "title": "P2", "maxPoints": 0.5, "method": "council", "step": 0.25}]}]}],
         "bonus": [{"code": "T1", "title": "B1", "maxPoints": 2, "step": "0,5"}],
         "penalty": [{"code": "TR1", "title": "P1", "maxPoints": "1"}]}
        """

    /// A merge manifest header with two submissions.
    static var manifestJSON: JSONValue {
        .object([
            "allowIncomplete": .bool(true),
            "coverage": .object([
                "appraisable": .int(10), "appraised": .int(8), "conflicts": .int(1), "gaps": .int(1),
                "missingMembers": .array([.string("tv-03")]),
            ]),
            "created": .string(created), "journalHead": .hex([UInt8](repeating: 4, count: 32)),
            "results": .hex([UInt8](repeating: 3, count: 32)), "round": .hex(round),
            "submissions": .array([
                .object([
                    "fileHash": .hex([UInt8](repeating: 1, count: 32)), "member": .string("tv-01"), "revision": .int(2),
                ]),
                .object([
                    "fileHash": .hex([UInt8](repeating: 2, count: 32)), "member": .string("tv-02"), "revision": .int(1),
                ]),
            ]),
            "surveyAvailable": .bool(false),
            // The explanation round's inputs (spec §12.7).
            "explanations": .array([
                .object([
                    "fileHash": .hex([UInt8](repeating: 6, count: 32)), "revision": .int(1), "unit": .string("u-1"),
                ])
            ]),
            "second": .array([
                .object([
                    "fileHash": .hex([UInt8](repeating: 7, count: 32)), "member": .string("tv-01"), "revision": .int(1),
                ])
            ]),
            "exceptions": .array([.object(["code": .string("1.1.2"), "unit": .string("u-2")])]),
        ])
    }

    /// Results for two units, as the locked-results plaintext.
    static var resultsJSON: JSONValue {
        func subtotal(_ code: String) -> JSONValue {
            .object(["appraised": .string("1.5"), "code": .string(code), "max": .string("2"), "self": .string("1")])
        }
        func unit(_ id: String, rank: Int) -> JSONValue {
            .object([
                "appraised": .string("1.5"),
                "cells": .array([
                    .object([
                        "appraised": .string("0.75"), "appraiser": .string("tv-01"), "code": .string("1.1.1"),
                        "max": .string("1"), "method": .string("self"), "reason": .string("a\nb"), "self": .string("1"),
                    ]),
                    .object([
                        "appraised": .null, "appraiser": .string(""), "code": .string("1.1.3"), "max": .string("0.5"),
                        "method": .string("survey"), "reason": .string(""), "self": .null,
                    ]),
                    .object([
                        "appraised": .string("0.5"), "appraiser": .string("tv-01"), "code": .string("T1"),
                        "max": .string("1"), "method": .string("bonus"), "reason": .string("sáng kiến"),
                        "self": .null,
                    ]),
                ]),
                "bonus": .string("0.5"), "final": .string("2"), "penalty": .string("0"),
                "criteria": .array([subtotal("1.1")]), "fields": .array([subtotal("1")]), "group": .string("so-nganh"),
                "label": .string("Tốt"), "max": .string("2"), "percent": .string("100"), "rank": .int(rank),
                "self": .string("1"), "unit": .string(id),
            ])
        }
        let history = JSONValue.object([
            "code": .string("1.1.1"),
            "explanation": .object([
                "attachments": .array([.string("cong-van.pdf")]), "fileHash": .hex([UInt8](repeating: 6, count: 32)),
                "forwarded": .hex([UInt8](repeating: 8, count: 32)), "text": .string("Đã ban hành đúng hạn\ndòng 2"),
            ]),
            "final": .object([
                "decision": .string("change"), "file": .hex([UInt8](repeating: 7, count: 32)),
                "reason": .string("Chấp nhận giải trình"), "score": .string("0.75"),
            ]),
            "member": .string("tv-01"), "preliminary": .object(["reason": .string("a\nb"), "score": .string("0.5")]),
            "unit": .string("u-1"),
        ])
        return .object([
            "explanations": .array([]), "history": .array([history]), "second": .array([]),
            "round": .hex(round), "submissions": .array([]), "survey": .null, "surveyAvailable": .bool(false),
            "units": .array([unit("u-1", rank: 1), unit("u-2", rank: 1)]),
        ])
    }
}
