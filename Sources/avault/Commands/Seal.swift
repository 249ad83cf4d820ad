import AppraisalVault
import ArgumentParser

/// `avault seal`: a member checks, signs and encrypts their filled worksheet.
struct Seal: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Terminal.localized(.sealAbstract))

    @Argument(help: ArgumentHelp(Terminal.localized(.sealHelpWorksheet), valueName: "worksheet"))
    var worksheet: String

    @OptionGroup var round: RoundOptions
    @OptionGroup var key: KeyOptions

    @Option(name: [.short, .customLong("out")], help: ArgumentHelp(Terminal.localized(.sealHelpOut), valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp(Terminal.localized(.sealHelpRevision)))
    var revision: Int?

    func validate() throws {
        if let revision, !(1...1_000_000).contains(revision) {
            throw ValidationError(Terminal.localized(.sealBadRevision, [String(revision)]))
        }
    }

    @Flag(help: ArgumentHelp(Terminal.localized(.sealHelpRemove)))
    var removePlaintext = false

    @Option(help: ArgumentHelp(Terminal.localized(.sealHelpAttach), valueName: "file"))
    var attach: [String] = []

    func run() throws {
        let definition = try round.load()
        let keyFile = try key.locked()
        let memberID = keyFile.identity.id
        let bytes = try FileIO.read(worksheet, maxBytes: 64 << 20)
        let (rows, findings) = try Sealing.check(worksheet: bytes, file: worksheet, round: definition, memberID: memberID)
        guard findings.isEmpty else {
            for f in findings {
                var line = f.location.isEmpty ? "" : f.location + ": "
                if let cell = f.cell { line += "\(cell.unit) / \(cell.code): " }
                Terminal.problem(line + f.text.render(in: Terminal.language))
            }
            throw VaultError(.sealProblems, [worksheet, String(findings.count)])
        }
        Terminal.say(.sealChecked, [String(rows.count)])
        // The member's defence against a forged round file: compare this with the secretary by phone.
        Terminal.say(round.fingerprint == nil ? .sealConfirmFingerprint : .sealFingerprintChecked, [
            definition.title, definition.fingerprint.description,
        ])
        let folder = out.map { FileIO.split($0).directory } ?? "."
        let revision = revision ?? Sealing.nextRevision(member: memberID, folder: folder)
        let path = out ?? FileIO.join(folder, RoundLayout.submissionFileName(member: memberID, revision: revision))
        try FileIO.refuseExisting(path)
        // Evidence goes next to the submission as MEMBER.rN.eK.ave (spec §10.3); all checked first.
        let planned = try Evidence.plan(attach, member: memberID, revision: revision, folder: FileIO.split(path).directory)
        let member = try key.unlock(keyFile)
        let attachments = try Evidence.seal(
            planned, revision: revision, round: definition.fileHash, sender: member, recipient: definition.secretary.encryptionKey)
        do {
            let sealed = try Sealing.seal(rows, round: definition, member: member, revision: revision, attachments: attachments)
            try FileIO.writeAtomically(sealed, to: path, mode: 0o644)
        } catch {
            Evidence.removeAll(planned.map(\.output))  // nothing partial
            throw error
        }
        for (p, a) in zip(planned, attachments) { Terminal.say(.sealWroteEvidence, [p.output, a.name, String(a.size)]) }
        Terminal.say(.sealWrote, [path, String(revision), definition.secretary.name])
        if removePlaintext {
            try FileIO.remove(worksheet)
            Terminal.say(.sealRemoved, [worksheet])
        }
    }
}
