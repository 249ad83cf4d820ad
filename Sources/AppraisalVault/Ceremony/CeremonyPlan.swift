internal import VaultCrypto

/// The plan of a key ceremony, `CEREMONY/plan.avp` (spec §4.2): the round id, the secretary, the
/// holders in x order and the threshold, as an unsigned container of kind `ceremony-plan`.
///
/// Nobody signs the plan: each holder signs its hash in its dealing and its acknowledgement
/// (spec §4.3, §4.4), and the secretary signs the round definition that embeds it. A plan that
/// a holder did not see cannot collect that holder's dealing.
struct CeremonyPlan: Sendable {
    /// The 16-byte round id the ceremony is for; `round init` gives the round this id.
    let roundID: [UInt8]
    /// When the plan was made (informational).
    let created: String
    /// The holders; holder at index p has x = p + 1.
    let holders: [PublicIdentity]
    /// The secretary who will sign the round.
    let secretary: PublicIdentity
    /// t: how many holders' partial decryptions open the locked results.
    let threshold: Int
    /// The file as read.
    let bytes: [UInt8]
    /// The path or label, for messages.
    let file: String

    /// The most holders a ceremony takes (each holder deals to every other; spec §1.8).
    static let maxHolders = 32
    /// The largest plan file (32 identities of at most 1 KiB each, and the fixed fields).
    static let maxFileSize = 65_536

    /// BLAKE2b-256 of the plan file; every dealing and acknowledgement binds it.
    var fileHash: [UInt8] { BLAKE2b.hash(bytes, outputLength: 32) }

    /// Writes a plan for a new round id.
    ///
    /// - Parameters:
    ///   - holders: The holders in x order.
    ///   - threshold: t, 1 ≤ t ≤ n.
    ///   - secretary: The secretary's public identity (role `secretary`).
    ///   - created: RFC 3339 UTC time.
    ///   - random: The source of the 16-byte round id.
    /// - Returns: The plan file's bytes.
    /// - Throws: ``ReleaseError`` `release.holder-count`, `release.threshold-range`,
    ///   `release.holder-role`, `release.duplicate-*`; ``RoundError`` `round.secretary-role`.
    static func create(
        holders: [PublicIdentity], threshold: Int, secretary: PublicIdentity, created: String = Timestamp.now(),
        using random: any RandomSource = SystemRandom()
    ) throws -> [UInt8] {
        if let problem = problem(holders: holders, threshold: threshold) { throw problem }
        guard secretary.role == .secretary else {
            throw RoundError(.secretaryRole, [.text(secretary.id), .text(secretary.role.rawValue)])
        }
        let header = JSONValue.object([
            "created": .string(created),
            "holders": .array(holders.map(\.json)),
            "round": .hex(random.bytes(ReleasePolicy.roundIDLength)),
            "secretary": secretary.json,
            "threshold": .int(threshold),
        ])
        return Container.encode(kind: .ceremonyPlan, header: header)
    }

    /// The first rule the holder list or threshold breaks: 1 ≤ n ≤ 32, 1 ≤ t ≤ n, role `holder`,
    /// distinct ids, signing keys and encryption keys (spec §4.2 P1–P5).
    static func problem(holders: [PublicIdentity], threshold: Int) -> ReleaseError? {
        let n = holders.count
        guard (1...maxHolders).contains(n) else { return ReleaseError(.holderCount, [.text(String(n))]) }
        guard (1...n).contains(threshold) else {
            return ReleaseError(.thresholdRange, [.text(String(threshold)), .text(String(n))])
        }
        // At most 32 holders: the earlier ones are searched in order (a dictionary keyed by a key
        // type costs a search of the runtime's conformance tables at its first use in a process).
        for (i, identity) in holders.enumerated() {
            guard identity.role == .holder else {
                return ReleaseError(.holderRole, [.member(identity.id), .text(identity.role.rawValue)])
            }
            let earlier = holders[..<i]
            guard !earlier.contains(where: { $0.id == identity.id }) else {
                return ReleaseError(.duplicateHolderID, [.member(identity.id)])
            }
            if let other = earlier.first(where: { $0.signingKey == identity.signingKey }) {
                return ReleaseError(.duplicateSigningKey, [.text(other.id), .member(identity.id)])
            }
            if let other = earlier.first(where: { $0.encryptionKey == identity.encryptionKey }) {
                return ReleaseError(.duplicateEncryptionKey, [.text(other.id), .member(identity.id)])
            }
        }
        return nil
    }

    /// Parses a plan strictly (spec §4.2).
    ///
    /// - Throws: ``FormatError`` format errors, `format.header` naming the field or rule.
    init(parsing bytes: [UInt8], file: String) throws {
        guard bytes.count <= CeremonyPlan.maxFileSize else {
            throw FormatError(
                .fileTooLarge, [.file(file), .text(String(bytes.count)), .text(String(CeremonyPlan.maxFileSize))])
        }
        let container = try Container(
            parsing: bytes, expecting: .ceremonyPlan, file: file, maxHeaderLength: CeremonyPlan.maxFileSize)
        guard container.body.isEmpty else {
            throw FormatError(.trailing, [.file(file), .text(String(container.body.count))])
        }
        do throws(FieldReader.Failure) {
            var r = try FieldReader(container.header)
            created = try r.timestamp("created")
            let items = try r.array("holders", maxCount: CeremonyPlan.maxHolders)
            var holders = [PublicIdentity]()
            for (i, item) in items.enumerated() {
                holders.append(try PublicIdentity(json: item, path: "holders[\(i)]"))
            }
            roundID = try r.hex("round", length: ReleasePolicy.roundIDLength)
            secretary = try PublicIdentity(json: try r.value("secretary"), path: "secretary")
            threshold = Int(try r.integer("threshold", in: 1...Int64(CeremonyPlan.maxHolders)))
            try r.finish()
            if let problem = CeremonyPlan.problem(holders: holders, threshold: threshold) {
                throw FieldReader.Failure(path: "holders", reason: problem.description)
            }
            guard secretary.role == .secretary else {
                throw FieldReader.Failure(path: "secretary.role", reason: "expected secretary")
            }
            self.holders = holders
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
        self.bytes = bytes
        self.file = file
    }

    /// The x (1…n) of the holder with `signingKey`, if any.
    func x(of signingKey: Ed25519.PublicKey) -> Int? {
        holders.firstIndex(where: { $0.signingKey == signingKey }).map { $0 + 1 }
    }

    /// The holder at `x` (1…n).
    func holder(_ x: Int) -> PublicIdentity { holders[x - 1] }
}
