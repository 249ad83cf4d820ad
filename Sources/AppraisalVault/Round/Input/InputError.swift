/// A problem in a round input (spec §7.1): CSV syntax, the framework, units, self-assessment, members, rank labels, assignments, the survey, a worksheet and its appraisal rows.
///
/// A ``LayerError`` over this layer's codes: a code, typed facts, an optional hint, no text.
public typealias InputError = LayerError<InputErrorCode>

/// The rules behind ``InputError``; each raw value is the stable message id (spec, vectors, `verify --json`).
public enum InputErrorCode: String, MessageCode {
    case appraisalUnknownCode = "appraisal.unknown-code"
    case appraisalUnassigned = "appraisal.unassigned"
    case appraisalDuplicate = "appraisal.duplicate"
    case appraisalNegative = "appraisal.negative"
    case appraisalAboveMax = "appraisal.above-max"
    case appraisalOffStep = "appraisal.off-step"
    case appraisalMissingReason = "appraisal.missing-reason"
    case appraisalBlankReason = "appraisal.blank-reason"
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
    case inputControlCharacter = "input.control-character"
    case inputBidiControl = "input.bidi-control"
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

extension LayerError where Code == InputErrorCode {
    /// The error for a character spec §1.3 refuses, found at `location`: `input.control-character`
    /// or `input.bidi-control`, with the file, line, column and the character's code point.
    public init(_ refusal: Text.Refusal, at location: InputLocation) {
        switch refusal {
        case .control: self.init(.inputControlCharacter, location.context + [.text(refusal.codePoint)])
        case .bidi: self.init(.inputBidiControl, location.context + [.text(refusal.codePoint)])
        }
    }
}
