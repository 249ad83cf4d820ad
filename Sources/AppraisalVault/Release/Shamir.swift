internal import VaultCrypto

/// Shamir secret sharing over GF(2^8), byte by byte (spec §4.1).
///
/// ``split(_:threshold:count:using:)`` draws one random polynomial of degree t − 1 per secret
/// byte, with the secret byte as its constant term, and evaluates it at x = 1…n; share i is the
/// x value and the n-th evaluation of every polynomial (`y`, as long as the secret).
/// ``combine(_:)`` interpolates at x = 0 (Lagrange). Any t shares give the secret; any t − 1
/// shares are consistent with every possible secret, equally likely, so they reveal nothing.
///
/// The arithmetic is constant time (see ``Field``). Secret bytes, polynomial coefficients and
/// shares live only in ``SecretBytes``; intermediate buffers are wiped before return.
///
/// This type does not detect a wrong share: a corrupted `y` interpolates to a wrong secret
/// without error (spec §4.3). ``ReleasePolicy`` adds per-share commitments and
/// a public-key check on top of it.
enum Shamir {
    /// The largest number of shares: x ranges over the 255 non-zero field elements.
    static let maxShares = 255

    /// One share: a non-zero x coordinate and the evaluations of every byte's polynomial at x.
    struct Share: Sendable {
        /// The x coordinate, 1…255; it is public.
        let x: UInt8
        /// The y values, one per secret byte; they are secret.
        let y: SecretBytes
    }

    // MARK: - Split

    /// Splits `secret` into `count` shares, any `threshold` of which reconstruct it.
    ///
    /// Share i (0-based) has x = i + 1. The random coefficients are read from `random` in one
    /// block of (t − 1) · L bytes, L being the secret length: coefficient j (1…t − 1) of byte b is
    /// at offset b · (t − 1) + (j − 1). With t = 1 every share equals the secret.
    ///
    /// - Parameters:
    ///   - secret: The bytes to share; at least one byte.
    ///   - t: the `threshold`, the number of shares needed, 1 ≤ t ≤ n.
    ///   - n: the `count`, the number of shares made, n ≤ 255.
    ///   - random: The source of the polynomial coefficients.
    /// - Returns: n shares in order of x.
    /// - Throws: ``ReleaseError`` `release.secret-empty`, `release.holder-count` (n outside
    ///   1…255), `release.threshold-range` (t outside 1…n), `crypto.failure` when secret memory
    ///   cannot be allocated.
    static func split(
        _ secret: SecretBytes, threshold t: Int, count n: Int, using random: any RandomSource
    ) throws -> [Share] {
        guard secret.count > 0 else { throw ReleaseError(.secretEmpty) }
        guard (1...maxShares).contains(n) else { throw ReleaseError(.holderCount, [.text(String(n))]) }
        guard (1...n).contains(t) else { throw ReleaseError(.thresholdRange, [.text(String(t)), .text(String(n))]) }
        let length = secret.count
        let degree = t - 1
        do {
            let coefficients = try SecretBytes(count: degree * length, from: random)
            defer { coefficients.wipe() }
            var shares = [Share]()
            shares.reserveCapacity(n)
            for i in 1...n {
                let x = UInt8(i)
                let y = try SecretBytes(count: length)
                y.withUnsafeMutableBytes { out in
                    secret.withUnsafeBytes { s in
                        coefficients.withUnsafeBytes { c in
                            for b in 0..<length {
                                // Horner: ((c_{t-1}·x + c_{t-2})·x + …)·x + s_b
                                var acc: UInt8 = 0
                                var j = degree
                                while j >= 1 {
                                    acc = Field.multiply(acc, x) ^ c[b * degree + (j - 1)]
                                    j -= 1
                                }
                                out[b] = Field.multiply(acc, x) ^ s[b]
                            }
                        }
                    }
                }
                shares.append(Share(x: x, y: y))
            }
            return shares
        } catch {
            throw CryptoError(error)
        }
    }

    // MARK: - Combine

    /// Reconstructs the secret from shares by Lagrange interpolation at x = 0.
    ///
    /// With k shares of a threshold-t sharing, the result is the secret when k ≥ t and an
    /// unrelated value when k < t; nothing here can tell the two apart (see the type's note).
    /// Extra shares beyond t are harmless: they lie on the same polynomial.
    ///
    /// - Parameter shares: At least one share; distinct, non-zero x; equal lengths.
    /// - Returns: The interpolated secret, in secret memory.
    /// - Throws: ``ReleaseError`` `release.no-shares`, `release.share-x-zero`,
    ///   `release.share-x-duplicate`, `release.share-length-mismatch`, `crypto.failure`.
    static func combine(_ shares: [Share]) throws -> SecretBytes {
        guard let first = shares.first else { throw ReleaseError(.noShares) }
        let length = first.y.count
        var seen = Set<UInt8>()
        for share in shares {
            guard share.x != 0 else { throw ReleaseError(.shareXZero) }
            guard seen.insert(share.x).inserted else { throw ReleaseError(.shareDuplicateX, [.text(String(share.x))]) }
            guard share.y.count == length else {
                throw ReleaseError(.shareLengthMismatch, [.text(String(length)), .text(String(share.y.count))])
            }
        }
        guard length > 0 else { throw ReleaseError(.secretEmpty) }
        // Lagrange basis at 0: l_i = Π_{j≠i} x_j / (x_j − x_i); the x values are public.
        let xs = shares.map(\.x)
        let basis = xs.indices.map { i in
            var numerator: UInt8 = 1
            var denominator: UInt8 = 1
            for j in xs.indices where j != i {
                numerator = Field.multiply(numerator, xs[j])
                denominator = Field.multiply(denominator, xs[j] ^ xs[i])
            }
            return Field.divide(numerator, denominator)
        }
        do {
            let secret = try SecretBytes(count: length)
            secret.withUnsafeMutableBytes { out in
                for (share, weight) in zip(shares, basis) {
                    share.y.withUnsafeBytes { y in
                        for b in 0..<length { out[b] ^= Field.multiply(weight, y[b]) }
                    }
                }
            }
            return secret
        } catch {
            throw CryptoError(error)
        }
    }
}
