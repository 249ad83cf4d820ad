import ArgumentParser
import Glibc
import VaultCrypto

@testable import AppraisalVault

/// `avault-bench worker`: the avault side of P1/P4 as its own process (so `/usr/bin/time -v`
/// measures its peak RSS alone). Not a user command.
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
        default:
            throw ValidationError("unknown worker operation \(operation)")
        }
    }
}
