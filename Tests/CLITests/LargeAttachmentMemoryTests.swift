import Foundation
import Glibc
import Testing

@testable import AppraisalVault

/// Peak memory of the real binary on a large attachment (spec §10: attachments are streamed, so
/// memory does not grow with their size). Gated by AVAULT_LARGE_TESTS=1 (`make test-large`, release).
///
/// Each command runs as a child process; its peak resident set comes from `wait4`'s rusage
/// (`ru_maxrss`). AVAULT_LARGE_BYTES overrides the large size for a quicker local run. The scratch
/// folders are under TMPDIR (NSTemporaryDirectory): point it at a disk (`/var/tmp`), not tmpfs.
/// Each command first unlocks a key (Argon2id, 64 MiB), so both runs peak near 97 MiB: growth that
/// stays under that floor is not seen, growth with the attachment's size (1 GiB) is.
@Suite(.serialized) struct LargeAttachmentMemoryTests {
    static let small = 1 << 20
    static let large = ProcessInfo.processInfo.environment["AVAULT_LARGE_BYTES"].flatMap(Int.init) ?? 1 << 30
    /// How far above the 1 MiB run the large run's peak may be.
    static let marginKiB = 16 * 1024

    /// Runs `avault arguments` (absolute paths: the child shares the test's working folder) with its
    /// output in files in `directory`, and returns its exit status and peak resident set in KiB.
    static func peak(_ arguments: [String], in directory: String) throws -> (status: Int32, maxRSSKiB: Int, err: String)
    {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, directory + "/.stdout", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, directory + "/.stderr", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([CLI.binary] + arguments).map { strdup($0) } + [nil]
        let environment: [String] = ["LANG=C", "PATH=/usr/bin:/bin"]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, CLI.binary, &actions, nil, argv, envp)
        try #require(spawned == 0, "posix_spawn: \(spawned)")
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            try #require(errno == EINTR, "wait4: \(errno)")
        }
        let exited = status & 0x7f == 0
        let err = (try? String(contentsOfFile: directory + "/.stderr", encoding: .utf8)) ?? ""
        return (exited ? (status >> 8) & 0xff : -1, Int(usage.ru_maxrss), err)
    }

    /// seal --attach, receive, merge, extract on one attachment of `size` bytes; the peak RSS of each
    /// command, after checking the extracted file is the original.
    static func peaks(attachment size: Int) throws -> [String: Int] {
        let s = try SubmissionCLITests()
        defer { s.cleanUp() }
        try s.initRound(worksheets: [1])
        let (header, rows) = try s.readWorksheet(1)
        try s.writeWorksheet(1, header: header, rows: SubmissionCLITests.agreeing(rows))
        let input = s.dir + "/members/big.bin"
        let writer = try FileIO.AtomicWriter(path: input, mode: 0o600)
        let block = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        var left = size
        while left > 0 {
            try writer.write(Array(block.prefix(left)))
            left -= min(left, block.count)
        }
        try writer.commit()
        func at(_ name: String) -> String { s.dir + "/" + name }
        let pass = ["--passphrase-file", at("pass")]
        let secretary = ["--key", at("keys/thu-ky.key")] + pass
        let steps: [(String, [String])] = [
            (
                "seal",
                [
                    "seal", at("members/tv-01.csv"), "--round", at("round/round.avr"), "--key", at("keys/tv-01.key"),
                    "-o", at("members/tv-01.avs"), "--attach", input,
                ] + pass
            ),
            (
                "receive",
                ["receive", at("members/tv-01.avs"), at("members/tv-01.r1.e1.ave"), "--round", at("round")] + secretary
            ),
            ("merge", ["merge", "--round", at("round"), "--allow-incomplete", "--without-survey"] + secretary),
            ("extract", ["extract", "--round", at("round"), "-o", at("out"), "--member", "tv-01"] + secretary),
        ]
        var result = [String: Int]()
        for (name, arguments) in steps {
            let r = try peak(arguments, in: s.dir)
            try #require(r.status == 0, "\(name) (\(size) bytes): \(r.err)")
            result[name] = r.maxRSSKiB
        }
        let cmp = Process()
        cmp.executableURL = URL(fileURLWithPath: "/usr/bin/cmp")
        cmp.arguments = [input, s.dir + "/out/tv-01/r1/big.bin"]
        try cmp.run()
        cmp.waitUntilExit()
        #expect(cmp.terminationStatus == 0, "extracted attachment differs from the original (\(size) bytes)")
        return result
    }

    /// Sealing, receiving, merging and extracting a 1 GiB attachment peaks within 16 MiB of the same
    /// commands on a 1 MiB attachment: memory does not grow with attachment size (spec §10).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["AVAULT_LARGE_TESTS"] == "1"))
    func oneGibibyteAttachmentPeakRSSWithinMarginOfOneMebibyte() throws {
        let base = try Self.peaks(attachment: Self.small)
        let big = try Self.peaks(attachment: Self.large)
        for (name, baseKiB) in base.sorted(by: { $0.key < $1.key }) {
            let bigKiB = try #require(big[name])
            print("peak RSS \(name): \(baseKiB) KiB at \(Self.small) bytes, \(bigKiB) KiB at \(Self.large) bytes")
            #expect(
                bigKiB <= baseKiB + Self.marginKiB,
                "\(name): \(bigKiB) KiB at \(Self.large) bytes vs \(baseKiB) KiB at 1 MiB")
        }
    }
}
