internal import VaultCrypto

/// A release holder's signed approval (spec §8.2): "I approve the release of these results of
/// this round, under this Committee decision", carrying the holder's partial decryption of
/// exactly these results.
///
/// An approval is a ``SignedDocument`` of kind `approval`, signed by the holder's signing key.
/// Its header binds the round (round definition file hash), the manifest and the locked results
/// (their file hashes), names the decision reference
/// (e.g. "Quyết định số 123/QĐ-UBND ngày 20/12/2026"), and carries `D_j = x_j·U` for the
/// results' ephemeral point `U` with a Chaum–Pedersen proof that `D_j` and the holder's
/// verification key `Y_j` share one discrete logarithm.
///
/// Security notes:
/// - No share travels: `D_j` opens nothing but this results file, and only together with t − 1
///   other holders' partials. Approvals of earlier results (before a re-merge) carry another
///   `U` and another results hash and do not count.
/// - The proof's challenge binds round, manifest, results, decision and x, so a partial cannot
///   be lifted into another approval; a wrong partial fails its proof and names its holder.
/// - The holder is identified by the signing key, never by the `holder` id (the TUF and in-toto
///   threshold bugs): the id is a label, reports use the round definition's id for that key.
struct Approval: Sendable {
    /// When the holder approved (informational).
    let created: String
    /// The decision reference, NFC, one line, 1…300 bytes.
    let decision: String
    /// The holder id the approval was signed under (a label; see the type's notes).
    let holder: String
    /// The Ed25519 key that signed; it identifies the holder.
    let holderSigningKey: Ed25519.PublicKey
    /// File hash of `manifest.avm`.
    let manifest: [UInt8]
    /// `D_j = x_j·U`.
    let partial: Ristretto255.Point
    /// `c ‖ z` of the Chaum–Pedersen proof.
    let proof: [UInt8]
    /// File hash of `results.avl`.
    let results: [UInt8]
    /// File hash of the round definition.
    let round: [UInt8]
    /// The holder's x.
    let x: Int
    /// The parsed document (for the signature).
    let document: SignedDocument
    /// The file exactly as read; a release token embeds it verbatim.
    let bytes: [UInt8]
    /// The path or label, for messages.
    let file: String

    /// The largest approval file accepted.
    static let maxFileSize = 4096
    /// The largest decision reference, in UTF-8 bytes.
    static let maxDecisionBytes = 300

    /// The context of the proof (spec §8.2): `domain("partial") ‖ round ‖ manifest ‖ results ‖
    /// BLAKE2b-256(decision) ‖ [x]`.
    static func proofContext(round: [UInt8], manifest: [UInt8], results: [UInt8], decision: String, x: Int)
        -> [UInt8]
    {
        ArtifactKind.approval.domain("partial") + round + manifest + results
            + BLAKE2b.hash(Array(decision.utf8), outputLength: 32) + [UInt8(x)]
    }

    // MARK: - Creating

    /// Rebuilds the holder's secret, decrypts `U` partially, proves it, and writes a signed approval.
    ///
    /// The decision text is trimmed and normalised to NFC.
    ///
    /// - Parameters:
    ///   - policy: The round's release policy.
    ///   - roundHash: The round definition's file hash (32 bytes).
    ///   - manifestHash: The file hash of `manifest.avm` (32 bytes).
    ///   - resultsHash: The file hash of `results.avl` (32 bytes).
    ///   - ephemeral: The results' ephemeral point `U` (their header's `ephemeralKey`).
    ///   - decision: The Committee decision reference.
    ///   - holder: The holder's unlocked identity.
    ///   - created: RFC 3339 UTC time.
    ///   - random: The proof's nonce (64 bytes).
    /// - Returns: The approval file's bytes.
    /// - Throws: ``ReleaseError`` `approval.bad-decision`, `approval.bad-input` (a hash not 32
    ///   bytes, a bad time), and the errors of ``ReleasePolicy/holderSecret(_:)``.
    static func create(
        policy: ReleasePolicy, roundHash: [UInt8], manifestHash: [UInt8], resultsHash: [UInt8],
        ephemeral: Ristretto255.Point, decision: String, holder: SecretIdentity, created: String = Timestamp.now(),
        using random: any RandomSource = SystemRandom()
    ) throws -> [UInt8] {
        let decision = Text.trimmingSpaces(Text.nfc(decision))
        guard isValidDecision(decision) else {
            throw ReleaseError(.approvalBadDecision, [.text(String(maxDecisionBytes))])
        }
        for (name, hash) in [("round", roundHash), ("manifest", manifestHash), ("results", resultsHash)]
        where hash.count != 32 {
            throw ReleaseError(.approvalBadInput, [.text(name)])
        }
        guard Timestamp.isValid(created) else { throw ReleaseError(.approvalBadInput, [.text("created")]) }
        let (entry, secret) = try policy.holderSecret(holder)
        defer { secret.secret.wipe() }
        let partial: Ristretto255.Point
        let proof: [UInt8]
        do {
            partial = try ephemeral.multiplied(by: secret)
            proof = try Ristretto255.ChaumPedersen.prove(
                secret: secret, base: ephemeral, key: entry.verificationKey!, partial: partial,
                context: proofContext(
                    round: roundHash, manifest: manifestHash, results: resultsHash, decision: decision, x: entry.x),
                using: random)
        } catch {
            throw CryptoError(error)
        }
        let header = JSONValue.object([
            "created": .string(created),
            "decision": .string(decision),
            "holder": .string(holder.identity.id),
            "holderSigningKey": .hex(holder.signingKey.publicKey.rawRepresentation),
            "manifest": .hex(manifestHash),
            "partial": .hex(partial.rawRepresentation),
            "proof": .hex(proof),
            "results": .hex(resultsHash),
            "round": .hex(roundHash),
            "x": .int(entry.x),
        ])
        return try SignedDocument.encode(kind: .approval, header: header, signer: holder.signingKey)
    }

