// Catalog entries for the round journal.

extension Message {
    static let journalMessages: [Message] = [.journalBadSignature, .journalBrokenChain, .journalWrongRound]

    public static let journalBadSignature = Message(
        "journal.bad-signature", vi: "{1}: chữ ký của thư ký trên nhật ký không hợp lệ; nhật ký đã bị sửa.",
        en: "{1}: the secretary's signature on the journal does not verify; the journal was altered.")
    public static let journalBrokenChain = Message(
        "journal.broken-chain", vi: "{1}: chuỗi băm của nhật ký bị đứt ở mục {2}; có mục bị xoá, chèn hoặc sửa.",
        en: "{1}: the journal's hash chain breaks at entry {2}; an entry was removed, inserted or edited.")
    public static let journalWrongRound = Message(
        "journal.wrong-round", vi: "{1}: nhật ký này thuộc về một vòng thẩm định khác.",
        en: "{1}: this journal belongs to another appraisal round.")
}
