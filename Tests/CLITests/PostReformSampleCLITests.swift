import Foundation
import Testing

/// The post-July-2025 sample (`samples/post-2025/`, illustrative): departments and 45 commune-level
/// units on two criteria sets, through the built `avault`.
extension RoundCLITests {
    /// `round init` accepts the sample as documented in samples/README.md: 13 departments on the
    /// departments' set `so`, 42 xã and 3 phường (group `xa-phuong`, named by the groups file) on
    /// the commune set `xa`, two recusals covered by tv-08.
    @Test func postReformSampleInit() throws {
        let fm = FileManager.default
        let source = Self.root + "/samples/post-2025"
        try fm.createDirectory(atPath: dir + "/samples/post-2025", withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: source) where name.hasSuffix(".csv") || name.hasSuffix(".json") {
            try fm.copyItem(atPath: source + "/" + name, toPath: dir + "/samples/post-2025/" + name)
        }
        let post = "samples/post-2025/"
        let made = try avault([
            "round", "init", "--framework", "so=samples/framework-so-nganh.json", "--framework",
            "xa=\(post)framework-xa.json", "--set-groups", "so=so-nganh", "--set-groups", "xa=xa-phuong",
            "--groups", post + "groups.csv", "--units", post + "units.csv", "--self-assessment",
            post + "self-assessment.csv", "--members", post + "members.csv", "--ceremony", "ceremony", "--title",
            "Thẩm định Chỉ số CCHC năm 2025 (sau sắp xếp, minh hoạ)", "--year", "2025", "--key", "keys/thu-ky.key",
            "--passphrase-file", "pass", "--out", "round", "--demo",
        ])
        #expect(made.status == 0, "\(made.err)")
        // 13 departments × 74 appraisable cells of `so` (72 sub-criteria, bonus, penalty) + 45 communes × 68 of `xa`.
        #expect(made.out.contains("\(13 * 74 + 45 * 68) appraisable cells"), "\(made.out)")
        let shown = try avault(["round", "show", "round"])
        #expect(shown.status == 0, "\(shown.err)")
        #expect(shown.out.contains("so-nganh (Sở, ban, ngành): 13 units"), "\(shown.out)")
        #expect(shown.out.contains("xa-phuong (UBND xã, phường): 45 units"), "\(shown.out)")
        #expect(shown.out.contains("xa [xa-phuong]: 8 fields, 40 criteria, 78 sub-criteria"), "\(shown.out)")
        #expect(shown.out.contains("Recusals    tv-02: so-tu-phap\n            tv-06: so-tai-chinh\n"), "\(shown.out)")
        let units = try String(contentsOfFile: dir + "/" + post + "units.csv", encoding: .utf8)
        #expect(units.components(separatedBy: ",xa-phuong").count - 1 == 45)
        #expect(units.components(separatedBy: "\nxa-").count - 1 == 42)
        #expect(units.components(separatedBy: "\nphuong-").count - 1 == 3)
    }
}
