internal import CSodium

/// The ristretto255 prime-order group (RFC 9496) and its scalars mod ℓ, for the holders' key
/// ceremony and threshold decryption. libsodium 1.0.18: `crypto_core_ristretto255_*`,
/// `crypto_scalarmult_ristretto255*`.
///
/// Every ``Point`` is a canonical encoding of a group element other than the identity: decoding
/// rejects non-canonical bytes (`crypto_core_ristretto255_is_valid_point`) and the all-zero
/// encoding of the identity, and every operation whose result would be the identity fails.
/// Every ``Scalar`` is reduced mod ℓ and lives in ``SecretBytes``.
package enum Ristretto255 {
    /// 32 bytes. libsodium: `crypto_core_ristretto255_bytes`.
    package static let pointLength = 32
    /// 32 bytes. libsodium: `crypto_core_ristretto255_scalarbytes`.
    package static let scalarLength = 32
    /// 64 bytes: the input of `crypto_core_ristretto255_scalar_reduce`.
    package static let wideScalarLength = 64

    /// A group element other than the identity, as its canonical 32-byte encoding.
    package struct Point: Sendable, Hashable {
        /// The canonical encoding.
        package let rawRepresentation: [UInt8]

        /// Decodes 32 bytes.
        ///
        /// - Throws: ``SodiumError`` `invalidLength`, or `invalidParameter` for a non-canonical
        ///   encoding or the identity.
        package init(rawRepresentation: [UInt8]) throws(SodiumError) {
            let function = "crypto_core_ristretto255_is_valid_point"
            try Sodium.ensureInitialized()
            guard rawRepresentation.count == Ristretto255.pointLength else {
                throw SodiumError(.invalidLength, function)
            }
            guard rawRepresentation.contains(where: { $0 != 0 }),
                crypto_core_ristretto255_is_valid_point(rawRepresentation) == 1
            else { throw SodiumError(.invalidParameter, function) }
            self.rawRepresentation = rawRepresentation
        }

        private init(trusted bytes: [UInt8]) { rawRepresentation = bytes }

        /// The generator G (the encoding of the base point, RFC 9496 §4.4).
        package static var generator: Point {
            // 1·G never fails.
            try! Point.base(times: Scalar.one)
        }

        /// `scalar · G`. libsodium: `crypto_scalarmult_ristretto255_base`.
        ///
        /// - Throws: ``SodiumError`` `invalidParameter` when the scalar is 0 (the identity).
        package static func base(times scalar: Scalar) throws(SodiumError) -> Point {
            var out = [UInt8](repeating: 0, count: Ristretto255.pointLength)
            let rc = scalar.secret.withUnsafeBytes { n in
                crypto_scalarmult_ristretto255_base(&out, n.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
            guard rc == 0 else { throw SodiumError(.invalidParameter, "crypto_scalarmult_ristretto255_base") }
            return Point(trusted: out)
        }

        /// `scalar · self`. libsodium: `crypto_scalarmult_ristretto255`.
        ///
        /// - Throws: ``SodiumError`` `invalidParameter` when the result is the identity.
        package func multiplied(by scalar: Scalar) throws(SodiumError) -> Point {
            var out = [UInt8](repeating: 0, count: Ristretto255.pointLength)
            let rc = scalar.secret.withUnsafeBytes { n in
                crypto_scalarmult_ristretto255(
                    &out, n.baseAddress!.assumingMemoryBound(to: UInt8.self), rawRepresentation)
            }
            guard rc == 0 else { throw SodiumError(.invalidParameter, "crypto_scalarmult_ristretto255") }
            return Point(trusted: out)
        }

        /// `self + other`. libsodium: `crypto_core_ristretto255_add`.
        ///
        /// - Throws: ``SodiumError`` `invalidParameter` when the sum is the identity.
        package func adding(_ other: Point) throws(SodiumError) -> Point {
            try combine(other, "crypto_core_ristretto255_add") { crypto_core_ristretto255_add($0, $1, $2) }
        }

        /// `self − other`. libsodium: `crypto_core_ristretto255_sub`.
        ///
        /// - Throws: ``SodiumError`` `invalidParameter` when the difference is the identity
        ///   (the points are equal).
        package func subtracting(_ other: Point) throws(SodiumError) -> Point {
            try combine(other, "crypto_core_ristretto255_sub") { crypto_core_ristretto255_sub($0, $1, $2) }
        }

        private func combine(
            _ other: Point, _ function: String,
            _ op: (UnsafeMutablePointer<UInt8>, UnsafePointer<UInt8>, UnsafePointer<UInt8>) -> Int32
        ) throws(SodiumError) -> Point {
            var out = [UInt8](repeating: 0, count: Ristretto255.pointLength)
            guard op(&out, rawRepresentation, other.rawRepresentation) == 0, out.contains(where: { $0 != 0 }) else {
                throw SodiumError(.invalidParameter, function)
            }
            return Point(trusted: out)
        }

        /// `Σ scalars[k] · points[k]`, a linear combination (e.g. a Feldman check
        /// `Σ_k j^k · C_k`, or Lagrange in the exponent).
        ///
        /// - Throws: ``SodiumError`` `invalidLength` for lists of different or zero length,
        ///   `invalidParameter` when a term or the sum is the identity.
        package static func combination(_ points: [Point], _ scalars: [Scalar]) throws(SodiumError) -> Point {
            guard points.count == scalars.count, !points.isEmpty else {
                throw SodiumError(.invalidLength, "crypto_scalarmult_ristretto255")
            }
            var sum = try points[0].multiplied(by: scalars[0])
            for k in 1..<points.count {
                sum = try sum.adding(points[k].multiplied(by: scalars[k]))
            }
            return sum
        }
        /// ``combination(_:_:)`` with the scalars `x^0, x^1, x^2, …` of a public `x ≥ 1` (a Feldman
        /// check `Σ_k x^k · C_k` at a holder index): the same sum of the same terms, in the same
        /// order, so the same result and the same failures. A term whose multiplier `x^k` is small
        /// is computed by doubling and adding (at most three additions, where one
        /// `crypto_scalarmult_ristretto255` costs about four and a half: `x^0 = 1` costs none); the
        /// others by ``multiplied(by:)``. Variable time: only for public multipliers.
        ///
        /// - Throws: ``SodiumError`` `invalidLength` for an empty list or `x = 0`,
        ///   `invalidParameter` when a partial sum is the identity.
        package static func combination(_ points: [Point], powersOf x: UInt64) throws(SodiumError) -> Point {
            guard !points.isEmpty, x > 0 else { throw SodiumError(.invalidLength, "crypto_scalarmult_ristretto255") }
            var small: UInt64? = 1  // x^k while it fits in 64 bits
            var power: Scalar?  // x^k mod ℓ, made only when a term needs it
            var base: Scalar?
            var sum: Point?
            for (k, point) in points.enumerated() {
                if k > 0 {
                    if let p = power {
                        if base == nil { base = try Scalar(x) }
                        power = try p.multiplied(by: base!)
                    }
                    if let m = small {
                        let (next, overflow) = m.multipliedReportingOverflow(by: x)
                        small = overflow ? nil : next
                    }
                }
                let term: Point
                if let m = small, additions(m) <= 3 {
                    term = try point.multiplied(bySmall: m)
                } else {
                    if power == nil {
                        // x^k mod ℓ from scratch (the first term that needs a scalar).
                        if base == nil { base = try Scalar(x) }
                        var p = Scalar.one
                        for _ in 0..<k { p = try p.multiplied(by: base!) }
                        power = p
                    }
                    term = try point.multiplied(by: power!)
                }
                if let partial = sum { sum = try partial.adding(term) } else { sum = term }
            }
            return sum!
        }

        /// The additions `multiplied(bySmall: m)` makes: a doubling per bit after the first, an
        /// addition per further set bit.
        static func additions(_ m: UInt64) -> Int {
            (63 - m.leadingZeroBitCount) + (m.nonzeroBitCount - 1)
        }

        /// `m · self` for a public `m ≥ 1`, by doubling and adding (left to right). No partial
        /// result is the identity (each is `i · self` with `0 < i ≤ m < ℓ`, and the group has
        /// prime order ℓ), so it fails only where ``multiplied(by:)`` would, never for `m ≥ 1`.
        package func multiplied(bySmall m: UInt64) throws(SodiumError) -> Point {
            guard m > 0 else { throw SodiumError(.invalidParameter, "crypto_scalarmult_ristretto255") }
            var result = self
            var bit = 62 - m.leadingZeroBitCount
            while bit >= 0 {
                result = try result.adding(result)
                if m >> UInt64(bit) & 1 == 1 { result = try result.adding(self) }
                bit -= 1
            }
            return result
        }
    }

    /// A scalar mod ℓ in secret memory.
    ///
    /// Secret scalars (polynomial coefficients, shares, nonces) and public ones (challenges,
    /// responses, Lagrange coefficients) share this type; only ``publicBytes()`` copies one out,
    /// and callers use it only for values a format publishes.
    package struct Scalar: Sendable {
        /// The 32-byte little-endian value, reduced mod ℓ.
        package let secret: SecretBytes

        /// Wraps 32 bytes that must already be a canonical scalar (< ℓ).
        ///
        /// - Throws: ``SodiumError`` `invalidLength`, or `invalidParameter` when the value is not
        ///   below ℓ (a non-canonical scalar in a file is rejected, not reduced).
        package init(canonical bytes: SecretBytes) throws(SodiumError) {
            guard bytes.count == Ristretto255.scalarLength else {
                throw SodiumError(.invalidLength, "crypto_core_ristretto255_scalar_reduce")
            }
            // Reduce a 64-byte zero-extended copy and compare in constant time: equal iff < ℓ.
            let wide = try SecretBytes(count: Ristretto255.wideScalarLength)
            wide.withUnsafeMutableBytes { w in
                bytes.withUnsafeBytes { b in w.baseAddress!.copyMemory(from: b.baseAddress!, byteCount: b.count) }
            }
            let reduced = try Scalar.reducing(wide)
            guard reduced.secret == bytes else {
                throw SodiumError(.invalidParameter, "crypto_core_ristretto255_scalar_reduce")
            }
            secret = bytes
        }

        /// Wraps 32 public bytes (a challenge or response read from a file), rejecting values ≥ ℓ.
        package init(canonical bytes: [UInt8]) throws(SodiumError) {
            try self.init(canonical: SecretBytes(copying: bytes))
        }

        private init(trusted secret: SecretBytes) { self.secret = secret }

        /// `wide mod ℓ` for 64 bytes. libsodium: `crypto_core_ristretto255_scalar_reduce`.
        package static func reducing(_ wide: SecretBytes) throws(SodiumError) -> Scalar {
            guard wide.count == Ristretto255.wideScalarLength else {
                throw SodiumError(.invalidLength, "crypto_core_ristretto255_scalar_reduce")
            }
            let out = try SecretBytes(count: Ristretto255.scalarLength)
            out.withUnsafeMutableBytes { o in
                wide.withUnsafeBytes { w in
                    crypto_core_ristretto255_scalar_reduce(
                        o.baseAddress!.assumingMemoryBound(to: UInt8.self),
                        w.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
            return Scalar(trusted: out)
        }

        /// A uniformly random scalar: 64 bytes from `random`, reduced mod ℓ (the same
        /// distribution as `crypto_core_ristretto255_scalar_random`, reproducible with a
        /// ``DeterministicRandom``).
        package static func random(using random: any RandomSource) throws(SodiumError) -> Scalar {
            let wide = try SecretBytes(count: Ristretto255.wideScalarLength, from: random)
            defer { wide.wipe() }
            return try reducing(wide)
        }

        /// `BLAKE2b-512(message) mod ℓ`: a challenge or other hash-to-scalar.
        package static func hashing(_ message: some ContiguousBytes) throws(SodiumError) -> Scalar {
            try reducing(SecretBytes(copying: BLAKE2b.hash(message, outputLength: 64)))
        }

        /// The scalar `value` (a holder index, a small constant).
        package init(_ value: UInt64) throws(SodiumError) {
            let out = try SecretBytes(count: Ristretto255.scalarLength)
            out.withUnsafeMutableBytes { o in
                for i in 0..<8 { o[i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
            }
            self.init(trusted: out)
        }

        /// 1.
        package static var one: Scalar { try! Scalar(1) }

        /// True for 0, in constant time.
        package var isZero: Bool {
            secret.withUnsafeBytes {
                sodium_is_zero($0.baseAddress!.assumingMemoryBound(to: UInt8.self), $0.count) == 1
            }
        }

        /// A copy of the 32 bytes, for scalars a format publishes (challenge, response); never
        /// for a secret.
        package func publicBytes() -> [UInt8] { secret.withUnsafeBytes { Array($0) } }

        private func binary(
            _ other: Scalar,
            _ op: (UnsafeMutablePointer<UInt8>, UnsafePointer<UInt8>, UnsafePointer<UInt8>) -> Void
        ) throws(SodiumError) -> Scalar {
            let out = try SecretBytes(count: Ristretto255.scalarLength)
            out.withUnsafeMutableBytes { o in
                secret.withUnsafeBytes { a in
                    other.secret.withUnsafeBytes { b in
                        op(
                            o.baseAddress!.assumingMemoryBound(to: UInt8.self),
                            a.baseAddress!.assumingMemoryBound(to: UInt8.self),
                            b.baseAddress!.assumingMemoryBound(to: UInt8.self))
                    }
                }
            }
            return Scalar(trusted: out)
        }

        /// `self + other mod ℓ`. libsodium: `crypto_core_ristretto255_scalar_add`.
        package func adding(_ other: Scalar) throws(SodiumError) -> Scalar {
            try binary(other) { crypto_core_ristretto255_scalar_add($0, $1, $2) }
        }

        /// `self − other mod ℓ`. libsodium: `crypto_core_ristretto255_scalar_sub`.
        package func subtracting(_ other: Scalar) throws(SodiumError) -> Scalar {
            try binary(other) { crypto_core_ristretto255_scalar_sub($0, $1, $2) }
        }

        /// `self · other mod ℓ`. libsodium: `crypto_core_ristretto255_scalar_mul`.
        package func multiplied(by other: Scalar) throws(SodiumError) -> Scalar {
            try binary(other) { crypto_core_ristretto255_scalar_mul($0, $1, $2) }
        }

        /// `−self mod ℓ`. libsodium: `crypto_core_ristretto255_scalar_negate`.
        package func negated() throws(SodiumError) -> Scalar {
            let out = try SecretBytes(count: Ristretto255.scalarLength)
            out.withUnsafeMutableBytes { o in
                secret.withUnsafeBytes { a in
                    crypto_core_ristretto255_scalar_negate(
                        o.baseAddress!.assumingMemoryBound(to: UInt8.self),
                        a.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
            return Scalar(trusted: out)
        }

        /// `self⁻¹ mod ℓ`. libsodium: `crypto_core_ristretto255_scalar_invert`.
        ///
        /// - Throws: ``SodiumError`` `invalidParameter` for 0.
        package func inverted() throws(SodiumError) -> Scalar {
            let out = try SecretBytes(count: Ristretto255.scalarLength)
            let rc = out.withUnsafeMutableBytes { o in
                secret.withUnsafeBytes { a in
                    crypto_core_ristretto255_scalar_invert(
                        o.baseAddress!.assumingMemoryBound(to: UInt8.self),
                        a.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
            guard rc == 0 else { throw SodiumError(.invalidParameter, "crypto_core_ristretto255_scalar_invert") }
            return Scalar(trusted: out)
        }

        /// Constant-time equality.
        package func isEqual(to other: Scalar) -> Bool { secret == other.secret }

        /// The Lagrange coefficient at 0 of index `i` over the distinct non-zero indices `set`:
        /// `λ_i = Π_{j ∈ set, j ≠ i} j / (j − i) mod ℓ`.
        ///
        /// - Throws: ``SodiumError`` `invalidParameter` when `i` is not in `set`, an index is 0 or
        ///   repeated.
        package static func lagrangeAtZero(index i: UInt64, in set: [UInt64]) throws(SodiumError) -> Scalar {
            guard set.contains(i), !set.contains(0), Set(set).count == set.count else {
                throw SodiumError(.invalidParameter, "crypto_core_ristretto255_scalar_invert")
            }
            var numerator = Scalar.one
            var denominator = Scalar.one
            let xi = try Scalar(i)
            for j in set where j != i {
                let xj = try Scalar(j)
                numerator = try numerator.multiplied(by: xj)
                denominator = try denominator.multiplied(by: xj.subtracting(xi))
            }
            return try numerator.multiplied(by: denominator.inverted())
        }
    }
}
