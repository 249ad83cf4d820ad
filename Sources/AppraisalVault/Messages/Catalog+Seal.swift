// Catalog entries for sealing, receiving and merging from the command line.

extension Message {
    static let sealMessages: [Message] = [
        .sealNotMember, .hintCheckRound, .sealProblems, .sealWrote, .sealRemoved, .sealAbstract, .sealHelpWorksheet,
        .sealHelpRound, .sealHelpKey, .sealHelpOut, .sealHelpRevision, .sealHelpRemove, .sealChecked,
        .surveyNotSurvey, .surveyOutOfRange, .surveyDuplicate, .surveyMissing,
        .mergeNotSecretary, .mergeAlreadyMerged, .mergeContentMismatch, .mergeInvalidContent, .mergeIncomplete,
        .hintAllowIncomplete, .mergeAbstract, .mergeHelpSurvey, .mergeHelpAllowIncomplete, .mergeDone, .mergeCoverage,
        .mergeGapsNote, .receiveAbstract, .receiveHelpFiles, .receiveAccepted, .receiveSuperseded, .receiveRejected,
        .receiveSummary, .statusAbstract, .statusHeader, .statusSubmitted, .statusMissing, .statusSummary,
        .helpRound, .helpKey, .helpRoundFingerprint, .roundFingerprintUnreadable, .roundFingerprintMismatch,
        .hintFingerprintMismatch, .sealConfirmFingerprint, .sealFingerprintChecked, .sealBadRevision,
        .roundSharedKey, .mergeAlreadyJournaled, .receiveRecovered,
    ]

    public static let receiveRecovered = Message(
        "receive.recovered", vi: "đã hoàn tất lần nhận bị gián đoạn: {1}, lần nộp {2}",
        en: "completed an interrupted receive: {1}, revision {2}")

    public static let roundSharedKey = Message(
        "round.shared-key", vi: "{1} và {2} dùng chung một khoá; mỗi vai trò phải có danh tính và khoá riêng.",
        en: "{1} and {2} use the same key; every role needs its own identity and keys.")
    public static let mergeAlreadyJournaled = Message(
        "merge.already-journaled",
        vi: "{1}: nhật ký đã ghi một lần tổng hợp; không tổng hợp lại (phê duyệt đã cấp có thể mở khoá của vòng).",
        en: "{1}: the journal already records a merge; not merging again (approvals already given would open the round's key).")

    public static let helpRoundFingerprint = Message(
        "help.round-fingerprint",
        vi: "Dấu vân tay của vòng mà thư ký đã đọc cho bạn; lệnh dừng lại nếu tệp vòng không khớp.",
        en: "The round fingerprint the secretary read to you; the command stops if the round file does not match.")
    public static let roundFingerprintUnreadable = Message(
        "round.fingerprint-unreadable", vi: "\"{1}\" không phải dấu vân tay (6 nhóm 4 ký tự).",
        en: "\"{1}\" is not a fingerprint (6 groups of 4 characters).")
    public static let roundFingerprintMismatch = Message(
        "round.fingerprint-mismatch",
        vi: "{1}: dấu vân tay của vòng là {2}, không phải {3} như đã được đọc cho bạn.",
        en: "{1}: the round's fingerprint is {2}, not {3} as you were told.")
    public static let hintFingerprintMismatch = Message(
        "hint.fingerprint-mismatch",
        vi: "Đừng niêm phong hay dùng tệp vòng này: có thể là tệp giả. Gọi điện cho thư ký để xin lại tệp round.avr.",
        en: "Do not seal with or use this round file: it may be forged. Call the secretary for a fresh round.avr.")
    public static let sealConfirmFingerprint = Message(
        "seal.confirm-fingerprint",
        vi: "Vòng \"{1}\", dấu vân tay {2}: hãy đối chiếu với thư ký qua điện thoại (hoặc dùng --fingerprint).",
        en: "Round \"{1}\", fingerprint {2}: confirm it with the secretary by phone (or pass --fingerprint).")
    public static let sealFingerprintChecked = Message(
        "seal.fingerprint-checked", vi: "Vòng \"{1}\": dấu vân tay {2} khớp.", en: "Round \"{1}\": fingerprint {2} matches.")
    public static let sealBadRevision = Message(
        "seal.bad-revision", vi: "Số lần nộp {1} phải từ 1 đến 1000000.", en: "Revision {1} must be from 1 to 1000000.")

