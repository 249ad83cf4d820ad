// Catalog entries for the auditor's verification (`avault verify`, spec §9).

extension Message {
    static let verifyMessages: [Message] = [
        .verifyMoreProblems, .verifyRoundOK, .verifyFingerprintOK, .verifyFingerprintMismatch, .verifyFingerprintNotGiven,
        .verifyJournalSigned, .verifyJournalChain, .verifyJournalNoInit, .verifyJournalRound, .verifyNoSubmissions,
        .verifyNameOK, .verifySubmissionSigned, .verifyNameMismatch, .verifySubmissionBound, .verifyJournalEntryMalformed,
        .verifyJournaledFileMissing, .verifyJournaledFileChanged, .verifyFileNotJournaled, .verifyJournalFilesOK,
        .verifyNoManifest, .verifyManifestSigned, .verifyManifestRound, .verifyManifestWrongRound, .verifyListedMissing,
        .verifyListedChanged, .verifyUnlisted, .verifyManifestSubmissionsOK, .verifyCoverageIncomplete,
        .verifyCoverageInconsistent, .verifyCoverageIncompleteAllowed, .verifyCoverageOK, .verifyNoJournalToCheck,
        .verifyMergeEntryCount, .verifyMergeEntryDetails, .verifyMergeEntryHead, .verifyMergedNotReceived,
        .verifyManifestJournalOK, .verifyResultsMissing, .verifyResultsHashOK, .verifyResultsHashMismatch,
        .verifyResultsWithoutManifest, .verifyResultsEnvelopeOK, .verifyNoApprovals, .verifyReleaseBeforeMerge,
        .verifyApprovalOK, .verifyApprovalsDiffer, .verifyApprovalsEnough, .verifyApprovalsSoFar, .verifyNoToken,
        .verifyTokenOK, .verifyResultsHeaderMismatch, .verifyResultsOpened, .verifyResultsUnits, .verifyResultsCells,
        .verifyResultsCellDiffers, .verifyTotalWrong, .verifyTotalsOK, .verifyPercentWrong, .verifyPercentOK,
        .verifyReasonMissing, .verifyReasonsOK, .verifyAppraiserUnexpected, .verifyAppraiserWrong, .verifyAppraisedCount,
        .verifyAppraisersOK, .verifyAbstract, .verifyHelpFolder, .verifyHelpFingerprint, .verifyHelpJSON,
        .verifyBadFingerprint, .verifyHeader, .verifySummaryPass, .verifySummaryFail,
    ]

    // MARK: - Round and journal

    public static let verifyMoreProblems = Message(
        "verify.more-problems", vi: "Còn {1} lỗi khác của bước kiểm tra {2} không liệt kê ở đây.",
        en: "{1} more findings of check {2} are not listed.")
    public static let verifyRoundOK = Message(
        "verify.round-ok",
        vi: "\"{1}\": chữ ký của thư ký {2} hợp lệ; {3} thành viên, mở kết quả cần {4} trong {5} người giữ khoá.",
        en: "\"{1}\": signed by the secretary {2}; {3} members; release needs {4} of {5} holders.")
    public static let verifyFingerprintOK = Message(
        "verify.fingerprint-ok", vi: "Dấu vân tay của vòng khớp: {1}.", en: "The round fingerprint matches: {1}.")
    public static let verifyFingerprintMismatch = Message(
        "verify.fingerprint-mismatch",
        vi: "Dấu vân tay của vòng là {1}, không phải {2} như được cung cấp: đây không phải vòng thẩm định bạn được báo.",
        en: "The round fingerprint is {1}, not {2} as given: this is not the round you were told about.")
    public static let verifyFingerprintNotGiven = Message(
        "verify.fingerprint-not-given",
        vi: "Chưa so dấu vân tay (không có --fingerprint). Dấu vân tay của vòng là {1}; hãy đọc đối chiếu với thư ký.",
        en: "Fingerprint not compared (no --fingerprint). The round's fingerprint is {1}; read it back to the secretary.")
    public static let verifyJournalSigned = Message(
        "verify.journal-signed", vi: "Nhật ký được thư ký {1} ký hợp lệ.", en: "The journal is signed by the secretary {1}.")
    public static let verifyJournalChain = Message(
        "verify.journal-chain", vi: "Chuỗi băm liền mạch qua {1} mục; đầu chuỗi {2}….",
        en: "The hash chain is intact over {1} entries; head {2}….")
    public static let verifyJournalNoInit = Message(
        "verify.journal-no-init", vi: "{1}: mục đầu tiên không phải round-init của đúng tệp vòng này.",
        en: "{1}: the first entry is not the round-init of this round definition.")
    public static let verifyJournalRound = Message(
        "verify.journal-round", vi: "{1} thuộc về vòng này và bắt đầu bằng round-init.",
        en: "{1} belongs to this round and starts with its round-init.")

