/// What `avault explain` writes (spec §12.4): the unit's evidence files, sealed streaming as a
/// member's are (§10.3), then the explanation that lists them; all or nothing.
public enum ExplanationSeal {
    /// The attachments, checked, with their output names (`UNIT.rN.eK.ave` next to the explanation).
    public struct Plan: Sendable {
        let evidence: [Evidence.Planned]
        /// The evidence names (§10.1) the answer sheet may cite in `minh_chung`.
        public var names: Set<String> { Set(evidence.map(\.name)) }
        /// The evidence files that will be written.
        public var outputs: [String] { evidence.map(\.output) }
    }

    /// Checks `files` before anything is asked or written: valid, different names, at most 999,
    /// readable, no output existing.
    ///
    /// - Throws: `evidence.bad-name`, `evidence.name-character`, `evidence.duplicate-name`,
    ///   `evidence.too-many`, `file.*`.
    public static func plan(_ files: [String], unit: String, revision: Int, output: String) throws -> Plan {
        Plan(
            evidence: try Evidence.plan(
                files, member: unit, revision: revision, folder: FileIO.split(output).directory))
    }

    /// Seals the evidence of `plan` and then the explanation of `answers` to the notice's
    /// secretary, writing `output` atomically; on any failure every file written is removed.
    ///
    /// - Returns: the explanation as sealed.
    public static func seal(
        _ answers: [UnitExplanation.Answer], notice: NoticeFile, opened: UnitNotice, unit: SecretIdentity,
        revision: Int, plan: Plan, output: String
    ) throws -> UnitExplanation {
        let attachments = try Evidence.seal(
            plan.evidence, revision: revision, round: notice.round, sender: unit,
            recipient: opened.secretary.encryptionKey)
        do {
            let explanation = UnitExplanation(
                round: notice.round, unit: unit.identity.id, notice: notice.fileHash, revision: revision,
                answers: answers, attachments: attachments)
            let sealed = try ExplanationFile.seal(explanation, unit: unit, to: opened.secretary)
            try FileIO.writeAtomically(sealed, to: output, mode: 0o644)
            return explanation
        } catch {
            Evidence.removeAll(plan.evidence.map(\.output))
            throw error
        }
    }
}
