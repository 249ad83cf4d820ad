import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// seal → receive → status → merge through the built `avault` binary on the sample round.
///
/// Members work in `members/` (their worksheets and sealed files); the secretary's side is the
/// round folder `round/`. Keys are the demo identities (passphrase `demo-appraisal-2026`).
@Suite(.serialized) struct SubmissionCLITests {
    let dir: String

    init() throws {
        dir = NSTemporaryDirectory() + "avault-submission-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/keys", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/samples", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/members", withIntermediateDirectories: true)
        let root = RoundCLITests.root
        for name in try fm.contentsOfDirectory(atPath: root + "/keys")
        where name.hasSuffix(".pub") || name.hasSuffix(".key") {
            try fm.copyItem(atPath: root + "/keys/" + name, toPath: dir + "/keys/" + name)
            if name.hasSuffix(".key") {
                try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: dir + "/keys/" + name)
            }
        }
        for name in RoundCLITests.sampleFiles {
            try fm.copyItem(atPath: root + "/samples/" + name, toPath: dir + "/samples/" + name)
        }
        try Data("demo-appraisal-2026\n".utf8).write(to: URL(fileURLWithPath: dir + "/pass"))
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: dir + "/pass")
        try DemoCeremony.copy(into: dir)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: dir) }

    /// A fresh round with tv-01's worksheet filled in, agreeing with every self score: the start
    /// of the tests that seal one submission with attachments.
    static func withAgreeingWorksheet() throws -> SubmissionCLITests {
        let s = try SubmissionCLITests()
        try s.initRound(worksheets: [1])
        let (header, rows) = try s.readWorksheet(1)
        try s.writeWorksheet(1, header: header, rows: agreeing(rows))
        return s
    }

    @discardableResult
    func avault(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        p.environment = ["LANG": "C", "PATH": "/usr/bin:/bin", "XDG_STATE_HOME": FileIOPaths.state(of: dir)]
        p.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let box = DataBox()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.data = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: box.data, as: UTF8.self))
    }

    /// `round init` on the samples into `out`, then a worksheet for each member in `members`.
    func initRound(
        _ out: String = "round", title: String = "Thẩm định Chỉ số CCHC 2025", worksheets members: [Int] = []
    ) throws {
        let made = try avault(
            ["round", "init"] + RoundCLITests.sampleSetArgs + [
                "--units", "samples/units-dien-bien.csv", "--self-assessment", "samples/self-assessment-demo.csv",
                "--members", "samples/members-demo.csv",
                "--ceremony", "ceremony", "--title", title, "--year", "2025", "--key", "keys/thu-ky.key",
                "--passphrase-file", "pass", "--out", out,
                "--demo",
            ])
        try #require(made.status == 0, "\(made.err)")
        for i in members {
            let r = try avault(["worksheet", "--round", out, "--member", member(i), "-o", "members/\(member(i)).csv"])
            try #require(r.status == 0, "\(r.err)")
        }
    }

    func member(_ i: Int) -> String { "tv-0\(i)" }

    /// A worksheet row as read back: unit, code, max, self (empty for council cells).
    struct Row {
        var fields: [String]
        var unit: String { fields[0] }
        var code: String { fields[2] }
        var max: String { fields[4] }
        var selfScore: String { fields[5] }
        var score: String {
            get { fields[6] }
            set { fields[6] = newValue }
        }
        var reason: String {
            get { fields[7] }
            set { fields[7] = newValue }
        }
    }

    func readWorksheet(_ i: Int) throws -> (header: [String], rows: [Row]) {
        let path = dir + "/members/\(member(i)).csv"
        // From the row of column names on: above it, the header block (spec §3.9).
        let table = try CSV.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path)
            .skippingExportedHeaderBlock()
        return (table.header.fields.map(\.text), table.records.map { Row(fields: $0.fields.map(\.text)) })
    }

    /// Writes rows back as the member's worksheet (BOM, CRLF, as `avault worksheet` writes).
    func writeWorksheet(_ i: Int, header: [String], rows: [Row]) throws {
        let bytes = CSV.write([header] + rows.map(\.fields), byteOrderMark: true)
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/members/\(member(i)).csv"))
    }

    /// Every row scored as the unit self-scored (council cells: the maximum), no reasons.
    static func agreeing(_ rows: [Row]) -> [Row] {
        rows.map { r in
            var r = r
            // Bonus and penalty items (codes starting with a letter, spec §3.3 F6) get 0: a value
            // other than 0 needs a reason.
            r.score = r.code.first?.isLetter == true ? "0" : r.selfScore.isEmpty ? r.max : r.selfScore
            r.reason = ""
            return r
        }
    }

    func seal(_ i: Int, revision: Int? = nil) throws -> (status: Int32, out: String, err: String) {
        try avault(
            [
                "seal", "members/\(member(i)).csv", "--round", "round/round.avr", "--key", "keys/\(member(i)).key",
                "--passphrase-file", "pass",
                "-o", "members/\(member(i)).avs",
            ] + (revision.map { ["--revision", String($0)] } ?? []))
    }

    // MARK: - seal refuses a bad worksheet

    /// Design brief §3 step 4 / §5: seal reports every problem at once, each as `avault: error:
    /// FILE:LINE…` naming the cell (unassigned, missing, above max, negative, off step,
    /// unparsable, empty, missing reason), exits 65 and writes nothing; "0,25" and "0.25" are both
    /// accepted. Once fixed, the same worksheet seals.
    @Test func sealRefusesBadWorksheetListingEveryProblem() throws {
        defer { cleanUp() }
        try initRound(worksheets: [2, 1])
        let (header, original) = try readWorksheet(2)
        var rows = Self.agreeing(original)
        let selfRows = rows.indices.filter {
            !rows[$0].selfScore.isEmpty && Points(parsing: rows[$0].selfScore)! > .zero
        }
        try #require(selfRows.count >= 9)
        let file = "members/tv-02.csv"
        func at(_ k: Int) -> (line: String, cell: String) { ("\(file):\(k + 2)", "\(rows[k].unit) / \(rows[k].code)") }
        let (above, negative, offStep, unparsable, comma, point, noReason, empty, missing) =
            (
                selfRows[0], selfRows[1], selfRows[2], selfRows[3], selfRows[4], selfRows[5], selfRows[6], selfRows[7],
                selfRows[8]
            )
        let aboveScore = (Points(parsing: rows[above].max)! + Points(parsing: "1")!).description
        rows[above].score = aboveScore
        rows[above].reason = "vượt"
        rows[negative].score = "-1"
        rows[negative].reason = "âm"
        rows[offStep].score = "0.1"
        rows[offStep].reason = "lệch bước"
        rows[unparsable].score = "0.2.5"
        rows[empty].score = ""
        rows[comma].score = rows[comma].selfScore.replacingOccurrences(of: ".", with: ",")  // accepted
        rows[point].score = Points(parsing: rows[point].selfScore)!.description  // accepted
        rows[noReason].score = "0"
        let missingCell = at(missing)
        let expected = [
            "\(at(above).line): \(at(above).cell): score \(aboveScore) is above the maximum \(rows[above].max).",
            "\(at(negative).line): \(at(negative).cell): score -1 is negative.",
            "\(at(offStep).line): \(at(offStep).cell): score 0.1 is not a multiple of the step",
            "\(at(unparsable).line):7: \"0.2.5\" is not a number of points.",
            "\(at(empty).line):7: no appraised score entered for \(at(empty).cell).",
            "\(at(noReason).line):8: \(at(noReason).cell): the appraised score 0 differs from the self score \(rows[noReason].selfScore) but no reason is given.",
            "\(file): the assigned cell \(missingCell.cell) is missing.",
        ]
        var written = rows
        written.remove(at: missing)
        // A cell assigned to tv-01, appended as the last line.
        var foreign = try readWorksheet(1).rows[0]
        foreign.score = foreign.selfScore
        written.append(foreign)
        let foreignLine =
            "\(file):\(written.count + 1): \(foreign.unit) / \(foreign.code): cell \(foreign.unit) / \(foreign.code) is not assigned to you."
        try writeWorksheet(2, header: header, rows: written)

        let r = try seal(2)
        #expect(r.status == 65, "\(r.err)")
        let lines = r.err.split(separator: "\n").map(String.init)
        for e in expected + [foreignLine] {
            #expect(lines.contains { $0.hasPrefix("avault: error: ") && $0.contains(e) }, "missing: \(e)\n\(r.err)")
        }
        #expect(
            lines.last
                == "avault: error: \(file): problems found: 8; nothing was sealed. Fix the worksheet and run again.")
        // The "0,25"-style and "0.25"-style rows raise nothing (line numbers shift by one after the removed row).
        for k in [comma, point] {
            let line = "\(file):\(k < missing ? k + 2 : k + 1):"
            #expect(!r.err.contains(line), "\(line) reported:\n\(r.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/members/tv-02.avs"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir + "/members").sorted() == [
                "tv-01.csv", "tv-02.csv",
            ])

        // Fixed (keeping the comma and point forms), it seals.
        var fixed = Self.agreeing(original)
        fixed[comma].score = rows[comma].score
        fixed[noReason].score = "0"
        fixed[noReason].reason = "Không có minh chứng"
        try writeWorksheet(2, header: header, rows: fixed)
        let ok = try seal(2)
        #expect(ok.status == 0, "\(ok.err)")
        #expect(ok.out.contains("Worksheet is valid (cells appraised: \(original.count))."))
        #expect(FileManager.default.fileExists(atPath: dir + "/members/tv-02.avs"))
    }

    // MARK: - receive refuses a tampered file

    /// Spec §6.2: receive of a file with one flipped payload byte exits 65 with `avault: error:
    /// FILE: the outer signature does not verify…`, journals a `reject` with that rule, and copies
    /// nothing; a file sealed for another round is `inbox.wrong-round`; a lower revision after a
    /// higher one is `inbox.stale`. The good file is then accepted.
    @Test func receiveRefusesTamperedWrongRoundAndStale() throws {
        defer { cleanUp() }
        try initRound(worksheets: [8])
        let (header, original) = try readWorksheet(8)
        try writeWorksheet(8, header: header, rows: Self.agreeing(original))
        #expect(try seal(8, revision: 2).status == 0)
        let good = try Array(Data(contentsOf: URL(fileURLWithPath: dir + "/members/tv-08.avs")))
        var bad = good
        bad[bad.count / 2] ^= 0x10
        try Data(bad).write(to: URL(fileURLWithPath: dir + "/members/tampered.avs"))

        let r = try avault([
            "receive", "members/tampered.avs", "--round", "round", "--key", "keys/thu-ky.key", "--passphrase-file",
            "pass",
        ])
        #expect(r.status == 65)
        #expect(r.err.contains("avault: error: members/tampered.avs: the outer signature does not verify"), "\(r.err)")
        #expect(r.out.contains("rejected: members/tampered.avs") && r.out.contains("Accepted: 0; rejected: 1."))
        #expect(!FileManager.default.fileExists(atPath: dir + "/round/submissions/tv-08.r2.avs"))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: dir + "/round/submissions")) ?? []).isEmpty)
        let round = try RoundDefinition.load(roundDirectory: dir + "/round")
        var journal = try RoundJournal.load(
            roundDirectory: dir + "/round", secretaryKey: round.secretary.signingKey, roundHash: round.fileHash)
        #expect(journal.entries.last?.event == "reject")
        #expect(journal.entries.last?.details["rule"] == .string("envelope.bad-signature"))
        #expect(journal.entries.last?.details["file"] == .string("tampered.avs"))

        // Sealed against another round: refused for its round.
        try initRound("other", title: "Vòng khác")
        try FileManager.default.moveItem(atPath: dir + "/members/tv-08.avs", toPath: dir + "/members/good.avs")
        let other = try avault(
            [
                "seal", "members/tv-08.csv", "--round", "other", "--key", "keys/tv-08.key", "--passphrase-file", "pass",
                "-o", "members/other.avs",
            ])
        #expect(other.status == 0, "\(other.err)")
        let wrong = try avault([
            "receive", "members/other.avs", "--round", "round", "--key", "keys/thu-ky.key", "--passphrase-file", "pass",
        ])
        #expect(wrong.status == 65)
        #expect(
            wrong.err.contains("avault: error: members/other.avs: this file belongs to another appraisal round."),
            "\(wrong.err)")

        // The good revision 2 is accepted; a revision 1 sealed afterwards is stale.
        let ok = try avault([
            "receive", "members/good.avs", "--round", "round", "--key", "keys/thu-ky.key", "--passphrase-file", "pass",
        ])
        #expect(ok.status == 0, "\(ok.err)")
        #expect(ok.out.contains("accepted: members/good.avs — tv-08, revision 2"))
        #expect(try seal(8, revision: 1).status == 0)
        let stale = try avault([
            "receive", "members/tv-08.avs", "--round", "round", "--key", "keys/thu-ky.key", "--passphrase-file", "pass",
        ])
        #expect(stale.status == 65)
        #expect(
            stale.err.contains("members/tv-08.avs: tv-08 revision 1 is not newer than what was already received (2)."),
            "\(stale.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/round/submissions") == ["tv-08.r2.avs"])
        journal = try RoundJournal.load(
            roundDirectory: dir + "/round", secretaryKey: round.secretary.signingKey, roundHash: round.fileHash)
        #expect(journal.entries.map(\.event) == ["round-init", "reject", "reject", "receive", "reject"])
        #expect(
            journal.entries.compactMap { $0.details["rule"] } == [
                .string("envelope.bad-signature"), .string("inbox.wrong-round"), .string("inbox.stale"),
            ])
    }

    // MARK: - S1

    /// S1 (confidentiality), end to end on the whole sample round: 8 members fill their worksheets
    /// (every 7th self-scored cell changed to a different score with a distinctive reason such as
    /// "Lý do minh hoạ số 17 [AVQ-17-X]"), seal, and the secretary receives, lists status and merges.
    ///
    /// The needles are (a) every reason, in NFC and NFD and by its ASCII tag alone (which survives
    /// any escaping of the Vietnamese letters), (b) every changed score in the exact form the
    /// submission plaintext carries it (`"reason":…,"score":"S","unit":"U"`) and (c) in the form the
    /// results plaintext carries it (`"appraised":"S","appraiser":"M","code":"C"`). Bare scores such
    /// as "0.5" are too common to search for. A control shows the needles are the right ones: they
    /// do occur in the decrypted submissions and in the results JSON recomputed from them. The
    /// test then proves that none occurs in any file under the secretary's round folder (round
    /// definition, journal, submissions, manifest, locked results), in any other file the tool left
    /// outside the members' folder, nor in the stdout/stderr of receive, status and merge.
    @Test func noScoreOrReasonReachesTheSecretarySide() throws {
        defer { cleanUp() }
        let members = Array(1...8)
        try initRound(worksheets: members)
        var needles = [Data: String]()  // needle bytes → what it is (bytes: Swift strings compare NFC = NFD)
        var changedCount = 0
        var firstReason = ""
        for i in members {
            let (header, original) = try readWorksheet(i)
            var rows = Self.agreeing(original)
            for k in rows.indices where !rows[k].selfScore.isEmpty && k % 7 == 3 {
                let own = Points(parsing: rows[k].selfScore)!
                let score = own > .zero ? Points.zero : Points(parsing: rows[k].max)!
                let n = 100 * i + k
                let tag = "AVQ-\(n)-X"
                let reason = "Lý do minh hoạ số \(n) [\(tag)]"
                // Half the changed scores written with a decimal comma, as Vietnamese spreadsheets do.
                rows[k].score =
                    k % 2 == 0 ? score.description.replacingOccurrences(of: ".", with: ",") : score.description
                rows[k].reason = reason
                needles[Data(reason.utf8)] = "reason"
                if firstReason.isEmpty { firstReason = reason }
                needles[Data(reason.decomposedStringWithCanonicalMapping.utf8)] = "reason (NFD)"
                needles[Data(tag.utf8)] = "reason tag"
                needles[Data("\"reason\":\"\(reason)\",\"score\":\"\(score)\",\"unit\":\"\(rows[k].unit)\"".utf8)] =
                    "submission row"
                needles[
                    Data("\"appraised\":\"\(score)\",\"appraiser\":\"\(member(i))\",\"code\":\"\(rows[k].code)\"".utf8)] =
                    "results cell"
                changedCount += 1
            }
            try writeWorksheet(i, header: header, rows: rows)
            let r = try seal(i)
            try #require(r.status == 0, "\(r.err)")
        }
        #expect(changedCount > 200)
        #expect(needles.values.filter { $0 == "reason (NFD)" }.count == changedCount)
        func show(_ d: Data) -> String { String(decoding: d, as: UTF8.self) }

        let pass = ["--key", "keys/thu-ky.key", "--passphrase-file", "pass"]
        var outputs = [String]()
        let received = try avault(
            ["receive"] + members.map { "members/\(member($0)).avs" } + ["--round", "round"] + pass)
        #expect(received.status == 0, "\(received.err)")
        let status = try avault(["status", "--round", "round"])
        #expect(status.status == 0 && status.out.contains("8/8 members have submitted."))
        let merged = try avault(["merge", "--round", "round", "--without-survey"] + pass)
        #expect(merged.status == 0, "\(merged.err)")
        // 19 departments × 72 appraisable sub-criteria of `so` + 10 districts × 69 of `huyen`, and a bonus and a penalty item per unit.
        #expect(merged.out.contains("Coverage: 2116/2116 cells appraised; 0 gaps; 0 conflicts."), "\(merged.out)")
        for r in [received, status, merged] { outputs += [r.out, r.err] }

        // Control: the needles are what the plaintexts actually contain.
        let round = try RoundDefinition.load(roundDirectory: dir + "/round")
        let secretary = try KeyFile.load(dir + "/keys/thu-ky.key").unlock(
            passphrase: SecretBytes(copying: Array("demo-appraisal-2026".utf8)))
        var plaintexts = [UInt8]()
        var submissions = [String: [Appraisal]]()
        for i in members {
            let path = dir + "/round/submissions/\(member(i)).r1.avs"
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            let plain = try SealedEnvelope(parsing: bytes, expecting: .submission, file: path).open(
                with: secretary.encryptionKey)
            plaintexts += plain
            submissions[member(i)] = try SubmissionContent(parsing: plain, file: path).rows
        }
        let results = Merge.run(round.plan, roundHash: round.fileHash, submissions: submissions, survey: nil).results
        plaintexts += CanonicalJSON.serialize(results.json)
        let plaintextBytes = Data(plaintexts)
        // (A sample per kind keeps the debug-build search short; every needle is built the same way.)
        for kind in ["reason", "reason tag", "submission row", "results cell"] {
            let sample = needles.filter { $0.value == kind }.keys.sorted { $0.lexicographicallyPrecedes($1) }.prefix(12)
            #expect(sample.count == 12)
            for needle in sample {
                #expect(
                    plaintextBytes.range(of: needle) != nil, "control: \(kind) \(show(needle)) not in the plaintexts")
            }
        }

        // Every file on the secretary's side: everything except the members' own folder and the inputs.
        let fm = FileManager.default
        var files = [String]()
        let walker = try #require(fm.enumerator(atPath: dir))
        while let relative = walker.nextObject() as? String {
            if relative.hasPrefix("members") || relative.hasPrefix("keys") || relative.hasPrefix("samples")
                || relative.hasPrefix("ceremony")
                || relative == "pass"
            {
                continue
            }
            if !fm.isDirectory(dir + "/" + relative) { files.append(relative) }
        }
        #expect(
            Set(files).isSuperset(of: [
                "round/round.avr", "round/journal.avj", "round/manifest.avm", "round/results.avl",
                "round/submissions/tv-01.r1.avs", "round/" + RoundLayout.lockFileName,
            ]))
        // 4 round files, 8 submissions, their 8 receipts (spec §11.3), this machine's pin (§11.1),
        // the round's lock file (§6.1).
        #expect(files.count == 4 + 8 + 8 + 1 + 1, "\(files.sorted())")
        // Every needle contains one of these anchors, so a file without any anchor holds no needle;
        // a file with an anchor is searched needle by needle.
        let anchors = ["AVQ-", "\"appraiser\":\"tv-0"].map { Data($0.utf8) }
        for (needle, _) in needles {
            #expect(anchors.contains { needle.range(of: $0) != nil }, "\(show(needle)) has no anchor")
        }
        for relative in files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + relative))
            guard anchors.contains(where: { bytes.range(of: $0) != nil }) else { continue }
            for (needle, kind) in needles {
                #expect(bytes.range(of: needle) == nil, "\(kind) \(show(needle)) found in \(relative)")
            }
        }
        for text in outputs {
            for (needle, kind) in needles {
                #expect(Data(text.utf8).range(of: needle) == nil, "\(kind) \(show(needle)) printed")
            }
        }
        // And the members' own worksheets do hold the reasons (the needles are not vacuous there either).
        let worksheet = try String(contentsOfFile: dir + "/members/tv-01.csv", encoding: .utf8)
        #expect(!firstReason.isEmpty && worksheet.contains(firstReason))
    }
}

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
