internal import CSodium

extension Ristretto255 {
    /// A Schnorr proof of knowledge of `a` with `C = a·G` (a holder's constant term, spec §4.3):
    /// `R = k·G`, `c = BLAKE2b-512(context ‖ C ‖ R) mod ℓ`, `z = k + c·a`; published as `R ‖ z`.
    /// The caller's `context` carries the domain string and everything the proof is bound to.
    package enum Schnorr {
        /// 64 bytes: `R` (32) ‖ `z` (32).
        package static let proofLength = 64

        /// Proves knowledge of `secret` for `commitment = secret·G`.
        package static func prove(
            secret: Scalar, commitment: Point, context: [UInt8], using random: any RandomSource
        ) throws(SodiumError) -> [UInt8] {
            let k = try Scalar.random(using: random)
            let r = try Point.base(times: k)
            let c = try Scalar.hashing(context + commitment.rawRepresentation + r.rawRepresentation)
            let z = try k.adding(c.multiplied(by: secret))
            return r.rawRepresentation + z.publicBytes()
        }

        /// True when `proof` is a valid proof for `commitment` under `context`:
        /// `z·G = R + c·C` with `R` a valid point and `z` canonical.
        package static func isValid(_ proof: [UInt8], commitment: Point, context: [UInt8]) -> Bool {
            guard proof.count == proofLength,
                let r = try? Point(rawRepresentation: Array(proof[0..<32])),
                let z = try? Scalar(canonical: Array(proof[32..<64])),
                let c = try? Scalar.hashing(context + commitment.rawRepresentation + r.rawRepresentation),
                let left = try? Point.base(times: z),
                let right = try? r.adding(commitment.multiplied(by: c))
            else { return false }
            return Sodium.constantTimeEqual(left.rawRepresentation, right.rawRepresentation)
        }
    }

    /// A Chaum–Pedersen proof that `log_G(Y) = log_U(D)` (a holder's partial decryption
    /// `D = x·U` against its verification key `Y = x·G`, spec §8.2):
    /// `A = w·G`, `B = w·U`, `c = BLAKE2b-512(context ‖ G ‖ U ‖ Y ‖ D ‖ A ‖ B) mod ℓ`,
    /// `z = w + c·x`; published as `c ‖ z`. A verifier recomputes `A = z·G − c·Y`,
    /// `B = z·U − c·D` and checks `c`.
    package enum ChaumPedersen {
        /// 64 bytes: `c` (32) ‖ `z` (32).
        package static let proofLength = 64

        private static func challenge(
            context: [UInt8], base u: Point, key y: Point, partial d: Point, a: Point, b: Point
        ) throws(SodiumError) -> Scalar {
            try Scalar.hashing(
                context + Point.generator.rawRepresentation + u.rawRepresentation + y.rawRepresentation
                    + d.rawRepresentation + a.rawRepresentation + b.rawRepresentation)
        }

        /// Proves that `partial = secret·base` for `key = secret·G`.
        package static func prove(
            secret: Scalar, base u: Point, key y: Point, partial d: Point, context: [UInt8],
            using random: any RandomSource
        ) throws(SodiumError) -> [UInt8] {
            let w = try Scalar.random(using: random)
            let a = try Point.base(times: w)
            let b = try u.multiplied(by: w)
            let c = try challenge(context: context, base: u, key: y, partial: d, a: a, b: b)
            let z = try w.adding(c.multiplied(by: secret))
            return c.publicBytes() + z.publicBytes()
        }

        /// True when `proof` shows `log_G(key) = log_base(partial)` under `context`.
        package static func isValid(
            _ proof: [UInt8], base u: Point, key y: Point, partial d: Point, context: [UInt8]
        ) -> Bool {
            guard proof.count == proofLength,
                let c = try? Scalar(canonical: Array(proof[0..<32])),
                let z = try? Scalar(canonical: Array(proof[32..<64])),
                let a = try? Point.base(times: z).subtracting(y.multiplied(by: c)),
                let b = try? u.multiplied(by: z).subtracting(d.multiplied(by: c)),
                let expected = try? challenge(context: context, base: u, key: y, partial: d, a: a, b: b)
            else { return false }
            return expected.isEqual(to: c)
        }
    }

