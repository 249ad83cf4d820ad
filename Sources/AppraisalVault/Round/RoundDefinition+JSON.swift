// The round definition header as canonical JSON (docs/spec/03-round.md §3.2), both ways.

extension RoundDefinition {
    // MARK: - Encoding

    /// The header object for a new round.
    static func header(
        roundID: [UInt8], setup: RoundSetup, created: String, secretary: PublicIdentity, release: ReleasePolicy
    ) -> JSONValue {
        var selfRows = [JSONValue]()
        for unit in setup.units {
            let selfCodes = (setup.plan.framework(unit: unit.id)?.subCriteria ?? []).filter {
                $0.method == .selfAssessed
            }.map(\.code)
            for code in selfCodes {
                let entry = setup.selfAssessment.entry(unit: unit.id, code: code)!
                selfRows.append(
                    .object([
                        "code": .string(code), "note": .string(entry.note),
                        "score": entry.score.map { .string($0.description) } ?? .null,
                        "unit": .string(unit.id),
                    ]))
            }
        }
        var fields: [String: JSONValue] = [
            "created": .string(created),
            "deadline": .string(setup.deadline),
            "demo": .bool(setup.isDemo),
            "document": setup.document.json,
            "groups": .array(setup.groups.map { .object(["id": .string($0.id), "name": .string($0.name)]) }),
            "indexAbove100": .bool(setup.indexAbove100),
            "labels": .array(
                setup.groups.map { g in
                    .object([
                        "group": .string(g.id),
                        "thresholds": .array(
                            (setup.labels.groups[g.id] ?? []).map {
                                .object(["label": .string($0.label), "minimum": .string($0.minimum.description)])
                            }),
                    ])
                }),
            "members": .array(
                setup.members.map { m in
                    .object([
                        "codes": .array(m.codes.map(JSONValue.string)), "identity": m.identity.json,
                        "ownUnits": .array(m.ownUnits.map(JSONValue.string)),
                        "units": .array(m.units.map(JSONValue.string)),
                    ])
                }),
            "references": .array(setup.references.map(JSONValue.string)),
            "release": release.json,
            "round": .hex(roundID),
            "secretary": secretary.json,
            "selfAssessment": .array(selfRows),
            "sets": .array(
                setup.sets.map { set in
                    .object([
                        "framework": frameworkJSON(set.framework), "groups": .array(set.groups.map(JSONValue.string)),
                        "id": .string(set.id),
                    ])
                }),
            "title": .string(setup.title),
            "units": .array(
                setup.units.map {
                    .object(["group": .string($0.group), "id": .string($0.id), "name": .string($0.name)])
                }),
            "year": .int(setup.year),
        ]
        // §12.1: present exactly when some unit has a key, never `[]`.
        if !setup.unitKeys.isEmpty { fields["unitKeys"] = .array(setup.unitKeys.map(\.json)) }
        return .object(fields)
    }

    static func frameworkJSON(_ f: Framework) -> JSONValue {
        func node(_ code: String, _ title: String, _ max: Points, _ step: Points) -> [String: JSONValue] {
            [
                "code": .string(code), "title": .string(title), "max": .string(max.description),
                "step": .string(step.description),
            ]
        }
        func items(_ list: [Framework.SubCriterion]) -> JSONValue {
            .array(list.map { .object(node($0.code, $0.title, $0.max, $0.step)) })
        }
        return .object([
            "bonus": items(f.bonus), "penalty": items(f.penalty),
            "id": .string(f.id), "title": .string(f.title), "total": .string(f.total.description),
            "fields": .array(
                f.fields.map { field in
                    var o = node(field.code, field.title, field.max, field.step)
                    o["criteria"] = .array(
                        field.criteria.map { c in
                            var co = node(c.code, c.title, c.max, c.step)
                            co["subCriteria"] = .array(
                                c.subCriteria.map { s in
                                    var so = node(s.code, s.title, s.max, s.step)
                                    so["method"] = .string(s.method.rawValue)
                                    return .object(so)
                                })
                            return .object(co)
                        })
                    return .object(o)
                }),
        ])
    }

    // MARK: - Decoding

