import ArgumentParser
import Glibc
import VaultCrypto

@testable import AppraisalVault

/// `avault-bench merge`: times seal → receive checks → open → check → merge → lock on a
/// synthetic round of any size, in a temporary folder that is removed afterwards.
///
/// Identities are generated from a fixed seed and used unlocked, so no Argon2id work is timed
/// (a real merge adds one passphrase unlock). Sizes: `--units` × `--sub-criteria` cells
/// (every tenth sub-criterion is a council one, the rest self-assessed), split between
/// `--members` members by sub-criterion.
struct BenchMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Time sealing, receiving, opening and merging a synthetic round.")

    @Option(help: "Units in the round.")
    var units = 29

    @Option(name: .customLong("sub-criteria"), help: "Appraisable sub-criteria per unit.")
    var subCriteria = 72

    @Option(help: "Appraising members (sub-criteria are dealt out between them).")
    var members = 8

    @Option(help: "Runs; the median is reported.")
    var runs = 3

    @Flag(help: "Keep the temporary round folder and print its path.")
    var keep = false

    func validate() throws {
        guard (1...100_000).contains(units) else { throw ValidationError("--units must be 1…100000") }
        guard (1...10_000).contains(subCriteria) else { throw ValidationError("--sub-criteria must be 1…10000") }
        guard (1...subCriteria).contains(members), members <= 10_000 else {
            throw ValidationError("--members must be 1…sub-criteria")
        }
        guard (1...100).contains(runs) else { throw ValidationError("--runs must be 1…100") }
    }

    func run() throws {
        let setupStart = Clock.now()
        let round = try SyntheticRound(units: units, subCriteria: subCriteria, members: members)
        defer { if !keep { round.remove() } }
        let cells = round.definition.appraisableCells.count
        out(
            "Synthetic round: \(units) units × \(subCriteria) sub-criteria = \(cells) cells, \(members) members "
                + "(set-up \(Clock.format(Clock.now() - setupStart))).")
        if keep { out("Round folder: \(round.directory)") }

        var timings = [String: [Double]]()
        func time<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
            let start = Clock.now()
            let value = try body()
            timings[phase, default: []].append(Clock.now() - start)
            return value
        }
        let definition = round.definition
        let secretary = round.secretary
        var sizes = 0
        var plaintext = 0
        for run in 0..<runs {
            let sealed = try time("seal") {
                try round.members.map { m in
                    try Sealing.seal(
                        round.rows[m.identity.id]!, round: definition, member: m, revision: 1,
                        created: SyntheticRound.created)
                }
            }
            sizes = sealed.reduce(0) { $0 + $1.count }
            let envelopes = try time("receive checks") {
                try sealed.enumerated().map { i, bytes -> SealedEnvelope in
                    let e = try SealedEnvelope(parsing: bytes, expecting: .submission, file: "m\(i).avs")
                    _ = try definition.roster.authorize(e)
                    _ = e.fileHash
                    return e
                }
            }
            let contents = try time("open + decrypt") {
                try envelopes.map { e in
                    let bytes = try e.open(with: secretary.encryptionKey)
                    if run == 0 { plaintext += bytes.count }
                    return try SubmissionContent(parsing: bytes, file: e.file)
                }
            }
            var submissions = [String: [Appraisal]]()
            try time("re-check rows") {
                for c in contents {
                    guard let member = definition.member(c.member) else {
                        throw ValidationError("unknown member \(c.member)")
                    }
                    let check = AppraisalCheck(
                        plan: definition.plan, assignedCells: definition.cells(of: member))
                    guard check.problems(c.rows).isEmpty else { throw ValidationError("synthetic rows do not check") }
                    submissions[c.member] = c.rows
                }
            }
            let outcome = time("merge computation") {
                Merge.run(definition.plan, roundHash: definition.fileHash, submissions: submissions, survey: nil)
            }
            guard outcome.coverage.isComplete else { throw ValidationError("synthetic round incomplete") }
            _ = try time("results sealing") {
                try SealedEnvelope.seal(
                    outcome.results.canonicalJSON(), kind: .lockedResults, round: definition.fileHash,
                    context: [:],
                    sender: secretary, to: .joint(definition.release.jointKey), created: SyntheticRound.created)
            }
            if run == 0 { try round.receive(sealed) }
            try round.resetMerge()
            let report = try time("avault merge (end to end)") {
                try RoundMerge.run(
                    roundDirectory: round.directory, secretary: secretary, withoutSurvey: true, allowIncomplete: false,
                    created: SyntheticRound.created)
            }
            guard report.coverage.isComplete else { throw ValidationError("end-to-end merge incomplete") }
        }

        let phases = [
            "seal", "receive checks", "open + decrypt", "re-check rows", "merge computation", "results sealing",
            "avault merge (end to end)",
        ]
        out("")
        out("| phase | median of \(runs) | cells/s |")
        out("|---|---:|---:|")
        for phase in phases {
            let m = Clock.median(timings[phase] ?? [])
            out("| \(phase) | \(Clock.format(m)) | \(m > 0 ? Clock.rate(Double(cells) / m) : "-") |")
        }
        out("")
        let floor = try BenchStream.floor(bytes: sizes).open
        let endToEnd = Clock.median(timings["avault merge (end to end)"] ?? [])
        out(
            "| floor: secretstream pull + BLAKE2b of the same \(sizes / 1024) KiB, 1 thread | \(Int((floor * 1e6).rounded())) µs | "
                + "\(Clock.rate(Double(cells) / floor)) |")
        out("")
        out(
            "Submissions: \(members) files, \(sizes / 1024) KiB in total (\(plaintext / 1024) KiB of plaintext). "
                + "Peak RSS (VmHWM): \(peakRSS()). End to end ÷ floor: \(Int(endToEnd / floor))×.")
    }

    /// `VmHWM` from `/proc/self/status`.
    func peakRSS() -> String {
        let fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return "unknown" }
        defer { close(fd) }
        var bytes = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "unknown" }
        let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return "\(kb / 1024) MiB"
    }
}

