import Foundation
import Testing

/// Bonus and penalty items (spec §3.3 F6, §3.9, §6.4), through the built `avault` on the sample
/// round, whose sets `so` and `huyen` each have bonus `T1` and penalty `TR1` (cap 2, step 0.5) held by tv-07.
extension RoundCLITests {
    /// tv-07's CSV worksheet filled with the self score (or the maximum) on every sub-criterion
    /// row and 0 on every bonus and penalty row, then `changes` applied: `unit/code` → `score;reason`.
    func filledBonusWorksheet(_ changes: [String: (String, String)]) throws -> String {
        if !FileManager.default.fileExists(atPath: dir + "/issued.csv") {  // worksheet never overwrites
            #expect(try avault(["worksheet", "--round", "round", "--member", "tv-07", "-o", "issued.csv"]).status == 0)
        }
        let issued = WorksheetLines(try String(contentsOfFile: dir + "/issued.csv", encoding: .utf8))
        let lines = issued.head + issued.rows
        var filled = issued.head
        for line in issued.rows {
            var cells = Self.fields(line)
            let n = cells.count
            let key = cells[0] + "/" + cells[2]
            let extra = cells[2] == "T1" || cells[2] == "TR1"
            cells[n - 2] = extra ? "0" : cells[n - 3].isEmpty ? cells[n - 4] : cells[n - 3]
            if let (score, reason) = changes[key] {
                cells[n - 2] = score
                cells[n - 1] = reason
            }
            filled.append(cells.joined(separator: ","))
        }
        try (filled.joined(separator: "\r\n") + "\r\n").write(
            toFile: dir + "/tv-07.csv", atomically: true, encoding: .utf8)
        return lines.joined(separator: "\n")
    }

    /// The fields of one CSV line, `,` outside quotes separating them (quotes kept).
    static func fields(_ line: String) -> [String] {
        var out = [""]
        var quoted = false
        for c in line {
            if c == "\"" { quoted.toggle() }
            if c == ",", !quoted { out.append("") } else { out[out.count - 1].append(c) }
        }
        return out
    }

    func sealTV07() throws -> (status: Int32, out: String, err: String) {
        try avault(["seal", "tv-07.csv", "--round", "round", "--key", "keys/tv-07.key", "--passphrase-file", "pass"])
    }

    /// The worksheet has a row per unit × item with its cap; `round show` lists the items and the
    /// index rule; a bonus above its cap is refused at seal, naming the cell; nothing is written.
    @Test func bonusOverCapRefusedAtSeal() throws {
        let made = try avault(initArgs())
        #expect(made.status == 0, "\(made.err)")
        let shown = try avault(["round", "show", "round"])
        #expect(shown.out.contains("so: bonus T1 ≤ 2; penalty TR1 ≤ 2"), "\(shown.out)")
        #expect(shown.out.contains("÷ maximum × 100, at most 100"), "\(shown.out)")
        let sheet = try filledBonusWorksheet(["so-tu-phap/T1": ("2.5", "Sáng kiến")])
        #expect(sheet.contains("so-tu-phap,Sở Tư pháp,T1,Điểm thưởng: Sáng kiến"), "\(sheet)")
        #expect(sheet.contains(",TR1,\"Điểm trừ: Vi phạm"), "\(sheet)")  // quoted: the title has a ';'

        let sealed = try sealTV07()
        #expect(sealed.status != 0)
        #expect(sealed.err.contains("so-tu-phap / T1: score 2.5 is above the cap 2"), "\(sealed.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/tv-07.r1.avs"))
    }

