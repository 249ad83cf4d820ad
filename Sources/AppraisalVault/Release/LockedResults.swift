internal import VaultCrypto

/// The locked results `ROUND/results.avl` (spec §6.4): a sealed envelope of kind
/// `locked-results` from the secretary to the round's joint key (hashed ElGamal, spec §8.7),
/// opened with a release token's t partial decryptions.
///
/// ``check(_:file:policy:roundHash:secretary:)`` is what anyone can do with public keys;
/// ``open(_:file:token:policy:roundHash:manifestHash:secretary:)`` adds the token and
/// decrypts. The plaintext is returned as bytes (canonical JSON of the merged results; decoding
/// it is the report's job). Nothing is decrypted before every check has passed.
enum LockedResults {
    /// The largest results file accepted (as for submissions).
    static let maxFileSize = 256 << 20

    /// Checks the locked results with public data only (spec §8.7 steps 1–5).
    ///
    /// 1. the file parses as a `locked-results` envelope (format codes, `envelope.bad-length`);
    /// 2. the outer signature verifies (`envelope.bad-signature`);
    /// 3. `round` is this round (`results.wrong-round`);
    /// 4. `sender` and `senderSigningKey` are the round's secretary (`results.wrong-sender`);
    /// 5. `recipient` is the round's joint key (`results.wrong-recipient`); `context` is `{}`
    ///    (`format.header`).
    ///
    /// - Returns: The parsed envelope.
    /// - Throws: ``AppraisalError`` with the codes above.
    static func check(
        _ bytes: [UInt8], file: String, policy: ReleasePolicy, roundHash: [UInt8], secretary: PublicIdentity
    ) throws -> SealedEnvelope {
        let envelope = try SealedEnvelope(parsing: bytes, expecting: .lockedResults, file: file)
        guard envelope.hasValidOuterSignature else {
            throw EnvelopeError(.badSignature, [.file(file)], hint: ErrorHint(.askForNewCopy))
        }
        let header = envelope.header
        guard header.round == roundHash else { throw ReleaseError(.resultsWrongRound, [.file(file)]) }
        guard header.sender == secretary.id, header.senderSigningKey == secretary.signingKey else {
            throw ReleaseError(.resultsWrongSender, [.file(file), .text(header.sender), .text(secretary.id)])
        }
        guard case .joint(let recipient, _) = header.keyTransport, recipient == policy.jointKey else {
            throw ReleaseError(.resultsWrongRecipient, [.file(file)])
        }
        guard header.context.isEmpty else {
            throw FormatError(.header, [.file(file), .text("field \"context\": expected {} for locked results")])
        }
        return envelope
    }

    /// Verifies the locked results and the token, then decrypts (spec §8.7).
    ///
    /// After ``check(_:file:policy:roundHash:secretary:)``, the token is verified against this
    /// round, `manifestHash` and **this file** (its hash and its ephemeral point;
    /// ``ReleaseToken/verify(policy:roundHash:manifestHash:results:)``), so a token made for other
    /// results is refused (`token.wrong-results`) before any decryption. The file key is then
    /// combined from the token's partials and checked against the header's commitment, and the
    /// envelope opened (spec §5.5 steps 5–8).
    ///
    /// - Parameters:
    ///   - bytes: The whole `results.avl` file.
    ///   - file: Its path, for messages.
    ///   - token: The parsed release token.
    ///   - policy: The round's release policy.
    ///   - roundHash: The round definition's file hash.
    ///   - manifestHash: The file hash of `manifest.avm`.
    ///   - secretary: The round's secretary.
    /// - Returns: The plaintext results.
    /// - Throws: ``EnvelopeError``: the check codes above, the token codes, and `envelope.commitment`,
    ///   `envelope.corrupt`, `envelope.inner-signature`.
    static func open(
        _ bytes: [UInt8], file: String, token: ReleaseToken, policy: ReleasePolicy, roundHash: [UInt8],
        manifestHash: [UInt8], secretary: PublicIdentity
    ) throws -> [UInt8] {
        let envelope = try check(bytes, file: file, policy: policy, roundHash: roundHash, secretary: secretary)
        let partials = try token.verify(
            policy: policy, roundHash: roundHash, manifestHash: manifestHash, results: envelope)
        return try envelope.open(jointKey: policy.jointKey, partials: partials)
    }
}
