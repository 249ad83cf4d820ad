// Catalog entries for the command-line tool: help, prompts and output labels.

extension Message {
    static let cliMessages: [Message] = [
        .cliErrorPrefix, .cliHintPrefix, .cliAbstract, .cliDiscussion, .passphraseMissing, .passphraseMismatch,
        .passphraseEmpty, .passphraseTooLong, .passphrasePrompt, .passphrasePromptAgain, .hintPassphraseFile,
        .keygenAbstract, .keygenHelpID, .keygenHelpName, .keygenHelpRole, .keygenHelpOut, .keygenHelpKDF, .keygenHelpDemo,
        .keygenWrote, .keygenFingerprintLine, .keygenBadKDF, .keyAbstract, .keyShowAbstract, .keyShowHelpFile,
        .labelID, .labelName, .labelRole, .labelFingerprint, .labelCreated, .labelDemo, .labelKind, .labelKDF, .yes, .no,
        .helpPassphraseFile, .roleMember, .roleSecretary, .roleHolder, .keyShowSecretNote, .keyCheckAbstract, .keyCheckHelpFile,
        .keyCheckOK,
    ]

    public static let cliErrorPrefix = Message("cli.error-prefix", vi: "lỗi", en: "error")
    public static let cliHintPrefix = Message("cli.hint-prefix", vi: "gợi ý", en: "hint")
    public static let cliAbstract = Message(
        "cli.abstract", vi: "Kho dữ liệu mã hoá ngoại tuyến cho hội đồng thẩm định Chỉ số CCHC.",
        en: "An offline, encrypted vault for a PAR Index appraisal council.")
    public static let cliDiscussion = Message(
        "cli.discussion",
        vi: "Thành viên niêm phong phiếu thẩm định; thư ký tổng hợp và khoá kết quả; t/n người giữ khoá cùng mở; kiểm tra viên xác minh chữ ký mà không đọc điểm.",
        en: "Members seal their appraisal files; the secretary merges them and locks the results; t of n release holders unlock them; auditors verify every signature without reading scores.")
    public static let passphraseMissing = Message(
        "passphrase.missing", vi: "Cần cụm mật khẩu nhưng không có terminal để hỏi và không có --passphrase-file.",
        en: "A passphrase is needed, but there is no terminal to ask on and no --passphrase-file was given.")
    public static let hintPassphraseFile = Message(
        "hint.passphrase-file", vi: "Chạy lệnh trong terminal, hoặc dùng --passphrase-file TỆP (quyền 600).",
        en: "Run the command in a terminal, or pass --passphrase-file FILE (mode 600).")
    public static let passphraseMismatch = Message(
        "passphrase.mismatch", vi: "Hai lần nhập cụm mật khẩu không khớp.", en: "The two passphrases do not match.")
    public static let passphraseEmpty = Message(
        "passphrase.empty", vi: "Cụm mật khẩu rỗng.", en: "The passphrase is empty.")
    public static let passphraseTooLong = Message(
        "passphrase.too-long", vi: "{1}: cụm mật khẩu dài quá 1024 byte.", en: "{1}: the passphrase is longer than 1024 bytes.")
    public static let passphrasePrompt = Message(
        "passphrase.prompt", vi: "Cụm mật khẩu cho {1}: ", en: "Passphrase for {1}: ")
    public static let passphrasePromptAgain = Message(
        "passphrase.prompt-again", vi: "Nhập lại cụm mật khẩu: ", en: "Repeat the passphrase: ")
    public static let helpPassphraseFile = Message(
        "help.passphrase-file",
        vi: "Đọc cụm mật khẩu từ tệp này (bỏ một dấu xuống dòng ở cuối) thay vì hỏi trên terminal.",
        en: "Read the passphrase from this file (one trailing newline is dropped) instead of asking on the terminal.")

