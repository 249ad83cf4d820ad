/// Survey scores given to merge: CSV `unit,code,score` for `survey` sub-criteria (design brief §1).
public enum SurveyInput {
    /// Reads survey scores, checking units, codes (method `survey` only), range and step.
    ///
    /// - Throws: ``InputProblems`` listing every problem (file, line, column).
    public static func read(_ bytes: [UInt8], file: String, round: RoundDefinition) throws(InputProblems) -> [Cell: Points] {
        var problems = InputProblems()
        var scores = [Cell: Points]()
        do {
            let table = try CSV.parse(bytes, file: file)
            let column = try table.columns(required: ["unit", "code", "score"])
            var subs = [String: Framework.SubCriterion]()
            for sub in round.framework.subCriteria { subs[sub.code] = sub }
            let units = Set(round.units.map(\.id))
            for record in table.records {
                let unitField = record[column["unit"]!], codeField = record[column["code"]!], scoreField = record[column["score"]!]
                let unit = unitField.text.trimmingSpaces, code = codeField.text.trimmingSpaces
                guard units.contains(unit) else {
                    problems.add(VaultError(.selfUnknownUnit, InputLocation(unitField, in: file).arguments + [unit]))
                    continue
                }
                guard let sub = subs[code], sub.method == .survey else {
                    problems.add(VaultError(.surveyNotSurvey, InputLocation(codeField, in: file).arguments + [code]))
                    continue
                }
                guard let score = Points(parsing: scoreField.text) else {
                    problems.add(VaultError(.inputBadNumber, InputLocation(scoreField, in: file).arguments + [scoreField.text], hint: .hintNumberFormat))
                    continue
                }
                guard sub.accepts(score) else {
                    problems.add(VaultError(.surveyOutOfRange, InputLocation(scoreField, in: file).arguments + [score.description, sub.max.description, sub.step.description]))
                    continue
                }
                let cell = Cell(unit: unit, code: code)
                guard scores[cell] == nil else {
                    problems.add(VaultError(.surveyDuplicate, InputLocation(unitField, in: file).arguments + [unit, code]))
                    continue
                }
                scores[cell] = score
            }
            for unit in round.units {
                for sub in round.framework.subCriteria where sub.method == .survey && scores[Cell(unit: unit.id, code: sub.code)] == nil {
                    problems.add(VaultError(.surveyMissing, [file, unit.id, sub.code]))
                }
            }
        } catch {
            problems.add(error)
        }
        guard problems.isEmpty else { throw problems }
        return scores
    }
}
