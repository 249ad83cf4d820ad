import ArgumentParser
import Glibc
import VaultCrypto

@testable import AppraisalVault

/// `avault-bench worker`: the avault side of P1/P3/P4 as its own process (so `/usr/bin/time -v`
/// or `avault-bench table` measures its CPU time and peak RSS alone). Not a user command.
struct BenchWorker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Benchmark worker (internal).", shouldDisplay: false)

    @Argument var operation: String
    @Argument var paths: [String] = []

    func run() throws {
        switch operation {
        case "seal":
            let sender = try BenchSupport.identity("tv-1", .member)
            let recipient = try BenchSupport.identity("thu-ky", .secretary)
            _ = try SealedEnvelope.sealFile(
                paths[0], to: paths[1], kind: .evidence, round: BenchSupport.round, context: { ["size": .int($0)] },
                sender: sender,
                recipient: recipient.identity.encryptionKey, created: SyntheticRound.created)
        case "open":
            let recipient = try BenchSupport.identity("thu-ky", .secretary)
            _ = try SealedEnvelope.OnDisk(path: paths[0], expecting: .evidence).open(
                with: recipient.encryptionKey, to: paths[1])
        case "check":
            // One sealed submission: outer signature and the sender key (what verify does per file).
            let bytes = try FileIO.read(paths[0], maxBytes: Inbox.maxSubmissionSize)
            let envelope = try SealedEnvelope(parsing: bytes, expecting: .submission, file: paths[0])
            guard envelope.hasValidOuterSignature,
                Hex.encode(envelope.header.senderSigningKey.rawRepresentation) == paths[1]
            else {
                throw ExitCode(1)
            }
        case "merge":
            // `avault merge` of a synthetic round folder (SyntheticRound, submissions received),
            // after the passphrase unlock: the secretary is the round's, regenerated from its seed.
            let report = try RoundMerge.run(
                roundDirectory: paths[0], secretary: try SyntheticRound.secretaryIdentity(), withoutSurvey: true,
                allowIncomplete: false, created: SyntheticRound.created)
            guard report.coverage.isComplete else { throw ValidationError("merge incomplete") }
        default:
            throw ValidationError("unknown worker operation \(operation)")
        }
    }
}