/// Monotonic time helpers.
enum Clock {
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : "\(Double(Int(seconds * 100)) / 100) s"
    }

    static func rate(_ perSecond: Double) -> String {
        perSecond >= 1_000_000
            ? "\(Double(Int(perSecond / 100_000)) / 10) M"
            : perSecond >= 1000 ? "\(Int(perSecond / 1000)) k" : "\(Int(perSecond))"
    }
}

/// A synthetic round on disk: inputs written as CSV, read by the normal ``RoundSetup`` and
/// signed by ``RoundFolder``, with rows for every member (every seventh cell changed, with a reason).
struct SyntheticRound {
    static let created = "2026-01-01T00:00:00Z"

    let folder: String
    let directory: String
    let secretary: SecretIdentity
    let members: [SecretIdentity]
    let definition: RoundDefinition
    let rows: [String: [Appraisal]]

    init(units: Int, subCriteria: Int, members count: Int) throws {
        var template = Array("/tmp/avault-bench-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ValidationError("cannot create a temporary folder")
        }
        let folder = String(cString: made)
        let random = DeterministicRandom(seed: "avault bench merge")
        func identity(_ id: String, _ role: Role) throws -> SecretIdentity {
            try SecretIdentity.generate(
                id: id, name: "Bench \(id)", role: role, isDemo: true, created: Self.created, using: random)
        }
        func write(_ name: String, _ text: String) throws -> String {
            let path = FileIO.join(folder, name)
            try FileIO.writeAtomically(Array(text.utf8), to: path, mode: 0o600)
            return path
        }
        let secretary = try identity("thu-ky", .secretary)
        let members = try (1...count).map { try identity("tv-\($0)", .member) }
        let holders = try (1...3).map { try identity("ct-\($0)", .holder) }
        for s in members + holders {
            try FileIO.writeAtomically(try s.publicFile(), to: FileIO.join(folder, "\(s.identity.id).pub"))
        }

        // Framework: sub-criteria of max 1 (step 0.25), five per criterion, two criteria per field.
        var codes = [String]()
        var framework = "code,title,max,method,step\n"
        var k = 0
        var field = 0
        while k < subCriteria {
            field += 1
            let fieldRow = framework.count
            var fieldMax = 0
            for criterion in 1...2 where k < subCriteria {
                let n = min(5, subCriteria - k)
                framework += "\(field).\(criterion),Criterion \(field).\(criterion),\(n),,\n"
                for s in 1...n {
                    let code = "\(field).\(criterion).\(s)"
                    framework += "\(code),Sub-criterion \(code),1,\(k % 10 == 9 ? "council" : "self"),0.25\n"
                    codes.append(code)
                    k += 1
                }
                fieldMax += n
            }
            let index = framework.index(framework.startIndex, offsetBy: fieldRow)
            framework.insert(contentsOf: "\(field),Field \(field),\(fieldMax),,\n", at: index)
        }
        framework += "total,,\(subCriteria),,\n"
        var unitsCSV = "id,name,group\n"
        var selfCSV = "unit,code,score,note\n"
        let unitIDs = (1...units).map { "u\($0)" }
        for (i, u) in unitIDs.enumerated() {
            unitsCSV += "\(u),Unit \(i + 1),\(i % 3 == 2 ? "huyen" : "so-nganh")\n"
            for (j, code) in codes.enumerated() where j % 10 != 9 {
                selfCSV += "\(u),\(code),\((i + j) % 2 == 0 ? "1" : "0.75"),\n"
            }
        }
        var membersCSV = "id,public_key_file,codes,units\n"
        for (m, member) in members.enumerated() {
            let assigned = codes.enumerated().filter { $0.offset % count == m }.map(\.element)
            membersCSV += "\(member.identity.id),\(member.identity.id).pub,\(assigned.joined(separator: ";")),\n"
        }
        let ceremony = FileIO.join(folder, "ceremony")
        try CeremonyFolder.holdAll(
            at: ceremony, holders: holders, threshold: 2, secretary: secretary.identity, created: Self.created,
            using: random)
        let sources = RoundSetup.Sources(
            framework: try write("framework.csv", framework), units: try write("units.csv", unitsCSV),
            selfAssessment: try write("self.csv", selfCSV), members: try write("members.csv", membersCSV),
            ceremony: ceremony,
            title: "Benchmark round",
            year: 2025, isDemo: true)
        let setup: RoundSetup
        do { setup = try RoundSetup.load(sources) } catch {
            throw error.errors.first.map { $0 as any Error } ?? RoundError(.inputsIncomplete)
        }
        let directory = FileIO.join(folder, "round")
        let definition = try RoundFolder.create(
            setup, secretary: secretary, at: directory, created: Self.created)

        var rows = [String: [Appraisal]]()
        for member in definition.members {
            var list = [Appraisal]()
            for (n, cell) in definition.cells(of: member).enumerated() {
                let own = definition.selfAssessment.score(unit: cell.unit, code: cell.code)
                if let own, n % 7 == 3 {
                    list.append(
                        Appraisal(
                            unit: cell.unit, code: cell.code, score: own - Points.quarter,
                            reason: "Lý do giảm điểm số \(n)"))
                } else {
                    list.append(
                        Appraisal(unit: cell.unit, code: cell.code, score: own ?? Points(integer: 1), reason: ""))
                }
            }
            rows[member.id] = list
        }
        self.folder = folder
        self.directory = directory
        self.secretary = secretary
        self.members = members
        self.definition = definition
        self.rows = rows
    }

