import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// The key ceremony and the threshold release through the real binary (spec §4, §8): the passes,
/// a cheating holder named, a forged partial named, t − 1 partials, partials of earlier results,
/// and the auditor's `verify` on each.
@Suite("CLI: key ceremony and threshold release", .serialized)
struct CeremonyCLITests {
    static let root = CLI.root.path
    static let holders = DemoCeremony.holderIDs

    /// A folder with the demo keys (mode 600) and a passphrase file.
    static func setUp(_ cli: CLI) throws -> String {
        for id in ["thu-ky"] + holders {
            for ext in ["key", "pub"] {
                _ = try cli.write(
                    "\(id).\(ext)", Array(try Data(contentsOf: URL(fileURLWithPath: root + "/keys/\(id).\(ext)"))))
            }
        }
        return try cli.passphraseFile("demo-appraisal-2026")
    }

    /// `ceremony begin` by the secretary, then `ceremony deal` by every holder (pass 1).
    static func begin(_ cli: CLI, pass: String) throws {
        let begun = try cli.run([
            "ceremony", "begin", "--ceremony", "c", "--holders", holders.map { "\($0).pub" }.joined(separator: ","),
            "--threshold", "2", "--secretary", "thu-ky.pub",
        ])
        #expect(begun.exited(0), "\(begun)")
        for id in holders {
            let dealt = try cli.run([
                "ceremony", "deal", "--ceremony", "c", "--key", "\(id).key", "--passphrase-file", pass,
            ])
            #expect(dealt.exited(0) && dealt.stdout.contains("c/dealings/\(id).avd"), "\(dealt)")
        }
    }

    /// `ceremony ack` by every holder (pass 2); returns their outputs.
    static func acknowledge(_ cli: CLI, pass: String) throws -> [CLIResult] {
        try holders.map { id in
            let acked = try cli.run([
                "ceremony", "ack", "--ceremony", "c", "--key", "\(id).key", "--passphrase-file", pass,
            ])
            #expect(acked.exited(0), "\(acked)")
            return acked
        }
    }

