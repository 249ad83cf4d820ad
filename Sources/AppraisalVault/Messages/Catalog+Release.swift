// Catalog entries for the release policy: Shamir shares, holders, commitments, reconstruction.

extension Message {
    static let releaseMessages: [Message] = [
        .releaseSecretEmpty, .releaseHolderCount, .releaseThresholdRange, .releaseNoShares, .releaseShareXZero,
        .releaseShareDuplicateX, .releaseShareLengthMismatch, .releaseRoundIDLength, .releaseHolderRole,
        .releaseDuplicateHolderID, .releaseDuplicateSigningKey, .releaseDuplicateEncryptionKey, .releaseNotAHolder,
        .releaseShareUnopenable, .releaseShareCommitment, .releaseShareUnknownX, .releaseShareDuplicate,
        .releaseShareWrongLength, .releaseNotEnoughShares, .releaseKeyMismatch, .hintReleaseMoreHolders,
        .hintReleaseAskHolder, .hintReleaseCheckRound,
    ]

    public static let releaseSecretEmpty = Message(
        "release.secret-empty", vi: "Bí mật cần chia rỗng.", en: "The secret to split is empty.")
    public static let releaseHolderCount = Message(
        "release.holder-count", vi: "Có {1} người giữ khoá mở; số người phải từ 1 đến 255.",
        en: "{1} release holders given; there must be between 1 and 255.")
    public static let releaseThresholdRange = Message(
        "release.threshold-range",
        vi: "Ngưỡng mở khoá {1} nằm ngoài phạm vi: phải từ 1 đến số người giữ khoá ({2}).",
        en: "Release threshold {1} is out of range: it must be between 1 and the number of holders ({2}).")
    public static let releaseNoShares = Message(
        "release.no-shares", vi: "Không có mảnh khoá nào.", en: "No shares were given.")
    public static let releaseShareXZero = Message(
        "release.share-x-zero", vi: "Một mảnh khoá có x = 0; các mảnh được đánh số từ 1 đến 255.",
        en: "A share has x = 0; shares are numbered 1 to 255.")
    public static let releaseShareDuplicateX = Message(
        "release.share-x-duplicate", vi: "Hai mảnh khoá có cùng x = {1}.", en: "Two shares have the same x = {1}.")
    public static let releaseShareLengthMismatch = Message(
        "release.share-length-mismatch", vi: "Các mảnh khoá dài khác nhau ({1} và {2} byte).",
        en: "The shares have different lengths ({1} and {2} bytes).")
    public static let releaseRoundIDLength = Message(
        "release.round-id-length", vi: "Mã vòng thẩm định phải dài 16 byte, không phải {1}.",
        en: "The round id must be 16 bytes long, not {1}.")
    public static let releaseHolderRole = Message(
        "release.holder-role",
        vi: "{1} có vai trò {2}, không phải người giữ khoá mở (holder); chỉ người giữ khoá mở được nhận mảnh khoá.",
        en: "{1} has role {2}, not holder; only release holders can hold a share.")
    public static let releaseDuplicateHolderID = Message(
        "release.duplicate-holder-id", vi: "Mã người giữ khoá mở {1} xuất hiện hai lần.",
        en: "The release holder id {1} appears twice.")
    public static let releaseDuplicateSigningKey = Message(
        "release.duplicate-signing-key",
        vi: "{1} và {2} dùng chung một khoá ký; mỗi người giữ khoá mở phải có khoá riêng.",
        en: "{1} and {2} have the same signing key; each release holder needs their own keys.")
    public static let releaseDuplicateEncryptionKey = Message(
        "release.duplicate-encryption-key",
        vi: "{1} và {2} dùng chung một khoá mã hoá; mỗi người giữ khoá mở phải có khoá riêng.",
        en: "{1} and {2} have the same encryption key; each release holder needs their own keys.")
    public static let releaseNotAHolder = Message(
        "release.not-a-holder", vi: "{1} không phải người giữ khoá mở của vòng thẩm định này.",
        en: "{1} is not a release holder of this round.")
    public static let releaseShareUnopenable = Message(
        "release.share-unopenable",
        vi: "Không mở được mảnh khoá niêm phong của {1} (x = {2}): mảnh đã bị sửa hoặc được niêm phong cho khoá khác.",
        en: "The sealed share of {1} (x = {2}) cannot be opened: it was altered or sealed to another key.")
    public static let releaseShareCommitment = Message(
        "release.share-commitment",
        vi: "Mảnh khoá của {1} (x = {2}) không khớp với cam kết trong định nghĩa vòng: mảnh bị hỏng hoặc thuộc vòng khác.",
        en: "The share of {1} (x = {2}) does not match its commitment in the round definition: it is corrupted or from another round.")
    public static let releaseShareUnknownX = Message(
        "release.share-unknown-x", vi: "Một mảnh khoá có x = {1}, nhưng vòng này chỉ có người giữ khoá 1 đến {2}.",
        en: "A share has x = {1}, but this round only has holders 1 to {2}.")
    public static let releaseShareDuplicate = Message(
        "release.share-duplicate", vi: "Mảnh khoá của {1} (x = {2}) được đưa vào nhiều lần.",
        en: "The share of {1} (x = {2}) was given more than once.")
    public static let releaseShareWrongLength = Message(
        "release.share-wrong-length", vi: "Mảnh khoá của {1} (x = {2}) dài {3} byte; mảnh khoá phải dài 32 byte.",
        en: "The share of {1} (x = {2}) is {3} bytes long; shares are 32 bytes.")
    public static let releaseNotEnoughShares = Message(
        "release.not-enough-shares",
        vi: "Mới có {1} trong {2} mảnh khoá cần thiết; cần thêm {3} mảnh nữa.",
        en: "Only {1} of the {2} required shares; {3} more needed.")
    public static let releaseKeyMismatch = Message(
        "release.key-mismatch",
        vi: "Khoá dựng lại không khớp với khoá mở công bố của vòng thẩm định; định nghĩa vòng không nhất quán.",
        en: "The reconstructed key does not match the round's published release key; the round definition is inconsistent.")
    public static let hintReleaseMoreHolders = Message(
        "hint.release-more-holders", vi: "Đề nghị thêm {1} người giữ khoá mở phê duyệt.",
        en: "Ask {1} more release holders to approve.")
    public static let hintReleaseAskHolder = Message(
        "hint.release-ask-holder", vi: "Đề nghị {1} mở lại mảnh khoá từ định nghĩa vòng gốc.",
        en: "Ask {1} to open their share again from the original round definition.")
    public static let hintReleaseCheckRound = Message(
        "hint.release-check-round",
        vi: "Đối chiếu dấu vân tay của định nghĩa vòng với thư ký trước khi dùng.",
        en: "Check the round definition's fingerprint with the secretary before using it.")
}
