import AppraisalVault
import Foundation
import Testing

/// Runs the built `avault` binary on the built-in sample round.
@Suite(.serialized) struct RoundCLITests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The sample files a test folder gets (`samples/`): both criteria sets of the sample round.
    static let sampleFiles = [
        "framework-so-nganh.json", "framework-huyen.json", "units-dien-bien.csv", "self-assessment-demo.csv",
        "members-demo.csv",
    ]

    /// The sample round's two criteria sets (samples/README.md): departments on `so`, districts on `huyen`.
    static let sampleSetArgs = [
        "--framework", "so=samples/framework-so-nganh.json", "--framework", "huyen=samples/framework-huyen.json",
        "--set-groups", "so=so-nganh", "--set-groups", "huyen=huyen",
    ]

    let dir: String

    init() throws {
        dir = NSTemporaryDirectory() + "avault-cli-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/keys", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/samples", withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: Self.root + "/keys")
        where name.hasSuffix(".pub") || name.hasSuffix(".key") {
            try fm.copyItem(atPath: Self.root + "/keys/" + name, toPath: dir + "/keys/" + name)
            if name.hasSuffix(".key") {
                try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: dir + "/keys/" + name)
            }
        }
        for name in Self.sampleFiles {
            try fm.copyItem(atPath: Self.root + "/samples/" + name, toPath: dir + "/samples/" + name)
        }
        try Data("demo-appraisal-2026\n".utf8).write(to: URL(fileURLWithPath: dir + "/pass"))
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: dir + "/pass")
        try DemoCeremony.copy(into: dir)
    }

    @discardableResult
    func avault(_ args: [String], lang: String = "C") throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        p.environment = ["LANG": lang, "PATH": "/usr/bin:/bin", "XDG_STATE_HOME": FileIOPaths.state(of: dir)]
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// Runs `avault` under a Vietnamese `LANG`.
    func avaultVietnamese(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        try avault(args, lang: "vi_VN.UTF-8")
    }

    func initArgs(out: String = "round", demo: Bool = true, selfAssessment: String = "samples/self-assessment-demo.csv")
        -> [String]
    {
        ["round", "init"] + Self.sampleSetArgs + [
            "--units", "samples/units-dien-bien.csv", "--self-assessment", selfAssessment, "--members",
            "samples/members-demo.csv",
            "--ceremony", "ceremony", "--title", "Thẩm định Chỉ số CCHC 2025", "--year", "2025", "--reference",
            "Quyết định số 04/QĐ-UBND",
            "--key", "keys/thu-ky.key", "--passphrase-file", "pass", "--out", out,
        ] + (demo ? ["--demo"] : [])
    }

    /// A threshold of 1 is refused before any file is read (exit 64, nothing written) unless
    /// `--single-holder` is given; then init, `round show` and `verify` (text and `--json`) warn,
    /// and verify still passes (spec §3.8, §9.2 check 2a).
    @Test func singleHolderThreshold() throws {
        try DemoCeremony.copy(into: dir, name: "ceremony-1", singleHolder: true)
        func args(_ out: String) -> [String] {
            var a = initArgs(out: out)
            a[a.firstIndex(of: "--ceremony")! + 1] = "ceremony-1"
            return a
        }
        let refused = try avault(args("round"))
        #expect(refused.status == 64, "\(refused)")
        #expect(refused.err.contains("threshold of 1") && refused.err.contains("--single-holder"), "\(refused.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/round"))
        let made = try avault(args("round") + ["--single-holder"])
        #expect(made.status == 0, "\(made.err)")
        #expect(made.err.contains("avault: warning: threshold 1"), "\(made.err)")
        let shown = try avault(["round", "show", "round"])
        #expect(shown.status == 0 && shown.out.contains("! warning: threshold 1"), "\(shown.out)")
        let verified = try avault(["verify", "round"])
        #expect(verified.status == 0, "\(verified)")
        #expect(verified.out.contains("! round.threshold  round.avr  threshold 1 of 3"), "\(verified.out)")
        #expect(verified.out.contains("1 warning(s)"), "\(verified.out)")
        let json = try avault(["verify", "round", "--json"])
        #expect(json.status == 0 && json.out.contains(#""id":"round.threshold""#), "\(json)")
        #expect(json.out.contains(#""message":"verify.single-holder","passed":true,"status":"warn""#), "\(json.out)")
        // A 2-of-3 round has no such warning.
        #expect(try avault(initArgs(out: "two")).status == 0)
        let normal = try avault(["verify", "two"])
        #expect(normal.status == 0 && !normal.out.contains("round.threshold") && !normal.out.contains("warning"))
    }

    /// A passphrase file that others can read is refused like a key file (exit 77, chmod hint),
    /// after the inputs were checked and before anything is written.
    @Test func passphraseFileTooOpen() throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: dir + "/pass")
        let refused = try avault(initArgs())
        #expect(refused.status == 77, "\(refused)")
        #expect(refused.err.contains("pass: the passphrase file has mode 644"), "\(refused.err)")
        #expect(refused.err.contains("chmod 600 pass"), "\(refused.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/round/round.avr"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: dir + "/pass")
        #expect(try avault(initArgs()).status == 0)
    }

    /// round init on the sample writes a signed round and prints counts and the fingerprint; round show verifies it.
    @Test func initAndShow() throws {
        let made = try avault(initArgs())
        #expect(made.status == 0, "\(made.err)")
        // 19 departments × the `so` set's 72 appraisable sub-criteria + 10 districts × the `huyen` set's 69,
        // each set also a bonus and a penalty item per unit.
        #expect(made.out.contains("\(19 * 74 + 10 * 71) appraisable cells"), "\(made.out)")
        let fingerprint = try #require(made.out.split(separator: "\n").first { $0.hasPrefix("Round fingerprint:") })
        let shown = try avault(["round", "show", "round"])
        #expect(shown.status == 0, "\(shown.err)")
        #expect(shown.out.contains(String(fingerprint)))
        #expect(shown.out.contains("DEMO ROUND"))
        // tv-08 covers the recused cells: fields 2 and 6 (7 + 7 appraisable sub-criteria) of the two
        // departments whose heads (tv-02, tv-06) are recused from them.
        #expect(shown.out.contains("tv-08  Lò Văn Pâng  codes: so:2 so:6 @ so-tu-phap so-tai-chinh  — 28 cells"))
        #expect(shown.out.contains("Recusals    tv-02: so-tu-phap\n            tv-06: so-tai-chinh\n"), "\(shown.out)")
        #expect(shown.out.contains("2 of 3 holders"))
        #expect(shown.out.contains("Quyết định số 04/QĐ-UBND"))
    }

    /// A round definition changed by one byte is refused by round show with a clear message and exit 65.
    @Test func tamperedRefused() throws {
        #expect(try avault(initArgs()).status == 0)
        let path = dir + "/round/round.avr"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let needle = Array("Sở Tư pháp".utf8)
        let at = try #require(
            (0..<(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle })
        bytes[at + needle.count - 1] = UInt8(ascii: "q")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let shown = try avault(["round", "show", "round"])
        #expect(shown.status == 65)
        #expect(shown.err.contains("signature does not verify"))
        #expect(shown.out.isEmpty)
    }

    /// A bad input CSV is rejected before any passphrase, naming file:line:column, and nothing is written.
    @Test func badInputRejected() throws {
        var text = try String(contentsOfFile: dir + "/samples/self-assessment-demo.csv", encoding: .utf8)
        text = text.replacingOccurrences(of: "vp-ubnd;1.1.3;1;", with: "vp-ubnd;1.1.3;0,3;")
        try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/bad-self.csv"))
        let r = try avault(initArgs(selfAssessment: "bad-self.csv"))
        #expect(r.status == 65)
        #expect(r.err.contains("bad-self.csv:4:3: self score 0.3 for 1.1.3 is not a multiple of the step 0.25"))
        #expect(r.err.contains("Problems in the inputs: 1;") && !r.err.contains("1 problems"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/round"))
    }

    /// Demo identities are refused without --demo.
    @Test func demoRefused() throws {
        let r = try avault(initArgs(demo: false))
        #expect(r.status == 64)
        #expect(r.err.contains("demo identity"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/round"))
    }

    /// A worksheet has a BOM, the Vietnamese header and one row per assigned cell.
    @Test func worksheet() throws {
        #expect(try avault(initArgs()).status == 0)
        let r = try avault(["worksheet", "--round", "round", "--member", "tv-08", "-o", "tv-08.csv"])
        #expect(r.status == 0, "\(r.err)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/tv-08.csv")))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
        // The header block (spec §3.9), padded to the 8 columns, then the column names.
        #expect(lines.first == "Vòng thẩm định,Thẩm định Chỉ số CCHC 2025,,,,,,")
        #expect(lines[1] == "Thành viên,Lò Văn Pâng (tv-08),,,,,,")
        #expect(lines[2].hasPrefix("Dấu vân tay của vòng,") && lines[3] == "Năm,2025,,,,,,")
        #expect(lines[4] == "Hạn nộp,Theo thông báo của thư ký,,,,,,")
        #expect(
            lines[5] == "ma_don_vi,ten_don_vi,ma_tieu_chi,tieu_chi,diem_toi_da,diem_tu_cham,diem_tham_dinh,ly_do")
        #expect(lines.count == 6 + 2 * (7 + 7))
        let again = try avault(["worksheet", "--round", "round", "--member", "tv-08", "-o", "tv-08.csv"])
        #expect(again.status == 73)  // never overwritten
        let unknown = try avault(["worksheet", "--round", "round", "--member", "tv-99", "-o", "x.csv"])
        #expect(unknown.status == 64 && unknown.err.contains("tv-99"))
    }
}

