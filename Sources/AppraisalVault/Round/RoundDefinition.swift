internal import VaultCrypto

/// The signed round definition, `ROUND/round.avr` (docs/spec/03-round.md).
///
/// A signed document (spec §1.4) of kind ``ArtifactKind/roundDefinition`` whose header holds the
/// whole round set-up — framework, units and groups, self-assessment, members with their public
/// identities and assignments, rank labels, the release section (spec §4) — plus the round id,
/// title, year, references, demo flag, creation time and the secretary's public identity. The
/// secretary named inside signs it; a value of this type has always been parsed strictly,
/// re-validated, and verified against that key.
///
/// Other artifacts bind to ``fileHash``; people confirm a round by reading ``fingerprint``
/// over the phone.
@dynamicMemberLookup
public struct RoundDefinition: Sendable {
    /// The 16 random bytes that name the round.
    public let roundID: [UInt8]
    /// The round's title, NFC.
    public let title: String
    /// The assessed year.
    public let year: Int
    /// References such as "Quyết định số 04/QĐ-UBND", NFC.
    public let references: [String]
    /// True for a demo round (demo identities allowed).
    public let isDemo: Bool
    /// Who issues and signs the official report, where, and its number.
    public let document: RoundDocument
    /// The submission deadline (`YYYY-MM-DD`), or `""` when the round has none.
    public let deadline: String
    /// When it was created (RFC 3339 UTC, informational).
    public let created: String
    /// The secretary, who signed it.
    public let secretary: PublicIdentity
    /// The framework, units and groups, self-assessment, members and rank labels; each also
    /// reads as a property of the definition (`definition.units`).
    public let plan: RoundPlan
    /// The holders' key ceremony and what follows from it: threshold, joint key, verification keys.
    let release: ReleasePolicy
    /// BLAKE2b-256 of the whole file as read: what every other artifact of the round binds to.
    public let fileHash: [UInt8]

    /// Largest header accepted: national-scale rounds are big.
    public static let maxHeaderLength = 256 << 20

    /// The phone-readable fingerprint of the round:
    /// `Fingerprint(digestOf: "AppraisalVault/v1/round-definition/fingerprint\0" ‖ fileHash)`.
    public var fingerprint: Fingerprint {
        Fingerprint(digestOf: ArtifactKind.roundDefinition.domain("fingerprint") + fileHash)
    }

    /// The round id as lowercase hex.
    public var roundIDHex: String { Hex.encode(roundID) }

    /// A part of the round's ``plan``, e.g. `definition.sets`.
    public subscript<Value>(dynamicMember part: KeyPath<RoundPlan, Value>) -> Value { plan[keyPath: part] }

    /// The member with `id`, if any (``RoundPlan/member(_:)``).
    public func member(_ id: String) -> Member? { plan.member(id) }

    /// The cells `member` appraises, in unit order then framework order (``RoundPlan/cells(of:)``).
    public func cells(of member: Member) -> [Cell] { plan.cells(of: member) }

    /// The release holders, in order (holder i has x = i).
    public var holders: [PublicIdentity] { release.holders.map(\.identity) }

    /// The release threshold t.
    public var threshold: Int { release.threshold }

    /// The unit with `id`, if any (``RoundPlan/unit(_:)``).
    public func unit(_ id: String) -> AppraisedUnit? { plan.unit(id) }

    /// The authorisation view used by receive, merge and verify.
    var roster: Roster {
        Roster(
            roundHash: fileHash, secretary: secretary, members: plan.members.map(\.identity),
            holders: release.holders.map(\.identity), units: plan.unitKeys)
    }

    // MARK: - Creating

