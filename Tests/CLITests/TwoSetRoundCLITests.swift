import Foundation
import Testing

@testable import AppraisalVault

/// A round with two criteria sets run end to end through the built `avault` (spec §3.3–§3.5, §6,
/// §8, §9; docs/report.md): `round init` with a not-self-assessed cell, worksheets, seal, receive,
/// merge `--without-survey`, release, the three report formats and `verify`.
///
/// Sets: `so` (departments, group so-nganh: one field of max 3, a survey item of 1) and `huyen`
/// (districts: two fields, 2 and 4, a survey item of 1 in field 2). Units in round order u2, u1
/// (departments), u3, u4 (districts); u4 did not self-assess `huyen` 1.1.1.
@Suite("CLI: two-set round end to end", .serialized)
struct TwoSetRoundCLITests {
    static let soFramework = """
        code,title,max,method
        1,Lĩnh vực Sở,3,
        1.1,Tiêu chí Sở,3,
        1.1.1,Ban hành văn bản,1,self
        1.1.2,Kiểm tra,1,council
        1.1.3,Hài lòng,1,survey
        total,,3,

        """
    static let districtFramework = """
        code,title,max,method
        1,Chỉ đạo huyện,2,
        1.1,Kế hoạch huyện,2,
        1.1.1,Ban hành kế hoạch,2,self
        2,Dịch vụ công huyện,4,
        2.1,Một cửa,4,
        2.1.1,Tiếp nhận hồ sơ,2,self
        2.1.2,Giám sát,1,council
        2.1.3,Hài lòng người dân,1,survey
        total,,6,

        """
    /// Round order: Sở Xây dựng (u2) before Sở Giáo dục (u1), neither id nor name order.
    static let units = """
        id,name,group
        u2,Sở Xây dựng,so-nganh
        u1,Sở Giáo dục,so-nganh
        u3,UBND huyện Mường Ảng,huyen
        u4,UBND huyện Tủa Chùa,huyen

        """
    /// u4 / 1.1.1 has an empty score: not self-assessed.
    static let selfAssessment = """
        unit,code,score,note
        u2,1.1.1,1,
        u1,1.1.1,0.5,
        u3,1.1.1,1.5,
        u3,2.1.1,2,
        u4,1.1.1,,không có hồ sơ
        u4,2.1.1,1,

        """
    static let members = """
        id,public_key_file,codes,units
        tv-01,keys/tv-01.pub,so:1,
        tv-02,keys/tv-02.pub,huyen:1 huyen:2,

        """

    /// The scores each member enters, by `unit/code`, with reasons where needed.
    static let entries: [String: [String: (score: String, reason: String)]] = [
        "tv-01": [
            "u2/1.1.1": ("0.75", "Thiếu minh chứng"), "u2/1.1.2": ("0.75", ""),
            "u1/1.1.1": ("0.5", ""), "u1/1.1.2": ("1", ""),
        ],
        "tv-02": [
            "u3/1.1.1": ("1.5", ""), "u3/2.1.1": ("2", ""), "u3/2.1.2": ("1", ""),
            "u4/1.1.1": ("1", "Chấm theo hồ sơ của Sở Nội vụ"), "u4/2.1.1": ("1", ""), "u4/2.1.2": ("0.5", ""),
        ],
    ]

