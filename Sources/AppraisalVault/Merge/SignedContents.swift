internal import VaultCrypto

/// The signed contents of the submissions a merge opened (spec §6.4, §6.5), left in their sealed
/// files instead of held: the locked results carry every one of them, a round's worth of
/// plaintext, and their writer (``CanonicalResultsSource``) needs one at a time.
///
/// Each is opened again when the writer reaches it, under the same round lock, and must come
/// from the file that was checked: the same size, the same file hash (computed in the pass that
/// checks the outer signature again, and compared before anything is decrypted), the same content
/// length and inner signature. Any other file stops the merge
/// with `merge.submission-changed` before the results are complete, so nothing is written.
final class SignedContents {
    /// One opened submission: where it is and what was checked.
    struct Entry {
        /// The sealed file.
        let path: String
        /// Its size in bytes.
        let fileSize: Int
        /// Its file hash, as the manifest lists it.
        let fileHash: [UInt8]
        /// The content's length.
        let size: Int
        /// The verified inner signature over the content.
        let innerSignature: [UInt8]
    }

    /// The opened submissions, in the results' order.
    private(set) var entries = [Entry]()
    /// The secretary's key, which opens them.
    private let key: X25519.PrivateKey

    /// No submissions yet; `key` opens them again.
    init(key: X25519.PrivateKey) { self.key = key }

    /// Records a submission opened and checked: its file, file hash, content length and inner
    /// signature.
    func append(path: String, fileSize: Int, fileHash: [UInt8], size: Int, innerSignature: [UInt8]) {
        entries.append(
            Entry(path: path, fileSize: fileSize, fileHash: fileHash, size: size, innerSignature: innerSignature))
    }

    /// The number of submissions.
    var count: Int { entries.count }

    /// The content length of submission `i`.
    func size(_ i: Int) -> Int { entries[i].size }

    /// The content of submission `i`, opened again from its file.
    ///
    /// - Throws: ``MergeError`` `merge.submission-changed` naming the file when it no longer is the
    ///   file that was checked (gone, another size, another file hash, or no longer opens);
    ///   ``CryptoError``.
    func bytes(_ i: Int) throws -> [UInt8] {
        let entry = entries[i]
        let changed = MergeError(.submissionChanged, [.file(entry.path)])
        let opened: (content: [UInt8], innerSignature: [UInt8], fileHash: [UInt8])
        do {
            // Read no more than the checked file's size, and decrypt nothing of another file.
            let bytes = try FileIO.read(entry.path, maxBytes: entry.fileSize)
            guard bytes.count == entry.fileSize else { throw changed }
            let envelope = try SealedEnvelope(parsing: bytes, expecting: .submission, file: entry.path)
            opened = try envelope.openSignedHashingFile(with: key) { fileHash in
                guard fileHash == entry.fileHash else { throw changed }
            }
        } catch is FormatError {
            throw changed
        } catch is EnvelopeError {
            throw changed
        }
        guard opened.fileHash == entry.fileHash, opened.content.count == entry.size,
            opened.innerSignature == entry.innerSignature
        else { throw changed }
        return opened.content
    }
}
