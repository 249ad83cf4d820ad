internal import VaultCrypto

/// Spec §9.2 check 14d, §12.8: the forwarded explanations, with public data only.
extension RoundVerification {
    /// Check 14d `forward.files`: every `forward` entry names a received explanation of its unit
    /// and a member assigned a cell of that unit (`verify.forward-wrong-member`), and has its file
    /// `forwarded/MEMBER.UNIT.rN.avf` (N the explanation's revision): §5.5 steps 1–3, sent by the
    /// secretary, sealed to that member's key, for a unit with a key, with the entry's hash; every
    /// `forward-evidence` entry has its file, checked as §10.10 does (signed by the secretary, sealed
    /// to the member, named as its header says, the entry's hash); nothing else is in the folder.
    /// Omitted in a round without unit keys; `not-yet` when nothing was forwarded.
    mutating func checkForwards() {
        let id = "forward.files"
        let folder = RoundLayout.forwardedFolder
        let forwards = journal?.filter { $0.kind == .forward } ?? []
        let evidenceEntries = journal?.filter { $0.kind == .forwardEvidence } ?? []
        let names = ((try? FileIO.listVisible(path(folder))) ?? []).sorted()
        guard !round.unitKeys.isEmpty || !forwards.isEmpty || !names.isEmpty else { return }
        guard !names.isEmpty || !forwards.isEmpty || !evidenceEntries.isEmpty else {
            return notYet(id, folder, .forwardsNotYet)
        }
        var problems = [(subject: String, text: Notice)]()
        func problem(_ subject: String, _ finding: VerificationReport.Finding, _ arguments: [String]) {
            problems.append((subject, Notice(finding, arguments.map(ErrorContext.Value.text))))
        }
        func malformed(_ entry: RoundJournal.Entry) {
            problem(RoundLayout.journalFileName, .journalEntryMalformed, [String(entry.sequence), entry.event])
        }
        // The received explanations: file hash → (unit, revision).
        var received = [[UInt8]: (unit: String, revision: Int)]()
        for e in journal ?? [] where e.kind == .receiveExplanation {
            if case .string(let unit)? = e.details["unit"], case .integer(let r)? = e.details["revision"],
                case .string(let hex)? = e.details["fileHash"], let hash = Hex.decode(hex)
            {
                received[hash] = (unit, Int(r))
            }
        }
        let assignees = round.plan.assignees
        var expected = [String: (member: String, unit: String, fileHash: [UInt8])]()
        for entry in forwards {
            let d = entry.details
            guard d.count == 5, case .integer(let cells)? = d["cells"], cells >= 1,
                case .string(let explanationHex)? = d["explanation"], let explanation = Hex.decode(explanationHex),
                explanation.count == 32, case .string(let hex)? = d["fileHash"], let hash = Hex.decode(hex),
                hash.count == 32, case .string(let member)? = d["member"], case .string(let unit)? = d["unit"]
            else {
                malformed(entry)
                continue
            }
            guard let source = received[explanation], source.unit == unit else {
                problem(RoundLayout.journalFileName, .forwardUnknownExplanation, [String(entry.sequence), unit])
                continue
            }
            if !assignees.contains(where: { $0.key.unit == unit && $0.value == member }) {
                problem(RoundLayout.journalFileName, .forwardWrongMember, [member, unit, String(entry.sequence)])
            }
            let name = RoundLayout.forwardedFileName(member: member, unit: unit, revision: source.revision)
            expected[name] = (member, unit, hash)
        }
        var expectedEvidence = [String: (member: String, fileHash: [UInt8])]()
        for entry in evidenceEntries {
            let d = entry.details
            guard d.count == 6, case .string(let unit)? = d["unit"], case .string(let member)? = d["member"],
                case .integer(let revision)? = d["revision"], case .integer(let index)? = d["index"],
                case .integer? = d["size"], case .string(let hex)? = d["fileHash"], let hash = Hex.decode(hex),
                hash.count == 32
            else {
                malformed(entry)
                continue
            }
            let name = RoundLayout.forwardedEvidenceFileName(
                member: member, unit: unit, revision: Int(revision), index: Int(index))
            expectedEvidence[name] = (member, hash)
        }
        for name in names {
            let subject = folder + "/" + name
            do {
                if let entry = expected[name] {
                    let file = try ForwardedExplanationFile.load(path(subject))
                    try file.checkBinding(to: round)
                    guard file.member == entry.member, file.unit == entry.unit else {
                        problem(subject, .forwardStrayFile, [subject])
                        continue
                    }
                    if file.fileHash != entry.fileHash { problem(subject, .forwardHashWrong, [subject]) }
                } else if let entry = expectedEvidence[name] {
                    let hash = try checkForwardedEvidence(path(subject), name: name, member: entry.member)
                    if hash != entry.fileHash { problem(subject, .forwardHashWrong, [subject]) }
                } else {
                    problem(subject, .forwardStrayFile, [subject])
                }
            } catch {
                problems.append((subject, Notice(error.asAppraisalError)))
            }
        }
        for name in (Array(expected.keys) + Array(expectedEvidence.keys)).sorted() where !names.contains(name) {
            problem(folder, .forwardMissing, [folder + "/" + name])
        }
        report(
            id, problems, subject: folder,
            ok: Notice(
                VerificationReport.Finding.forwardsOK,
                [
                    .text(String(expected.count)), .text(String(Set(expected.values.map(\.member)).count)),
                    .text(String(Set(expected.values.map(\.unit)).count)), .text(String(expectedEvidence.count)),
                ]))
    }

    /// A member's evidence copy (§12.5) checked as §10.10 checks evidence, with the binding of a
    /// forward: the outer signature (streaming), this round, sent by the secretary, sealed to the
    /// key of `member`, named `MEMBER.UNIT.rN.eK.ave` as its header says; returns its file hash.
    private func checkForwardedEvidence(_ path: String, name: String, member: String) throws -> [UInt8] {
        let file = try SealedEnvelope.OnDisk(path: path, expecting: .evidence)
        let hash = try file.verifyOuter()
        let header = file.header
        guard Sodium.constantTimeEqual(header.round, round.fileHash) else {
            throw ForwardError(.wrongRound, [.file(path)])
        }
        guard header.sender == round.secretary.id, header.senderSigningKey == round.secretary.signingKey else {
            throw ForwardError(.notSecretary, [.file(path), .member(header.sender)])
        }
        guard let key = round.plan.member(member)?.identity, header.recipient == key.encryptionKey else {
            throw ForwardError(.wrongRecipient, [.file(path), .member(member)])
        }
        let context: Evidence.Context
        do { context = try Evidence.Context(header.context) } catch {
            throw FormatError(.header, [.file(path), .text(error.description)])
        }
        guard context.size == Evidence.contentLength(payload: file.payload.count),
            name.hasPrefix(member + "."),
            round.plan.unitKeys.contains(where: {
                name
                    == RoundLayout.forwardedEvidenceFileName(
                        member: member, unit: $0.id, revision: context.revision, index: context.index)
            })
        else { throw FormatError(.header, [.file(path), .text("not named as its header says")]) }
        return hash
    }
}
