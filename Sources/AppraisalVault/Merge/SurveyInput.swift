/// Survey scores given to merge: CSV `unit,code,score` for `survey` sub-criteria (spec §3.3, §6.5).
public enum SurveyInput {
    /// Reads survey scores, checking units, codes (method `survey` only), range and step.
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
            for record in table.records {
                let unitField = record[column["unit"]!]
                let codeField = record[column["code"]!]
                let scoreField = record[column["score"]!]
                let unit = unitField.text.trimmingSpaces
                let code = codeField.text.trimmingSpaces
                guard let framework = round.plan.framework(unit: unit) else {
                    problems.add(
                        InputError(.selfUnknownUnit, InputLocation(unitField, in: file).context + [.text(unit)]))
                    continue
                }
                guard let sub = framework.subCriterion(code), sub.method == .survey else {
                    problems.add(
                        InputError(.surveyNotSurvey, InputLocation(codeField, in: file).context + [.text(code)]))
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
                                .text(score.description), .text(sub.max.description), .text(sub.step.description),
                            ]))
                    continue
                }
                let cell = Cell(unit: unit, code: code)
                guard scores[cell] == nil else {
                    problems.add(
                        InputError(
                            .surveyDuplicate, InputLocation(unitField, in: file).context + [.text(unit), .text(code)]))
                    continue
                }
                scores[cell] = score
            }
            for unit in round.units {
                for sub in round.plan.framework(unit: unit.id)?.subCriteria ?? []
                where sub.method == .survey && scores[Cell(unit: unit.id, code: sub.code)] == nil {
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
