import AppraisalVault
import Foundation
import Testing

@testable import avault

/// The catalog lives in the CLI (spec §9.4 ids): the library's codes and the CLI's `MessageID`,
/// one table per language.
@Suite("CLI: message catalog")
struct MessageCatalogTests {
    /// Every id of the catalog: the library's codes, then the CLI's own messages.
    static let allIDs: [String] = MessageCodes.allIDs + MessageID.allIDs

    /// Rule: no id is claimed twice (by two codes, or by a code and a CLI message).
    @Test func idsAreUnique() {
        let repeated = Dictionary(grouping: Self.allIDs, by: { $0 }).filter { $0.value.count > 1 }.keys
        #expect(repeated.isEmpty, "claimed twice: \(repeated.sorted())")
    }

    /// Rule: ids look like `area.name` (lowercase letters, digits and dashes).
    @Test func idsAreWellFormed() {
        for id in Self.allIDs {
            let parts = id.split(separator: ".", omittingEmptySubsequences: false)
            #expect(
                parts.count == 2
                    && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } },
                "\(id)")
        }
    }

    /// Rule: each language's table holds exactly the catalog's ids: none missing, none unused.
    @Test(arguments: [Language.vietnamese, .english])
    func tableHoldsExactlyTheIDs(_ language: Language) {
        let keys = Set(Catalog.table(language).keys)
        let ids = Set(Self.allIDs)
        #expect(ids.subtracting(keys).isEmpty, "no \(language) text: \(ids.subtracting(keys).sorted())")
        #expect(keys.subtracting(ids).isEmpty, "unused \(language) text: \(keys.subtracting(ids).sorted())")
    }

    /// Rule: both texts of an id are non-blank, use the same placeholders, numbered from 1 without
    /// gaps, and the Vietnamese text is not the English one left untranslated.
    @Test func textsAgree() {
        for id in Self.allIDs {
            let vi = Catalog.template(id, in: .vietnamese)
            let en = Catalog.template(id, in: .english)
            #expect(
                !vi.trimmingCharacters(in: .whitespaces).isEmpty && !en.trimmingCharacters(in: .whitespaces).isEmpty)
            let placeholders = Catalog.placeholders(vi)
            #expect(placeholders == Catalog.placeholders(en), "\(id)")
            #expect(placeholders == Set((0..<placeholders.count).map { $0 + 1 }), "\(id)")
            #expect(vi != en || Self.sameInBothLanguages.contains(id), "\(id) is not translated: \(vi)")
        }
    }

    /// Texts that are the same words in both languages (symbols and names).
    static let sameInBothLanguages: Set<String> = ["demo.step", "label.demo", "show.holder", "show.labels"]

    /// Rule: every CLI message is named by the CLI's sources (the library's codes are used by
    /// construction: each is a case of a code the library throws or reports).
    @Test func noCLIMessageIsUnused() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources/avault")
        var text = ""
        let files = try #require(FileManager.default.enumerator(atPath: sources.path))
        for case let file as String in files
        where file.hasSuffix(".swift") && file != "Messages/MessageID.swift" && !file.hasPrefix("Messages/Catalog+") {
            text += try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
        }
        for id in MessageID.allCases {
            let name = String(describing: id)
            #expect(text.contains("." + name), "\(id.rawValue) (\(name)) is used nowhere")
        }
    }

    /// Rule: render fills `{n}` in the chosen language and leaves a placeholder without an
    /// argument visible.
    @Test func rendering() {
        #expect(FormatError.Code.empty.render(["a.key"], in: .english) == "a.key: the file is empty.")
        #expect(FormatError.Code.empty.render(["a.key"], in: .vietnamese) == "a.key: tệp rỗng.")
        #expect(FormatError.Code.empty.render([], in: .english).hasPrefix("{1}"))
        #expect(Catalog.render("no.such-id", in: .english) == "no.such-id")
        // Arguments come from files: refused characters are shown escaped (spec §1.3).
        #expect(
            FormatError.Code.empty.render(["a\u{1B}[2K\r.key"], in: .english)
                == "a\\u{1B}[2K\\u{D}.key: the file is empty.")
    }

    /// Rule: an error renders through its code and facts; its hint through the hint's code.
    @Test func errorsRenderWithHints() {
        let error = FormatError(
            .keyTooOpen, [.file("a.key"), .text("0644")], hint: ErrorHint(.chmod, [.file("a.key")]))
        let (line, hint) = Terminal.text(of: error, in: .english)
        #expect(line.hasPrefix("a.key: the secret key file has mode 0644"))
        #expect(hint == "Run: chmod 600 a.key")
        #expect(Terminal.text(of: CLIError(.passphraseMissing), in: .english).error.isEmpty == false)
    }

    /// Rule: LC_ALL wins over LC_MESSAGES and LANG; empty values are skipped; `vi*` means
    /// Vietnamese; the default is English.
    @Test(
        arguments: [
            ([:], Language.english),
            (["LANG": "vi_VN.UTF-8"], .vietnamese),
            (["LANG": "en_US.UTF-8"], .english),
            (["LANG": "C"], .english),
            (["LANG": "VI_vn"], .vietnamese),
            (["LC_ALL": "en_US.UTF-8", "LANG": "vi_VN.UTF-8"], .english),
            (["LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"], .vietnamese),
            (["LC_ALL": "", "LANG": "vi_VN.UTF-8"], .vietnamese),
            (["LC_ALL": "", "LC_MESSAGES": "", "LANG": "vi"], .vietnamese),
            (["LC_MESSAGES": "vi_VN", "LANG": "en_GB"], .vietnamese),
            (["LC_ALL": "C.UTF-8", "LC_MESSAGES": "vi_VN"], .english),
        ] as [([String: String], Language)])
    func languageFromEnvironment(_ environment: [String: String], _ expected: Language) {
        #expect(Language.fromEnvironment(environment) == expected)
    }

    /// Rule: an error's exit status comes from the CLI's one table (file errors by the failed step).
    @Test func exitStatusTable() {
        #expect(ExitStatus.of(FormatError(.fileNotFound)) == .noInput)
        #expect(ExitStatus.of(FormatError(.fileUnreadable, step: .open)) == .noInput)
        #expect(ExitStatus.of(FormatError(.fileUnreadable, step: .read)) == .ioError)
        #expect(ExitStatus.of(FormatError(.fileCannotWrite, step: .create)) == .cannotCreate)
        #expect(ExitStatus.of(FormatError(.keyWrongPassphrase)) == .permission)
        #expect(ExitStatus.of(MergeError(.alreadyMerged)) == .cannotCreate)
        #expect(ExitStatus.of(MergeError(.notSecretary)) == .permission)
        #expect(ExitStatus.of(InboxError(.wrongRound)) == .dataError)
        #expect(ExitStatus.of(CLIError(.passphraseMissing)) == .usage)
        #expect(ExitStatus.of(CocoaError(.fileNoSuchFile)) == .software)
    }
}
