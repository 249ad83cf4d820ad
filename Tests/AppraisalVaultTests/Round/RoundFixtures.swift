import Foundation
import Testing

@testable import AppraisalVault

/// Small input files for the round tests, written into a fresh temporary folder.
struct RoundFixtures {
    let folder: String

    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let frameworkCSV = """
        code,title,max,method,step
        1,Lĩnh vực A,2,,
        1.1,Tiêu chí A1,2,,
        1.1.1,Thành phần 1,1,self,
        1.1.2,Thành phần 2,0.5,council,
        1.1.3,Thành phần 3,0.5,survey,
        total,,2,,

        """
    static let unitsCSV = "id,name,group\nu1,Sở Một,so-nganh\nu2,UBND huyện Hai,huyen\n"
    static let selfCSV = "unit,code,score,note\nu1,1.1.1,\"0,75\",\nu2,1.1.1,1,ghi chú\n"
    static let membersCSV =
        "id,public_key_file,codes,units\ntv-01,keys/tv-01.pub,1,so-nganh\ntv-02,keys/tv-02.pub,1.1,huyen\n"

    init() throws {
        folder = NSTemporaryDirectory() + "avault-round-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/keys", withIntermediateDirectories: true)
        for name in ["tv-01", "tv-02", "tv-03", "thu-ky", "chu-tich", "pho-chu-tich", "chanh-vp"] {
            try FileManager.default.copyItem(
                atPath: RoundFixtures.packageRoot + "/keys/\(name).pub", toPath: folder + "/keys/\(name).pub")
        }
    }

    /// Writes `text` to `name` in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func framework(_ text: String = frameworkCSV, name: String = "framework.csv") throws -> (Framework?, InputProblems)
    {
        var problems = InputProblems()
        let f = FrameworkInput.load(try write(name, text), problems: &problems)
        return (f, problems)
    }

    func units(_ text: String = unitsCSV) throws -> (units: [AppraisedUnit], groups: [UnitGroup]) {
        var problems = InputProblems()
        let u = UnitsInput.load(try write("units.csv", text), groups: nil, problems: &problems)
        try #require(problems.isEmpty, "\(problems)")
        return try #require(u)
    }
}

/// Expects exactly one problem with `code` such that each of `mentions` ends one of its facts
/// (see ``facts(_:)``; paths are absolute, so `u.csv:2:1` names the place by its file name).
func expectProblem(
    _ problems: InputProblems, _ code: some MessageCode, mentions: String...,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let hits = problems.errors.filter { $0.code == code.rawValue }
    #expect(hits.count == 1, "expected one \(code.rawValue), got: \(problems)", sourceLocation: sourceLocation)
    let found = hits.first.map(facts) ?? []
    for text in mentions {
        #expect(found.contains { $0.hasSuffix(text) }, "\(found) lacks \(text)", sourceLocation: sourceLocation)
    }
}

/// An input problem's facts as a reader finds them in its message: each value, and its place
/// `FILE:LINE:COLUMN` (or `FILE:LINE`) when it has one.
func facts(_ error: any Error) -> [String] {
    guard let values = (error as? any AppraisalError)?.context.values else { return [] }
    var out = values.map(\.rendered)
    if case .file(let file) = values.first, values.count > 1, case .line(let line) = values[1] {
        if values.count > 2, case .column(let column) = values[2] {
            out.append("\(file):\(line):\(column)")
        } else {
            out.append("\(file):\(line)")
        }
    }
    return out
}
