import Testing
import VaultCrypto

@testable import AppraisalVault
@testable import avault

@Suite("Release: approval messages and secret hex")
struct ApprovalMessageTests {
    /// Rule: every approval/token/results message exists in both languages with the same
    /// placeholders, has a unique id in its area, and is listed in `MessageID.allCases`.
    @Test func catalogEntriesComplete() {
        let all = MessageID.allCases.map(\.id)
        #expect(Set(all).count == all.count, "duplicate message ids in the catalog")
        var ids = Set<String>()
        let prefixes = ["approval.", "token.", "results.", "hint.approval-", "hint.token-"]
        for m in MessageID.approvalMessages {
            #expect(!m.vietnamese.isEmpty && !m.english.isEmpty, "\(m.id)")
            #expect(m.vietnamese != m.english, "\(m.id) is not translated")
            #expect(m.argumentCount.vietnamese == m.argumentCount.english, "\(m.id)")
            #expect(prefixes.contains { m.id.hasPrefix($0) }, "\(m.id)")
            #expect(ids.insert(m.id).inserted, "\(m.id) twice")
            #expect(all.contains(m.id), "\(m.id) missing from MessageID.allCases")
        }
        #expect(ids.count == 23)
    }

    /// Rule: secret hex round-trips every byte value and matches the public encoder; anything but
    /// lowercase hex of the exact length is refused.
    @Test func secretHexRoundTrip() throws {
        let bytes = (0...255).map { UInt8($0) }
        let secret = try SecretBytes(copying: bytes)
        let text = Hex.encode(secret: secret)
        #expect(text == Hex.encode(bytes))
        #expect(try #require(Hex.decodeSecret(text, length: 256)) == secret)
        for bad in ["0g", "0G", "AB", "/0", ":0", "`0", "0", "000"] {
            #expect(Hex.decodeSecret(bad, length: 1) == nil, "\(bad)")
        }
        #expect(Hex.decodeSecret("af", length: 1)?.constantTimeEquals([0xaf]) == true)
    }
}
