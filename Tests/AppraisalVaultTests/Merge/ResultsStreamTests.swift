import Testing
import VaultCrypto

@testable import AppraisalVault

/// The streaming results writer (``CanonicalResultsSource``) and sealing
/// (``RoundMerge/sealResults(_:to:round:secretary:created:using:)``) against the in-memory forms.
@Suite("Streamed results ≡ canonicalJSON; streamed sealing ≡ SealedEnvelope.seal")
struct ResultsStreamTests {
    /// Results of a random plan with `count` signed submissions (possibly none).
    static func results(seed: UInt64, submissions count: Int) -> Results {
        var g = SeededRandom(seed)
        let plan = MergeDenseTests.plan(&g)
        let merged = Merge.run(
            plan, roundHash: [UInt8](repeating: 1, count: 32), submissions: MergeDenseTests.submissions(plan, &g),
            survey: nil)
        var results = merged.results
        results.submissions = (0..<count).map { i in
            let content = SubmissionContent(
                member: "m\(i)", revision: i + 1, round: [UInt8](repeating: 1, count: 32),
                rows: (0..<(i * 37 % 50)).map {
                    Appraisal(unit: "u\($0)", code: "1.1.1", score: MergeDenseTests.p("0.5"), reason: "Lý do \"\($0)\"")
                }
            ).encoded()
            return Results.SignedSubmission(
                member: "m\(i)", revision: i + 1, fileHash: [UInt8](repeating: UInt8(i), count: 32),
                contentBytes: content, innerSignature: [UInt8](repeating: 4, count: 64))
        }
        return results
    }

    /// Read in blocks of every size from 1 byte to more than the document, the source gives the
    /// bytes of `canonicalJSON()`, counted exactly, and then nothing.
    @Test(arguments: [0, 1, 3])
    func sourceEqualsCanonicalJSON(submissions: Int) throws {
        for seed in 0..<8 as Range<UInt64> {
            let results = Self.results(seed: 900 + seed, submissions: submissions)
            let expected = results.canonicalJSON()
            for block in [1, 2, 7, 64, 1000, 4096, expected.count, expected.count + 5] {
                let source = CanonicalResultsSource(results)
                #expect(source.size == expected.count)
                var got = [UInt8]()
                var buffer = [UInt8](repeating: 0, count: block)
                while true {
                    let n = try buffer.withUnsafeMutableBytes { try source.read(at: got.count, into: $0) }
                    got += buffer[0..<n]
                    if n < block { break }
                }
                #expect(got == expected)
                #expect(source.isExhausted)
            }
        }
    }

