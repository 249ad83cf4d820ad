import Testing
import VaultCrypto

@testable import AppraisalVault

@Suite("Release: secret hex")
struct SecretHexTests {
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
