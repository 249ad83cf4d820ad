/// AppraisalVault: an offline, encrypted vault for appraisal rounds.
///
/// Members seal their appraisal worksheets (signed by them, encrypted to the secretary); the
/// secretary merges them and writes results locked to a round release key that only a t-of-n
/// quorum of release holders can reconstruct; auditors verify every signature with public keys
/// only. The library has no network code and depends only on libsodium (through `VaultCrypto`).
///
/// Every file format is specified in `docs/spec/`; the types here mirror its sections.
public enum AppraisalVault {
    /// The format version this build reads and writes.
    public static let formatVersion: UInt8 = 1
    /// The tool's version.
    public static let version = "0.1.0"
}
