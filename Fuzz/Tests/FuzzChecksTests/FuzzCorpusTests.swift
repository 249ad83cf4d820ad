import Foundation
import FuzzChecks
import Testing

@testable import AppraisalVault
@testable import VaultCrypto

/// The committed fuzz seed corpora (`Fuzz/corpus/<target>/`), replayed through the same checks the
/// libFuzzer targets run, so a regression shows in `make fuzz-smoke` (`swift test --package-path Fuzz`)
/// without a sanitizer build.
@Suite struct FuzzCorpusTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let corpus = root + "/Fuzz/corpus"

    /// Test vector area → the fuzz targets its raw artifacts seed.
    static let vectorTargets = [
        "key-file": ["FuzzKeyFile", "FuzzContainer"], "public-identity": ["FuzzPublicIdentity", "FuzzContainer"],
        "ceremony": ["FuzzReleasePolicy"], "approval": ["FuzzApproval"], "release-token": ["FuzzApproval"],
        "receipt": ["FuzzReceipt"], "checkpoint": ["FuzzCheckpoint"], "round-definition": ["FuzzRoundDefinition"],
    ]

    /// Every target has a check, and every check has a non-empty committed corpus.
    @Test func everyTargetHasACorpus() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.corpus).sorted()
        #expect(folders == FuzzChecks.all.keys.sorted())
        for name in folders {
            #expect(try !FileManager.default.contentsOfDirectory(atPath: "\(Self.corpus)/\(name)").isEmpty, "\(name)")
        }
    }

    /// Rule: no committed corpus input traps or breaks its target's round-trip invariant.
    @Test(arguments: FuzzChecks.all.keys.sorted())
    func corpusReplays(target: String) throws {
        let check = try #require(FuzzChecks.all[target])
        let folder = "\(Self.corpus)/\(target)"
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)")))
            #expect(throws: Never.self, "\(target)/\(name)") { try check(bytes) }
        }
    }

    /// The generated seeds are valid artifacts, so mutations start deep inside each parser (an
    /// envelope seed opens with the fixed fuzz key, a journal's chain checks, a framework loads).
    @Test func generatedSeedsAreAccepted() throws {
        let seeds = try FuzzSeeds.generate()
        let me = try SecretIdentity.generate(
            id: "fuzz", name: "Fuzz", role: .member, isDemo: true, created: "2026-01-01T00:00:00Z",
            using: DeterministicRandom(seed: "fuzz"))
        for seed in try #require(seeds["FuzzEnvelope"]) {
            _ = try FuzzChecks.openFixed(bytes: seed)
        }
        for seed in try #require(seeds["FuzzJournal"]) {
            let doc = try SignedDocument(parsing: seed, expecting: .journalHead, file: "seed")
            #expect(doc.isSigned(by: me.identity.signingKey))
            _ = try RoundJournal.entries(of: doc, file: "seed", roundHash: nil)
        }
        for seed in try #require(seeds["FuzzSubmission"]) { _ = try SubmissionContent(parsing: seed, file: "seed") }
        for seed in try #require(seeds["FuzzSurvey"]) { _ = try SurveyScores(parsing: seed, file: "seed") }
        for seed in try #require(seeds["FuzzNotice"]) { _ = try UnitNotice(parsing: seed, file: "seed") }
        for seed in try #require(seeds["FuzzExplanation"]) { _ = try UnitExplanation(parsing: seed, file: "seed") }
        for seed in try #require(seeds["FuzzForwardedExplanation"]) {
            _ = try ForwardedExplanation(parsing: seed, file: "seed")
        }
        for seed in try #require(seeds["FuzzSecondAppraisal"]) { _ = try SecondAppraisal(parsing: seed, file: "seed") }
        for seed in try #require(seeds["FuzzManifest"]) { _ = try Manifest(json: try CanonicalJSON.parse(seed)) }
        for seed in try #require(seeds["FuzzResults"]) { _ = try Results(json: try CanonicalJSON.parse(seed)) }
        for seed in try #require(seeds["FuzzReleasePolicy"]) {
            _ = try ReleasePolicy(json: try CanonicalJSON.parse(seed), path: "")
        }
        let ceremony = try #require(seeds["FuzzCeremony"])
        _ = try CeremonyPlan(parsing: ceremony[0], file: "seed")
        for seed in ceremony[1...3] { _ = try CeremonyDealing(parsing: seed, file: "seed") }
        for seed in ceremony[4...] { _ = try CeremonyAck(parsing: seed, file: "seed") }
        let approvals = try #require(seeds["FuzzApproval"])
        for seed in approvals.dropLast() { _ = try Approval(parsing: seed, file: "seed") }
        _ = try ReleaseToken(parsing: approvals[approvals.count - 1], file: "seed")
        for seed in try #require(seeds["FuzzPublicIdentity"]) { _ = try PublicIdentity(parsing: seed, file: "seed") }
        for seed in try #require(seeds["FuzzFramework"]) {
            var problems = InputProblems()
            #expect(FrameworkInput.parse(seed, file: "seed", problems: &problems) != nil, "\(problems.errors)")
        }
        for seed in try #require(seeds["FuzzPoints"]) {
            #expect(Points(parsing: String(decoding: seed, as: UTF8.self)) != nil)
        }
        for seed in try #require(seeds["FuzzCSV"]) { _ = try CSV.parse(seed, file: "seed") }
        let xlsx = try #require(seeds["FuzzXLSX"])
        let sheet = try XLSXReader.firstSheet(xlsx[0], file: "seed")
        #expect(sheet[1]?[1] == .text("Mã đơn vị") && sheet[1]?[2] == .text("a\rb") && sheet[3]?[5] == .number("2"))
        #expect(throws: InputError.self) { try XLSXReader.firstSheet(xlsx[1], file: "seed") }
        // A workbook LibreOffice wrote (deflated, with data descriptors) reads.
        let libreOffice = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.corpus + "/FuzzXLSX/libreoffice-00")))
        #expect(try ZipArchive.read(libreOffice).count == 10)
        for (i, hostile) in xlsx.dropFirst(2).enumerated() {
            #expect(throws: ZipArchive.Refusal.self, "hostile zip \(i)") { try ZipArchive.read(hostile) }
        }
        for seed in try #require(seeds["FuzzReceipt"]) {
            let receipt = try Receipt(parsing: seed, file: "seed")
            try receipt.verify(secretaryKey: me.identity.signingKey, roundHash: receipt.round)
        }
        for seed in try #require(seeds["FuzzCheckpoint"]) { _ = try Checkpoint(parsing: seed, file: "seed") }
    }

    /// Regenerates the seeds (`AVAULT_REGENERATE_FUZZ_SEEDS=1`): generated samples plus the raw
    /// artifacts of the test vectors (text header stripped). Otherwise checks the committed seeds
    /// still equal the generator's output.
    @Test func seedsMatchGenerator() throws {
        var expected = try FuzzSeeds.generate().mapValues { $0 }
        for (area, targets) in Self.vectorTargets.sorted(by: { $0.key < $1.key }) {
            let folder = "\(Self.root)/Tests/Vectors/\(area)"
            for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            where name.hasSuffix(".vec") {
                let vector = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)")))
                guard let artifact = Self.artifact(of: vector) else { continue }
                for target in targets { expected[target, default: []].append(artifact) }
            }
        }
        let regenerate = ProcessInfo.processInfo.environment["AVAULT_REGENERATE_FUZZ_SEEDS"] == "1"
        for (target, seeds) in expected {
            let folder = "\(Self.corpus)/\(target)"
            for (i, seed) in seeds.enumerated() {
                let path = "\(folder)/seed-\(String(format: "%02d", i))"
                if regenerate {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    try Data(seed).write(to: URL(fileURLWithPath: path))
                } else {
                    let committed = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
                    #expect(committed == seed, "\(path) differs from the generator; regenerate")
                }
            }
        }
    }

    /// The raw artifact of a `.vec` file: everything after the first blank line.
    static func artifact(of vector: [UInt8]) -> [UInt8]? {
        for i in 0..<max(vector.count - 1, 0) where vector[i] == 0x0A && vector[i + 1] == 0x0A {
            return Array(vector[(i + 2)...])
        }
        return nil
    }
}