    /// Receives the sealed files into the round folder (once).
    func receive(_ sealed: [[UInt8]]) throws {
        let inbox = Inbox(roundDirectory: directory, roster: definition.roster)
        for (i, bytes) in sealed.enumerated() {
            let path = FileIO.join(folder, "incoming-\(i).avs")
            try FileIO.writeAtomically(bytes, to: path, replacing: true)
            _ = try inbox.receive(path, secretary: secretary)
        }
    }

    /// Puts the folder back as it was before the first merge (manifest and results removed, the
    /// journal restored without its `merge` entry), so the merge can be timed again: a real round
    /// refuses a second merge once one is journaled.
    func resetMerge() throws {
        for name in [RoundLayout.manifestFileName, RoundLayout.resultsFileName]
        where FileIO.exists(FileIO.join(directory, name)) {
            try FileIO.remove(FileIO.join(directory, name))
        }
        let journal = FileIO.join(directory, RoundLayout.journalFileName)
        let saved = FileIO.join(directory, ".journal-before-merge")
        if FileIO.exists(saved) {
            try FileIO.writeAtomically(
                try FileIO.read(saved, maxBytes: RoundJournal.maxFileSize), to: journal, replacing: true)
        } else {
            try FileIO.writeAtomically(try FileIO.read(journal, maxBytes: RoundJournal.maxFileSize), to: saved)
        }
    }

    /// Deletes the whole temporary folder.
    func remove() { BenchSupport.removeTree(folder) }
}
