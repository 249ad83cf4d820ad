/// Canonical JSON form of ``Results`` (spec §6.4): the plaintext of the locked-results envelope.
extension Results {
    /// The canonical JSON value.
    public var json: JSONValue {
        func points(_ p: Points?) -> JSONValue { p.map { .string($0.description) } ?? .null }
        func subtotal(_ s: Subtotal) -> JSONValue {
            .object([
                "appraised": .string(s.appraisedTotal.description), "code": .string(s.code),
                "max": .string(s.max.description),
                "self": .string(s.selfTotal.description),
            ])
        }
        return .object([
            "explanations": explanationsJSON,
            "history": historyJSON,
            "second": secondJSON,
            "round": .hex(round),
            "submissions": .array(
                submissions.map { s in
                    .object([
                        "content": s.content, "fileHash": .hex(s.fileHash), "innerSignature": .hex(s.innerSignature),
                        "member": .string(s.member), "revision": .integer(Int64(s.revision)),
                    ])
                }),
            "survey": surveyJSON,
            "surveyAvailable": .bool(surveyAvailable),
            "units": .array(
                units.map { u in
                    .object([
                        "appraised": .string(u.appraisedTotal.description),
                        "bonus": .string(u.bonus.description), "final": .string(u.finalTotal.description),
                        "penalty": .string(u.penalty.description),
                        "cells": .array(
                            u.cells.map { c in
                                .object([
                                    "appraised": points(c.appraised), "appraiser": .string(c.appraiser),
                                    "code": .string(c.code),
                                    "max": .string(c.max.description), "method": .string(c.method.rawValue),
                                    "reason": .string(c.reason), "self": points(c.selfScore),
                                ])
                            }),
                        "criteria": .array(u.criteria.map(subtotal)),
                        "fields": .array(u.fields.map(subtotal)),
                        "group": .string(u.group),
                        "label": .string(u.label),
                        "max": .string(u.maxTotal.description),
                        "percent": .string(u.percent.description),
                        "rank": .integer(Int64(u.rank)),
                        "self": .string(u.selfTotal.description),
                        "unit": .string(u.unit),
                    ])
                }),
        ])
    }

    /// A signed file of the explanation round as the results carry it, its sender under `sender`.
    static func signedJSON(_ s: SignedFile, sender: String) -> JSONValue {
        .object([
            "content": s.content, "fileHash": .hex(s.fileHash), "innerSignature": .hex(s.innerSignature),
            sender: .string(s.sender), "revision": .integer(Int64(s.revision)),
        ])
    }

    /// The `explanations` member.
    var explanationsJSON: JSONValue { .array(explanations.map { Results.signedJSON($0, sender: "unit") }) }
    /// The `history` member.
    var historyJSON: JSONValue { .array(history.map(\.json)) }
    /// The `second` member.
    var secondJSON: JSONValue { .array(second.map { Results.signedJSON($0, sender: "member") }) }
    /// The `survey` member.
    var surveyJSON: JSONValue {
        survey.map { s in
            .object([
                "content": s.content, "fileHash": .hex(s.fileHash), "innerSignature": .hex(s.innerSignature),
                "revision": .integer(Int64(s.revision)),
            ])
        } ?? .null
    }

