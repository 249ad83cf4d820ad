internal import Foundation

// The JSON form of a framework: the shape of samples/framework-so-nganh.json.
//
//   { "id"?: string, "title"?: string, "year"?: integer (informational, ignored), "maxTotal": number,
//     "fields": [ { "code", "title", "maxPoints", "step"?, "criteria": [
//        { "code", "title", "maxPoints", "step"?, "subCriteria": [
//           { "code", "title", "maxPoints", "method", "step"? } ] } ] } ],
//     "bonus"?: [ { "code", "title", "maxPoints", "step"? } ], "penalty"?: [ …the same… ] }
//
// Points may be JSON numbers (decoded exactly as Decimal) or strings ("0,25" or "0.25").
// Unknown keys are errors. Errors name the JSON path and, where found, the line of the code.

extension FrameworkInput {
    /// A coding key for any name, used to reject unknown keys.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// A points value written as a JSON number or a string.
    struct PointsValue: Decodable {
        let points: Points
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) {
                guard let p = Points(parsing: s) else {
                    throw DecodingError.dataCorruptedError(
                        in: c, debugDescription: "\"\(s)\" is not a number of points")
                }
                points = p
                return
            }
            let d = try c.decode(Decimal.self)
            guard let p = Points(parsing: Points(d).description), p == Points(d) else {
                throw DecodingError.dataCorruptedError(
                    in: c, debugDescription: "\(d) has more than \(Points.maxFractionDigits) decimals or is too large")
            }
            points = p
        }
    }

    /// One node at any level; `level` 0 = root, 1 = field, 2 = criterion, 3 = sub-criterion.
    struct Node: Decodable {
        var code = ""
        var title = ""
        var max = Points.zero
        var step: Points?
        var method: String?
        var children: [Node] = []
        var bonus: [Node] = []
        var penalty: [Node] = []
        var id = ""
        var path = ""

        /// The root keys of the bonus and penalty lists; their items are nodes with a code, a
        /// title, a cap (`maxPoints`) and an optional step.
        static let extraKeys = ["bonus", "penalty"]

        static let childKey = ["fields", "criteria", "subCriteria"]

        init(from decoder: any Decoder) throws {
            let level = decoder.codingPath.filter { $0.intValue == nil }.count
            let c = try decoder.container(keyedBy: AnyKey.self)
            let allowed: Set<String>
            let extra = decoder.codingPath.first.map { Node.extraKeys.contains($0.stringValue) } ?? false
            switch level {
            case 0: allowed = ["id", "title", "year", "maxTotal", "fields", "bonus", "penalty"]
            case _ where extra: allowed = ["code", "title", "maxPoints", "step"]
            case 1, 2: allowed = ["code", "title", "maxPoints", "step", Node.childKey[level]]
            default: allowed = ["code", "title", "maxPoints", "step", "method"]
            }
            if let unknown = c.allKeys.map(\.stringValue).sorted().first(where: { !allowed.contains($0) }) {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath + [AnyKey(unknown)],
                        debugDescription: "unknown key \"\(unknown)\""))
            }
            path = Node.render(decoder.codingPath)
            if level == 0 {
                id = try c.decodeIfPresent(String.self, forKey: AnyKey("id")) ?? ""
                title = try c.decodeIfPresent(String.self, forKey: AnyKey("title")) ?? ""
                _ = try c.decodeIfPresent(Int.self, forKey: AnyKey("year"))
                max = try c.decode(PointsValue.self, forKey: AnyKey("maxTotal")).points
                children = try c.decode([Node].self, forKey: AnyKey("fields"))
                bonus = try c.decodeIfPresent([Node].self, forKey: AnyKey("bonus")) ?? []
                penalty = try c.decodeIfPresent([Node].self, forKey: AnyKey("penalty")) ?? []
                return
            }
            code = try c.decode(String.self, forKey: AnyKey("code"))
            title = try c.decode(String.self, forKey: AnyKey("title"))
            max = try c.decode(PointsValue.self, forKey: AnyKey("maxPoints")).points
            step = try c.decodeIfPresent(PointsValue.self, forKey: AnyKey("step"))?.points
            if extra {
                method = decoder.codingPath.first?.stringValue
            } else if level == 3 {
                method = try c.decode(String.self, forKey: AnyKey("method"))
            } else {
                children = try c.decode([Node].self, forKey: AnyKey(Node.childKey[level]))
            }
        }

        static func render(_ path: [any CodingKey]) -> String {
            var s = ""
            for key in path {
                if let i = key.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + key.stringValue }
            }
            return s.isEmpty ? "(root)" : s
        }
    }

    static func readJSON(_ bytes: [UInt8], file: String, problems: inout InputProblems)
        -> (meta: (id: String, title: String), total: Points, totalAt: InputLocation, rows: [Row])?
    {
        let root: Node
        do {
            root = try JSONDecoder().decode(Node.self, from: Data(bytes))
        } catch let DecodingError.dataCorrupted(context) {
            problems.add(jsonError(file, context))
            return nil
        } catch let DecodingError.keyNotFound(key, context) {
            problems.add(
                InputError(
                    .frameworkJSON, [.file(file), .text(Node.render(context.codingPath + [key])), .text("missing key")])
            )
            return nil
        } catch let DecodingError.typeMismatch(_, context) {
            problems.add(jsonError(file, context))
            return nil
        } catch let DecodingError.valueNotFound(_, context) {
            problems.add(jsonError(file, context))
            return nil
        } catch {
            problems.add(InputError(.frameworkJSON, [.file(file), .text("(root)"), .text("not valid JSON")]))
            return nil
        }
        let locations = codeLocations(bytes, file: file)
        var rows = [Row]()
        func visit(_ node: Node, enclosing: String?) {
            let at = locations[node.code] ?? InputLocation(file: file, line: 0, column: 0)
            let loc = at.line > 0 ? at : InputLocation(file: "\(file) (\(node.path))", line: 0, column: 0)
            rows.append(
                Row(
                    code: node.code, title: Text.nfc(node.title), max: node.max, step: node.step ?? .quarter,
                    method: node.method, location: loc, enclosingCode: enclosing ?? "", maxLocation: loc))
            for child in node.children { visit(child, enclosing: node.code) }
        }
        if let refusal = Text.refusal(in: root.id) ?? Text.refusal(in: root.title) {
            problems.add(InputError(refusal, at: InputLocation(file: file, line: 1, column: 1)))
        }
        for field in root.children { visit(field, enclosing: nil) }
        for item in root.bonus + root.penalty { visit(item, enclosing: nil) }
        // Fields have no enclosing node: "" marks "nested at top level".
        rows = rows.map { row in
            var r = row
            if r.enclosingCode == "" { r.enclosingCode = nil }
            return r
        }
        let rootAt = InputLocation(file: file, line: 1, column: 1)
        // Text a person types is normalised to NFC before it is written (spec §1.3).
        return ((id: Text.nfc(root.id), title: Text.nfc(root.title)), root.max, rootAt, rows)
    }

    static func jsonError(_ file: String, _ context: DecodingError.Context) -> InputError {
        InputError(
            .frameworkJSON, [.file(file), .text(Node.render(context.codingPath)), .text(context.debugDescription)])
    }

    /// The line and column of the first `"code": "X"` for each code X in the raw JSON text.
    static func codeLocations(_ bytes: [UInt8], file: String) -> [String: InputLocation] {
        var out = [String: InputLocation]()
        let key = Array("\"code\"".utf8)
        var line = 1
        var lineStart = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
                i += 1
                continue
            }
            guard bytes[i] == 0x22, bytes[i...].starts(with: key) else {
                i += 1
                continue
            }
            var j = i + key.count
            while j < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[j]) { j += 1 }
            guard j < bytes.count, bytes[j] == UInt8(ascii: ":") else {
                i += key.count
                continue
            }
            j += 1
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
            guard j < bytes.count, bytes[j] == 0x22 else {
                i = j
                continue
            }
            let start = j + 1
            var end = start
            while end < bytes.count, bytes[end] != 0x22, bytes[end] != 0x0A { end += 1 }
            let code = String(decoding: bytes[start..<end], as: UTF8.self)
            let column = String(decoding: bytes[lineStart..<j], as: UTF8.self).count + 1
            if out[code] == nil { out[code] = InputLocation(file: file, line: line, column: column) }
            i = end
        }
        return out
    }
}