    // MARK: - Submissions

    public static let verifyNoSubmissions = Message(
        "verify.no-submissions", vi: "Chưa có bài nộp nào.", en: "No submissions yet.")
    public static let verifyNameOK = Message(
        "verify.name-ok", vi: "Tên tệp đúng quy tắc: {1}, lần nộp {2}.", en: "File name follows the rule: {1}, revision {2}.")
    public static let verifySubmissionSigned = Message(
        "verify.submission-signed", vi: "Chữ ký ngoài hợp lệ (người ký {1}).", en: "Outer signature verifies (signed as {1}).")
    public static let verifyNameMismatch = Message(
        "verify.name-mismatch",
        vi: "{1}: tên tệp ghi {2} lần nộp {3}, nhưng tệp được {4} ký là lần nộp {5}; tệp đã bị đổi tên hoặc tráo.",
        en: "{1}: the name says {2} revision {3}, but the file is signed by {4} as revision {5}; it was renamed or swapped.")
    public static let verifySubmissionBound = Message(
        "verify.submission-bound", vi: "Của {1}, lần nộp {2}, gửi cho thư ký {3} của đúng vòng này.",
        en: "From {1}, revision {2}, sealed to this round's secretary {3}.")
    public static let verifyJournalEntryMalformed = Message(
        "verify.journal-entry-malformed", vi: "Mục nhật ký {1} ({2}) thiếu thông tin hoặc không khớp với các lần nộp trước.",
        en: "Journal entry {1} ({2}) is incomplete or does not follow from the earlier revisions.")
    public static let verifyJournaledFileMissing = Message(
        "verify.journaled-file-missing", vi: "{1}: nhật ký (mục {2}) ghi nhận tệp này nhưng không tìm thấy; tệp đã bị xoá hoặc chuyển.",
        en: "{1}: the journal (entry {2}) records this file but it is not there; it was removed or moved.")
    public static let verifyJournaledFileChanged = Message(
        "verify.journaled-file-changed", vi: "{1}: nội dung khác với mã băm ghi trong nhật ký (mục {2}); tệp đã bị thay.",
        en: "{1}: its bytes differ from the hash the journal records (entry {2}); the file was replaced.")
    public static let verifyFileNotJournaled = Message(
        "verify.file-not-journaled", vi: "{1}: không có mục nhật ký nào ghi nhận tệp này; tệp được thêm ngoài lệnh receive.",
        en: "{1}: no journal entry records this file; it was added without avault receive.")
    public static let verifyJournalFilesOK = Message(
        "verify.journal-files-ok",
        vi: "Mọi tệp đã nhận nằm đúng chỗ nhật ký ghi: {1} bài hiệu lực, {2} bài bị thay thế; {3} tệp bị từ chối.",
        en: "Every received file is where the journal puts it: {1} live, {2} superseded; {3} files rejected.")

    // MARK: - Manifest and locked results

