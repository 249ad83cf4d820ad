import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

@Suite("Demo keys")
struct DemoKeysTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func demoIdentities() throws -> [PublicIdentity] {
        try FileIO.list(root + "/keys").filter { $0.hasSuffix(".pub") }.map {
            try PublicIdentity.load(root + "/keys/" + $0)
        }
    }

    /// Every published demo key is in the built-in list, so a re-signed copy with `demo: false` is
    /// still recognised as a demo identity (spec §2.2).
    @Test func demoKeysAreRecognisedByKey() throws {
        let identities = try Self.demoIdentities()
        #expect(identities.count == 15)
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
}
