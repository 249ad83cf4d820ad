/// Survey scores for `avault survey import`: CSV `unit,code,score` for the `survey` sub-criteria of
/// each unit's framework (spec §3.3, §6.6). Separators `,` or `;`, decimal point or comma (§3.8).
public enum SurveyInput {
    /// Reads survey scores, checking units, codes (method `survey` only), range and step, and that
    /// every survey cell has a row. A row with a bad score is reported once: its cell does not
    /// count as missing too.
    ///
    /// - Throws: ``InputProblems`` listing every problem (file, line, column).
    public static func read(_ bytes: [UInt8], file: String, round: RoundDefinition) throws(InputProblems) -> [Cell:
        Points]
    {
        var problems = InputProblems()
        var scores = [Cell: Points]()
        do {
            let table = try CSV.parse(bytes, file: file)
            let column = try table.columns(required: ["unit", "code", "score"])
            let units = Set(round.units.map(\.id))
            var seen = Set<Cell>()
            for record in table.records {
                let unitField = record[column["unit"]!]
                let codeField = record[column["code"]!]
                let scoreField = record[column["score"]!]
                let unit = unitField.text.trimmingSpaces
                let code = codeField.text.trimmingSpaces
                guard units.contains(unit) else {
                    problems.add(
                        InputError(.selfUnknownUnit, InputLocation(unitField, in: file).context + [.text(unit)]))
                    continue
                }
                guard let sub = round.surveyItems(of: unit).first(where: { $0.code == code }) else {
                    problems.add(
                        InputError(.surveyNotSurvey, InputLocation(codeField, in: file).context + [.text(code)]))
                    continue
                }
                let cell = Cell(unit: unit, code: code)
                guard seen.insert(cell).inserted else {
                    problems.add(
                        InputError(
                            .surveyDuplicate, InputLocation(unitField, in: file).context + [.text(unit), .text(code)]))
                    continue
                }
                guard let score = Points(parsing: scoreField.text) else {
                    problems.add(
                        InputError(
                            .inputBadNumber, InputLocation(scoreField, in: file).context + [.text(scoreField.text)],
                            hint: ErrorHint(.numberFormat)))
                    continue
                }
                guard sub.accepts(score) else {
                    problems.add(
                        InputError(
                            .surveyOutOfRange,
                            InputLocation(scoreField, in: file).context + [
                                .decimal(score.description), .decimal(sub.max.description),
                                .decimal(sub.step.description),
                            ]))
                    continue
                }
                scores[cell] = score
            }
            for unit in round.units {
                for sub in round.surveyItems(of: unit.id) where !seen.contains(Cell(unit: unit.id, code: sub.code)) {
                    problems.add(InputError(.surveyMissing, [.file(file), .text(unit.id), .text(sub.code)]))
                }
            }
        } catch {
            problems.add(error)
        }
        guard problems.isEmpty else { throw problems }
        return scores
    }
}