    /// Creates and signs the definition for `setup`, with the round id and release section of its
    /// judged key ceremony (spec §4.6); no key is generated here.
    ///
    /// The bytes are parsed back and verified before they are returned.
    ///
    /// - Returns: the file bytes and the parsed definition.
    /// - Throws: ``RoundError`` `round.secretary-role`, `round.demo-refused`; ``CeremonyError``
    ///   `ceremony.round-mismatch` when the ceremony names another secretary; `crypto.failure`.
    static func create(
        from setup: RoundSetup, secretary: SecretIdentity, created: String = Timestamp.now()
    ) throws -> (bytes: [UInt8], definition: RoundDefinition) {
        guard secretary.identity.role == .secretary else {
            throw RoundError(.secretaryRole, [.text(secretary.identity.id), .text(secretary.identity.role.rawValue)])
        }
        try setup.checkDemo(secretary: secretary.identity)
        let release = setup.release
        guard release.ceremony.plan.secretary == secretary.identity else {
            throw CeremonyError(.roundMismatch, [.member(secretary.identity.id), .file(release.ceremony.plan.file)])
        }
        let roundID = release.roundID
        let header = RoundDefinition.header(
            roundID: roundID, setup: setup, created: created, secretary: secretary.identity, release: release)
        let bytes = try SignedDocument.encode(kind: .roundDefinition, header: header, signer: secretary.signingKey)
        return (bytes, try RoundDefinition(parsing: bytes, file: RoundLayout.definitionFileName))
    }

    // MARK: - Reading

    /// Parses a round definition strictly, re-validates its content and verifies the signature
    /// by the secretary it names.
    ///
    /// - Throws: ``FormatError`` format errors, `format.header` naming the field or rule,
    ///   `round.bad-signature` when any byte was changed after signing.
    public init(parsing bytes: [UInt8], file: String) throws {
        // The usual shape first, its self-assessment read from the bytes without a JSON tree;
        // anything else, and every error, is the strict path's to decide.
        if let range = SelfAssessmentFastReader.locate(in: bytes),
            let fast = try? RoundDefinition(parsing: bytes, file: file, excising: range)
        {
            self = fast
            return
        }
        try self.init(parsing: bytes, file: file, excising: nil)
    }

    /// The strict path when `excising` is nil; else the header is parsed with the bytes of its
    /// `selfAssessment` array (`excising`, ``SelfAssessmentFastReader/locate(in:)``) standing as
    /// `[]`, and that array is read by ``SelfAssessmentFastReader``, failing when it cannot.
    init(parsing bytes: [UInt8], file: String, excising: Range<Int>?) throws {
        let doc = try SignedDocument(
            parsing: bytes, expecting: .roundDefinition, file: file, maxHeaderLength: RoundDefinition.maxHeaderLength,
            excising: excising)
        // The signature first (by the secretary named inside), so any edit reads as "altered".
        guard case .object(let fields) = doc.container.header, let secretaryJSON = fields["secretary"] else {
            throw FormatError(
                .header, [.file(file), .text("field \"secretary\": missing")], hint: ErrorHint(.askForNewCopy))
        }
        let signer: PublicIdentity
        do {
            signer = try PublicIdentity(json: secretaryJSON, path: "secretary")
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)], hint: ErrorHint(.askForNewCopy))
        }
        guard doc.isSigned(by: signer.signingKey) else {
            throw RoundError(.badSignature, [.file(file)], hint: ErrorHint(.askForNewCopy))
        }
        do {
            self = try RoundDefinition(
                header: doc.container.header, fileHash: doc.fileHash,
                selfAssessmentBytes: excising.map { (bytes, $0) })
        } catch {
            throw FormatError(.header, [.file(file), .text(error.description)], hint: ErrorHint(.askForNewCopy))
        }
    }

    /// Reads and verifies `ROUND/round.avr`.
    public static func load(roundDirectory: String) throws -> RoundDefinition {
        let path = FileIO.join(roundDirectory, RoundLayout.definitionFileName)
        if !FileIO.exists(path), FileIO.isDirectory(roundDirectory) == false {
            throw RoundError(.noFolder, [.file(roundDirectory)])
        }
        let bytes = try FileIO.read(path, maxBytes: maxHeaderLength + 4096)
        return try RoundDefinition(parsing: bytes, file: path)
    }
}
