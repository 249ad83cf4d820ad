/// The merged results of a round: what the locked-results envelope carries (spec §6.4).
public struct Results: Sendable, Hashable {
    /// One sub-criterion of one unit.
    public struct CellResult: Sendable, Hashable {
        /// The sub-criterion code.
        public let code: String
        /// How it is scored.
        public let method: ScoringMethod
        /// Its maximum.
        public let max: Points
        /// The unit's self score (`self` method only).
        public let selfScore: Points?
        /// The final score: appraised, council or survey; nil when not available.
        public let appraised: Points?
        /// The reason given for a change (empty when none).
        public let reason: String
        /// The member who appraised it (empty for survey cells).
        public let appraiser: String

        /// Appraised minus self, when both exist.
        public var difference: Points? {
            guard let s = selfScore, let a = appraised else { return nil }
            return a - s
        }
    }

    /// A subtotal for a field or criterion.
    public struct Subtotal: Sendable, Hashable {
        /// The field or criterion code.
        public let code: String
        /// Sum of self scores.
        public let selfTotal: Points
        /// Sum of final scores.
        public let appraisedTotal: Points
        /// Its maximum.
        public let max: Points
    }

    /// One unit's results.
    public struct UnitResult: Sendable, Hashable {
        /// The unit id.
        public let unit: String
        /// Its group id.
        public let group: String
        /// Per sub-criterion, in framework order.
        public let cells: [CellResult]
        /// Per criterion.
        public let criteria: [Subtotal]
        /// Per field.
        public let fields: [Subtotal]
        /// Sum of self scores.
        public let selfTotal: Points
        /// The base total: the sum of the final scores of the framework's sub-criteria.
        public let appraisedTotal: Points
        /// The sum of the appraised bonus items (spec §6.4).
        public let bonus: Points
        /// The sum of the appraised penalty items (spec §6.4).
        public let penalty: Points
        /// The final total: `appraisedTotal + bonus − penalty`, floored at 0 (spec §6.4).
        public let finalTotal: Points
        /// The maximum the index is computed against.
        public let maxTotal: Points
        /// The index: `finalTotal ÷ maxTotal × 100`, rounded half-up to 2 decimals, capped at 100
        /// unless the round lets it exceed 100 (spec §6.4).
        public let percent: Points
        /// Rank within the group (1 = best; equal percents share a rank).
        public let rank: Int
        /// The label from the group's thresholds.
        public let label: String

        /// A unit result (the arithmetic of spec §6.4 is the caller's).
        public init(
            unit: String, group: String, cells: [CellResult], criteria: [Subtotal], fields: [Subtotal],
            selfTotal: Points, appraisedTotal: Points, bonus: Points = .zero, penalty: Points = .zero,
            finalTotal: Points? = nil, maxTotal: Points, percent: Points, rank: Int, label: String
        ) {
            self.unit = unit
            self.group = group
            self.cells = cells
            self.criteria = criteria
            self.fields = fields
            self.selfTotal = selfTotal
            self.appraisedTotal = appraisedTotal
            self.bonus = bonus
            self.penalty = penalty
            self.finalTotal = finalTotal ?? appraisedTotal
            self.maxTotal = maxTotal
            self.percent = percent
            self.rank = rank
            self.label = label
        }

        /// The same result without its cells, criteria and fields (the totals are kept as they are):
        /// what ``Merge/Fold/summary(roundHash:survey:)`` holds of each unit.
        var summarized: UnitResult {
            UnitResult(
                unit: unit, group: group, cells: [], criteria: [], fields: [], selfTotal: selfTotal,
                appraisedTotal: appraisedTotal, bonus: bonus, penalty: penalty, finalTotal: finalTotal,
                maxTotal: maxTotal, percent: percent, rank: rank, label: label)
        }

        /// The same result with its rank and label.
        func ranked(_ rank: Int, label: String) -> UnitResult {
            UnitResult(
                unit: unit, group: group, cells: cells, criteria: criteria, fields: fields, selfTotal: selfTotal,
                appraisedTotal: appraisedTotal, bonus: bonus, penalty: penalty, finalTotal: finalTotal,
                maxTotal: maxTotal, percent: percent, rank: rank, label: label)
        }
    }

    /// A merged submission as its member signed it (spec §6.4): after release, anyone re-checks
    /// the inner signature with the submission file's public header, and every cell against it.
    public struct SignedSubmission: Sendable, Hashable {
        /// The member.
        public let member: String
        /// The revision merged.
        public let revision: Int
        /// BLAKE2b-256 of the submission file (as the manifest lists it).
        public let fileHash: [UInt8]
        /// The decrypted content's canonical JSON bytes (§5.6), as signed and as the results carry them.
        public let contentBytes: [UInt8]
        /// The inner signature (§5.4) over the file's header hash and the content's hash.
        public let innerSignature: [UInt8]

