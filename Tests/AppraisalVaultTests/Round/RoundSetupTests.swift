import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

@Suite("Round setup")
struct RoundSetupTests {
    /// One key in two roles is refused (spec §3).
    @Test func sharedKeyAcrossRolesIsRefused() throws {
        let a = try SecretIdentity.generate(id: "a", name: "A", role: .member, isDemo: false).identity
        let b = try SecretIdentity.generate(id: "b", name: "B", role: .holder, isDemo: false).identity
        #expect(throws: Never.self) { try RoundSetup.checkDistinctKeys([a, b]) }
        let clone = PublicIdentity(
            id: "c", name: "C", role: .holder, signingKey: a.signingKey, encryptionKey: b.encryptionKey,
            created: a.created,
            isDemo: false)
        let error = #expect(throws: (any Error).self) { try RoundSetup.checkDistinctKeys([a, b, clone]) }
        #expect(error?.errorID == RoundError.Code.sharedKey.rawValue)
    }

    static func sources(_ fx: RoundFixtures, threshold: Int, singleHolder: Bool) throws -> RoundSetup.Sources {
        RoundSetup.Sources(
            framework: try fx.write("framework.csv", RoundFixtures.frameworkCSV),
            units: try fx.write("units.csv", RoundFixtures.unitsCSV),
            selfAssessment: try fx.write("self.csv", RoundFixtures.selfCSV),
            members: try fx.write("members.csv", RoundFixtures.membersCSV),
            holders: ["chu-tich", "pho-chu-tich", "chanh-vp"].map { fx.folder + "/keys/\($0).pub" },
            threshold: threshold, title: "Vòng thử", year: 2025, isDemo: true, singleHolder: singleHolder)
    }

    /// A threshold of 1 (one holder alone opens the results) is refused unless accepted
    /// explicitly; the refusal needs no file (`thresholdRefusal`) and `load` makes it too.
    @Test func thresholdOneNeedsSingleHolder() throws {
        let fx = try RoundFixtures()
        defer { try? FileManager.default.removeItem(atPath: fx.folder) }
        let refused = try Self.sources(fx, threshold: 1, singleHolder: false)
        #expect(refused.thresholdRefusal == ReleaseError(.singleHolder))
        let problems = #expect(throws: InputProblems.self) { try RoundSetup.load(refused) }
        #expect(problems?.errors.map(\.messageID) == ["release.single-holder"])
        let accepted = try RoundSetup.load(try Self.sources(fx, threshold: 1, singleHolder: true))
        #expect(accepted.threshold == 1)
        #expect(try Self.sources(fx, threshold: 2, singleHolder: false).thresholdRefusal == nil)
    }

    /// A title or reference that is blank (spec §1.3) or holds a bidi control is refused.
    @Test func blankOrBidiTitleRefused() throws {
        let fx = try RoundFixtures()
        defer { try? FileManager.default.removeItem(atPath: fx.folder) }
        for title in ["\u{00A0}\u{3000}", "Vòng \u{202E}thử"] {
            var s = try Self.sources(fx, threshold: 2, singleHolder: false)
            s.title = title
            let problems = #expect(throws: InputProblems.self) { try RoundSetup.load(s) }
            #expect(problems?.errors.map(\.messageID) == ["round.bad-title"])
        }
        var s = try Self.sources(fx, threshold: 2, singleHolder: false)
        s.references = ["QĐ\u{2067}04"]
        let problems = #expect(throws: InputProblems.self) { try RoundSetup.load(s) }
        #expect(problems?.errors.map(\.messageID) == ["round.bad-reference"])
    }

    /// Every input CSV of `round init` refuses control and bidi characters with file:line:column,
    /// and skips a row of bare separators (spec §3.8).
    @Test func inputFilesTextRules() throws {
        let fx = try RoundFixtures()
        defer { try? FileManager.default.removeItem(atPath: fx.folder) }
        var s = try Self.sources(fx, threshold: 2, singleHolder: false)
        s.units = try fx.write("units-bidi.csv", "id,name,group\nu1,Sở \u{202E}Một,so-nganh\nu2,UBND huyện Hai,huyen\n")
        var problems = #expect(throws: InputProblems.self) { try RoundSetup.load(s) }
        #expect(problems?.errors.map(\.messageID) == ["input.bidi-control"])
        #expect(problems?.errors.first?.context.line == 2)
        #expect(problems?.errors.first?.context.column == 2)
        s = try Self.sources(fx, threshold: 2, singleHolder: false)
        s.selfAssessment = try fx.write(
            "self-esc.csv", "unit,code,score,note\nu1,1.1.1,\"0,75\",\u{1B}[2J\nu2,1.1.1,1,\n")
        problems = #expect(throws: InputProblems.self) { try RoundSetup.load(s) }
        #expect(problems?.errors.map(\.messageID) == ["input.control-character"])
        s = try Self.sources(fx, threshold: 2, singleHolder: false)
        s.units = try fx.write(
            "units-excel.csv", "id,name,group\r\nu1,Sở Một,so-nganh\r\n,,\r\nu2,UBND huyện Hai,huyen\r\n,,\r\n")
        #expect(try RoundSetup.load(s).units.map(\.id) == ["u1", "u2"])
    }
}
