import PropertyBased
import VaultCrypto

/// Decodes a hex literal from a test vector; traps on a typo in the test itself.
func bytes(hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    precondition(digits.count % 2 == 0, "test vector hex has odd length")
    return stride(from: 0, to: digits.count, by: 2).map {
        UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)!
    }
}

/// Lowercase hex of `data`, for readable failure messages.
func hex(_ data: some Sequence<UInt8>) -> String {
    data.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
}

/// A copy of the bytes held in `secret` (tests only: secrets never leave `SecretBytes` in the product).
func exposed(_ secret: SecretBytes) -> [UInt8] {
    secret.withUnsafeBytes { Array($0) }
}

/// `data` with the byte at `index` XORed with `mask`.
func flipped(_ data: [UInt8], at index: Int, mask: UInt8 = 0x01) -> [UInt8] {
    var out = data
    out[index] ^= mask
    return out
}

/// Random byte strings of up to `maxCount` bytes.
func byteArrays(_ count: ClosedRange<Int> = 0...256) -> Generator<[UInt8], some SendableSequenceType> {
    Gen<UInt8>.value(in: 0...255).array(of: count)
}

/// A fresh 32-byte secret key from the system generator.
func randomKey(_ count: Int = 32) throws -> SecretBytes {
    try SecretBytes(count: count, from: SystemRandom())
}

/// Runs `body` and returns the ``SodiumError`` it throws, or nil when it does not throw one.
func sodiumError<R>(_ body: () throws(SodiumError) -> R) -> SodiumError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}
