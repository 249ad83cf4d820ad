import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// Forged and misdirected notices (spec §12.3 "Reading", §9.2 check 14b), through the built
/// `avault`: a notice of another round, one not signed by the round's secretary, and one sealed to
/// another unit's key. `notice open --round` refuses each before the passphrase; `verify` fails
/// check 14b naming the rule when the file is put in `notices/`.
extension NoticeCLITests {
    /// u1's notice as the preliminary merge wrote it, opened with u1's key (unlocked in process).
    static func ownNotice(_ cli: CLI) throws -> UnitNotice {
        let key = try KeyFile(parsing: try FileIO.read(cli.path("keys/u1.key"), maxBytes: 1 << 16), file: "u1.key")
            .unlock(passphrase: try SecretBytes(copying: Array("đơn vị thử nghiệm một hai".utf8)))
        return try NoticeFile.load(cli.path("round/notices/u1.avn")).open(with: key)
    }

    /// `notice` with another round hash (content and header agree, as in a real other round's notice).
    static func retargeted(_ n: UnitNotice, round: [UInt8]? = nil, secretary: PublicIdentity? = nil) -> UnitNotice {
        UnitNotice(
            round: round ?? n.round, unit: n.unit, unitName: n.unitName, roundTitle: n.roundTitle, year: n.year,
            answerBy: n.answerBy, secretary: secretary ?? n.secretary, cells: n.cells)
    }

    /// Puts `bytes` in place of u1's notice in a copy of the round and returns verify's JSON output.
    static func verifyWith(_ cli: CLI, _ bytes: [UInt8], copy: String) throws -> CLIResult {
        try FileManager.default.copyItem(atPath: cli.path("round"), toPath: cli.path(copy))
        try FileIO.writeAtomically(bytes, to: cli.path("\(copy)/notices/u1.avn"), replacing: true)
        return try cli.run(["verify", copy, "--json"])
    }

    @Test func forgedNoticesRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.submittedRound(cli)
        #expect(try Self.preliminary(cli, pass: pass.demo).exited(0))
        let own = try Self.ownNotice(cli)
        let secretary = VerifyCLITests.secrets["thu-ky"]!
        let u1 = try PublicIdentity.load(cli.path("keys/u1.pub"))
        let u2 = try PublicIdentity.load(cli.path("keys/u2.pub"))
        let created = "2026-01-20T08:00:00Z"

        // 1. A notice of another round: the same secretary and unit key, another round hash.
        let otherRound = [UInt8](repeating: 0xAB, count: 32)
        let foreign = try NoticeFile.seal(
            Self.retargeted(own, round: otherRound), secretary: secretary, to: u1, created: created,
            using: SystemRandom())
        _ = try cli.write("other-round.avn", foreign)
        let checked = try Self.open(
            cli, "other-round.avn", key: "keys/u1.key", pass: pass.unit, ["--round", "round", "--html", "o.html"])
        #expect(checked.status == 65, "\(checked)")
        #expect(checked.stderr.contains("other-round.avn: this notice is for another round."), "\(checked.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("o.html")))
        // Without the round the unit cannot check the binding: the round hash shown is the other one.
        let unchecked = try Self.open(cli, "other-round.avn", key: "keys/u1.key", pass: pass.unit)
        #expect(unchecked.exited(0), "\(unchecked)")
        #expect(unchecked.stdout.contains(Hex.encode(otherRound)), "\(unchecked.stdout)")
        #expect(unchecked.stdout.contains("Check the secretary's fingerprint"), "\(unchecked.stdout)")
        let v1 = try Self.verifyWith(cli, foreign, copy: "r1")
        #expect(v1.status == 1, "\(v1)")
        #expect(v1.stdout.contains(#""id":"notice.files","message":"notice.wrong-round""#), "\(v1.stdout)")

