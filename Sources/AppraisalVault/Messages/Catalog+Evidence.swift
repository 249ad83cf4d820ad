// Catalog entries for evidence attachments (tài liệu kiểm chứng; spec §10).

extension Message {
    static let evidenceMessages: [Message] = [
        .evidenceBadName, .evidenceDuplicateName, .evidenceTooMany, .evidenceNoSubmission, .evidenceNotLive,
        .evidenceAfterMerge, .evidenceIndexTaken, .evidenceStrayFile, .mergeMissingEvidence, .mergeEvidenceMismatch,
        .mergeUnlistedEvidence, .hintUnlistedEvidence, .verifyEvidenceNameOK, .verifyEvidenceSigned, .verifyEvidenceBound,
        .verifyManifestEvidenceOK, .verifyEvidenceUnbound, .sealHelpAttach, .sealWroteEvidence, .receiveEvidenceAccepted,
        .evidenceAbstract, .evidenceAddAbstract, .evidenceHelpFiles, .evidenceAdded, .extractAbstract, .extractHelpOut,
        .extractHelpMember, .extractWrote, .extractSummary, .mergeEvidenceCount, .verifyEvidenceListedMissing,
        .verifyEvidenceUnlisted, .verifyEvidenceNameMismatch,
    ]

    // MARK: - Rules

    public static let evidenceBadName = Message(
        "evidence.bad-name",
        vi: "{1}: tên tệp không dùng được cho tài liệu kiểm chứng (1–255 byte, không có \"/\", \"\\\" hay ký tự điều khiển, không phải \".\" hay \"..\").",
        en: "{1}: this file name cannot be used for evidence (1–255 bytes, no \"/\", \"\\\" or control characters, not \".\" or \"..\").")
    public static let evidenceDuplicateName = Message(
        "evidence.duplicate-name", vi: "{1}: đã có tài liệu kiểm chứng khác cùng tên \"{2}\"; hãy đổi tên một tệp.",
        en: "{1}: another evidence file already has the name \"{2}\"; rename one of them.")
    public static let evidenceTooMany = Message(
        "evidence.too-many", vi: "Quá nhiều tài liệu kiểm chứng ({1}); tối đa {2}.", en: "Too many evidence files ({1}); at most {2}.")
    public static let evidenceNoSubmission = Message(
        "evidence.no-submission",
        vi: "{1}: {2} chưa có bài nộp nào được nhận; hãy nhận bài nộp (lần nộp {3}) trước, rồi mới nhận tài liệu kiểm chứng của nó.",
        en: "{1}: {2} has no submission received yet; send the submission first (revision {3}), then its evidence.")
    public static let evidenceNotLive = Message(
        "evidence.not-live",
        vi: "{1}: tài liệu kiểm chứng thuộc lần nộp {3} của {2}, nhưng lần nộp đang hiệu lực là {4}.",
        en: "{1}: the evidence belongs to {2} revision {3}, but the live submission is revision {4}.")
    public static let evidenceAfterMerge = Message(
        "evidence.after-merge", vi: "{1}: vòng đã tổng hợp; không thêm tài liệu kiểm chứng được nữa.",
        en: "{1}: the round is merged; no evidence can be added any more.")
    public static let evidenceIndexTaken = Message(
        "evidence.index-taken", vi: "{1}: thư mục vòng đã có một tệp khác tên {2}; không ghi đè.",
        en: "{1}: the round folder already holds a different file {2}; not replaced.")
    public static let evidenceStrayFile = Message(
        "evidence.stray-file", vi: "{1}: tệp lạ trong thư mục tài liệu kiểm chứng (tên không theo quy tắc THÀNH-VIÊN.rSỐ.eSỐ.ave).",
        en: "{1}: unexpected file in the evidence folder (name not of the form MEMBER.rN.eK.ave).")
    public static let mergeMissingEvidence = Message(
        "merge.missing-evidence",
        vi: "{1}: thiếu tài liệu kiểm chứng số {4} (\"{5}\") mà bài nộp của {2} (lần nộp {3}) liệt kê.",
        en: "{1}: missing evidence {4} (\"{5}\") listed by the submission of {2} (revision {3}).")
    public static let mergeEvidenceMismatch = Message(
        "merge.evidence-mismatch",
        vi: "{1}: tài liệu kiểm chứng số {4} của {2} (lần nộp {3}) không phải tệp mà bài nộp đã liệt kê.",
        en: "{1}: evidence {4} of {2} (revision {3}) is not the file the submission lists.")
    public static let mergeUnlistedEvidence = Message(
        "merge.unlisted-evidence",
        vi: "{1}: tài liệu kiểm chứng của {2} (lần nộp {3}) không có trong danh sách của bài nộp.",
        en: "{1}: evidence of {2} (revision {3}) is not listed by the submission.")
    public static let hintUnlistedEvidence = Message(
        "hint.unlisted-evidence", vi: "Thành viên hãy niêm phong lại (lần nộp mới) kèm đúng các tài liệu kiểm chứng.",
        en: "Ask the member to seal a new revision with the right evidence attached.")

    // MARK: - Verification (spec §10.10)