    public static let verifyNoManifest = Message(
        "verify.no-manifest", vi: "Chưa có bản kê (manifest.avm): vòng chưa được tổng hợp.",
        en: "No manifest yet (manifest.avm): the round has not been merged.")
    public static let verifyManifestSigned = Message(
        "verify.manifest-signed", vi: "Bản kê được thư ký {1} ký hợp lệ.", en: "The manifest is signed by the secretary {1}.")
    public static let verifyManifestRound = Message(
        "verify.manifest-round", vi: "Bản kê thuộc về vòng này.", en: "The manifest belongs to this round.")
    public static let verifyManifestWrongRound = Message(
        "verify.manifest-wrong-round", vi: "{1}: bản kê thuộc về một vòng thẩm định khác.",
        en: "{1}: the manifest belongs to another appraisal round.")
    public static let verifyListedMissing = Message(
        "verify.listed-missing", vi: "{1}: có trong bản kê ({2}, lần nộp {3}) nhưng không có trong submissions/; đã bị xoá sau khi tổng hợp.",
        en: "{1}: listed in the manifest ({2}, revision {3}) but not in submissions/; removed after the merge.")
    public static let verifyListedChanged = Message(
        "verify.listed-changed", vi: "{1}: nội dung khác với mã băm ghi trong bản kê; tệp đã bị thay sau khi tổng hợp.",
        en: "{1}: its bytes differ from the hash the manifest lists; replaced after the merge.")
    public static let verifyUnlisted = Message(
        "verify.unlisted", vi: "{1}: nằm trong submissions/ nhưng không có trong bản kê; được thêm sau khi tổng hợp.",
        en: "{1}: in submissions/ but not listed in the manifest; added after the merge.")
    public static let verifyManifestSubmissionsOK = Message(
        "verify.manifest-submissions-ok", vi: "submissions/ chứa đúng {1} tệp có trong bản kê, mã băm khớp, không thừa tệp nào.",
        en: "submissions/ holds exactly the {1} files the manifest lists, with the listed hashes, and nothing else.")
    public static let verifyCoverageIncomplete = Message(
        "verify.coverage-incomplete",
        vi: "{1}: {2}/{3} ô được thẩm định, {4} ô thiếu, {5} ô xung đột, nhưng bản kê không ghi là cố ý khoá khi chưa đủ.",
        en: "{1}: {2} of {3} cells appraised, {4} gaps, {5} conflicts, yet the manifest does not say it was locked incomplete on purpose.")
    public static let verifyCoverageInconsistent = Message(
        "verify.coverage-inconsistent",
        vi: "{1}: số liệu độ phủ không khớp với vòng ({2} ô cần thẩm định; bản kê ghi {3}/{4}, {5} ô thiếu, {6} ô xung đột) hoặc danh sách người chưa nộp sai.",
        en: "{1}: the coverage does not match the round ({2} appraisable cells; the manifest says {3} of {4}, {5} gaps, {6} conflicts) or its missing members are wrong.")
    public static let verifyCoverageIncompleteAllowed = Message(
        "verify.coverage-incomplete-allowed",
        vi: "Thư ký cố ý khoá kết quả khi chưa đủ (--allow-incomplete): {1}/{2} ô, {3} ô thiếu, {4} ô xung đột; chưa nộp: {5}.",
        en: "Locked incomplete on purpose (--allow-incomplete): {1} of {2} cells, {3} gaps, {4} conflicts; not submitted: {5}.")
    public static let verifyCoverageOK = Message(
        "verify.coverage-ok", vi: "Đủ: {1}/{2} ô được thẩm định, không thiếu, không xung đột.",
        en: "Complete: {1} of {2} cells appraised, no gaps, no conflicts.")
    public static let verifyNoJournalToCheck = Message(
        "verify.no-journal-to-check", vi: "{1}: không đọc được nhật ký nên không đối chiếu được.",
        en: "{1}: the journal could not be read, so it cannot be compared.")
    public static let verifyMergeEntryCount = Message(
        "verify.merge-entry-count", vi: "Nhật ký có {1} mục merge; phải có đúng một.",
        en: "The journal has {1} merge entries; there must be exactly one.")
    public static let verifyMergeEntryDetails = Message(
        "verify.merge-entry-details", vi: "Mục nhật ký {1} (merge) không ghi đúng mã băm của {2}, của kết quả khoá hoặc số bài nộp.",
        en: "Journal entry {1} (merge) does not name the hashes of {2} and the locked results, or the number of submissions.")
    public static let verifyMergeEntryHead = Message(
        "verify.merge-entry-head", vi: "Mục nhật ký {1} (merge) không nối tiếp đầu chuỗi mà {2} ghi lại; lịch sử trước khi tổng hợp đã bị viết lại.",
        en: "Journal entry {1} (merge) does not follow the head {2} recorded; the history before the merge was rewritten.")
    public static let verifyMergedNotReceived = Message(
        "verify.merged-not-received", vi: "Bài nộp {1} lần {2} được tổng hợp nhưng nhật ký không ghi đã nhận trước đó.",
        en: "Submission {1} revision {2} was merged, but the journal does not record receiving it before the merge.")
    public static let verifyManifestJournalOK = Message(
        "verify.manifest-journal-ok", vi: "Mục nhật ký {1} (merge) ghi đúng bản kê và kết quả, nối tiếp đúng đầu chuỗi.",
        en: "Journal entry {1} (merge) names this manifest and these results, right after the recorded head.")
    public static let verifyResultsMissing = Message(
        "verify.results-missing", vi: "{1}: có bản kê nhưng không có tệp kết quả khoá.",
        en: "{1}: there is a manifest but no locked results file.")
    public static let verifyResultsHashOK = Message(
        "verify.results-hash-ok", vi: "Mã băm khớp với bản kê ({1}…).", en: "Hash matches the manifest ({1}…).")
    public static let verifyResultsHashMismatch = Message(
        "verify.results-hash-mismatch", vi: "{1}: mã băm khác với bản kê; kết quả khoá đã bị thay hoặc sửa.",
        en: "{1}: the hash differs from the manifest's; the locked results were replaced or altered.")
    public static let verifyResultsWithoutManifest = Message(
        "verify.results-without-manifest", vi: "{1}: có kết quả khoá nhưng không có bản kê để đối chiếu.",
        en: "{1}: locked results without a manifest to check them against.")
    public static let verifyResultsEnvelopeOK = Message(
        "verify.results-envelope-ok", vi: "Thư ký {1} ký, khoá bằng khoá mở của vòng; không đọc được khi chưa có thẻ mở.",
        en: "Signed by the secretary {1}, locked to the round's release key; unreadable without the release token.")

