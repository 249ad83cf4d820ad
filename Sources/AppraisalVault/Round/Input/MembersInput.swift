internal import VaultCrypto

/// Reads the members and their assignments (`id,public_key_file,codes[,units]`).
///
/// - `public_key_file` is a `.pub` file, relative to the CSV's folder unless absolute; it must
///   verify, carry the same id, and have role `member`; no identity may appear twice.
/// - `codes` lists framework codes separated by spaces or `;` (a field or criterion code assigns
///   every appraisable sub-criterion under it); each must exist and cover at least one
///   appraisable sub-criterion. With several criteria sets each code is `SET:CODE` (spec §3.4).
///   A member lists each code once, however spelt (`1` and `khung:1` in a one-set round).
/// - `units` (optional) lists unit or group ids the assignment is limited to; empty means all.
///
/// Coverage — every appraisable cell assigned to exactly one member — is checked by
/// ``checkCoverage(_:sets:units:file:problems:)``.
public enum MembersInput {
    /// Loads and validates the members file of a one-set round.
    public static func load(
        _ path: String, framework: Framework, units: [AppraisedUnit], groups: [UnitGroup], problems: inout InputProblems
    ) -> [Member]? {
        let set = CriteriaSet(id: CriteriaSet.defaultID, groups: groups.map(\.id), framework: framework)
        return load(path, sets: [set], units: units, groups: groups, problems: &problems)
    }

    /// Loads and validates the members file.
    public static func load(
        _ path: String, sets: [CriteriaSet], units: [AppraisedUnit], groups: [UnitGroup],
        problems: inout InputProblems
    ) -> [Member]? {
        guard
            let (table, col) = CSV.load(
                path, required: ["id", "public_key_file", "codes"], optional: ["units", "own_units"],
                problems: &problems)
        else { return nil }
        let before = problems.errors.count
        let folder = FileIO.split(path).directory
        let scopeIDs = Set(units.map(\.id) + groups.map(\.id))
        var members = [Member]()
        var idLines = [String: Int]()
        var keyLines = [[UInt8]: Int]()
        for r in table.records {
            let id = r[col["id"]!]
            let keyCell = r[col["public_key_file"]!]
            let codesCell = r[col["codes"]!]
            let idText = id.text.trimmingSpaces
            let here = InputLocation(id, in: path).context
            guard Identifier.isValid(idText) else {
                problems.add(InputError(.identityBadIDAt, here + [.text(id.text)]))
                continue
            }
            if let line = idLines[idText] {
                problems.add(InputError(.membersDuplicate, here + [.text(idText), .line(line)]))
                continue
            }
            idLines[idText] = r.line
            let keyText = keyCell.text.trimmingSpaces
            let keyPath = keyText.hasPrefix("/") || folder == "." ? keyText : FileIO.join(folder, keyText)
            let identity: PublicIdentity
            do {
                identity = try PublicIdentity.load(keyPath)
            } catch {
                problems.add(
                    InputError(.membersKeyUnusable, InputLocation(keyCell, in: path).context + [.file(keyPath)]))
                problems.add(error)
                continue
            }
            guard identity.id == idText else {
                problems.add(
                    InputError(
                        .membersIDMismatch,
                        InputLocation(keyCell, in: path).context + [
                            .file(keyPath), .member(identity.id), .text(idText),
                        ]))
                continue
            }
            guard identity.role == .member else {
                problems.add(
                    InputError(
                        .membersWrongRole,
                        InputLocation(keyCell, in: path).context + [.file(keyPath), .text(identity.role.rawValue)]))
                continue
            }
            if let line = keyLines[identity.signingKey.rawRepresentation] {
                problems.add(
                    InputError(
                        .membersDuplicateKey, InputLocation(keyCell, in: path).context + [.file(keyPath), .line(line)]))
                continue
            }
            keyLines[identity.signingKey.rawRepresentation] = r.line
            let codes = CSV.items(codesCell.text)
            let codesAt = InputLocation(codesCell, in: path).context
            var ok = true
            if codes.isEmpty {
                problems.add(InputError(.membersNoCodes, codesAt + [.text(idText)]))
                ok = false
            }
            var spellings = [String: String]()
            for code in codes {
                guard let (set, local) = Member.resolve(code, in: sets) else {
                    let error: InputErrorCode = code.contains(":") ? .membersUnknownCode : .membersUnqualifiedCode
                    problems.add(
                        InputError(error, codesAt + [.text(code)] + (code.contains(":") ? [] : [.text(sets[0].id)])))
                    ok = false
                    continue
                }
                // One code, however spelt (`1` and `khung:1` in a one-set round), is listed once.
                if let first = spellings[Member.normalized(set: set, code: local)] {
                    problems.add(
                        InputError(.membersDuplicateCode, codesAt + [.member(idText), .text(code), .text(first)]))
                    ok = false
                    continue
                }
                spellings[Member.normalized(set: set, code: local)] = code
                guard let subs = set.framework.subCriteria(under: local) else {
                    problems.add(InputError(.membersUnknownCode, codesAt + [.text(code)]))
                    ok = false
                    continue
                }
                if !subs.contains(where: { $0.method.isAppraisable }) {
                    problems.add(InputError(.membersSurveyCode, codesAt + [.text(code)]))
                    ok = false
                }
            }
            var scope = [String]()
            if let u = col["units"] {
                scope = CSV.items(r[u].text)
                for item in scope where !scopeIDs.contains(item) {
                    problems.add(InputError(.membersUnknownUnit, InputLocation(r[u], in: path).context + [.text(item)]))
                    ok = false
                }
            }
            var own = [String]()
            if let o = col["own_units"] {
                own = CSV.items(r[o].text)
                for item in own where !units.contains(where: { $0.id == item }) {
                    problems.add(InputError(.membersUnknownUnit, InputLocation(r[o], in: path).context + [.text(item)]))
                    ok = false
                }
            }
            if ok { members.append(Member(identity: identity, codes: codes, units: scope, ownUnits: own)) }
        }
        if members.isEmpty && problems.errors.count == before {
            problems.add(InputError(.membersNone, [.file(path)]))
        }
        guard problems.errors.count == before else { return nil }
        checkCoverage(members, sets: sets, units: units, file: path, problems: &problems)
        return problems.errors.count == before ? members : nil
    }

