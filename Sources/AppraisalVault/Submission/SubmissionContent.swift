/// The plaintext inside a sealed submission (spec §5.6): canonical JSON
/// `{"member", "revision", "round", "rows": [{"code", "reason", "score", "unit"}]}`, plus
/// `"attachments"` when the submission has evidence (spec §10.2; omitted when empty).
public struct SubmissionContent: Sendable, Hashable {
    /// The member who appraised.
    public let member: String
    /// The submission revision.
    public let revision: Int
    /// The round's file hash.
    public let round: [UInt8]
    /// The appraisals, in worksheet order.
    public let rows: [Appraisal]
    /// The evidence it lists (spec §10.2), by index; empty when none.
    public let attachments: [Evidence.Attachment]

    /// Largest reason accepted, in bytes.
    public static let maxReasonBytes = 4000

    public init(
        member: String, revision: Int, round: [UInt8], rows: [Appraisal], attachments: [Evidence.Attachment] = []
    ) {
        self.member = member
        self.revision = revision
        self.round = round
        self.rows = rows
        self.attachments = attachments
    }

    /// The canonical JSON bytes.
    public func encoded() -> [UInt8] {
        var fields: [String: JSONValue] = [
            "member": .string(member),
            "revision": .integer(Int64(revision)),
            "round": .hex(round),
            "rows": .array(
                rows.map {
                    .object([
                        "code": .string($0.code), "reason": .string($0.reason), "score": .string($0.score.description),
                        "unit": .string($0.unit),
                    ])
                }),
        ]
        if !attachments.isEmpty { fields["attachments"] = .array(attachments.map(\.json)) }
        return CanonicalJSON.serialize(.object(fields))
    }

    /// Parses the plaintext strictly (canonical JSON, no unknown fields, canonical scores).
    ///
    /// The common shape is read in one pass (``SubmissionFastDecoder``); anything it does not
    /// accept goes through the generic strict path, which decides and names the error.
    ///
    /// - Throws: ``SubmissionError`` `submission.malformed` naming the file and the field.
    public init(parsing bytes: [UInt8], file: String) throws {
        if let fast = SubmissionFastDecoder.decode(bytes) {
            self = fast
            return
        }
        try self.init(strictlyParsing: bytes, file: file)
    }

    /// The generic strict path: ``CanonicalJSON/parse(_:)`` then ``FieldReader``. The reference
    /// the fast decoder is tested against.
    ///
    /// - Throws: ``SubmissionError`` `submission.malformed` naming the file and the field.
    init(strictlyParsing bytes: [UInt8], file: String) throws {
        do throws(FieldReader.Failure) {
            let value: JSONValue
            do { value = try CanonicalJSON.parse(bytes) } catch {
                throw FieldReader.Failure(path: "", reason: error.description)
            }
            var r = try FieldReader(value)
            member = try r.string("member", maxBytes: 64)
            revision = Int(try r.integer("revision", in: 1...1_000_000))
            round = try r.hex("round", length: 32)
            var rows = [Appraisal]()
            for (i, item) in try r.array("rows", maxCount: 10_000_000).enumerated() {
                var row = try FieldReader(item, path: "rows[\(i)]")
                let unit = try row.string("unit", maxBytes: 64)
                let code = try row.string("code", maxBytes: 32)
                let scoreText = try row.string("score", maxBytes: 32)
                guard let score = Points(canonical: scoreText) else {
                    throw FieldReader.Failure(path: "rows[\(i)].score", reason: "not a canonical decimal")
                }
                let reason = try row.string("reason", maxBytes: SubmissionContent.maxReasonBytes, singleLine: false)
                try row.finish()
                rows.append(Appraisal(unit: unit, code: code, score: score, reason: reason, line: i + 1))
            }
            let attachments = try Evidence.Attachment.list(&r)
            try r.finish()
            self.rows = rows
            self.attachments = attachments
        } catch {
            throw SubmissionError(.malformed, [.file(file), .text(error.description)])
        }
    }
}