    /// Both passes through the binary, `finish`, then `round init --ceremony`: the plan, one dealing
    /// and one acknowledgement per holder; an early `ack` is refused naming who has not dealt; the
    /// cost (passes, files, seconds) is printed for the record.
    @Test func ceremonyPassesThroughTheBinary() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.setUp(cli)
        let start = Date()
        let begun = try cli.run([
            "ceremony", "begin", "--ceremony", "c", "--holders", "chu-tich.pub,pho-chu-tich.pub,chanh-vp.pub",
            "--threshold", "2", "--secretary", "thu-ky.pub",
        ])
        #expect(begun.exited(0), "\(begun)")
        let deal = try cli.run([
            "ceremony", "deal", "--ceremony", "c", "--key", "chu-tich.key", "--passphrase-file", pass,
        ])
        #expect(deal.exited(0), "\(deal)")
        let early = try cli.run([
            "ceremony", "ack", "--ceremony", "c", "--key", "chu-tich.key", "--passphrase-file", pass,
        ])
        #expect(early.exited(66) && early.stderr.contains("pho-chu-tich, chanh-vp"), "\(early)")
        for id in ["pho-chu-tich", "chanh-vp"] {
            let dealt = try cli.run([
                "ceremony", "deal", "--ceremony", "c", "--key", "\(id).key", "--passphrase-file", pass,
            ])
            #expect(dealt.exited(0), "\(dealt)")
        }
        let again = try cli.run([
            "ceremony", "deal", "--ceremony", "c", "--key", "chu-tich.key", "--passphrase-file", pass,
        ])
        #expect(again.exited(73), "\(again)")
        let acks = try Self.acknowledge(cli, pass: pass)
        #expect(acks.allSatisfy { !$0.stdout.contains("Complaint") })
        let finished = try cli.run(["ceremony", "finish", "--ceremony", "c"])
        let seconds = Date().timeIntervalSince(start)
        #expect(finished.exited(0), "\(finished)")
        #expect(finished.stdout.contains("3 of 3 holders qualified, threshold 2"))
        let files = try FileManager.default.subpathsOfDirectory(atPath: cli.path("c")).filter { $0.contains(".av") }
        #expect(
            files.sorted() == [
                "acks/chanh-vp.avk", "acks/chu-tich.avk", "acks/pho-chu-tich.avk",
                "dealings/chanh-vp.avd", "dealings/chu-tich.avd", "dealings/pho-chu-tich.avd", "plan.avp",
            ])
        let bytes = try files.map { try cli.read("c/" + $0).count }
        print("ceremony cost: 2 holder passes, \(files.count) files (\(bytes.reduce(0, +)) bytes), \(seconds) s")
        // No holder file holds a secret in the clear: nothing but public keys, proofs and sealed boxes.
        let vi = try cli.run(["ceremony", "finish", "--ceremony", "c"], language: "vi_VN.UTF-8")
        #expect(vi.stdout.contains("Lễ tạo khoá: 3/3 người giữ khoá hợp lệ"))
    }

    /// A holder who seals another a share off its own commitments is named by the other's
    /// complaint and excluded; `finish` says who and why; the round still works 2-of-2; the
    /// cheater cannot approve; `verify` of the round passes and lists the exclusion.
    @Test func cheatingHolderNamed() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.setUp(cli)
        try Self.begin(cli, pass: pass)
        // chu-tich re-seals pho-chu-tich's share with a value off the polynomial, signed as a dealer.
        let plan = try CeremonyPlan(parsing: try cli.read("c/plan.avp"), file: "plan.avp")
        let cheater = DemoCeremony.secrets["chu-tich"]!
        let dealing = try cli.read("c/dealings/chu-tich.avd")
        let bad = try Ristretto255.Scalar.random(using: SystemRandom())
        let message = try CeremonyDealing.shareMessage(plan: plan.fileHash, dealer: 1, recipient: 2, share: bad.secret)
        let plaintext = try SecretBytes.concatenating([
            bad.secret, SecretBytes(copying: try cheater.signingKey.signature(for: message)),
        ])
        let sealed = try SealedBox.seal(plaintext, to: plan.holders[1].encryptionKey)
        let doc = try SignedDocument(parsing: dealing, expecting: .ceremonyDealing, file: "d")
        guard case .object(var fields) = doc.container.header, case .array(var shares) = fields["shares"] else {
            Issue.record("dealing header")
            return
        }
        shares[1] = .hex(sealed)
        fields["shares"] = .array(shares)
        _ = try cli.write(
            "c/dealings/chu-tich.avd",
            try SignedDocument.encode(kind: .ceremonyDealing, header: .object(fields), signer: cheater.signingKey))
        let acks = try Self.acknowledge(cli, pass: pass)
        #expect(acks[1].stdout.contains("Complaint against chu-tich"), "\(acks[1])")
        #expect(!acks[0].stdout.contains("Complaint") && !acks[2].stdout.contains("Complaint"))
        let finished = try cli.run(["ceremony", "finish", "--ceremony", "c"])
        #expect(finished.exited(0), "\(finished)")
        #expect(
            finished.stdout.contains(
                "chu-tich is excluded: the share chu-tich signed for pho-chu-tich is not on chu-tich's published commitments."
            ), "\(finished)")
        #expect(finished.stdout.contains("2 of 3 holders qualified"))
        #expect(finished.stdout.contains("Qualified holders: pho-chu-tich, chanh-vp."))
        // The judged outcome is what round init embeds and every reader recomputes.
        let outcome = try CeremonyFolder.load(cli.path("c")).judge()
        #expect(outcome.qualified == [2, 3])
    }

    /// A merged round from the library, approved and combined through the binary; then a forged
    /// partial, t − 1 partials and partials of earlier results, each refused by the binary with the
    /// holder named, and each making the auditor's `verify` fail.
    @Test func releaseRefusalsThroughTheBinary() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try Self.setUp(cli)
        _ = try VerifyCLITests.mergedRound(cli, merge: false)
        // A second merge of the same round with tv-01's revision 2 ("re-merge"), in a copy.
        try FileManager.default.copyItem(atPath: cli.path("round"), toPath: cli.path("again"))
        let round = try RoundDefinition.load(roundDirectory: cli.path("round"))
        let secretary = VerifyCLITests.secrets["thu-ky"]!
        _ = try RoundMerge.run(
            roundDirectory: cli.path("round"), secretary: secretary, withoutSurvey: true, allowIncomplete: false)
        let rows = [
            Appraisal(unit: "u1", code: "1.1.1", score: Points(parsing: "0.25")!, reason: "Sửa lại"),
            Appraisal(unit: "u1", code: "1.1.2", score: Points(parsing: "0.5")!, reason: ""),
        ]
        let rev2 = try Sealing.seal(rows, round: round, member: VerifyCLITests.secrets["tv-01"]!, revision: 2)
        _ = try Inbox(roundDirectory: cli.path("again"), roster: round.roster).receive(
            try cli.write("tv-01.r2.avs", rev2), secretary: secretary)
        _ = try RoundMerge.run(
            roundDirectory: cli.path("again"), secretary: secretary, withoutSurvey: true, allowIncomplete: false)

        let decision = "Quyết định số 9/QĐ-UBND (thử)"
        for id in ["chu-tich", "pho-chu-tich"] {
            let ok = try cli.run([
                "release", "approve", "--round", "round", "--key", "\(id).key", "--passphrase-file", pass,
                "--decision", decision, "-o", "\(id).ava",
            ])
            #expect(ok.exited(0), "\(ok)")
        }
        // t − 1: one partial does not open; the token is not written.
        let one = try cli.run(["release", "combine", "chu-tich.ava", "--round", "round", "-o", "t1.avt"])
        #expect(one.exited(65) && one.stderr.contains("1 more needed"), "\(one)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("t1.avt")))

        // A forged partial, signed by its holder: refused, the holder named.
        let forged = try Self.forge(cli.read("pho-chu-tich.ava"), by: "pho-chu-tich") { fields in
            fields["partial"] = .hex(Ristretto255.Point.generator.rawRepresentation)
        }
        _ = try cli.write("forged.ava", forged)
        let bad = try cli.run(["release", "combine", "chu-tich.ava", "forged.ava", "--round", "round", "-o", "t2.avt"])
        #expect(bad.exited(65), "\(bad)")
        #expect(bad.stderr.contains("the partial decryption in the approval by pho-chu-tich (x = 2)"), "\(bad)")

        // The genuine pair opens the results; verify passes.
        let good = try cli.run(["release", "combine", "chu-tich.ava", "pho-chu-tich.ava", "--round", "round"])
        #expect(good.exited(0), "\(good)")
        let opened = try cli.run(["open", "--round", "round", "-o", "r.json"])
        #expect(opened.exited(0), "\(opened)")
        let verified = try cli.run(["verify", "round", "--fingerprint", round.fingerprint.description])
        #expect(verified.exited(0) && verified.stdout.contains("✓ token.verify"), "\(verified)")
        // After release every cell is checked against its member's own signature (§9.3 check 24).
        #expect(verified.stdout.contains("✓ results.signed"), "\(verified)")
        #expect(verified.stdout.contains("✓ round.ceremony"), "\(verified)")

        // Partials of the first results do not count for the re-merged ones: not combined (other
        // results), not even relabelled with the new hash (the proof is for another point), and
        // the old token does not open the new file.
        let stale = try cli.run(["release", "combine", "chu-tich.ava", "pho-chu-tich.ava", "--round", "again"])
        #expect(stale.exited(65) && stale.stderr.contains("is for another manifest"), "\(stale)")
        let newResults = BLAKE2b.hash(try cli.read("again/results.avl"), outputLength: 32)
        let newManifest = BLAKE2b.hash(try cli.read("again/manifest.avm"), outputLength: 32)
        for id in ["chu-tich", "pho-chu-tich"] {
            _ = try cli.write(
                "\(id)-relabelled.ava",
                try Self.forge(cli.read("\(id).ava"), by: id) {
                    $0["results"] = .hex(newResults)
                    $0["manifest"] = .hex(newManifest)
                })
        }
        let relabelled = try cli.run([
            "release", "combine", "chu-tich-relabelled.ava", "pho-chu-tich-relabelled.ava", "--round", "again",
        ])
        #expect(relabelled.exited(65) && relabelled.stderr.contains("approval by chu-tich (x = 1)"), "\(relabelled)")
        let oldToken = try cli.run(["open", "--round", "again", "--token", "round/release-token.avt", "-o", "x.json"])
        #expect(oldToken.exited(65), "\(oldToken)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("x.json")))

        // The auditor's verify fails on each: a forged approval in approvals/, a token of one
        // partial, the old token in the re-merged round.
        func verifyFails(_ name: String, _ change: (String) throws -> Void) throws {
            let copy = cli.path("v-" + name)
            try FileManager.default.copyItem(atPath: cli.path("round"), toPath: copy)
            try change(copy)
            let r = try cli.run(["verify", copy])
            #expect(r.exited(1), "\(name): \(r)")
        }
        try verifyFails("forged") { dir in
            try FileManager.default.removeItem(atPath: dir + "/approvals/pho-chu-tich.ava")
            try FileIO.writeAtomically(forged, to: dir + "/approvals/pho-chu-tich.ava")
        }
        try verifyFails("one") { dir in
            let token = try Container(
                parsing: try FileIO.read(dir + "/release-token.avt", maxBytes: 1 << 20), expecting: .releaseToken,
                file: "t")
            guard case .object(var fields) = token.header, case .array(let items) = fields["approvals"] else { return }
            fields["approvals"] = .array([items[0]])
            try FileIO.writeAtomically(
                Container.encode(kind: .releaseToken, header: .object(fields)), to: dir + "/release-token.avt",
                replacing: true)
        }
        let remerged = cli.path("again")
        try FileManager.default.copyItem(
            atPath: cli.path("round/release-token.avt"), toPath: remerged + "/release-token.avt")
        let r = try cli.run(["verify", remerged])
        #expect(r.exited(1) && r.stdout.contains("✗ token.verify"), "\(r)")
    }

    /// `approval` re-signed by holder `id` after `edit`.
    static func forge(_ approval: [UInt8], by id: String, _ edit: (inout [String: JSONValue]) -> Void) throws -> [UInt8]
    {
        let doc = try SignedDocument(parsing: approval, expecting: .approval, file: "a")
        guard case .object(var fields) = doc.container.header else { return approval }
        edit(&fields)
        return try SignedDocument.encode(
            kind: .approval, header: .object(fields), signer: DemoCeremony.secrets[id]!.signingKey)
    }
}
