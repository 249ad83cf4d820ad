/// Reading an `attachments` list (spec §10.2): the submission's, and a unit explanation's (§12.4).
extension Evidence.Attachment {
    /// The optional `attachments` field of `r`: 1–999 items, item i with `index` i + 1, valid and
    /// pairwise different names; `[]` when the field is absent (it is never written empty).
    static func list(_ r: inout FieldReader) throws(FieldReader.Failure) -> [Evidence.Attachment] {
        guard r.has("attachments") else { return [] }
        let items = try r.array("attachments", maxCount: Evidence.maxIndex)
        guard !items.isEmpty else {
            throw FieldReader.Failure(path: "attachments", reason: "empty (omit the field instead)")
        }
        var names = Set<String>()
        var attachments = [Evidence.Attachment]()
        for (i, item) in items.enumerated() {
            var a = try FieldReader(item, path: "attachments[\(i)]")
            let attachment = Evidence.Attachment(
                fileHash: try a.hex("fileHash", length: 32),
                index: Int(try a.integer("index", in: 1...Int64(Evidence.maxIndex))),
                name: try a.string("name", maxBytes: 255),
                size: Int(try a.integer("size", in: 0...Evidence.maxSize)))
            try a.finish()
            guard attachment.index == i + 1 else {
                throw FieldReader.Failure(path: "attachments[\(i)].index", reason: "expected \(i + 1)")
            }
            guard Evidence.isValidName(attachment.name), names.insert(attachment.name).inserted else {
                throw FieldReader.Failure(
                    path: "attachments[\(i)].name", reason: "not a valid evidence name, or repeated")
            }
            attachments.append(attachment)
        }
        return attachments
    }
}
