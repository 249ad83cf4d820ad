import AppraisalVault

extension Seal {
    /// `seal --second SHEET`: the member's second-round revision (spec §12.6). The key, the
    /// forwarded files and `--unexplained` are checked before the passphrase; the sheet after it
    /// (the forwarded cells open only with the member's key). Nothing is written on any problem.
    func runSecond() throws {
        try StandardOutput.claim(out, content: .binary)
        let definition = try round.load()
        let locked = try key.locked()
        let member = try SecondSeal.member(locked, file: key.key, in: definition)
        let files = try SecondSeal.load(forwarded, member: member, round: definition)
        let own = Set(definition.cells(of: member))
        var exceptions = Set<Cell>()
        for text in unexplained {
            let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, own.contains(Cell(unit: parts[0], code: parts[1])) else {
                throw SecondAppraisalError(.badUnexplained, [.text(text), .text(member.id)])
            }
            exceptions.insert(Cell(unit: parts[0], code: parts[1]))
        }
        let revision = self.revision ?? 1
        let output = out ?? RoundLayout.secondFileName(member: member.id, revision: revision)
        try FileIO.refuseExisting(output)
        let bytes = try FileIO.read(worksheet, maxBytes: 64 << 20)
        let secret = try key.unlock(locked)
        let items = try SecondSeal.items(files, key: secret)
        let rows: [SecondAppraisal.Row]
        do {
            rows = try SecondSheet.read(
                bytes, file: worksheet, items: items, round: definition, member: member,
                unexplained: exceptions.subtracting(items.map(\.cell)))
        } catch let problems as InputProblems {
            for problem in problems.errors { Terminal.report(problem) }
            throw CLIError(.sealSecondRejected, [worksheet, String(problems.errors.count)])
        }
        let sealed = try SecondSeal.seal(rows, round: definition, member: secret, revision: revision, output: output)
        let changed = sealed.rows.filter { $0.decision == .change }.count
        Terminal.say(
            .sealSecondWrote,
            [output, String(revision), String(sealed.rows.count), String(changed), definition.secretary.name])
    }
}
