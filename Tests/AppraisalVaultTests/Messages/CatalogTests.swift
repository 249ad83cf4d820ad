import Foundation
import Testing

@testable import AppraisalVault
@testable import avault

@Suite("MessageID catalog")
struct CatalogTests {
    /// Every entry has Vietnamese and English text, with exactly the same placeholders, numbered from 1 without gaps.
    @Test(arguments: MessageID.allCases)
    func entryIsComplete(_ message: MessageID) {
        #expect(!message.vietnamese.trimmingCharacters(in: .whitespaces).isEmpty)
        #expect(!message.english.trimmingCharacters(in: .whitespaces).isEmpty)
        let vi = MessageID.placeholders(message.vietnamese)
        let en = MessageID.placeholders(message.english)
        #expect(vi == en)
        #expect(vi == Set((0..<vi.count).map { $0 + 1 }))
        #expect(message.argumentCount.vietnamese == message.argumentCount.english)
    }

    /// Ids are unique and look like `area.name` (lowercase, digits and dashes).
    @Test func idsAreUniqueAndWellFormed() {
        let ids = MessageID.allCases.map(\.id)
        #expect(
            Set(ids).count == ids.count,
            "duplicates: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        for id in ids {
            let parts = id.split(separator: ".", omittingEmptySubsequences: false)
            #expect(
                parts.count == 2
                    && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } },
                "\(id)")
        }
    }

    /// The texts shown for the key-check command exist in both languages (they are what CLI tests look for).
    @Test func keyCheckEntriesListed() {
        let ids = Set(MessageID.allCases.map(\.id))
        for id in ["key.check-abstract", "key.check-ok", "key.check-help-file"] {
            #expect(ids.contains(id), "\(id)")
        }
    }

    /// render fills `{n}` in the chosen language and leaves unknown placeholders visible.
    @Test func rendering() {
        #expect(MessageID.formatEmpty.render(["a.key"], in: .english) == "a.key: the file is empty.")
        #expect(MessageID.formatEmpty.render(["a.key"], in: .vietnamese) == "a.key: tệp rỗng.")
        #expect(MessageID.formatEmpty.render([], in: .english).hasPrefix("{1}"))
    }

    /// LC_ALL wins over LC_MESSAGES and LANG; empty values are skipped; `vi*` means Vietnamese; default English.
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
}
