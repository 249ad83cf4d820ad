import Foundation
import Testing

/// The README tour's commands, as written, are command lines the binary accepts: every command,
/// option and argument exists (no usage error, exit 64). They run in an empty folder, so most stop
/// at a missing input file; running the whole tour verbatim against the samples is not done yet.
@Suite struct ReadmeTourTests {
    /// The `avault …` lines of the README's "A tour" section: continuation lines joined, comments
    /// and optional `[…]` parts removed, placeholder lines (`...`, `XXXX`) left out.
    static func tourCommands() throws -> [String] {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "## A tour"))
        let section = readme[start.upperBound...]
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        var commands = [String]()
        var inCode = false
        var pending = ""
        for raw in section[..<end].split(separator: "\n", omittingEmptySubsequences: false) {
            if raw.hasPrefix("```") {
                inCode.toggle()
                continue
            }
            guard inCode else { continue }
            var line = String(raw)
            if let comment = line.range(of: "  #") ?? (line.hasPrefix("#") ? line.range(of: "#") : nil) {
                line = String(line[..<comment.lowerBound])
            }
            line = line.replacingOccurrences(of: #"\s\[[^\]]*\]"#, with: "", options: .regularExpression)
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
                continue
            }
            let command = (pending + line).trimmingCharacters(in: .whitespaces)
            pending = ""
            guard command.hasPrefix("avault "), !command.contains(" ..."), !command.contains("XXXX") else { continue }
            commands.append(command)
        }
        return commands
    }

    @Test func tourCommandsParse() throws {
        let commands = try Self.tourCommands()
        #expect(commands.count >= 20, "\(commands)")
        let cli = try CLI()
        defer { cli.cleanUp() }
        let pass = try cli.passphraseFile("một cụm mật khẩu đủ dài cho bài thử")
        for command in commands {
            // Scripts pass the passphrase by file (README); `--passphrase-file` exists wherever a key is unlocked.
            var suffix = ""
            if command.hasPrefix("avault keygen") {
                suffix = " --passphrase-file '\(pass)' --kdf interactive"
            } else if command.contains(".key") {
                suffix = " --passphrase-file '\(pass)'"
            }
            let shell = "'\(CLI.binary)'" + command.dropFirst("avault".count) + suffix
            let r = try cli.run(["sh", "-c", "cd '\(cli.dir)' && " + shell], executable: "/usr/bin/env")
            #expect(r.status != 64, "\(command): \(r)")
            for usage in ["Unknown option", "Unexpected argument", "Missing expected argument", "has no option"] {
                #expect(!r.stderr.contains(usage), "\(command): \(r.stderr)")
            }
        }
    }
}
