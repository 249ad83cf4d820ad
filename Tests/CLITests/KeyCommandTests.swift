import Foundation
import Testing

/// End-to-end tests of `avault keygen`, `avault key show` and `avault key check` through the real binary.
@Suite("avault key commands")
struct KeyCommandTests {
    /// keygen writes ID.key (600) and ID.pub, prints the fingerprint; key show prints id, name and the same fingerprint.
    @Test func keygenThenShow() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let made = try cli.keygen(id: "tv-cli")
        #expect(made.exited(0), "\(made)")
        #expect(made.stdout.contains("Wrote"))
        let fingerprintLine = try #require(made.stdout.split(separator: "\n").first { $0.hasPrefix("Fingerprint: ") })
        let fingerprint = String(fingerprintLine.dropFirst("Fingerprint: ".count).prefix(29))
        #expect(fingerprint.split(separator: "-").count == 6)
        let keyMode =
            try FileManager.default.attributesOfItem(atPath: cli.path("tv-cli.key"))[.posixPermissions] as? Int
        #expect(keyMode == 0o600)

        let shown = try cli.run(["key", "show", cli.path("tv-cli.pub")])
        #expect(shown.exited(0), "\(shown)")
        #expect(shown.stdout.contains("tv-cli"))
        #expect(shown.stdout.contains("Nguyễn Thị Lan"))
        #expect(shown.stdout.contains(fingerprint))
        #expect(shown.stdout.contains("ID") && shown.stdout.contains("Fingerprint"))
        #expect(shown.stderr.isEmpty)

