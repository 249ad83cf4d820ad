import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// A real round folder built with the library from the demo identities (keys/, passphrase
/// `demo-appraisal-2026`) and the small framework of ``RoundFixtures``: two members, three
/// holders with t = 2. Built up to a chosen stage.
struct VerifyFixture {
    /// How far the round has gone.
    enum Stage: Int, Comparable {
        case initialized, received, merged, approved, released
        static func < (a: Stage, b: Stage) -> Bool { a.rawValue < b.rawValue }
    }

    static let decision = "Quyết định số 123/QĐ-UBND ngày 20/12/2026"
    static let created = "2026-12-20T08:00:00Z"

    /// The demo identities, unlocked once (Argon2id is the slow part).
    static var identities: [String: SecretIdentity] { RoundFixtures.demoIdentities }

    static func identity(_ id: String) -> SecretIdentity { identities[id]! }

    let inputs: RoundFixtures
    /// The round folder.
    let directory: String
    /// The round definition.
    let round: RoundDefinition

    var secretary: SecretIdentity { Self.identity("thu-ky") }

    init(
        stage: Stage = .released, title: String = "Vòng kiểm tra", threshold: Int = 2,
        selfCSV: String = RoundFixtures.selfCSV
    ) throws {
        inputs = try RoundFixtures()
        let fx = inputs
        let sources = RoundSetup.Sources(
            framework: try fx.write("framework.csv", RoundFixtures.frameworkCSV),
            units: try fx.write("units.csv", RoundFixtures.unitsCSV),
            selfAssessment: try fx.write("self.csv", selfCSV),
            members: try fx.write("members.csv", RoundFixtures.membersCSV),
            ceremony: try fx.ceremony(threshold: threshold), title: title, year: 2025,
            references: ["Quyết định số 04/QĐ-UBND"], isDemo: true, singleHolder: threshold == 1)
        directory = fx.folder + "/round"
        round = try RoundFolder.create(
            try RoundSetup.load(sources), secretary: Self.identity("thu-ky"), at: directory, created: Self.created)
        guard stage >= .received else { return }
        let p = MergeFixture.p
        try receive(
            "tv-01",
            [
                Appraisal(unit: "u1", code: "1.1.1", score: p("0.5"), reason: "Thiếu kế hoạch"),
                Appraisal(unit: "u1", code: "1.1.2", score: p("0.5"), reason: ""),
            ])
        try receive(
            "tv-02",
            [
                Appraisal(unit: "u2", code: "1.1.1", score: p("1"), reason: ""),
                Appraisal(unit: "u2", code: "1.1.2", score: p("0.25"), reason: ""),
            ])
        guard stage >= .merged else { return }
        _ = try RoundMerge.run(
            roundDirectory: directory, secretary: secretary, withoutSurvey: true, allowIncomplete: false,
            created: Self.created)
        guard stage >= .approved else { return }
        try FileIO.makeDirectory(path(RoundLayout.approvalsFolder), mode: 0o755)
        for holder in ["chu-tich", "chanh-vp"] {
            try FileIO.writeAtomically(try approval(by: Self.identity(holder)), to: path("approvals/\(holder).ava"))
        }
        guard stage >= .released else { return }
        let combined = try ReleaseToken.combine(
            ["chu-tich", "chanh-vp"].map { (try read("approvals/\($0).ava"), "\($0).ava") }, policy: round.release,
            roundHash: round.fileHash, manifestHash: hash(RoundLayout.manifestFileName), results: try results(),
            created: Self.created)
        try FileIO.writeAtomically(combined.bytes, to: path(RoundLayout.tokenFileName), mode: 0o600)
    }

    /// Seals `rows` as `member`'s submission and receives it into the round.
    func receive(_ member: String, _ rows: [Appraisal], revision: Int = 1) throws {
        let bytes = try Sealing.seal(rows, round: round, member: Self.identity(member), revision: revision)
        let file = inputs.folder + "/\(member).r\(revision).avs"
        try FileIO.writeAtomically(bytes, to: file, replacing: true)
        _ = try Inbox(roundDirectory: directory, roster: round.roster).receive(file, secretary: secretary)
    }

    /// An approval of this round's current manifest and results by `holder`.
    func approval(by holder: SecretIdentity) throws -> [UInt8] {
        try Approval.create(
            policy: round.release, roundHash: round.fileHash, manifestHash: hash(RoundLayout.manifestFileName),
            resultsHash: hash(RoundLayout.resultsFileName),
            ephemeral: try ReleaseToken.binding(of: results()).ephemeral, decision: Self.decision, holder: holder,
            created: Self.created)
    }

    /// The round's current locked results, parsed.
    func results() throws -> SealedEnvelope {
        try SealedEnvelope(
            parsing: try read(RoundLayout.resultsFileName), expecting: .lockedResults, file: "results.avl")
    }

    func path(_ name: String) -> String { directory + "/" + name }
    func read(_ name: String) throws -> [UInt8] { try FileIO.read(path(name), maxBytes: 1 << 26) }
    func write(_ name: String, _ bytes: [UInt8]) throws {
        try FileIO.writeAtomically(bytes, to: path(name), replacing: true)
    }
    func hash(_ name: String) throws -> [UInt8] { BLAKE2b.hash(try read(name), outputLength: 32) }

    /// Runs the verifier.
    func verify(fingerprint: Fingerprint? = nil) throws -> VerificationReport {
        try RoundVerifier.verify(roundDirectory: directory, expectedFingerprint: fingerprint)
    }

    /// Edits the header of the signed document `name` of `kind` and signs it again with `signer`.
    func resign(
        _ name: String, _ kind: ArtifactKind, by signer: SecretIdentity, _ edit: (inout [String: JSONValue]) -> Void
    ) throws {
        let doc = try SignedDocument(parsing: try read(name), expecting: kind, file: name, maxHeaderLength: 1 << 26)
        guard case .object(var fields) = doc.container.header else { fatalError("header is an object") }
        edit(&fields)
        try write(name, try SignedDocument.encode(kind: kind, header: .object(fields), signer: signer.signingKey))
    }

    /// The journal's entries as JSON, edited by `edit`, re-signed by `signer`; `rechain` recomputes
    /// every `prev` and the head (a secretary rewriting history carefully).
    func rewriteJournal(by signer: SecretIdentity, rechain: Bool = false, _ edit: (inout [JSONValue]) -> Void) throws {
        try resign(RoundLayout.journalFileName, .journalHead, by: signer) { fields in
            guard case .array(var entries) = fields["entries"] else { fatalError("entries") }
            edit(&entries)
            if rechain {
                var previous = [UInt8](repeating: 0, count: 32)
                for i in entries.indices {
                    guard case .object(var e) = entries[i] else { continue }
                    e["seq"] = .integer(Int64(i + 1))
                    e["prev"] = .hex(previous)
                    entries[i] = .object(e)
                    previous = BLAKE2b.hash(
                        ArtifactKind.journalHead.domain("entry") + CanonicalJSON.serialize(entries[i]), outputLength: 32
                    )
                }
                fields["head"] = .hex(previous)
            }
            fields["entries"] = .array(entries)
        }
    }
}
