// Catalog entries for the round definition and the round commands (round init, round show, worksheet).

extension Message {
    static let roundMessages: [Message] = [
        .roundBadTitle, .roundBadYear, .roundBadReference, .roundInputsIncomplete, .roundDemoRefused, .hintDemoRound,
        .roundSecretaryRole, .roundBadSignature, .roundNoFolder, .roundInputsRejected, .roundOutNotEmpty,
        .roundDemoLabel, .roundSampleLabel,
        .roundAbstract, .roundInitAbstract, .roundInitDiscussion, .roundShowAbstract, .helpFramework, .helpUnits,
        .helpGroups, .helpSelfAssessment, .helpMembers, .helpLabels, .helpHolders, .helpThreshold, .helpTitle, .helpYear,
        .helpReference, .helpSecretaryKey, .helpDemo, .helpRoundOut, .helpRoundDir, .roundInitValidated, .roundInitWrote,
        .roundInitCounts, .roundFingerprintLine, .roundInitJournal,
        .labelTitle, .labelYear, .labelReferences, .labelRoundID, .labelSecretary, .labelFramework, .labelUnits,
        .labelCells, .labelMembers, .labelHolders, .labelLabels, .showCounts, .showGroup, .showMember, .showHolder,
        .showThreshold, .showLabels, .showSignatureOK, .showNone,
        .worksheetAbstract, .helpWorksheetRound, .helpWorksheetMember, .helpWorksheetOut, .worksheetUnknownMember,
        .worksheetWrote, .worksheetHeaderNote,
    ]

    // MARK: - Errors

    public static let roundBadTitle = Message(
        "round.bad-title", vi: "Tên vòng thẩm định (--title) trống, quá dài hoặc có ký tự điều khiển.",
        en: "The round title (--title) is empty, too long or has a control character.")
    public static let roundBadYear = Message(
        "round.bad-year", vi: "Năm đánh giá {1} không hợp lệ; dùng năm từ 2000 đến 2100.",
        en: "Assessment year {1} is invalid; use a year from 2000 to 2100.")
    public static let roundBadReference = Message(
        "round.bad-reference", vi: "Căn cứ \"{1}\" trống, quá dài hoặc có ký tự điều khiển.",
        en: "Reference \"{1}\" is empty, too long or has a control character.")
    public static let roundInputsIncomplete = Message(
        "round.inputs-incomplete", vi: "Không đọc được đủ dữ liệu đầu vào.", en: "The inputs could not all be read.")
    public static let roundDemoRefused = Message(
        "round.demo-refused",
        vi: "{1} là danh tính demo (khoá công khai mật khẩu); vòng thẩm định thật không chấp nhận danh tính demo.",
        en: "{1} is a demo identity (its passphrase is public); a real round refuses demo identities.")
    public static let hintDemoRound = Message(
        "hint.demo-round",
        vi: "Tạo danh tính thật bằng avault keygen; chỉ dùng --demo cho vòng trình diễn.",
        en: "Make real identities with avault keygen; use --demo only for a demonstration round.")
    public static let roundSecretaryRole = Message(
        "round.secretary-role", vi: "{1} có vai trò {2}; chỉ thư ký (secretary) được tạo vòng thẩm định.",
        en: "{1} has role {2}; only a secretary can create a round.")
    public static let roundBadSignature = Message(
        "round.bad-signature",
        vi: "{1}: chữ ký của thư ký không khớp: định nghĩa vòng đã bị sửa sau khi ký. Không dùng tệp này.",
        en: "{1}: the secretary's signature does not verify: the round definition was changed after it was signed. Do not use this file.")
    public static let roundNoFolder = Message(
        "round.no-folder", vi: "{1}: không phải thư mục vòng thẩm định.", en: "{1}: not a round folder.")
    public static let roundInputsRejected = Message(
        "round.inputs-rejected", vi: "Có {1} lỗi trong dữ liệu đầu vào; chưa ghi gì cả. Sửa các lỗi trên rồi chạy lại.",
        en: "{1} problems in the inputs; nothing was written. Fix the problems above and run again.")
    public static let roundOutNotEmpty = Message(
        "round.out-not-empty", vi: "{1}: thư mục đã tồn tại và không rỗng; vòng mới cần thư mục mới.",
        en: "{1}: the folder exists and is not empty; a new round needs a new folder.")
    public static let roundDemoLabel = Message(
        "round.demo-label", vi: "VÒNG DEMO — không dùng cho thẩm định thật", en: "DEMO ROUND — not for a real appraisal")
    public static let roundSampleLabel = Message(
        "round.sample-label", vi: "Dữ liệu mẫu minh hoạ, dựng lại, không phải số liệu chính thức.",
        en: "Illustrative sample data, reconstructed, not official.")

    // MARK: - Help

