internal import VaultCrypto

/// A holder's dealing, pass 1 of the key ceremony (spec §4.3): Feldman commitments
/// `C_k = a_k·G` to a random polynomial `f(X) = a_0 + a_1·X + … + a_{t−1}·X^{t−1}`, a Schnorr
/// proof of knowledge of `a_0` bound to the plan and the dealer, and for every holder j
/// (the dealer included) the share `s_j = f(j)` with the dealer's signature over it, sealed to
/// holder j's encryption key. A signed document of kind `ceremony-dealing`.
///
/// Security notes:
/// - The polynomial exists only in ``SecretBytes`` while the dealing is written; afterwards the
///   dealer holds nothing: its own share is sealed to itself in the dealing, and is opened again
///   from the round definition at release (spec §8.2).
/// - The dealer's signature inside each sealed share makes a complaint judgeable by anyone: the
///   holder reveals the share and the signature, and anyone checks both against the commitments.
/// - The proof of knowledge stops a dealer from choosing its constant term as a function of the
///   others' (a rogue-key joint key).
struct CeremonyDealing: Sendable {
    /// The dealer's x.
    let x: Int
    /// The dealer id the file was signed under (a label; the key identifies the dealer).
    let holder: String
    /// The plan's file hash.
    let plan: [UInt8]
    /// `C_0 … C_{t−1}`.
    let commitments: [Ristretto255.Point]
    /// `R ‖ z` of the Schnorr proof for `C_0`.
    let proof: [UInt8]
    /// The sealed shares, index j − 1 for holder j; each 144 bytes.
    let shares: [[UInt8]]
    /// When it was written (informational).
    let created: String
    /// The parsed document (for the signature).
    let document: SignedDocument
    /// The file as read.
    let bytes: [UInt8]
    /// The path or label, for messages.
    let file: String

    /// Plaintext of a sealed share: the share (32) and the dealer's signature over it (64).
    static let sharePlaintextLength = Ristretto255.scalarLength + Ed25519.signatureLength
    /// A sealed share: 48 + 96 = 144 bytes.
    static let sealedShareLength = sharePlaintextLength + 48
    /// The largest dealing file: 32 commitments and 32 sealed shares in hex, and the fixed fields.
    static let maxFileSize = 32_768

    /// BLAKE2b-256 of the file.
    var fileHash: [UInt8] { document.fileHash }

    /// The context of the proof of knowledge: `domain("proof") ‖ plan (32) ‖ [x]`.
    static func proofContext(plan: [UInt8], x: Int) -> [UInt8] {
        ArtifactKind.ceremonyDealing.domain("proof") + plan + [UInt8(x)]
    }

    /// What the dealer signs inside a share: `domain("share") ‖ plan (32) ‖ [i] ‖ [j] ‖ s_ij (32)`.
    static func shareMessage(plan: [UInt8], dealer i: Int, recipient j: Int, share: SecretBytes) throws -> SecretBytes {
        do {
            return try SecretBytes.concatenating([
                SecretBytes(copying: ArtifactKind.ceremonyDealing.domain("share") + plan + [UInt8(i), UInt8(j)]),
                share,
            ])
        } catch { throw CryptoError(error) }
    }

    // MARK: - Writing

    /// Writes the dealing of `dealer` for `plan`.
    ///
    /// Randomness is read in this order: the t coefficients (64 bytes each, reduced mod ℓ), the
    /// proof nonce (64 bytes), then one 32-byte ephemeral key per sealed share, in x order.
    ///
    /// - Returns: The dealing file's bytes.
    /// - Throws: ``CeremonyError`` `ceremony.not-a-holder`; ``CryptoError``.
    static func create(
        plan: CeremonyPlan, dealer: SecretIdentity, created: String = Timestamp.now(),
        using random: any RandomSource = SystemRandom()
    ) throws -> [UInt8] {
        guard let x = plan.x(of: dealer.signingKey.publicKey),
            plan.holder(x).encryptionKey == dealer.encryptionKey.publicKey
        else { throw CeremonyError(.notAHolder, [.member(dealer.identity.id), .file(plan.file)]) }
        let planHash = plan.fileHash
        do {
            let coefficients = try (0..<plan.threshold).map { _ in try Ristretto255.Scalar.random(using: random) }
            defer { for a in coefficients { a.secret.wipe() } }
            let commitments = try coefficients.map { try Ristretto255.Point.base(times: $0) }
            let proof = try Ristretto255.Schnorr.prove(
                secret: coefficients[0], commitment: commitments[0], context: proofContext(plan: planHash, x: x),
                using: random)
            var sealed = [JSONValue]()
            for (index, recipient) in plan.holders.enumerated() {
                let j = index + 1
                let share = try evaluate(coefficients, at: j)
                defer { share.secret.wipe() }
                let message = try shareMessage(plan: planHash, dealer: x, recipient: j, share: share.secret)
                let signature = try dealer.signingKey.signature(for: message)
                let plaintext = try SecretBytes.concatenating([share.secret, SecretBytes(copying: signature)])
                sealed.append(.hex(try SealedBox.seal(plaintext, to: recipient.encryptionKey, using: random)))
            }
            let header = JSONValue.object([
                "commitments": .array(commitments.map { .hex($0.rawRepresentation) }),
                "created": .string(created),
                "holder": .string(dealer.identity.id),
                "plan": .hex(planHash),
                "proof": .hex(proof),
                "shares": .array(sealed),
                "x": .int(x),
            ])
            return try SignedDocument.encode(kind: .ceremonyDealing, header: header, signer: dealer.signingKey)
        } catch let error as SodiumError {
            throw CryptoError(error)
        }
    }