    /// Reads the header strictly and re-runs every validation rule of the inputs.
    ///
    /// With `selfAssessmentBytes`, the header's `selfAssessment` stands as `[]` and its entries
    /// are read from those bytes by ``SelfAssessmentFastReader``; it fails when that reader
    /// returns nil (then the caller reads the file strictly).
    init(
        header: JSONValue, fileHash: [UInt8], selfAssessmentBytes: (bytes: [UInt8], range: Range<Int>)? = nil
    ) throws(FieldReader.Failure) {
        var r = try FieldReader(header)
        let roundID = try r.hex("round", length: ReleasePolicy.roundIDLength)
        let title = try r.string("title", maxBytes: 500)
        let year = Int(try r.integer("year", in: 2000...2100))
        var references = [String]()
        for (i, v) in try r.array("references", maxCount: 100).enumerated() {
            references.append(try Self.text(v, path: "references[\(i)]", maxBytes: 500))
        }
        let isDemo = try r.bool("demo")
        let document = try RoundDocument(json: try r.value("document"), path: "document")
        let deadline = try r.string("deadline", maxBytes: 10)
        guard RoundDocument.isValidDeadline(deadline) else {
            throw FieldReader.Failure(path: "deadline", reason: "expected \"\" or a date YYYY-MM-DD")
        }
        let indexAbove100 = try r.bool("indexAbove100")
        let created = try r.timestamp("created")
        let secretary = try PublicIdentity(json: try r.value("secretary"), path: "secretary")
        guard secretary.role == .secretary else {
            throw FieldReader.Failure(path: "secretary.role", reason: "expected secretary")
        }
        guard RoundSetup.isValidText(title, maxBytes: 500) else {
            throw FieldReader.Failure(path: "title", reason: "not valid text")
        }

        var setItems = [(id: String, groups: [String], framework: Framework)]()
        for (i, v) in try r.array("sets", maxCount: 100).enumerated() {
            var c = try FieldReader(v, path: "sets[\(i)]")
            let id = try c.string("id", maxBytes: 64)
            var setGroups = [String]()
            for g in try c.array("groups", maxCount: 1000) {
                guard case .string(let s) = g, !setGroups.contains(s) else {
                    throw FieldReader.Failure(path: "sets[\(i)].groups", reason: "expected distinct group ids")
                }
                setGroups.append(s)
            }
            let framework = try Self.readFramework(try c.value("framework"), path: "sets[\(i)].framework")
            try c.finish()
            guard Identifier.isValid(id), !setItems.contains(where: { $0.id == id }), !setGroups.isEmpty else {
                throw FieldReader.Failure(path: "sets[\(i)]", reason: "invalid or repeated set id, or no groups")
            }
            setItems.append((id, setGroups, framework))
        }
        guard !setItems.isEmpty else { throw FieldReader.Failure(path: "sets", reason: "no criteria set") }

        var groups = [UnitGroup]()
        for (i, v) in try r.array("groups", maxCount: 1000).enumerated() {
            var g = try FieldReader(v, path: "groups[\(i)]")
            let id = try g.string("id", maxBytes: 64)
            let name = try g.string("name", maxBytes: 200)
            try g.finish()
            guard Identifier.isValid(id), Identifier.isValidName(name), !groups.contains(where: { $0.id == id }) else {
                throw FieldReader.Failure(path: "groups[\(i)]", reason: "invalid or repeated group")
            }
            groups.append(UnitGroup(id: id, name: name))
        }
        var units = [AppraisedUnit]()
        var unitIDs = Set<String>()
        for (i, v) in try r.array("units", maxCount: 1 << 20).enumerated() {
            var u = try FieldReader(v, path: "units[\(i)]")
            let id = try u.string("id", maxBytes: 64)
            let name = try u.string("name", maxBytes: 200)
            let group = try u.string("group", maxBytes: 64)
            try u.finish()
            guard Identifier.isValid(id), Identifier.isValidName(name), groups.contains(where: { $0.id == group }),
                unitIDs.insert(id).inserted
            else {
                throw FieldReader.Failure(path: "units[\(i)]", reason: "invalid or repeated unit, or unknown group")
            }
            units.append(AppraisedUnit(id: id, name: name, group: group))
        }
        guard !units.isEmpty, Set(units.map(\.group)) == Set(groups.map(\.id)) else {
            throw FieldReader.Failure(path: "units", reason: "no units, or a group without units")
        }
        let setGroupList = setItems.flatMap(\.groups)
        guard setGroupList.count == groups.count, Set(setGroupList) == Set(groups.map(\.id)) else {
            throw FieldReader.Failure(path: "sets", reason: "every group must belong to exactly one set")
        }
        let sets = setItems.map { CriteriaSet(id: $0.id, groups: $0.groups, framework: $0.framework) }
        var frameworkOfGroup = [String: Framework]()
        for set in sets { for g in set.groups { frameworkOfGroup[g] = set.framework } }

        // Self-assessment: exactly unit order × the self sub-criteria of the unit's set, in
        // framework order.
        let selfSubsOfGroup = frameworkOfGroup.mapValues { $0.subCriteria.filter { $0.method == .selfAssessed } }
        let selfAssessment: SelfAssessment
        if let source = selfAssessmentBytes {
            guard try r.array("selfAssessment", maxCount: 0).isEmpty,
                let fast = SelfAssessmentFastReader.read(
                    source.bytes, range: source.range, units: units, selfSubsOfGroup: selfSubsOfGroup)
            else { throw FieldReader.Failure(path: "selfAssessment", reason: "not in the usual shape") }
            selfAssessment = fast
        } else {
            selfAssessment = try Self.readSelfAssessment(&r, units: units, selfSubsOfGroup: selfSubsOfGroup)
        }

        var members = [Member]()
        for (i, v) in try r.array("members", maxCount: 10_000).enumerated() {
            let path = "members[\(i)]"
            var m = try FieldReader(v, path: path)
            let identity = try PublicIdentity(json: try m.value("identity"), path: path + ".identity")
            var codes = [String]()
            var spellings = Set<String>()
            for c in try m.array("codes", maxCount: 10_000) {
                guard case .string(let s) = c, let (set, local) = Member.resolve(s, in: sets),
                    let subs = set.framework.subCriteria(under: local),
                    subs.contains(where: { $0.method.isAppraisable })
                else { throw FieldReader.Failure(path: path + ".codes", reason: "unknown or survey-only code") }
                guard spellings.insert(Member.normalized(set: set, code: local)).inserted else {
                    throw FieldReader.Failure(path: path + ".codes", reason: "repeated code")
                }
                codes.append(s)
            }
            var own = [String]()
            for c in try m.array("ownUnits", maxCount: 1000) {
                guard case .string(let s) = c, unitIDs.contains(s), !own.contains(s) else {
                    throw FieldReader.Failure(path: path + ".ownUnits", reason: "unknown or repeated unit")
                }
                own.append(s)
            }
            var scope = [String]()
            for c in try m.array("units", maxCount: 1 << 20) {
                guard case .string(let s) = c, unitIDs.contains(s) || groups.contains(where: { $0.id == s }) else {
                    throw FieldReader.Failure(path: path + ".units", reason: "unknown unit or group")
                }
                scope.append(s)
            }
            try m.finish()
            guard identity.role == .member, !codes.isEmpty,
                !members.contains(where: { $0.id == identity.id || $0.identity.signingKey == identity.signingKey })
            else { throw FieldReader.Failure(path: path, reason: "not a member, no codes, or repeated identity") }
            members.append(Member(identity: identity, codes: codes, units: scope, ownUnits: own))
        }
        var coverage = InputProblems()
        MembersInput.checkCoverage(members, sets: sets, units: units, file: "members", problems: &coverage)
        if let first = coverage.errors.first { throw FieldReader.Failure(path: "members", reason: first.description) }

        var labels = [String: [RankLabels.Threshold]]()
        let labelItems = try r.array("labels", maxCount: 1000)
        guard labelItems.count == groups.count else {
            throw FieldReader.Failure(path: "labels", reason: "one entry per group")
        }
        for (i, v) in labelItems.enumerated() {
            let path = "labels[\(i)]"
            var l = try FieldReader(v, path: path)
            let group = try l.string("group", maxBytes: 64)
            var list = [RankLabels.Threshold]()
            for (j, t) in try l.array("thresholds", maxCount: 100).enumerated() {
                var tr = try FieldReader(t, path: "\(path).thresholds[\(j)]")
                let label = try tr.string("label", maxBytes: 200)
                let minimum = try Self.points(&tr, "minimum", path: "\(path).thresholds[\(j)]")
                try tr.finish()
                guard Identifier.isValidName(label), !minimum.isNegative, minimum <= Points(integer: 100),
                    list.last.map({ $0.minimum > minimum }) ?? true
                else { throw FieldReader.Failure(path: "\(path).thresholds[\(j)]", reason: "invalid or out of order") }
                list.append(RankLabels.Threshold(label: label, minimum: minimum))
            }
            try l.finish()
            guard group == groups[i].id, list.last?.minimum == .zero else {
                throw FieldReader.Failure(
                    path: path, reason: "expected group \(groups[i].id) ending with a 0 threshold")
            }
            labels[group] = list
        }

        let release = try ReleasePolicy(json: try r.value("release"), path: "release")
        let unitKeys = try Self.readUnitKeys(&r, units: units)
        try r.finish()
        // §4.6: the ceremony was held for this round and this secretary.
        guard release.roundID == roundID else {
            throw FieldReader.Failure(path: "release.plan.round", reason: "the ceremony was held for another round id")
        }
        guard release.ceremony.plan.secretary == secretary else {
            throw FieldReader.Failure(path: "release.plan.secretary", reason: "the ceremony names another secretary")
        }

        let identities = [secretary] + members.map(\.identity) + release.holders.map(\.identity) + unitKeys
        if !isDemo, let demo = identities.first(where: { $0.isDemo || DemoKeys.contains($0) }) {
            throw FieldReader.Failure(
                path: "demo", reason: "demo identity \(demo.id) in a round that is not a demo round")
        }
        do { try RoundSetup.checkDistinctKeys(identities) } catch {
            throw FieldReader.Failure(
                path: "",
                reason:
                    "one key used by two identities (\(((error as? RoundError)?.context.arguments ?? []).joined(separator: ", ")))"
            )
        }

        self.roundID = roundID
        self.title = title
        self.year = year
        self.references = references
        self.isDemo = isDemo
        self.document = document
        self.deadline = deadline
        self.created = created
        self.secretary = secretary
        self.plan = RoundPlan(
            sets: sets, groups: groups, units: units, selfAssessment: selfAssessment,
            members: members, labels: RankLabels(groups: labels), unitKeys: unitKeys,
            indexAbove100: indexAbove100)
        self.release = release
        self.fileHash = fileHash
    }