    public static let roundAbstract = Message(
        "round.abstract", vi: "Tạo và xem vòng thẩm định.", en: "Create and inspect appraisal rounds.")
    public static let roundInitAbstract = Message(
        "round.init-abstract", vi: "Thư ký tạo vòng thẩm định đã ký từ bộ tiêu chí, đơn vị, điểm tự chấm và phân công.",
        en: "Secretary: create a signed round from the framework, units, self-assessment and assignments.")
    public static let roundInitDiscussion = Message(
        "round.init-discussion",
        vi: "Kiểm tra mọi tệp đầu vào trước (báo tất cả lỗi tìm thấy, kèm tệp:dòng:cột), chỉ sau đó mới hỏi cụm mật khẩu, tạo cặp khoá mở kết quả, chia khoá bí mật t/n cho người giữ khoá, ký và ghi ROUND/round.avr vào một thư mục mới. In dấu vân tay của vòng để thành viên đối chiếu qua điện thoại.",
        en: "Checks every input first (reporting every problem found, with file:line:column), only then asks for the passphrase, makes the release key pair, splits its secret t-of-n among the holders, signs and writes ROUND/round.avr into a new folder. Prints the round fingerprint for members to confirm by phone.")
    public static let roundShowAbstract = Message(
        "round.show-abstract", vi: "Kiểm tra chữ ký và in tóm tắt một vòng thẩm định.",
        en: "Verify a round's signature and print a summary.")
    public static let helpFramework = Message(
        "help.framework", vi: "Bộ tiêu chí: JSON, hoặc CSV với các cột code,title,max,method[,step].",
        en: "The framework: JSON, or CSV with columns code,title,max,method[,step].")
    public static let helpUnits = Message(
        "help.units", vi: "Danh sách đơn vị: CSV với các cột id,name,group.", en: "The units: CSV with columns id,name,group.")
    public static let helpGroups = Message(
        "help.groups", vi: "Tên nhóm đơn vị (tuỳ chọn): CSV id,name; có sẵn so-nganh và huyen.",
        en: "Group names (optional): CSV id,name; so-nganh and huyen are built in.")
    public static let helpSelfAssessment = Message(
        "help.self-assessment", vi: "Điểm tự chấm: CSV với các cột unit,code,score[,note].",
        en: "Self-assessed scores: CSV with columns unit,code,score[,note].")
    public static let helpMembers = Message(
        "help.members",
        vi: "Thành viên và phân công: CSV id,public_key_file,codes[,units]; đường dẫn khoá tính từ thư mục của tệp CSV.",
        en: "Members and assignments: CSV id,public_key_file,codes[,units]; key paths are relative to the CSV's folder.")
    public static let helpLabels = Message(
        "help.labels", vi: "Ngưỡng xếp loại (tuỳ chọn): CSV group,label,min_percent; mặc định Tốt 90, Khá 80, Trung bình 65, Yếu.",
        en: "Rank thresholds (optional): CSV group,label,min_percent; default Tốt 90, Khá 80, Trung bình 65, Yếu.")
    public static let helpHolders = Message(
        "help.holders", vi: "Tệp .pub của người giữ khoá mở, cách nhau bởi dấu phẩy, theo thứ tự.",
        en: "The release holders' .pub files, comma-separated, in order.")
    public static let helpThreshold = Message(
        "help.threshold", vi: "Số người giữ khoá tối thiểu phải đồng ý để mở kết quả (t).",
        en: "How many holders must approve to open the results (t).")
    public static let helpTitle = Message(
        "help.title", vi: "Tên vòng thẩm định.", en: "The round's title.")
    public static let helpYear = Message(
        "help.year", vi: "Năm đánh giá.", en: "The assessed year.")
    public static let helpReference = Message(
        "help.reference", vi: "Căn cứ, ví dụ \"Quyết định số 04/QĐ-UBND\" (lặp lại được).",
        en: "A reference, e.g. \"Quyết định số 04/QĐ-UBND\" (repeatable).")
    public static let helpSecretaryKey = Message(
        "help.secretary-key", vi: "Tệp khoá bí mật (.key) của thư ký.", en: "The secretary's secret key file (.key).")
    public static let helpDemo = Message(
        "help.demo", vi: "Tạo vòng demo: cho phép danh tính demo; vòng được đánh dấu là demo.",
        en: "Create a demo round: demo identities are allowed and the round is labelled demo.")
    public static let helpRoundOut = Message(
        "help.round-out", vi: "Thư mục mới cho vòng thẩm định (chưa tồn tại hoặc rỗng).",
        en: "A new folder for the round (must not exist, or be empty).")
    public static let helpRoundDir = Message(
        "help.round-dir", vi: "Thư mục vòng thẩm định (chứa round.avr).", en: "The round folder (holding round.avr).")

    // MARK: - Output

