internal import VaultCrypto

extension RoundMerge {
    /// Seals `results` (with `detail`, `unitSizes` and `contents`, as ``CanonicalResultsSource``
    /// takes them) for the round's joint key (spec §6.4, §8.7) straight into a new file at `path`,
    /// streaming: the canonical JSON is written part by part as the envelope writer reads it, and
    /// the sealed bytes go to the file as they are made, so neither the document nor the envelope
    /// is ever whole in memory. The bytes are those of
    /// `SealedEnvelope.seal(results.canonicalJSON(), kind: .lockedResults, …)`.
    ///
    /// The file appears only complete (``FileIO/AtomicWriter``, created exclusively); on any
    /// error nothing does.
    ///
    /// - Returns: the file hash, BLAKE2b-256 of the whole file (§6.3).
    /// - Throws: `file.exists` when `path` exists; write errors naming it; ``CryptoError``;
    ///   `merge.submission-changed` (``SignedContents``).
    static func sealResults(
        _ results: Results, detail: ((Int) -> Results.UnitResult)? = nil, unitSizes: [Int]? = nil,
        contents: SignedContents? = nil, to path: String, round: RoundDefinition, secretary: SecretIdentity,
        created: String, using random: any RandomSource
    ) throws -> [UInt8] {
        try FileIO.refuseExisting(path)
        let source = CanonicalResultsSource(results, detail: detail, unitSizes: unitSizes, contents: contents)
        let sink = try FileIO.AtomicWriter(path: path, mode: 0o644)
        let writer = EnvelopeWriter(
            kind: .lockedResults, round: round.fileHash, sender: secretary, recipient: .joint(round.release.jointKey),
            created: created, random: random)
        let sealed = try writer.seal(
            ExhaustedCheck(source: source, path: path), input: path, context: { _ in [:] }, into: sink)
        return sealed.fileHash
    }

    /// The source, refusing to give its last byte unless every part was read: a document longer
    /// than its counted size would be sealed cut short, so it is never released.
    private struct ExhaustedCheck: ByteSource {
        let source: CanonicalResultsSource
        let path: String

        var size: Int { source.size }

        func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            let n = try source.read(at: offset, into: buffer)
            if offset + n == source.size, !source.isExhausted {
                throw FormatError(.fileUnreadable, [.file(path), .text("results longer than counted")], step: .read)
            }
            return n
        }
    }
}
