internal import VaultCrypto

/// Everything `round init` needs, read from the secretary's files and validated, before any
/// passphrase is asked for or any key is made.
///
/// ``load(_:)`` checks every file it can, collecting every problem it finds (see
/// ``InputProblems``), so the secretary can fix all of them in one pass.
@dynamicMemberLookup
public struct RoundSetup: Sendable {
    /// Paths and values given on the command line.
    public struct Sources: Sendable {
        /// The framework file (JSON or CSV).
        public var framework: String
        /// The units CSV.
        public var units: String
        /// The optional groups CSV (`id,name`).
        public var groups: String?
        /// The self-assessment CSV.
        public var selfAssessment: String
        /// The members CSV.
        public var members: String
        /// The optional rank-labels CSV.
        public var labels: String?
        /// The release holders' `.pub` files, in order (holder i gets x = i).
        public var holders: [String]
        /// The release threshold t.
        public var threshold: Int
        /// The round's title.
        public var title: String
        /// The assessed year.
        public var year: Int
        /// References such as "Quyết định số 04/QĐ-UBND".
        public var references: [String]
        /// True for a demo round (demo identities allowed; labelled as demo everywhere).
        public var isDemo: Bool
        /// True when the secretary accepts a threshold of 1 (one holder alone opens the results);
        /// without it t = 1 is refused (`release.single-holder`).
        public var singleHolder: Bool

        /// Collects the sources.
        public init(
            framework: String, units: String, groups: String? = nil, selfAssessment: String, members: String,
            labels: String? = nil, holders: [String], threshold: Int, title: String, year: Int,
            references: [String] = [],
            isDemo: Bool = false, singleHolder: Bool = false
        ) {
            self.framework = framework
            self.units = units
            self.groups = groups
            self.selfAssessment = selfAssessment
            self.members = members
            self.labels = labels
            self.holders = holders
            self.threshold = threshold
            self.title = title
            self.year = year
            self.references = references
            self.isDemo = isDemo
            self.singleHolder = singleHolder
        }

        /// `release.single-holder` when t = 1 was not accepted with ``singleHolder``: a policy
        /// check that needs no file, so a command can make it before reading anything.
        public var thresholdRefusal: ReleaseError? {
            threshold == 1 && !singleHolder ? ReleaseError(.singleHolder, hint: ErrorHint(.singleHolder)) : nil
        }
    }

    /// The round's title, NFC.
    public let title: String
    /// The assessed year.
    public let year: Int
    /// References, NFC.
    public let references: [String]
    /// True for a demo round.
    public let isDemo: Bool
    /// The framework, the groups that have units (in order of first use), the units and
    /// members (in file order), the self-assessed scores and the rank labels; each also reads as
    /// a property of the set-up (`setup.units`).
    public let plan: RoundPlan
    /// The release holders, in order.
    public let holders: [PublicIdentity]
    /// The release threshold t.
    public let threshold: Int

    /// Reads and validates every input.
    ///
    /// - Throws: ``InputProblems`` listing every problem found.
    public static func load(_ s: Sources) throws(InputProblems) -> RoundSetup {
        var problems = InputProblems()
        let title = Text.nfc(s.title.trimmingSpaces)
        if !isValidText(title, maxBytes: 500) { problems.add(RoundError(.badTitle)) }
        if !(2000...2100).contains(s.year) { problems.add(RoundError(.badYear, [.text(String(s.year))])) }
        let references = s.references.map { Text.nfc($0.trimmingSpaces) }
        for r in references where !isValidText(r, maxBytes: 500) {
            problems.add(RoundError(.badReference, [.text(r)]))
        }
        var holders = [PublicIdentity]()
        for path in s.holders {
            do {
                holders.append(try PublicIdentity.load(path))
            } catch {
                problems.add(error)
            }
        }
        if let refusal = s.thresholdRefusal { problems.add(refusal) }
        if holders.count == s.holders.count, let p = ReleasePolicy.problem(holders: holders, threshold: s.threshold) {
            problems.add(p)
        }

        let framework = FrameworkInput.load(s.framework, problems: &problems)
        var declaredGroups: [UnitGroup]?
        if let g = s.groups { declaredGroups = UnitsInput.loadGroups(g, problems: &problems) }
        let unitsAndGroups = UnitsInput.load(s.units, groups: declaredGroups, problems: &problems)
        var selfAssessment: SelfAssessment?
        var members: [Member]?
        var labels: RankLabels?
        if let framework, let (units, groups) = unitsAndGroups {
            selfAssessment = SelfAssessmentInput.load(
                s.selfAssessment, framework: framework, units: units, problems: &problems)
            members = MembersInput.load(
                s.members, framework: framework, units: units, groups: groups, problems: &problems)
        }
        if let (_, groups) = unitsAndGroups {
            labels = LabelsInput.load(s.labels, groups: groups, problems: &problems)
        }
        guard problems.isEmpty, let framework, let (units, groups) = unitsAndGroups, let selfAssessment, let members,
            let labels
        else {
            if problems.isEmpty { problems.add(RoundError(.inputsIncomplete)) }
            throw problems
        }
        let plan = RoundPlan(
            framework: framework, groups: groups, units: units, selfAssessment: selfAssessment, members: members,
            labels: labels)
        return RoundSetup(
            title: title, year: s.year, references: references, isDemo: s.isDemo, plan: plan, holders: holders,
            threshold: s.threshold)
    }

    /// A part of the set-up's ``plan``, e.g. `setup.framework`.
    public subscript<Value>(dynamicMember part: KeyPath<RoundPlan, Value>) -> Value { plan[keyPath: part] }

    /// True for one line of NFC text, 1…`maxBytes` bytes, not blank, without control or
    /// bidirectional characters (spec §1.3).
    static func isValidText(_ s: String, maxBytes: Int) -> Bool {
        !Text.isBlank(s) && s.utf8.count <= maxBytes && Text.isNFC(s) && !Text.hasControlCharacters(s)
    }

    /// The identities among `secretary`, the members and the holders that are flagged demo.
    public func demoIdentities(secretary: PublicIdentity) -> [PublicIdentity] {
        ([secretary] + plan.members.map(\.identity) + holders).filter { $0.isDemo || DemoKeys.contains($0) }
    }

    /// Refuses demo identities in a round that is not a demo round.
    ///
    /// - Throws: ``RoundError`` `round.demo-refused` naming the first demo identity.
    public func checkDemo(secretary: PublicIdentity) throws {
        if !isDemo, let demo = demoIdentities(secretary: secretary).first {
            throw RoundError(.demoRefused, [.text(demo.id)], hint: ErrorHint(.demoRound))
        }
        try RoundSetup.checkDistinctKeys([secretary] + plan.members.map(\.identity) + holders)
    }

    /// Refuses one key in two places (secretary, member, holder): roles must be separate people
    /// and keys, so a signature never counts for two roles.
    ///
    /// - Throws: ``RoundError`` `round.shared-key` naming both identities.
    public static func checkDistinctKeys(_ identities: [PublicIdentity]) throws {
        var seen = [String: String]()
        for identity in identities {
            for key in [identity.signingKey.rawRepresentation, identity.encryptionKey.rawRepresentation] {
                let hex = Hex.encode(key)
                if let other = seen[hex] {
                    throw RoundError(.sharedKey, [.text(other), .member(identity.id)])
                }
                seen[hex] = identity.id
            }
        }
    }
}