        // key show on the .key reads only the public part, and says so.
        let shownKey = try cli.run(["key", "show", cli.path("tv-cli.key")])
        #expect(shownKey.exited(0), "\(shownKey)")
        #expect(shownKey.stdout.contains(fingerprint))
        #expect(shownKey.stdout.contains("not unlocked"))
    }

    /// key check with the right passphrase prints "passphrase OK" with the id and fingerprint.
    @Test func keyCheckSucceeds() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.keygen(id: "tv-ok", passphrase: "mật khẩu đúng").exited(0))
        let shown = try cli.run(["key", "show", cli.path("tv-ok.pub")])
        let checked = try cli.run(["key", "check", cli.path("tv-ok.key"), "--passphrase-file", cli.path("tv-ok.pass")])
        #expect(checked.exited(0), "\(checked)")
        #expect(checked.stdout.contains("passphrase OK"))
        #expect(checked.stdout.contains("tv-ok"))
        let fingerprint = try #require(
            shown.stdout.split(separator: "\n").first { $0.hasPrefix("Fingerprint") }?.split(separator: " ").last)
        #expect(checked.stdout.contains(String(fingerprint)))
    }

    /// keygen refuses to overwrite an existing identity (exit 73) and leaves the old files untouched.
    @Test func keygenRefusesOverwrite() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.keygen(id: "tv-dup").exited(0))
        let before = try cli.read("tv-dup.key")
        let again = try cli.keygen(id: "tv-dup")
        #expect(again.exited(73), "\(again)")
        #expect(again.stderr.hasPrefix("avault: error: "))
        #expect(again.stderr.contains("already exists"))
        #expect(try cli.read("tv-dup.key") == before)
    }

    /// key show of a .pub with one altered byte fails with a data error, never a crash.
    @Test func showTamperedPublicFile() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.keygen(id: "tv-t").exited(0))
        var bytes = try cli.read("tv-t.pub")
        bytes[bytes.count - 1] ^= 0x01
        let path = try cli.write("tampered.pub", bytes, mode: 0o644)
        let result = try cli.run(["key", "show", path])
        #expect(result.exited(65), "\(result)")
        #expect(result.stderr.hasPrefix("avault: error: "))
        #expect(result.stderr.contains("self-signature does not verify"))
        #expect(result.stdout.isEmpty)
    }

    /// Bad input files each get their own message and exit status, in English.
    @Test(arguments: [
        ("empty file", "empty", Int32(65), "the file is empty"),
        ("truncated key file", "truncated", 65, "truncated"),
        ("corrupted key file", "corrupted", 77, "wrong passphrase, or the key file was altered"),
        ("public file instead of key", "public", 65, "this is a public identity file"),
        ("key file readable by others", "open", 77, "refusing to use it"),
        ("wrong passphrase", "wrong", 77, "wrong passphrase"),
        ("not an avault file", "text", 65, "not an AppraisalVault file"),
        ("missing file", "missing", 66, "no such file"),
    ])
    func keyCheckRejects(_ name: String, _ variant: String, _ status: Int32, _ text: String) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.keygen(id: "tv-x", passphrase: "right").exited(0))
        let key = try cli.read("tv-x.key")
        var passphraseFile = cli.path("tv-x.pass")
        let target: String
        switch variant {
        case "empty": target = try cli.write("empty.key", [])
        case "truncated": target = try cli.write("cut.key", Array(key.dropLast(7)))
        case "corrupted":
            var bad = key
            bad[bad.count - 40] ^= 0x20
            target = try cli.write("bad.key", bad)
        case "public": target = cli.path("tv-x.pub")
        case "open":
            target = try cli.write("open.key", key, mode: 0o644)
        case "wrong":
            target = cli.path("tv-x.key")
            passphraseFile = try cli.passphraseFile("wrong", name: "wrong.pass")
        case "text": target = try cli.write("notes.key", Array("hello\n".utf8))
        default: target = cli.path("nowhere.key")
        }
        let result = try cli.run(["key", "check", target, "--passphrase-file", passphraseFile])
        #expect(result.exited(status), "\(name): \(result)")
        #expect(result.stderr.hasPrefix("avault: error: \(target)"), "\(name): \(result.stderr)")
        #expect(result.stderr.contains(text), "\(name): \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(name)")
        #expect(!result.stderr.contains("right"), "the passphrase must never appear in error text")
        if variant == "open" {
            #expect(result.stderr.contains("avault: hint: Run: chmod 600 \(target)"), "\(result.stderr)")
        }
    }

    /// With no --passphrase-file and no terminal (new session, stdin /dev/null), the answer is passphrase.missing (exit 64).
    @Test func noPassphraseAndNoTerminal() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.keygen(id: "tv-tty").exited(0))
        let result = try cli.run(["key", "check", cli.path("tv-tty.key")], detached: true)
        #expect(result.exited(64), "\(result)")
        #expect(result.stderr.contains("A passphrase is needed, but there is no terminal"))
        #expect(result.stderr.contains("avault: hint: "))
        // keygen asks for its passphrase the same way, and writes nothing.
        let made = try cli.run(
            ["keygen", "--id", "tv-none", "--name", "A", "--role", "member", "--out", cli.dir], detached: true)
        #expect(made.exited(64), "\(made)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("tv-none.key")))
        #expect(!FileManager.default.fileExists(atPath: cli.path("tv-none.pub")))
    }

    /// The same failure is reported in Vietnamese under LANG=vi_VN.UTF-8 and in English otherwise.
    @Test func languages() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.keygen(id: "tv-lang", passphrase: "right").exited(0))
        let wrong = try cli.passphraseFile("sai", name: "wrong.pass")
        let arguments = ["key", "check", cli.path("tv-lang.key"), "--passphrase-file", wrong]
        let vi = try cli.run(arguments, language: "vi_VN.UTF-8")
        #expect(vi.exited(77), "\(vi)")
        #expect(vi.stderr.hasPrefix("avault: lỗi: "))
        #expect(vi.stderr.contains("sai cụm mật khẩu"))
        #expect(vi.stderr.contains("avault: gợi ý: "))
        let en = try cli.run(arguments, language: "en_US.UTF-8")
        #expect(en.exited(77), "\(en)")
        #expect(en.stderr.hasPrefix("avault: error: "))
        #expect(en.stderr.contains("avault: hint: "))
        let ok = try cli.run(
            ["key", "check", cli.path("tv-lang.key"), "--passphrase-file", cli.path("tv-lang.pass")],
            language: "vi_VN.UTF-8")
        #expect(ok.exited(0), "\(ok)")
        #expect(ok.stdout.contains("cụm mật khẩu đúng"))
    }

    /// An unknown option is a usage error (exit 64) with the localized prefix.
    @Test func usageError() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["key", "check", "--no-such-option"])
        #expect(result.exited(64), "\(result)")
        #expect(result.stderr.hasPrefix("avault: error: "))
    }

    /// keygen warns (and still writes the key) on a passphrase under 12 characters or a common
    /// one, letter case aside; a long uncommon one gets no warning.
    @Test func keygenWarnsOnWeakPassphrases() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let short = try cli.keygen(id: "tv-a", passphrase: "mật khẩu")
        #expect(short.exited(0) && short.stderr.contains("warning: the passphrase is shorter than 12"), "\(short)")
        #expect(FileManager.default.fileExists(atPath: cli.path("tv-a.key")))
        let common = try cli.keygen(id: "tv-b", passphrase: "Password1234")
        #expect(common.exited(0) && common.stderr.contains("warning: the passphrase is a common one"), "\(common)")
        let good = try cli.keygen(id: "tv-c", passphrase: "đồi núi mây trời Điện Biên")
        #expect(good.exited(0) && !good.stderr.contains("warning"), "\(good)")
    }
}
