import Testing
import VaultCrypto

@testable import AppraisalVault

/// The forwarded explanation (spec §12.5, kind 22): the plaintext reader and writer, the file's
/// header, its binding to the round, and who can open it.
@Suite("Forwarded explanation (spec §12.5)")
struct ForwardedExplanationTests {
    static func sample(round: [UInt8], member: String = "tv-01") -> ForwardedExplanation {
        ForwardedExplanation(
            round: round, unit: "u1", member: member, explanation: [UInt8](repeating: 7, count: 32),
            items: [
                ForwardedExplanation.Item(
                    code: "1.1.1", selfScore: Points(parsing: "1"), score: Points(parsing: "0.5"),
                    reason: "Kế hoạch ban hành chậm", text: "Đã ban hành đúng hạn\n(văn bản số 12/KH-UBND)",
                    attachments: [.init(fileHash: [UInt8](repeating: 9, count: 32), name: "kế hoạch.pdf", size: 12)]),
                ForwardedExplanation.Item(
                    code: "T1", selfScore: nil, score: Points(parsing: "0"), reason: "", text: "Có sáng kiến"),
            ])
    }

    /// The writer's bytes read back to the same value; the reader is strict.
    @Test func plaintextRoundTripAndStrictness() throws {
        let value = Self.sample(round: [UInt8](repeating: 1, count: 32))
        let bytes = CanonicalJSON.serialize(value.json)
        #expect(try ForwardedExplanation(parsing: bytes, file: "f") == value)
        func refused(_ edit: (inout [String: JSONValue]) -> Void) -> Bool {
            guard case .object(var o) = value.json else { return false }
            edit(&o)
            let error = vaultError { try ForwardedExplanation(parsing: CanonicalJSON.serialize(.object(o)), file: "f") }
            return (error as? ForwardError)?.code == .malformed
        }
        #expect(refused { $0["rank"] = .integer(1) })
        #expect(refused { $0["items"] = .array([]) })
        #expect(refused { $0["member"] = .string("Not An Id") })
        #expect(
            refused {
                guard case .array(var items) = $0["items"]!, case .object(var first) = items[0] else { return }
                first["text"] = .string("  ")
                items[0] = .object(first)
                $0["items"] = .array(items)
            })
        #expect(
            refused {
                guard case .array(let items) = $0["items"]! else { return }
                $0["items"] = .array([items[0], items[0]])
            })
        #expect(
            refused {
                guard case .array(var items) = $0["items"]!, case .object(var first) = items[0] else { return }
                first["score"] = .string("0.50")
                items[0] = .object(first)
                $0["items"] = .array(items)
            })
        #expect(vaultError { try ForwardedExplanation(parsing: Array("{}".utf8), file: "f") } is ForwardError)
    }

    /// Sealed by the secretary to tv-01: binds to the round, opens with tv-01's key only, and a
    /// file sealed to another key than the member's is refused by the binding.
    @Test func fileBindingAndOpening() throws {
        let roundBytes = try VectorGenerator.roundDefinition()
        let round = try RoundDefinition(parsing: roundBytes, file: "round.avr")
        let secretary = try VectorGenerator.submissionSecretary()
        let member = RoundFixtures.demoIdentities["tv-01"]!
        let other = RoundFixtures.demoIdentities["tv-02"]!
        let value = Self.sample(round: round.fileHash)
        let bytes = try ForwardedExplanationFile.seal(value, secretary: secretary, to: member.identity)
        let file = try ForwardedExplanationFile(parsing: bytes, file: "tv-01.u1.r1.avf")
        #expect(file.member == "tv-01" && file.unit == "u1" && file.round == round.fileHash)
        #expect(file.fileHash == BLAKE2b.hash(bytes, outputLength: 32))
        try file.checkBinding(to: round)
        #expect(try file.open(with: member) == value)
        #expect((vaultError { try file.open(with: other) } as? EnvelopeError)?.code == .notForYou)

        // Sealed to tv-02 while the context names tv-01: the binding refuses it.
        let misdirected = try ForwardedExplanationFile.seal(value, secretary: secretary, to: other.identity)
        let error = vaultError { try ForwardedExplanationFile(parsing: misdirected, file: "x").checkBinding(to: round) }
        #expect((error as? ForwardError)?.code == .wrongRecipient)
        // Sealed by a member, not the secretary.
        let forged = try ForwardedExplanationFile.seal(value, secretary: other, to: member.identity)
        let forgedError = vaultError {
            try ForwardedExplanationFile(parsing: forged, file: "x").checkBinding(to: round)
        }
        #expect((forgedError as? ForwardError)?.code == .notSecretary)
        // A unit without a key in the round (u2).
        let noKey = ForwardedExplanation(
            round: round.fileHash, unit: "u2", member: "tv-01", explanation: value.explanation, items: value.items)
        let noKeyFile = try ForwardedExplanationFile(
            parsing: try ForwardedExplanationFile.seal(noKey, secretary: secretary, to: member.identity), file: "x")
        #expect((vaultError { try noKeyFile.checkBinding(to: round) } as? ForwardError)?.code == .wrongUnit)
        // Another kind's bytes are not a forwarded explanation.
        #expect(vaultError { try ForwardedExplanationFile(parsing: roundBytes, file: "x") } is FormatError)
    }
}