    /// Reads a source to its end in blocks of `block` bytes.
    static func readAll(_ source: CanonicalResultsSource, block: Int) throws -> [UInt8] {
        var got = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: block)
        while true {
            let n = try buffer.withUnsafeMutableBytes { try source.read(at: got.count, into: $0) }
            got += buffer[0..<n]
            if n < block { return got }
        }
    }

    /// The merge as `avault merge` streams it — each submission folded, the units kept without
    /// their cells and written from the fold, their sizes as measured — gives `Merge.run`'s
    /// coverage and the bytes of its results, on random plans, submissions and surveys.
    @Test(arguments: 0..<4)
    func foldedStreamEqualsMergeRun(seed: UInt64) throws {
        var g = SeededRandom(8100 + seed)
        for _ in 0..<40 {
            let plan = MergeDenseTests.plan(&g)
            let submissions = MergeDenseTests.submissions(plan, &g)
            let survey = MergeDenseTests.survey(plan, &g)
            let round = [UInt8](repeating: UInt8(seed), count: 32)
            guard var fold = Merge.Fold(plan) else { continue }
            for member in submissions.keys.sorted() { fold.fold(member: member, rows: submissions[member]!) }
            var expected = Merge.run(plan, roundHash: round, submissions: submissions, survey: survey)
            var summary = fold.summary(roundHash: round, survey: survey)
            #expect(fold.coverage() == expected.coverage)
            #expect(summary.results.units.allSatisfy { $0.cells.isEmpty && $0.criteria.isEmpty && $0.fields.isEmpty })
            let signed = Self.results(seed: seed, submissions: Int(seed % 3)).submissions
            expected.results.submissions = signed
            summary.results.submissions = signed
            let source = CanonicalResultsSource(
                summary.results, detail: { fold.unitResult($0, survey: survey) }, unitSizes: summary.unitSizes)
            let bytes = expected.results.canonicalJSON()
            #expect(source.size == bytes.count)
            #expect(try Self.readAll(source, block: 1000) == bytes)
            #expect(source.isExhausted)
            #expect(summary.fullMaxima == expected.results.units.map { Points.sum($0.cells.map(\.max)) })
        }
    }

    /// A read that is not where the last one ended is refused (sealing reads in order).
    @Test func sourceRefusesOutOfOrder() throws {
        let source = CanonicalResultsSource(Self.results(seed: 1, submissions: 1))
        var buffer = [UInt8](repeating: 0, count: 16)
        _ = try buffer.withUnsafeMutableBytes { try source.read(at: 0, into: $0) }
        #expect(throws: FormatError.self) {
            _ = try buffer.withUnsafeMutableBytes { try source.read(at: 0, into: $0) }
        }
    }

    /// Sealed into a file while it is written, the locked results are byte for byte what the
    /// in-memory seal of `canonicalJSON()` gives with the same randomness, and the returned hash
    /// is the file's; an existing file is refused and left alone.
    @Test func streamedSealEqualsInMemorySeal() throws {
        let f = try MergeRoundFixture()
        defer { f.cleanUp() }
        let results = Self.results(seed: 77, submissions: 3)
        let path = FileIO.join(f.folder, "streamed.avl")
        let hash = try RoundMerge.sealResults(
            results, to: path, round: f.round, secretary: f.secretary, created: MergeRoundFixture.created,
            using: DeterministicRandom(seed: "streamed results"))
        let expected = try SealedEnvelope.seal(
            results.canonicalJSON(), kind: .lockedResults, round: f.round.fileHash, context: [:], sender: f.secretary,
            to: .joint(f.round.release.jointKey), created: MergeRoundFixture.created,
            using: DeterministicRandom(seed: "streamed results"))
        let written = try FileIO.read(path, maxBytes: 1 << 24)
        #expect(written == expected)
        #expect(hash == BLAKE2b.hash(expected, outputLength: 32))
        #expect(throws: FormatError.self) {
            _ = try RoundMerge.sealResults(
                results, to: path, round: f.round, secretary: f.secretary, created: MergeRoundFixture.created,
                using: DeterministicRandom(seed: "other"))
        }
        #expect(try FileIO.read(path, maxBytes: 1 << 24) == expected)
    }

    /// The members' signed contents opened again from their files (``SignedContents``, as
    /// `avault merge` leaves them there) seal to the bytes of the results holding them; a file that
    /// is no longer the one checked — sealed again with the same rows, cut short, or gone — stops
    /// the seal with `merge.submission-changed` naming it, and no results file appears.
    @Test func contentsFromTheirFilesSealAsHeldAndAChangedFileIsRefused() throws {
        let f = try MergeRoundFixture()
        defer { f.cleanUp() }
        try f.receiveValid(0)
        try f.receiveValid(1)
        let inbox = Inbox(roundDirectory: f.directory, roster: f.round.roster)
        let opened = try RoundMerge.openLive(
            roundDirectory: f.directory, round: f.round, inbox: inbox, secretary: f.secretary, fold: true)
        #expect(opened.signed.count == 2 && opened.signed.allSatisfy { $0.contentBytes.isEmpty })
        var held = Self.results(seed: 5, submissions: 0)
        held.submissions = try opened.signed.enumerated().map { i, s in
            Results.SignedSubmission(
                member: s.member, revision: s.revision, fileHash: s.fileHash,
                contentBytes: try opened.contents.bytes(i), innerSignature: s.innerSignature)
        }
        let rows = try SubmissionContent(parsing: held.submissions[0].contentBytes, file: "tv-01").rows
        #expect(
            rows.map { [$0.unit, $0.code, $0.score.description, $0.reason] }
                == MergeRoundFixture.rows["tv-01"]!.map { [$0.unit, $0.code, $0.score.description, $0.reason] })
        var left = held
        left.submissions = opened.signed
        func seal(_ name: String, _ results: Results, contents: SignedContents?) throws -> [UInt8] {
            let path = FileIO.join(f.folder, name)
            _ = try RoundMerge.sealResults(
                results, contents: contents, to: path, round: f.round, secretary: f.secretary,
                created: MergeRoundFixture.created, using: DeterministicRandom(seed: "contents"))
            return try FileIO.read(path, maxBytes: 1 << 24)
        }
        #expect(try seal("from-files.avl", left, contents: opened.contents) == seal("held.avl", held, contents: nil))

        let path = opened.contents.entries[1].path
        let original = try FileIO.read(path, maxBytes: 1 << 24)
        let resealed = try Sealing.seal(
            MergeRoundFixture.rows["tv-02"]!, round: f.round, member: f.members[1], revision: 1,
            created: MergeRoundFixture.created)
        for (n, replacement) in [resealed, Array(original.dropLast(1)), nil].enumerated() {
            if let replacement {
                try FileIO.writeAtomically(replacement, to: path, replacing: true)
            } else {
                try FileIO.remove(path)
            }
            let error = vaultError { try seal("changed-\(n).avl", left, contents: opened.contents) }
            #expect(error?.errorID == MergeError.Code.submissionChanged.rawValue, "\(String(describing: error))")
            #expect(error?.description.contains(path) == true, "\(String(describing: error))")
            #expect(!FileIO.exists(FileIO.join(f.folder, "changed-\(n).avl")))
        }
    }
}