    public static let verifyEvidenceNameOK = Message(
        "verify.evidence-name-ok", vi: "tài liệu kiểm chứng số {3} của {1}, lần nộp {2}",
        en: "evidence {3} of {1}, revision {2}")
    public static let verifyEvidenceSigned = Message(
        "verify.evidence-signed", vi: "chữ ký ngoài của {1} hợp lệ (không giải mã)", en: "outer signature by {1} verifies (not decrypted)")
    public static let verifyEvidenceBound = Message(
        "verify.evidence-bound", vi: "thuộc vòng này, gửi thư ký {4}: {1}, lần nộp {2}, số {3}",
        en: "bound to this round, for the secretary {4}: {1}, revision {2}, index {3}")
    public static let verifyManifestEvidenceOK = Message(
        "verify.manifest-evidence-ok", vi: "evidence/ chứa đúng {1} tệp mà biên bản liệt kê, mã băm khớp",
        en: "evidence/ holds exactly the {1} files the manifest lists, hashes matching")
    public static let verifyEvidenceUnbound = Message(
        "verify.evidence-unbound", vi: "{1}: biên bản liệt kê tài liệu kiểm chứng không thuộc bài nộp nào được liệt kê.",
        en: "{1}: the manifest lists evidence that belongs to no listed submission.")

    public static let verifyEvidenceListedMissing = Message(
        "verify.evidence-listed-missing",
        vi: "{1}: có trong bản kê ({2}, lần nộp {3}, số {4}) nhưng không có trong evidence/; đã bị xoá sau khi tổng hợp.",
        en: "{1}: listed in the manifest ({2}, revision {3}, index {4}) but not in evidence/; removed after the merge.")
    public static let verifyEvidenceUnlisted = Message(
        "verify.evidence-unlisted", vi: "{1}: nằm trong evidence/ nhưng không có trong bản kê; được thêm sau khi tổng hợp.",
        en: "{1}: in evidence/ but not listed in the manifest; added after the merge.")
    public static let verifyEvidenceNameMismatch = Message(
        "verify.evidence-name-mismatch",
        vi: "{1}: tên tệp không khớp với người gửi, lần nộp và số trong phần đầu tệp ({2}); tệp đã bị đổi tên hoặc tráo.",
        en: "{1}: the name does not match the sender, revision and index in the header ({2}); it was renamed or swapped.")

    // MARK: - Command line

    public static let sealHelpAttach = Message(
        "seal.help-attach", vi: "Đính kèm tài liệu kiểm chứng (có thể lặp lại); mỗi tệp được niêm phong thành MÃ.rSỐ.eSỐ.ave.",
        en: "Attach an evidence file (repeatable); each is sealed as ID.rN.eK.ave.")
    public static let sealWroteEvidence = Message(
        "seal.wrote-evidence", vi: "Đã niêm phong tài liệu kiểm chứng {1} (\"{2}\", {3} byte).",
        en: "Sealed evidence {1} (\"{2}\", {3} bytes).")
    public static let receiveEvidenceAccepted = Message(
        "receive.evidence-accepted", vi: "nhận: {1} — tài liệu kiểm chứng số {4} của {2}, lần nộp {3}",
        en: "accepted: {1} — evidence {4} of {2}, revision {3}")
    public static let evidenceAbstract = Message(
        "evidence.abstract", vi: "Tài liệu kiểm chứng của thư ký.", en: "The secretary's evidence files.")
    public static let evidenceAddAbstract = Message(
        "evidence.add-abstract", vi: "Niêm phong tài liệu kiểm chứng của thư ký vào thư mục vòng.",
        en: "Seal the secretary's own evidence into the round folder.")
    public static let evidenceHelpFiles = Message(
        "evidence.help-files", vi: "Các tệp tài liệu kiểm chứng.", en: "The evidence files.")
    public static let evidenceAdded = Message(
        "evidence.added", vi: "Đã thêm {1} vào thư mục vòng.", en: "Added {1} to the round folder.")
    public static let extractAbstract = Message(
        "extract.abstract", vi: "Giải mã và kiểm tra các tài liệu kiểm chứng của vòng vào một thư mục.",
        en: "Decrypt and check the round's evidence files into a folder.")
    public static let extractHelpOut = Message(
        "extract.help-out", vi: "Thư mục đích (tệp ra: THƯ-MỤC/THÀNH-VIÊN/rSỐ/TÊN; không ghi đè).",
        en: "The output folder (files go to DIR/MEMBER/rN/NAME; nothing is overwritten).")
    public static let extractHelpMember = Message(
        "extract.help-member", vi: "Chỉ lấy tài liệu của thành viên này.", en: "Only this member's evidence.")
    public static let extractWrote = Message(
        "extract.wrote", vi: "{1} ({2} byte, đã kiểm tra toàn vẹn)", en: "{1} ({2} bytes, integrity checked)")
    public static let extractSummary = Message(
        "extract.summary", vi: "Đã giải mã {1} tài liệu kiểm chứng vào {2}.", en: "Extracted {1} evidence files into {2}.")
    public static let mergeEvidenceCount = Message(
        "merge.evidence-count", vi: "Tài liệu kiểm chứng: {1} tệp, đã kiểm tra chữ ký và mã băm (không giải mã).",
        en: "Evidence: {1} files, signatures and hashes checked (not decrypted).")
}