    // MARK: - Release

    public static let verifyNoApprovals = Message(
        "verify.no-approvals", vi: "Chưa có phê duyệt mở kết quả nào.", en: "No release approvals yet.")
    public static let verifyReleaseBeforeMerge = Message(
        "verify.release-before-merge", vi: "{1}: có tệp mở kết quả nhưng thiếu bản kê hoặc kết quả khoá để đối chiếu.",
        en: "{1}: a release file, but no manifest or locked results to check it against.")
    public static let verifyApprovalOK = Message(
        "verify.approval-ok", vi: "Phê duyệt của {1} (x = {2}) hợp lệ, theo \"{3}\".",
        en: "Valid approval by {1} (x = {2}) under \"{3}\".")
    public static let verifyApprovalsDiffer = Message(
        "verify.approvals-differ", vi: "{1} và {2} dẫn hai quyết định khác nhau; không thể gộp thành thẻ mở.",
        en: "{1} and {2} cite different decisions; they cannot form one release token.")
    public static let verifyApprovalsEnough = Message(
        "verify.approvals-enough", vi: "{1} người giữ khoá khác nhau đã phê duyệt ({2}); cần {3}.",
        en: "{1} distinct holders approved ({2}); {3} needed.")
    public static let verifyApprovalsSoFar = Message(
        "verify.approvals-so-far", vi: "Mới có {1} người giữ khoá khác nhau phê duyệt ({2}); cần {3}.",
        en: "So far {1} distinct holders approved ({2}); {3} needed.")
    public static let verifyNoToken = Message(
        "verify.no-token", vi: "Chưa có thẻ mở kết quả: kết quả vẫn khoá.", en: "No release token yet: the results stay locked.")
    public static let verifyTokenOK = Message(
        "verify.token-ok",
        vi: "Thẻ mở hợp lệ: {1} người giữ khoá khác nhau ({2}), cần {3}; khoá dựng lại khớp khoá mở của vòng; theo \"{4}\".",
        en: "Valid token: {1} distinct holders ({2}), {3} needed; the rebuilt key matches the round's release key; under \"{4}\".")

    // MARK: - Released results

