internal import VaultCrypto

/// The published demo identities (keys/): their keys are public, so real rounds refuse them by
/// key, whatever their self-declared `demo` flag says. A test checks this list against keys/*.pub.
public enum DemoKeys {
    /// Hex Ed25519 and X25519 public keys of every published demo identity.
    public static let publicKeys: Set<String> = [
        "a0148612601e5449d1afc4f3b7676e27bcc451ca9bb62e9e988823fe1c628ef3",
        "29f4eeff0c98d679c31e8019ccdc62a8e5ffc6d4b41ec14b4de725d16c18e013",  // chanh-vp
        "6e3c43722ca86c72fbc22db1ee6de3aa2453f7863ab52911a5cd451287c4383f",
        "67531f79e669f62c1fe69ee9d3ed9ba7c0c46274e02cb18ba4f880badc6c0661",  // chu-tich
        "60b32612c437f6499930f024f4db8179e764674afd15dfb7622270932f4a3d01",
        "59585d5d4f347054f2fbe0b0aa8de18b692b3d9a9509d615e7009e377fbbbd22",  // pho-chu-tich
        "520a70ebb296673c74e042b5b1dbf7b9c7f810894d634b26beac3f506cb7c489",
        "10186d497029a67f2d2185034edd47d9d5032bbb21366465fec8411bb8093d2b",  // thu-ky
        "b051ce85f873b1082699e7bb1aa898b9aae4eccb298eb226b2e335533c788b46",
        "37c7b9bb9922b1ef14c07605ed783f27f744c0b80ceeb4edcc2c4d5db1a9cb4f",  // tv-01
        "9a6d3e204ce27872bcc8fe098c09f2fa1becc1197459c399b22fd661f6b8a6d5",
        "9b351e6e91cb07736534469601ef222e63d76050f985c5f36dd21b114b4eaa4a",  // tv-02
        "3575eee63b244c94bfe4a81d84e58901ba5ce9d636b858ab4b59fd8ec0772b8f",
        "17c01eae0fa8a313ad981c54fe5a55b67a662e3e0e90da474c00b77d2500002e",  // tv-03
        "e93433bbafa03cda98fc6bcf9a724b29a7e02e65ffa3b7f3a5a0e08b0195267d",
        "62f9eedee6536219cd92c23c3891250a8c31710b721928f59bcd6043b0ca713d",  // tv-04
        "131155fa43ab2175c82a9f1d0da58a79887a1500bec0b128bb8c8445dd23d67c",
        "136bf7919bfc1a4782fc7bd7b7bafc93fcf00764401b4a78e2ef58226d57bb46",  // tv-05
        "92fc39dd55488b0183762600746ffb94eeabcf0410141a24060a6d46e5ae1a88",
        "f1a8534428b5f5d00d09907a30ec357e1a0833785c684294754659edf73fd66e",  // tv-06
        "3f7124e329a84393b820bf2e556f9d9c300938ed74b44e5f038ebfdab7e8c258",
        "cf8e75a141ab3ee8521e7c6e5ad13232da977bba87b4759236a309a9b8cf0b56",  // tv-07
        "7a03ec599772f6b182781b1e8c1b27a35333d77faaca9cd39984f31189d020d1",
        "043e35a838fca6abc0fa730c3361d5fa461a6a399f917bf9d687edc9d65df118",  // tv-08
        "f50fc047d0482b3116008d69a0c76a7b6f2576f544465b7541ad6b4aa822cd2f",
        "6d1ab4d028f0003d60529ccaa60aade09e468be9c1f5ae4242b5fe9416205c0b",  // h-dien-bien (unit)
        "00b846903d3e576dad92b0c7f2f18431f3bf0562a511aaca073fac48011daa5b",
        "c99502e92b72880b14f167507407f9b7f38e91cbeb62744e6a735fa4dba8a27c",  // so-noi-vu (unit)
        "f5d3817fc906ac6159704d51be16c48d44bf7d79a1cebe6b9888107407087a6f",
        "75820a832a7693f478d950b2b2aa269efb41216ddf3b2b0d40e5179701cb1e0e",  // so-tu-phap (unit)
    ]

    /// True when `identity` uses a published demo key (either of its two keys).
    public static func contains(_ identity: PublicIdentity) -> Bool {
        publicKeys.contains(Hex.encode(identity.signingKey.rawRepresentation))
            || publicKeys.contains(Hex.encode(identity.encryptionKey.rawRepresentation))
    }
}
