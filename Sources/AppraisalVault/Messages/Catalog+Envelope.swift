// Catalog entries for sealed envelopes (submissions, locked results, evidence).

extension Message {
    static let envelopeMessages: [Message] = [
        .envelopeBadLength, .envelopeBadSignature, .envelopeNotForYou, .envelopeCommitment, .envelopeCorrupt,
        .envelopeInnerSignature,
    ]

    public static let envelopeBadLength = Message(
        "envelope.bad-length", vi: "{1}: độ dài phần dữ liệu mã hoá không hợp lệ; tệp bị cắt hoặc bị chèn thêm.",
        en: "{1}: the encrypted payload has an impossible length; the file was truncated or extended.")
    public static let envelopeBadSignature = Message(
        "envelope.bad-signature", vi: "{1}: chữ ký bên ngoài không hợp lệ; tệp đã bị sửa hoặc không do người gửi ghi trong tệp ký.",
        en: "{1}: the outer signature does not verify; the file was altered or not signed by the sender it names.")
    public static let envelopeNotForYou = Message(
        "envelope.not-for-you", vi: "{1}: tệp không được mã hoá cho khoá này.",
        en: "{1}: the file is not encrypted to this key.")
    public static let envelopeCommitment = Message(
        "envelope.commitment", vi: "{1}: khoá tệp không khớp với cam kết đã ký; tệp bị giả mạo.",
        en: "{1}: the file key does not match its signed commitment; the file was forged.")
    public static let envelopeCorrupt = Message(
        "envelope.corrupt", vi: "{1}: dữ liệu mã hoá bị hỏng, bị cắt hoặc bị sắp xếp lại.",
        en: "{1}: the encrypted data is corrupted, truncated or reordered.")
    public static let envelopeInnerSignature = Message(
        "envelope.inner-signature", vi: "{1}: chữ ký bên trong (trên nội dung) không hợp lệ.",
        en: "{1}: the inner signature over the content does not verify.")
}
