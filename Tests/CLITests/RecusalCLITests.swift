import Foundation
import Testing

/// Recusal (spec §3.4 M5), through the built `avault`.
extension RoundCLITests {
    /// The two-set round's members with an `own_units` column; `tv01Own` is tv-01's (who holds
    /// field 1 of both sets), and tv-02 (departments' field 2 only) leads Điện Biên Phủ.
    static func recusalMembers(tv01Own: String) -> String {
        """
        id,public_key_file,codes,units,own_units
        tv-01,../keys/tv-01.pub,so:1 huyen:1,,\(tv01Own)
        tv-02,../keys/tv-02.pub,so:2,,tp-dien-bien-phu
        tv-03,../keys/tv-03.pub,so:3,,
        tv-04,../keys/tv-04.pub,so:4,,
        tv-05,../keys/tv-05.pub,so:5,,
        tv-06,../keys/tv-06.pub,so:6 so:T1 so:TR1,,
        tv-07,../keys/tv-07.pub,so:7,,
        tv-08,../keys/tv-08.pub,so:8,,

        """
    }

    /// A member assigned cells of their own unit is refused at init, naming the member and the
    /// cells; nothing is written.
    @Test func ownUnitAssignmentRefused() throws {
        let r = try avault(try twoSetArgs(members: Self.recusalMembers(tv01Own: "tx-muong-lay")))
        #expect(r.status != 0)
        #expect(r.err.contains("member tv-01 is assigned 2 cells of their own unit"), "\(r.err)")
        #expect(r.err.contains("tx-muong-lay/1.1.1"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/round/round.avr"))
        // An unknown own unit is refused too.
        let unknown = try avault(try twoSetArgs(members: Self.recusalMembers(tv01Own: "so-khong-co")))
        #expect(unknown.status != 0)
        #expect(unknown.err.contains("so-khong-co"), "\(unknown.err)")
    }

    /// A recusal that no assignment breaks is accepted and listed by `round show`; a worksheet
    /// row for a cell of the member's own unit is refused at seal.
    @Test func recusalShownAndSealRefusesOwnUnitCell() throws {
        let made = try avault(try twoSetArgs(members: Self.recusalMembers(tv01Own: "")))
        #expect(made.status == 0, "\(made.err)")
        let shown = try avault(["round", "show", "round"])
        #expect(shown.out.contains("Recusals") && shown.out.contains("tv-02: tp-dien-bien-phu"), "\(shown.out)")
        #expect(try avault(["worksheet", "--round", "round", "--member", "tv-02", "-o", "tv-02.csv"]).status == 0)
        var sheet = WorksheetLines(try String(contentsOfFile: dir + "/tv-02.csv", encoding: .utf8))
        for i in sheet.rows.indices {
            var cells = sheet.rows[i].components(separatedBy: ",")
            let n = cells.count
            cells[n - 2] = cells[n - 3].isEmpty ? cells[n - 4] : cells[n - 3]
            sheet.rows[i] = cells.joined(separator: ",")
        }
        sheet.rows.append("tp-dien-bien-phu,,1.1.1,,2,1.5,1.5,")
        try sheet.text.write(
            toFile: dir + "/tv-02.csv", atomically: true, encoding: .utf8)
        let sealed = try avault([
            "seal", "tv-02.csv", "--round", "round", "--key", "keys/tv-02.key", "--passphrase-file", "pass",
        ])
        #expect(sealed.status != 0)
        #expect(sealed.err.contains("cell tp-dien-bien-phu / 1.1.1 is not assigned to you"), "\(sealed.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/tv-02.r1.avs"))
    }
}