    /// `f(j) = Σ_k a_k · j^k mod ℓ` (Horner).
    private static func evaluate(_ coefficients: [Ristretto255.Scalar], at j: Int) throws -> Ristretto255.Scalar {
        let xj = try Ristretto255.Scalar(UInt64(j))
        // A new scalar even for t = 1: the caller wipes the share, never the coefficient.
        var acc = try coefficients[coefficients.count - 1].multiplied(by: .one)
        for k in stride(from: coefficients.count - 2, through: 0, by: -1) {
            acc = try acc.multiplied(by: xj).adding(coefficients[k])
        }
        return acc
    }

    // MARK: - Reading

    /// Parses a dealing strictly: exact fields and lengths, every commitment a valid non-identity
    /// point (spec §4.3). The signature and the proof are checked by ``Ceremony``.
    ///
    /// - Throws: ``FormatError`` format errors, `format.header` naming the field.
    init(parsing bytes: [UInt8], file: String) throws {
        let document = try SignedDocument(
            parsing: bytes, expecting: .ceremonyDealing, file: file, cap: CeremonyDealing.maxFileSize)
        do throws(FieldReader.Failure) {
            var r = try FieldReader(document.container.header)
            let items = try r.array("commitments", maxCount: CeremonyPlan.maxHolders)
            guard !items.isEmpty else { throw FieldReader.Failure(path: "commitments", reason: "empty") }
            commitments = try CeremonyDealing.points(items, path: "commitments")
            created = try r.timestamp("created")
            holder = try r.string("holder", maxBytes: 64)
            guard Identifier.isValid(holder) else {
                throw FieldReader.Failure(path: "holder", reason: "not a valid identifier")
            }
            plan = try r.hex("plan", length: 32)
            proof = try r.hex("proof", length: Ristretto255.Schnorr.proofLength)
            shares = try r.hexArray(
                "shares", length: CeremonyDealing.sealedShareLength, maxCount: CeremonyPlan.maxHolders)
            x = Int(try r.integer("x", in: 1...Int64(CeremonyPlan.maxHolders)))
            try r.finish()
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
        self.document = document
        self.bytes = bytes
        self.file = file
    }

    /// Decodes hex points, each valid and not the identity.
    static func points(_ items: [JSONValue], path: String) throws(FieldReader.Failure) -> [Ristretto255.Point] {
        var out = [Ristretto255.Point]()
        for (i, item) in items.enumerated() {
            guard case .string(let text) = item, let raw = Hex.decode(text),
                let point = try? Ristretto255.Point(rawRepresentation: raw)
            else {
                throw FieldReader.Failure(
                    path: "\(path)[\(i)]", reason: "expected a canonical ristretto255 point other than the identity")
            }
            out.append(point)
        }
        return out
    }

    // MARK: - Checking

    /// `Σ_k j^k · C_k`: what holder j's share from this dealer must be, times G (Feldman).
    func expectedSharePoint(for j: Int) throws -> Ristretto255.Point {
        do {
            return try Ristretto255.Point.combination(commitments, powersOf: UInt64(j))
        } catch { throw CryptoError(error) }
    }

    /// True when the proof of knowledge of `a_0` holds for this dealer and plan.
    var hasValidProof: Bool {
        Ristretto255.Schnorr.isValid(proof, commitment: commitments[0], context: Self.proofContext(plan: plan, x: x))
    }

    /// Opens the share sealed to holder `j` and checks the dealer's signature inside.
    ///
    /// - Returns: The share; the dealer's signature over it (the evidence of a complaint).
    /// - Throws: ``CeremonyError`` `ceremony.share-unopenable` naming the dealer.
    func openShare(for recipient: SecretIdentity, at j: Int, dealer: PublicIdentity) throws -> (
        share: Ristretto255.Scalar, signature: [UInt8]
    ) {
        let unopenable = CeremonyError(
            .shareUnopenable, [.member(dealer.id), .file(file)],
            hint: ErrorHint(.ceremonyDealAgain, [.member(dealer.id)]))
        guard let plaintext = try? SealedBox.open(shares[j - 1], with: recipient.encryptionKey),
            plaintext.count == CeremonyDealing.sharePlaintextLength,
            let secret = try? plaintext.slice(0..<Ristretto255.scalarLength),
            let share = try? Ristretto255.Scalar(canonical: secret)
        else { throw unopenable }
        let signature = plaintext.withUnsafeBytes { Array($0[Ristretto255.scalarLength...]) }
        plaintext.wipe()
        guard
            dealer.signingKey.isValidSignature(
                signature, for: try CeremonyDealing.shareMessage(plan: plan, dealer: x, recipient: j, share: secret))
        else { throw unopenable }
        return (share, signature)
    }
}
