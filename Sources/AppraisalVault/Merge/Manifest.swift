package import VaultCrypto

/// The secretary's signed record of a merge (spec §6.3): exactly which submissions went in, the
/// coverage, and the hash of the locked results. A ``SignedDocument`` of kind `manifest` at
/// `ROUND/manifest.avm`.
public struct Manifest: Sendable, Hashable {
    /// One input submission.
    public struct Input: Sendable, Hashable {
        /// The member.
        public let member: String
        /// Its revision.
        public let revision: Int
        /// BLAKE2b-256 of the submission file.
        public let fileHash: [UInt8]
    }

    /// The round's file hash.
    public let round: [UInt8]
    /// The submissions merged, sorted by member id.
    public let submissions: [Input]
    /// Appraisable cells.
    public let appraisable: Int
    /// Cells appraised exactly once by their member.
    public let appraised: Int
    /// Cells with no appraisal.
    public let gaps: Int
    /// Cells appraised wrongly.
    public let conflicts: Int
    /// Members who did not submit.
    public let missingMembers: [String]
    /// True when the secretary locked incomplete results on purpose (`--allow-incomplete`).
    public let allowIncomplete: Bool
    /// Whether survey scores were supplied.
    public let surveyAvailable: Bool
    /// BLAKE2b-256 of the locked-results file.
    public let results: [UInt8]
    /// The journal's head hash just before the merge entry.
    public let journalHead: [UInt8]
    /// When it was made (informational).
    public let created: String

    /// The file name inside a round folder.
    public static let fileName = "manifest.avm"

    public init(
        round: [UInt8], submissions: [Input], appraisable: Int, appraised: Int, gaps: Int, conflicts: Int,
        missingMembers: [String], allowIncomplete: Bool, surveyAvailable: Bool, results: [UInt8], journalHead: [UInt8],
        created: String
    ) {
        self.round = round
        self.submissions = submissions.sorted { $0.member < $1.member }
        self.appraisable = appraisable
        self.appraised = appraised
        self.gaps = gaps
        self.conflicts = conflicts
        self.missingMembers = missingMembers.sorted()
        self.allowIncomplete = allowIncomplete
        self.surveyAvailable = surveyAvailable
        self.results = results
        self.journalHead = journalHead
        self.created = created
    }

    /// The header object.
    public var json: JSONValue {
        .object([
            "allowIncomplete": .bool(allowIncomplete),
            "coverage": .object([
                "appraisable": .integer(Int64(appraisable)), "appraised": .integer(Int64(appraised)),
                "conflicts": .integer(Int64(conflicts)), "gaps": .integer(Int64(gaps)),
                "missingMembers": .array(missingMembers.map { .string($0) }),
            ]),
            "created": .string(created),
            "journalHead": .hex(journalHead),
            "results": .hex(results),
            "round": .hex(round),
            "submissions": .array(
                submissions.map {
                    .object(["fileHash": .hex($0.fileHash), "member": .string($0.member), "revision": .integer(Int64($0.revision))])
                }),
            "surveyAvailable": .bool(surveyAvailable),
        ])
    }

    /// Reads a manifest header strictly.
    public init(json: JSONValue) throws(FieldReader.Failure) {
        var r = try FieldReader(json)
        allowIncomplete = try r.bool("allowIncomplete")
        var c = try r.object("coverage")
        let cap: ClosedRange<Int64> = 0...Int64(Int32.max)
        appraisable = Int(try c.integer("appraisable", in: cap))
        appraised = Int(try c.integer("appraised", in: cap))
        conflicts = Int(try c.integer("conflicts", in: cap))
        gaps = Int(try c.integer("gaps", in: cap))
        var missing = [String]()
        for item in try c.array("missingMembers") {
            guard case .string(let s) = item, Identifier.isValid(s) else {
                throw FieldReader.Failure(path: "coverage.missingMembers", reason: "expected identifiers")
            }
            missing.append(s)
        }
        missingMembers = missing
        try c.finish()
        created = try r.string("created", maxBytes: 32)
        journalHead = try r.hex("journalHead", length: 32)
        results = try r.hex("results", length: 32)
        round = try r.hex("round", length: 32)
        var inputs = [Input]()
        for (i, item) in try r.array("submissions").enumerated() {
            var s = try FieldReader(item, path: "submissions[\(i)]")
            let input = Input(
                member: try s.string("member", maxBytes: 64), revision: Int(try s.integer("revision", in: 1...1_000_000)),
                fileHash: try s.hex("fileHash", length: 32))
            try s.finish()
            inputs.append(input)
        }
        guard inputs.map(\.member) == inputs.map(\.member).sorted(), Set(inputs.map(\.member)).count == inputs.count else {
            throw FieldReader.Failure(path: "submissions", reason: "not sorted by member, or a member twice")
        }
        submissions = inputs
        surveyAvailable = try r.bool("surveyAvailable")
        try r.finish()
    }

    /// Signs the manifest.
    package func encoded(signedWith key: Ed25519.PrivateKey) throws(VaultError) -> [UInt8] {
        try SignedDocument.encode(kind: .manifest, header: json, signer: key)
    }

    /// Parses a manifest file and checks its signature by `secretaryKey`.
    package init(parsing bytes: [UInt8], file: String, secretaryKey: Ed25519.PublicKey) throws(VaultError) {
        let doc = try SignedDocument(parsing: bytes, expecting: .manifest, file: file, maxHeaderLength: 16 << 20)
        guard doc.isSigned(by: secretaryKey) else { throw VaultError(.manifestBadSignature, [file], hint: .hintAskForNewCopy) }
        do { self = try Manifest(json: doc.container.header) } catch { throw VaultError(.formatHeader, [file, error.description]) }
    }
}
