/// A member's second-round revision (thẩm định lại, spec §12.6): the plaintext of
/// `second/MEMBER.rN.av2`. One row per cell the member decides on a second time: each forwarded
/// cell (its `explanation` the forwarded file's hash, kind 22), and any exception row (a change
/// to a cell nobody explained, without `explanation`, which the final merge accepts only with the
/// secretary's journaled flag).
public struct SecondAppraisal: Sendable, Hashable {
    /// What the member decides for one cell.
    public enum Decision: String, Sendable, Hashable, CaseIterable {
        /// The round-1 score stands (the reason answers the explanation).
        case keep
        /// A new score replaces the round-1 score.
        case change
    }

    /// One decided cell.
    public struct Row: Sendable, Hashable {
        /// The unit id.
        public let unit: String
        /// The sub-criterion (or bonus or penalty item) code.
        public let code: String
        /// Keep or change.
        public let decision: Decision
        /// The file hash of the forwarded explanation (kind 22) answered; nil for an exception row.
        public let explanation: [UInt8]?
        /// The score after the second round: the round-1 score when keeping, a different one when changing.
        public let score: Points?
        /// The member's answer to the explanation: non-blank multi-line text (§1.3), NFC.
        public let reason: String

        /// A row (validated by the caller).
        public init(
            unit: String, code: String, decision: Decision, explanation: [UInt8]?, score: Points?, reason: String
        ) {
            self.unit = unit
            self.code = code
            self.decision = decision
            self.explanation = explanation
            self.score = score
            self.reason = reason
        }

        /// The cell decided.
        public var cell: Cell { Cell(unit: unit, code: code) }
    }

    /// The round definition's file hash.
    public let round: [UInt8]
    /// The member id (the envelope's sender).
    public let member: String
    /// The revision (`context.revision`; a later one supersedes).
    public let revision: Int
    /// The decided cells, in the order of the forwarded files (then the exception rows).
    public let rows: [Row]

    /// Largest `second/MEMBER.rN.av2` accepted (spec §1.8).
    public static let maxFileSize = 64 << 20
    /// Most rows in one revision.
    static let maxRows = 100_000

    /// A second-round revision (validated by the caller).
    public init(round: [UInt8], member: String, revision: Int, rows: [Row]) {
        self.round = round
        self.member = member
        self.revision = revision
        self.rows = rows
    }

    /// The canonical JSON value (spec §12.6).
    public var json: JSONValue {
        .object([
            "member": .string(member),
            "revision": .integer(Int64(revision)),
            "round": .hex(round),
            "rows": .array(
                rows.map { row in
                    var o: [String: JSONValue] = [
                        "code": .string(row.code), "decision": .string(row.decision.rawValue),
                        "reason": .string(row.reason), "score": row.score.map { .string($0.description) } ?? .null,
                        "unit": .string(row.unit),
                    ]
                    if let e = row.explanation { o["explanation"] = .hex(e) }
                    return .object(o)
                }),
        ])
    }

    /// Reads the canonical JSON value strictly (spec §12.6).
    init(json: JSONValue) throws(FieldReader.Failure) {
        var r = try FieldReader(json)
        let member = try r.string("member", maxBytes: 64)
        let revision = Int(try r.integer("revision", in: 1...1_000_000))
        let round = try r.hex("round", length: 32)
        let items = try r.array("rows", maxCount: Self.maxRows)
        try r.finish()
        guard Identifier.isValid(member) else {
            throw FieldReader.Failure(path: "member", reason: "not an identifier")
        }
        guard !items.isEmpty else { throw FieldReader.Failure(path: "rows", reason: "no row") }
        var rows = [Row]()
        var cells = Set<Cell>()
        for (i, item) in items.enumerated() {
            let path = "rows[\(i)]"
            var c = try FieldReader(item, path: path)
            let code = try c.string("code", maxBytes: 16)
            let word = try c.string("decision", maxBytes: 16)
            let explanation = c.has("explanation") ? try c.hex("explanation", length: 32) : nil
            let reason = try c.string("reason", maxBytes: SubmissionContent.maxReasonBytes, singleLine: false)
            let scoreValue = try c.value("score")
            let unit = try c.string("unit", maxBytes: 64)
            try c.finish()
            guard let decision = Decision(rawValue: word) else {
                throw FieldReader.Failure(path: path + ".decision", reason: "not keep or change")
            }
            var score: Points?
            switch scoreValue {
            case .null: score = nil
            case .string(let s) where s.utf8.count <= 32 && Points(canonical: s) != nil: score = Points(canonical: s)
            default: throw FieldReader.Failure(path: path + ".score", reason: "not a canonical decimal string or null")
            }
            guard Identifier.isValid(unit), !code.isEmpty, cells.insert(Cell(unit: unit, code: code)).inserted else {
                throw FieldReader.Failure(path: path, reason: "unit or code not valid, or the cell listed twice")
            }
            guard Text.isNFC(reason), !Text.isBlank(reason) else {
                throw FieldReader.Failure(path: path + ".reason", reason: "blank or not NFC")
            }
            guard decision == .keep || score != nil else {
                throw FieldReader.Failure(path: path + ".score", reason: "a change without a score")
            }
            guard explanation != nil || decision == .change else {
                throw FieldReader.Failure(path: path + ".decision", reason: "an exception row that keeps")
            }
            rows.append(
                Row(unit: unit, code: code, decision: decision, explanation: explanation, score: score, reason: reason))
        }
        self.init(round: round, member: member, revision: revision, rows: rows)
    }

    /// Parses plaintext bytes: canonical JSON (§1.2) in the shape of §12.6.
    ///
    /// - Throws: ``SecondAppraisalError`` `second.malformed` naming the file and the field.
    public init(parsing bytes: [UInt8], file: String) throws {
        do throws(FieldReader.Failure) {
            let value: JSONValue
            do { value = try CanonicalJSON.parse(bytes) } catch {
                throw FieldReader.Failure(path: "", reason: error.description)
            }
            self = try SecondAppraisal(json: value)
        } catch {
            throw SecondAppraisalError(.malformed, [.file(file), .text(error.description)])
        }
    }
}
