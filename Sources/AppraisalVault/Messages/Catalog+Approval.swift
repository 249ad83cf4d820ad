// Catalog entries for the release step: holders' approvals, the release token, opening the
// locked results (spec §8).

extension Message {
    static let approvalMessages: [Message] = [
        .approvalBadDecision, .approvalBadInput, .approvalBadSignature, .approvalNotAHolder, .approvalWrongX,
        .approvalWrongRound, .approvalWrongManifest, .approvalWrongResults, .approvalShareCommitment,
        .approvalDecisionDiffers, .approvalCountedOnce, .approvalNotEnough, .tokenWrongRound, .tokenWrongManifest,
        .tokenWrongResults, .tokenWrongReleaseKey, .tokenSecretMismatch, .tokenDecisionDiffers, .tokenDuplicateKey,
        .resultsWrongRound, .resultsWrongSender, .resultsWrongRecipient, .hintApprovalAgain,
        .hintApprovalSameDecision, .hintTokenCombineAgain,
    ]

    // MARK: - Approvals

    public static let approvalBadDecision = Message(
        "approval.bad-decision",
        vi: "Số hiệu quyết định phải là một dòng từ 1 đến {1} byte, ví dụ \"Quyết định số 123/QĐ-UBND ngày 20/12/2026\".",
        en: "The decision reference must be one line of 1 to {1} bytes, e.g. \"Quyết định số 123/QĐ-UBND ngày 20/12/2026\".")
    public static let approvalBadInput = Message(
        "approval.bad-input", vi: "Lỗi nội bộ: giá trị {1} đưa vào phê duyệt không hợp lệ.",
        en: "Internal error: the {1} value given to the approval is invalid.")
    public static let approvalBadSignature = Message(
        "approval.bad-signature", vi: "{1}: chữ ký của phê duyệt không hợp lệ; tệp đã bị sửa.",
        en: "{1}: the approval's signature does not verify; the file was altered.")
    public static let approvalNotAHolder = Message(
        "approval.not-a-holder",
        vi: "{1}: khoá ký trong phê duyệt (ghi tên {2}) không thuộc người giữ khoá mở nào của vòng này.",
        en: "{1}: the key in this approval (signed as {2}) is not a release holder of this round.")
    public static let approvalWrongX = Message(
        "approval.wrong-x", vi: "{1}: phê duyệt của {2} ghi x = {3}, nhưng mảnh khoá của {2} có x = {4}.",
        en: "{1}: the approval by {2} says x = {3}, but {2}'s share has x = {4}.")
    public static let approvalWrongRound = Message(
        "approval.wrong-round", vi: "{1}: phê duyệt của {2} dành cho một vòng thẩm định khác.",
        en: "{1}: the approval by {2} is for another round.")
    public static let approvalWrongManifest = Message(
        "approval.wrong-manifest",
        vi: "{1}: phê duyệt của {2} dành cho một bản kê tổng hợp khác (kết quả đã được tổng hợp lại?).",
        en: "{1}: the approval by {2} is for another manifest (were the results merged again?).")
    public static let approvalWrongResults = Message(
        "approval.wrong-results", vi: "{1}: phê duyệt của {2} dành cho một tệp kết quả khác.",
        en: "{1}: the approval by {2} is for other results.")
    public static let approvalShareCommitment = Message(
        "approval.share-commitment",
        vi: "{1}: mảnh khoá trong phê duyệt của {2} (x = {3}) không khớp với cam kết trong định nghĩa vòng: mảnh bị hỏng.",
        en: "{1}: the share in the approval by {2} (x = {3}) does not match its commitment in the round definition: it is corrupted.")
    public static let approvalDecisionDiffers = Message(
        "approval.decision-differs",
        vi: "{1} ({2}) ghi quyết định \"{3}\", nhưng {4} ({5}) ghi \"{6}\"; mọi phê duyệt phải ghi cùng một quyết định.",
        en: "{1} ({2}) cites \"{3}\" but {4} ({5}) cites \"{6}\"; all approvals must cite the same decision.")
    public static let approvalCountedOnce = Message(
        "approval.counted-once",
        vi: "Phê duyệt của {1} chỉ được tính một lần: {2} dùng cùng khoá với {3}.",
        en: "The approval from {1} is counted once: {2} carries the same key as {3}.")
    public static let approvalNotEnough = Message(
        "approval.not-enough",
        vi: "Cần {1} phê duyệt của những người giữ khoá khác nhau; mới có {2} ({3}); cần thêm {4} trong số: {5}.",
        en: "Needs {1} approvals from distinct holders; have {2} ({3}); {4} more needed from: {5}.")