    /// Writes the inputs, keys and ceremony into `cli.dir` and runs `round init`.
    static func initRound(_ cli: CLI) throws -> (round: RoundDefinition, pass: String) {
        let fm = FileManager.default
        try fm.createDirectory(atPath: cli.path("keys"), withIntermediateDirectories: true)
        for name in ["tv-01", "tv-02", "thu-ky", "chu-tich", "pho-chu-tich", "chanh-vp"] {
            try fm.copyItem(atPath: CLI.root.path + "/keys/\(name).pub", toPath: cli.path("keys/\(name).pub"))
        }
        for name in ["tv-01", "tv-02", "thu-ky", "chu-tich", "pho-chu-tich"] {
            _ = try cli.write("\(name).key", try FileIO.read(CLI.root.path + "/keys/\(name).key", maxBytes: 1 << 16))
        }
        _ = try DemoCeremony.copy(into: cli.dir)
        for (name, text) in [
            ("so.csv", soFramework), ("huyen.csv", districtFramework), ("units.csv", units),
            ("self.csv", selfAssessment), ("members.csv", members),
        ] {
            _ = try cli.write(name, Array(text.utf8))
        }
        let pass = try cli.passphraseFile("demo-appraisal-2026")
        let made = try cli.run([
            "round", "init", "--framework", "so=so.csv", "--framework", "huyen=huyen.csv", "--set-groups",
            "so=so-nganh", "--set-groups", "huyen=huyen", "--units", "units.csv", "--self-assessment", "self.csv",
            "--members", "members.csv", "--ceremony", "ceremony", "--title", "Thẩm định hai bộ tiêu chí",
            "--year", "2025", "--key", "thu-ky.key", "--passphrase-file", pass, "--out", "round", "--demo",
        ])
        #expect(made.exited(0), "\(made)")
        let round = try RoundDefinition(parsing: try cli.read("round/round.avr"), file: "round.avr")
        return (round, pass)
    }

    /// Writes `member`'s CSV worksheet filled from ``entries`` (`skipReason` leaves that cell's
    /// reason empty) and returns its text as issued.
    static func fill(_ cli: CLI, _ member: String, skipReason: String? = nil) throws -> String {
        try? FileManager.default.removeItem(atPath: cli.path("\(member).csv"))
        let sheet = try cli.run(["worksheet", "--round", "round", "--member", member, "-o", "\(member).csv"])
        #expect(sheet.exited(0), "\(sheet)")
        let issued = String(decoding: try cli.read("\(member).csv"), as: UTF8.self)
        let lines = WorksheetLines(issued)
        var out = lines.head
        for line in lines.rows {
            var cells = line.components(separatedBy: ",")
            let key = cells[0] + "/" + cells[2]
            let entry = try #require(entries[member]?[key], "no entry for \(key)")
            cells[6] = entry.score
            cells[7] = key == skipReason ? "" : entry.reason
            out.append(cells.joined(separator: ","))
        }
        _ = try cli.write("\(member).csv", Array((out.joined(separator: "\r\n") + "\r\n").utf8))
        return issued
    }

    static func seal(_ cli: CLI, _ member: String, pass: String) throws -> CLIResult {
        try cli.run([
            "seal", "\(member).csv", "--round", "round", "--key", "\(member).key", "--passphrase-file", pass, "-o",
            "\(member).avs",
        ])
    }