    /// Reads results strictly.
    public init(json: JSONValue) throws(FieldReader.Failure) {
        func points(_ r: inout FieldReader, _ key: String) throws(FieldReader.Failure) -> Points {
            let s = try r.string(key, maxBytes: 32)
            guard let p = Points(canonical: s) else {
                throw FieldReader.Failure(path: key, reason: "not a canonical decimal")
            }
            return p
        }
        func optionalPoints(_ r: inout FieldReader, _ key: String) throws(FieldReader.Failure) -> Points? {
            if case .null = try r.value(key) { return nil }
            guard case .string(let s) = try r.value(key), let p = Points(canonical: s) else {
                throw FieldReader.Failure(path: key, reason: "not a canonical decimal or null")
            }
            return p
        }
        func subtotals(_ items: [JSONValue], _ path: String) throws(FieldReader.Failure) -> [Subtotal] {
            var out = [Subtotal]()
            for (i, item) in items.enumerated() {
                var r = try FieldReader(item, path: "\(path)[\(i)]")
                let s = Subtotal(
                    code: try r.string("code", maxBytes: 32), selfTotal: try points(&r, "self"),
                    appraisedTotal: try points(&r, "appraised"), max: try points(&r, "max"))
                try r.finish()
                out.append(s)
            }
            return out
        }
        var r = try FieldReader(json)
        round = try r.hex("round", length: 32)
        var signed = [SignedSubmission]()
        for (i, item) in try r.array("submissions", maxCount: 100_000).enumerated() {
            var s = try FieldReader(item, path: "submissions[\(i)]")
            let content = try s.value("content")
            guard case .object = content else {
                throw FieldReader.Failure(path: "submissions[\(i)].content", reason: "expected an object")
            }
            let entry = SignedSubmission(
                member: try s.string("member", maxBytes: 64),
                revision: Int(try s.integer("revision", in: 1...1_000_000)),
                fileHash: try s.hex("fileHash", length: 32), content: content,
                innerSignature: try s.hex("innerSignature", length: 64))
            try s.finish()
            guard Identifier.isValid(entry.member), entry.member > (signed.last?.member ?? "") else {
                throw FieldReader.Failure(
                    path: "submissions[\(i)].member", reason: "not an identifier in increasing order")
            }
            signed.append(entry)
        }
        submissions = signed
        if case .null = try r.value("survey") {
            survey = nil
        } else {
            var s = try r.object("survey")
            let content = try s.value("content")
            guard case .object = content else {
                throw FieldReader.Failure(path: "survey.content", reason: "expected an object")
            }
            survey = SignedSurvey(
                revision: Int(try s.integer("revision", in: 1...1_000_000)),
                fileHash: try s.hex("fileHash", length: 32),
                content: content, innerSignature: try s.hex("innerSignature", length: 64))
            try s.finish()
        }
        explanations = try Self.signedFiles(try r.array("explanations", maxCount: 1_048_576), "explanations", "unit")
        second = try Self.signedFiles(try r.array("second", maxCount: 100_000), "second", "member")
        var history = [History]()
        for (i, item) in try r.array("history", maxCount: 10_000_000).enumerated() {
            history.append(try History(json: item, path: "history[\(i)]"))
        }
        self.history = history
        surveyAvailable = try r.bool("surveyAvailable")
        guard surveyAvailable == (survey != nil) else {
            throw FieldReader.Failure(path: "surveyAvailable", reason: "true exactly when survey is not null")
        }
        var units = [UnitResult]()
        for (i, item) in try r.array("units").enumerated() {
            var u = try FieldReader(item, path: "units[\(i)]")
            var cells = [CellResult]()
            for (j, cellItem) in try u.array("cells").enumerated() {
                var c = try FieldReader(cellItem, path: "units[\(i)].cells[\(j)]")
                let methodText = try c.string("method", maxBytes: 16)
                guard let method = ScoringMethod(rawValue: methodText) else {
                    throw FieldReader.Failure(path: "method", reason: "unknown method")
                }
                cells.append(
                    CellResult(
                        code: try c.string("code", maxBytes: 32), method: method, max: try points(&c, "max"),
                        selfScore: try optionalPoints(&c, "self"), appraised: try optionalPoints(&c, "appraised"),
                        reason: try c.string("reason", maxBytes: SubmissionContent.maxReasonBytes, singleLine: false),
                        appraiser: try c.string("appraiser", maxBytes: 64)))
                try c.finish()
            }
            let unit = UnitResult(
                unit: try u.string("unit", maxBytes: 64), group: try u.string("group", maxBytes: 64), cells: cells,
                criteria: try subtotals(try u.array("criteria"), "criteria"),
                fields: try subtotals(try u.array("fields"), "fields"),
                selfTotal: try points(&u, "self"), appraisedTotal: try points(&u, "appraised"),
                bonus: try points(&u, "bonus"), penalty: try points(&u, "penalty"),
                finalTotal: try points(&u, "final"), maxTotal: try points(&u, "max"),
                percent: try points(&u, "percent"), rank: Int(try u.integer("rank", in: 1...1_000_000)),
                label: try u.string("label", maxBytes: 200))
            try u.finish()
            units.append(unit)
        }
        try r.finish()
        self.units = units
    }