        // 2. Not signed by the round's secretary: a forger's own key named like the secretary.
        let forger = try SecretIdentity.generate(
            id: secretary.identity.id, name: secretary.identity.name, role: .secretary, isDemo: true)
        let forged = try NoticeFile.seal(
            Self.retargeted(own, secretary: forger.identity), secretary: forger, to: u1, created: created,
            using: SystemRandom())
        _ = try cli.write("forged.avn", forged)
        let refused = try Self.open(cli, "forged.avn", key: "keys/u1.key", pass: pass.unit, ["--round", "round"])
        #expect(refused.status == 65, "\(refused)")
        #expect(
            refused.stderr.contains("forged.avn: signed by thu-ky, who is not this round's secretary"),
            "\(refused.stderr)")
        // Without the round it opens, and the fingerprint shown is the forger's, not the secretary's.
        let shown = try Self.open(cli, "forged.avn", key: "keys/u1.key", pass: pass.unit)
        #expect(shown.exited(0), "\(shown)")
        #expect(shown.stdout.contains(forger.identity.fingerprint.description), "\(shown.stdout)")
        #expect(!shown.stdout.contains(secretary.identity.fingerprint.description), "\(shown.stdout)")
        // With only the secretary's public file (no round folder) the forgery is refused too,
        // and the genuine notice opens.
        let bySecretary = try Self.open(
            cli, "forged.avn", key: "keys/u1.key", pass: pass.unit, ["--secretary", "keys/thu-ky.pub"])
        #expect(bySecretary.status == 65, "\(bySecretary)")
        #expect(bySecretary.stderr.contains("forged.avn: signed by thu-ky"), "\(bySecretary.stderr)")
        #expect(!bySecretary.stdout.contains("1.1.1"), "\(bySecretary.stdout)")
        let genuine = try Self.open(
            cli, "round/notices/u1.avn", key: "keys/u1.key", pass: pass.unit, ["--secretary", "keys/thu-ky.pub"])
        #expect(genuine.exited(0), "\(genuine)")
        let memberFile = try Self.open(
            cli, "round/notices/u1.avn", key: "keys/u1.key", pass: pass.unit, ["--secretary", "keys/tv-01.pub"])
        #expect(memberFile.status == 65, "a member's public file is not a secretary: \(memberFile)")
        let v2 = try Self.verifyWith(cli, forged, copy: "r2")
        #expect(v2.status == 1, "\(v2)")
        #expect(v2.stdout.contains(#""id":"notice.files","message":"notice.not-secretary""#), "\(v2.stdout)")

        // 3. u1's notice sealed to u2's key: u1 cannot open it, u2 is refused (it is u1's), and
        // with the round it is not sealed to the key the round lists for u1.
        let misdirected = try NoticeFile.seal(
            own, secretary: secretary, to: u2, created: created, using: SystemRandom())
        _ = try cli.write("misdirected.avn", misdirected)
        let notForU1 = try Self.open(cli, "misdirected.avn", key: "keys/u1.key", pass: pass.unit)
        #expect(notForU1.status != 0, "\(notForU1)")
        #expect(notForU1.stderr.contains("misdirected.avn: the file is not encrypted to this key."), "\(notForU1)")
        #expect(!notForU1.stdout.contains("1.1.1"), "\(notForU1.stdout)")
        let byU2 = try Self.open(cli, "misdirected.avn", key: "keys/u2.key", pass: pass.unit)
        #expect(byU2.status != 0)
        #expect(byU2.stderr.contains("this notice is for unit u1, not for u2"), "\(byU2.stderr)")
        let bound = try Self.open(cli, "misdirected.avn", key: "keys/u1.key", pass: pass.unit, ["--round", "round"])
        #expect(bound.status == 65, "\(bound)")
        #expect(bound.stderr.contains("not sealed to the key the round lists for unit u1"), "\(bound.stderr)")
        let v3 = try Self.verifyWith(cli, misdirected, copy: "r3")
        #expect(v3.status == 1, "\(v3)")
        #expect(v3.stdout.contains(#""id":"notice.files","message":"notice.wrong-recipient""#), "\(v3.stdout)")
        // The untouched round still verifies.
        let clean = try cli.run(["verify", "round", "--json"])
        #expect(clean.stdout.contains(#""id":"notice.files","message":"verify.notices-ok""#), "\(clean.stdout)")
    }
}
