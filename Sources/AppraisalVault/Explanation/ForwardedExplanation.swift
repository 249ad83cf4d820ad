/// A forwarded explanation (spec §12.5): the plaintext of `forwarded/MEMBER.UNIT.rN.avf`, the
/// part of one unit's explanation that one member is to answer. It holds only the cells of that
/// unit the member is assigned **and** the unit disagreed on, each with the round-1 values, the
/// unit's text and the evidence it cites (re-sealed to the member, `MEMBER.UNIT.rN.eK.ave`).
public struct ForwardedExplanation: Sendable, Hashable {
    /// One evidence file an item cites: the member's re-sealed copy (kind 10).
    public struct Attachment: Sendable, Hashable {
        /// The file hash (§10.1) of the re-sealed evidence file `MEMBER.UNIT.rN.eK.ave`.
        public let fileHash: [UInt8]
        /// The document's evidence name (§10.1), as the unit named it.
        public let name: String
        /// The document's size in bytes.
        public let size: Int

        /// An attachment (validated by the caller).
        public init(fileHash: [UInt8], name: String, size: Int) {
            self.fileHash = fileHash
            self.name = name
            self.size = size
        }
    }

    /// One contested cell the member is asked to appraise again.
    public struct Item: Sendable, Hashable {
        /// The sub-criterion (or bonus or penalty item) code.
        public let code: String
        /// The unit's self score; nil when none (§12.3).
        public let selfScore: Points?
        /// The round-1 appraised score.
        public let score: Points?
        /// The round-1 reason (`""` when none).
        public let reason: String
        /// The unit's explanation text (never blank).
        public let text: String
        /// The evidence this answer cites, in the explanation's order.
        public let attachments: [Attachment]

        /// An item (validated by the caller).
        public init(
            code: String, selfScore: Points?, score: Points?, reason: String, text: String,
            attachments: [Attachment] = []
        ) {
            self.code = code
            self.selfScore = selfScore
            self.score = score
            self.reason = reason
            self.text = text
            self.attachments = attachments
        }
    }

    /// The round definition's file hash.
    public let round: [UInt8]
    /// The unit that explained (`context.unit`).
    public let unit: String
    /// The member it is forwarded to (`context.member`).
    public let member: String
    /// The file hash of the unit's explanation (`explanations/UNIT.rN.avx`).
    public let explanation: [UInt8]
    /// The cells, in the notice's cell order; at least one.
    public let items: [Item]

    /// Largest `forwarded/M.UNIT.rN.avf` accepted (spec §1.8).
    public static let maxFileSize = 64 << 20

    /// A forwarded explanation (validated by the caller).
    public init(round: [UInt8], unit: String, member: String, explanation: [UInt8], items: [Item]) {
        self.round = round
        self.unit = unit
        self.member = member
        self.explanation = explanation
        self.items = items
    }

    /// The canonical JSON value (spec §12.5).
    public var json: JSONValue {
        func points(_ p: Points?) -> JSONValue { p.map { .string($0.description) } ?? .null }
        return .object([
            "explanation": .hex(explanation),
            "items": .array(
                items.map { item in
                    var o: [String: JSONValue] = [
                        "code": .string(item.code), "reason": .string(item.reason), "score": points(item.score),
                        "self": points(item.selfScore), "text": .string(item.text),
                    ]
                    if !item.attachments.isEmpty {
                        o["attachments"] = .array(
                            item.attachments.map {
                                .object([
                                    "fileHash": .hex($0.fileHash), "name": .string($0.name), "size": .int($0.size),
                                ])
                            })
                    }
                    return .object(o)
                }),
            "member": .string(member),
            "round": .hex(round),
            "unit": .string(unit),
        ])
    }

    /// Reads the canonical JSON value strictly (spec §12.5).
    init(json: JSONValue) throws(FieldReader.Failure) {
        var r = try FieldReader(json)
        let explanation = try r.hex("explanation", length: 32)
        var items = [Item]()
        var codes = Set<String>()
        for (i, value) in try r.array("items", maxCount: UnitExplanation.maxAnswers).enumerated() {
            let item = try Self.item(value, path: "items[\(i)]")
            guard codes.insert(item.code).inserted else {
                throw FieldReader.Failure(path: "items[\(i)].code", reason: "listed twice")
            }
            items.append(item)
        }
        guard !items.isEmpty else { throw FieldReader.Failure(path: "items", reason: "no items") }
        let member = try r.string("member", maxBytes: 64)
        let round = try r.hex("round", length: 32)
        let unit = try r.string("unit", maxBytes: 64)
        try r.finish()
        guard Identifier.isValid(member), Identifier.isValid(unit) else {
            throw FieldReader.Failure(path: "", reason: "member or unit not an identifier")
        }
        self.init(round: round, unit: unit, member: member, explanation: explanation, items: items)
    }

    private static func item(_ value: JSONValue, path: String) throws(FieldReader.Failure) -> Item {
        var r = try FieldReader(value, path: path)
        var attachments = [Attachment]()
        if r.has("attachments") {
            let list = try r.array("attachments", maxCount: Evidence.maxIndex)
            guard !list.isEmpty else { throw FieldReader.Failure(path: path + ".attachments", reason: "empty") }
            for (k, v) in list.enumerated() {
                var a = try FieldReader(v, path: "\(path).attachments[\(k)]")
                let fileHash = try a.hex("fileHash", length: 32)
                let name = try a.string("name", maxBytes: 255)
                let size = Int(try a.integer("size", in: 0...Evidence.maxSize))
                try a.finish()
                guard Evidence.isValidName(name), !attachments.contains(where: { $0.name == name }) else {
                    throw FieldReader.Failure(path: "\(path).attachments[\(k)].name", reason: "invalid or repeated")
                }
                attachments.append(Attachment(fileHash: fileHash, name: name, size: size))
            }
        }
        let code = try r.string("code", maxBytes: 16)
        let reason = try r.string("reason", maxBytes: 4000, singleLine: false)
        let score = try UnitNotice.optionalPoints(&r, "score", path: path)
        let selfScore = try UnitNotice.optionalPoints(&r, "self", path: path)
        let text = try r.string("text", maxBytes: UnitExplanation.maxTextBytes, singleLine: false)
        try r.finish()
        guard !code.isEmpty else { throw FieldReader.Failure(path: path + ".code", reason: "empty") }
        guard Text.isNFC(reason), Text.isNFC(text), !Text.isBlank(text) else {
            throw FieldReader.Failure(path: path + ".text", reason: "blank, or reason or text not NFC")
        }
        guard score.map({ !$0.isNegative }) ?? true, selfScore.map({ !$0.isNegative }) ?? true else {
            throw FieldReader.Failure(path: path, reason: "a negative score")
        }
        return Item(
            code: code, selfScore: selfScore, score: score, reason: reason, text: text, attachments: attachments)
    }

    /// Parses plaintext bytes: canonical JSON (§1.2) in the shape of §12.5.
    ///
    /// - Throws: ``ForwardError`` `forward.malformed` naming the file and the field.
    public init(parsing bytes: [UInt8], file: String) throws {
        do throws(FieldReader.Failure) {
            let value: JSONValue
            do { value = try CanonicalJSON.parse(bytes) } catch {
                throw FieldReader.Failure(path: "", reason: error.description)
            }
            self = try ForwardedExplanation(json: value)
        } catch {
            throw ForwardError(.malformed, [.file(file), .text(error.description)])
        }
    }
}