    /// Reads `explanations` or `second`: signed files in strictly increasing sender order.
    private static func signedFiles(_ items: [JSONValue], _ path: String, _ senderKey: String)
        throws(FieldReader.Failure) -> [SignedFile]
    {
        var out = [SignedFile]()
        for (i, item) in items.enumerated() {
            var s = try FieldReader(item, path: "\(path)[\(i)]")
            let content = try s.value("content")
            guard case .object = content else {
                throw FieldReader.Failure(path: "\(path)[\(i)].content", reason: "expected an object")
            }
            let entry = SignedFile(
                sender: try s.string(senderKey, maxBytes: 64),
                revision: Int(try s.integer("revision", in: 1...1_000_000)),
                fileHash: try s.hex("fileHash", length: 32), content: content,
                innerSignature: try s.hex("innerSignature", length: 64))
            try s.finish()
            guard Identifier.isValid(entry.sender), entry.sender > (out.last?.sender ?? "") else {
                throw FieldReader.Failure(
                    path: "\(path)[\(i)].\(senderKey)", reason: "not an identifier in increasing order")
            }
            out.append(entry)
        }
        return out
    }
}

extension Results.History {
    /// The canonical JSON value (spec §12.7).
    var json: JSONValue {
        .object([
            "code": .string(code),
            "explanation": explanation.map { e in
                .object([
                    "attachments": .array(e.attachments.map { .string($0) }), "fileHash": .hex(e.fileHash),
                    "forwarded": e.forwarded.map { .hex($0) } ?? .null, "text": .string(e.text),
                ])
            } ?? .null,
            "final": final.map { f in
                .object([
                    "decision": .string(f.kept ? "keep" : "change"), "file": .hex(f.file), "reason": .string(f.reason),
                    "score": .string(f.score.description),
                ])
            } ?? .null,
            "member": .string(member),
            "preliminary": .object([
                "reason": .string(preliminaryReason), "score": .string(preliminaryScore.description),
            ]),
            "unit": .string(unit),
        ])
    }

    /// Reads one entry strictly.
    init(json: JSONValue, path: String) throws(FieldReader.Failure) {
        func points(_ r: inout FieldReader, _ key: String) throws(FieldReader.Failure) -> Points {
            guard let p = Points(canonical: try r.string(key, maxBytes: 32)) else {
                throw FieldReader.Failure(path: key, reason: "not a canonical decimal")
            }
            return p
        }
        let reasonBytes = SubmissionContent.maxReasonBytes
        var r = try FieldReader(json, path: path)
        code = try r.string("code", maxBytes: 32)
        if case .null = try r.value("explanation") {
            explanation = nil
        } else {
            var e = try r.object("explanation")
            var names = [String]()
            for (i, name) in try e.array("attachments", maxCount: 999).enumerated() {
                guard case .string(let text) = name, !text.isEmpty, text.utf8.count <= 255 else {
                    throw FieldReader.Failure(path: "\(path).explanation.attachments[\(i)]", reason: "not a name")
                }
                names.append(text)
            }
            explanation = Explained(
                fileHash: try e.hex("fileHash", length: 32),
                forwarded: try e.value("forwarded") == .null ? nil : try e.hex("forwarded", length: 32),
                text: try e.string("text", maxBytes: UnitExplanation.maxTextBytes, singleLine: false),
                attachments: names)
            try e.finish()
        }
        if case .null = try r.value("final") {
            final = nil
        } else {
            var f = try r.object("final")
            let decision = try f.string("decision", maxBytes: 8)
            guard decision == "keep" || decision == "change" else {
                throw FieldReader.Failure(path: "\(path).final.decision", reason: "not keep or change")
            }
            final = Final(
                kept: decision == "keep", score: try points(&f, "score"),
                reason: try f.string("reason", maxBytes: reasonBytes, singleLine: false),
                file: try f.hex("file", length: 32))
            try f.finish()
        }
        member = try r.string("member", maxBytes: 64)
        var p = try r.object("preliminary")
        preliminaryReason = try p.string("reason", maxBytes: reasonBytes, singleLine: false)
        preliminaryScore = try points(&p, "score")
        try p.finish()
        unit = try r.string("unit", maxBytes: 64)
        try r.finish()
        guard Identifier.isValid(member), Identifier.isValid(unit) else {
            throw FieldReader.Failure(path: path, reason: "member or unit not an identifier")
        }
    }
}
