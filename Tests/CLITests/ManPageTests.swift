import Foundation
import Testing

/// docs/avault.1 and the per-command exit statuses in docs/cli.md match the binary's command
/// definitions (regenerate with `make manpage` after changing a command or its help).
@Suite struct ManPageTests {
    @Test func manPageIsCurrent() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let script = CLI.root.appendingPathComponent("scripts/gen-manpage.py").path
        let r = try cli.run(
            ["python3", script, CLI.binary, "--check"], environment: ["PATH": "/usr/bin:/bin:/usr/local/bin"],
            executable: "/usr/bin/env")
        #expect(r.exited(0), "run make manpage: \(r)")
        let page = String(
            decoding: try Data(contentsOf: CLI.root.appendingPathComponent("docs/avault.1")), as: UTF8.self)
        for command in ["avault receive", "avault round show", "avault release combine", "avault demo"] {
            #expect(page.contains(".SS \"\(command)\""), "\(command)")
        }
        #expect(page.contains(".SH EXIT STATUS"))
    }
}