    public static let sealNotMember = Message(
        "seal.not-member", vi: "{1} không phải thành viên thẩm định của vòng này.", en: "{1} is not an appraising member of this round.")
    public static let hintCheckRound = Message(
        "hint.check-round", vi: "Kiểm tra đã dùng đúng tệp vòng (--round) và đúng tệp khoá (--key).",
        en: "Check that you used the right round (--round) and the right key file (--key).")
    public static let sealProblems = Message(
        "seal.problems", vi: "{1}: có {2} lỗi; chưa niêm phong. Sửa phiếu rồi chạy lại.",
        en: "{1}: {2} problems; nothing was sealed. Fix the worksheet and run again.")
    public static let sealChecked = Message(
        "seal.checked", vi: "Phiếu hợp lệ: {1} ô đã thẩm định.", en: "Worksheet is valid: {1} cells appraised.")
    public static let sealWrote = Message(
        "seal.wrote", vi: "Đã niêm phong {1} (lần nộp {2}) gửi thư ký {3}.", en: "Sealed {1} (revision {2}) for the secretary {3}.")
    public static let sealRemoved = Message(
        "seal.removed", vi: "Đã xoá phiếu bản rõ {1}.", en: "Removed the plaintext worksheet {1}.")
    public static let sealAbstract = Message(
        "seal.abstract", vi: "Kiểm tra phiếu thẩm định đã điền, ký và mã hoá để chỉ thư ký mở được.",
        en: "Check a filled worksheet, then sign it and encrypt it so only the secretary can open it.")
    public static let sealHelpWorksheet = Message(
        "seal.help-worksheet", vi: "Phiếu thẩm định đã điền (CSV).", en: "The filled worksheet (CSV).")
    public static let sealHelpRound = Message(
        "seal.help-round", vi: "Thư mục vòng hoặc tệp round.avr.", en: "The round folder or its round.avr file.")
    public static let sealHelpKey = Message("seal.help-key", vi: "Tệp khoá bí mật của bạn.", en: "Your secret key file.")
    public static let sealHelpOut = Message(
        "seal.help-out", vi: "Tệp kết quả (mặc định: MÃ.rSỐ.avs trong thư mục hiện tại).",
        en: "The output file (default: ID.rN.avs in the current folder).")
    public static let sealHelpRevision = Message(
        "seal.help-revision", vi: "Số lần nộp (mặc định: lớn hơn lần lớn nhất đã có cạnh tệp kết quả).",
        en: "The revision number (default: one more than the highest found next to the output).")
    public static let sealHelpRemove = Message(
        "seal.help-remove", vi: "Xoá phiếu bản rõ sau khi niêm phong thành công.",
        en: "Remove the plaintext worksheet after a successful seal.")
    public static let surveyNotSurvey = Message(
        "survey.not-survey", vi: "{1}:{2}:{3}: mã {4} không phải tiêu chí điều tra xã hội học.",
        en: "{1}:{2}:{3}: code {4} is not a survey sub-criterion.")
    public static let surveyOutOfRange = Message(
        "survey.out-of-range", vi: "{1}:{2}:{3}: điểm {4} phải trong [0, {5}] và theo bước {6}.",
        en: "{1}:{2}:{3}: score {4} must be within [0, {5}] and a multiple of {6}.")
    public static let surveyDuplicate = Message(
        "survey.duplicate", vi: "{1}:{2}:{3}: {4} / {5} xuất hiện hai lần.", en: "{1}:{2}:{3}: {4} / {5} appears twice.")
    public static let surveyMissing = Message(
        "survey.missing", vi: "{1}: thiếu điểm điều tra cho {2} / {3}.", en: "{1}: no survey score for {2} / {3}.")
    public static let mergeNotSecretary = Message(
        "merge.not-secretary", vi: "Khoá {1} không phải khoá của thư ký vòng này ({2}).",
        en: "The key {1} is not this round's secretary key ({2}).")
    public static let mergeAlreadyMerged = Message(
        "merge.already-merged", vi: "{1}: vòng này đã được tổng hợp; không tổng hợp lại.",
        en: "{1}: this round was already merged; not merging again.")
    public static let mergeContentMismatch = Message(
        "merge.content-mismatch", vi: "{1}: nội dung bên trong không khớp với phần đầu tệp (người gửi, lần nộp hoặc vòng).",
        en: "{1}: the inner content does not match the header (sender, revision or round).")
    public static let mergeInvalidContent = Message(
        "merge.invalid-content", vi: "{1}: {2} lỗi trong nội dung bài nộp, ví dụ: {3}",
        en: "{1}: {2} problems in the submission's content, e.g.: {3}")
    public static let mergeIncomplete = Message(
        "merge.incomplete", vi: "Chưa đủ: {1} ô chưa thẩm định, {2} ô xung đột: {3}",
        en: "Incomplete: {1} cells not appraised, {2} in conflict: {3}")
    public static let hintAllowIncomplete = Message(
        "hint.allow-incomplete", vi: "Chờ các thành viên còn thiếu nộp bài, hoặc dùng --allow-incomplete (sẽ ghi vào bản kê).",
        en: "Wait for the missing members, or pass --allow-incomplete (the manifest records it).")
    public static let mergeAbstract = Message(
        "merge.abstract", vi: "Mở, kiểm tra và tổng hợp các bài nộp; ghi kết quả đã khoá và bản kê có chữ ký.",
        en: "Open, check and merge the submissions; write the locked results and a signed manifest.")
    public static let mergeHelpSurvey = Message(
        "merge.help-survey", vi: "Điểm điều tra xã hội học (CSV unit,code,score).", en: "Survey scores (CSV unit,code,score).")
    public static let mergeHelpAllowIncomplete = Message(
        "merge.help-allow-incomplete", vi: "Khoá kết quả dù còn ô thiếu hoặc xung đột (ghi vào bản kê).",
        en: "Lock the results even with gaps or conflicts (recorded in the manifest).")
    public static let mergeDone = Message(
        "merge.done", vi: "Đã tổng hợp {1} bài nộp. Kết quả đã khoá: {2}. Bản kê: {3}.",
        en: "Merged {1} submissions. Locked results: {2}. Manifest: {3}.")
    public static let mergeCoverage = Message(
        "merge.coverage", vi: "Độ phủ: {1}/{2} ô đã thẩm định; {3} ô thiếu; {4} ô xung đột.",
        en: "Coverage: {1}/{2} cells appraised; {3} gaps; {4} conflicts.")
    public static let mergeGapsNote = Message(
        "merge.gaps-note", vi: "Chưa nộp: {1}", en: "Not submitted: {1}")
    public static let receiveAbstract = Message(
        "receive.abstract", vi: "Kiểm tra chữ ký và ràng buộc của các bài nộp rồi nhận vào thư mục vòng (không giải mã).",
        en: "Check the signatures and bindings of sealed submissions and take them into the round folder (no decryption).")
    public static let receiveHelpFiles = Message(
        "receive.help-files", vi: "Các tệp bài nộp đã niêm phong (.avs).", en: "The sealed submission files (.avs).")
    public static let receiveAccepted = Message(
        "receive.accepted", vi: "nhận: {1} — {2}, lần nộp {3}", en: "accepted: {1} — {2}, revision {3}")
    public static let receiveSuperseded = Message(
        "receive.superseded", vi: "nhận: {1} — {2}, lần nộp {3} thay lần {4}", en: "accepted: {1} — {2}, revision {3} replaces {4}")
    public static let receiveRejected = Message("receive.rejected", vi: "từ chối: {1}", en: "rejected: {1}")
    public static let receiveSummary = Message(
        "receive.summary", vi: "{1} tệp được nhận, {2} tệp bị từ chối.", en: "{1} files accepted, {2} rejected.")
    public static let statusAbstract = Message(
        "status.abstract", vi: "Liệt kê thành viên nào đã nộp, lần nộp và thời gian nhận (không bao giờ hiện điểm).",
        en: "List who has submitted, the revision and when it was received (never any score).")
    public static let statusHeader = Message(
        "status.header", vi: "Vòng: {1} ({2})", en: "Round: {1} ({2})")
    public static let statusSubmitted = Message(
        "status.submitted", vi: "đã nộp  {1}  lần {2}  nhận lúc {3}", en: "submitted  {1}  revision {2}  received {3}")
    public static let statusMissing = Message("status.missing", vi: "chưa nộp {1}", en: "missing    {1}")
    public static let statusSummary = Message(
        "status.summary", vi: "{1}/{2} thành viên đã nộp.", en: "{1}/{2} members have submitted.")
    public static let helpRound = Message("help.round", vi: "Thư mục vòng thẩm định.", en: "The round folder.")
    public static let helpKey = Message("help.key", vi: "Tệp khoá bí mật.", en: "The secret key file.")
}
