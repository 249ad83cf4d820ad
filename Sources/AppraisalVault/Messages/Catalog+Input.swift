// Catalog entries for reading a round's input files (CSV and JSON). Every entry that points at a
// place starts with {1}:{2}:{3} = file:line:column.

extension Message {
    static let inputMessages: [Message] = [
        .csvEmpty, .csvRagged, .csvInvalidUTF8, .csvStrayCR, .csvAfterQuote, .csvStrayQuote, .csvUnterminatedQuote,
        .csvHeader, .csvMissingColumn, .inputBadNumber, .hintNumberFormat,
        .frameworkBadCode, .frameworkDuplicateCode, .frameworkOrphan, .frameworkMisplaced, .frameworkBadTitle,
        .frameworkBadMethod, .frameworkMethodOnGroup, .frameworkBadStep, .frameworkNonPositiveMax, .frameworkOffStep,
        .frameworkChildless, .frameworkSumMismatch, .frameworkEmpty, .frameworkTotalMismatch, .frameworkJSON,
        .unitsBadID, .unitsDuplicateGroup, .unitsBadName, .unitsDuplicate, .unitsUnknownGroup, .hintGroupsFile, .unitsNone,
        .selfUnknownUnit, .selfUnknownCode, .selfNotSelf, .selfDuplicate, .selfOutOfRange, .selfOffStep, .selfBadNote,
        .selfMissing,
        .identityBadIDAt, .membersDuplicate, .membersKeyUnusable, .membersIDMismatch, .membersWrongRole,
        .membersDuplicateKey, .membersNoCodes, .membersUnknownCode, .membersSurveyCode, .membersUnknownUnit, .membersNone,
        .assignOverlap, .assignGap,
        .labelsUnknownGroup, .labelsBadLabel, .labelsBadPercent, .labelsDuplicate, .labelsNoFloor,
    ]

    // MARK: - CSV syntax

    public static let csvEmpty = Message(
        "csv.empty", vi: "{1}: tệp không có dòng tiêu đề (tệp rỗng).", en: "{1}: no header row (the file is empty).")
    public static let csvRagged = Message(
        "csv.ragged", vi: "{1}:{2}: dòng có {3} cột, nhưng dòng tiêu đề có {4} cột.",
        en: "{1}:{2}: the row has {3} fields, but the header has {4}.")
    public static let csvInvalidUTF8 = Message(
        "csv.invalid-utf8",
        vi: "{1}:{2}:{3}: không phải văn bản UTF-8 hợp lệ; hãy lưu tệp dưới dạng \"CSV UTF-8\".",
        en: "{1}:{2}:{3}: not valid UTF-8 text; save the file as \"CSV UTF-8\".")
    public static let csvStrayCR = Message(
        "csv.stray-cr", vi: "{1}:{2}:{3}: ký tự CR đứng riêng (không theo sau là LF).",
        en: "{1}:{2}:{3}: a lone carriage return (CR not followed by LF).")
    public static let csvAfterQuote = Message(
        "csv.after-quote", vi: "{1}:{2}:{3}: có ký tự sau dấu ngoặc kép đóng; sau đó chỉ được là dấu phân cách hoặc xuống dòng.",
        en: "{1}:{2}:{3}: text after a closing quote; only a separator or a line end may follow it.")
    public static let csvStrayQuote = Message(
        "csv.stray-quote",
        vi: "{1}:{2}:{3}: dấu ngoặc kép nằm giữa ô không được bao bởi ngoặc kép; hãy bao cả ô trong \"…\" và viết \"\" cho mỗi dấu ngoặc kép bên trong.",
        en: "{1}:{2}:{3}: a quote inside an unquoted field; enclose the whole field in \"…\" and write \"\" for each quote in it.")
    public static let csvUnterminatedQuote = Message(
        "csv.unterminated-quote", vi: "{1}:{2}:{3}: ô mở bằng dấu ngoặc kép nhưng không bao giờ đóng lại.",
        en: "{1}:{2}:{3}: a quoted field is never closed.")
    public static let csvHeader = Message(
        "csv.header", vi: "{1}:{2}:{3}: cột \"{4}\" không được dùng ở đây (lặp lại hoặc không biết); các cột cần có: {5}.",
        en: "{1}:{2}:{3}: column \"{4}\" is repeated or not expected here; the columns are: {5}.")
    public static let csvMissingColumn = Message(
        "csv.missing-column", vi: "{1}:{2}: thiếu cột \"{3}\"; các cột cần có: {4}.",
        en: "{1}:{2}: column \"{3}\" is missing; the columns are: {4}.")
    public static let inputBadNumber = Message(
        "input.bad-number", vi: "{1}:{2}:{3}: \"{4}\" không phải một số điểm.",
        en: "{1}:{2}:{3}: \"{4}\" is not a number of points.")
    public static let hintNumberFormat = Message(
        "hint.number-format",
        vi: "Viết như 7,5 hoặc 7.5: tối đa 12 chữ số phần nguyên và 6 chữ số thập phân, không dấu phân cách hàng nghìn, không đơn vị.",
        en: "Write e.g. 7,5 or 7.5: at most 12 integer digits and 6 decimals, no thousands separators, no unit.")

