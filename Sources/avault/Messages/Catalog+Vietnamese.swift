// The Vietnamese texts of the message catalog, each id written once.
//
// The texts are a Swift table, not resource files loaded with `Bundle.module`: avault starts for
// every command, and a table compiled into the binary costs little at start-up, whereas a
// bundle lookup loads Foundation's bundle machinery and parses a file on every run. The catalog
// tests check that this table has exactly the ids of the library's codes and the CLI's
// messages, and that both languages use the same placeholders `{1}`, `{2}`….

extension Catalog {
    /// The Vietnamese texts by message id, with positional placeholders `{1}`, `{2}`….
    static let vietnamese: [String: String] = [
        "appraisal.unknown-code": "mã tiêu chí {1} không có trong bộ tiêu chí của vòng.",
        "appraisal.unassigned": "ô {1} / {2} không được phân công cho bạn.",
        "appraisal.duplicate": "ô {1} / {2} đã có ở dòng {3}.",
        "appraisal.negative": "điểm {1} âm.",
        "appraisal.above-max": "điểm {1} vượt điểm tối đa {2}.",
        "appraisal.off-step": "điểm {1} không theo bước {2}.",
        "appraisal.missing-reason": "điểm thẩm định {1} khác điểm tự chấm {2} nhưng chưa ghi lý do.",
        "appraisal.missing-cell": "thiếu ô được phân công {1} / {2}.",
        "submission.malformed": "{1}: nội dung phiếu thẩm định sai định dạng: {2}.",
        "manifest.bad-signature": "{1}: chữ ký của thư ký trên bản kê không hợp lệ.",
        "worksheet.missing-score": "{1}:{2}:{3}: chưa nhập điểm thẩm định cho {4} / {5}.",
        "worksheet.long-reason": "{1}:{2}:{3}: lý do dài quá 4000 byte.",
        "xlsx.encrypted":
            "{1} là sổ tính được đặt mật khẩu, tệp .xls cũ hoặc dùng định dạng ZIP không hỗ trợ; hãy lưu lại thành .xlsx (Excel Workbook) không mật khẩu.",
        "xlsx.damaged":
            "{1} không đọc được như một tệp .xlsx (vùng nén ZIP bị hỏng hoặc không phải .xlsx); hãy mở và lưu lại bằng Excel hoặc LibreOffice.",
        "xlsx.too-large":
            "{1}: nội dung giải nén của tệp .xlsx vượt giới hạn (64 MiB, 1000 phần, 1.000.000 phần tử XML trong một phần); đây không phải phiếu thẩm định do avault xuất.",
        "xlsx.missing-part": "{1}: tệp .xlsx thiếu phần {2}; hãy lưu lại bằng Excel hoặc LibreOffice.",
        "xlsx.bad-xml": "{1}: phần {2} của tệp .xlsx không phải XML hợp lệ (dòng {3}).",
        "xlsx.bad-cell": "{1}: ô {2} có giá trị hoặc kiểu không đọc được.",
        "xlsx.formula":
            "{1}!{2}: ô chứa công thức nhưng không có giá trị đã tính; hãy nhập số trực tiếp hoặc tính lại rồi lưu.",
        "xlsx.error-value": "{1}!{2}: ô chứa giá trị lỗi {3}; hãy nhập lại giá trị.",
        "xlsx.changed-cell":
            "{1}!{2}: ô này không được sửa (phiếu phát ra ghi \"{3}\", tệp ghi \"{4}\"); chỉ điền cột điểm thẩm định và lý do, hoặc xuất lại phiếu.",
        "approval.bad-decision":
            "Số hiệu quyết định phải là một dòng có chữ, từ 1 đến {1} byte, không có ký tự điều khiển (kể cả điều khiển hướng chữ), ví dụ \"Quyết định số 123/QĐ-UBND ngày 20/12/2026\".",
        "approval.bad-input": "Lỗi nội bộ: giá trị {1} đưa vào phê duyệt không hợp lệ.",
        "approval.bad-signature": "{1}: chữ ký của phê duyệt không hợp lệ; tệp đã bị sửa.",
        "approval.not-a-holder":
            "{1}: khoá ký trong phê duyệt (ghi tên {2}) không thuộc người giữ khoá mở nào của vòng này.",
        "approval.wrong-x": "{1}: phê duyệt của {2} ghi x = {3}, nhưng {2} là người giữ khoá x = {4}.",
        "approval.wrong-round": "{1}: phê duyệt của {2} dành cho một vòng thẩm định khác.",
        "approval.wrong-manifest":
            "{1}: phê duyệt của {2} dành cho một bản kê tổng hợp khác (kết quả đã được tổng hợp lại?).",
        "approval.wrong-results": "{1}: phê duyệt của {2} dành cho một tệp kết quả khác.",
        "approval.decision-differs":
            "{1} ({2}) ghi quyết định \"{3}\", nhưng {4} ({5}) ghi \"{6}\"; mọi phê duyệt phải ghi cùng một quyết định.",
        "approval.counted-once": "Phê duyệt của {1} chỉ được tính một lần: {2} dùng cùng khoá với {3}.",
        "approval.not-enough":
            "Cần {1} phê duyệt của những người giữ khoá khác nhau; mới có {2} ({3}); cần thêm {4} trong số: {5}.",
        "token.wrong-round": "{1}: thẻ mở khoá dành cho một vòng thẩm định khác.",
        "token.wrong-manifest": "{1}: thẻ mở khoá dành cho một bản kê tổng hợp khác.",
        "token.wrong-results": "{1}: thẻ mở khoá dành cho một tệp kết quả khác.",
        "token.decision-differs": "{1}: phê duyệt của {2} ghi \"{3}\", khác với quyết định ghi trong thẻ (\"{4}\").",
        "token.duplicate-key": "{1}: thẻ mở khoá chứa hai phê duyệt cùng khoá của {2}.",
        "results.wrong-round": "{1}: tệp kết quả khoá thuộc về một vòng thẩm định khác.",
        "results.wrong-sender": "{1}: tệp kết quả khoá do {2} ký, không phải thư ký của vòng ({3}).",
        "results.wrong-recipient": "{1}: tệp kết quả không được khoá bằng khoá chung của vòng này.",
        "hint.approval-again": "Đề nghị {1} phê duyệt lại bằng đúng các tệp của vòng này.",
        "hint.approval-same-decision":
            "Thống nhất số hiệu quyết định của UBND tỉnh, rồi đề nghị người ghi khác phê duyệt lại.",
        "hint.token-combine-again": "Tổng hợp lại các phê duyệt thành thẻ mới cho đúng các tệp của vòng này.",
        "cli.error-prefix": "lỗi",
        "cli.hint-prefix": "gợi ý",
        "parse.unknown-command": "'{1}' không phải là một lệnh của {2}.",
        "parse.unknown-option": "{2} không có tuỳ chọn '{1}'.",
        "parse.did-you-mean": "có phải ý bạn là '{1}'? (xem tất cả: {2} --help)",
        "parse.see-help": "xem {1} --help để biết các lệnh và tuỳ chọn.",
        "parse.missing-argument": "Thiếu tham số bắt buộc '{1}'.",
        "parse.missing-value": "Thiếu giá trị cho '{1}'.",
        "parse.invalid-value": "Giá trị '{1}' không hợp lệ cho '{2}'.",
        "parse.invalid-choice": "Giá trị '{1}' không hợp lệ cho '{2}'. Hãy chọn một trong các giá trị {3}.",
        "parse.unexpected": "Tham số '{1}' không dùng được ở đây.",
        "parse.usage-label": "Cách dùng:",
        "parse.help-label": "Trợ giúp:",
        "parse.see-more": "Xem '{1}' để biết thêm.",
        "cli.abstract": "Kho dữ liệu mã hoá ngoại tuyến cho hội đồng thẩm định Chỉ số CCHC.",
        "cli.discussion":
            "Thành viên niêm phong phiếu thẩm định; thư ký tổng hợp và khoá kết quả; t/n người giữ khoá cùng mở; kiểm tra viên xác minh chữ ký mà không đọc điểm.",
        "passphrase.missing": "Cần cụm mật khẩu nhưng không có terminal để hỏi và không có --passphrase-file.",
        "hint.passphrase-file": "Chạy lệnh trong terminal, hoặc dùng --passphrase-file TỆP (quyền 600).",
        "passphrase.mismatch": "Hai lần nhập cụm mật khẩu không khớp.",
        "passphrase.empty": "Cụm mật khẩu rỗng.",
        "passphrase.too-long": "{1}: cụm mật khẩu dài quá 1024 byte.",
        "passphrase.prompt": "Cụm mật khẩu cho {1}: ",
        "passphrase.prompt-again": "Nhập lại cụm mật khẩu: ",
        "help.passphrase-file": "Đọc cụm mật khẩu từ tệp này (bỏ một dấu xuống dòng ở cuối) thay vì hỏi trên terminal.",
        "keygen.abstract": "Tạo danh tính mới: tệp khoá bí mật ID.key và tệp công khai ID.pub.",
        "keygen.help-id": "Mã danh tính (a–z, 0–9, '.', '_', '-'), cũng là tên tệp.",
        "keygen.help-name": "Họ tên hiển thị, ví dụ \"Nguyễn Thị Lan\".",
        "keygen.help-role":
            "Vai trò: member (thành viên), secretary (thư ký), holder (người giữ khoá mở) hoặc unit (đơn vị được thẩm định).",
        "keygen.help-out": "Thư mục ghi hai tệp (mặc định: thư mục hiện tại).",
        "keygen.help-kdf":
            "Mức Argon2id: moderate (mặc định, ~0,7 s), sensitive (~4 s) hoặc interactive (nhanh, chỉ cho kiểm thử và khoá demo).",
        "keygen.help-demo": "Đánh dấu là danh tính demo (vòng thật sẽ từ chối).",
        "keygen.bad-kdf": "Mức KDF \"{1}\" không hợp lệ; dùng moderate, sensitive hoặc interactive.",
        "keygen.wrote": "Đã ghi {1} (bí mật, quyền 600) và {2} (công khai).",
        "keygen.fingerprint": "Dấu vân tay: {1}  (đọc cho thư ký qua điện thoại để đối chiếu)",
        "key.abstract": "Xem tệp danh tính.",
        "key.show-abstract": "In mã, họ tên, vai trò và dấu vân tay của tệp .pub sau khi kiểm tra chữ ký.",
        "key.show-help-file": "Tệp danh tính công khai (.pub) hoặc tệp khoá (.key).",
        "key.show-secret-note": "(tệp khoá bí mật; chưa mở khoá, chỉ đọc phần công khai)",
        "key.check-abstract": "Mở khoá tệp .key bằng cụm mật khẩu để kiểm tra, không ghi gì.",
        "key.check-help-file": "Tệp khoá bí mật (.key) cần kiểm tra.",
        "key.check-ok": "{1}: cụm mật khẩu đúng; mã {2}, dấu vân tay {3}.",
        "label.id": "Mã",
        "label.name": "Họ tên",
        "label.role": "Vai trò",
        "label.fingerprint": "Dấu vân tay",
        "label.created": "Tạo lúc",
        "label.demo": "Demo",
        "word.yes": "có",
        "word.no": "không",
        "role.member": "thành viên",
        "role.secretary": "thư ký",
        "role.holder": "người giữ khoá mở",
        "role.unit": "đơn vị được thẩm định",
        "envelope.bad-length": "{1}: độ dài phần dữ liệu mã hoá không hợp lệ; tệp bị cắt hoặc bị chèn thêm.",
        "envelope.bad-signature":
            "{1}: chữ ký bên ngoài không hợp lệ; tệp đã bị sửa hoặc không do người gửi ghi trong tệp ký.",
        "envelope.not-for-you": "{1}: tệp không được mã hoá cho khoá này.",
        "envelope.commitment": "{1}: khoá tệp không khớp với cam kết đã ký; tệp bị giả mạo.",
        "envelope.corrupt": "{1}: dữ liệu mã hoá bị hỏng, bị cắt hoặc bị sắp xếp lại.",
        "envelope.inner-signature": "{1}: chữ ký bên trong (trên nội dung) không hợp lệ.",
        "envelope.changed-while-reading":
            "{1}: tệp đã bị thay đổi trong lúc đang được đọc: các byte đọc để giải mã không phải là các byte đã được kiểm tra chữ ký, nên không có nội dung nào được ghi ra. Hãy bảo đảm không có chương trình nào khác đang ghi tệp này (hoặc chép tệp vào ổ đĩa cục bộ trước) rồi thử lại.",
        "evidence.bad-name":
            "{1}: tên tệp không dùng được cho tài liệu kiểm chứng (1–255 byte, không có \"/\", \"\\\" hay ký tự điều khiển (kể cả điều khiển hướng chữ), không phải \".\" hay \"..\").",
        "evidence.duplicate-name": "{1}: đã có tài liệu kiểm chứng khác cùng tên \"{2}\"; hãy đổi tên một tệp.",
        "evidence.too-many": "Quá nhiều tài liệu kiểm chứng ({1}); tối đa {2}.",
        "evidence.no-submission":
            "{1}: {2} chưa có phiếu thẩm định nào được nhận; hãy nhận phiếu thẩm định (lần nộp {3}) trước, rồi mới nhận tài liệu kiểm chứng của nó.",
        "evidence.not-live": "{1}: tài liệu kiểm chứng thuộc lần nộp {3} của {2}, nhưng lần nộp đang hiệu lực là {4}.",
        "evidence.after-merge": "{1}: vòng đã tổng hợp; không thêm tài liệu kiểm chứng được nữa.",
        "evidence.index-taken": "{1}: thư mục vòng đã có một tệp khác tên {2}; không ghi đè.",
        "evidence.stray-file":
            "{1}: tệp lạ trong thư mục tài liệu kiểm chứng (tên không theo quy tắc THÀNH-VIÊN.rSỐ.eSỐ.ave).",
        "merge.missing-evidence":
            "{1}: thiếu tài liệu kiểm chứng số {4} (\"{5}\") mà phiếu thẩm định của {2} (lần nộp {3}) liệt kê.",
        "merge.evidence-mismatch":
            "{1}: tài liệu kiểm chứng số {4} của {2} (lần nộp {3}) không phải tệp mà phiếu thẩm định đã liệt kê.",
        "merge.unlisted-evidence":
            "{1}: tài liệu kiểm chứng của {2} (lần nộp {3}) không có trong danh sách của phiếu thẩm định.",
        "hint.unlisted-evidence": "Thành viên hãy niêm phong lại (lần nộp mới) kèm đúng các tài liệu kiểm chứng.",
        "verify.evidence-name-ok": "tài liệu kiểm chứng số {3} của {1}, lần nộp {2}",
        "verify.evidence-signed": "chữ ký ngoài của {1} hợp lệ (không giải mã)",
        "verify.evidence-bound": "thuộc vòng này, gửi thư ký {4}: {1}, lần nộp {2}, số {3}",
        "verify.manifest-evidence-ok": "evidence/ chứa đúng {1} tệp mà biên bản liệt kê, mã băm khớp",
        "verify.evidence-unbound":
            "{1}: biên bản liệt kê tài liệu kiểm chứng không thuộc phiếu thẩm định nào được liệt kê.",
        "verify.evidence-listed-missing":
            "{1}: có trong bản kê ({2}, lần nộp {3}, số {4}) nhưng không có trong evidence/; đã bị xoá sau khi tổng hợp.",
        "verify.evidence-unlisted": "{1}: nằm trong evidence/ nhưng không có trong bản kê; được thêm sau khi tổng hợp.",
        "verify.evidence-name-mismatch":
            "{1}: tên tệp không khớp với người gửi, lần nộp và số trong phần đầu tệp ({2}); tệp đã bị đổi tên hoặc tráo.",
        "seal.help-attach":
            "Đính kèm tài liệu kiểm chứng (có thể lặp lại); mỗi tệp được niêm phong thành MÃ.rSỐ.eSỐ.ave.",
        "seal.wrote-evidence": "Đã niêm phong tài liệu kiểm chứng {1} (\"{2}\", {3}).",
        "receive.evidence-accepted": "nhận: {1} — tài liệu kiểm chứng số {4} của {2}, lần nộp {3}",
        "evidence.abstract": "Tài liệu kiểm chứng của thư ký.",
        "evidence.add-abstract": "Niêm phong tài liệu kiểm chứng của thư ký vào thư mục vòng.",
        "evidence.help-files": "Các tệp tài liệu kiểm chứng.",
        "evidence.added": "Đã thêm {1} vào thư mục vòng.",
        "extract.abstract": "Giải mã và kiểm tra các tài liệu kiểm chứng của vòng vào một thư mục.",
        "extract.help-out": "Thư mục đích (tệp ra: THƯ-MỤC/THÀNH-VIÊN/rSỐ/TÊN; không ghi đè).",
        "extract.help-member": "Chỉ lấy tài liệu của thành viên này.",
        "extract.wrote": "{1} ({2}, đã kiểm tra toàn vẹn)",
        "extract.summary": "Đã giải mã {1} tài liệu kiểm chứng vào {2}.",
        "merge.evidence-count": "Tài liệu kiểm chứng: {1} tệp, đã kiểm tra chữ ký và mã băm (không giải mã).",
        "inbox.wrong-round": "{1}: tệp này thuộc về một vòng thẩm định khác.",
        "hint.inbox-wrong-round": "Thành viên cần niêm phong lại bằng đúng tệp vòng (round.avr) của vòng này.",
        "inbox.wrong-recipient": "{1}: tệp được mã hoá cho người nhận khác, không phải thư ký của vòng này.",
        "inbox.wrong-role": "{1}: người ký {2} có vai trò {3} trong vòng này, không phải thành viên thẩm định.",
        "inbox.not-member": "{1}: người ký \"{2}\" không có trong danh sách thành viên của vòng.",
        "inbox.key-mismatch": "{1}: tệp ghi người gửi {2} nhưng được ký bằng khoá khác ({3}).",
        "inbox.stray-file": "{1}: tệp lạ trong thư mục phiếu thẩm định (tên không theo quy tắc THÀNH-VIÊN.rSỐ.avs).",
        "inbox.two-live": "{1}: thành viên {2} có hai phiếu thẩm định có hiệu lực cùng lúc.",
        "inbox.duplicate": "{1}: đã nhận đúng tệp này rồi ({2}, lần nộp {3}); không nhận lại.",
        "inbox.stale": "{1}: {2} lần nộp {3} cũ hơn hoặc trùng với lần đã nhận ({4}).",
        "hint.inbox-stale": "Mỗi lần niêm phong lại phải có số lần nộp lớn hơn; thành viên hãy niêm phong lại.",
        "inbox.round-merged":
            "{1}: vòng đã tổng hợp ({2}) nên không nhận thêm phiếu thẩm định hay tài liệu kiểm chứng nào; chưa nhận tệp nào.",
        "hint.round-merged":
            "Tổng hợp là bước cuối: kết quả đã khoá cho những người giữ khoá. Nếu phải nhận bài lại, thư ký lập một vòng mới (avault round init) và các thành viên niêm phong cho vòng đó.",
        "csv.empty": "{1}: tệp không có dòng tiêu đề (tệp rỗng).",
        "csv.ragged": "{1}:{2}: dòng có {3} cột, nhưng dòng tiêu đề có {4} cột.",
        "csv.invalid-utf8": "{1}:{2}:{3}: không phải văn bản UTF-8 hợp lệ; hãy lưu tệp dưới dạng \"CSV UTF-8\".",
        "csv.stray-cr": "{1}:{2}:{3}: ký tự CR đứng riêng (không theo sau là LF).",
        "csv.after-quote":
            "{1}:{2}:{3}: có ký tự sau dấu ngoặc kép đóng; sau đó chỉ được là dấu phân cách hoặc xuống dòng.",
        "csv.stray-quote":
            "{1}:{2}:{3}: dấu ngoặc kép nằm giữa ô không được bao bởi ngoặc kép; hãy bao cả ô trong \"…\" và viết \"\" cho mỗi dấu ngoặc kép bên trong.",
        "csv.unterminated-quote": "{1}:{2}:{3}: ô mở bằng dấu ngoặc kép nhưng không bao giờ đóng lại.",
        "csv.header": "{1}:{2}:{3}: cột \"{4}\" không được dùng ở đây (lặp lại hoặc không biết); các cột cần có: {5}.",
        "csv.missing-column": "{1}:{2}: thiếu cột \"{3}\"; các cột cần có: {4}.",
        "input.bad-number": "{1}:{2}:{3}: \"{4}\" không phải một số điểm.",
        "hint.number-format":
            "Viết như 7,5 hoặc 7.5: tối đa 12 chữ số phần nguyên và 6 chữ số thập phân, không dấu phân cách hàng nghìn, không đơn vị.",
        "framework.bad-code": "{1}:{2}:{3}: mã \"{4}\" không hợp lệ; dùng dạng 1, 1.1 hoặc 1.1.1.",
        "framework.duplicate-code": "{1}:{2}:{3}: mã {4} bị lặp (đã có ở {5}).",
        "framework.orphan": "{1}:{2}:{3}: mã {4} không có mục cha {5}.",
        "framework.misplaced": "{1}:{2}:{3}: mã {4} nằm dưới mục {5}, không đúng cấp bậc của mã.",
        "framework.bad-title":
            "{1}:{2}:{3}: tên của mục {4} trống, quá dài hoặc có ký tự điều khiển (kể cả điều khiển hướng chữ).",
        "framework.bad-method":
            "{1}:{2}:{3}: tiêu chí thành phần {4} có phương pháp \"{5}\"; phải là self (tự chấm), council (hội đồng) hoặc survey (điều tra XHH).",
        "framework.method-on-group":
            "{1}:{2}:{3}: {4} là lĩnh vực hoặc tiêu chí nên không có phương pháp (ghi \"{5}\"); để trống ô này.",
        "framework.bad-step": "{1}:{2}:{3}: bước điểm của {4} là {5}; phải lớn hơn 0.",
        "framework.non-positive-max": "{1}:{2}:{3}: điểm tối đa của {4} là {5}; phải lớn hơn 0.",
        "framework.off-step": "{1}:{2}:{3}: điểm tối đa {5} của {4} không phải bội số của bước {6}.",
        "framework.childless": "{1}:{2}:{3}: {4} không có mục con nào.",
        "framework.sum-mismatch":
            "{1}:{2}:{3}: các mục con của {4} cộng lại được {5}, nhưng điểm tối đa của {4} là {6}.",
        "framework.duplicate-set":
            "--framework {1}: bộ tiêu chí “{1}” được khai hai lần; mỗi bộ tiêu chí chỉ khai một lần với một mã riêng (--framework MÃ=TỆP).",
        "framework.unknown-set": "--set-groups {1}: không có bộ tiêu chí nào mang mã “{2}”; các bộ đã khai: {3}.",
        "framework.set-unknown-group": "--set-groups {1}: không có nhóm đơn vị “{2}” trong danh sách đơn vị.",
        "framework.group-twice":
            "Nhóm đơn vị “{1}” được gán cho hai bộ tiêu chí ({2} và {3}); mỗi nhóm chỉ chấm theo một bộ.",
        "framework.group-uncovered": "Nhóm đơn vị “{1}” không thuộc bộ tiêu chí nào; thêm --set-groups MÃ_BỘ={1}.",
        "framework.set-no-groups":
            "Bộ tiêu chí “{1}” không áp dụng cho nhóm nào; khi có nhiều bộ tiêu chí, khai --set-groups {1}=NHÓM cho từng bộ.",
        "members.unqualified-code":
            "{1}:{2}:{3}: mã “{4}” không nói thuộc bộ tiêu chí nào; vòng này có nhiều bộ, hãy viết MÃ_BỘ:MÃ (ví dụ {5}:{4}).",
        "framework.empty": "{1}: bộ tiêu chí không có lĩnh vực nào.",
        "framework.total-mismatch": "{1}:{2}:{3}: các lĩnh vực cộng lại được {4}, nhưng tổng điểm khai báo là {5}.",
        "framework.json": "{1}: JSON không hợp lệ tại {2}: {3}.",
        "framework.too-long": "{1}: trường {2} của bộ tiêu chí dài quá {3} byte (UTF-8): hãy rút ngắn.",
        "units.bad-id": "{1}:{2}:{3}: mã \"{4}\" không hợp lệ: dùng 1–64 ký tự a–z, 0–9, '.', '_', '-'.",
        "units.duplicate-group": "{1}:{2}:{3}: nhóm {4} được khai báo hai lần.",
        "units.bad-name":
            "{1}:{2}:{3}: tên trống, dài quá 200 byte hoặc có ký tự điều khiển (kể cả điều khiển hướng chữ).",
        "units.duplicate": "{1}:{2}:{3}: đơn vị {4} bị lặp (đã có ở dòng {5}).",
        "units.unknown-group": "{1}:{2}:{3}: nhóm \"{4}\" không xác định.",
        "hint.groups-file": "Nhóm có sẵn: so-nganh, huyen. Nhóm khác cần tệp --groups với các cột id,name.",
        "units.none": "{1}: không có đơn vị nào.",
        "self.unknown-unit": "{1}:{2}:{3}: đơn vị \"{4}\" không có trong danh sách đơn vị.",
        "self.unknown-code": "{1}:{2}:{3}: \"{4}\" không phải mã tiêu chí thành phần của bộ tiêu chí.",
        "self.not-self": "{1}:{2}:{3}: tiêu chí thành phần {4} được chấm theo phương pháp {5}, đơn vị không tự chấm.",
        "self.duplicate": "{1}:{2}:{3}: ô {4} bị lặp (đã có ở dòng {5}).",
        "self.out-of-range": "{1}:{2}:{3}: điểm tự chấm {4} của {5} nằm ngoài khoảng 0–{6}.",
        "self.off-step": "{1}:{2}:{3}: điểm tự chấm {4} của {5} không phải bội số của bước {6}.",
        "self.bad-note":
            "{1}:{2}:{3}: ghi chú dài quá 2000 byte hoặc có ký tự điều khiển (kể cả điều khiển hướng chữ).",
        "self.missing": "{1}: thiếu {2} ô tự chấm (đơn vị/mã): {3}.",
        "members.bad-id": "{1}:{2}:{3}: mã thành viên \"{4}\" không hợp lệ.",
        "members.duplicate": "{1}:{2}:{3}: thành viên {4} bị lặp (đã có ở dòng {5}).",
        "members.key-unusable": "{1}:{2}:{3}: không dùng được tệp khoá công khai {4} (xem lỗi tiếp theo).",
        "members.id-mismatch": "{1}:{2}:{3}: tệp {4} là của \"{5}\", không phải \"{6}\".",
        "members.wrong-role": "{1}:{2}:{3}: {4} có vai trò {5}; thành viên hội đồng cần danh tính vai trò member.",
        "members.duplicate-key": "{1}:{2}:{3}: {4} là cùng một danh tính đã dùng ở dòng {5}.",
        "members.no-codes": "{1}:{2}:{3}: thành viên {4} chưa được phân công mã nào.",
        "members.duplicate-code":
            "{1}:{2}:{3}: thành viên {4} ghi mã “{5}” hai lần (đã ghi là “{6}”, cùng một mã); mỗi mã chỉ ghi một lần.",
        "members.unknown-code": "{1}:{2}:{3}: mã \"{4}\" không có trong bộ tiêu chí.",
        "members.survey-code": "{1}:{2}:{3}: mã {4} chỉ gồm tiêu chí điều tra XHH, không thẩm định.",
        "members.unknown-unit": "{1}:{2}:{3}: \"{4}\" không phải mã đơn vị hay mã nhóm.",
        "merge.help-preliminary":
            "Tổng hợp sơ bộ (đặc tả §12.3): thay vì khoá kết quả, ghi cho mỗi đơn vị có khoá một thông báo riêng, chỉ đơn vị đó mở được.",
        "merge.help-answer-by":
            "Với --preliminary: hạn gửi giải trình, YYYY-MM-DD (hết ngày đó, giờ UTC) hoặc YYYY-MM-DDTHH:MM:SSZ.",
        "merge.answer-by-without-preliminary":
            "--answer-by chỉ dùng cho tổng hợp sơ bộ; thêm --preliminary, hoặc bỏ nó đi khi tổng hợp chính thức.",
        "merge.needs-answer-by": "Tổng hợp sơ bộ cần hạn gửi giải trình: --answer-by YYYY-MM-DD.",
        "merge.bad-answer-by": "--answer-by {1}: không phải ngày YYYY-MM-DD hay thời điểm YYYY-MM-DDTHH:MM:SSZ.",
        "merge.preliminary-done-summary":
            "Tổng hợp sơ bộ {3} bài nộp: đã ghi {1} thông báo vào {2}, mỗi đơn vị có khoá một thông báo, chỉ đơn vị đó mở được. Không in điểm nào.",
        "merge.preliminary-next":
            "Chỉ giao cho mỗi đơn vị tệp của chính mình notices/UNIT.avn; hạn giải trình {1}. Từ nay không nhận thêm bài nộp vòng 1.",
        "notice.abstract": "Thông báo kết quả thẩm định sơ bộ của đơn vị.",
        "notice.open-abstract": "Mở thông báo của đơn vị bằng khoá đơn vị: xem, xuất HTML hoặc phiếu giải trình.",
        "notice.help-file": "Tệp thông báo notices/UNIT.avn.",
        "notice.help-round":
            "Thư mục đợt thẩm định, nếu có: kiểm tra thêm thông báo thuộc đợt này, do thư ký gửi, cho đúng khoá của bạn.",
        "notice.help-secretary":
            "Tệp khoá công khai (.pub) của thư ký mà hội đồng đã giao cho bạn: kiểm tra thông báo do đúng thư ký đó ký, không cần thư mục đợt thẩm định.",
        "notice.help-html": "Ghi trang in (HTML) vào tệp này (không ghi đè).",
        "notice.help-sheet": "Ghi phiếu giải trình vào tệp này, .csv hoặc .xlsx (không ghi đè).",
        "notice.sheet-format": "{1}: phiếu giải trình ghi dạng CSV hoặc XLSX; hãy đặt tên tệp có đuôi .csv hoặc .xlsx.",
        "notice.wrote-html": "Đã ghi {1} (giữ kín: tệp chứa kết quả sơ bộ của đơn vị).",
        "notice.wrote-sheet":
            "Đã ghi phiếu giải trình {1} ({2} ô): điền y_kien, giai_trinh và minh_chung cho các ô cần giải trình.",
        "notice.header": "Thông báo kết quả thẩm định sơ bộ của {1} ({2}) — {3}, năm {4}.",
        "notice.sender": "Thư ký {1} ký, dấu vân tay {2}; đợt {3}.",
        "notice.check-by-phone":
            "Hãy đọc đối chiếu dấu vân tay của thư ký qua điện thoại trước khi dùng thông báo này.",
        "notice.deadline": "Hạn gửi giải trình: {1}. Các ô có điểm thẩm định khác điểm tự chấm:",
        "notice.totals": "Tổng: tự chấm {1}, thẩm định {2}, trên {3} ({4} ô, {5} ô có thể giải trình).",
        "notice.extras": "Điểm thưởng {1}, điểm trừ {2}: tổng điểm cuối cùng (sơ bộ) {3}.",
        "notice.wrong-round": "{1}: thông báo này thuộc đợt khác.",
        "notice.not-secretary": "{1}: do {2} ký, không phải thư ký của đợt; đừng dùng tệp này.",
        "notice.wrong-recipient": "{1}: không được niêm phong cho khoá mà đợt ghi cho đơn vị {2}.",
        "notice.malformed": "{1}: nội dung thông báo bị hỏng ({2}); hãy xin thư ký bản mới.",
        "notice.content-mismatch":
            "{1}: nội dung thông báo không khớp với phong bì (đơn vị, đợt hoặc thư ký); hãy xin thư ký bản mới.",
        "notice.not-a-unit":
            "{1}: khoá vai trò {2}; thông báo chỉ mở được bằng khoá của chính đơn vị (keygen --role unit).",
        "explain.abstract":
            "Giải trình thông báo của đơn vị: kiểm tra phiếu giải trình đã điền, ký bằng khóa đơn vị và niêm phong gửi thư ký.",
        "explain.help-sheet":
            "Phiếu giải trình do notice open --sheet ghi ra, đã điền (y_kien, giai_trinh).",
        "explain.help-round":
            "Thư mục vòng: thông báo lấy từ notices/UNIT.avn và khóa được đối chiếu với vòng.",
        "explain.help-notice":
            "Tệp thông báo cần giải trình (notices/UNIT.avn), khi không có thư mục vòng.",
        "explain.help-out":
            "Tệp giải trình sẽ ghi (mặc định UNIT.rN.avx; không bao giờ ghi đè).",
        "explain.help-revision":
            "Lần giải trình: 1 cho lần đầu; lần sau với số lớn hơn sẽ thay thế lần trước.",
        "explain.help-attach":
            "Tài liệu minh chứng cho giải trình (lặp lại nếu nhiều tệp); ghi tên tệp ở cột minh_chung (cách nhau bằng ;).",
        "explain.wrote-evidence":
            "Đã ghi {1} (minh chứng, niêm phong gửi thư ký; nộp kèm bản giải trình).",
        "explain.needs-notice":
            "cần --round ROUND hoặc --notice NOTICE.avn: thông báo mà phiếu trả lời.",
        "explain.sheet-rejected":
            "{1}: phiếu giải trình có {2} lỗi; không ghi tệp nào.",
        "explain.wrote":
            "Đã ghi {1}: trả lời {2} ô có chênh lệch, không đồng ý {3} ô, niêm phong gửi thư ký {4}. Nộp trước {5}.",
        "receive.explanation":
            "nhận: {1} — giải trình của đơn vị {2}, lần {3}",
        "receive.explanation-late":
            "nhận, QUÁ HẠN: {1} — giải trình của đơn vị {2}, lần {3}, sau hạn giải trình; đã ghi quá hạn vào nhật ký, hội đồng quyết định",
        "second.not-a-member":
            "{1}: khoá của {2} (vai trò {3}) không phải khoá của một thành viên thẩm định của vòng này; phiếu thẩm định lại chỉ do thành viên được chuyển ô đó ký.",
        "second.forwarded-other-member":
            "{1}: tệp giải trình chuyển này dành cho thành viên {2}, không phải {3}; chỉ dùng các tệp thư ký chuyển cho bạn.",
        "second.forwarded-twice":
            "{1}: ô {2} cũng có trong một tệp chuyển khác đã đưa; mỗi tệp chuyển chỉ đưa một lần (tệp mới nhất thư ký gửi).",
        "second.not-explained":
            "{1}:{2}:{3}: ô {4} không được giải trình cho bạn (không có trong tệp chuyển nào đã đưa); sửa điểm ở vòng 2 cần có giải trình, hoặc --unexplained {4} để ghi nhận ngoại lệ mà thư ký phải chấp nhận.",
        "second.missing-row":
            "{1}: ô đã chuyển {2} không có dòng; trả lời mọi ô được giải trình (giữ hoặc sửa, kèm lý do).",
        "second.duplicate-row":
            "{1}:{2}:{3}: ô {4} xuất hiện hai lần.",
        "second.changed-cell":
            "{1}:{2}:{3}: cột {4} đã bị sửa; phải giữ như khi chuyển: “{5}”.",
        "second.bad-decision":
            "{1}:{2}:{3}: “{4}” không phải quyết định; ghi giữ hoặc sửa.",
        "second.keep-changes-score":
            "{1}:{2}:{3}: ô {4}: giữ điểm nhưng diem_tham_dinh là {5}, không phải điểm vòng 1 {6}; ghi sửa để đổi, hoặc xoá diem_tham_dinh.",
        "second.change-keeps-score":
            "{1}:{2}:{3}: ô {4}: sửa nhưng điểm mới {5} bằng điểm vòng 1; ghi giữ để giữ điểm.",
        "second.missing-score":
            "{1}:{2}:{3}: ô {4}: sửa nhưng chưa ghi điểm mới ở diem_tham_dinh.",
        "second.bad-score":
            "{1}:{2}:{3}: ô {4}: điểm {5} không hợp lệ cho ô này (từ 0 đến {6}, bội số của {7}).",
        "second.unexplained-keep":
            "{1}:{2}:{3}: ô {4} được nêu ở --unexplained nhưng dòng lại giữ điểm; dòng ngoại lệ chỉ dùng để sửa (ghi sửa và điểm mới).",
        "second.missing-reason":
            "{1}:{2}:{3}: ô {4}: chưa có lý do ở ly_do; mọi quyết định vòng 2 phải trả lời giải trình bằng lý do.",
        "second.long-reason":
            "{1}:{2}:{3}: lý do dài quá {4} byte.",
        "second.bad-unexplained":
            "--unexplained {1}: không phải ô ĐƠN_VỊ/MÃ được phân công cho thành viên {2}.",
        "second.malformed":
            "{1}: nội dung phiếu thẩm định lại không hợp lệ ({2}).",
        "second.content-mismatch":
            "{1}: nội dung phiếu thẩm định lại không khớp với phong bì (thành viên, vòng hoặc lần nộp).",
        "inbox.second-before-forward":
            "{1}: phiếu thẩm định lại, nhưng chưa chuyển giải trình nào (avault explanations forward); chỉ nhận trong giai đoạn thẩm định lại.",
        "verify.second-ok":
            "second/ có đúng {1} phiếu thẩm định lại nhật ký ghi, của {2} thành viên, mỗi phiếu ký bằng khoá của thành viên trong vòng và mã hoá gửi thư ký.",
        "verify.second-not-yet":
            "chưa nhận phiếu thẩm định lại nào.",
        "verify.second-stray-file":
            "{1}: không phải phiếu thẩm định lại nhật ký ghi (tên MEMBER.rN.av2, đúng như phần đầu tệp ghi).",
        "verify.second-hash":
            "{1}: khác với tệp nhật ký ghi đã nhận.",
        "verify.second-missing":
            "phiếu thẩm định lại của thành viên {1}, lần {2}, có trong nhật ký nhưng không có trong second/.",
        "receive.second":
            "nhận: {1} — phiếu thẩm định lại của thành viên {2}, lần {3}",
        "receive.second-superseding":
            "nhận: {1} — phiếu thẩm định lại của thành viên {2}, lần {3}, thay lần {4}",
        "worksheet.help-second":
            "Ghi phiếu thẩm định lại: chỉ các ô được giải trình đã chuyển cho bạn (dùng với --forwarded và --key, không dùng --member).",
        "worksheet.help-forwarded":
            "Với --second: các tệp giải trình được chuyển cho bạn (MEMBER.UNIT.rN.avf; có thể nhiều tệp).",
        "worksheet.help-key":
            "Với --second: khoá thành viên của bạn, để mở các tệp chuyển.",
        "worksheet.second-usage":
            "--second cần --forwarded TỆP… và --key MEMBER.key, và không dùng --member.",
        "worksheet.first-usage":
            "Cần --member (hoặc --second với --forwarded và --key để ghi phiếu thẩm định lại).",
        "worksheet.second-wrote":
            "Đã ghi {1} cho {3}: {2} ô được giải trình từ {4} tệp chuyển. Điền quyet_dinh (giữ/sửa), diem_tham_dinh khi sửa, và ly_do cho mọi dòng.",
        "seal.help-second":
            "Niêm phong phiếu thẩm định lại (do worksheet --second ghi) thành MEMBER.rN.av2; cần --forwarded.",
        "seal.help-forwarded":
            "Với --second: các tệp giải trình chuyển mà phiếu trả lời (có thể nhiều tệp).",
        "seal.help-unexplained":
            "Với --second: một ô ĐƠN_VỊ/MÃ được sửa dù không ai giải trình (có thể lặp lại); ngoại lệ được ghi nhận, thư ký phải chấp nhận khi tổng hợp chính thức.",
        "seal.second-usage":
            "--second cần --forwarded và không dùng --attach hay --remove-plaintext; --forwarded và --unexplained chỉ dùng với --second.",
        "seal.second-rejected":
            "{1}: phiếu thẩm định lại có {2} lỗi; không niêm phong gì.",
        "seal.second-wrote":
            "Đã niêm phong {1} (thẩm định lại, lần {2}: {3} ô, sửa {4}) gửi thư ký {5}.",
        "explanation.not-a-unit":
            "{1}: khóa có vai trò {2}; giải trình chỉ ký bằng khóa của đơn vị (keygen --role unit).",
        "explanation.not-round-key":
            "{1}: khóa này không phải khóa vòng ghi cho đơn vị {2}.",
        "explanation.no-notice":
            "{1}: không có thông báo cho đơn vị {2} (đã tổng hợp sơ bộ chưa, đơn vị có khóa không?).",
        "explanation.unknown-cell":
            "{1}:{2}:{3}: đơn vị {4}, ô {5} không thuộc thông báo của đơn vị; đơn vị chỉ giải trình ô của mình.",
        "explanation.missing-cell":
            "{1}: thiếu dòng của ô {2} trong thông báo.",
        "explanation.duplicate-cell":
            "{1}:{2}:{3}: ô {4} ghi hai lần.",
        "explanation.changed-cell":
            "{1}:{2}:{3}: cột {4} đã bị sửa; chỉ điền y_kien, giai_trinh và minh_chung (thông báo ghi “{5}”).",
        "explanation.not-contested":
            "{1}:{2}:{3}: ô {4}: điểm thẩm định bằng điểm tự chấm; không có gì để không đồng ý.",
        "explanation.missing-text":
            "{1}:{2}:{3}: ô {4}: không đồng ý thì giai_trinh phải nêu lý do.",
        "explanation.text-without-dispute":
            "{1}:{2}:{3}: ô {4}: có giải trình nhưng lại đồng ý; ghi “không đồng ý” vào y_kien, hoặc xóa giai_trinh.",
        "explanation.bad-answer":
            "{1}:{2}:{3}: “{4}” không phải ý kiến hợp lệ; ghi “đồng ý” hoặc “không đồng ý”, hoặc để trống (đồng ý).",
        "explanation.long-text":
            "{1}:{2}:{3}: nội dung giải trình dài quá {4} byte.",
        "explanation.unknown-evidence":
            "{1}:{2}:{3}: “{4}” không phải tệp nào đã đưa vào --attach; ghi tên từng tài liệu ở minh_chung (cách nhau bằng ;) và đính kèm tệp đó.",
        "explanation.evidence-without-dispute":
            "{1}:{2}:{3}: ô {4}: có minh chứng nhưng lại đồng ý; minh chứng chỉ dùng khi không đồng ý.",
        "inbox.evidence-without-explanation":
            "{1}: minh chứng của đơn vị {2}, lần {3}, nhưng chưa nhận bản giải trình đó; hãy nhận kèm tệp giải trình (.avx).",
        "explanation.malformed":
            "{1}: nội dung giải trình không hợp lệ ({2}).",
        "explanation.content-mismatch":
            "{1}: nội dung giải trình không khớp với phong bì (đơn vị, vòng, lần nộp hoặc thông báo).",
        "inbox.explanation-wrong-role":
            "{1}: giải trình do {2} ký, là {3} của vòng, không phải đơn vị.",
        "inbox.not-a-unit":
            "{1}: người ký “{2}” không phải đơn vị có khóa trong vòng này.",
        "inbox.unit-key-mismatch":
            "{1}: ký bằng khóa khác với khóa vòng ghi cho đơn vị {2}.",
        "inbox.no-notice":
            "{1}: chưa phát thông báo cho đơn vị {2}; chưa có gì để giải trình.",
        "inbox.wrong-notice":
            "{1}: đơn vị {2} trả lời một thông báo khác với thông báo đã phát cho đơn vị.",
        "explanations.abstract":
            "Chuyển giải trình của đơn vị cho thành viên, và đọc giải trình (giai đoạn giải trình).",
        "forward.abstract":
            "Chuyển giải trình của mỗi đơn vị cho thành viên được phân công các ô bị phản hồi, niêm phong cho từng thành viên (thư ký).",
        "forward.show-abstract": "Đọc giải trình được chuyển cho bạn, và lấy minh chứng kèm theo (thành viên).",
        "forward.help-file": "Tệp giải trình được chuyển forwarded/MEMBER.UNIT.rN.avf.",
        "forward.help-round":
            "Thư mục đợt thẩm định, nếu có: kiểm tra thêm tệp thuộc đợt này, do thư ký gửi, cho đúng khoá của bạn.",
        "forward.help-evidence-out":
            "Ghi các tài liệu minh chứng được dẫn vào thư mục này (không ghi đè; giữ kín).",
        "forward.nothing":
            "Không có gì mới để chuyển: đã kiểm {1} giải trình, {2} đồng ý mọi ô; các giải trình khác đã được chuyển trước đó.",
        "forward.done": "Đã chuyển {1} tệp cho {2} thành viên, tổng cộng {3} ô, vào {4}.",
        "forward.evidence": "Bản minh chứng niêm phong lại cho thành viên: {1}.",
        "forward.agreed": "Đơn vị đồng ý mọi ô (không có gì để chuyển): {1}",
        "forward.header": "Giải trình của đơn vị {1} chuyển cho {2}: {3} ô cần thẩm định lại; người gửi {4}.",
        "forward.text": "      giải trình: {1}",
        "forward.attachment": "      minh chứng: {1} ({2} byte)",
        "forward.wrote-evidence": "Đã ghi {1} tài liệu minh chứng vào {2} (giữ kín).",
        "forward.wrong-round": "{1}: giải trình được chuyển này thuộc vòng khác.",
        "forward.not-secretary": "{1}: do {2} ký, không phải thư ký của vòng này; không dùng tệp này.",
        "forward.wrong-recipient": "{1}: không được niêm phong cho khoá mà vòng ghi cho thành viên {2}.",
        "forward.wrong-unit": "{1}: đơn vị {2} không phải đơn vị có khoá trong vòng này.",
        "forward.malformed":
            "{1}: nội dung giải trình được chuyển không hợp lệ ({2}); đề nghị thư ký gửi lại bản khác.",
        "forward.content-mismatch":
            "{1}: nội dung giải trình được chuyển không khớp với phong bì (thành viên, đơn vị hoặc vòng).",
        "forward.not-a-member":
            "{1}: khoá có vai trò {2}; giải trình được chuyển chỉ mở bằng khoá của thành viên được gửi.",
        "forward.other-member":
            "{1}: giải trình được chuyển này dành cho thành viên {2}, không phải {3}; mỗi thành viên chỉ mở tệp của mình.",
        "forward.no-preliminary":
            "{1}: chưa tổng hợp sơ bộ; chưa có thông báo nên chưa có giải trình để chuyển.",
        "forward.after-merge": "{1}: vòng đã tổng hợp; không chuyển giải trình nữa.",
        "forward.preliminary-changed":
            "{1}: bài nộp vòng 1 hiện hành không phải các bài mà mục tổng hợp sơ bộ liệt kê; thông báo không còn khớp.",
        "forward.answers-mismatch":
            "{1}: giải trình của đơn vị {2} không trả lời đúng các ô có chênh lệch trong thông báo; không chuyển.",
        "forward.evidence-missing":
            "{1}: minh chứng {3} mà đơn vị {2} dẫn chưa có trong explanations/; hãy nhận tệp đó trước khi chuyển.",
        "forward.evidence-mismatch":
            "{1}: minh chứng {3} của đơn vị {2} không phải tệp mà giải trình liệt kê (mã băm tệp); không chuyển.",
        "notice.other-unit":
            "{1}: thông báo này của đơn vị {2}, không phải của {3}; mỗi đơn vị chỉ mở được thông báo của mình.",
        "merge.no-unit-keys":
            "{1}: đợt không có khoá đơn vị nào nên không có vòng giải trình; hãy tổng hợp chính thức, không dùng --preliminary.",
        "merge.preliminary-done": "{1}: đã tổng hợp sơ bộ rồi; thông báo chỉ phát hành một lần.",
        "inbox.after-preliminary": "{1}: đã phát hành thông báo ({2}); không nhận thêm bài nộp vòng 1.",
        "merge.bad-deadline": "{1}: hạn không đúng dạng YYYY-MM-DDTHH:MM:SSZ.",
        "members.none": "{1}: không có thành viên nào.",
        "unitkeys.unknown-unit":
            "{1}:{2}:{3}: \"{4}\" không phải là đơn vị trong tệp danh sách đơn vị; chỉ ghi các đơn vị của đợt này.",
        "unitkeys.duplicate": "{1}:{2}:{3}: đơn vị {4} được ghi hai lần (lần đầu ở dòng {5}); mỗi đơn vị chỉ một khoá.",
        "unitkeys.key-unusable": "{1}:{2}:{3}: không dùng được tệp khoá công khai {4} (xem lỗi tiếp theo).",
        "unitkeys.id-mismatch":
            "{1}:{2}:{3}: tệp {4} là của \"{5}\", không phải của đơn vị \"{6}\"; hãy tạo khoá đơn vị bằng keygen --role unit --id {6}.",
        "unitkeys.wrong-role": "{1}:{2}:{3}: {4} có vai trò {5}; đơn vị cần danh tính tạo bằng keygen --role unit.",
        "assign.overlap": "{1}: {2} ô được phân cho nhiều thành viên: {3}.",
        "assign.own-unit":
            "{1}: thành viên {2} được phân {3} ô của chính đơn vị mình (tự rút): {4}; hãy phân các ô này cho thành viên khác.",
        "assign.gap": "{1}: {2} ô cần thẩm định chưa được phân cho ai (đơn vị/mã): {3}.",
        "labels.unknown-group": "{1}:{2}:{3}: nhóm \"{4}\" không có đơn vị nào (dùng * cho mọi nhóm).",
        "labels.bad-label": "{1}:{2}:{3}: nhãn xếp loại trống hoặc không hợp lệ.",
        "labels.bad-percent": "{1}:{2}:{3}: ngưỡng \"{4}\" phải là số từ 0 đến 100.",
        "labels.duplicate": "{1}:{2}:{3}: nhãn {4} hoặc ngưỡng của nó bị lặp trong nhóm {5}.",
        "labels.no-floor": "{1}: nhóm {2} không có nhãn nào với ngưỡng 0 (nhãn cho các trường hợp còn lại).",
        "journal.bad-signature": "{1}: chữ ký của thư ký trên nhật ký không hợp lệ; nhật ký đã bị sửa.",
        "journal.broken-chain": "{1}: chuỗi băm của nhật ký bị đứt ở mục {2}; có mục bị xoá, chèn hoặc sửa.",
        "journal.wrong-round": "{1}: nhật ký này thuộc về một vòng thẩm định khác.",
        "journal.rolled-back":
            "{1}: nhật ký này ({2} mục, đầu chuỗi {3}…) không nối tiếp nhật ký mà máy này đã ghi nhận cho vòng thẩm định ({4} mục, đầu chuỗi {5}…, trong {6}): một bản sao cũ của thư mục vòng đã được chép đè, hoặc nhật ký đã bị thay. Chưa có gì bị thay đổi.",
        "journal.pin-malformed":
            "{1}: tệp ghim của máy này bị hỏng ({2}); xem vòng bằng `avault pin --round VÒNG`, rồi ghim lại bằng --accept.",
        "journal.pin-accept-mismatch":
            "--accept {1} không phải đầu chuỗi của {2}; đầu chuỗi là {3}. Hãy chép đúng đầu chuỗi avault đã in.",
        "journal.pin-no-state":
            "Không có thư mục lưu điểm ghim nhật ký: hãy đặt HOME hoặc XDG_STATE_HOME.",
        "receipt.bad-signature":
            "{1}: biên nhận không mang chữ ký của thư ký vòng này; tệp đã bị sửa, hoặc không thuộc vòng này.",
        "receipt.wrong-round":
            "{1}: biên nhận này thuộc một vòng thẩm định khác.",
        "receipt.not-in-journal":
            "{1}: nhật ký không còn mục {4} (đầu chuỗi {5}…) của biên nhận này cho {2} lần nộp {3}: nhật ký đã bị quay lui hoặc viết lại sau khi nhận tệp.",
        "checkpoint.bad-signature":
            "{1}: chữ ký trên điểm chốt không hợp lệ; tệp đã bị sửa.",
        "checkpoint.not-a-holder":
            "{1}: khoá trong điểm chốt này (ký với tên {2}) không phải của người giữ khoá công bố của vòng này.",
        "checkpoint.wrong-round":
            "{1}: điểm chốt này thuộc một vòng thẩm định khác.",
        "checkpoint.not-extended":
            "{1}: {2} đã chốt nhật ký ở {3} mục (đầu chuỗi {4}…), nhưng nhật ký này ({5} mục) không nối tiếp điểm đó: một bản cũ đã được chép đè, hoặc lịch sử đã bị viết lại.",
        "verify.pin-ok":
            "Nhật ký nối tiếp điểm ghim của máy này ({1} mục, đầu chuỗi {2}…).",
        "verify.pin-none":
            "Máy này chưa ghim vòng thẩm định này.",
        "verify.receipts-ok":
            "{1} biên nhận: có chữ ký của thư ký, và nhật ký còn đủ mục của từng biên nhận.",
        "verify.receipts-none":
            "Không có biên nhận để đối chiếu.",
        "verify.checkpoints-ok":
            "{1} điểm chốt của người giữ khoá; nhật ký nối tiếp từng điểm.",
        "verify.checkpoints-none":
            "Chưa có điểm chốt.",
        "hint.pin-accept":
            "Hãy khôi phục bản mới nhất của thư mục vòng (bản sao lưu; biên nhận của thành viên cho biết còn thiếu gì). Chỉ khi đúng là muốn giữ nhật ký này: avault pin --round {1} --accept {2}",
        "pin.abstract":
            "Xem điểm ghim nhật ký của một vòng trên máy này, hoặc chủ động ghim lại (--accept).",
        "pin.help-accept":
            "Ghim nhật ký hiện có trong thư mục; ghi đầy đủ đầu chuỗi như avault đã in.",
        "pin.journal":
            "Nhật ký: {1} mục, đầu chuỗi {2}",
        "pin.pinned":
            "Đã ghim trên máy này: {1} mục, đầu chuỗi {2} ({3})",
        "pin.none":
            "Máy này chưa ghim ({1}).",
        "pin.accepted":
            "Đã ghim: các lệnh trên máy này từ nay chấp nhận nhật ký này và những gì nối tiếp nó, không chấp nhận bản cũ hơn.",
        "pin.not-extended":
            "Nhật ký không nối tiếp điểm ghim nên các lệnh trên máy này từ chối nó. Hãy khôi phục bản mới nhất; hoặc, nếu muốn giữ nhật ký này: avault pin --round {1} --accept {2}",
        "receipt.abstract":
            "Kiểm tra biên nhận của các tệp đã được nhận (dành cho thành viên).",
        "receipt.check-abstract":
            "Kiểm tra một biên nhận: chữ ký của thư ký, vòng thẩm định, và nếu có thư mục vòng thì nhật ký còn giữ biên nhận đó.",
        "receipt.help-file":
            "Tệp biên nhận (.avc).",
        "receipt.good":
            "{1}: biên nhận hợp lệ của thư ký vòng: {2}, mục nhật ký {3} (đầu chuỗi {4}), nhận lúc {5}.",
        "receipt.in-journal":
            "Nhật ký trong {1} còn giữ mục này.",
        "receipt.journal-not-checked":
            "Không có nhật ký trong {1}: mới kiểm tra chữ ký và vòng; hãy chỉ thư mục vòng để kiểm tra cả nhật ký.",
        "checkpoint.abstract":
            "Người giữ khoá công bố ký đầu chuỗi hiện tại của nhật ký (checkpoints/), để không ai chép đè bản cũ mà không bị phát hiện.",
        "checkpoint.written":
            "Đã ghi {1}: {2} đã chốt nhật ký ở {3} mục, đầu chuỗi {4}.",
        "verify.help-receipts":
            "Thư mục chứa biên nhận (.avc) cần đối chiếu với nhật ký, ví dụ USB của thành viên.",
        "verify.summary-unanchored":
            "CHƯA NEO: {1} bước kiểm tra đạt, {2} bước chưa đến lượt, nhưng không có gì gắn thư mục này với vòng thẩm định bạn cần kiểm tra; một thư mục giả mạo nhất quán với chính nó cũng đạt. Hãy dùng --fingerprint (thư ký đọc cho bạn), hoặc kiểm tra trên máy đã ghim vòng này.",
        "receive.help-receipts-out":
            "Ghi thêm từng biên nhận vào thư mục này (ví dụ USB của thành viên).",
        "receive.receipt":
            "biên nhận: {1}",
        "exit.unanchored":
            "mọi bước kiểm tra đạt nhưng vòng chưa được neo (verify)",
        "release.holder-count": "Có {1} người giữ khoá mở; số người phải từ 1 đến 255.",
        "release.threshold-range": "Ngưỡng mở khoá {1} nằm ngoài phạm vi: phải từ 1 đến số người giữ khoá ({2}).",
        "release.holder-role":
            "{1} có vai trò {2}, không phải người giữ khoá mở (holder); chỉ người giữ khoá mở tham gia lễ tạo khoá.",
        "release.duplicate-holder-id": "Mã người giữ khoá mở {1} xuất hiện hai lần.",
        "release.duplicate-signing-key": "{1} và {2} dùng chung một khoá ký; mỗi người giữ khoá mở phải có khoá riêng.",
        "release.duplicate-encryption-key":
            "{1} và {2} dùng chung một khoá mã hoá; mỗi người giữ khoá mở phải có khoá riêng.",
        "release.not-a-holder": "{1} không phải người giữ khoá mở của vòng thẩm định này.",
        "hint.release-more-holders": "Đề nghị thêm {1} người giữ khoá mở phê duyệt.",
        "hint.release-check-round": "Đối chiếu dấu vân tay của định nghĩa vòng với thư ký trước khi dùng.",
        "release.not-merged": "{1}: vòng chưa được tổng hợp (chưa có bản kê manifest.avm).",
        "release.results-mismatch": "{1}: không phải tệp kết quả mà bản kê {2} ghi nhận.",
        "release.abstract": "Phê duyệt công bố và ghép mã mở khoá kết quả.",
        "approve.abstract":
            "Người giữ khoá phê duyệt công bố kết quả, dẫn chiếu quyết định của UBND tỉnh (tệp phê duyệt giải mã một phần kết quả này: chỉ trao cho người tổng hợp).",
        "approve.help-decision": "Số, ngày quyết định công bố, ví dụ \"Quyết định số 123/QĐ-UBND ngày 20/12/2026\".",
        "approve.help-out": "Tệp phê duyệt (mặc định: MÃ.ava). - là đầu ra chuẩn.",
        "approve.wrote": "Đã ghi phê duyệt {1} của {2} (quyền 600).",
        "approve.not-holder": "{1} không phải người giữ khoá của vòng này.",
        "combine.abstract": "Ghép ít nhất t phê duyệt của những người giữ khoá khác nhau thành mã mở khoá.",
        "combine.help-approvals": "Các tệp phê duyệt (.ava).",
        "combine.help-out": "Tệp mã mở khoá (mặc định: VÒNG/release-token.avt). - là đầu ra chuẩn.",
        "combine.wrote": "Đã ghi mã mở khoá {1} (quyền 600; ai có tệp này mở được kết quả).",
        "combine.holders": "Phê duyệt được tính: {1} (cần {2}).",
        "open.abstract": "Kiểm tra mã mở khoá và kết quả đã khoá, rồi giải mã kết quả.",
        "open.help-token": "Tệp mã mở khoá (mặc định: VÒNG/release-token.avt).",
        "open.help-out": "Ghi kết quả đã giải mã (JSON) vào tệp này. - là đầu ra chuẩn.",
        "progress.line": "{1}: {2} % · {3} / {4} · {5}/s · còn {6}",
        "help.quiet": "Không hiện dòng tiến độ (dòng này chỉ hiện trên đầu ra lỗi chuẩn khi đó là màn hình).",
        "help.json": "In một đối tượng JSON thay cho văn bản (cấu trúc: docs/cli.md).",
        "receive.missing-evidence":
            "{1} liệt kê tệp minh chứng {2} ({3}) nhưng tệp này không được đưa vào và chưa có trong vòng; hãy tiếp nhận cả tệp đó (avault receive {4} …): lệnh hợp nhất sẽ từ chối vòng cho đến khi có đủ.",
        "output.standard-output": "đầu ra chuẩn",
        "output.terminal-binary": "-o - sẽ ghi một tệp nhị phân ra màn hình; từ chối.",
        "output.terminal-hint":
            "chuyển đầu ra chuẩn vào một tệp hoặc một đường ống (… -o - > TỆP), hoặc ghi tên tệp sau -o.",
        "output.terminal-decrypted":
            "-o - sẽ hiện kết quả đã giải mã ra màn hình; từ chối (ai nhìn màn hình cũng thấy, và chúng còn lại trong lịch sử cuộn của cửa sổ).",
        "output.terminal-decrypted-hint":
            "chuyển đầu ra chuẩn vào một tệp hoặc một đường ống (… -o - > TỆP), hoặc thêm --to-terminal nếu vẫn muốn xem trên màn hình.",
        "output.folder-not-stdout":
            "-o - là đầu ra chuẩn, chỉ dành cho một tệp; lệnh này ghi ra một thư mục: hãy ghi tên thư mục.",
        "output.help-to-terminal": "Với -o -, vẫn hiện dữ liệu đã giải mã khi đầu ra chuẩn là màn hình.",
        "open.wrote": "Đã mở khoá kết quả của {1} đơn vị; đã ghi {2}.",
        "report.abstract": "Lập báo cáo kết quả (văn bản chính thức HTML hoặc PDF, CSV hoặc JSON) sau khi mở khoá.",
        "report.help-format":
            "Định dạng: html (văn bản chính thức để in), pdf (cần Chromium), xlsx (các phụ lục dạng bảng tính), csv hoặc json.",
        "report.pdf-no-chromium": "Không tìm thấy Chromium trong PATH (đã tìm {1}); cần Chromium để in ra PDF.",
        "report.pdf-failed": "{1} không in được báo cáo ra PDF ({2}).",
        "hint.install-chromium":
            "Cài gói Debian {1} bằng trình quản lý gói của hệ thống, hoặc xuất --format html rồi in từ trình duyệt.",
        "report.help-out": "Tệp báo cáo. - là đầu ra chuẩn.",
        "report.wrote": "Đã ghi báo cáo {1}.",
        "demo.abstract": "Chạy trọn một vòng thẩm định demo trên dữ liệu mẫu, bằng các khoá demo.",
        "demo.help-dir": "Thư mục ghi vòng demo (mặc định: demo-round; phải chưa có hoặc rỗng).",
        "demo.help-samples":
            "Thư mục dữ liệu mẫu (mặc định: bản có sẵn trong avault, nên bản demo chạy được từ mọi thư mục).",
        "demo.help-keys": "Thư mục khoá demo (mặc định: bản có sẵn trong avault).",
        "demo.step": "== {1}. {2}",
        "demo.notices":
            "Đã ghi {1} thông báo, mỗi thông báo chỉ đơn vị nhận mở được; {2} đơn vị chưa có khoá không nhận.",
        "demo.explained":
            "{1}: {2} ô có chênh lệch trong thông báo, {3} ô giải trình không đồng ý, {4} tài liệu kèm theo.",
        "demo.forwarded":
            "Đã chuyển {1} tệp cho {2} thành viên, {3} ô được giải trình (mỗi thành viên chỉ thấy ô của mình).",
        "demo.second": "{1}: thẩm định lại {2} ô được giải trình, sửa {3} ô.",
        "demo.history": "Lịch sử vòng giải trình (phụ lục của báo cáo): {1} ô, {2} ô được điều chỉnh sau giải trình.",
        "demo.filled": "{1}: {2} ô, {3} ô điều chỉnh có lý do.",
        "demo.approved": "{1} phê duyệt theo \"{2}\".",
        "demo.ranking": "Xếp hạng {1} (bộ tiêu chí {2}, {3} đơn vị):",
        "demo.rank": "  {1}. {2}: {3}/{4} điểm, chỉ số {5} %, {6}",
        "demo.rank-extras": "  {1}. {2}: {3}/{4} điểm (thẩm định {7} + thưởng {8} − trừ {9}), chỉ số {5} %, {6}",
        "demo.done": "Xong. Báo cáo HTML: {1}",
        "demo.verified":
            "{1}/{2} kiểm tra đạt (chữ ký, ràng buộc, nhật ký, bản kê, phê duyệt, mã mở khoá, tính nhất quán).",
        "demo.verify-failed": "Kiểm tra vòng demo thất bại: {1}",
        "demo.not-demo-key": "{1}: không phải khoá demo; lệnh demo chỉ dùng các khoá demo công khai.",
        "round.bad-title":
            "Tên vòng thẩm định (--title) trống, quá dài hoặc có ký tự điều khiển (kể cả điều khiển hướng chữ).",
        "round.bad-year": "Năm đánh giá {1} không hợp lệ; dùng năm từ 2000 đến 2100.",
        "round.bad-reference": "Căn cứ \"{1}\" trống, quá dài hoặc có ký tự điều khiển (kể cả điều khiển hướng chữ).",
        "round.bad-document":
            "{1} \"{2}\" trống, dài quá 200 byte hoặc có ký tự điều khiển (kể cả điều khiển hướng chữ); hãy ghi một dòng chữ.",
        "round.too-many-recipients":
            "Có {1} nơi nhận (--recipient); một vòng ghi tối đa {2} nơi nhận.",
        "round.bad-deadline":
            "--deadline \"{1}\" không phải ngày dạng YYYY-MM-DD (ví dụ 2026-12-15) trong khoảng 2000–2100.",
        "round.inputs-incomplete": "Không đọc được đủ dữ liệu đầu vào.",
        "round.demo-refused":
            "{1} là danh tính demo (cụm mật khẩu đã được công khai); vòng thẩm định thật không chấp nhận danh tính demo.",
        "hint.demo-round": "Tạo danh tính thật bằng avault keygen; chỉ dùng --demo cho vòng trình diễn.",
        "round.secretary-role": "{1} có vai trò {2}; chỉ thư ký (secretary) được tạo vòng thẩm định.",
        "round.bad-signature":
            "{1}: chữ ký của thư ký không khớp: định nghĩa vòng đã bị sửa sau khi ký. Không dùng tệp này.",
        "round.no-folder": "{1}: không phải thư mục vòng thẩm định.",
        "round.locked": "{1}: một lệnh avault khác (tiến trình {2}, {3}) đang dùng thư mục vòng này; chưa làm gì cả.",
        "hint.round-locked":
            "Chạy lại lệnh khi lệnh kia đã xong (avault đã chờ {1} giây; đặt AVAULT_LOCK_WAIT=SỐ_GIÂY để chờ lâu hơn). Khoá tự mở khi tiến trình kết thúc, không cần xoá tệp nào.",
        "round.lock-replaced":
            "{1}: tệp này bị thay hoặc bị xoá ngay sau mỗi lần avault giữ nó ({2} lần thử); chưa làm gì cả. Có chương trình khác đang thay đổi thư mục vòng: hãy dừng chương trình đó rồi chạy lại lệnh.",
        "round.lock-waiting": "Đang chờ tiến trình {2} ({3}) đang dùng thư mục vòng {1}…",
        "round.lock-bad-wait": "AVAULT_LOCK_WAIT={1}: không phải số giây từ 0 đến 3600.",
        "round.inputs-rejected": "Có {1} lỗi trong dữ liệu đầu vào; chưa ghi gì cả. Sửa các lỗi trên rồi chạy lại.",
        "round.out-not-empty": "{1}: thư mục đã tồn tại và không rỗng; vòng mới cần thư mục mới.",
        "round.demo-label": "VÒNG DEMO — không dùng cho thẩm định thật",
        "round.abstract": "Tạo và xem vòng thẩm định.",
        "round.init-abstract": "Thư ký tạo vòng thẩm định đã ký từ bộ tiêu chí, đơn vị, điểm tự chấm và phân công.",
        "round.init-discussion":
            "Kiểm tra mọi tệp đầu vào trước (báo tất cả lỗi tìm thấy, kèm tệp:dòng:cột), chỉ sau đó mới hỏi cụm mật khẩu, đưa vào kết quả lễ tạo khoá của người giữ khoá (không tạo khoá nào ở đây), ký và ghi ROUND/round.avr vào một thư mục mới. In dấu vân tay của vòng để thành viên đối chiếu qua điện thoại.",
        "round.show-abstract": "Kiểm tra chữ ký và in tóm tắt một vòng thẩm định.",
        "help.set-groups":
            "Các nhóm đơn vị chấm theo một bộ tiêu chí: MÃ_BỘ=NHÓM[,NHÓM…]; lặp lại cho từng bộ. Chỉ cần khi có nhiều bộ tiêu chí.",
        "help.framework":
            "Bộ tiêu chí: MÃ_BỘ=TỆP (hoặc chỉ TỆP khi vòng có một bộ); JSON, hoặc CSV với các cột code,title,max,method[,step]. Lặp lại cho từng bộ tiêu chí.",
        "help.units": "Danh sách đơn vị: CSV với các cột id,name,group.",
        "help.groups": "Tên nhóm đơn vị (tuỳ chọn): CSV id,name; có sẵn so-nganh và huyen.",
        "help.self-assessment": "Điểm tự chấm: CSV với các cột unit,code,score[,note].",
        "help.members":
            "Thành viên và phân công: CSV id,public_key_file,codes[,units]; đường dẫn khoá tính từ thư mục của tệp CSV.",
        "help.unit-keys":
            "Tệp CSV tuỳ chọn unit,public_key_file: khoá công khai của từng đơn vị (keygen --role unit); các đơn vị này nhận thông báo riêng sau khi tổng hợp sơ bộ.",
        "help.labels":
            "Ngưỡng xếp loại (tuỳ chọn): CSV group,label,min_percent; mặc định Tốt 90, Khá 80, Trung bình 65, Yếu.",
        "help.title": "Tên vòng thẩm định.",
        "help.year": "Năm đánh giá.",
        "help.reference": "Căn cứ, ví dụ \"Quyết định số 04/QĐ-UBND\" (lặp lại được).",
        "help.issuer": "Cơ quan chủ quản ở đầu báo cáo (mặc định \"UBND TỈNH ĐIỆN BIÊN\").",
        "help.council": "Cơ quan ban hành, cũng ghi ở phần ký (mặc định \"HỘI ĐỒNG THẨM ĐỊNH\").",
        "help.place": "Địa danh ở dòng địa danh, ngày tháng của báo cáo (mặc định \"Điện Biên\").",
        "help.signer": "Họ tên người ký báo cáo (mặc định: để trống cho ký tay).",
        "help.signer-title": "Chức vụ người ký (mặc định \"CHỦ TỊCH\").",
        "help.document-number": "Số của báo cáo, ví dụ \"12/BC-HĐTĐ\" (mặc định: để trống cho văn thư).",
        "help.recipient":
            "Một nơi nhận trong mục \"Nơi nhận\" của báo cáo (lặp lại được; mặc định: UBND tỉnh, Sở Nội vụ, các thành viên Hội đồng, các đơn vị được thẩm định, Lưu: VT, HĐTĐ).",
        "help.deadline": "Hạn nộp phiếu, dạng YYYY-MM-DD, ghi trên phiếu thẩm định (mặc định: không có).",
        "help.secretary-key": "Tệp khoá bí mật (.key) của thư ký.",
        "help.demo": "Tạo vòng demo: cho phép danh tính demo; vòng được đánh dấu là demo.",
        "help.round-out": "Thư mục mới cho vòng thẩm định (chưa tồn tại hoặc rỗng).",
        "help.round-dir": "Thư mục vòng thẩm định (chứa round.avr).",
        "round.init-validated": "Đã kiểm tra dữ liệu đầu vào: không có lỗi.",
        "round.init-wrote": "Đã ghi {1}.",
        "round.init-counts":
            "{1} lĩnh vực, {2} tiêu chí, {3} tiêu chí thành phần; {4} đơn vị; {5} ô cần thẩm định; {6} thành viên; {7} người giữ khoá, ngưỡng {8}.",
        "round.fingerprint": "Dấu vân tay của vòng: {1}  (đọc cho thành viên và kiểm tra viên qua điện thoại)",
        "round.init-journal": "Đã mở nhật ký vòng ({1}).",
        "label.title": "Tên vòng",
        "label.year": "Năm",
        "label.references": "Căn cứ",
        "label.issuer": "Cơ quan ban hành",
        "label.document-number": "Số văn bản",
        "label.place": "Địa danh",
        "label.signer": "Người ký",
        "label.recipients": "Nơi nhận",
        "label.deadline": "Hạn nộp",
        "show.signer-by-hand": "{1}, họ tên ký tay",
        "show.no-number": "(văn thư điền)",
        "label.round-id": "Mã vòng",
        "label.secretary": "Thư ký",
        "label.framework": "Bộ tiêu chí",
        "label.recusals": "Tự rút",
        "label.unit-keys": "Khoá đơn vị",
        "label.units": "Đơn vị",
        "label.cells": "Ô thẩm định",
        "label.members": "Thành viên",
        "label.holders": "Giữ khoá mở",
        "label.labels": "Xếp loại",
        "show.counts":
            "{1} lĩnh vực, {2} tiêu chí, {3} tiêu chí thành phần ({4} tự chấm, {5} hội đồng, {6} điều tra XHH); tổng {7} điểm",
        "show.group": "{1} ({2}): {3} đơn vị",
        "show.member": "{1}  {2}  mã: {3}{4}  — {5} ô  [{6}]",
        "show.holder": "x={1}  {2}  {3}  [{4}]",
        "show.threshold": "cần {1} trong {2} người giữ khoá để mở kết quả",
        "show.unit-keys": "{1} trong {2} đơn vị có khoá và sẽ nhận thông báo riêng",
        "show.units-without-key": "chưa có khoá, không nhận thông báo: {1}",
        "show.labels": "{1}: {2}",
        "show.signature-ok": "Chữ ký của thư ký {1} hợp lệ.",
        "show.none": "(không có)",
        "worksheet.abstract": "Xuất phiếu thẩm định (XLSX hoặc CSV) gồm đúng các ô được phân cho một thành viên.",
        "help.worksheet-round": "Thư mục vòng thẩm định.",
        "help.worksheet-member": "Mã thành viên, ví dụ tv-01.",
        "help.worksheet-out": "Tệp .xlsx hoặc .csv sẽ ghi (không ghi đè). - là đầu ra chuẩn.",
        "worksheet.unknown-member": "{1} không phải thành viên của vòng này; các thành viên: {2}.",
        "help.worksheet-format": "Định dạng: xlsx (mặc định; csv khi tên tệp kết thúc bằng .csv) hoặc csv.",
        "help.worksheet-dialect":
            "Kiểu CSV: standard (dấu , và số thập phân 0.5) hoặc vi (dấu ; và 0,5; mặc định khi LANG là tiếng Việt).",
        "seal.more-problems": "… còn {1} lỗi nữa không hiển thị (đã hiện {2} lỗi đầu).",
        "keygen.short-passphrase":
            "cụm mật khẩu ngắn hơn {1} ký tự: ai chép được tệp khoá có thể dò ra nhanh hơn; nên dùng một câu gồm vài từ.",
        "keygen.common-passphrase":
            "cụm mật khẩu này rất phổ biến (có trong danh sách hay bị dò đầu tiên); nên dùng một câu gồm vài từ, dài từ {1} ký tự.",
        "worksheet.wrote": "Đã ghi {1}: {2} ô cho {3}.",
        "worksheet.header-note":
            "Điền diem_tham_dinh (0 đến diem_toi_da, đúng bước điểm) và ly_do khi khác điểm tự chấm; giữ nguyên các cột khác.",
        "receive.recovered": "đã hoàn tất lần nhận bị gián đoạn: {1}, lần nộp {2}",
        "round.shared-key": "{1} và {2} dùng chung một khoá; mỗi vai trò phải có danh tính và khoá riêng.",
        "merge.already-journaled":
            "{1}: nhật ký đã ghi một lần tổng hợp; không tổng hợp lại (phê duyệt đã cấp có thể mở khoá của vòng).",
        "help.round-fingerprint":
            "Dấu vân tay của vòng mà thư ký đã đọc cho bạn; lệnh dừng lại nếu tệp vòng không khớp.",
        "round.fingerprint-unreadable": "\"{1}\" không phải dấu vân tay (6 nhóm 4 ký tự).",
        "round.fingerprint-mismatch": "{1}: dấu vân tay của vòng là {2}, không phải {3} như đã được đọc cho bạn.",
        "hint.fingerprint-mismatch":
            "Đừng niêm phong hay dùng tệp vòng này: có thể là tệp giả. Gọi điện cho thư ký để xin lại tệp round.avr.",
        "seal.confirm-fingerprint":
            "Vòng \"{1}\", dấu vân tay {2}: hãy đối chiếu với thư ký qua điện thoại (hoặc dùng --fingerprint).",
        "seal.fingerprint-checked": "Vòng \"{1}\": dấu vân tay {2} khớp.",
        "seal.bad-revision": "Số lần nộp {1} phải từ 1 đến 1000000.",
        "seal.not-member": "{1} không phải thành viên thẩm định của vòng này.",
        "hint.check-round": "Kiểm tra đã dùng đúng tệp vòng (--round) và đúng tệp khoá (--key).",
        "seal.public-key-file":
            "{1} là tệp khoá công khai (.pub), không phải phiếu thẩm định; hãy niêm phong tệp phiếu do lệnh avault worksheet xuất ra.",
        "seal.avault-file":
            "{1} là một tệp avault loại {2}, không phải phiếu thẩm định; hãy niêm phong tệp phiếu (.xlsx hoặc .csv) đã điền.",
        "seal.other-member":
            "{1} là phiếu thẩm định của {2}, không phải của {3}; hãy dùng phiếu của chính mình (avault worksheet --member {3}) hoặc khoá của {2}.",
        "seal.problems": "{1}: có {2} lỗi; chưa niêm phong. Sửa phiếu rồi chạy lại.",
        "seal.checked": "Phiếu hợp lệ: {1} ô đã thẩm định.",
        "seal.wrote": "Đã niêm phong {1} (lần nộp {2}) gửi thư ký {3}.",
        "seal.removed": "Đã xoá phiếu bản rõ {1}.",
        "seal.abstract": "Kiểm tra phiếu thẩm định đã điền, ký và mã hoá để chỉ thư ký mở được.",
        "seal.help-worksheet": "Phiếu thẩm định đã điền (.xlsx hoặc CSV).",
        "seal.help-round": "Thư mục vòng hoặc tệp round.avr.",
        "seal.help-out": "Tệp kết quả (mặc định: MÃ.rSỐ.avs trong thư mục hiện tại). - là đầu ra chuẩn.",
        "seal.help-revision": "Số lần nộp (mặc định: lớn hơn lần lớn nhất đã có cạnh tệp kết quả).",
        "seal.help-remove": "Xoá phiếu bản rõ sau khi niêm phong thành công.",
        "survey.not-survey": "{1}:{2}:{3}: mã {4} không phải tiêu chí điều tra xã hội học.",
        "survey.out-of-range": "{1}:{2}:{3}: điểm {4} phải trong [0, {5}] và theo bước {6}.",
        "survey.duplicate": "{1}:{2}:{3}: {4} / {5} xuất hiện hai lần.",
        "survey.missing": "{1}: thiếu điểm điều tra cho {2} / {3}.",
        "merge.not-secretary": "Khoá {1} không phải khoá của thư ký vòng này ({2}).",
        "merge.already-merged": "{1}: vòng này đã được tổng hợp; không tổng hợp lại.",
        "merge.content-mismatch": "{1}: nội dung bên trong không khớp với phần đầu tệp (người gửi, lần nộp hoặc vòng).",
        "merge.submission-changed":
            "{1}: bản nộp đã thay đổi trong khi tổng hợp đang ghi kết quả (không còn là tệp đã được kiểm tra); chưa ghi gì. Có chương trình khác đang thay đổi thư mục vòng: hãy dừng nó, rồi chạy lại lệnh tổng hợp.",
        "merge.invalid-content": "{1}: {2} lỗi trong nội dung phiếu thẩm định, ví dụ: {3}",
        "merge.incomplete": "Chưa đủ: {1} ô chưa thẩm định, {2} ô xung đột: {3}",
        "hint.allow-incomplete":
            "Chờ các thành viên còn thiếu nộp bài, hoặc dùng --allow-incomplete (sẽ ghi vào bản kê).",
        "merge.abstract": "Mở, kiểm tra và tổng hợp các phiếu thẩm định; ghi kết quả đã khoá và bản kê có chữ ký.",
        "merge.survey-missing":
            "{1}: khung có tiêu chí điều tra xã hội học nhưng chưa nhập điểm điều tra vào vòng; không tổng hợp ({2} đơn vị sẽ bị xếp hạng trên thang điểm rút gọn).",
        "hint.import-survey":
            "Nhập điểm điều tra trước (avault survey import TỆP --round VÒNG --key THƯ-KÝ.key), hoặc thêm --without-survey để xếp hạng trên thang điểm không có tiêu chí điều tra.",
        "merge.help-skip-explanation":
            "Tổng hợp vòng có khoá của đơn vị mà không qua vòng giải trình (không tổng hợp sơ bộ); nhật ký sẽ ghi lại.",
        "merge.help-allow-unexplained":
            "Cho phép thẩm định lại thay đổi một ô không có giải trình (ĐƠN-VỊ/MÃ; lặp lại được); bản kê và nhật ký sẽ ghi lại.",
        "merge.bad-cell": "{1}: không phải dạng ĐƠN-VỊ/MÃ (mã đơn vị, dấu gạch chéo, mã tiêu chí thành phần).",
        "merge.history-count":
            "Vòng giải trình: {1} ô được giải trình ({2} giữ nguyên, {3} sửa khi thẩm định lại), {4} ngoại lệ được cho phép; kết quả lưu lại toàn bộ quá trình.",
        "merge.no-preliminary":
            "{1}: vòng có khoá của đơn vị nhưng chưa tổng hợp sơ bộ: các đơn vị chưa nhận thông báo kết quả. Không tổng hợp.",
        "hint.skip-explanation":
            "Chạy avault merge --preliminary trước (vòng giải trình), hoặc dùng --skip-explanation để tổng hợp không qua giải trình (nhật ký sẽ ghi lại).",
        "merge.preliminary-changed":
            "{1}: các phiếu vòng 1 hiện hành không phải các phiếu mà bước tổng hợp sơ bộ đã liệt kê (thông báo dựa trên các phiếu đó). Không tổng hợp.",
        "merge.not-forwarded":
            "{1}: giải trình của đơn vị {2} có ô chưa được chuyển cho thành viên phụ trách. Không tổng hợp.",
        "hint.forward": "Chuyển giải trình trước: avault explanations forward --round VÒNG --key THƯ-KÝ.key.",
        "merge.second-mismatch":
            "{1}: dòng thẩm định lại của {2} không khớp với vòng (không phải thành viên phụ trách ô, không phải tệp đã chuyển cho ô đó, hoặc quyết định không khớp với điểm). Không tổng hợp.",
        "merge.unexplained-change":
            "{1}: bản thẩm định lại thay đổi {2}, ô mà không đơn vị nào giải trình. Không tổng hợp.",
        "hint.allow-unexplained":
            "Nếu hội đồng đã quyết định thay đổi này, dùng --allow-unexplained-change {1} (nhật ký sẽ ghi lại).",
        "merge.explanation-mismatch":
            "{1}: giải trình của đơn vị {2} không trả lời đúng các ô có chênh lệch trong thông báo. Không tổng hợp (đơn vị có thể gửi bản sửa).",
        "merge.exception-unused":
            "--allow-unexplained-change {1}: không có bản thẩm định lại nào thay đổi ô đó mà không có giải trình. Không tổng hợp (kiểm tra lại mã đơn vị và mã tiêu chí).",
        "merge.second-missing":
            "{1} ô đã giải trình chưa có quyết định thẩm định lại: {2}",
        "merge.survey-not-used":
            "{1}: vòng đã có điểm điều tra được nhập; --without-survey sẽ bỏ qua điểm đó. Không tổng hợp.",
        "merge.survey-content":
            "{1}: không thể tổng hợp điểm điều tra đã nhập ({2}); hãy nhập lại (avault survey import).",
        "survey.after-merge": "{1}: vòng đã được tổng hợp ({2}); không thể nhập hoặc thay điểm điều tra nữa.",
        "merge.reduced-maximum":
            "Đã tổng hợp KHÔNG CÓ điểm điều tra: mỗi chỉ số tính trên thang rút gọn {1} điểm, không phải {2} (bỏ các tiêu chí điều tra).",
        "survey.imported": "Đã nhập điểm điều tra: {1} điểm (lần nhập {2}), đã ký và niêm phong cho thư ký.",
        "merge.help-without-survey":
            "Cố ý tổng hợp không có điểm điều tra: các tiêu chí điều tra bị bỏ khỏi thang điểm (chỉ số tính trên thang rút gọn).",
        "survey.abstract": "Điểm điều tra xã hội học của vòng thẩm định.",
        "survey.import-abstract":
            "Kiểm tra tệp CSV điều tra (unit,code,score) theo vòng và niêm phong vào thư mục vòng.",
        "survey.help-file": "Điểm điều tra, CSV unit,code,score (dấu ',' hoặc ';', thập phân dấu chấm hoặc phẩy).",
        "survey.wrote": "Đã ghi: {1}",
        "merge.help-allow-incomplete": "Khoá kết quả dù còn ô thiếu hoặc xung đột (ghi vào bản kê).",
        "merge.done": "Đã tổng hợp {1} phiếu thẩm định. Kết quả đã khoá: {2}. Bản kê: {3}.",
        "merge.coverage": "Độ phủ: {1}/{2} ô đã thẩm định; {3} ô thiếu; {4} ô xung đột.",
        "merge.gaps-note": "Chưa nộp: {1}",
        "receive.abstract":
            "Kiểm tra chữ ký và ràng buộc của các phiếu thẩm định rồi nhận vào thư mục vòng (không giải mã).",
        "receive.help-files": "Các tệp phiếu thẩm định đã niêm phong (.avs).",
        "receive.accepted": "nhận: {1} — {2}, lần nộp {3}",
        "receive.superseded": "nhận: {1} — {2}, lần nộp {3} thay lần {4}",
        "receive.rejected": "từ chối: {1}",
        "receive.summary": "{1} tệp được nhận, {2} tệp bị từ chối.",
        "status.abstract": "Liệt kê thành viên nào đã nộp, lần nộp và thời gian nhận (không bao giờ hiện điểm).",
        "status.header": "Vòng: {1} ({2})",
        "status.submitted": "đã nộp  {1}  lần {2}  nhận lúc {3}",
        "status.missing": "chưa nộp {1}",
        "status.summary": "{1}/{2} thành viên đã nộp.",
        "status.phase-appraisal": "Giai đoạn: thẩm định (đang nhận bài nộp vòng 1).",
        "status.phase-explanation":
            "Giai đoạn: giải trình (đã tổng hợp sơ bộ, đã gửi thông báo; ngừng nhận bài nộp vòng 1).",
        "status.phase-second-appraisal":
            "Giai đoạn: thẩm định lại (đã chuyển giải trình cho thành viên; đang nhận bài thẩm định vòng 2).",
        "status.phase-merged": "Giai đoạn: đã tổng hợp (kết quả cuối đã khoá đến khi công bố).",
        "status.phase-released": "Giai đoạn: đã công bố (thư mục vòng có thẻ mở khoá).",
        "status.notified": "đã gửi thông báo cho {1} trong {2} đơn vị: {3}",
        "status.answer-by": "hạn giải trình: {1}",
        "status.answered": "đã nhận giải trình của {1} trong {2} đơn vị được thông báo: {3}",
        "status.late": "nhận sau hạn (hội đồng quyết định): {1}",
        "status.forwarded": "đã chuyển giải trình: {1} tệp cho {2} thành viên: {3}",
        "status.second": "đã nhận bản thẩm định lại của {1} trong {2} thành viên đó: {3}",
        "help.key": "Tệp khoá bí mật.",
        "verify.more-problems": "Còn {1} lỗi khác của bước kiểm tra {2} không liệt kê ở đây.",
        "verify.round-ok":
            "\"{1}\": chữ ký của thư ký {2} hợp lệ; {3} thành viên, mở kết quả cần {4} trong {5} người giữ khoá.",
        "verify.fingerprint-ok": "Dấu vân tay của vòng khớp: {1}.",
        "verify.fingerprint-mismatch":
            "Dấu vân tay của vòng là {1}, không phải {2} như được cung cấp: đây không phải vòng thẩm định bạn được báo.",
        "verify.fingerprint-not-given":
            "Chưa so dấu vân tay (không có --fingerprint). Dấu vân tay của vòng là {1}; hãy đọc đối chiếu với thư ký.",
        "verify.journal-signed": "Nhật ký được thư ký {1} ký hợp lệ.",
        "verify.journal-chain": "Chuỗi băm liền mạch qua {1} mục; đầu chuỗi {2}….",
        "verify.journal-no-init": "{1}: mục đầu tiên không phải round-init của đúng tệp vòng này.",
        "verify.journal-round": "{1} thuộc về vòng này và bắt đầu bằng round-init.",
        "verify.no-submissions": "Chưa có phiếu thẩm định nào.",
        "verify.name-ok": "Tên tệp đúng quy tắc: {1}, lần nộp {2}.",
        "verify.submission-signed": "Chữ ký ngoài hợp lệ (người ký {1}).",
        "verify.name-mismatch":
            "{1}: tên tệp ghi {2} lần nộp {3}, nhưng tệp được {4} ký là lần nộp {5}; tệp đã bị đổi tên hoặc tráo.",
        "verify.submission-bound": "Của {1}, lần nộp {2}, gửi cho thư ký {3} của đúng vòng này.",
        "verify.journal-entry-malformed":
            "Mục nhật ký {1} ({2}) thiếu thông tin hoặc không khớp với các lần nộp trước.",
        "verify.journaled-file-missing":
            "{1}: nhật ký (mục {2}) ghi nhận tệp này nhưng không tìm thấy; tệp đã bị xoá hoặc chuyển.",
        "verify.journaled-file-changed": "{1}: nội dung khác với mã băm ghi trong nhật ký (mục {2}); tệp đã bị thay.",
        "verify.file-not-journaled":
            "{1}: không có mục nhật ký nào ghi nhận tệp này; tệp được thêm ngoài lệnh receive.",
        "verify.journal-files-ok":
            "Mọi tệp đã nhận nằm đúng chỗ nhật ký ghi: {1} bài hiệu lực, {2} bài bị thay thế; {3} tệp bị từ chối.",
        "verify.no-manifest": "Chưa có bản kê (manifest.avm): vòng chưa được tổng hợp.",
        "verify.manifest-signed": "Bản kê được thư ký {1} ký hợp lệ.",
        "verify.manifest-round": "Bản kê thuộc về vòng này.",
        "verify.manifest-wrong-round": "{1}: bản kê thuộc về một vòng thẩm định khác.",
        "verify.listed-missing":
            "{1}: có trong bản kê ({2}, lần nộp {3}) nhưng không có trong submissions/; đã bị xoá sau khi tổng hợp.",
        "verify.listed-changed": "{1}: nội dung khác với mã băm ghi trong bản kê; tệp đã bị thay sau khi tổng hợp.",
        "verify.unlisted": "{1}: nằm trong submissions/ nhưng không có trong bản kê; được thêm sau khi tổng hợp.",
        "verify.manifest-submissions-ok":
            "submissions/ chứa đúng {1} tệp có trong bản kê, mã băm khớp, không thừa tệp nào.",
        "verify.coverage-incomplete":
            "{1}: {2}/{3} ô được thẩm định, {4} ô thiếu, {5} ô xung đột, nhưng bản kê không ghi là cố ý khoá khi chưa đủ.",
        "verify.coverage-inconsistent":
            "{1}: số liệu độ phủ không khớp với vòng ({2} ô cần thẩm định; bản kê ghi {3}/{4}, {5} ô thiếu, {6} ô xung đột) hoặc danh sách người chưa nộp sai.",
        "verify.coverage-incomplete-allowed":
            "Thư ký cố ý khoá kết quả khi chưa đủ (--allow-incomplete): {1}/{2} ô, {3} ô thiếu, {4} ô xung đột; chưa nộp: {5}.",
        "verify.coverage-ok": "Đủ: {1}/{2} ô được thẩm định, không thiếu, không xung đột.",
        "verify.no-journal-to-check": "{1}: không đọc được nhật ký nên không đối chiếu được.",
        "verify.merge-entry-count": "Nhật ký có {1} mục merge; phải có đúng một.",
        "verify.merge-entry-details":
            "Mục nhật ký {1} (merge) không ghi đúng mã băm của {2}, của kết quả khoá hoặc số phiếu thẩm định.",
        "verify.merge-entry-head":
            "Mục nhật ký {1} (merge) không nối tiếp đầu chuỗi mà {2} ghi lại; lịch sử trước khi tổng hợp đã bị viết lại.",
        "verify.history-ok":
            "Lịch sử vòng giải trình khớp: {1} ô ({2} ô sửa khi thẩm định lại), {3} ngoại lệ được cho phép; mọi giải trình và quyết định đúng như đã ký.",
        "verify.history-files-differ":
            "{1}: các giải trình hoặc bản thẩm định lại trong kết quả không phải các tệp mà bản kê liệt kê.",
        "verify.history-not-contested":
            "Đơn vị {1} giải trình ô {2}, không phải ô có chênh lệch trong thông báo của chính đơn vị.",
        "verify.history-entry":
            "Lịch sử của ô {1} không khớp ({2}): không khớp với tệp đã ký, nhật ký hoặc ô trong kết quả công bố.",
        "verify.history-without-explanation-round":
            "{1}: kết quả có lịch sử vòng giải trình, giải trình, bản thẩm định lại hoặc ngoại lệ, nhưng vòng không có khoá của đơn vị (không có vòng giải trình).",
        "verify.cell-out-of-range":
            "{1} / {2}: điểm {3} nằm ngoài khoảng 0 đến {4} hoặc không theo bước của tiêu chí thành phần.",
        "verify.history-wrong-member":
            "{1}: lịch sử ghi {2}, không phải thành viên mà vòng phân công ô này (hoặc giải trình đã chuyển cho thành viên khác).",
        "verify.merged-not-preliminary":
            "Các phiếu vòng 1 được tổng hợp không phải các phiếu mà bước tổng hợp sơ bộ (mục nhật ký {1}) đã liệt kê: thông báo mà đơn vị trả lời mô tả các tệp khác.",
        "verify.merged-not-live-explanation-round":
            "{1}: các giải trình hoặc bản thẩm định lại mà bản kê liệt kê không phải các tệp hiện hành được nhật ký ghi nhận trước khi tổng hợp.",
        "verify.merged-not-received": "Bài nộp {1} lần {2} được tổng hợp nhưng nhật ký không ghi đã nhận trước đó.",
        "verify.manifest-journal-ok": "Mục nhật ký {1} (merge) ghi đúng bản kê và kết quả, nối tiếp đúng đầu chuỗi.",
        "verify.results-missing": "{1}: có bản kê nhưng không có tệp kết quả khoá.",
        "verify.results-hash-ok": "Mã băm khớp với bản kê ({1}…).",
        "verify.results-hash-mismatch": "{1}: mã băm khác với bản kê; kết quả khoá đã bị thay hoặc sửa.",
        "verify.results-without-manifest": "{1}: có kết quả khoá nhưng không có bản kê để đối chiếu.",
        "verify.results-envelope-ok":
            "Thư ký {1} ký, khoá bằng khoá chung của vòng; không đọc được khi chưa có t phần giải mã của người giữ khoá.",
        "verify.no-approvals": "Chưa có phê duyệt mở kết quả nào.",
        "verify.release-before-merge": "{1}: có tệp mở kết quả nhưng thiếu bản kê hoặc kết quả khoá để đối chiếu.",
        "verify.approval-ok": "Phê duyệt của {1} (x = {2}) hợp lệ, theo \"{3}\".",
        "verify.approvals-differ": "{1} và {2} dẫn hai quyết định khác nhau; không thể gộp thành thẻ mở.",
        "verify.approvals-enough": "{1} người giữ khoá khác nhau đã phê duyệt ({2}); cần {3}.",
        "verify.approvals-so-far": "Mới có {1} người giữ khoá khác nhau phê duyệt ({2}); cần {3}.",
        "verify.no-token": "Chưa có thẻ mở kết quả: kết quả vẫn khoá.",
        "verify.token-ok":
            "Thẻ mở hợp lệ: {1} người giữ khoá khác nhau ({2}), cần {3}; mọi phần giải mã đều được chứng minh với khoá kiểm tra của người giữ khoá; theo \"{4}\".",
        "verify.results-header-mismatch":
            "{1}: kết quả đã mở ghi vòng khác hoặc thông tin điều tra XHH khác với bản kê.",
        "verify.results-opened": "Đã mở kết quả bằng thẻ mở: {1} đơn vị; chữ ký bên trong hợp lệ.",
        "verify.results-units": "{1}: danh sách đơn vị hoặc nhóm khác với tệp vòng.",
        "verify.results-cells": "{1}: các tiêu chí trong kết quả khác với bộ tiêu chí của vòng.",
        "verify.results-cell-differs": "{1} / {2}: phương pháp, điểm tối đa hoặc điểm tự chấm khác với tệp vòng.",
        "verify.total-wrong": "{1} / {2}: tổng điểm không bằng tổng các phần.",
        "verify.totals-ok": "Tổng điểm cộng đúng ở mọi cấp cho {1} đơn vị.",
        "verify.percent-wrong": "{1}: chỉ số {2} % sai (tính lại: {3} %, hạng {4}, xếp loại \"{5}\").",
        "verify.percent-ok": "Chỉ số %, thứ hạng và xếp loại tính lại khớp cho {1} đơn vị.",
        "verify.reason-missing":
            "{1} / {2}: điểm thẩm định khác điểm tự chấm, hoặc đơn vị chưa tự đánh giá, nhưng không có lý do.",
        "verify.reasons-ok":
            "Cả {1} ô có điểm thẩm định khác điểm tự chấm, hoặc đơn vị chưa tự đánh giá, đều có lý do.",
        "verify.appraiser-unexpected":
            "{1} / {2}: ô không có điểm thẩm định nhưng ghi người thẩm định \"{3}\" hoặc lý do.",
        "verify.appraiser-wrong": "{1} / {2}: do {3} thẩm định, nhưng ô này được phân công cho {4}.",
        "verify.appraised-count": "Kết quả có {1} ô được thẩm định, bản kê ghi {2}.",
        "verify.appraisers-ok": "Cả {1} ô được thẩm định đều do đúng thành viên được phân công chấm.",
        "verify.abstract":
            "Kiểm tra toàn bộ thư mục vòng thẩm định, hoặc một tệp đã niêm phong, chỉ bằng khoá công khai (dành cho kiểm tra viên).",
        "verify.help-folder":
            "Thư mục vòng thẩm định cần kiểm tra; khi có --round, là tệp bài nộp đã niêm phong (.avs) cần kiểm tra.",
        "verify.help-fingerprint":
            "Dấu vân tay của vòng mà thư ký đã đọc cho bạn (bỏ qua chữ hoa/thường, dấu cách và gạch nối).",
        "verify.help-json": "In báo cáo dạng JSON chuẩn cho máy đọc.",
        "verify.bad-fingerprint": "\"{1}\" không phải dấu vân tay (24 ký tự A–Z, 2–7).",
        "verify.header": "Kiểm tra vòng {1} (dấu vân tay {2})",
        "verify.summary-pass": "ĐẠT: {1} bước kiểm tra đạt, {2} bước chưa đến lượt; neo bằng {3}.",
        "verify.summary-fail": "KHÔNG ĐẠT: {1} trong {2} bước kiểm tra không đạt.",
        "verify.help-round":
            "Chỉ kiểm tra tệp đã cho theo vòng này (thư mục vòng, hoặc tệp round.avr): chữ ký ngoài, người gửi thuộc vòng, tên tệp.",
        "verify.receipts-with-round": "--receipts dùng để kiểm tra một thư mục vòng; không dùng được cùng --round.",
        "verify.file-header": "Kiểm tra {1} theo vòng {2} (dấu vân tay {3})",
        "verify.file-summary-unanchored":
            "CHƯA NEO: {1} bước kiểm tra đạt, {2} bước chưa đến lượt, nhưng không có gì gắn tệp định nghĩa vòng này với vòng thẩm định bạn cần kiểm tra; một vòng giả mạo với khoá riêng của nó cũng đạt. Hãy dùng --fingerprint (thư ký đọc cho bạn), hoặc kiểm tra theo thư mục vòng trên máy đã ghim vòng này.",
        "format.kind-name": "tệp loại {1}",
        "format.empty": "{1}: tệp rỗng.",
        "format.not-avault": "{1}: không phải tệp AppraisalVault.",
        "format.version": "{1}: phiên bản định dạng {2} không được hỗ trợ (bản này đọc phiên bản 1).",
        "format.unknown-kind": "{1}: loại tệp không xác định ({2}).",
        "format.wrong-kind": "{1}: đây là tệp {2}, không phải tệp {3} như lệnh cần.",
        "format.truncated": "{1}: tệp bị cắt cụt (thiếu dữ liệu ở cuối).",
        "format.header": "{1}: phần đầu tệp sai định dạng: {2}.",
        "format.trailing": "{1}: có {2} byte thừa sau phần kết thúc tệp.",
        "crypto.failure": "Lỗi nội bộ của thư viện mật mã: {1}.",
        "hint.which-file": "Kiểm tra lại đường dẫn: có thể bạn đã chọn nhầm tệp.",
        "hint.ask-new-copy": "Tệp đã bị sửa hoặc giả mạo; hãy xin lại bản gốc từ người gửi.",
        "file.not-found": "{1}: không tìm thấy tệp.",
        "file.unreadable": "{1}: không đọc được tệp ({2}).",
        "file.not-regular": "{1}: không phải tệp thông thường.",
        "file.too-large": "{1}: tệp quá lớn ({2} byte; tối đa {3}).",
        "file.exists": "{1}: đã tồn tại; không ghi đè.",
        "file.cannot-write": "{1}: không ghi được ({2}).",
        "hint.move-away": "Chọn tên khác, hoặc chuyển tệp cũ {1} đi chỗ khác nếu chắc chắn không cần.",
        "identity.bad-signature": "{1}: chữ ký tự ký của danh tính không hợp lệ.",
        "identity.got-secret-key": "{1}: đây là tệp khoá bí mật (.key), không phải tệp danh tính công khai (.pub).",
        "identity.bad-id":
            "Mã danh tính \"{1}\" không hợp lệ: dùng 1–64 ký tự a–z, 0–9, '.', '_', '-', bắt đầu bằng chữ hoặc số.",
        "identity.bad-name":
            "Họ tên không hợp lệ: cần 1–200 byte có chữ, không có ký tự điều khiển (kể cả điều khiển hướng chữ).",
        "key.got-public-file": "{1}: đây là tệp danh tính công khai (.pub), không phải tệp khoá bí mật (.key).",
        "key.kdf-limits":
            "{1}: tham số Argon2id nằm ngoài phạm vi cho phép ({2} lượt, {3} MiB); tệp bị từ chối trước khi tính.",
        "key.too-open": "{1}: tệp khoá bí mật có quyền {2}, người khác có thể đọc được; từ chối dùng.",
        "key.wrong-passphrase": "{1}: sai cụm mật khẩu, hoặc tệp khoá đã bị sửa.",
        "key.inconsistent": "{1}: khoá bí mật không khớp với khoá công khai ghi trong tệp.",
        "hint.use-pub": "Dùng tệp .pub tương ứng; không bao giờ gửi tệp .key cho người khác.",
        "hint.use-key": "Dùng tệp .key của chính bạn (tệp tạo cùng lúc với tệp .pub này).",
        "hint.chmod": "Chạy: chmod 600 {1}",
        "hint.passphrase": "Nhập lại cụm mật khẩu; chú ý bộ gõ tiếng Việt và phím Caps Lock.",
        "cli.exit-statuses": "Mã thoát:",
        "exit.verification-failed": "kiểm tra phát hiện lỗi (verify)",
        "exit.usage": "dòng lệnh sai",
        "exit.data-error": "tệp đầu vào sai định dạng, bị sửa, hoặc sai loại",
        "exit.no-input": "không mở được tệp đầu vào",
        "exit.software": "lỗi nội bộ",
        "exit.cannot-create": "không tạo được tệp đầu ra, hoặc tệp đã tồn tại",
        "exit.io-error": "đọc hoặc ghi thất bại",
        "exit.locked": "một lệnh avault khác đang dùng thư mục vòng (thử lại sau)",
        "exit.permission":
            "sai cụm mật khẩu, tệp khoá hoặc tệp cụm mật khẩu để mở quyền, hoặc khoá không được phép ở đây",
        "appraisal.not-assessed-reason":
            "đơn vị chưa tự đánh giá tiêu chí thành phần này: điểm thẩm định {1} cần ghi lý do.",
        "appraisal.blank-reason":
            "điểm thẩm định {1} khác điểm tự chấm {2} nhưng lý do chỉ có dấu cách hoặc ký tự vô hình (như U+00A0 do bảng tính tạo ra); hãy ghi lý do.",
        "cli.warning-prefix": "cảnh báo",
        "passphrase.too-open": "{1}: tệp cụm mật khẩu có quyền {2}, người khác có thể đọc được; từ chối dùng.",
        "evidence.name-character":
            "{1}: tên tệp có {2}, một ký tự điều khiển vô hình có thể làm tên hiển thị khác với tên thật (ví dụ che đuôi tệp thật); hãy đổi tên tệp.",
        "input.control-character":
            "{1}:{2}:{3}: nội dung có ký tự điều khiển {4}; hãy xoá ký tự đó (chỉ lý do và ghi chú được xuống dòng và có tab).",
        "input.bidi-control":
            "{1}:{2}:{3}: nội dung có {4}, một ký tự điều khiển hướng chữ vô hình làm chữ hiển thị khác thứ tự thật; hãy xoá ký tự đó.",
        "release.single-holder": "Ngưỡng 1 cho phép chỉ một người giữ khoá tự mở kết quả; từ chối.",
        "help.single-holder": "Chấp nhận --threshold 1: chỉ một người giữ khoá cũng tự mở được kết quả.",
        "show.single-holder": "ngưỡng 1 — chỉ một người giữ khoá cũng tự mở được kết quả.",
        "verify.single-holder": "ngưỡng 1 trong {1}: chỉ một người giữ khoá cũng tự mở được kết quả.",
        "verify.notices-ok":
            "notices/ có đủ {1} thông báo mà bước tổng hợp sơ bộ đã ghi nhật ký, đều do thư ký ký, thuộc đợt này, niêm phong cho khoá của từng đơn vị; hạn giải trình {2}.",
        "verify.notices-not-yet": "chưa tổng hợp sơ bộ: chưa phát hành thông báo nào.",
        "verify.notices-unjournaled":
            "notices/ có {1} tệp nhưng nhật ký không có mục preliminary; các tệp này không do bước tổng hợp sơ bộ phát hành.",
        "verify.preliminary-twice": "nhật ký có {1} mục preliminary; thông báo chỉ phát hành một lần.",
        "verify.notice-units":
            "mục preliminary không ghi đúng các đơn vị có khoá ({1}) là đã thông báo và các đơn vị còn lại là chưa có khoá.",
        "verify.notice-stray-file":
            "{1}: không phải thông báo mà mục preliminary ghi (tên UNIT.avn của đơn vị đã thông báo).",
        "verify.notice-hash": "{1}: mã băm khác với mã mục preliminary ghi; tệp đã bị sửa hoặc thay.",
        "verify.explanations-ok":
            "explanations/ có đúng {1} bản giải trình nhật ký ghi nhận, của {2} đơn vị, mỗi bản ký bằng khóa vòng của đơn vị, niêm phong gửi thư ký, trả lời đúng thông báo đã phát cho đơn vị; {3} bản nhận sau hạn (đã ghi quá hạn).",
        "verify.explanations-not-yet":
            "chưa nhận bản giải trình nào.",
        "verify.explanation-stray-file":
            "{1}: không phải bản giải trình nhật ký ghi nhận (tên UNIT.rN.avx, đúng như phong bì ghi).",
        "verify.explanation-hash":
            "{1}: khác với tệp nhật ký ghi đã nhận.",
        "verify.explanation-evidence-missing":
            "{1}: minh chứng của đơn vị có trong nhật ký nhưng không có tệp.",
        "verify.explanation-missing":
            "giải trình của đơn vị {1}, lần {2}, có trong nhật ký nhưng không có trong explanations/.",
        "verify.forwards-ok":
            "forwarded/ có đúng {1} giải trình được chuyển mà nhật ký ghi nhận, cho {2} thành viên, của {3} đơn vị, mỗi tệp do thư ký gửi, niêm phong cho thành viên được ghi, người được phân công ô của đơn vị đó; {4} bản minh chứng.",
        "verify.forwards-not-yet":
            "chưa chuyển giải trình nào.",
        "verify.forward-stray-file":
            "{1}: không phải tệp chuyển mà nhật ký ghi nhận (tên MEMBER.UNIT.rN.avf hoặc MEMBER.UNIT.rN.eK.ave, đúng như phong bì ghi).",
        "verify.forward-hash":
            "{1}: khác với tệp nhật ký ghi đã chuyển.",
        "verify.forward-missing":
            "{1}: có trong nhật ký là đã chuyển nhưng không có tệp.",
        "verify.forward-unknown-explanation":
            "mục nhật ký {1}: chuyển giải trình của đơn vị {2} nhưng giải trình đó chưa được nhận từ đơn vị.",
        "verify.forward-wrong-member":
            "giải trình của đơn vị {2} đã chuyển cho {1} (mục nhật ký {3}), người không được phân công ô nào của đơn vị đó.",
        "verify.notice-missing": "thông báo của đơn vị {1} có trong nhật ký nhưng không có trong notices/.",
        "verify.unit-keys": "{1} trong {2} đơn vị có khoá (vai trò unit) và tham gia vòng giải trình.",
        "verify.units-without-key": "{1} đơn vị chưa có khoá và sẽ không nhận thông báo: {2}.",
        "verify.summary-warnings": "{1} cảnh báo (đánh dấu !): hãy đọc trước khi dựa vào vòng này.",
        "hint.single-holder":
            "Dùng --threshold từ 2 trở lên; nếu đúng là chỉ cần một người giữ khoá mở kết quả, thêm --single-holder.",
        "approval.bad-proof":
            "{1}: phần giải mã trong phê duyệt của {2} (x = {3}) không khớp khoá kiểm tra của {2}: bị giả mạo, hoặc được làm cho kết quả khác.",
        "ceremony.abstract":
            "Lễ tạo khoá của người giữ khoá: không ai nắm giữ khoá mở kết quả.",
        "ceremony.ack-abstract":
            "Lượt 2: người giữ khoá kiểm tra mọi phần chia khoá và ký xác nhận hoặc khiếu nại.",
        "ceremony.ack-mismatch":
            "{2}: {1} đã xác nhận những phần chia khoá khác với các phần trong thư mục lễ tạo khoá này.",
        "ceremony.bad-proof":
            "{1} bị loại: bằng chứng tri thức trong phần chia khoá {2} không hợp lệ.",
        "ceremony.bad-signature":
            "{1}: chữ ký của {2} không hợp lệ; tệp đã bị sửa hoặc do người khác ký.",
        "ceremony.begin-abstract":
            "Thư ký lập kế hoạch lễ tạo khoá: người giữ khoá, ngưỡng, mã vòng.",
        "ceremony.complained":
            "Khiếu nại đối với {1}: phần khoá họ niêm phong gửi bạn không khớp các cam kết của họ.",
        "ceremony.deal-abstract":
            "Lượt 1: người giữ khoá công bố cam kết và niêm phong một phần khoá cho từng người giữ khoá.",
        "ceremony.dealer-cheated":
            "{1} bị loại: phần khoá {1} đã ký gửi {2} không khớp các cam kết {1} đã công bố.",
        "ceremony.duplicate":
            "{2} và {3} đều của {1}; chỉ giữ lại một tệp.",
        "ceremony.excluded":
            "{1} đã bị loại tại lễ tạo khoá và không giữ phần nào của khoá mở kết quả.",
        "ceremony.false-complaint":
            "{1} bị loại: khiếu nại của họ đối với {2} không có căn cứ.",
        "ceremony.finish-abstract":
            "Đánh giá lễ tạo khoá: ai bị loại, khoá chung (như round init sẽ làm).",
        "ceremony.finished":
            "Lễ tạo khoá: {1}/{2} người giữ khoá hợp lệ, ngưỡng {3}; khoá chung {4}.",
        "ceremony.help-dir":
            "Thư mục lễ tạo khoá.",
        "ceremony.help-holders":
            "Tệp .pub của người giữ khoá, cách nhau bởi dấu phẩy, theo thứ tự.",
        "ceremony.help-out":
            "Tệp cần ghi (mặc định: trong thư mục lễ tạo khoá). - là đầu ra chuẩn.",
        "ceremony.help-secretary":
            "Tệp .pub của thư ký.",
        "ceremony.help-threshold":
            "Số người giữ khoá tối thiểu phải đồng ý để mở kết quả (t).",
        "ceremony.missing":
            "Lễ tạo khoá chưa đủ: còn thiếu {1} của: {2}.",
        "ceremony.not-a-holder":
            "{1} không phải người giữ khoá trong kế hoạch lễ tạo khoá {2}.",
        "ceremony.qualified":
            "Người giữ khoá hợp lệ: {1}. Có thể dùng thư mục này cho round init --ceremony.",
        "ceremony.round-mismatch":
            "{2}: lễ tạo khoá được lập cho một thư ký khác, không phải {1}.",
        "ceremony.share-mismatch":
            "Các phần khoá niêm phong gửi {1} không cho ra khoá kiểm tra của {1}; định nghĩa vòng không nhất quán.",
        "ceremony.share-unopenable":
            "Không mở được phần khoá {1} niêm phong gửi bạn trong {2}, hoặc phần khoá không có chữ ký của {1}.",
        "ceremony.too-few":
            "Chỉ còn {1} người giữ khoá sau khi loại, ít hơn ngưỡng {2} (bị loại: {3}); cần tổ chức lại lễ tạo khoá.",
        "ceremony.wrong-plan":
            "{1}: tệp này thuộc một lễ tạo khoá khác với {2}.",
        "ceremony.wrote-ack":
            "Đã ghi xác nhận của {2}: {1}; gửi lại cho thư ký.",
        "ceremony.wrote-dealing":
            "Đã ghi phần chia khoá của {2}: {1}; gửi lại cho thư ký.",
        "ceremony.wrote-plan":
            "Đã ghi kế hoạch {1}; gửi cho từng người giữ khoá.",
        "help.ceremony":
            "Thư mục lễ tạo khoá đã hoàn tất (avault ceremony).",
        "hint.ceremony-deal-again":
            "Đề nghị {1} chia khoá lại (avault ceremony deal) và mọi người giữ khoá xác nhận lại.",
        "verify.survey-file-ok":
            "survey.avq là lần nhập {1} của thư ký cho vòng này, niêm phong cho thư ký, có trong nhật ký và (sau tổng hợp) trong bản kê.",
        "verify.survey-missing": "{1}: nhật ký hoặc bản kê ghi có nhập điểm điều tra nhưng thiếu tệp.",
        "verify.survey-binding":
            "{1}: tệp điều tra không phải của thư ký vòng này, không niêm phong cho thư ký, hoặc ngữ cảnh đầu tệp không phải {\"revision\": n}.",
        "verify.survey-not-journaled":
            "{1}: tệp điều tra không phải lần nhập cuối cùng nhật ký ghi (bị thay hoặc thêm ngoài avault).",
        "verify.survey-not-listed": "{1}: tệp điều tra không phải tệp {2} liệt kê (hoặc bản kê không liệt kê tệp nào).",
        "verify.survey-signed-ok": "Kết quả đã công bố mang điểm điều tra đúng như thư ký đã ký; {1} ô điều tra khớp.",
        "verify.survey-signed-differs": "{1}: điểm điều tra trong kết quả không phải bản mà bản kê liệt kê.",
        "verify.survey-content-bad":
            "{1}: nội dung điều tra trong kết quả không khớp chữ ký bên trong của tệp này, hoặc không phù hợp với vòng.",
        "verify.survey-cell-not-signed": "{1} / {2}: điểm điều tra trong kết quả không phải điểm đã ký.",
        "verify.cell-not-signed":
            "{1} / {2}: điểm hoặc lý do công bố không phải điểm, lý do {3} đã ký.",
        "verify.ceremony-ok":
            "Lễ tạo khoá: {1}/{2} người giữ khoá hợp lệ (t = {3}); khoá chung {4}… và mọi khoá kiểm tra được tính lại từ các cam kết; đã kiểm tra {5} xác nhận.",
        "verify.signed-content-bad":
            "{1}: nội dung kết quả kèm theo cho bài chấm này không phải nội dung thành viên đã ký (chữ ký bên trong, thành viên, lần nộp hoặc vòng), hoặc tệp bị thiếu hay bị sửa.",
        "verify.signed-submissions-differ":
            "Kết quả kèm {1} bài chấm có ký, nhưng bản kê liệt kê {2} (hoặc lần nộp, tệp khác).",
        "verify.signed-submissions-ok":
            "{1} bài chấm đã tổng hợp có kèm bản ký: mọi chữ ký bên trong đều hợp lệ; cả {2} ô đã chấm đúng điểm và lý do thành viên đã niêm phong.",
        "help.index-above-100":
            "Cho phép điểm thưởng đưa chỉ số của đơn vị vượt 100 (mặc định: chỉ số tối đa là 100).",
        "framework.bad-extra-code":
            "{1}:{2}:{3}: mã điểm thưởng/điểm trừ \"{4}\" không hợp lệ; dùng một chữ cái rồi chữ cái, chữ số, '.' hoặc '-', tối đa 16 ký tự, không phải total hay final (ví dụ T1, TR1).",
        "framework.extra-code-taken":
            "{1}:{2}:{3}: mã điểm thưởng/điểm trừ {4} có dạng mã lĩnh vực, tiêu chí hoặc tiêu chí thành phần; đặt mã bắt đầu bằng chữ cái (ví dụ T1, TR1).",
        "framework.extra-cap":
            "{1}:{2}:{3}: mức tối đa của mục điểm thưởng/điểm trừ {4} là {5}; phải lớn hơn 0 và không vượt tổng điểm {6} của bộ tiêu chí.",
        "framework.too-many-extras":
            "{1}: có hơn {3} mục {2}; mỗi bộ tiêu chí có tối đa {3} mục điểm thưởng và {3} mục điểm trừ.",
        "appraisal.above-cap":
            "điểm {1} vượt mức tối đa {2} của mục điểm thưởng/điểm trừ này.",
        "appraisal.extra-reason":
            "điểm thưởng/điểm trừ {1} khác 0 nhưng chưa ghi lý do (khác 0 thì bắt buộc ghi lý do).",
        "verify.extra-over-cap":
            "{1} / {2}: điểm thưởng/điểm trừ {3} nằm ngoài khoảng 0 đến mức tối đa {4}, hoặc không đúng bước điểm.",
        "verify.extra-reason-missing":
            "{1} / {2}: điểm thưởng/điểm trừ {3} khác 0 nhưng không có lý do.",
        "label.index":
            "Chỉ số",
        "show.extras":
            "{1}: điểm thưởng {2}; điểm trừ {3}",
        "show.index-capped":
            "(điểm thẩm định + điểm thưởng − điểm trừ, không nhỏ hơn 0) ÷ điểm tối đa × 100, tối đa 100",
        "show.index-above-100":
            "(điểm thẩm định + điểm thưởng − điểm trừ, không nhỏ hơn 0) ÷ điểm tối đa × 100, có thể vượt 100 (--index-above-100)",
    ]
}