    /// Checks that every appraisable cell (unit × `self`/`council` sub-criterion) is assigned to
    /// exactly one member; reports overlaps and gaps, listing the cells (summarised when many).
    ///
    /// Cells are per set: each unit's are the appraisable sub-criteria of its group's set.
    public static func checkCoverage(
        _ members: [Member], sets: [CriteriaSet], units: [AppraisedUnit], file: String,
        problems: inout InputProblems
    ) {
        // How many members appraise each cell (every round load checks this: counts, not lists;
        // the owners of an overlap are listed again below, only when there is one), one count
        // per cell in unit order, then the set's appraisable sub-criteria.
        var unitIndex = [String: Int](minimumCapacity: units.count)
        var setOfUnit = [Int](repeating: -1, count: units.count)
        var base = [Int](repeating: 0, count: units.count)
        var codesOfSet = [[String]?](repeating: nil, count: sets.count)
        var positionsOfSet = [[String: Int]](repeating: [:], count: sets.count)
        var count = 0
        for (i, u) in units.enumerated() {
            // Unit ids and a set's codes are unique wherever a round is read; a repeat shares its
            // cells, which the count per cell below would not.
            guard unitIndex.updateValue(i, forKey: u.id) == nil else {
                return checkCoverageByCell(members, sets: sets, units: units, file: file, problems: &problems)
            }
            base[i] = count
            guard let s = sets.firstIndex(where: { $0.groups.contains(u.group) }) else { continue }
            if codesOfSet[s] == nil {
                let codes = sets[s].framework.appraisableSubCriteria.map(\.code)
                codesOfSet[s] = codes
                for (p, code) in codes.enumerated() where positionsOfSet[s].updateValue(p, forKey: code) != nil {
                    return checkCoverageByCell(members, sets: sets, units: units, file: file, problems: &problems)
                }
            }
            setOfUnit[i] = s
            count += codesOfSet[s]!.count
        }
        var owners = [Int32](repeating: 0, count: count)
        // A member's cells come unit after unit, each unit of a set with the same codes in the
        // same order: the unit's index is looked up once per unit, and the k-th code of a unit
        // is compared with the k-th code of the set's previous unit before it is looked up (the
        // same answer as looking both up for every cell, with far fewer hash look-ups).
        var known = [[(code: String, position: Int)]](repeating: [], count: sets.count)
        for m in members {
            let cells = m.cells(in: sets, units: units)
            var unit: String?
            var i: Int?
            var k = 0
            for cell in cells {
                if cell.unit != unit {
                    unit = cell.unit
                    i = unitIndex[cell.unit]
                    k = 0
                }
                defer { k += 1 }
                guard let i, setOfUnit[i] >= 0 else { continue }
                let s = setOfUnit[i]
                if k < known[s].count, known[s][k].code == cell.code {
                    owners[base[i] + known[s][k].position] += 1
                } else if let p = positionsOfSet[s][cell.code] {
                    owners[base[i] + p] += 1
                    if k < known[s].count {
                        known[s][k] = (cell.code, p)
                    } else if k == known[s].count {
                        known[s].append((cell.code, p))
                    }
                }
            }
            checkRecusal(m, cells: cells, file: file, problems: &problems)
        }
        // Every cell of the round whose count passes, in order.
        func cells(where keep: (Int32) -> Bool) -> [Cell] {
            var out = [Cell]()
            for (i, u) in units.enumerated() where setOfUnit[i] >= 0 {
                for (p, code) in codesOfSet[setOfUnit[i]]!.enumerated() where keep(owners[base[i] + p]) {
                    out.append(Cell(unit: u.id, code: code))
                }
            }
            return out
        }
        report(
            overlaps: cells { $0 > 1 }, gaps: cells { $0 == 0 }, members: members, sets: sets, units: units,
            file: file, problems: &problems)
    }