    // MARK: - Framework

    public static let frameworkBadCode = Message(
        "framework.bad-code", vi: "{1}:{2}:{3}: mã \"{4}\" không hợp lệ; dùng dạng 1, 1.1 hoặc 1.1.1.",
        en: "{1}:{2}:{3}: code \"{4}\" is invalid; use the form 1, 1.1 or 1.1.1.")
    public static let frameworkDuplicateCode = Message(
        "framework.duplicate-code", vi: "{1}:{2}:{3}: mã {4} bị lặp (đã có ở {5}).",
        en: "{1}:{2}:{3}: code {4} appears twice (first at {5}).")
    public static let frameworkOrphan = Message(
        "framework.orphan", vi: "{1}:{2}:{3}: mã {4} không có mục cha {5}.",
        en: "{1}:{2}:{3}: code {4} has no parent {5}.")
    public static let frameworkMisplaced = Message(
        "framework.misplaced", vi: "{1}:{2}:{3}: mã {4} nằm dưới mục {5}, không đúng cấp bậc của mã.",
        en: "{1}:{2}:{3}: code {4} is nested under {5}, which does not match its code.")
    public static let frameworkBadTitle = Message(
        "framework.bad-title", vi: "{1}:{2}:{3}: tên của mục {4} trống, quá dài hoặc có ký tự điều khiển.",
        en: "{1}:{2}:{3}: the title of {4} is empty, too long or has a control character.")
    public static let frameworkBadMethod = Message(
        "framework.bad-method",
        vi: "{1}:{2}:{3}: tiêu chí thành phần {4} có phương pháp \"{5}\"; phải là self (tự chấm), council (hội đồng) hoặc survey (điều tra XHH).",
        en: "{1}:{2}:{3}: sub-criterion {4} has method \"{5}\"; it must be self, council or survey.")
    public static let frameworkMethodOnGroup = Message(
        "framework.method-on-group",
        vi: "{1}:{2}:{3}: {4} là lĩnh vực hoặc tiêu chí nên không có phương pháp (ghi \"{5}\"); để trống ô này.",
        en: "{1}:{2}:{3}: {4} is a field or criterion and takes no method (found \"{5}\"); leave the cell empty.")
    public static let frameworkBadStep = Message(
        "framework.bad-step", vi: "{1}:{2}:{3}: bước điểm của {4} là {5}; phải lớn hơn 0.",
        en: "{1}:{2}:{3}: the step of {4} is {5}; it must be greater than 0.")
    public static let frameworkNonPositiveMax = Message(
        "framework.non-positive-max", vi: "{1}:{2}:{3}: điểm tối đa của {4} là {5}; phải lớn hơn 0.",
        en: "{1}:{2}:{3}: the maximum of {4} is {5}; it must be greater than 0.")
    public static let frameworkOffStep = Message(
        "framework.off-step", vi: "{1}:{2}:{3}: điểm tối đa {5} của {4} không phải bội số của bước {6}.",
        en: "{1}:{2}:{3}: the maximum {5} of {4} is not a multiple of its step {6}.")
    public static let frameworkChildless = Message(
        "framework.childless", vi: "{1}:{2}:{3}: {4} không có mục con nào.", en: "{1}:{2}:{3}: {4} has no items under it.")
    public static let frameworkSumMismatch = Message(
        "framework.sum-mismatch", vi: "{1}:{2}:{3}: các mục con của {4} cộng lại được {5}, nhưng điểm tối đa của {4} là {6}.",
        en: "{1}:{2}:{3}: the items under {4} add up to {5}, but the maximum of {4} is {6}.")
    public static let frameworkEmpty = Message(
        "framework.empty", vi: "{1}: bộ tiêu chí không có lĩnh vực nào.", en: "{1}: the framework has no fields.")
    public static let frameworkTotalMismatch = Message(
        "framework.total-mismatch", vi: "{1}:{2}:{3}: các lĩnh vực cộng lại được {4}, nhưng tổng điểm khai báo là {5}.",
        en: "{1}:{2}:{3}: the fields add up to {4}, but the declared total is {5}.")
    public static let frameworkJSON = Message(
        "framework.json", vi: "{1}: JSON không hợp lệ tại {2}: {3}.", en: "{1}: invalid JSON at {2}: {3}.")