    // MARK: - Token

    public static let tokenWrongRound = Message(
        "token.wrong-round", vi: "{1}: thẻ mở khoá dành cho một vòng thẩm định khác.",
        en: "{1}: the release token is for another round.")
    public static let tokenWrongManifest = Message(
        "token.wrong-manifest", vi: "{1}: thẻ mở khoá dành cho một bản kê tổng hợp khác.",
        en: "{1}: the release token is for another manifest.")
    public static let tokenWrongResults = Message(
        "token.wrong-results", vi: "{1}: thẻ mở khoá dành cho một tệp kết quả khác.",
        en: "{1}: the release token is for other results.")
    public static let tokenWrongReleaseKey = Message(
        "token.wrong-release-key", vi: "{1}: khoá mở ghi trong thẻ không phải khoá mở của vòng này.",
        en: "{1}: the release key in the token is not this round's release key.")
    public static let tokenSecretMismatch = Message(
        "token.secret-mismatch",
        vi: "{1}: khoá bí mật trong thẻ mở khoá không khớp với khoá mở của vòng hoặc với các mảnh khoá đã phê duyệt.",
        en: "{1}: the secret in the release token does not match the round's release key or the approved shares.")
    public static let tokenDecisionDiffers = Message(
        "token.decision-differs", vi: "{1}: phê duyệt của {2} ghi \"{3}\", khác với quyết định ghi trong thẻ (\"{4}\").",
        en: "{1}: the approval by {2} cites \"{3}\", not the token's decision (\"{4}\").")
    public static let tokenDuplicateKey = Message(
        "token.duplicate-key", vi: "{1}: thẻ mở khoá chứa hai phê duyệt cùng khoá của {2}.",
        en: "{1}: the release token holds two approvals with {2}'s key.")

    // MARK: - Locked results

    public static let resultsWrongRound = Message(
        "results.wrong-round", vi: "{1}: tệp kết quả khoá thuộc về một vòng thẩm định khác.",
        en: "{1}: the locked results belong to another round.")
    public static let resultsWrongSender = Message(
        "results.wrong-sender", vi: "{1}: tệp kết quả khoá do {2} ký, không phải thư ký của vòng ({3}).",
        en: "{1}: the locked results are signed by {2}, not by the round's secretary ({3}).")
    public static let resultsWrongRecipient = Message(
        "results.wrong-recipient", vi: "{1}: tệp kết quả không được khoá bằng khoá mở của vòng này.",
        en: "{1}: the results are not locked to this round's release key.")

    // MARK: - Hints

    public static let hintApprovalAgain = Message(
        "hint.approval-again", vi: "Đề nghị {1} phê duyệt lại bằng đúng các tệp của vòng này.",
        en: "Ask {1} to approve again with this round's files.")
    public static let hintApprovalSameDecision = Message(
        "hint.approval-same-decision",
        vi: "Thống nhất số hiệu quyết định của UBND tỉnh, rồi đề nghị người ghi khác phê duyệt lại.",
        en: "Agree on the Committee's decision reference, then ask the holder who cited another one to approve again.")
    public static let hintTokenCombineAgain = Message(
        "hint.token-combine-again", vi: "Tổng hợp lại các phê duyệt thành thẻ mới cho đúng các tệp của vòng này.",
        en: "Combine the approvals again into a new token for this round's files.")
}
