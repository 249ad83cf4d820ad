internal import VaultCrypto

/// A container whose body is exactly one Ed25519 signature over the preamble (spec §1.4):
///
/// `signature = Ed25519(signer, kind.domain("signature") || BLAKE2b-512(preamble))`
///
/// Which key must have signed is decided by the caller from the document's context (a public
/// identity signs itself; a round definition is signed by the secretary it names, …); the file
/// never says "trust this key".
struct SignedDocument: Sendable {
    /// The parsed outer layout.
    let container: Container
    /// The 64 signature bytes.
    let signature: [UInt8]

    /// The message the signature covers.
    static func signedMessage(kind: ArtifactKind, preamble: some ContiguousBytes) -> [UInt8] {
        kind.domain("signature") + BLAKE2b.hash(preamble, outputLength: 64)
    }

    /// Encodes and signs a document.
    static func encode(kind: ArtifactKind, header: JSONValue, signer: Ed25519.PrivateKey) throws -> [UInt8] {
        let preamble = Container.preamble(kind: kind, header: header)
        do {
            return preamble + (try signer.signature(for: signedMessage(kind: kind, preamble: preamble)))
        } catch {
            throw CryptoError(error)
        }
    }

    /// Parses a signed document (the signature is checked separately, by ``verify(_:file:)``).
    /// With `excising`, the header is parsed with those bytes standing as `[]` (``Container``).
    init(
        parsing bytes: [UInt8], expecting kind: ArtifactKind, file: String, maxHeaderLength: Int = 1 << 20,
        excising: Range<Int>? = nil
    ) throws {
        let container = try Container(
            parsing: bytes, expecting: kind, file: file, maxHeaderLength: maxHeaderLength, excising: excising)
        guard container.body.count >= Ed25519.signatureLength else { throw FormatError(.truncated, [.file(file)]) }
        guard container.body.count == Ed25519.signatureLength else {
            throw FormatError(.trailing, [.file(file), .text(String(container.body.count - Ed25519.signatureLength))])
        }
        self.container = container
        self.signature = Array(container.body)
    }

    /// Parses a small signed document whose file and header share one cap (spec §1.8: approval,
    /// receipt, checkpoint): over `cap` bytes is `file.too-large`, before anything is parsed.
    ///
    /// - Throws: ``FormatError`` `file.too-large`, `format.*`.
    init(parsing bytes: [UInt8], expecting kind: ArtifactKind, file: String, cap: Int) throws {
        guard bytes.count <= cap else {
            throw FormatError(.fileTooLarge, [.file(file), .text(String(bytes.count)), .text(String(cap))])
        }
        try self.init(parsing: bytes, expecting: kind, file: file, maxHeaderLength: cap)
    }

    /// True when `key` signed exactly these bytes as this kind.
    func isSigned(by key: Ed25519.PublicKey) -> Bool {
        key.isValidSignature(
            signature, for: SignedDocument.signedMessage(kind: container.kind, preamble: container.preambleBytes))
    }

    /// BLAKE2b-256 of the whole file as read; how other documents refer to this one.
    var fileHash: [UInt8] {
        // In parts: the preamble of a national round is tens of megabytes, not to be copied.
        let hasher = BLAKE2b.Hasher(outputLength: 32)
        hasher.update(container.preambleBytes)
        hasher.update(signature)
        return hasher.finalize()
    }
}
