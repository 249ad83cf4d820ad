internal import VaultCrypto

/// A release holder's signed approval (spec §8.2): "I approve the release of these results of
/// this round, under this Committee decision", carrying the holder's opened share.
///
/// An approval is a ``SignedDocument`` of kind `approval`, signed by the holder's signing key.
/// Its header binds the round (round definition file hash), the manifest and the locked results
/// (their file hashes), and names the decision reference
/// (e.g. "Quyết định số 123/QĐ-UBND ngày 20/12/2026").
///
/// Security notes:
/// - The share `y` travels in clear: an approval *is* a release act. Fewer than t approvals
///   reveal nothing about the release key (Shamir, spec §4.3), and the results stay locked.
///   Hand an approval only to the person who combines.
/// - The holder is identified by the signing key, never by the `holder` id (the TUF and in-toto
///   threshold bugs): the id is a label, reports use the round definition's id for that key.
/// - The share is checked against the holder's commitment (spec §4.6) when the approval is
///   verified, so a corrupted share is named at once, not turned into a wrong key.
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
    /// File hash of `results.avl`.
    let results: [UInt8]
    /// File hash of the round definition.
    let round: [UInt8]
    /// The holder's share: x and the 32 secret bytes y.
    let share: Shamir.Share
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

    // MARK: - Creating

    /// Opens the holder's share and writes a signed approval.
    ///
    /// The share is opened with ``ReleasePolicy/openShare(holder:roundID:)``, which finds the
    /// holder by both public keys and checks the share against its commitment. The decision text
    /// is trimmed and normalised to NFC.
    ///
    /// - Parameters:
    ///   - policy: The round's release policy.
    ///   - roundID: The round's 16-byte id (bound into the share commitments).
    ///   - roundHash: The round definition's file hash (32 bytes).
    ///   - manifestHash: The file hash of `manifest.avm` (32 bytes).
    ///   - resultsHash: The file hash of `results.avl` (32 bytes).
    ///   - decision: The Committee decision reference.
    ///   - holder: The holder's unlocked identity.
    ///   - created: RFC 3339 UTC time.
    /// - Returns: The approval file's bytes.
    /// - Throws: ``ReleaseError`` `approval.bad-decision`, `approval.bad-input` (a hash not 32
    ///   bytes, a bad time), and the errors of ``ReleasePolicy/openShare(holder:roundID:)``.
    static func create(
        policy: ReleasePolicy, roundID: [UInt8], roundHash: [UInt8], manifestHash: [UInt8], resultsHash: [UInt8],
        decision: String, holder: SecretIdentity, created: String = Timestamp.now()
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
        let share = try policy.openShare(holder: holder, roundID: roundID)
        defer { share.y.wipe() }
        let header = JSONValue.object([
            "created": .string(created),
            "decision": .string(decision),
            "holder": .string(holder.identity.id),
            "holderSigningKey": .hex(holder.signingKey.publicKey.rawRepresentation),
            "manifest": .hex(manifestHash),
            "results": .hex(resultsHash),
            "round": .hex(roundHash),
            "share": .string(Hex.encode(secret: share.y)),
            "x": .int(Int(share.x)),
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

    /// Parses an approval strictly (the signature and the bindings are checked by
    /// ``verify(policy:roundID:roundHash:manifestHash:resultsHash:)``).
    ///
    /// - Throws: ``FormatError`` format errors (`format.*`), `format.header` naming the field.
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
            let keyBytes = try r.hex("holderSigningKey", length: Ed25519.publicKeyLength)
            manifest = try r.hex("manifest", length: 32)
            results = try r.hex("results", length: 32)
            round = try r.hex("round", length: 32)
            let shareText = try r.string("share", maxBytes: 2 * ReleasePolicy.shareLength)
            let x = try r.integer("x", in: 1...Int64(Shamir.maxShares))
            try r.finish()
            guard let y = Hex.decodeSecret(shareText, length: ReleasePolicy.shareLength) else {
                throw FieldReader.Failure(path: "share", reason: "expected 32 bytes of lowercase hex")
            }
            share = Shamir.Share(x: UInt8(x), y: y)
            // The length was checked above, so this cannot fail.
            guard let key = try? Ed25519.PublicKey(rawRepresentation: keyBytes) else {
                throw FieldReader.Failure(path: "holderSigningKey", reason: "invalid key")
            }
            holderSigningKey = key
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

    /// Checks the approval against the round, in the order of spec §8.3.
    ///
    /// 1. the signature by `holderSigningKey` (`approval.bad-signature`);
    /// 2. that key is a holder's signing key in `policy` (`approval.not-a-holder`);
    /// 3. `x` is that holder's x (`approval.wrong-x`);
    /// 4. `round`, `manifest`, `results` equal the given hashes (`approval.wrong-round`,
    ///    `approval.wrong-manifest`, `approval.wrong-results`);
    /// 5. the share matches the holder's commitment, in constant time (`approval.share-commitment`).
    ///
    /// - Parameters:
    ///   - policy: The round's release policy.
    ///   - roundID: The round's 16-byte id.
    ///   - roundHash: The round definition's file hash.
    ///   - manifestHash: The file hash of `manifest.avm`.
    ///   - resultsHash: The file hash of `results.avl`.
    /// - Returns: The holder's entry in the policy (its id is the name to report).
    /// - Throws: ``ReleaseError`` with the codes above, or `release.round-id-length`.
    @discardableResult
    func verify(
        policy: ReleasePolicy, roundID: [UInt8], roundHash: [UInt8], manifestHash: [UInt8], resultsHash: [UInt8]
    ) throws -> ReleasePolicy.Holder {
        guard roundID.count == ReleasePolicy.roundIDLength else {
            throw ReleaseError(.roundIDLength, [.text(String(roundID.count))])
        }
        guard document.isSigned(by: holderSigningKey) else {
            throw ReleaseError(.approvalBadSignature, [.file(file)], hint: ErrorHint(.askForNewCopy))
        }
        guard let entry = policy.holders.first(where: { $0.identity.signingKey == holderSigningKey }) else {
            throw ReleaseError(.approvalNotAHolder, [.file(file), .text(holder)], hint: ErrorHint(.releaseCheckRound))
        }
        let name = entry.identity.id
        guard entry.x == share.x else {
            throw ReleaseError(
                .approvalWrongX, [.file(file), .text(name), .text(String(share.x)), .text(String(entry.x))])
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
        let computed = ReleasePolicy.commitment(roundID: roundID, x: share.x, y: share.y)
        guard Sodium.constantTimeEqual(computed, entry.commitment) else {
            throw ReleaseError(
                .approvalShareCommitment, [.file(file), .text(name), .text(String(share.x))],
                hint: ErrorHint(.approvalAgain, [.text(name)]))
        }
        return entry
    }
}
