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
            "round": .hex(round),
            "submissions": .array(
                submissions.map { s in
                    .object([
                        "content": s.content, "fileHash": .hex(s.fileHash), "innerSignature": .hex(s.innerSignature),
                        "member": .string(s.member), "revision": .integer(Int64(s.revision)),
                    ])
                }),
            "survey": survey.map { s in
                .object([
                    "content": s.content, "fileHash": .hex(s.fileHash), "innerSignature": .hex(s.innerSignature),
                    "revision": .integer(Int64(s.revision)),
                ])
            } ?? .null,
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
}
