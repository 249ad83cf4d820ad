// Catalog entries for the release, open, report and demo commands.

extension Message {
    static let releaseCLIMessages: [Message] = [
        .releaseNotMerged, .releaseResultsMismatch, .releaseAbstract, .approveAbstract, .approveHelpDecision,
        .approveHelpOut, .approveWrote, .approveNotHolder, .combineAbstract, .combineHelpApprovals, .combineHelpOut,
        .combineWrote, .combineHolders, .openAbstract, .openHelpToken, .openHelpOut, .openWrote, .reportAbstract,
        .reportHelpFormat, .reportHelpOut, .reportWrote, .reportBadFormat, .demoAbstract, .demoHelpDir, .demoHelpSamples,
        .demoHelpKeys, .demoStep, .demoDone, .demoFilled, .demoApproved,
    ]

    public static let releaseNotMerged = Message(
        "release.not-merged", vi: "{1}: vòng chưa được tổng hợp (chưa có bản kê manifest.avm).",
        en: "{1}: the round has not been merged yet (no manifest.avm).")
    public static let releaseResultsMismatch = Message(
        "release.results-mismatch", vi: "{1}: không phải tệp kết quả mà bản kê {2} ghi nhận.",
        en: "{1}: not the results file listed in the manifest {2}.")
    public static let releaseAbstract = Message(
        "release.abstract", vi: "Phê duyệt công bố và ghép mã mở khoá kết quả.", en: "Approve the release and combine approvals into a release token.")
    public static let approveAbstract = Message(
        "approve.abstract",
        vi: "Người giữ khoá phê duyệt công bố kết quả, dẫn chiếu quyết định của UBND tỉnh (tệp phê duyệt chứa mảnh khoá: giữ kín).",
        en: "A release holder approves the release, citing the Committee's decision (the approval carries a key share: keep it private).")
    public static let approveHelpDecision = Message(
        "approve.help-decision", vi: "Số, ngày quyết định công bố, ví dụ \"Quyết định số 123/QĐ-UBND ngày 20/12/2026\".",
        en: "The decision reference, e.g. \"Quyết định số 123/QĐ-UBND ngày 20/12/2026\".")
    public static let approveHelpOut = Message(
        "approve.help-out", vi: "Tệp phê duyệt (mặc định: MÃ.ava).", en: "The approval file (default: ID.ava).")
    public static let approveWrote = Message(
        "approve.wrote", vi: "Đã ghi phê duyệt {1} của {2} (quyền 600).", en: "Wrote {2}'s approval {1} (mode 600).")
    public static let approveNotHolder = Message(
        "approve.not-holder", vi: "{1} không phải người giữ khoá của vòng này.", en: "{1} is not a release holder of this round.")
    public static let combineAbstract = Message(
        "combine.abstract", vi: "Ghép ít nhất t phê duyệt của những người giữ khoá khác nhau thành mã mở khoá.",
        en: "Combine at least t approvals from distinct holders into the release token.")
    public static let combineHelpApprovals = Message(
        "combine.help-approvals", vi: "Các tệp phê duyệt (.ava).", en: "The approval files (.ava).")
    public static let combineHelpOut = Message(
        "combine.help-out", vi: "Tệp mã mở khoá (mặc định: VÒNG/release-token.avt).",
        en: "The token file (default: ROUND/release-token.avt).")
    public static let combineWrote = Message(
        "combine.wrote", vi: "Đã ghi mã mở khoá {1} (quyền 600; ai có tệp này mở được kết quả).",
        en: "Wrote the release token {1} (mode 600; whoever holds it can open the results).")
    public static let combineHolders = Message(
        "combine.holders", vi: "Phê duyệt được tính: {1} (cần {2}).", en: "Approvals counted: {1} (needed {2}).")
    public static let openAbstract = Message(
        "open.abstract", vi: "Kiểm tra mã mở khoá và kết quả đã khoá, rồi giải mã kết quả.",
        en: "Verify the release token and the locked results, then decrypt the results.")
    public static let openHelpToken = Message(
        "open.help-token", vi: "Tệp mã mở khoá (mặc định: VÒNG/release-token.avt).",
        en: "The release token (default: ROUND/release-token.avt).")
    public static let openHelpOut = Message(
        "open.help-out", vi: "Ghi kết quả đã giải mã (JSON) vào tệp này.", en: "Write the decrypted results (JSON) to this file.")
    public static let openWrote = Message(
        "open.wrote", vi: "Đã mở khoá kết quả của {1} đơn vị; đã ghi {2}.", en: "Opened the results of {1} units; wrote {2}.")
    public static let reportAbstract = Message(
        "report.abstract", vi: "Lập báo cáo kết quả (HTML in được, CSV hoặc JSON) sau khi mở khoá.",
        en: "Render the released results as a printable HTML page, CSV or JSON.")
    public static let reportHelpFormat = Message(
        "report.help-format", vi: "Định dạng: html, csv hoặc json.", en: "The format: html, csv or json.")
    public static let reportHelpOut = Message("report.help-out", vi: "Tệp báo cáo.", en: "The report file.")
    public static let reportWrote = Message("report.wrote", vi: "Đã ghi báo cáo {1}.", en: "Wrote the report {1}.")
    public static let reportBadFormat = Message(
        "report.bad-format", vi: "Định dạng \"{1}\" không hỗ trợ; dùng html, csv hoặc json.",
        en: "Unknown format \"{1}\"; use html, csv or json.")
    public static let demoAbstract = Message(
        "demo.abstract", vi: "Chạy trọn một vòng thẩm định demo trên dữ liệu mẫu, bằng các khoá demo.",
        en: "Run a whole demo appraisal round on the built-in sample with the demo keys.")
    public static let demoHelpDir = Message(
        "demo.help-dir", vi: "Thư mục ghi vòng demo (mặc định: demo-round; phải chưa có hoặc rỗng).",
        en: "The folder for the demo round (default: demo-round; must not exist or be empty).")
    public static let demoHelpSamples = Message(
        "demo.help-samples", vi: "Thư mục dữ liệu mẫu.", en: "The sample data folder.")
    public static let demoHelpKeys = Message("demo.help-keys", vi: "Thư mục khoá demo.", en: "The demo keys folder.")
    public static let demoStep = Message("demo.step", vi: "== {1}. {2}", en: "== {1}. {2}")
    public static let demoFilled = Message(
        "demo.filled", vi: "{1}: {2} ô, {3} ô điều chỉnh có lý do.", en: "{1}: {2} cells, {3} adjusted with a reason.")
    public static let demoApproved = Message(
        "demo.approved", vi: "{1} phê duyệt theo \"{2}\".", en: "{1} approves citing \"{2}\".")
    public static let demoDone = Message(
        "demo.done", vi: "Xong. Báo cáo HTML: {1}", en: "Done. HTML report: {1}")
}

extension Message {
    static let demoMessages: [Message] = [.demoNotDemoKey, .demoVerified, .demoVerifyFailed]

    public static let demoVerified = Message(
        "demo.verified", vi: "{1}/{2} kiểm tra đạt (chữ ký, ràng buộc, nhật ký, bản kê, phê duyệt, mã mở khoá, tính nhất quán).",
        en: "{1}/{2} checks passed (signatures, bindings, journal, manifest, approvals, token, consistency).")
    public static let demoVerifyFailed = Message(
        "demo.verify-failed", vi: "Kiểm tra vòng demo thất bại: {1}", en: "The demo round failed verification: {1}")

    public static let demoNotDemoKey = Message(
        "demo.not-demo-key", vi: "{1}: không phải khoá demo; lệnh demo chỉ dùng các khoá demo công khai.",
        en: "{1}: not a demo key; the demo only uses the published demo keys.")
}
