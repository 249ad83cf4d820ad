/// The CSV and JSON forms of the report.
extension ResultsReport {
    /// One row per unit × sub-criterion with the unit's totals repeated: a complete long table
    /// that pivots in Excel or LibreOffice. UTF-8 with BOM, comma separator, decimal point.
    ///
    /// Text cells that a spreadsheet would evaluate as a formula (starting with `=`, `+`, `-`, `@`,
    /// tab or carriage return) are prefixed with `'` (``CSV/spreadsheetText(_:)``), so a reason such
    /// as `=HYPERLINK(…)` stays text.
    public func csv() -> [UInt8] {
        func text(_ s: String) -> String { CSV.spreadsheetText(s) }
        let names = appraiserNames
        let groupNames = Dictionary(uniqueKeysWithValues: round.groups.map { ($0.id, $0.name) })
        var rows: [[String]] = [
            [
                "bo_tieu_chi", "nhom", "hang", "ma_don_vi", "ten_don_vi", "tong_tu_cham", "tong_tham_dinh",
                "diem_thuong", "diem_tru", "tong_cuoi_cung", "tong_toi_da",
                "chi_so_phan_tram",
                "xep_loai", "ma_tieu_chi", "tieu_chi", "phuong_phap", "diem_toi_da", "diem_tu_cham", "ghi_chu_tu_cham",
                "diem_tham_dinh", "chenh_lech",
                "ly_do", "nguoi_tham_dinh",
            ]
        ]
        for group in round.groups {
            for (unit, r) in ranking(of: group) {
                for c in r.cells {
                    rows.append([
                        round.plan.set(group: r.group)?.id ?? "", text(groupNames[r.group] ?? r.group), String(r.rank),
                        unit.id, text(unit.name),
                        r.selfTotal.description,
                        r.appraisedTotal.description, r.bonus.description, r.penalty.description,
                        r.finalTotal.description, r.maxTotal.description, r.percent.description, text(r.label),
                        c.code,
                        text(title(unit: r.unit, code: c.code)), c.method.rawValue, c.max.description,
                        c.selfScore?.description ?? "", Self.isNotAssessed(c) ? SelfAssessment.notAssessedMark : "",
                        c.appraised?.description ?? "", c.difference?.description ?? "", text(c.reason),
                        text(c.appraiser.isEmpty ? "" : (names[c.appraiser] ?? c.appraiser)),
                    ])
                }
            }
        }
        return CSV.write(rows, byteOrderMark: true)
    }

    /// The report as canonical JSON (documented in docs/report.md).
    public func json() -> [UInt8] {
        let names = appraiserNames
        func p(_ x: Points?) -> JSONValue { x.map { .string($0.description) } ?? .null }
        let groups: [JSONValue] = round.groups.map { group in
            .object([
                "id": .string(group.id),
                "name": .string(group.name),
                "set": .string(round.plan.set(group: group.id)?.id ?? ""),
                "units": .array(
                    ranking(of: group).map { unit, r in
                        .object([
                            "id": .string(unit.id), "name": .string(unit.name), "rank": .integer(Int64(r.rank)),
                            "label": .string(r.label), "percent": .string(r.percent.description),
                            "self": .string(r.selfTotal.description),
                            "appraised": .string(r.appraisedTotal.description),
                            "bonus": .string(r.bonus.description), "penalty": .string(r.penalty.description),
                            "final": .string(r.finalTotal.description),
                            "max": .string(r.maxTotal.description),
                            "fields": .array(
                                r.fields.map {
                                    .object([
                                        "code": .string($0.code), "self": .string($0.selfTotal.description),
                                        "appraised": .string($0.appraisedTotal.description),
                                        "max": .string($0.max.description),
                                    ])
                                }),
                        ])
                    }),
            ])
        }
        func item(_ x: Framework.SubCriterion) -> JSONValue {
            .object(["code": .string(x.code), "title": .string(x.title), "cap": .string(x.max.description)])
        }
        let adjustments: [JSONValue] = self.adjustments.map { a in
            .object([
                "unit": .string(a.unit.id), "unitName": .string(a.unit.name), "code": .string(a.code),
                "title": .string(a.title), "self": p(a.selfScore), "selfAssessed": .bool(a.selfScore != nil),
                "appraised": .string(a.appraised.description), "difference": p(a.difference),
                "reason": .string(a.reason), "appraiser": .string(a.appraiser),
                "appraiserName": .string(names[a.appraiser] ?? a.appraiser),
            ])
        }
        return CanonicalJSON.serialize(
            .object([
                "round": .object([
                    "title": .string(round.title), "year": .int(round.year),
                    "references": .array(round.references.map(JSONValue.string)),
                    "fingerprint": .string(round.fingerprint.description), "demo": .bool(round.isDemo),
                    "sets": .array(
                        round.sets.map { set in
                            .object([
                                "id": .string(set.id), "name": .string(set.name),
                                "groups": .array(set.groups.map(JSONValue.string)),
                                "fields": .array(
                                    set.framework.fields.map {
                                        .object([
                                            "code": .string($0.code), "title": .string($0.title),
                                            "max": .string($0.max.description),
                                            "countedMax": .string(countedMax(of: $0).description),
                                        ])
                                    }),
                                "bonus": .array(set.framework.bonus.map(item)),
                                "penalty": .array(set.framework.penalty.map(item)),
                            ])
                        }),
                ]),
                "release": .object(["decision": .string(decision), "releasedAt": .string(releasedAt)]),
                "surveyAvailable": .bool(results.surveyAvailable),
                "notSelfAssessed": .integer(Int64(notAssessedCount)),
                "groups": .array(groups),
                "adjustments": .array(adjustments),
                "bonusAndPenalty": .array(
                    bonusAndPenalty.map { x in
                        .object([
                            "unit": .string(x.unit.id), "unitName": .string(x.unit.name),
                            "kind": .string(x.method.rawValue), "code": .string(x.code), "title": .string(x.title),
                            "points": .string(x.points.description), "cap": .string(x.cap.description),
                            "reason": .string(x.reason), "appraiser": .string(x.appraiser),
                            "appraiserName": .string(names[x.appraiser] ?? x.appraiser),
                        ])
                    }),
                "indexAbove100": .bool(round.plan.indexAbove100),
            ])) + [0x0a]
    }
}
