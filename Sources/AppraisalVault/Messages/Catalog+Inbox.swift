// Catalog entries for the secretary's inbox (receive, status).

extension Message {
    static let inboxMessages: [Message] = [
        .inboxWrongRound, .hintInboxWrongRound, .inboxWrongRecipient, .inboxWrongRole, .inboxNotMember,
        .inboxKeyMismatch, .inboxStrayFile, .inboxTwoLive, .inboxDuplicate, .inboxStale, .hintInboxStale,
    ]

    public static let inboxWrongRound = Message(
        "inbox.wrong-round", vi: "{1}: tệp này thuộc về một vòng thẩm định khác.",
        en: "{1}: this file belongs to another appraisal round.")
    public static let hintInboxWrongRound = Message(
        "hint.inbox-wrong-round", vi: "Thành viên cần niêm phong lại bằng đúng tệp vòng (round.avr) của vòng này.",
        en: "The member must seal again using this round's definition (round.avr).")
    public static let inboxWrongRecipient = Message(
        "inbox.wrong-recipient", vi: "{1}: tệp được mã hoá cho người nhận khác, không phải thư ký của vòng này.",
        en: "{1}: the file is encrypted to someone other than this round's secretary.")
    public static let inboxWrongRole = Message(
        "inbox.wrong-role", vi: "{1}: người ký {2} có vai trò {3} trong vòng này, không phải thành viên thẩm định.",
        en: "{1}: the signer {2} is a {3} in this round, not an appraising member.")
    public static let inboxNotMember = Message(
        "inbox.not-member", vi: "{1}: người ký \"{2}\" không có trong danh sách thành viên của vòng.",
        en: "{1}: the signer \"{2}\" is not a member of this round.")
    public static let inboxKeyMismatch = Message(
        "inbox.key-mismatch", vi: "{1}: tệp ghi người gửi {2} nhưng được ký bằng khoá khác ({3}).",
        en: "{1}: the file names {2} as sender but is signed with another key ({3}).")
    public static let inboxStrayFile = Message(
        "inbox.stray-file", vi: "{1}: tệp lạ trong thư mục bài nộp (tên không theo quy tắc THÀNH-VIÊN.rSỐ.avs).",
        en: "{1}: unexpected file in the submissions folder (name not of the form MEMBER.rN.avs).")
    public static let inboxTwoLive = Message(
        "inbox.two-live", vi: "{1}: thành viên {2} có hai bài nộp hiệu lực cùng lúc.",
        en: "{1}: member {2} has two live submissions.")
    public static let inboxDuplicate = Message(
        "inbox.duplicate", vi: "{1}: đã nhận đúng tệp này rồi ({2}, lần nộp {3}); không nhận lại.",
        en: "{1}: this exact file was already received ({2}, revision {3}); not accepted again.")
    public static let inboxStale = Message(
        "inbox.stale", vi: "{1}: {2} lần nộp {3} cũ hơn hoặc trùng với lần đã nhận ({4}).",
        en: "{1}: {2} revision {3} is not newer than what was already received ({4}).")
    public static let hintInboxStale = Message(
        "hint.inbox-stale", vi: "Mỗi lần niêm phong lại phải có số lần nộp lớn hơn; thành viên hãy niêm phong lại.",
        en: "Every new seal must carry a higher revision; ask the member to seal again.")
}