    /// Hashed ElGamal key encapsulation to a joint key `Y` (spec §8.7): `U = r·G`,
    /// `key = BLAKE2b-256(context ‖ U ‖ Y ‖ r·Y)`. The shared point `r·Y` exists only in
    /// ``SecretBytes``; decapsulation rebuilds it from partial decryptions `D_j = x_j·U` by
    /// Lagrange interpolation in the exponent, so no one ever holds the secret of `Y`.
    package enum KEM {
        /// A fresh ephemeral point and the 32-byte key it encapsulates to `jointKey`.
        package static func encapsulate(
            to jointKey: Point, context: [UInt8], using random: any RandomSource
        ) throws(SodiumError) -> (ephemeral: Point, key: SecretBytes) {
            let r = try Scalar.random(using: random)
            defer { r.secret.wipe() }
            let ephemeral = try Point.base(times: r)
            let shared = try SecretBytes(count: pointLength)
            defer { shared.wipe() }
            let rc = shared.withUnsafeMutableBytes { s in
                r.secret.withUnsafeBytes { n in
                    crypto_scalarmult_ristretto255(
                        s.baseAddress!.assumingMemoryBound(to: UInt8.self),
                        n.baseAddress!.assumingMemoryBound(to: UInt8.self), jointKey.rawRepresentation)
                }
            }
            guard rc == 0 else { throw SodiumError(.operationFailed, "crypto_scalarmult_ristretto255") }
            return (
                ephemeral, try deriveKey(context: context, ephemeral: ephemeral, jointKey: jointKey, shared: shared)
            )
        }

        /// The key from `t` or more partial decryptions `(index, D_index)`:
        /// `r·Y = Σ λ_j · D_j` with Lagrange coefficients at 0 over the given indices.
        ///
        /// The partials must have been verified (``ChaumPedersen``); wrong ones give a wrong key,
        /// which the envelope's key commitment then rejects.
        ///
        /// - Throws: ``SodiumError`` `invalidParameter` for repeated or zero indices or an identity sum.
        package static func decapsulate(
            ephemeral: Point, jointKey: Point, partials: [(index: UInt64, partial: Point)], context: [UInt8]
        ) throws(SodiumError) -> SecretBytes {
            let indices = partials.map(\.index)
            let shared = try SecretBytes(count: pointLength)
            defer { shared.wipe() }
            let term = try SecretBytes(count: pointLength)
            defer { term.wipe() }
            for (n, item) in partials.enumerated() {
                let lambda = try Scalar.lagrangeAtZero(index: item.index, in: indices)
                let rc = term.withUnsafeMutableBytes { t in
                    lambda.secret.withUnsafeBytes { l in
                        crypto_scalarmult_ristretto255(
                            t.baseAddress!.assumingMemoryBound(to: UInt8.self),
                            l.baseAddress!.assumingMemoryBound(to: UInt8.self), item.partial.rawRepresentation)
                    }
                }
                guard rc == 0 else { throw SodiumError(.invalidParameter, "crypto_scalarmult_ristretto255") }
                if n == 0 {
                    shared.withUnsafeMutableBytes { s in
                        term.withUnsafeBytes {
                            s.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: pointLength)
                        }
                    }
                } else {
                    let sum = try SecretBytes(count: pointLength)
                    defer { sum.wipe() }
                    let rc = sum.withUnsafeMutableBytes { o in
                        shared.withUnsafeBytes { a in
                            term.withUnsafeBytes { b in
                                crypto_core_ristretto255_add(
                                    o.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                    a.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                    b.baseAddress!.assumingMemoryBound(to: UInt8.self))
                            }
                        }
                    }
                    guard rc == 0 else { throw SodiumError(.invalidParameter, "crypto_core_ristretto255_add") }
                    shared.withUnsafeMutableBytes { s in
                        sum.withUnsafeBytes { s.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: pointLength) }
                    }
                }
            }
            guard
                !shared.withUnsafeBytes({ sodium_is_zero($0.baseAddress!.assumingMemoryBound(to: UInt8.self), 32) == 1 }
                )
            else { throw SodiumError(.invalidParameter, "crypto_core_ristretto255_add") }
            return try deriveKey(context: context, ephemeral: ephemeral, jointKey: jointKey, shared: shared)
        }

        /// `BLAKE2b-256(context ‖ U ‖ Y ‖ shared)`.
        private static func deriveKey(
            context: [UInt8], ephemeral: Point, jointKey: Point, shared: SecretBytes
        ) throws(SodiumError) -> SecretBytes {
            let hasher = BLAKE2b.Hasher(outputLength: 32)
            hasher.update(context)
            hasher.update(ephemeral.rawRepresentation)
            hasher.update(jointKey.rawRepresentation)
            hasher.update(shared)
            return try hasher.finalizeSecret()
        }
    }
}