    public static let keygenAbstract = Message(
        "keygen.abstract", vi: "Tạo danh tính mới: tệp khoá bí mật ID.key và tệp công khai ID.pub.",
        en: "Create a new identity: a secret key file ID.key and a public file ID.pub.")
    public static let keygenHelpID = Message(
        "keygen.help-id", vi: "Mã danh tính (a–z, 0–9, '.', '_', '-'), cũng là tên tệp.",
        en: "The identity id (a–z, 0–9, '.', '_', '-'), also used as the file name.")
    public static let keygenHelpName = Message(
        "keygen.help-name", vi: "Họ tên hiển thị, ví dụ \"Nguyễn Thị Lan\".", en: "The display name, e.g. \"Nguyễn Thị Lan\".")
    public static let keygenHelpRole = Message(
        "keygen.help-role", vi: "Vai trò: member (thành viên), secretary (thư ký) hoặc holder (người giữ khoá mở).",
        en: "The role: member, secretary or holder (release holder).")
    public static let keygenHelpOut = Message(
        "keygen.help-out", vi: "Thư mục ghi hai tệp (mặc định: thư mục hiện tại).",
        en: "The folder to write both files to (default: the current folder).")
    public static let keygenHelpKDF = Message(
        "keygen.help-kdf",
        vi: "Mức Argon2id: moderate (mặc định, ~0,7 s), sensitive (~4 s) hoặc interactive (nhanh, chỉ cho kiểm thử và khoá demo).",
        en: "Argon2id level: moderate (default, ~0.7 s), sensitive (~4 s) or interactive (fast; for tests and demo keys only).")
    public static let keygenHelpDemo = Message(
        "keygen.help-demo", vi: "Đánh dấu là danh tính demo (vòng thật sẽ từ chối).",
        en: "Mark the identity as a demo identity (real rounds refuse it).")
    public static let keygenBadKDF = Message(
        "keygen.bad-kdf", vi: "Mức KDF \"{1}\" không hợp lệ; dùng moderate, sensitive hoặc interactive.",
        en: "Unknown KDF level \"{1}\"; use moderate, sensitive or interactive.")
    public static let keygenWrote = Message(
        "keygen.wrote", vi: "Đã ghi {1} (bí mật, quyền 600) và {2} (công khai).",
        en: "Wrote {1} (secret, mode 600) and {2} (public).")
    public static let keygenFingerprintLine = Message(
        "keygen.fingerprint", vi: "Dấu vân tay: {1}  (đọc cho thư ký qua điện thoại để đối chiếu)",
        en: "Fingerprint: {1}  (read it to the secretary over the phone to confirm)")
    public static let keyAbstract = Message(
        "key.abstract", vi: "Xem tệp danh tính.", en: "Inspect identity files.")
    public static let keyShowAbstract = Message(
        "key.show-abstract", vi: "In mã, họ tên, vai trò và dấu vân tay của tệp .pub sau khi kiểm tra chữ ký.",
        en: "Print the id, name, role and fingerprint of a .pub file after verifying its self-signature.")
    public static let keyShowHelpFile = Message(
        "key.show-help-file", vi: "Tệp danh tính công khai (.pub) hoặc tệp khoá (.key).",
        en: "A public identity file (.pub) or a key file (.key).")
    public static let keyShowSecretNote = Message(
        "key.show-secret-note", vi: "(tệp khoá bí mật; chưa mở khoá, chỉ đọc phần công khai)",
        en: "(secret key file; not unlocked, public part only)")
    public static let keyCheckAbstract = Message(
        "key.check-abstract", vi: "Mở khoá tệp .key bằng cụm mật khẩu để kiểm tra, không ghi gì.",
        en: "Unlock a .key file with its passphrase to check it; nothing is written.")
    public static let keyCheckHelpFile = Message(
        "key.check-help-file", vi: "Tệp khoá bí mật (.key) cần kiểm tra.", en: "The secret key file (.key) to check.")
    public static let keyCheckOK = Message(
        "key.check-ok", vi: "{1}: cụm mật khẩu đúng; mã {2}, dấu vân tay {3}.",
        en: "{1}: passphrase OK; id {2}, fingerprint {3}.")
    public static let labelID = Message("label.id", vi: "Mã", en: "ID")
    public static let labelName = Message("label.name", vi: "Họ tên", en: "Name")
    public static let labelRole = Message("label.role", vi: "Vai trò", en: "Role")
    public static let labelFingerprint = Message("label.fingerprint", vi: "Dấu vân tay", en: "Fingerprint")
    public static let labelCreated = Message("label.created", vi: "Tạo lúc", en: "Created")
    public static let labelDemo = Message("label.demo", vi: "Demo", en: "Demo")
    public static let labelKind = Message("label.kind", vi: "Loại tệp", en: "File")
    public static let labelKDF = Message("label.kdf", vi: "Argon2id", en: "Argon2id")
    public static let yes = Message("word.yes", vi: "có", en: "yes")
    public static let no = Message("word.no", vi: "không", en: "no")
    public static let roleMember = Message("role.member", vi: "thành viên", en: "member")
    public static let roleSecretary = Message("role.secretary", vi: "thư ký", en: "secretary")
    public static let roleHolder = Message("role.holder", vi: "người giữ khoá mở", en: "release holder")
}

extension Role {
    /// The role's name for people.
    public var displayName: Message {
        switch self {
        case .member: .roleMember
        case .secretary: .roleSecretary
        case .holder: .roleHolder
        }
    }
}
