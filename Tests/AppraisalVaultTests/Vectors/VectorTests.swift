import Foundation
import Testing

@testable import AppraisalVault

/// Where committed vectors live: `Tests/Vectors/`, found from this file's path.
enum VectorDirectory {
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Vectors")

    /// The area folders present on disk.
    static func areas() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { FileManager.default.isDirectory(url.appendingPathComponent($0).path) }.sorted()
    }

    /// `area/name.vec` for every committed vector.
    static func committed() -> [String] {
        areas().flatMap { area in
            ((try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent(area).path)) ?? [])
                .filter { $0.hasSuffix(".vec") }.sorted().map { "\(area)/\($0)" }
        }
    }

    /// Reads `area/name.vec`.
    static func load(_ relative: String) throws -> Vector {
        let parts = relative.split(separator: "/")
        let bytes = Array(try Data(contentsOf: url.appendingPathComponent(relative)))
        return try Vector(parsing: bytes, area: String(parts[0]), name: String(parts[1].dropLast(4)))
    }
}

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}

@Suite("Test vectors")
struct VectorTests {
    /// The generator reproduces every committed vector byte for byte, and every generated vector is committed.
    /// With AVAULT_REGENERATE_VECTORS=1 it writes them instead (then commit the diff with the code change).
    @Test func committedVectorsAreReproducible() throws {
        let generated = try VectorGenerator.all()
        let regenerate = ProcessInfo.processInfo.environment["AVAULT_REGENERATE_VECTORS"] == "1"
        for vector in generated {
            let file = VectorDirectory.url.appendingPathComponent(vector.description)
            if regenerate {
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(vector.serialized()).write(to: file)
                continue
            }
            let committed = try? Data(contentsOf: file)
            #expect(
                committed.map(Array.init) == vector.serialized(),
                "\(vector) differs from the generator (AVAULT_REGENERATE_VECTORS=1 rewrites it)")
        }
        // No stale files in the areas this generator owns.
        let names = Set(generated.map(\.description))
        for relative in VectorDirectory.committed()
        where VectorGenerator.areas[String(relative.split(separator: "/")[0])] != nil {
            #expect(names.contains(relative), "\(relative) is committed but no longer generated")
        }
    }

    /// Generation is deterministic: two runs give identical bytes.
    @Test func generatorIsDeterministic() throws {
        #expect(try VectorGenerator.all() == VectorGenerator.all())
    }

    /// Every committed vector gives the outcome its `expect:` line names.
    @Test(arguments: VectorDirectory.committed())
    func committedVectorOutcome(_ relative: String) throws {
        let vector = try VectorDirectory.load(relative)
        #expect(VectorRunner.outcome(of: vector) == vector.expect, "\(relative): \(vector["comment"] ?? "")")
    }

    /// Every area folder has a runner, every runner has vectors, and every expect: value is `success` or a library code id.
    @Test func areasAndExpectations() throws {
        let areas = VectorDirectory.areas()
        #expect(!areas.isEmpty, "no vectors found at \(VectorDirectory.url.path)")
        for area in areas { #expect(VectorRunner.areas[area] != nil, "no runner for \(area)") }
        for area in VectorRunner.areas.keys { #expect(areas.contains(area), "no vectors for \(area)") }
        let ids = Set(MessageCodes.allIDs)
        for relative in VectorDirectory.committed() {
            let vector = try VectorDirectory.load(relative)
            #expect(
                vector.expect == "success" || ids.contains(vector.expect),
                "\(relative): unknown expect \(vector.expect)")
        }
    }

    /// Each committed vector file round-trips through the vector reader and writer byte for byte
    /// (header lines, blank line, raw bytes).
    @Test(arguments: VectorDirectory.committed())
    func vectorFormatRoundTrip(_ relative: String) throws {
        let bytes = Array(try Data(contentsOf: VectorDirectory.url.appendingPathComponent(relative)))
        let vector = try VectorDirectory.load(relative)
        #expect(vector.serialized() == bytes, "\(relative) does not re-serialise to its own bytes")
        let parts = relative.split(separator: "/")
        #expect(
            try Vector(parsing: vector.serialized(), area: String(parts[0]), name: String(parts[1].dropLast(4)))
                == vector)
        #expect(vector["expect"] != nil, "\(relative) has no expect: line")
    }

    /// The vector reader keeps a body that itself holds blank lines, keeps `: ` inside a value, and
    /// refuses a header without `expect:`.
    @Test func vectorReaderEdgeCases() throws {
        let v = Vector(
            area: "a", name: "n", fields: [("expect", "success"), ("comment", "x: y")], body: [0x0a, 0x0a, 0])
        let parsed = try Vector(parsing: v.serialized(), area: "a", name: "n")
        #expect(parsed == v)
        #expect(parsed["comment"] == "x: y" && parsed.body == [0x0a, 0x0a, 0])
        #expect(throws: Vector.FormatError.self) {
            try Vector(parsing: Array("comment: x\n\nbody".utf8), area: "a", name: "n")
        }
    }
}