    /// A bonus or penalty other than 0 needs a reason (empty or blank alike), naming each cell;
    /// with reasons the same values seal.
    @Test func bonusOrPenaltyWithoutReasonRefused() throws {
        #expect(try avault(initArgs()).status == 0)
        _ = try filledBonusWorksheet([
            "so-tu-phap/T1": ("0.5", ""), "so-tu-phap/TR1": ("1", "\u{00A0}"), "so-gd-dt/TR1": ("0", ""),
        ])
        let refused = try sealTV07()
        #expect(refused.status != 0)
        #expect(
            refused.err.contains("so-tu-phap / T1: the bonus or penalty 0.5 is not 0 but no reason"), "\(refused.err)")
        #expect(refused.err.contains("so-tu-phap / TR1: the bonus or penalty 1 is not 0"), "\(refused.err)")
        #expect(!refused.err.contains("so-gd-dt"), "\(refused.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/tv-07.r1.avs"))
        _ = try filledBonusWorksheet([
            "so-tu-phap/T1": ("0.5", "Sáng kiến được công nhận"), "so-tu-phap/TR1": ("1", "Chậm nộp báo cáo"),
        ])
        let sealed = try sealTV07()
        #expect(sealed.status == 0, "\(sealed.err)")
    }

    /// `--index-above-100` is stored in the signed round and shown by `round show`, as text and in
    /// `--json` with each set's bonus and penalty items.
    @Test func indexAbove100Parameter() throws {
        let made = try avault(initArgs() + ["--index-above-100"])
        #expect(made.status == 0, "\(made.err)")
        let shown = try avault(["round", "show", "round"])
        #expect(shown.out.contains("may exceed 100 (--index-above-100)"), "\(shown.out)")
        let json = try JSONOutputCLITests.object(try avault(["round", "show", "round", "--json"]).out)
        #expect(json["indexAbove100"] as? Bool == true)
        let sets = try #require(json["criteriaSets"] as? [[String: Any]])
        for set in sets {
            let bonus = try #require(set["bonus"] as? [[String: Any]])
            let penalty = try #require(set["penalty"] as? [[String: Any]])
            #expect(bonus.map { $0["code"] as? String } == ["T1"] && penalty.map { $0["code"] as? String } == ["TR1"])
            #expect(bonus.first?["cap"] as? String == "2" && penalty.first?["step"] as? String == "0.5", "\(set)")
        }
    }

    /// The demo's released report shows base, bonus, penalty and final total per unit, the index
    /// on the final total, ranks by it, and lists each bonus and penalty with its reason.
    @Test func demoReportShowsBonusAndPenalty() throws {
        let r = try avault(["demo", "--dir", "d", "--samples", Self.root + "/samples", "--keys", Self.root + "/keys"])
        #expect(r.status == 0, "\(r.err)")
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/d/report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let groups = try #require(report["groups"] as? [[String: Any]])
        var withExtras = 0
        for group in groups {
            let units = try #require(group["units"] as? [[String: Any]])
            var previous = Decimal.greatestFiniteMagnitude
            for u in units {
                func d(_ k: String) -> Decimal { Decimal(string: u[k] as? String ?? "x") ?? .nan }
                #expect(d("final") == max(0, d("appraised") + d("bonus") - d("penalty")), "\(u)")
                #expect(d("percent") == d("final") * 100 / d("max"), "\(u)")  // max 100: no rounding
                #expect(d("percent") <= previous, "ranked on the final index")
                previous = d("percent")
                let name = u["name"] as? String ?? "?"
                let s = { (k: String) in u[k] as? String ?? "?" }
                if d("bonus") != 0 || d("penalty") != 0 {
                    withExtras += 1
                    // The printed ranking line shows the final total and how it is made.
                    let line =
                        "\(name): \(s("final"))/\(s("max")) points (base \(s("appraised")) + bonus "
                        + "\(s("bonus")) − penalty \(s("penalty"))), index \(s("percent")) %"
                    #expect(r.out.contains(line), "\(line)")
                } else {
                    #expect(r.out.contains("\(name): \(s("final"))/\(s("max")) points, index"), "\(name)")
                }
            }
        }
        let listed = try #require(report["bonusAndPenalty"] as? [[String: Any]])
        #expect(withExtras > 0 && listed.count >= withExtras, "\(listed)")
        #expect(listed.allSatisfy { !($0["reason"] as? String ?? "").isEmpty })
        let html = try String(contentsOfFile: dir + "/d/report.html", encoding: .utf8)
        #expect(html.contains("<th>Điểm thưởng</th><th>Điểm trừ</th><th>Tổng điểm cuối cùng</th>"))
        #expect(html.contains("PHỤ LỤC IV. ĐIỂM THƯỞNG, ĐIỂM TRỪ (\(listed.count))"))
        #expect(html.contains("điểm thưởng, điểm trừ (\(listed.count)), kèm lý do và người thẩm định, tại Phụ lục IV"))
        let csv = try String(contentsOfFile: dir + "/d/report.csv", encoding: .utf8)
        #expect(csv.contains("tong_tham_dinh,diem_thuong,diem_tru,tong_cuoi_cung,tong_toi_da"))
    }
}
