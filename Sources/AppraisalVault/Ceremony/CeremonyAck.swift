internal import VaultCrypto

/// A holder's acknowledgement, pass 2 of the key ceremony (spec §4.4): the hashes of every
/// dealing the holder checked, and a complaint for each dealer whose share to this holder is not
/// on that dealer's commitments. A signed document of kind `ceremony-ack`.
///
/// A complaint carries the share and the dealer's signature over it, opened from the sealed
/// share: anyone can judge it (spec §4.5) without the holder's key. The share revealed belongs
/// to a dealer who is then excluded, so revealing it costs nothing.
struct CeremonyAck: Sendable {
    /// A complaint against one dealer: the revealed share and the dealer's signature over it.
    struct Complaint: Sendable {
        /// The dealer's x.
        let dealer: Int
        /// `s_ij`, 32 bytes (public once complained about).
        let share: [UInt8]
        /// The dealer's signature over the share message (spec §4.3).
        let signature: [UInt8]
    }

    /// The acknowledging holder's x.
    let x: Int
    /// The holder id the file was signed under (a label).
    let holder: String
    /// The plan's file hash.
    let plan: [UInt8]
    /// The file hashes of the n dealings the holder checked, in x order.
    let dealings: [[UInt8]]
    /// The complaints, in increasing dealer x; empty for a plain acknowledgement.
    let complaints: [Complaint]
    /// When it was written (informational).
    let created: String
    /// The parsed document (for the signature).
    let document: SignedDocument
    /// The file as read.
    let bytes: [UInt8]
    /// The path or label, for messages.
    let file: String

    /// The largest acknowledgement file.
    static let maxFileSize = 16_384

    /// BLAKE2b-256 of the file.
    var fileHash: [UInt8] { document.fileHash }

    // MARK: - Writing

    /// Checks every dealing against the plan and this holder's share in it, and writes the
    /// acknowledgement: complaints for shares off their commitments.
    ///
    /// - Parameters:
    ///   - plan: The ceremony plan.
    ///   - dealings: One dealing per holder, in any order.
    ///   - holder: The acknowledging holder's unlocked identity.
    ///   - created: RFC 3339 UTC time.
    /// - Returns: The file's bytes and the dealers complained about.
    /// - Throws: the dealing checks of ``Ceremony/orderDealings(_:plan:)``, ``CeremonyError``
    ///   `ceremony.not-a-holder`, `ceremony.share-unopenable` (ask that dealer to deal again).
    static func create(
        plan: CeremonyPlan, dealings: [CeremonyDealing], holder: SecretIdentity, created: String = Timestamp.now()
    ) throws -> (bytes: [UInt8], accused: [String]) {
        guard let j = plan.x(of: holder.signingKey.publicKey),
            plan.holder(j).encryptionKey == holder.encryptionKey.publicKey
        else { throw CeremonyError(.notAHolder, [.member(holder.identity.id), .file(plan.file)]) }
        let ordered = try Ceremony.orderDealings(dealings, plan: plan)
        var complaints = [JSONValue]()
        var accused = [String]()
        for dealing in ordered {
            let dealer = plan.holder(dealing.x)
            let opened = try dealing.openShare(for: holder, at: j, dealer: dealer)
            defer { opened.share.secret.wipe() }
            let actual = try crypto { try Ristretto255.Point.base(times: opened.share) }
            guard actual != (try dealing.expectedSharePoint(for: j)) else { continue }
            guard dealing.x != j else { throw CryptoError(SodiumError(.operationFailed, "own share")) }
            accused.append(dealer.id)
            complaints.append(
                .object([
                    "dealer": .int(dealing.x),
                    "share": .hex(opened.share.publicBytes()),
                    "signature": .hex(opened.signature),
                ]))
        }
        let header = JSONValue.object([
            "complaints": .array(complaints),
            "created": .string(created),
            "dealings": .array(ordered.map { .hex($0.fileHash) }),
            "holder": .string(holder.identity.id),
            "plan": .hex(plan.fileHash),
            "x": .int(j),
        ])
        return (try SignedDocument.encode(kind: .ceremonyAck, header: header, signer: holder.signingKey), accused)
    }

    private static func crypto<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw CryptoError(error) }
    }

    // MARK: - Reading

    /// Parses an acknowledgement strictly (spec §4.4); the signature and the complaints are
    /// judged by ``Ceremony``.
    ///
    /// - Throws: ``FormatError`` format errors, `format.header` naming the field.
    init(parsing bytes: [UInt8], file: String) throws {
        let document = try SignedDocument(
            parsing: bytes, expecting: .ceremonyAck, file: file, cap: CeremonyAck.maxFileSize)
        do throws(FieldReader.Failure) {
            var r = try FieldReader(document.container.header)
            let items = try r.array("complaints", maxCount: CeremonyPlan.maxHolders)
            var complaints = [Complaint]()
            for (i, item) in items.enumerated() {
                var c = try FieldReader(item, path: "complaints[\(i)]")
                let dealer = Int(try c.integer("dealer", in: 1...Int64(CeremonyPlan.maxHolders)))
                let share = try c.hex("share", length: Ristretto255.scalarLength)
                let signature = try c.hex("signature", length: Ed25519.signatureLength)
                try c.finish()
                guard dealer > (complaints.last?.dealer ?? 0) else {
                    throw FieldReader.Failure(path: "complaints[\(i)].dealer", reason: "not in increasing order")
                }
                complaints.append(Complaint(dealer: dealer, share: share, signature: signature))
            }
            self.complaints = complaints
            created = try r.timestamp("created")
            dealings = try r.hexArray("dealings", length: 32, maxCount: CeremonyPlan.maxHolders)
            holder = try r.string("holder", maxBytes: 64)
            guard Identifier.isValid(holder) else {
                throw FieldReader.Failure(path: "holder", reason: "not a valid identifier")
            }
            plan = try r.hex("plan", length: 32)
            x = Int(try r.integer("x", in: 1...Int64(CeremonyPlan.maxHolders)))
            try r.finish()
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
        self.document = document
        self.bytes = bytes
        self.file = file
    }
}
