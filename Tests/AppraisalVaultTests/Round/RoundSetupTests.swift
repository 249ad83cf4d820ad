import Foundation
import Testing
import VaultCrypto

@testable import AppraisalVault

@Suite("Round setup")
struct RoundSetupTests {
    /// One key in two roles is refused (spec §3).
    @Test func sharedKeyAcrossRolesIsRefused() throws {
        let a = try SecretIdentity.generate(id: "a", name: "A", role: .member, isDemo: false).identity
        let b = try SecretIdentity.generate(id: "b", name: "B", role: .holder, isDemo: false).identity
        #expect(throws: Never.self) { try RoundSetup.checkDistinctKeys([a, b]) }
        let clone = PublicIdentity(
            id: "c", name: "C", role: .holder, signingKey: a.signingKey, encryptionKey: b.encryptionKey,
            created: a.created,
            isDemo: false)
        let error = #expect(throws: (any Error).self) { try RoundSetup.checkDistinctKeys([a, b, clone]) }
        #expect(error?.errorID == RoundError.Code.sharedKey.rawValue)
    }
}