    /// True for a decision reference in stored form: NFC, one line without control or
    /// bidirectional characters, not blank (§1.3), no surrounding spaces, 1…300 bytes.
    static func isValidDecision(_ text: String) -> Bool {
        !Text.isBlank(text) && text.utf8.count <= maxDecisionBytes && Text.isNFC(text)
            && !Text.hasControlCharacters(text)
            && Text.trimmingSpaces(text) == text
    }

    /// Reads the `decision` field of an approval or a release token and checks it with
    /// ``isValidDecision(_:)`` (spec §8.2, §8.4).
    static func readDecision(from r: inout FieldReader) throws(FieldReader.Failure) -> String {
        let decision = try r.string("decision", maxBytes: maxDecisionBytes)
        guard isValidDecision(decision) else {
            throw FieldReader.Failure(
                path: "decision", reason: "not one NFC line of 1–300 bytes without surrounding spaces")
        }
        return decision
    }

    // MARK: - Parsing

    /// Parses an approval strictly (the signature, the bindings and the proof are checked by
    /// ``verify(policy:roundHash:manifestHash:resultsHash:ephemeral:)``).
    ///
    /// - Throws: ``FormatError`` format errors, `format.header` naming the field.
    init(parsing bytes: [UInt8], file: String) throws {
        let document = try SignedDocument(parsing: bytes, expecting: .approval, file: file, cap: Approval.maxFileSize)
        do throws(FieldReader.Failure) {
            var r = try FieldReader(document.container.header)
            created = try r.timestamp("created")
            decision = try Approval.readDecision(from: &r)
            holder = try r.string("holder", maxBytes: 64)
            guard Identifier.isValid(holder) else {
                throw FieldReader.Failure(path: "holder", reason: "not a valid identifier")
            }
            holderSigningKey = try r.signingKey("holderSigningKey")
            manifest = try r.hex("manifest", length: 32)
            partial = try CeremonyDealing.points([try r.value("partial")], path: "partial")[0]
            proof = try r.hex("proof", length: Ristretto255.ChaumPedersen.proofLength)
            results = try r.hex("results", length: 32)
            round = try r.hex("round", length: 32)
            x = Int(try r.integer("x", in: 1...Int64(CeremonyPlan.maxHolders)))
            try r.finish()
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
        self.document = document
        self.bytes = bytes
        self.file = file
    }

    /// BLAKE2b-256 of the approval file.
    var fileHash: [UInt8] { document.fileHash }

    // MARK: - Verifying

    /// Checks the approval against the round and these results, in the order of spec §8.3.
    ///
    /// 1. the signature by `holderSigningKey` (`approval.bad-signature`);
    /// 2. that key is a holder's signing key in `policy` (`approval.not-a-holder`), not excluded
    ///    at the ceremony (`ceremony.excluded`);
    /// 3. `x` is that holder's x (`approval.wrong-x`);
    /// 4. `round`, `manifest`, `results` equal the given hashes (`approval.wrong-round`,
    ///    `approval.wrong-manifest`, `approval.wrong-results`);
    /// 5. the proof shows `log_G(Y_j) = log_U(partial)` for these results' `U` (`approval.bad-proof`,
    ///    naming the holder).
    ///
    /// - Parameters:
    ///   - policy: The round's release policy.
    ///   - roundHash: The round definition's file hash.
    ///   - manifestHash: The file hash of `manifest.avm`.
    ///   - resultsHash: The file hash of `results.avl`.
    ///   - ephemeral: Their ephemeral point `U`.
    /// - Returns: The holder's entry in the policy (its id is the name to report).
    /// - Throws: ``ReleaseError`` with the codes above.
    @discardableResult
    func verify(
        policy: ReleasePolicy, roundHash: [UInt8], manifestHash: [UInt8], resultsHash: [UInt8],
        ephemeral: Ristretto255.Point
    ) throws -> ReleasePolicy.Holder {
        guard document.isSigned(by: holderSigningKey) else {
            throw ReleaseError(.approvalBadSignature, [.file(file)], hint: ErrorHint(.askForNewCopy))
        }
        guard let entry = policy.holder(signingKey: holderSigningKey) else {
            throw ReleaseError(.approvalNotAHolder, [.file(file), .text(holder)], hint: ErrorHint(.releaseCheckRound))
        }
        let name = entry.identity.id
        guard let key = entry.verificationKey else { throw CeremonyError(.excluded, [.member(name)]) }
        guard entry.x == x else {
            throw ReleaseError(.approvalWrongX, [.file(file), .text(name), .text(String(x)), .text(String(entry.x))])
        }
        guard round == roundHash else {
            throw ReleaseError(
                .approvalWrongRound, [.file(file), .text(name)], hint: ErrorHint(.approvalAgain, [.text(name)]))
        }
        guard manifest == manifestHash else {
            throw ReleaseError(
                .approvalWrongManifest, [.file(file), .text(name)], hint: ErrorHint(.approvalAgain, [.text(name)]))
        }
        guard results == resultsHash else {
            throw ReleaseError(
                .approvalWrongResults, [.file(file), .text(name)], hint: ErrorHint(.approvalAgain, [.text(name)]))
        }
        let context = Approval.proofContext(
            round: round, manifest: manifest, results: results, decision: decision, x: x)
        guard
            Ristretto255.ChaumPedersen.isValid(proof, base: ephemeral, key: key, partial: partial, context: context)
        else {
            throw ReleaseError(
                .approvalBadProof, [.file(file), .text(name), .text(String(x))],
                hint: ErrorHint(.approvalAgain, [.text(name)]))
        }
        return entry
    }
}
