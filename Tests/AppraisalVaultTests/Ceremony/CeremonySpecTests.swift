import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// The worked examples of spec §4.9 and §8.9: every value is recomputed from the vector generator's
/// fixed inputs, and the test fails if the spec stops quoting any of them.
@Suite("Ceremony: worked example in the spec")
struct CeremonySpecTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func spec(_ name: String) throws -> String {
        // Without white space: a long value may be wrapped over two lines.
        try String(contentsOf: root.appendingPathComponent("docs/spec/" + name), encoding: .utf8)
            .filter { !$0.isWhitespace }
    }

    /// The public values a second implementation recomputes, and the secret ones of the test holders.
    static func values() throws -> [(label: String, hex: String)] {
        let outcome = try VectorGenerator.releaseCeremony()
        let policy = ReleasePolicy(outcome)
        var out: [(String, String)] = [
            ("plan hash", Hex.encode(outcome.plan.fileHash)), ("round id", Hex.encode(outcome.plan.roundID)),
        ]
        for dealing in outcome.dealings {
            for (k, c) in dealing.commitments.enumerated() {
                out.append(("C_\(dealing.x)\(k)", Hex.encode(c.rawRepresentation)))
            }
            out.append(("proof_\(dealing.x)", Hex.encode(dealing.proof)))
        }
        out.append(("Y", Hex.encode(outcome.jointKey.rawRepresentation)))
        for (j, key) in outcome.verificationKeys.enumerated() {
            out.append(("Y_\(j + 1)", Hex.encode(key!.rawRepresentation)))
        }
        let holders = try VectorGenerator.releaseHolders()
        for (j, holder) in holders.enumerated() {
            out.append(("x_\(j + 1)", Hex.encode(try policy.holderSecret(holder).secret.publicBytes())))
        }
        let results = try VectorGenerator.releaseResults(policy)
        let u = try ReleaseToken.binding(of: results).ephemeral
        out.append(("U", Hex.encode(u.rawRepresentation)))
        var partials = [(index: UInt64, partial: Ristretto255.Point)]()
        for j in [1, 2] {
            let d = try u.multiplied(by: policy.holderSecret(holders[j - 1]).secret)
            partials.append((UInt64(j), d))
            out.append(("D_\(j)", Hex.encode(d.rawRepresentation)))
            out.append(
                (
                    "lambda_\(j)",
                    Hex.encode(try Ristretto255.Scalar.lagrangeAtZero(index: UInt64(j), in: [1, 2]).publicBytes())
                ))
        }
        let key = try Ristretto255.KEM.decapsulate(
            ephemeral: u, jointKey: outcome.jointKey, partials: partials,
            context: ArtifactKind.lockedResults.domain("file-key"))
        out.append(("file key", Hex.encode(key.withUnsafeBytes { Array($0) })))
        return out
    }

    @Test func specQuotesTheWorkedExample() throws {
        let text = try Self.spec("04-release-setup.md") + " " + Self.spec("08-release.md")
        for (label, hex) in try Self.values() {
            let quoted = text.contains(hex)
            #expect(quoted, "spec does not quote \(label) = \(hex)")
        }
    }
}