    /// `round init` keeps an empty self score as not self-assessed (`null`), the worksheet marks
    /// it, and `seal` refuses an appraised score on it without a reason, naming the cell.
    @Test func notSelfAssessedCell() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let (round, pass) = try Self.initRound(cli)
        #expect(round.selfAssessment.isNotAssessed(unit: "u4", code: "1.1.1"))
        #expect(round.selfAssessment.entries[Cell(unit: "u4", code: "1.1.1")]?.note == "không có hồ sơ")
        #expect(!round.selfAssessment.isNotAssessed(unit: "u4", code: "2.1.1"))
        #expect(round.selfAssessment.notAssessedCount == 1)
        let issued = try Self.fill(cli, "tv-02", skipReason: "u4/1.1.1")
        #expect(issued.contains("u4,UBND huyện Tủa Chùa,1.1.1,Ban hành kế hoạch,2,chưa tự đánh giá,,"), "\(issued)")
        // The XLSX form shows the mark as a text cell in the same column.
        let member = try #require(round.member("tv-02"))
        let sheet = Worksheet.sheet(for: member, in: round)
        let column = try #require(Worksheet.columns.firstIndex(of: "diem_tu_cham"))
        #expect(sheet.rows.filter { $0[column] == .text(SelfAssessment.notAssessedMark) }.count == 1)
        let refused = try Self.seal(cli, "tv-02", pass: pass)
        #expect(!refused.exited(0), "\(refused)")
        // Line 10 of the file: 5 lines of header block and the column names above the data (spec §3.9).
        #expect(refused.stderr.contains("tv-02.csv:10:8: u4 / 1.1.1:"), "\(refused)")
        #expect(refused.stderr.contains("did not self-assess this sub-criterion: the appraised score 1 needs a reason"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("tv-02.avs")))
        _ = try Self.fill(cli, "tv-02")
        let sealed = try Self.seal(cli, "tv-02", pass: pass)
        #expect(sealed.exited(0), "\(sealed)")
    }

    /// Both sets through every step: each member seals, the secretary receives and merges
    /// without survey, two holders release, the reports show both sets' rankings with the counted
    /// maxima, ties in round order and the not-self-assessed mark, and `verify` passes.
    @Test func endToEnd() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let (round, pass) = try Self.initRound(cli)
        for member in ["tv-01", "tv-02"] {
            _ = try Self.fill(cli, member)
            let sealed = try Self.seal(cli, member, pass: pass)
            #expect(sealed.exited(0), "\(sealed)")
        }
        let received = try cli.run([
            "receive", "tv-01.avs", "tv-02.avs", "--round", "round", "--key", "thu-ky.key", "--passphrase-file", pass,
        ])
        #expect(received.exited(0), "\(received)")
        let merged = try cli.run([
            "merge", "--round", "round", "--key", "thu-ky.key", "--passphrase-file", pass, "--without-survey",
        ])
        #expect(merged.exited(0), "\(merged)")
        #expect(merged.stdout.contains("2 points, not 3"), "\(merged)")
        #expect(merged.stdout.contains("5 points, not 6"), "\(merged)")
        for id in ["chu-tich", "pho-chu-tich"] {
            let ok = try cli.run([
                "release", "approve", "--round", "round", "--key", "\(id).key", "--passphrase-file", pass,
                "--decision", "Quyết định số 9/QĐ-UBND (thử)", "-o", "\(id).ava",
            ])
            #expect(ok.exited(0), "\(ok)")
        }
        let combined = try cli.run(["release", "combine", "chu-tich.ava", "pho-chu-tich.ava", "--round", "round"])
        #expect(combined.exited(0), "\(combined)")
        let verified = try cli.run(["verify", "round", "--fingerprint", round.fingerprint.description])
        #expect(verified.exited(0), "\(verified)")
        #expect(verified.stdout.contains("✓ results.totals"), "\(verified)")
        #expect(verified.stdout.contains("✓ results.reasons"), "\(verified)")
        #expect(verified.stdout.contains("✓ results.percent"), "\(verified)")
        for format in ["html", "csv", "json"] {
            let r = try cli.run(["report", "--round", "round", "--format", format, "-o", "r.\(format)"])
            #expect(r.exited(0), "\(r)")
        }
        try checkHTML(String(decoding: try cli.read("r.html"), as: UTF8.self))
        try checkCSV(try cli.read("r.csv"))
        try checkJSON(try cli.read("r.json"))
    }

    /// Indices without survey: u2 (0.75 + 0.75) and u1 (0.5 + 1) tie at 75 % over 2; u3 4.5 and
    /// u4 2.5 over 5 (90 %, 50 %).
    func checkHTML(_ html: String) throws {
        // Both sets' rankings; the tie shares rank 1 and keeps round order (u2 before u1).
        let tie = try #require(html.range(of: "<td class=\"c\">1</td><td>Sở Xây dựng</td>"), "\(html)")
        #expect(
            html.range(of: "<td class=\"c\">1</td><td>Sở Giáo dục</td>", range: tie.upperBound..<html.endIndex) != nil)
        #expect(html.contains("<td class=\"c\">1</td><td>UBND huyện Mường Ảng</td>"))
        #expect(html.contains("<td class=\"c\">2</td><td>UBND huyện Tủa Chùa</td>"))
        #expect(html.contains("75,00") && html.contains("90,00") && html.contains("50,00"))
        #expect(html.contains("theo thứ tự trong danh sách đơn vị của vòng"))
        // Per-field table: the counted maxima, never the framework's (3 and 4).
        #expect(html.contains("LV 1<br><span class=\"note\">tối đa 2,00</span>"), "\(html)")
        #expect(html.contains("LV 2<br><span class=\"note\">tối đa 3,00</span>"), "\(html)")
        #expect(!html.contains("tối đa 4,00"))
        // The not-self-assessed cell is an adjustment with the mark, and the reason.
        #expect(html.contains("<td class=\"c\"><i>chưa tự đánh giá</i></td><td class=\"n\">1,00</td>"), "\(html)")
        #expect(html.contains("Chấm theo hồ sơ của Sở Nội vụ"))
        #expect(html.contains("CÁC ĐIỀU CHỈNH SO VỚI ĐIỂM TỰ CHẤM (2)"))
    }

    func checkCSV(_ bytes: [UInt8]) throws {
        let table = try CSV.parse(bytes, file: "r.csv")
        let column = Dictionary(uniqueKeysWithValues: table.header.fields.enumerated().map { ($1.text, $0) })
        let rows = table.records.map { $0.fields.map(\.text) }
        func row(_ unit: String, _ code: String) throws -> [String] {
            try #require(
                rows.first { $0[column["ma_don_vi"]!] == unit && $0[column["ma_tieu_chi"]!] == code }, "\(unit) \(code)"
            )
        }
        let marked = try row("u4", "1.1.1")
        #expect(marked[column["ghi_chu_tu_cham"]!] == "chưa tự đánh giá")
        #expect(marked[column["diem_tu_cham"]!] == "" && marked[column["chenh_lech"]!] == "")
        #expect(marked[column["bo_tieu_chi"]!] == "huyen" && marked[column["tong_toi_da"]!] == "5")
        #expect(marked[column["tong_tu_cham"]!] == "1")
        #expect(try row("u4", "2.1.1")[column["ghi_chu_tu_cham"]!] == "")
        let department = try row("u1", "1.1.1")
        #expect(department[column["bo_tieu_chi"]!] == "so" && department[column["tong_toi_da"]!] == "2")
        // Units in rank order within each group; ties in round order.
        let order = rows.map { $0[column["ma_don_vi"]!] }.reduce(into: [String]()) {
            if $0.last != $1 { $0.append($1) }
        }
        #expect(order == ["u2", "u1", "u3", "u4"])
    }

    func checkJSON(_ bytes: [UInt8]) throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let groups = try #require(json["groups"] as? [[String: Any]])
        #expect(groups.map { $0["set"] as? String } == ["so", "huyen"])
        let districts = try #require(groups[1]["units"] as? [[String: Any]])
        #expect(districts.map { $0["id"] as? String } == ["u3", "u4"])
        #expect(districts.map { $0["max"] as? String } == ["5", "5"])
        let fields = try #require(districts[0]["fields"] as? [[String: Any]])
        #expect(fields.map { $0["max"] as? String } == ["2", "3"])  // counted
        let sets = try #require((json["round"] as? [String: Any])?["sets"] as? [[String: Any]])
        let districtFields = try #require(sets[1]["fields"] as? [[String: Any]])
        #expect(districtFields.map { $0["max"] as? String } == ["2", "4"])  // the framework's
        #expect(districtFields.map { $0["countedMax"] as? String } == ["2", "3"])
        #expect(json["notSelfAssessed"] as? Int == 1)
        let adjustments = try #require(json["adjustments"] as? [[String: Any]])
        let marked = try #require(adjustments.first { $0["unit"] as? String == "u4" })
        #expect(marked["self"] is NSNull && marked["difference"] is NSNull && marked["selfAssessed"] as? Bool == false)
        #expect(marked["reason"] as? String == "Chấm theo hồ sơ của Sở Nội vụ")
    }
}