/// `round init`'s report particulars and deadline (spec §3.2, §3.8) through the binary.
extension RoundCLITests {
    /// Valid options are signed into the round; the XLSX worksheet shows the deadline.
    @Test func documentOptionsAndDeadline() throws {
        let made = try avault(
            initArgs() + [
                "--issuer", "UBND TỈNH LAI CHÂU", "--council", "HỘI ĐỒNG ĐÁNH GIÁ", "--place", "Lai Châu", "--signer",
                "Nguyễn Văn Bình", "--signer-title", "PHÓ CHỦ TỊCH", "--document-number", "07/BC-HĐĐG", "--deadline",
                "2026-12-15", "--recipient", "UBND tỉnh Lai Châu (để báo cáo)", "--recipient", " Sở Nội vụ ",
                "--recipient", "Lưu: VT",
            ])
        #expect(made.status == 0, "\(made.err)")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/round/round.avr")))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#""deadline":"2026-12-15""#), "\(text.prefix(300))")
        #expect(
            text.contains(
                #""document":{"council":"HỘI ĐỒNG ĐÁNH GIÁ","issuer":"UBND TỈNH LAI CHÂU","number":"07/BC-HĐĐG","#
                    + #""place":"Lai Châu","recipients":["UBND tỉnh Lai Châu (để báo cáo)","Sở Nội vụ","Lưu: VT"],"#
                    + #""signer":"Nguyễn Văn Bình","signerTitle":"PHÓ CHỦ TỊCH"}"#))
        let sheet = try avault(["worksheet", "--round", "round", "--member", "tv-01", "-o", "tv-01.xlsx"])
        #expect(sheet.status == 0, "\(sheet.err)")
        let cells = try XLSXReader.firstSheet(
            Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/tv-01.xlsx"))), file: "tv-01.xlsx")
        #expect(cells[5]?[1] == .text("Hạn nộp") && cells[5]?[2] == .text("15/12/2026"), "\(cells[5] ?? [:])")
        // The CSV worksheet carries the same header block, deadline included, in both dialects.
        #expect(try avault(["worksheet", "--round", "round", "--member", "tv-01", "-o", "tv-01.csv"]).status == 0)
        let csv = try String(contentsOfFile: dir + "/tv-01.csv", encoding: .utf8)
        #expect(csv.contains("\r\nHạn nộp,15/12/2026,,,,,,\r\nma_don_vi,"), "\(csv.prefix(400))")
        let vi = try avault([
            "worksheet", "--round", "round", "--member", "tv-01", "-o", "vi.csv", "--csv-dialect", "vi",
        ])
        #expect(vi.status == 0, "\(vi.err)")
        let viText = try String(contentsOfFile: dir + "/vi.csv", encoding: .utf8)
        #expect(viText.contains("\r\nHạn nộp;15/12/2026;;;;;;\r\nma_don_vi;"), "\(viText.prefix(400))")
        #expect(viText.contains("Thành viên;Nguyễn Văn An (tv-01);"), "\(viText.prefix(400))")
    }

    /// `round show` prints the report particulars, the recipients and the deadline stored in the
    /// round, as text (English and Vietnamese) and in `--json`.
    @Test func showPrintsDocumentParticulars() throws {
        let made = try avault(
            initArgs() + [
                "--issuer", "UBND TỈNH LAI CHÂU", "--signer", "Nguyễn Văn Bình", "--document-number", "07",
                "--deadline", "2026-12-15", "--recipient", "Sở Nội vụ", "--recipient", "Lưu: VT",
            ])
        #expect(made.status == 0, "\(made.err)")
        let shown = try avault(["round", "show", "round"])
        #expect(shown.status == 0, "\(shown.err)")
        let lines = shown.out.split(separator: "\n").map(String.init)
        func line(_ label: String) -> String? { lines.first { $0.hasPrefix(label + " ") } }
        #expect(line("Issued by")?.hasSuffix("  UBND TỈNH LAI CHÂU — HỘI ĐỒNG THẨM ĐỊNH") == true, "\(shown.out)")
        #expect(line("Report no.")?.hasSuffix("  07/BC-HĐTĐ") == true, "\(shown.out)")
        #expect(line("Place")?.hasSuffix("  Điện Biên") == true, "\(shown.out)")
        #expect(line("Signed by")?.hasSuffix("  CHỦ TỊCH Nguyễn Văn Bình") == true, "\(shown.out)")
        #expect(line("Deadline")?.hasSuffix("  15/12/2026") == true, "\(shown.out)")
        let recipients = try #require(lines.firstIndex { $0.hasPrefix("Recipients ") })
        #expect(lines[recipients].hasSuffix("  Sở Nội vụ") && lines[recipients + 1].hasSuffix("  Lưu: VT"))
        #expect(lines[recipients + 1].hasPrefix(" "), "a continuation line has no label: \(lines[recipients + 1])")

        let json = try JSONOutputCLITests.object(try avault(["round", "show", "round", "--json"]).out)
        #expect(json["deadline"] as? String == "2026-12-15")
        let document = try #require(json["document"] as? [String: Any])
        #expect(document["issuer"] as? String == "UBND TỈNH LAI CHÂU")
        #expect(document["council"] as? String == "HỘI ĐỒNG THẨM ĐỊNH")
        #expect(document["place"] as? String == "Điện Biên" && document["number"] as? String == "07")
        #expect(document["signer"] as? String == "Nguyễn Văn Bình" && document["signerTitle"] as? String == "CHỦ TỊCH")
        #expect(document["recipients"] as? [String] == ["Sở Nội vụ", "Lưu: VT"])
    }

    /// Without options: the default recipients, no number, a blank signature line and no deadline,
    /// in Vietnamese too.
    @Test func showPrintsDefaults() throws {
        #expect(try avault(initArgs()).status == 0)
        let shown = try avaultVietnamese(["round", "show", "round"])
        #expect(shown.status == 0, "\(shown.err)")
        let lines = shown.out.split(separator: "\n").map(String.init)
        func line(_ label: String) -> String? { lines.first { $0.hasPrefix(label + " ") } }
        #expect(line("Số văn bản")?.hasSuffix("  (văn thư điền)") == true, "\(shown.out)")
        #expect(line("Người ký")?.hasSuffix("  CHỦ TỊCH, họ tên ký tay") == true, "\(shown.out)")
        #expect(line("Hạn nộp")?.hasSuffix("  (không có)") == true, "\(shown.out)")
        let at = try #require(lines.firstIndex { $0.hasPrefix("Nơi nhận ") })
        let listed = lines[at..<(at + RoundDocument.defaultRecipients.count)].map {
            String($0.dropFirst($0.hasPrefix("Nơi nhận") ? "Nơi nhận".count : 0)).trimmingCharacters(in: .whitespaces)
        }
        #expect(listed == RoundDocument.defaultRecipients, "\(shown.out)")
        let json = try JSONOutputCLITests.object(try avault(["round", "show", "round", "--json"]).out)
        #expect((json["document"] as? [String: Any])?["recipients"] as? [String] == RoundDocument.defaultRecipients)
        #expect(json["deadline"] as? String == "")
    }

    /// An invalid particular or deadline is refused before the passphrase, naming the option;
    /// nothing is written.
    @Test(arguments: [
        (["--place", " "], "--place"), (["--signer", "Nguyễn\u{202E}Văn"], "--signer"),
        (["--council", String(repeating: "Đ", count: 101)], "--council"), (["--deadline", "2026-02-30"], "--deadline"),
        (["--document-number", "12\u{7}"], "--document-number"), (["--recipient", "\u{3000}"], "--recipient"),
        (["--recipient", "Sở\nNội vụ"], "--recipient"),
        ((0...RoundDocument.maxRecipients).flatMap { ["--recipient", "Nơi nhận \($0)"] }, "--recipient"),
    ])
    func documentOptionRefused(_ extra: [String], _ option: String) throws {
        let refused = try avault(initArgs() + extra)
        #expect(refused.status != 0, "\(refused)")
        #expect(refused.err.contains(option), "\(refused.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/round"))
    }
}