    /// Recusal (spec §3.4 M5): nobody appraises a unit they head or represent
    /// (`input.assign-own-unit`); for both coverage checks.
    private static func checkRecusal(_ m: Member, cells: [Cell], file: String, problems: inout InputProblems) {
        let own = Set(m.ownUnits)
        let conflicted = own.isEmpty ? [] : cells.filter { own.contains($0.unit) }
        if !conflicted.isEmpty {
            problems.add(
                InputError(
                    .assignOwnUnit,
                    [.file(file), .member(m.id), .text(String(conflicted.count)), .text(CellList.summary(conflicted))]
                ))
        }
    }

    /// The problems of both coverage checks: cells assigned twice (`input.assign-overlap`, naming
    /// the members of the first few) and cells assigned to nobody (`input.assign-gap`).
    private static func report(
        overlaps: [Cell], gaps: [Cell], members: [Member], sets: [CriteriaSet], units: [AppraisedUnit],
        file: String, problems: inout InputProblems
    ) {
        if !overlaps.isEmpty {
            let shown = overlaps.prefix(CellList.shown)
            var names = [Cell: [String]]()
            for m in members {
                for cell in m.cells(in: sets, units: units) where shown.contains(cell) {
                    names[cell, default: []].append(m.id)
                }
            }
            let detail = shown.map { "\($0) (\(names[$0]!.joined(separator: "+")))" }.joined(separator: ", ")
            let more = overlaps.count > CellList.shown ? ", … (+\(overlaps.count - CellList.shown))" : ""
            problems.add(
                InputError(.assignOverlap, [.file(file), .text(String(overlaps.count)), .text(detail + more)]))
        }
        if !gaps.isEmpty {
            problems.add(
                InputError(.assignGap, [.file(file), .text(String(gaps.count)), .text(CellList.summary(gaps))]))
        }
    }

    /// ``checkCoverage(_:sets:units:file:problems:)`` with a count per distinct cell, for units
    /// or codes given twice (which every caller refuses first).
    static func checkCoverageByCell(
        _ members: [Member], sets: [CriteriaSet], units: [AppraisedUnit], file: String,
        problems: inout InputProblems
    ) {
        // How many members appraise each cell (every round load checks this: counts, not lists;
        // the owners of an overlap are listed again below, only when there is one).
        // Every cell of the round: each unit's, the appraisable sub-criteria of its group's set.
        var codesOfSet = [String: [String]]()
        var all = [Cell]()
        for u in units {
            guard let set = sets.first(where: { $0.groups.contains(u.group) }) else { continue }
            let codes = codesOfSet[set.id] ?? set.framework.appraisableSubCriteria.map(\.code)
            codesOfSet[set.id] = codes
            for code in codes { all.append(Cell(unit: u.id, code: code)) }
        }
        var owners = [Cell: Int](minimumCapacity: all.count)
        for m in members {
            let cells = m.cells(in: sets, units: units)
            for cell in cells { owners[cell, default: 0] += 1 }
            checkRecusal(m, cells: cells, file: file, problems: &problems)
        }
        report(
            overlaps: all.filter { (owners[$0] ?? 0) > 1 }, gaps: all.filter { owners[$0] == nil }, members: members,
            sets: sets, units: units, file: file, problems: &problems)
    }
}
