extension RoundVerification {
    /// A sealed file found in a live folder (`submissions/` or `evidence/`) or in `superseded/`
    /// (spec §9.2 steps 6–8, §10.10).
    struct FoundFile {
        /// The folder, relative to the round folder: `submissions`, `evidence` or `superseded`.
        let folder: String
        /// The base name.
        let name: String
        /// BLAKE2b-256 of the bytes, once they have been read.
        var fileHash: [UInt8]?
        /// `folder/name`.
        var subject: String { folder + "/" + name }
        /// True for a file in a live folder, false for one in `superseded/`.
        var isLive: Bool { folder != RoundLayout.supersededFolder }
    }
}
