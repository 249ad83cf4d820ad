/// A problem in a round input (spec §7.1): CSV syntax, the framework, units, self-assessment, members, rank labels, assignments, the survey, a worksheet and its appraisal rows.
///
/// The error is a value: a ``Code`` naming the rule, the facts it is about (``ErrorContext``) and
/// an optional ``ErrorHint``. It holds no rendered text; the CLI renders it in the user's language
/// from the catalog entry whose id is ``AppraisalError/messageID``. Two errors are equal when their
/// codes are equal, so tests match the rule that fired without depending on wording.
public struct InputError: AppraisalError {
    /// The rule that fired; the raw value is the stable message id (spec, vectors, `verify --json`).
    public enum Code: String, MessageCode {
        case appraisalUnknownCode = "appraisal.unknown-code"
        case appraisalUnassigned = "appraisal.unassigned"
        case appraisalDuplicate = "appraisal.duplicate"
        case appraisalNegative = "appraisal.negative"
        case appraisalAboveMax = "appraisal.above-max"
        case appraisalOffStep = "appraisal.off-step"
        case appraisalMissingReason = "appraisal.missing-reason"
        case appraisalMissingCell = "appraisal.missing-cell"
        case worksheetMissingScore = "worksheet.missing-score"
        case worksheetLongReason = "worksheet.long-reason"
        case csvEmpty = "csv.empty"
        case csvRagged = "csv.ragged"
        case csvInvalidUTF8 = "csv.invalid-utf8"
        case csvStrayCR = "csv.stray-cr"
        case csvAfterQuote = "csv.after-quote"
        case csvStrayQuote = "csv.stray-quote"
        case csvUnterminatedQuote = "csv.unterminated-quote"
        case csvHeader = "csv.header"
        case csvMissingColumn = "csv.missing-column"
        case inputBadNumber = "input.bad-number"
        case frameworkBadCode = "framework.bad-code"
        case frameworkDuplicateCode = "framework.duplicate-code"
        case frameworkOrphan = "framework.orphan"
        case frameworkMisplaced = "framework.misplaced"
        case frameworkBadTitle = "framework.bad-title"
        case frameworkBadMethod = "framework.bad-method"
        case frameworkMethodOnGroup = "framework.method-on-group"
        case frameworkBadStep = "framework.bad-step"
        case frameworkNonPositiveMax = "framework.non-positive-max"
        case frameworkOffStep = "framework.off-step"
        case frameworkChildless = "framework.childless"
        case frameworkSumMismatch = "framework.sum-mismatch"
        case frameworkEmpty = "framework.empty"
        case frameworkTotalMismatch = "framework.total-mismatch"
        case frameworkJSON = "framework.json"
        case unitsBadID = "units.bad-id"
        case unitsDuplicateGroup = "units.duplicate-group"
        case unitsBadName = "units.bad-name"
        case unitsDuplicate = "units.duplicate"
        case unitsUnknownGroup = "units.unknown-group"
        case unitsNone = "units.none"
        case selfUnknownUnit = "self.unknown-unit"
        case selfUnknownCode = "self.unknown-code"
        case selfNotSelf = "self.not-self"
        case selfDuplicate = "self.duplicate"
        case selfOutOfRange = "self.out-of-range"
        case selfOffStep = "self.off-step"
        case selfBadNote = "self.bad-note"
        case selfMissing = "self.missing"
        case identityBadIDAt = "members.bad-id"
        case membersDuplicate = "members.duplicate"
        case membersKeyUnusable = "members.key-unusable"
        case membersIDMismatch = "members.id-mismatch"
        case membersWrongRole = "members.wrong-role"
        case membersDuplicateKey = "members.duplicate-key"
        case membersNoCodes = "members.no-codes"
        case membersUnknownCode = "members.unknown-code"
        case membersSurveyCode = "members.survey-code"
        case membersUnknownUnit = "members.unknown-unit"
        case membersNone = "members.none"
        case assignOverlap = "assign.overlap"
        case assignGap = "assign.gap"
        case labelsUnknownGroup = "labels.unknown-group"
        case labelsBadLabel = "labels.bad-label"
        case labelsBadPercent = "labels.bad-percent"
        case labelsDuplicate = "labels.duplicate"
        case labelsNoFloor = "labels.no-floor"
        case surveyNotSurvey = "survey.not-survey"
        case surveyOutOfRange = "survey.out-of-range"
        case surveyDuplicate = "survey.duplicate"
        case surveyMissing = "survey.missing"
        case worksheetUnknownMember = "worksheet.unknown-member"
    }

    /// The rule that fired.
    public let code: Code
    /// The facts the message is about, in the order the message uses them.
    public let context: ErrorContext
    /// What to do about it, if there is something to say.
    public let hint: ErrorHint?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The rule that fired.
    ///   - values: The facts, in the order the message uses them.
    ///   - hint: What to do about it.
    ///   - step: The file operation that failed, for file errors.
    public init(_ code: Code, _ values: [ErrorContext.Value] = [], hint: ErrorHint? = nil, step: FileStep? = nil) {
        self.code = code
        self.context = ErrorContext(values, step: step)
        self.hint = hint
    }

    public static func == (a: Self, b: Self) -> Bool { a.code == b.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
