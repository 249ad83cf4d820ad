import AppraisalVault

/// The text of `avault round show`, one line per entry, labels aligned.
enum RoundSummary {
    static func lines(_ r: RoundDefinition) -> [String] {
        var rows = [(MessageID?, String)]()
        func row(_ label: MessageID?, _ value: String) { rows.append((label, value)) }
        row(.labelTitle, r.title)
        row(.labelYear, String(r.year))
        if r.references.isEmpty { row(.labelReferences, Terminal.localized(.showNone)) }
        for (i, ref) in r.references.enumerated() { row(i == 0 ? .labelReferences : nil, ref) }
        // The official report's particulars (spec §3.2 `document`) and the worksheets' deadline.
        let d = r.document
        row(.labelIssuer, "\(d.issuer) — \(d.council)")
        row(.labelDocumentNumber, d.number.isEmpty ? Terminal.localized(.showNoNumber) : d.displayNumber)
        row(.labelPlace, d.place)
        row(
            .labelSigner,
            d.signer.isEmpty ? Terminal.localized(.showSignerByHand, [d.signerTitle]) : "\(d.signerTitle) \(d.signer)")
        for (i, recipient) in d.recipients.enumerated() { row(i == 0 ? .labelRecipients : nil, recipient) }
        row(
            .labelDeadline,
            r.deadline.isEmpty ? Terminal.localized(.showNone) : RoundDocument.vietnameseDate(r.deadline))
        row(.labelDemo, Terminal.localized(r.isDemo ? .yes : .no))
        row(.labelRoundID, r.roundIDHex)
        row(.labelSecretary, "\(r.secretary.id)  \(r.secretary.name)  [\(r.secretary.fingerprint)]")
        for (i, set) in r.sets.enumerated() {
            let f = set.framework
            let subs = f.subCriteria
            row(
                i == 0 ? .labelFramework : nil,
                "\(set.id) [\(set.groups.joined(separator: " "))]: "
                    + Terminal.localized(
                        .showCounts,
                        [
                            String(f.fields.count), String(f.criteria.count), String(subs.count),
                            String(subs.filter { $0.method == .selfAssessed }.count),
                            String(subs.filter { $0.method == .council }.count),
                            String(subs.filter { $0.method == .survey }.count),
                            Terminal.decimal(f.total.description),
                        ]))
        }
        // Bonus and penalty items (spec §3.3 F6): code and cap, per set that has any.
        for set in r.sets where !set.framework.bonusAndPenalty.isEmpty {
            func list(_ items: [Framework.SubCriterion]) -> String {
                items.isEmpty ? "–" : items.map { "\($0.code) ≤ \($0.max)" }.joined(separator: ", ")
            }
            row(nil, Terminal.localized(.showExtras, [set.id, list(set.framework.bonus), list(set.framework.penalty)]))
        }
        row(.labelIndex, Terminal.localized(r.indexAbove100 ? .showIndexAbove100 : .showIndexCapped))
        for (i, g) in r.groups.enumerated() {
            row(
                i == 0 ? .labelUnits : nil,
                Terminal.localized(.showGroup, [g.id, g.name, String(r.units.filter { $0.group == g.id }.count)]))
        }
        row(.labelCells, String(r.appraisableCells.count))
        for (i, m) in r.members.enumerated() {
            let scope = m.units.isEmpty ? "" : " @ " + m.units.joined(separator: " ")
            row(
                i == 0 ? .labelMembers : nil,
                Terminal.localized(
                    .showMember,
                    [
                        m.id, m.identity.name, m.codes.joined(separator: " "), scope, String(r.cells(of: m).count),
                        m.identity.fingerprint.description,
                    ]))
        }
        // Recusals (spec §3.4 M5): the member's own units, which none of their cells are of.
        for (i, m) in r.members.filter({ !$0.ownUnits.isEmpty }).enumerated() {
            row(i == 0 ? .labelRecusals : nil, "\(m.id): " + m.ownUnits.joined(separator: " "))
        }
        // §12.1: who takes part in the explanation round, and who gets no notice.
        if !r.unitKeys.isEmpty {
            row(.labelUnitKeys, Terminal.localized(.showUnitKeys, [String(r.unitKeys.count), String(r.units.count)]))
            let without = r.unitsWithoutKey.map(\.id)
            if !without.isEmpty {
                row(nil, Terminal.localized(.showUnitsWithoutKey, [without.joined(separator: " ")]))
            }
        }
        let holders = r.holders
        for (i, h) in holders.enumerated() {
            row(
                i == 0 ? .labelHolders : nil,
                Terminal.localized(.showHolder, [String(i + 1), h.id, h.name, h.fingerprint.description]))
        }
        row(nil, Terminal.localized(.showThreshold, [String(r.threshold), String(holders.count)]))
        for (i, g) in r.groups.enumerated() {
            let text = (r.labels.groups[g.id] ?? []).map {
                $0.minimum == .zero ? $0.label : "\($0.label) ≥ \(Terminal.decimal($0.minimum.description))"
            }
            .joined(separator: ", ")
            row(i == 0 ? .labelLabels : nil, Terminal.localized(.showLabels, [g.id, text]))
        }
        let width = rows.compactMap { $0.0.map { Terminal.localized($0).count } }.max() ?? 0
        var out = [String]()
        if r.isDemo { out.append("*** " + Terminal.localized(.roundDemoLabel) + " ***") }
        for (label, value) in rows {
            let l = label.map { Terminal.localized($0) } ?? ""
            out.append(l + String(repeating: " ", count: width - l.count) + "  " + value)
        }
        out.append(Terminal.localized(.showSignatureOK, [r.secretary.id]))
        out.append(Terminal.localized(Notice.Code.roundFingerprintLine, [r.fingerprint.description]))
        if r.threshold == 1 {
            out.append("! " + Terminal.localized(.cliWarningPrefix) + ": " + Terminal.localized(.showSingleHolder))
        }
        return out
    }
}
