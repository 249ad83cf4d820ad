internal import VaultCrypto

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

    /// The imported survey merged (spec §6.6).
    public struct SurveyEntry: Sendable, Hashable {
        /// BLAKE2b-256 of `survey.avq`.
        public let fileHash: [UInt8]
        /// The import's revision.
        public let revision: Int

        public init(fileHash: [UInt8], revision: Int) {
            self.fileHash = fileHash
            self.revision = revision
        }
    }

    /// One evidence file merged (spec §10.7).
    public struct EvidenceEntry: Sendable, Hashable {
        /// The sender: a member, or the secretary.
        public let member: String
        /// The submission revision it belongs to (1 for the secretary).
        public let revision: Int
        /// Its index.
        public let index: Int
        /// BLAKE2b-256 of the evidence file.
        public let fileHash: [UInt8]

        public init(member: String, revision: Int, index: Int, fileHash: [UInt8]) {
            self.member = member
            self.revision = revision
            self.index = index
            self.fileHash = fileHash
        }

        /// `M.rN.eK.ave`.
        public var fileName: String { RoundLayout.evidenceFileName(member: member, revision: revision, index: index) }

        static func precedes(_ a: EvidenceEntry, _ b: EvidenceEntry) -> Bool {
            (a.member, a.revision, a.index) < (b.member, b.revision, b.index)
        }
    }

    /// One unit's explanation merged (spec §12.7): the live revision of a unit that answered.
    public struct ExplanationInput: Sendable, Hashable {
        /// The unit.
        public let unit: String
        /// Its revision.
        public let revision: Int
        /// BLAKE2b-256 of `explanations/UNIT.rN.avx`.
        public let fileHash: [UInt8]

        public init(unit: String, revision: Int, fileHash: [UInt8]) {
            self.unit = unit
            self.revision = revision
            self.fileHash = fileHash
        }
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
    /// Whether survey scores were supplied (exactly when ``survey`` is not nil).
    public let surveyAvailable: Bool
    /// The imported survey merged (spec §6.6): its file hash and revision; nil when none (the
    /// field is then omitted).
    public let survey: SurveyEntry?
    /// BLAKE2b-256 of the locked-results file.
    public let results: [UInt8]
    /// The journal's head hash just before the merge entry.
    public let journalHead: [UInt8]
    /// When it was made (informational).
    public let created: String
    /// The evidence merged, sorted by member, revision, index; empty when none (the field is
    /// then omitted, spec §10.7).
    public let evidence: [EvidenceEntry]
    /// The units' explanations merged, sorted by unit; empty when none (the field is then omitted,
    /// spec §12.7).
    public internal(set) var explanations: [ExplanationInput] = []
    /// The members' second-round revisions merged (`second/M.rN.av2`), sorted by member; empty when
    /// none (the field is then omitted, spec §12.7).
    public internal(set) var second: [Input] = []
    /// The second-round changes nobody explained that the secretary allowed at the merge
    /// (`--allow-unexplained-change`), sorted by unit and code; empty when none (omitted, §12.7).
    public internal(set) var exceptions: [Cell] = []

    public init(
        round: [UInt8], submissions: [Input], appraisable: Int, appraised: Int, gaps: Int, conflicts: Int,
        missingMembers: [String], allowIncomplete: Bool, surveyAvailable: Bool, results: [UInt8], journalHead: [UInt8],
        created: String, evidence: [EvidenceEntry] = [], survey: SurveyEntry? = nil
    ) {
        self.survey = survey
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
        self.evidence = evidence.sorted(by: EvidenceEntry.precedes)
    }

    /// The header object.
    public var json: JSONValue {
        var fields: [String: JSONValue] = [
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
                    .object([
                        "fileHash": .hex($0.fileHash), "member": .string($0.member),
                        "revision": .integer(Int64($0.revision)),
                    ])
                }),
            "surveyAvailable": .bool(surveyAvailable),
        ]
        if let survey {
            fields["survey"] = .object(["fileHash": .hex(survey.fileHash), "revision": .int(survey.revision)])
        }
        if !evidence.isEmpty {
            fields["evidence"] = .array(
                evidence.map {
                    .object([
                        "fileHash": .hex($0.fileHash), "index": .int($0.index), "member": .string($0.member),
                        "revision": .int($0.revision),
                    ])
                })
        }
        if !explanations.isEmpty {
            fields["explanations"] = .array(
                explanations.map {
                    .object(["fileHash": .hex($0.fileHash), "revision": .int($0.revision), "unit": .string($0.unit)])
                })
        }
        if !exceptions.isEmpty {
            fields["exceptions"] = .array(
                exceptions.map { .object(["code": .string($0.code), "unit": .string($0.unit)]) })
        }
        if !second.isEmpty {
            fields["second"] = .array(
                second.map {
                    .object([
                        "fileHash": .hex($0.fileHash), "member": .string($0.member), "revision": .int($0.revision),
                    ])
                })
        }
        return .object(fields)
    }

    /// Reads `submissions` or `second`: `{fileHash, member, revision}` sorted by member, each once.
    private static func inputs(_ items: [JSONValue], _ path: String) throws(FieldReader.Failure) -> [Input] {
        var inputs = [Input]()
        for (i, item) in items.enumerated() {
            var s = try FieldReader(item, path: "\(path)[\(i)]")
            let input = Input(
                member: try s.string("member", maxBytes: 64),
                revision: Int(try s.integer("revision", in: 1...1_000_000)),
                fileHash: try s.hex("fileHash", length: 32))
            try s.finish()
            inputs.append(input)
        }
        guard inputs.map(\.member) == inputs.map(\.member).sorted(), Set(inputs.map(\.member)).count == inputs.count
        else {
            throw FieldReader.Failure(path: path, reason: "not sorted by member, or a member twice")
        }
        return inputs
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
        var evidence = [EvidenceEntry]()
        if r.has("evidence") {
            let items = try r.array("evidence")
            guard !items.isEmpty else {
                throw FieldReader.Failure(path: "evidence", reason: "empty (omit the field instead)")
            }
            for (i, item) in items.enumerated() {
                var e = try FieldReader(item, path: "evidence[\(i)]")
                let entry = EvidenceEntry(
                    member: try e.string("member", maxBytes: 64),
                    revision: Int(try e.integer("revision", in: 1...1_000_000)),
                    index: Int(try e.integer("index", in: 1...Int64(Evidence.maxIndex))),
                    fileHash: try e.hex("fileHash", length: 32))
                try e.finish()
                guard Identifier.isValid(entry.member) else {
                    throw FieldReader.Failure(path: "evidence[\(i)].member", reason: "not an identifier")
                }
                if let last = evidence.last, !EvidenceEntry.precedes(last, entry) {
                    throw FieldReader.Failure(
                        path: "evidence", reason: "not sorted by member, revision, index, or an entry twice")
                }
                evidence.append(entry)
            }
        }
        self.evidence = evidence
        journalHead = try r.hex("journalHead", length: 32)
        results = try r.hex("results", length: 32)
        round = try r.hex("round", length: 32)
        submissions = try Self.inputs(try r.array("submissions"), "submissions")
        if r.has("second") {
            let items = try r.array("second", maxCount: 100_000)
            guard !items.isEmpty else {
                throw FieldReader.Failure(path: "second", reason: "empty (omit the field instead)")
            }
            second = try Self.inputs(items, "second")
        }
        if r.has("exceptions") {
            let items = try r.array("exceptions", maxCount: 10_000_000)
            guard !items.isEmpty else {
                throw FieldReader.Failure(path: "exceptions", reason: "empty (omit the field instead)")
            }
            for (i, item) in items.enumerated() {
                var e = try FieldReader(item, path: "exceptions[\(i)]")
                let cell = Cell(unit: try e.string("unit", maxBytes: 64), code: try e.string("code", maxBytes: 32))
                try e.finish()
                if let last = exceptions.last, (last.unit, last.code) >= (cell.unit, cell.code) {
                    throw FieldReader.Failure(
                        path: "exceptions", reason: "not sorted by unit and code, or a cell twice")
                }
                exceptions.append(cell)
            }
        }
        if r.has("explanations") {
            let items = try r.array("explanations", maxCount: 1_048_576)
            guard !items.isEmpty else {
                throw FieldReader.Failure(path: "explanations", reason: "empty (omit the field instead)")
            }
            for (i, item) in items.enumerated() {
                var e = try FieldReader(item, path: "explanations[\(i)]")
                let entry = ExplanationInput(
                    unit: try e.string("unit", maxBytes: 64),
                    revision: Int(try e.integer("revision", in: 1...1_000_000)),
                    fileHash: try e.hex("fileHash", length: 32))
                try e.finish()
                guard Identifier.isValid(entry.unit), entry.unit > (explanations.last?.unit ?? "") else {
                    throw FieldReader.Failure(
                        path: "explanations[\(i)].unit", reason: "not an identifier in increasing order")
                }
                explanations.append(entry)
            }
        }
        if r.has("survey") {
            var s = try r.object("survey")
            survey = SurveyEntry(
                fileHash: try s.hex("fileHash", length: 32), revision: Int(try s.integer("revision", in: 1...1_000_000))
            )
            try s.finish()
        } else {
            survey = nil
        }
        surveyAvailable = try r.bool("surveyAvailable")
        guard surveyAvailable == (survey != nil) else {
            throw FieldReader.Failure(path: "surveyAvailable", reason: "true exactly when survey is present")
        }
        try r.finish()
    }

    /// Signs the manifest.
    func encoded(signedWith key: Ed25519.PrivateKey) throws -> [UInt8] {
        try SignedDocument.encode(kind: .manifest, header: json, signer: key)
    }

    /// Parses a manifest file and checks its signature by `secretaryKey`.
    init(parsing bytes: [UInt8], file: String, secretaryKey: Ed25519.PublicKey) throws {
        let doc = try SignedDocument(parsing: bytes, expecting: .manifest, file: file, maxHeaderLength: 16 << 20)
        guard doc.isSigned(by: secretaryKey) else {
            throw MergeError(.manifestBadSignature, [.file(file)], hint: ErrorHint(.askForNewCopy))
        }
        do { self = try Manifest(json: doc.container.header) } catch {
            throw FormatError(.header, [.file(file), .text(error.description)])
        }
    }
}