        /// The decrypted content, canonical JSON (§5.6): its bytes are `serialize(content)`.
        public var content: JSONValue { (try? CanonicalJSON.parse(contentBytes)) ?? .null }

        /// A signed submission from its content as a value.
        public init(member: String, revision: Int, fileHash: [UInt8], content: JSONValue, innerSignature: [UInt8]) {
            self.init(
                member: member, revision: revision, fileHash: fileHash, contentBytes: CanonicalJSON.serialize(content),
                innerSignature: innerSignature)
        }

        /// A signed submission from its content's canonical bytes (already parsed strictly).
        init(member: String, revision: Int, fileHash: [UInt8], contentBytes: [UInt8], innerSignature: [UInt8]) {
            self.member = member
            self.revision = revision
            self.fileHash = fileHash
            self.contentBytes = contentBytes
            self.innerSignature = innerSignature
        }
    }

    /// The imported survey as the secretary signed it (spec §6.6): after release, anyone re-checks
    /// the inner signature with `survey.avq`'s public header, and every survey cell against it.
    public struct SignedSurvey: Sendable, Hashable {
        /// The import's revision.
        public let revision: Int
        /// BLAKE2b-256 of `survey.avq` (as the manifest lists it).
        public let fileHash: [UInt8]
        /// The decrypted content, canonical JSON (§6.6): its bytes are `serialize(content)`.
        public let content: JSONValue
        /// The inner signature (§5.4) over the file's header hash and the content's hash.
        public let innerSignature: [UInt8]
    }

    /// A file of the explanation round carried as its sender signed it (spec §12.7): a unit's
    /// explanation (kind 21) or a member's second-round revision (kind 23). After release anyone
    /// re-checks the inner signature with the file's public header, as for ``SignedSubmission``.
    public struct SignedFile: Sendable, Hashable {
        /// The sender: the unit (explanations) or the member (second-round files).
        public let sender: String
        /// The revision merged.
        public let revision: Int
        /// BLAKE2b-256 of the file (as the manifest lists it).
        public let fileHash: [UInt8]
        /// The decrypted content, canonical JSON: its bytes are `serialize(content)`.
        public let content: JSONValue
        /// The inner signature (§5.4) over the file's header hash and the content's hash.
        public let innerSignature: [UInt8]
    }

    /// What happened to one explained cell between the preliminary and the final merge (spec
    /// §12.7): every adjustment after the explanation round is traceable to a signed file.
    public struct History: Sendable, Hashable {
        /// The unit's explanation of the cell; nil for a change nobody explained (an exception the
        /// secretary allowed at the final merge, journaled).
        public struct Explained: Sendable, Hashable {
            /// The unit's explanation file (`explanations/UNIT.rN.avx`), by file hash.
            public let fileHash: [UInt8]
            /// The forwarded file that carried it to the member (`forwarded/M.UNIT.rN.avf`); nil
            /// when it was never forwarded (merged with `--allow-incomplete`; then no decision).
            public let forwarded: [UInt8]?
            /// The unit's text.
            public let text: String
            /// The names of the evidence the unit cited for this cell.
            public let attachments: [String]
        }

        /// The member's second-round decision.
        public struct Final: Sendable, Hashable {
            /// True when the member kept the preliminary score.
            public let kept: Bool
            /// The final score.
            public let score: Points
            /// The member's answer to the explanation.
            public let reason: String
            /// The second-round file (`second/M.rN.av2`), by file hash.
            public let file: [UInt8]
        }

        /// The unit id.
        public let unit: String
        /// The sub-criterion code.
        public let code: String
        /// The member assigned the cell.
        public let member: String
        /// The preliminary (round-1) score.
        public let preliminaryScore: Points
        /// The preliminary reason.
        public let preliminaryReason: String
        /// The unit's explanation; nil for an allowed exception.
        public let explanation: Explained?
        /// The decision; nil when the member filed none (a merge with `--allow-incomplete`).
        public let final: Final?

        /// The cell.
        public var cell: Cell { Cell(unit: unit, code: code) }
    }

    /// The round's file hash.
    public let round: [UInt8]
    /// Whether survey scores were supplied; when not, survey sub-criteria are left out of the
    /// maximum (the index is rescaled over what was appraised).
    public let surveyAvailable: Bool
    /// Per unit, in definition order.
    public let units: [UnitResult]
    /// The merged submissions as signed, in member order (empty only in tests of the arithmetic).
    public internal(set) var submissions: [SignedSubmission] = []
    /// The survey merged, as signed; nil when the round was merged without one.
    public internal(set) var survey: SignedSurvey?
    /// The units' explanations merged (the live revision of each unit that answered), as signed,
    /// in unit order; empty in a round without an explanation phase.
    public internal(set) var explanations: [SignedFile] = []
    /// The members' second-round revisions merged, as signed, in member order.
    public internal(set) var second: [SignedFile] = []
    /// One entry per explained (or exceptionally changed) cell, in unit and framework order.
    public internal(set) var history: [History] = []
}
