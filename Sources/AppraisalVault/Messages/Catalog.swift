// The message catalog: every user-facing sentence, in Vietnamese and English.
// Entries are grouped by area, one file per area (Catalog+Area.swift); each area lists its
// entries in `all` so the tests can check every entry in both languages.

extension Message {
    /// Every catalog entry, for the catalog tests.
    public static var all: [Message] {
        var all = [Message]()
        all += formatMessages
        all += fileMessages
        all += identityMessages
        all += cliMessages
        all += journalMessages
        all += envelopeMessages
        all += inboxMessages
        all += releaseMessages
        all += inputMessages
        all += roundMessages
        all += appraisalMessages
        all += mergeMessages
        all += approvalMessages
        all += worksheetMessages
        all += sealMessages
        all += releaseCLIMessages
        all += demoMessages
        all += verifyMessages
        all += evidenceMessages
        return all
    }
}

// MARK: - Formats

extension Message {
    static let formatMessages: [Message] = [
        .kindName, .formatEmpty, .formatNotAVault, .formatVersion, .formatUnknownKind, .formatWrongKind,
        .formatTruncated, .formatHeader, .formatTrailing, .cryptoFailure, .hintWhichFile, .hintAskForNewCopy,
    ]

    public static let kindName = Message("format.kind-name", vi: "tệp loại {1}", en: "{1} file")
    public static let formatEmpty = Message(
        "format.empty", vi: "{1}: tệp rỗng.", en: "{1}: the file is empty.")
    public static let formatNotAVault = Message(
        "format.not-avault", vi: "{1}: không phải tệp AppraisalVault.", en: "{1}: not an AppraisalVault file.")
    public static let formatVersion = Message(
        "format.version",
        vi: "{1}: phiên bản định dạng {2} không được hỗ trợ (bản này đọc phiên bản 1).",
        en: "{1}: format version {2} is not supported (this avault reads version 1).")
    public static let formatUnknownKind = Message(
        "format.unknown-kind", vi: "{1}: loại tệp không xác định ({2}).", en: "{1}: unknown file kind ({2}).")
    public static let formatWrongKind = Message(
        "format.wrong-kind", vi: "{1}: đây là tệp {2}, không phải tệp {3} như lệnh cần.",
        en: "{1}: this is a {2} file, not the {3} file this command needs.")
    public static let formatTruncated = Message(
        "format.truncated", vi: "{1}: tệp bị cắt cụt (thiếu dữ liệu ở cuối).",
        en: "{1}: the file is truncated (data missing at the end).")
    public static let formatHeader = Message(
        "format.header", vi: "{1}: phần đầu tệp sai định dạng: {2}.", en: "{1}: malformed header: {2}.")
    public static let formatTrailing = Message(
        "format.trailing", vi: "{1}: có {2} byte thừa sau phần kết thúc tệp.",
        en: "{1}: {2} unexpected bytes after the end of the file.")
    public static let cryptoFailure = Message(
        "crypto.failure", vi: "Lỗi nội bộ của thư viện mật mã: {1}.", en: "Internal cryptography failure: {1}.")
    public static let hintWhichFile = Message(
        "hint.which-file", vi: "Kiểm tra lại đường dẫn: có thể bạn đã chọn nhầm tệp.",
        en: "Check the path: this may be the wrong file.")
    public static let hintAskForNewCopy = Message(
        "hint.ask-new-copy", vi: "Tệp đã bị sửa hoặc giả mạo; hãy xin lại bản gốc từ người gửi.",
        en: "The file was altered or forged; ask the sender for a fresh copy.")
}

// MARK: - Files

extension Message {
    static let fileMessages: [Message] = [
        .fileNotFound, .fileUnreadable, .fileNotRegular, .fileTooLarge, .fileExists, .fileCannotWrite, .hintMoveAway,
    ]