    // MARK: - Units and groups

    public static let unitsBadID = Message(
        "units.bad-id", vi: "{1}:{2}:{3}: mã \"{4}\" không hợp lệ: dùng 1–64 ký tự a–z, 0–9, '.', '_', '-'.",
        en: "{1}:{2}:{3}: id \"{4}\" is invalid: use 1–64 characters a–z, 0–9, '.', '_', '-'.")
    public static let unitsDuplicateGroup = Message(
        "units.duplicate-group", vi: "{1}:{2}:{3}: nhóm {4} được khai báo hai lần.",
        en: "{1}:{2}:{3}: group {4} is declared twice.")
    public static let unitsBadName = Message(
        "units.bad-name", vi: "{1}:{2}:{3}: tên trống, dài quá 200 byte hoặc có ký tự điều khiển.",
        en: "{1}:{2}:{3}: the name is empty, longer than 200 bytes or has a control character.")
    public static let unitsDuplicate = Message(
        "units.duplicate", vi: "{1}:{2}:{3}: đơn vị {4} bị lặp (đã có ở dòng {5}).",
        en: "{1}:{2}:{3}: unit {4} appears twice (first on line {5}).")
    public static let unitsUnknownGroup = Message(
        "units.unknown-group", vi: "{1}:{2}:{3}: nhóm \"{4}\" không xác định.", en: "{1}:{2}:{3}: unknown group \"{4}\".")
    public static let hintGroupsFile = Message(
        "hint.groups-file",
        vi: "Nhóm có sẵn: so-nganh, huyen. Nhóm khác cần tệp --groups với các cột id,name.",
        en: "Built-in groups: so-nganh, huyen. Other groups need a --groups file with columns id,name.")
    public static let unitsNone = Message(
        "units.none", vi: "{1}: không có đơn vị nào.", en: "{1}: no units.")

    // MARK: - Self-assessment

    public static let selfUnknownUnit = Message(
        "self.unknown-unit", vi: "{1}:{2}:{3}: đơn vị \"{4}\" không có trong danh sách đơn vị.",
        en: "{1}:{2}:{3}: unit \"{4}\" is not in the unit list.")
    public static let selfUnknownCode = Message(
        "self.unknown-code", vi: "{1}:{2}:{3}: \"{4}\" không phải mã tiêu chí thành phần của bộ tiêu chí.",
        en: "{1}:{2}:{3}: \"{4}\" is not a sub-criterion code of the framework.")
    public static let selfNotSelf = Message(
        "self.not-self", vi: "{1}:{2}:{3}: tiêu chí thành phần {4} được chấm theo phương pháp {5}, đơn vị không tự chấm.",
        en: "{1}:{2}:{3}: sub-criterion {4} is scored by method {5}; units do not self-assess it.")
    public static let selfDuplicate = Message(
        "self.duplicate", vi: "{1}:{2}:{3}: ô {4} bị lặp (đã có ở dòng {5}).",
        en: "{1}:{2}:{3}: cell {4} appears twice (first on line {5}).")
    public static let selfOutOfRange = Message(
        "self.out-of-range", vi: "{1}:{2}:{3}: điểm tự chấm {4} của {5} nằm ngoài khoảng 0–{6}.",
        en: "{1}:{2}:{3}: self score {4} for {5} is outside 0–{6}.")
    public static let selfOffStep = Message(
        "self.off-step", vi: "{1}:{2}:{3}: điểm tự chấm {4} của {5} không phải bội số của bước {6}.",
        en: "{1}:{2}:{3}: self score {4} for {5} is not a multiple of the step {6}.")
    public static let selfBadNote = Message(
        "self.bad-note", vi: "{1}:{2}:{3}: ghi chú dài quá 2000 byte hoặc có ký tự điều khiển.",
        en: "{1}:{2}:{3}: the note is longer than 2000 bytes or has a control character.")
    public static let selfMissing = Message(
        "self.missing", vi: "{1}: thiếu {2} ô tự chấm (đơn vị/mã): {3}.",
        en: "{1}: {2} self-assessment cells (unit/code) are missing: {3}.")

    // MARK: - Members and assignments

