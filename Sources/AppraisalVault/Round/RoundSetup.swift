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
        /// The criteria sets as given with `--framework`: `SET=FILE`, or `FILE` alone for a
        /// one-set round (set id ``CriteriaSet/defaultID``); each file JSON or CSV.
        public var frameworks: [String]
        /// The groups of each set as given with `--set-groups`: `SET=GROUP[,GROUP…]` (groups
        /// separated by `,`, `;` or spaces). A single set without any covers every group.
        public var setGroups: [String]
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
        /// The optional unit-keys CSV (`unit,public_key_file`, spec §12.1); nil for a round without
        /// an explanation phase.
        public var unitKeys: String?
        /// The key ceremony folder (spec §4.1): its plan, dealings and acknowledgements.
        public var ceremony: String
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
        /// Who issues and signs the official report (`--issuer`, `--council`, …), before normalising.
        public var document = RoundDocument()
        /// The submission deadline, `YYYY-MM-DD`, or `""` for none (`--deadline`).
        public var deadline = ""
        /// True when a unit's index may exceed 100 through bonus points (`--index-above-100`);
        /// false (the default) caps it at 100 (spec §6.4, ``RoundPlan/indexAbove100``).
        public var indexAbove100 = false

        /// Collects the sources of a one-set round.
        public init(
            framework: String, units: String, groups: String? = nil, selfAssessment: String, members: String,
            labels: String? = nil, ceremony: String, title: String, year: Int,
            references: [String] = [],
            isDemo: Bool = false, singleHolder: Bool = false
        ) {
            self.init(
                frameworks: [framework], units: units, groups: groups, selfAssessment: selfAssessment,
                members: members, labels: labels, ceremony: ceremony, title: title, year: year,
                references: references, isDemo: isDemo, singleHolder: singleHolder)
        }

        /// Collects the sources.
        public init(
            frameworks: [String], setGroups: [String] = [], units: String, groups: String? = nil,
            selfAssessment: String, members: String, labels: String? = nil, ceremony: String, title: String,
            year: Int, references: [String] = [], isDemo: Bool = false, singleHolder: Bool = false
        ) {
            self.frameworks = frameworks
            self.setGroups = setGroups
            self.units = units
            self.groups = groups
            self.selfAssessment = selfAssessment
            self.members = members
            self.labels = labels
            self.ceremony = ceremony
            self.title = title
            self.year = year
            self.references = references
            self.isDemo = isDemo
            self.singleHolder = singleHolder
        }

        /// Splits `SET=VALUE` into the set id and the value when the part before the first `=` is an
        /// identifier; otherwise the whole argument is the value of the set ``CriteriaSet/defaultID``.
        public static func splitSet(_ argument: String) -> (set: String, value: String) {
            if let eq = argument.firstIndex(of: "="), Identifier.isValid(String(argument[..<eq])) {
                return (String(argument[..<eq]), String(argument[argument.index(after: eq)...]))
            }
            return (CriteriaSet.defaultID, argument)
        }

        /// `release.single-holder` when the ceremony's t = 1 was not accepted with ``singleHolder``.
        public func thresholdRefusal(threshold: Int) -> ReleaseError? {
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
    /// Who issues and signs the official report, NFC.
    public internal(set) var document = RoundDocument()
    /// The submission deadline (`YYYY-MM-DD`), or `""`.
    public internal(set) var deadline = ""
    /// The framework, the groups that have units (in order of first use), the units and
    /// members (in file order), the self-assessed scores and the rank labels; each also reads as
    /// a property of the set-up (`setup.units`).
    public let plan: RoundPlan
    /// The judged key ceremony.
    let release: ReleasePolicy
    /// The release holders, in order (excluded ones included).
    public var holders: [PublicIdentity] { release.holders.map(\.identity) }
    /// The release threshold t.
    public var threshold: Int { release.threshold }

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
        let document = s.document.normalized
        for key in document.invalidFields {
            problems.add(
                RoundError(.badDocument, [.text(RoundDocument.options[key] ?? key), .text(document.value(key))]))
        }
        for recipient in document.invalidRecipients {
            problems.add(RoundError(.badDocument, [.text("--recipient"), .text(recipient)]))
        }
        if document.recipients.count > RoundDocument.maxRecipients {
            problems.add(
                RoundError(
                    .tooManyRecipients,
                    [.text(String(document.recipients.count)), .text(String(RoundDocument.maxRecipients))]))
        }
        let deadline = s.deadline.trimmingSpaces
        if !RoundDocument.isValidDeadline(deadline) { problems.add(RoundError(.badDeadline, [.text(deadline)])) }
        var release: ReleasePolicy?
        do {
            release = ReleasePolicy(try CeremonyFolder.load(s.ceremony).judge())
            if let refusal = s.thresholdRefusal(threshold: release!.threshold) { problems.add(refusal) }
        } catch {
            problems.add(error)
        }

        var frameworks = [(id: String, framework: Framework?)]()
        for argument in s.frameworks {
            let (id, path) = Sources.splitSet(argument)
            if frameworks.contains(where: { $0.id == id }) {
                problems.add(InputError(.frameworkDuplicateSet, [.text(id)]))
                continue
            }
            frameworks.append((id, FrameworkInput.load(path, problems: &problems)))
        }
        var declaredGroups: [UnitGroup]?
        if let g = s.groups { declaredGroups = UnitsInput.loadGroups(g, problems: &problems) }
        let unitsAndGroups = UnitsInput.load(s.units, groups: declaredGroups, problems: &problems)
        var sets: [CriteriaSet]?
        if let (_, groups) = unitsAndGroups, frameworks.allSatisfy({ $0.framework != nil }), !frameworks.isEmpty {
            sets = assignGroups(
                frameworks.map { ($0.id, $0.framework!) }, groups: groups, mapping: s.setGroups,
                problems: &problems)
        }
        var selfAssessment: SelfAssessment?
        var members: [Member]?
        var labels: RankLabels?
        if let sets, let (units, groups) = unitsAndGroups {
            selfAssessment = SelfAssessmentInput.load(
                s.selfAssessment, sets: sets, units: units, problems: &problems)
            members = MembersInput.load(
                s.members, sets: sets, units: units, groups: groups, problems: &problems)
        }
        var unitKeys: [PublicIdentity]? = []
        if let (units, groups) = unitsAndGroups {
            labels = LabelsInput.load(s.labels, groups: groups, problems: &problems)
            if let path = s.unitKeys { unitKeys = UnitKeysInput.load(path, units: units, problems: &problems) }
        }
        guard problems.isEmpty, let sets, let (units, groups) = unitsAndGroups, let selfAssessment, let members,
            let labels, let release, let unitKeys
        else {
            if problems.isEmpty { problems.add(RoundError(.inputsIncomplete)) }
            throw problems
        }
        let plan = RoundPlan(
            sets: sets, groups: groups, units: units, selfAssessment: selfAssessment, members: members,
            labels: labels, unitKeys: unitKeys, indexAbove100: s.indexAbove100)
        var setup = RoundSetup(
            title: title, year: s.year, references: references, isDemo: s.isDemo, plan: plan, release: release)
        setup.document = document
        setup.deadline = deadline
        return setup
    }

    /// The criteria sets with their groups (spec §3.3): `--set-groups` mappings, or every group
    /// for a single set given none; every group with units belongs to exactly one set.
    static func assignGroups(
        _ frameworks: [(id: String, framework: Framework)], groups: [UnitGroup], mapping: [String],
        problems: inout InputProblems
    ) -> [CriteriaSet]? {
        let before = problems.errors.count
        var covered = [String: [String]]()
        var owner = [String: String]()
        for argument in mapping {
            let (setID, list) = Sources.splitSet(argument)
            guard frameworks.contains(where: { $0.id == setID }) else {
                problems.add(
                    InputError(
                        .frameworkUnknownSet,
                        [.text(argument), .text(setID), .text(frameworks.map(\.id).joined(separator: ", "))]))
                continue
            }
            for group in list.split(whereSeparator: { " ,;\t".contains($0) }).map(String.init) {
                guard groups.contains(where: { $0.id == group }) else {
                    problems.add(InputError(.frameworkSetUnknownGroup, [.text(argument), .text(group)]))
                    continue
                }
                if let other = owner[group] {
                    if other != setID {
                        problems.add(InputError(.frameworkGroupTwice, [.text(group), .text(other), .text(setID)]))
                    }
                    continue
                }
                owner[group] = setID
                covered[setID, default: []].append(group)
            }
        }
        if frameworks.count == 1, mapping.isEmpty {
            covered[frameworks[0].id] = groups.map(\.id)
            for g in groups { owner[g.id] = frameworks[0].id }
        }
        for (id, _) in frameworks where covered[id] == nil {
            problems.add(InputError(.frameworkSetNoGroups, [.text(id)]))
        }
        for g in groups where owner[g.id] == nil {
            problems.add(InputError(.frameworkGroupUncovered, [.text(g.id)]))
        }
        guard problems.errors.count == before else { return nil }
        return frameworks.map { CriteriaSet(id: $0.id, groups: covered[$0.id]!, framework: $0.framework) }
    }

    /// A part of the set-up's ``plan``, e.g. `setup.units`.
    public subscript<Value>(dynamicMember part: KeyPath<RoundPlan, Value>) -> Value { plan[keyPath: part] }

    /// True for one line of NFC text, 1…`maxBytes` bytes, not blank, without control or
    /// bidirectional characters (spec §1.3).
    static func isValidText(_ s: String, maxBytes: Int) -> Bool {
        !Text.isBlank(s) && s.utf8.count <= maxBytes && Text.isNFC(s) && !Text.hasControlCharacters(s)
    }

    /// The identities among `secretary`, the members and the holders that are flagged demo.
    public func demoIdentities(secretary: PublicIdentity) -> [PublicIdentity] {
        ([secretary] + plan.members.map(\.identity) + holders + plan.unitKeys).filter {
            $0.isDemo || DemoKeys.contains($0)
        }
    }

    /// Refuses demo identities in a round that is not a demo round.
    ///
    /// - Throws: ``RoundError`` `round.demo-refused` naming the first demo identity.
    public func checkDemo(secretary: PublicIdentity) throws {
        if !isDemo, let demo = demoIdentities(secretary: secretary).first {
            throw RoundError(.demoRefused, [.text(demo.id)], hint: ErrorHint(.demoRound))
        }
        try RoundSetup.checkDistinctKeys([secretary] + plan.members.map(\.identity) + holders + plan.unitKeys)
    }

    /// Refuses one key in two places (secretary, member, holder, unit): roles must be separate people
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
