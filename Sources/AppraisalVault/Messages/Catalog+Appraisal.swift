// Catalog entries for appraisals: worksheet rules checked when sealing and again when merging.

extension Message {
    static let appraisalMessages: [Message] = [
        .appraisalUnknownCode, .appraisalUnassigned, .appraisalDuplicate, .appraisalNegative, .appraisalAboveMax,
        .appraisalOffStep, .appraisalMissingReason, .appraisalMissingCell, .submissionMalformed,
    ]

    public static let appraisalUnknownCode = Message(
        "appraisal.unknown-code", vi: "mã tiêu chí {1} không có trong bộ tiêu chí của vòng.",
        en: "sub-criterion code {1} is not in the round's framework.")
    public static let appraisalUnassigned = Message(
        "appraisal.unassigned", vi: "ô {1} / {2} không được phân công cho bạn.",
        en: "cell {1} / {2} is not assigned to you.")
    public static let appraisalDuplicate = Message(
        "appraisal.duplicate", vi: "ô {1} / {2} đã có ở dòng {3}.", en: "cell {1} / {2} already appears on line {3}.")
    public static let appraisalNegative = Message(
        "appraisal.negative", vi: "điểm {1} âm.", en: "score {1} is negative.")
    public static let appraisalAboveMax = Message(
        "appraisal.above-max", vi: "điểm {1} vượt điểm tối đa {2}.", en: "score {1} is above the maximum {2}.")
    public static let appraisalOffStep = Message(
        "appraisal.off-step", vi: "điểm {1} không theo bước {2}.", en: "score {1} is not a multiple of the step {2}.")
    public static let appraisalMissingReason = Message(
        "appraisal.missing-reason", vi: "điểm thẩm định {1} khác điểm tự chấm {2} nhưng chưa ghi lý do.",
        en: "the appraised score {1} differs from the self score {2} but no reason is given.")
    public static let appraisalMissingCell = Message(
        "appraisal.missing-cell", vi: "thiếu ô được phân công {1} / {2}.", en: "the assigned cell {1} / {2} is missing.")
    public static let submissionMalformed = Message(
        "submission.malformed", vi: "{1}: nội dung bài nộp sai định dạng: {2}.",
        en: "{1}: the submission's content is malformed: {2}.")
}

// MARK: - Merge

extension Message {
    static let mergeMessages: [Message] = [.manifestBadSignature]

    public static let manifestBadSignature = Message(
        "manifest.bad-signature", vi: "{1}: chữ ký của thư ký trên bản kê không hợp lệ.",
        en: "{1}: the secretary's signature on the manifest does not verify.")
}

// MARK: - Worksheets

extension Message {
    static let worksheetMessages: [Message] = [.worksheetMissingScore, .worksheetLongReason, .worksheetProblem]

    public static let worksheetMissingScore = Message(
        "worksheet.missing-score", vi: "{1}:{2}:{3}: chưa nhập điểm thẩm định cho {4} / {5}.",
        en: "{1}:{2}:{3}: no appraised score entered for {4} / {5}.")
    public static let worksheetLongReason = Message(
        "worksheet.long-reason", vi: "{1}:{2}:{3}: lý do dài quá 4000 byte.", en: "{1}:{2}:{3}: the reason is longer than 4000 bytes.")
    public static let worksheetProblem = Message(
        "worksheet.problem", vi: "{1}:{2}: {3} / {4}: {5}", en: "{1}:{2}: {3} / {4}: {5}")
}
