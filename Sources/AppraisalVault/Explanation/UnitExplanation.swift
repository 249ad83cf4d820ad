/// A unit's explanation (giải trình, spec §12.4): the plaintext of `explanations/UNIT.rN.avx`.
/// One answer per contested cell of the notice answered, in the notice's order, each standing on
/// its own (code, answer, text), so the secretary can later forward each cell to the member who
/// appraised it without the rest (§12.5).
public struct UnitExplanation: Sendable, Hashable {
    /// The unit's answer to one contested cell.
    public struct Answer: Sendable, Hashable {
        /// The sub-criterion code (a cell of the notice's unit).
        public let code: String
        /// True when the unit agrees with the appraised score.
        public let agree: Bool
        /// The explanation: `""` exactly when `agree`, otherwise non-blank multi-line text.
        public let text: String
        /// The names of the evidence (the explanation's ``UnitExplanation/attachments``) this
        /// answer cites; only when disagreeing.
        public let attachments: [String]

        /// An answer (validated by the caller).
        public init(code: String, agree: Bool, text: String, attachments: [String] = []) {
            self.code = code
            self.agree = agree
            self.text = text
            self.attachments = attachments
        }
    }

    /// The round definition's file hash.
    public let round: [UInt8]
    /// The unit id (the envelope's sender).
    public let unit: String
    /// The file hash of the notice answered (`notices/UNIT.avn`): it fixes the cells.
    public let notice: [UInt8]
    /// The revision (a later one supersedes).
    public let revision: Int
    /// One answer per contested cell of the notice, in its order.
    public let answers: [Answer]
    /// The unit's evidence files (`UNIT.rN.eK.ave`, kind 10), as a submission lists its own (§10.2).
    public let attachments: [Evidence.Attachment]

    /// Largest `explanations/UNIT.rN.avx` accepted (spec §1.8).
    public static let maxFileSize = 64 << 20
    /// Longest explanation text of one cell, in UTF-8 bytes.
    public static let maxTextBytes = 8000
    /// Most answers in one explanation.
    static let maxAnswers = 100_000

    /// An explanation (validated by the caller).
    public init(
        round: [UInt8], unit: String, notice: [UInt8], revision: Int, answers: [Answer],
        attachments: [Evidence.Attachment] = []
    ) {
        self.round = round
        self.unit = unit
        self.notice = notice
        self.revision = revision
        self.answers = answers
        self.attachments = attachments
    }

    /// The answers where the unit disagrees.
    public var disputed: [Answer] { answers.filter { !$0.agree } }

    /// True when the answers are exactly the contested cells of `notice`, in its order.
    public func answersExactly(_ notice: UnitNotice) -> Bool {
        answers.map(\.code) == notice.contested.map(\.code)
    }

    /// The canonical JSON value (spec §12.4).
    public var json: JSONValue {
        var fields: [String: JSONValue] = [
            "answers": .array(
                answers.map { a in
                    var o: [String: JSONValue] = [
                        "agree": .bool(a.agree), "code": .string(a.code), "text": .string(a.text),
                    ]
                    if !a.attachments.isEmpty { o["attachments"] = .array(a.attachments.map(JSONValue.string)) }
                    return .object(o)
                }),
            "notice": .hex(notice),
            "revision": .integer(Int64(revision)),
            "round": .hex(round),
            "unit": .string(unit),
        ]
        if !attachments.isEmpty { fields["attachments"] = .array(attachments.map(\.json)) }
        return .object(fields)
    }

    /// Reads the canonical JSON value strictly (spec §12.4).
    init(json: JSONValue) throws(FieldReader.Failure) {
        var r = try FieldReader(json)
        let items = try r.array("answers", maxCount: Self.maxAnswers)
        let attachments = try Evidence.Attachment.list(&r)
        let names = Set(attachments.map(\.name))
        var answers = [Answer]()
        var codes = Set<String>()
        for (i, item) in items.enumerated() {
            let path = "answers[\(i)]"
            var a = try FieldReader(item, path: path)
            let agree = try a.bool("agree")
            var cited = [String]()
            if a.has("attachments") {
                let list = try a.array("attachments", maxCount: Evidence.maxIndex)
                for (k, v) in list.enumerated() {
                    guard case .string(let name) = v, names.contains(name), !cited.contains(name) else {
                        throw FieldReader.Failure(
                            path: "\(path).attachments[\(k)]", reason: "not a name of attachments, or repeated")
                    }
                    cited.append(name)
                }
                guard !cited.isEmpty, !agree else {
                    throw FieldReader.Failure(path: path + ".attachments", reason: "empty, or cited when agreeing")
                }
            }
            let code = try a.string("code", maxBytes: 16)
            let text = try a.string("text", maxBytes: Self.maxTextBytes, singleLine: false)
            try a.finish()
            guard !code.isEmpty, codes.insert(code).inserted else {
                throw FieldReader.Failure(path: path + ".code", reason: "empty or listed twice")
            }
            guard Text.isNFC(text) else { throw FieldReader.Failure(path: path + ".text", reason: "not NFC") }
            if agree {
                guard text.isEmpty else {
                    throw FieldReader.Failure(path: path + ".text", reason: "text when agreeing")
                }
            } else {
                guard !Text.isBlank(text) else {
                    throw FieldReader.Failure(path: path + ".text", reason: "disagreeing without an explanation")
                }
            }
            answers.append(Answer(code: code, agree: agree, text: text, attachments: cited))
        }
        let notice = try r.hex("notice", length: 32)
        let revision = Int(try r.integer("revision", in: 1...1_000_000))
        let round = try r.hex("round", length: 32)
        let unit = try r.string("unit", maxBytes: 64)
        try r.finish()
        guard Identifier.isValid(unit) else { throw FieldReader.Failure(path: "unit", reason: "not an identifier") }
        self.init(
            round: round, unit: unit, notice: notice, revision: revision, answers: answers, attachments: attachments)
    }

    /// Parses plaintext bytes: canonical JSON (§1.2) in the shape of §12.4.
    ///
    /// - Throws: ``ExplanationError`` `explanation.malformed` naming the file and the field.
    public init(parsing bytes: [UInt8], file: String) throws {
        do throws(FieldReader.Failure) {
            let value: JSONValue
            do { value = try CanonicalJSON.parse(bytes) } catch {
                throw FieldReader.Failure(path: "", reason: error.description)
            }
            self = try UnitExplanation(json: value)
        } catch {
            throw ExplanationError(.malformed, [.file(file), .text(error.description)])
        }
    }
}