    /// The `selfAssessment` array, strictly: exactly unit order × the self sub-criteria of the
    /// unit's set, in framework order.
    static func readSelfAssessment(
        _ r: inout FieldReader, units: [AppraisedUnit], selfSubsOfGroup: [String: [Framework.SubCriterion]]
    ) throws(FieldReader.Failure) -> SelfAssessment {
        let selfItems = try r.array("selfAssessment", maxCount: 1 << 24)
        let expected = units.reduce(0) { $0 + selfSubsOfGroup[$1.group]!.count }
        guard selfItems.count == expected else {
            throw FieldReader.Failure(path: "selfAssessment", reason: "expected \(expected) entries")
        }
        var entries = SelfAssessment.Builder(capacity: expected)
        var tableOfGroup = [String: Int]()
        var k = 0
        for unit in units {
            let subs = selfSubsOfGroup[unit.group]!
            var unitEntries = [SelfAssessment.Entry]()
            unitEntries.reserveCapacity(subs.count)
            for sub in subs {
                let path = "selfAssessment[\(k)]"
                var e = try FieldReader(selfItems[k], path: path)
                let u = try e.string("unit", maxBytes: 64)
                let code = try e.string("code", maxBytes: 16)
                // `null`: the unit did not self-assess the sub-criterion (spec §3.5).
                let score: Points? =
                    if case .null = try e.value("score") { nil } else { try Self.points(&e, "score", path: path) }
                let note = try e.string("note", maxBytes: 2000, singleLine: false)
                try e.finish()
                guard u == unit.id, code == sub.code else {
                    throw FieldReader.Failure(path: path, reason: "expected \(unit.id)/\(sub.code)")
                }
                guard score.map(sub.accepts) ?? true else {
                    throw FieldReader.Failure(path: path + ".score", reason: "outside 0–max or off step")
                }
                guard Text.isNFC(note) else { throw FieldReader.Failure(path: path + ".note", reason: "not NFC") }
                unitEntries.append(SelfAssessment.Entry(score: score, note: note))
                k += 1
            }
            if tableOfGroup[unit.group] == nil { tableOfGroup[unit.group] = entries.table(for: subs.map(\.code)) }
            entries.append(unit: unit.id, table: tableOfGroup[unit.group]!, entries: unitEntries)
        }
        return entries.build()
    }