    public static let fileNotFound = Message(
        "file.not-found", vi: "{1}: không tìm thấy tệp.", en: "{1}: no such file.")
    public static let fileUnreadable = Message(
        "file.unreadable", vi: "{1}: không đọc được tệp ({2}).", en: "{1}: cannot read the file ({2}).")
    public static let fileNotRegular = Message(
        "file.not-regular", vi: "{1}: không phải tệp thông thường.", en: "{1}: not a regular file.")
    public static let fileTooLarge = Message(
        "file.too-large", vi: "{1}: tệp quá lớn ({2} byte; tối đa {3}).",
        en: "{1}: the file is too large ({2} bytes; at most {3}).")
    public static let fileExists = Message(
        "file.exists", vi: "{1}: đã tồn tại; không ghi đè.", en: "{1}: already exists; refusing to overwrite it.")
    public static let fileCannotWrite = Message(
        "file.cannot-write", vi: "{1}: không ghi được ({2}).", en: "{1}: cannot write ({2}).")
    public static let hintMoveAway = Message(
        "hint.move-away", vi: "Chọn tên khác, hoặc chuyển tệp cũ {1} đi chỗ khác nếu chắc chắn không cần.",
        en: "Choose another name, or move the old {1} away if you are sure it is not needed.")
}

// MARK: - Identities and keys

extension Message {
    static let identityMessages: [Message] = [
        .identityBadSignature, .identityGotSecretKey, .identityBadID, .identityBadName, .keyGotPublicFile,
        .keyKDFLimits, .keyTooOpen, .keyWrongPassphrase, .keyInconsistent, .hintUsePub, .hintUseKey, .hintChmod,
        .hintPassphrase,
    ]

    public static let identityBadSignature = Message(
        "identity.bad-signature", vi: "{1}: chữ ký tự ký của danh tính không hợp lệ.",
        en: "{1}: the identity's self-signature does not verify.")
    public static let identityGotSecretKey = Message(
        "identity.got-secret-key",
        vi: "{1}: đây là tệp khoá bí mật (.key), không phải tệp danh tính công khai (.pub).",
        en: "{1}: this is a secret key file (.key), not a public identity file (.pub).")
    public static let identityBadID = Message(
        "identity.bad-id",
        vi: "Mã danh tính \"{1}\" không hợp lệ: dùng 1–64 ký tự a–z, 0–9, '.', '_', '-', bắt đầu bằng chữ hoặc số.",
        en: "Identity id \"{1}\" is invalid: use 1–64 characters a–z, 0–9, '.', '_', '-', starting with a letter or digit.")
    public static let identityBadName = Message(
        "identity.bad-name", vi: "Họ tên không hợp lệ: cần 1–200 byte, không có ký tự điều khiển.",
        en: "Invalid name: it must be 1–200 bytes with no control characters.")
    public static let keyGotPublicFile = Message(
        "key.got-public-file",
        vi: "{1}: đây là tệp danh tính công khai (.pub), không phải tệp khoá bí mật (.key).",
        en: "{1}: this is a public identity file (.pub), not a secret key file (.key).")
    public static let keyKDFLimits = Message(
        "key.kdf-limits",
        vi: "{1}: tham số Argon2id nằm ngoài phạm vi cho phép ({2} lượt, {3} MiB); tệp bị từ chối trước khi tính.",
        en: "{1}: Argon2id limits out of the accepted range ({2} passes, {3} MiB); refused before any work.")
    public static let keyTooOpen = Message(
        "key.too-open", vi: "{1}: tệp khoá bí mật có quyền {2}, người khác có thể đọc được; từ chối dùng.",
        en: "{1}: the secret key file has mode {2} and others can read it; refusing to use it.")
    public static let keyWrongPassphrase = Message(
        "key.wrong-passphrase", vi: "{1}: sai cụm mật khẩu, hoặc tệp khoá đã bị sửa.",
        en: "{1}: wrong passphrase, or the key file was altered.")
    public static let keyInconsistent = Message(
        "key.inconsistent", vi: "{1}: khoá bí mật không khớp với khoá công khai ghi trong tệp.",
        en: "{1}: the secret keys do not match the public keys recorded in the file.")
    public static let hintUsePub = Message(
        "hint.use-pub", vi: "Dùng tệp .pub tương ứng; không bao giờ gửi tệp .key cho người khác.",
        en: "Use the matching .pub file; never hand a .key file to anyone.")
    public static let hintUseKey = Message(
        "hint.use-key", vi: "Dùng tệp .key của chính bạn (tệp tạo cùng lúc với tệp .pub này).",
        en: "Use your own .key file (made together with this .pub file).")
    public static let hintChmod = Message(
        "hint.chmod", vi: "Chạy: chmod 600 {1}", en: "Run: chmod 600 {1}")
    public static let hintPassphrase = Message(
        "hint.passphrase", vi: "Nhập lại cụm mật khẩu; chú ý bộ gõ tiếng Việt và phím Caps Lock.",
        en: "Type the passphrase again; mind the keyboard layout and Caps Lock.")
}
