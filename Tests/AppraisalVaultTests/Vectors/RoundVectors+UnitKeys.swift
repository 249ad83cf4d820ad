import VaultCrypto

@testable import AppraisalVault

/// The `unitKeys` negatives of the round-definition vectors (spec §12.1 U1–U4), each re-signed.
extension VectorGenerator {
    /// A unit identity of the vector rounds: role `unit`, id `id`, deterministic from the id.
    static func vectorUnit(_ id: String) throws -> SecretIdentity {
        try SecretIdentity.generate(
            id: id, name: "Đơn vị \(id)", role: .unit, isDemo: true, created: created,
            using: DeterministicRandom(seed: "AppraisalVault/vectors/unit/\(id)"))
    }

    /// `(name, comment, body)` of each `unitKeys` negative, all `format.header`.
    static func unitKeyVectors(_ good: [UInt8]) throws -> [(name: String, comment: String, body: [UInt8])] {
        let u1 = try vectorUnit("u1").identity
        let u2 = try vectorUnit("u2").identity
        let member = RoundFixtures.demoIdentities["tv-01"]!.identity
        func keys(_ list: [JSONValue]) -> (inout [String: JSONValue]) -> Void { { $0["unitKeys"] = .array(list) } }
        var shared = u1.json
        if case .object(var o) = shared {
            o["signingKey"] = .hex(member.signingKey.rawRepresentation)
            shared = .object(o)
        }
        var renamed = u1.json
        if case .object(var o) = renamed {
            o["id"] = .string("u9")
            renamed = .object(o)
        }
        return [
            (
                "unit-keys-empty", "\"unitKeys\": [] (omitted when no unit has a key, spec §12.1), signed",
                try editedRound(good, keys([]))
            ),
            (
                "unit-key-wrong-role", "unitKeys[0] is member tv-01's identity (role member, U1), signed",
                try editedRound(good, keys([member.json]))
            ),
            (
                "unit-key-unknown-unit", "unitKeys[0] has id u9, not a unit of the round (U2), signed",
                try editedRound(good, keys([renamed]))
            ),
            (
                "unit-keys-out-of-order", "unitKeys lists u2 before u1: not in unit order (U2), signed",
                try editedRound(good, keys([u2.json, u1.json]))
            ),
            (
                "unit-key-shares-member-key", "unitKeys[0] (u1) carries member tv-01's signing key (U3), signed",
                try editedRound(good, keys([shared]))
            ),
        ]
    }
}
