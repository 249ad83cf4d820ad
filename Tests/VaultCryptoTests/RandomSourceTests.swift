import Testing
import VaultCrypto

@Suite("RandomSource")
struct RandomSourceTests {
    /// DeterministicRandom with the same seed produces the same stream, call for call.
    @Test func deterministicIsReproducible() {
        let a = DeterministicRandom(seed: "vectors")
        let b = DeterministicRandom(seed: "vectors")
        for n in [0, 1, 16, 32, 100, 1000] {
            #expect(a.bytes(n) == b.bytes(n))
        }
    }

    /// Successive calls and different seeds give different bytes.
    @Test func deterministicVaries() {
        let a = DeterministicRandom(seed: "vectors")
        let first = a.bytes(32)
        #expect(a.bytes(32) != first)
        #expect(DeterministicRandom(seed: "vectors-2").bytes(32) != first)
        #expect(DeterministicRandom(seed: "vectors").bytes(32) == first)
    }

    /// Block i is independent of the request size of earlier blocks only through the counter:
    /// a 16-byte request is the prefix of a 32-byte request at the same position.
    @Test func blockPrefix() {
        #expect(DeterministicRandom(seed: "p").bytes(16) == Array(DeterministicRandom(seed: "p").bytes(32).prefix(16)))
    }

    /// The system generator does not repeat (a 2^-256 false failure is acceptable).
    @Test func systemRandomVaries() {
        let r = SystemRandom()
        #expect(r.bytes(32) != r.bytes(32))
        #expect(r.bytes(0).isEmpty)
    }
}