    /// The optional `unitKeys` (spec §12.1 U1, U2): identities of role `unit`, each the id of a
    /// unit, in unit order, never `[]`. U3 and U4 are checked with every other identity.
    static func readUnitKeys(_ r: inout FieldReader, units: [AppraisedUnit]) throws(FieldReader.Failure)
        -> [PublicIdentity]
    {
        guard r.has("unitKeys") else { return [] }
        let items = try r.array("unitKeys", maxCount: 1 << 20)
        guard !items.isEmpty else { throw FieldReader.Failure(path: "unitKeys", reason: "empty; omit the field") }
        let index = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1.id, $0) })
        var keys = [PublicIdentity]()
        var last = -1
        for (i, v) in items.enumerated() {
            let path = "unitKeys[\(i)]"
            let identity = try PublicIdentity(json: v, path: path)
            guard identity.role == .unit else {
                throw FieldReader.Failure(path: path + ".role", reason: "expected unit")
            }
            guard let k = index[identity.id], k > last else {
                throw FieldReader.Failure(
                    path: path + ".id", reason: "not a unit of the round, repeated or out of order")
            }
            last = k
            keys.append(identity)
        }
        return keys
    }

    static func text(_ v: JSONValue, path: String, maxBytes: Int) throws(FieldReader.Failure) -> String {
        guard case .string(let s) = v, RoundSetup.isValidText(s, maxBytes: maxBytes) else {
            throw FieldReader.Failure(path: path, reason: "expected one line of NFC text")
        }
        return s
    }

    static func points(_ r: inout FieldReader, _ key: String, path: String) throws(FieldReader.Failure) -> Points {
        let s = try r.string(key, maxBytes: 32)
        guard let p = Points(canonical: s) else {
            throw FieldReader.Failure(path: "\(path).\(key)", reason: "not a canonical decimal string")
        }
        return p
    }

    static func readFramework(_ value: JSONValue, path base: String) throws(FieldReader.Failure) -> Framework {
        var r = try FieldReader(value, path: base)
        let id = try r.string("id", maxBytes: FrameworkInput.maxIDBytes)
        let title = try r.string("title", maxBytes: FrameworkInput.maxTitleBytes)
        let total = try points(&r, "total", path: base)
        var rows = [FrameworkInput.Row]()
        func row(_ v: JSONValue, path: String, level: Int, enclosing: String?) throws(FieldReader.Failure) {
            var n = try FieldReader(v, path: path)
            let code = try n.string("code", maxBytes: 16)
            let title = try n.string("title", maxBytes: 1000)
            let max = try points(&n, "max", path: path)
            let step = try points(&n, "step", path: path)
            var method: String?
            var children = [JSONValue]()
            let childKey = level == 1 ? "criteria" : "subCriteria"
            if level == 3 {
                method = try n.string("method", maxBytes: 16)
            } else {
                children = try n.array(childKey, maxCount: 10_000)
            }
            try n.finish()
            let at = InputLocation(file: path, line: 0, column: 0)
            rows.append(
                FrameworkInput.Row(
                    code: code, title: title, max: max, step: step, method: method, location: at,
                    enclosingCode: enclosing,
                    maxLocation: at))
            for (i, c) in children.enumerated() {
                try row(c, path: "\(path).\(childKey)[\(i)]", level: level + 1, enclosing: code)
            }
        }
        for (i, f) in try r.array("fields", maxCount: 10_000).enumerated() {
            try row(f, path: "\(base).fields[\(i)]", level: 1, enclosing: nil)
        }
        // Bonus and penalty items (§3.3 F6): `{"code", "max", "step", "title"}`.
        for method in ["bonus", "penalty"] {
            for (i, v) in try r.array(method, maxCount: FrameworkInput.maxExtraItems).enumerated() {
                let path = "\(base).\(method)[\(i)]"
                var n = try FieldReader(v, path: path)
                let code = try n.string("code", maxBytes: 16)
                let title = try n.string("title", maxBytes: 1000)
                let max = try points(&n, "max", path: path)
                let step = try points(&n, "step", path: path)
                try n.finish()
                let at = InputLocation(file: path, line: 0, column: 0)
                rows.append(
                    FrameworkInput.Row(
                        code: code, title: title, max: max, step: step, method: method, location: at,
                        enclosingCode: nil, maxLocation: at))
            }
        }
        try r.finish()
        guard Text.isNFC(id), Text.isNFC(title), !Text.hasControlCharacters(title) else {
            throw FieldReader.Failure(path: base + ".title", reason: "not NFC text")
        }
        var problems = InputProblems()
        let at = InputLocation(file: "framework", line: 0, column: 0)
        guard
            let f = FrameworkInput.build(
                id: id, title: title, total: total, totalAt: at, rows: rows, file: "framework", problems: &problems)
        else { throw FieldReader.Failure(path: base, reason: problems.errors.first?.description ?? "invalid") }
        return f
    }
}