    public static let identityBadIDAt = Message(
        "members.bad-id", vi: "{1}:{2}:{3}: mã thành viên \"{4}\" không hợp lệ.", en: "{1}:{2}:{3}: member id \"{4}\" is invalid.")
    public static let membersDuplicate = Message(
        "members.duplicate", vi: "{1}:{2}:{3}: thành viên {4} bị lặp (đã có ở dòng {5}).",
        en: "{1}:{2}:{3}: member {4} appears twice (first on line {5}).")
    public static let membersKeyUnusable = Message(
        "members.key-unusable", vi: "{1}:{2}:{3}: không dùng được tệp khoá công khai {4} (xem lỗi tiếp theo).",
        en: "{1}:{2}:{3}: cannot use the public key file {4} (see the next error).")
    public static let membersIDMismatch = Message(
        "members.id-mismatch", vi: "{1}:{2}:{3}: tệp {4} là của \"{5}\", không phải \"{6}\".",
        en: "{1}:{2}:{3}: {4} belongs to \"{5}\", not \"{6}\".")
    public static let membersWrongRole = Message(
        "members.wrong-role", vi: "{1}:{2}:{3}: {4} có vai trò {5}; thành viên hội đồng cần danh tính vai trò member.",
        en: "{1}:{2}:{3}: {4} has role {5}; council members need an identity with role member.")
    public static let membersDuplicateKey = Message(
        "members.duplicate-key", vi: "{1}:{2}:{3}: {4} là cùng một danh tính đã dùng ở dòng {5}.",
        en: "{1}:{2}:{3}: {4} is the same identity as on line {5}.")
    public static let membersNoCodes = Message(
        "members.no-codes", vi: "{1}:{2}:{3}: thành viên {4} chưa được phân công mã nào.",
        en: "{1}:{2}:{3}: member {4} is assigned no codes.")
    public static let membersUnknownCode = Message(
        "members.unknown-code", vi: "{1}:{2}:{3}: mã \"{4}\" không có trong bộ tiêu chí.",
        en: "{1}:{2}:{3}: code \"{4}\" is not in the framework.")
    public static let membersSurveyCode = Message(
        "members.survey-code", vi: "{1}:{2}:{3}: mã {4} chỉ gồm tiêu chí điều tra XHH, không thẩm định.",
        en: "{1}:{2}:{3}: code {4} covers only survey sub-criteria, which are not appraised.")
    public static let membersUnknownUnit = Message(
        "members.unknown-unit", vi: "{1}:{2}:{3}: \"{4}\" không phải mã đơn vị hay mã nhóm.",
        en: "{1}:{2}:{3}: \"{4}\" is neither a unit id nor a group id.")
    public static let membersNone = Message(
        "members.none", vi: "{1}: không có thành viên nào.", en: "{1}: no members.")
    public static let assignOverlap = Message(
        "assign.overlap", vi: "{1}: {2} ô được phân cho nhiều thành viên: {3}.",
        en: "{1}: {2} cells are assigned to more than one member: {3}.")
    public static let assignGap = Message(
        "assign.gap", vi: "{1}: {2} ô cần thẩm định chưa được phân cho ai (đơn vị/mã): {3}.",
        en: "{1}: {2} appraisable cells (unit/code) are assigned to nobody: {3}.")

    // MARK: - Rank labels

    public static let labelsUnknownGroup = Message(
        "labels.unknown-group", vi: "{1}:{2}:{3}: nhóm \"{4}\" không có đơn vị nào (dùng * cho mọi nhóm).",
        en: "{1}:{2}:{3}: group \"{4}\" has no units (use * for every group).")
    public static let labelsBadLabel = Message(
        "labels.bad-label", vi: "{1}:{2}:{3}: nhãn xếp loại trống hoặc không hợp lệ.",
        en: "{1}:{2}:{3}: the rank label is empty or invalid.")
    public static let labelsBadPercent = Message(
        "labels.bad-percent", vi: "{1}:{2}:{3}: ngưỡng \"{4}\" phải là số từ 0 đến 100.",
        en: "{1}:{2}:{3}: threshold \"{4}\" must be a number from 0 to 100.")
    public static let labelsDuplicate = Message(
        "labels.duplicate", vi: "{1}:{2}:{3}: nhãn {4} hoặc ngưỡng của nó bị lặp trong nhóm {5}.",
        en: "{1}:{2}:{3}: label {4} or its threshold is repeated in group {5}.")
    public static let labelsNoFloor = Message(
        "labels.no-floor", vi: "{1}: nhóm {2} không có nhãn nào với ngưỡng 0 (nhãn cho các trường hợp còn lại).",
        en: "{1}: group {2} has no label with threshold 0 (the label for everything below).")
}
