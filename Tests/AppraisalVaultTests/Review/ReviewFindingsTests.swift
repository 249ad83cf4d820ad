import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

/// Regression tests for the findings of the 2026-11-25 code review.
@Suite("Review findings (2026-11-25)")
struct ReviewFindingsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func demoIdentities() throws -> [PublicIdentity] {
        try FileIO.list(root + "/keys").filter { $0.hasSuffix(".pub") }.map { try PublicIdentity.load(root + "/keys/" + $0) }
    }

    /// M6: every published demo key is in the built-in list, so a re-signed copy with
    /// `demo: false` is still recognised as a demo identity.
    @Test func demoKeysAreRecognisedByKey() throws {
        let identities = try Self.demoIdentities()
        #expect(identities.count == 12)
        for identity in identities {
            #expect(DemoKeys.contains(identity), "\(identity.id)")
            let relabelled = PublicIdentity(
                id: identity.id, name: identity.name, role: identity.role, signingKey: identity.signingKey,
                encryptionKey: identity.encryptionKey, created: identity.created, isDemo: false)
            #expect(DemoKeys.contains(relabelled))
        }
        let fresh = try SecretIdentity.generate(id: "x", name: "X", role: .member, isDemo: false)
        #expect(!DemoKeys.contains(fresh.identity))
    }

    /// L10: one key in two roles is refused.
    @Test func sharedKeyAcrossRolesIsRefused() throws {
        let a = try SecretIdentity.generate(id: "a", name: "A", role: .member, isDemo: false).identity
        let b = try SecretIdentity.generate(id: "b", name: "B", role: .holder, isDemo: false).identity
        #expect(throws: Never.self) { try RoundSetup.checkDistinctKeys([a, b]) }
        let clone = PublicIdentity(
            id: "c", name: "C", role: .holder, signingKey: a.signingKey, encryptionKey: b.encryptionKey, created: a.created,
            isDemo: false)
        let error = #expect(throws: VaultError.self) { try RoundSetup.checkDistinctKeys([a, b, clone]) }
        #expect(error?.code == .roundSharedKey)
    }

    /// L12: a FIFO given as an input file fails at once instead of hanging.
    @Test func fifoIsRefusedNotWaitedOn() throws {
        let path = NSTemporaryDirectory() + "avault-fifo-\(UUID().uuidString)"
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let error = #expect(throws: VaultError.self) { _ = try FileIO.read(path, maxBytes: 100) }
        #expect(error?.code == .fileNotRegular)
        #expect(throws: VaultError.self) { _ = try Passphrase(file: path) }
        #expect(throws: VaultError.self) { _ = try FileIO.StreamReader(path: path) }
    }

    /// L13: the key-file mode is taken from the opened file.
    @Test func keyFileModeFromOpenedFile() throws {
        let path = NSTemporaryDirectory() + "avault-key-\(UUID().uuidString).key"
        try FileIO.writeAtomically(Array("x".utf8), to: path, mode: 0o644)
        defer { unlink(path) }
        let error = #expect(throws: VaultError.self) { _ = try KeyFile.load(path) }
        #expect(error?.code == .keyTooOpen)
    }

    /// L9: text cells that a spreadsheet would run as a formula are neutralised in report.csv.
    @Test func csvFormulaInjectionIsNeutralised() throws {
        let row = CSV.write([["'=HYPERLINK(\"x\")"]])
        #expect(String(decoding: row, as: UTF8.self).hasPrefix("\"'=HYPERLINK"))
    }
}