    public static let roundInitValidated = Message(
        "round.init-validated", vi: "Đã kiểm tra dữ liệu đầu vào: không có lỗi.", en: "Inputs checked: no problems.")
    public static let roundInitWrote = Message(
        "round.init-wrote", vi: "Đã ghi {1}.", en: "Wrote {1}.")
    public static let roundInitCounts = Message(
        "round.init-counts",
        vi: "{1} lĩnh vực, {2} tiêu chí, {3} tiêu chí thành phần; {4} đơn vị; {5} ô cần thẩm định; {6} thành viên; {7} người giữ khoá, ngưỡng {8}.",
        en: "{1} fields, {2} criteria, {3} sub-criteria; {4} units; {5} appraisable cells; {6} members; {7} holders, threshold {8}.")
    public static let roundFingerprintLine = Message(
        "round.fingerprint", vi: "Dấu vân tay của vòng: {1}  (đọc cho thành viên và kiểm tra viên qua điện thoại)",
        en: "Round fingerprint: {1}  (read it to members and auditors over the phone)")
    public static let roundInitJournal = Message(
        "round.init-journal", vi: "Đã mở nhật ký vòng ({1}).", en: "Started the round journal ({1}).")
    public static let labelTitle = Message("label.title", vi: "Tên vòng", en: "Title")
    public static let labelYear = Message("label.year", vi: "Năm", en: "Year")
    public static let labelReferences = Message("label.references", vi: "Căn cứ", en: "References")
    public static let labelRoundID = Message("label.round-id", vi: "Mã vòng", en: "Round id")
    public static let labelSecretary = Message("label.secretary", vi: "Thư ký", en: "Secretary")
    public static let labelFramework = Message("label.framework", vi: "Bộ tiêu chí", en: "Framework")
    public static let labelUnits = Message("label.units", vi: "Đơn vị", en: "Units")
    public static let labelCells = Message("label.cells", vi: "Ô thẩm định", en: "Cells")
    public static let labelMembers = Message("label.members", vi: "Thành viên", en: "Members")
    public static let labelHolders = Message("label.holders", vi: "Giữ khoá mở", en: "Holders")
    public static let labelLabels = Message("label.labels", vi: "Xếp loại", en: "Ranks")
    public static let showCounts = Message(
        "show.counts", vi: "{1} lĩnh vực, {2} tiêu chí, {3} tiêu chí thành phần ({4} tự chấm, {5} hội đồng, {6} điều tra XHH); tổng {7} điểm",
        en: "{1} fields, {2} criteria, {3} sub-criteria ({4} self, {5} council, {6} survey); total {7} points")
    public static let showGroup = Message("show.group", vi: "{1} ({2}): {3} đơn vị", en: "{1} ({2}): {3} units")
    public static let showMember = Message(
        "show.member", vi: "{1}  {2}  mã: {3}{4}  — {5} ô  [{6}]", en: "{1}  {2}  codes: {3}{4}  — {5} cells  [{6}]")
    public static let showHolder = Message("show.holder", vi: "x={1}  {2}  {3}  [{4}]", en: "x={1}  {2}  {3}  [{4}]")
    public static let showThreshold = Message(
        "show.threshold", vi: "cần {1} trong {2} người giữ khoá để mở kết quả", en: "{1} of {2} holders needed to open the results")
    public static let showLabels = Message("show.labels", vi: "{1}: {2}", en: "{1}: {2}")
    public static let showSignatureOK = Message(
        "show.signature-ok", vi: "Chữ ký của thư ký {1} hợp lệ.", en: "Signature by secretary {1} verified.")
    public static let showNone = Message("show.none", vi: "(không có)", en: "(none)")

    // MARK: - Worksheet

    public static let worksheetAbstract = Message(
        "worksheet.abstract", vi: "Xuất phiếu thẩm định (CSV) gồm đúng các ô được phân cho một thành viên.",
        en: "Write a member's worksheet (CSV) listing exactly the cells assigned to them.")
    public static let helpWorksheetRound = Message(
        "help.worksheet-round", vi: "Thư mục vòng thẩm định.", en: "The round folder.")
    public static let helpWorksheetMember = Message(
        "help.worksheet-member", vi: "Mã thành viên, ví dụ tv-01.", en: "The member id, e.g. tv-01.")
    public static let helpWorksheetOut = Message(
        "help.worksheet-out", vi: "Tệp CSV sẽ ghi (không ghi đè).", en: "The CSV file to write (never overwritten).")
    public static let worksheetUnknownMember = Message(
        "worksheet.unknown-member", vi: "{1} không phải thành viên của vòng này; các thành viên: {2}.",
        en: "{1} is not a member of this round; the members are: {2}.")
    public static let worksheetWrote = Message(
        "worksheet.wrote", vi: "Đã ghi {1}: {2} ô cho {3}.", en: "Wrote {1}: {2} cells for {3}.")
    public static let worksheetHeaderNote = Message(
        "worksheet.header-note",
        vi: "Điền diem_tham_dinh (0 đến diem_toi_da, đúng bước điểm) và ly_do khi khác điểm tự chấm; giữ nguyên các cột khác.",
        en: "Fill diem_tham_dinh (0 to diem_toi_da, on the step) and ly_do whenever it differs from the self score; leave the other columns as they are.")
}
