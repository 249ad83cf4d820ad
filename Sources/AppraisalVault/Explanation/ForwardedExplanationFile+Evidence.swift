internal import VaultCrypto

/// The member's copies of the evidence a forwarded explanation cites (spec §12.5): the files
/// `MEMBER.UNIT.rN.eK.ave` next to the `.avf`, sealed to the member, each bound by the
/// `fileHash` the forwarded plaintext lists.
extension ForwardedExplanationFile {
    /// Opens every evidence copy `forwarded` cites, found next to this file, with the member's
    /// key and writes each document to `out/NAME` (0600, never overwriting). Every file is checked
    /// (signed by this file's sender, for this round, the listed hash) before the first document
    /// is released; on any failure nothing is left in `out`.
    ///
    /// - Returns: the paths written, in the order the items cite them.
    /// - Throws: ``ForwardError`` `forward.evidence-missing`, `forward.evidence-mismatch`;
    ///   `file.exists`; every error of opening an envelope.
    public func extractEvidence(_ forwarded: ForwardedExplanation, with key: SecretIdentity, to out: String) throws
        -> [String]
    {
        var wanted = [(name: String, fileHash: [UInt8])]()
        for a in forwarded.items.flatMap(\.attachments) where !wanted.contains(where: { $0.name == a.name }) {
            wanted.append((a.name, a.fileHash))
        }
        guard !wanted.isEmpty else { return [] }
        let folder = FileIO.split(envelope.file).directory
        let prefix = "\(member).\(unit).r"
        var found = [[UInt8]: String]()
        for name in try FileIO.listVisible(folder.isEmpty ? "." : folder)
        where name.hasPrefix(prefix) && name.hasSuffix(RoundLayout.evidenceExtension) {
            let path = FileIO.join(folder, name)
            if let hash = try? Evidence.hashFile(path) { found[hash] = path }
        }
        var jobs = [(source: String, name: String, fileHash: [UInt8], destination: String)]()
        for w in wanted {
            guard let source = found[w.fileHash] else {
                throw ForwardError(.evidenceMissing, [.file(envelope.file), .text(unit), .text(w.name)])
            }
            let destination = FileIO.join(out, w.name)
            try FileIO.refuseExisting(destination)
            jobs.append((source, w.name, w.fileHash, destination))
        }
        try FileIO.makeDirectory(out, mode: 0o700)
        var written = [String]()
        do {
            for job in jobs {
                let file = try SealedEnvelope.OnDisk(path: job.source, expecting: .evidence)
                let mismatch = ForwardError(.evidenceMismatch, [.file(job.source), .text(unit), .text(job.name)])
                let temporary = job.destination + ".avault-part"
                let hash = try file.open(with: key.encryptionKey, to: temporary, mode: 0o600) { header in
                    guard header.sender == envelope.header.sender,
                        header.senderSigningKey == envelope.header.senderSigningKey,
                        header.round == envelope.header.round, header.context["name"] == .string(job.name)
                    else { throw mismatch }
                }
                written.append(temporary)
                guard Sodium.constantTimeEqual(hash, job.fileHash) else { throw mismatch }
            }
            for job in jobs {
                try FileIO.move(job.destination + ".avault-part", to: job.destination)
                written.removeFirst()
                written.append(job.destination)
            }
        } catch {
            Evidence.removeAll(written)
            throw error
        }
        return jobs.map(\.destination)
    }
}
