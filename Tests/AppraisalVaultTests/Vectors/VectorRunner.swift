import VaultCrypto

@testable import AppraisalVault

/// Runs a vector through the real parser of its area and names the outcome: `success` or the
/// message id of the ``AppraisalError`` thrown. Areas are the folder names under `Tests/Vectors/`;
/// an area without a runner is a test failure, so new areas must register here.
enum VectorRunner {
    /// Runners by area.
    static let areas: [String: @Sendable (Vector) -> String] = [
        "key-file": runKeyFile,
        "public-identity": runPublicIdentity,
        "submission": runSubmission,
        "survey": VectorGenerator.runSurvey,
        "notice": VectorRunner.runNotice,
        "explanation": VectorRunner.runExplanation,
        "forwarded": VectorRunner.runForwarded,
        "second": VectorRunner.runSecond,
        "journal": runJournal,
        "manifest": runManifest,
        "approval": runApproval,
        "release-token": runReleaseToken,
        "locked-results": runLockedResults,
        "round-definition": runRoundDefinition,
        "evidence": runEvidence,
        "evidence-hash": runEvidenceHash,
        "ceremony": runCeremony,
        "receipt": runReceipt,
        "checkpoint": runCheckpoint,
    ]

    /// The outcome of `vector`, or a description of why it could not be run.
    static func outcome(of vector: Vector) -> String {
        guard let runner = areas[vector.area] else { return "no runner for area \"\(vector.area)\"" }
        return runner(vector)
    }

    /// `key-file`: parse; then, when `passphrase:` is given, unlock; `fingerprint:` must match when given.
    @Sendable static func runKeyFile(_ vector: Vector) -> String {
        do {
            let file = try KeyFile(parsing: vector.body, file: vector.description)
            var fingerprint = file.identity.fingerprint
            if let words = vector["passphrase"] {
                let secret = try file.unlock(passphrase: secretPassphrase(words))
                fingerprint = Fingerprint(
                    signingKey: secret.signingKey.publicKey, encryptionKey: secret.encryptionKey.publicKey)
            }
            return check(fingerprint, against: vector)
        } catch {
            return error.errorID
        }
    }

    /// `public-identity`: parse and verify the self-signature; `fingerprint:` must match when given.
    @Sendable static func runPublicIdentity(_ vector: Vector) -> String {
        do {
            return check(
                try PublicIdentity(parsing: vector.body, file: vector.description).fingerprint, against: vector)
        } catch {
            return error.errorID
        }
    }

    static func check(_ fingerprint: Fingerprint, against vector: Vector) -> String {
        if let expected = vector["fingerprint"], expected != fingerprint.description {
            return "fingerprint \(fingerprint) differs from \(expected)"
        }
        return "success"
    }

    /// The passphrase bytes: the UTF-8 of the header value exactly as written.
    static func secretPassphrase(_ words: String) -> SecretBytes {
        try! SecretBytes(copying: Array(words.utf8))
    }
}