    public static let verifyResultsHeaderMismatch = Message(
        "verify.results-header-mismatch", vi: "{1}: kết quả đã mở ghi vòng khác hoặc thông tin điều tra XHH khác với bản kê.",
        en: "{1}: the opened results name another round, or disagree with the manifest about survey scores.")
    public static let verifyResultsOpened = Message(
        "verify.results-opened", vi: "Đã mở kết quả bằng thẻ mở: {1} đơn vị; chữ ký bên trong hợp lệ.",
        en: "Opened with the token: {1} units; the inner signature verifies.")
    public static let verifyResultsUnits = Message(
        "verify.results-units", vi: "{1}: danh sách đơn vị hoặc nhóm khác với tệp vòng.",
        en: "{1}: the units or their groups differ from the round definition.")
    public static let verifyResultsCells = Message(
        "verify.results-cells", vi: "{1}: các tiêu chí trong kết quả khác với bộ tiêu chí của vòng.",
        en: "{1}: the criteria in the results differ from the round's framework.")
    public static let verifyResultsCellDiffers = Message(
        "verify.results-cell-differs", vi: "{1} / {2}: phương pháp, điểm tối đa hoặc điểm tự chấm khác với tệp vòng.",
        en: "{1} / {2}: method, maximum or self score differs from the round definition.")
    public static let verifyTotalWrong = Message(
        "verify.total-wrong", vi: "{1} / {2}: tổng điểm không bằng tổng các phần.", en: "{1} / {2}: the total is not the sum of its parts.")
    public static let verifyTotalsOK = Message(
        "verify.totals-ok", vi: "Tổng điểm cộng đúng ở mọi cấp cho {1} đơn vị.", en: "Totals add up at every level for {1} units.")
    public static let verifyPercentWrong = Message(
        "verify.percent-wrong", vi: "{1}: chỉ số {2} % sai (tính lại: {3} %, hạng {4}, xếp loại \"{5}\").",
        en: "{1}: index {2} % is wrong (recomputed: {3} %, rank {4}, label \"{5}\").")
    public static let verifyPercentOK = Message(
        "verify.percent-ok", vi: "Chỉ số %, thứ hạng và xếp loại tính lại khớp cho {1} đơn vị.",
        en: "Index %, rank and label recomputed and matching for {1} units.")
    public static let verifyReasonMissing = Message(
        "verify.reason-missing", vi: "{1} / {2}: điểm thẩm định khác điểm tự chấm nhưng không có lý do.",
        en: "{1} / {2}: the appraised score differs from the self score but no reason is given.")
    public static let verifyReasonsOK = Message(
        "verify.reasons-ok", vi: "Cả {1} ô có điểm thẩm định khác điểm tự chấm đều có lý do.",
        en: "All {1} cells whose appraised score differs from the self score give a reason.")
    public static let verifyAppraiserUnexpected = Message(
        "verify.appraiser-unexpected", vi: "{1} / {2}: ô không có điểm thẩm định nhưng ghi người thẩm định \"{3}\" hoặc lý do.",
        en: "{1} / {2}: a cell without an appraised score names an appraiser \"{3}\" or a reason.")
    public static let verifyAppraiserWrong = Message(
        "verify.appraiser-wrong", vi: "{1} / {2}: do {3} thẩm định, nhưng ô này được phân công cho {4}.",
        en: "{1} / {2}: appraised by {3}, but the cell is assigned to {4}.")
    public static let verifyAppraisedCount = Message(
        "verify.appraised-count", vi: "Kết quả có {1} ô được thẩm định, bản kê ghi {2}.",
        en: "The results hold {1} appraised cells; the manifest says {2}.")
    public static let verifyAppraisersOK = Message(
        "verify.appraisers-ok", vi: "Cả {1} ô được thẩm định đều do đúng thành viên được phân công chấm.",
        en: "All {1} appraised cells were appraised by the member assigned to them.")

    // MARK: - Command line

    public static let verifyAbstract = Message(
        "verify.abstract", vi: "Kiểm tra toàn bộ thư mục vòng thẩm định chỉ bằng khoá công khai (dành cho kiểm tra viên).",
        en: "Verify a whole round folder with public keys only (for auditors).")
    public static let verifyHelpFolder = Message(
        "verify.help-folder", vi: "Thư mục vòng thẩm định cần kiểm tra.", en: "The round folder to verify.")
    public static let verifyHelpFingerprint = Message(
        "verify.help-fingerprint", vi: "Dấu vân tay của vòng mà thư ký đã đọc cho bạn (bỏ qua chữ hoa/thường, dấu cách và gạch nối).",
        en: "The round fingerprint the secretary read to you (case, spaces and dashes are ignored).")
    public static let verifyHelpJSON = Message(
        "verify.help-json", vi: "In báo cáo dạng JSON chuẩn cho máy đọc.", en: "Print the report as canonical JSON for machines.")
    public static let verifyBadFingerprint = Message(
        "verify.bad-fingerprint", vi: "\"{1}\" không phải dấu vân tay (24 ký tự A–Z, 2–7).",
        en: "\"{1}\" is not a fingerprint (24 characters A–Z, 2–7).")
    public static let verifyHeader = Message(
        "verify.header", vi: "Kiểm tra vòng {1} (dấu vân tay {2})", en: "Verifying round {1} (fingerprint {2})")
    public static let verifySummaryPass = Message(
        "verify.summary-pass", vi: "ĐẠT: {1} bước kiểm tra đạt, {2} bước chưa đến lượt.",
        en: "PASSED: {1} checks passed, {2} not yet applicable.")
    public static let verifySummaryFail = Message(
        "verify.summary-fail", vi: "KHÔNG ĐẠT: {1} trong {2} bước kiểm tra không đạt.",
        en: "FAILED: {1} of {2} checks failed.")
}
