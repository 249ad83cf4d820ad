internal import Foundation
internal import Glibc

@testable internal import AppraisalVault

// MARK: - Secretary input files: CSV, points, framework, units, self-assessment, labels

extension FuzzChecks {
    /// `CSV.parse`: accepted ⇒ writing the rows with the detected separator and parsing again
    /// gives the same fields; every row has the header's width.
    @Sendable public static func csv(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let table = try? CSV.parse(bytes, file: file) else { return }
        let rows = ([table.header] + table.records).map { $0.fields.map(\.text) }
        try Fuzz.require(rows.allSatisfy { $0.count == rows[0].count }, "ragged table accepted")
        let written = CSV.write(rows, separator: table.separator)
        guard let again = try? CSV.parse(written, file: file) else {
            throw InvariantViolation("CSV.write output does not parse")
        }
        let rowsAgain = ([again.header] + again.records).map { $0.fields.map(\.text) }
        try Fuzz.require(rowsAgain == rows, "parse(write(parse(x))) != parse(x)")
    }

    /// The XLSX reader (`XLSXReader.firstSheet`) and the pieces under it: `ZipArchive.read`
    /// accepted ⇒ its entries are within the caps and survive `ZipArchive.write` and a second read;
    /// `Inflate.decode` and `XMLElement.parse` never trap; a sheet read ⇒ every cell position is in
    /// the spreadsheet's range and no cell is empty.
    @Sendable public static func xlsx(_ bytes: [UInt8]) throws(InvariantViolation) {
        _ = Inflate.decode(bytes, maxBytes: 1 << 16)
        _ = try? XMLElement.parse(bytes)
        if let entries = try? ZipArchive.read(bytes) {
            try Fuzz.require(entries.count <= ZipArchive.maxEntries, "too many entries accepted")
            try Fuzz.require(
                entries.values.reduce(0) { $0 + $1.count } <= ZipArchive.maxTotalBytes, "total cap exceeded")
            let again = try? ZipArchive.read(
                ZipArchive.write(entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
            try Fuzz.require(again == entries, "ZipArchive.read(write(entries)) != entries")
            for data in entries.values { _ = try? XMLElement.parse(data) }
        }
        guard let grid = try? XLSXReader.firstSheet(bytes, file: file) else { return }
        for (row, cells) in grid {
            try Fuzz.require((1...1_048_576).contains(row), "row out of range")
            for (column, cell) in cells {
                try Fuzz.require((1...16384).contains(column) && cell != .empty, "bad cell accepted")
            }
        }
    }

    /// `Points(parsing:)` on the input as text: accepted ⇒ `Points(canonical: p.description)` is the
    /// same value, and arithmetic on it does not trap. `Points(canonical:)` (read from the bytes)
    /// answers as parsing and writing back does (`Points(parsedCanonical:)`).
    @Sendable public static func points(_ bytes: [UInt8]) throws(InvariantViolation) {
        let text = String(decoding: bytes, as: UTF8.self)
        let reference = Points(parsedCanonical: text)
        if let canonical = Points(canonical: text) {
            try Fuzz.require(canonical.description == text, "canonical description != text")
            try Fuzz.require(reference == canonical, "Points(canonical:) accepts what parse-and-compare refuses")
        } else {
            try Fuzz.require(reference == nil, "Points(canonical:) refuses what parse-and-compare accepts")
        }
        guard let p = Points(parsing: text) else { return }
        let description = p.description
        guard let again = Points(canonical: description) else {
            throw InvariantViolation("Points(canonical: Points(parsing: x).description) is nil for \(description)")
        }
        try Fuzz.require(again == p, "Points round trip changed the value")
        _ = p.isMultiple(of: .quarter)
        _ = (p + p - p).description
    }

    /// `FrameworkInput.parse` (JSON or CSV): never traps; a framework that loads has a positive total.
    @Sendable public static func framework(_ bytes: [UInt8]) throws(InvariantViolation) {
        var problems = InputProblems()
        guard let framework = FrameworkInput.parse(bytes, file: file, problems: &problems) else { return }
        try Fuzz.require(problems.errors.isEmpty, "framework returned together with problems")
        _ = framework.subCriteria.count
    }

    /// The path-based input readers (units, groups, labels, self-assessment): the first byte picks
    /// the reader, the rest is written to a private temporary file. Never traps.
    @Sendable public static func roundInputs(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let selector = bytes.first else { return }
        let path = scratchFile
        // Plain open/write/close: Foundation's createFile writes atomically with fsync (~8 ms a run).
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { preconditionFailure("internal error: cannot write \(path)") }
        let written = bytes.dropFirst().withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count - 1 else { preconditionFailure("internal error: short write to \(path)") }
        var problems = InputProblems()
        switch selector % 4 {
        case 0: _ = UnitsInput.loadGroups(path, problems: &problems)
        case 1: _ = UnitsInput.load(path, groups: nil, problems: &problems)
        case 2: _ = LabelsInput.load(path, groups: UnitGroup.builtIn, problems: &problems)
        default:
            _ = SelfAssessmentInput.load(path, framework: fixture.framework, units: fixture.units, problems: &problems)
        }
    }

    /// One scratch file per process (the fuzzer runs inputs one at a time).
    static let scratchFile: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avault-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("input.csv").path
    }()

    /// A small framework and unit list for the self-assessment reader.
    static let fixture: (framework: Framework, units: [AppraisedUnit]) = {
        var problems = InputProblems()
        guard
            let framework = FrameworkInput.parse(
                Array(FuzzSeeds.frameworkCSV.utf8), file: "fixture", problems: &problems)
        else { preconditionFailure("internal error: fuzz fixture framework: \(problems.errors)") }
        return (
            framework,
            [
                AppraisedUnit(id: "u-1", name: "Unit 1", group: "so-nganh"),
                AppraisedUnit(id: "u-2", name: "Unit 2", group: "huyen"),
            ]
        )
    }()
}
