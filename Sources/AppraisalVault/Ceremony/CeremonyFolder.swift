internal import VaultCrypto

/// The key ceremony over a folder (spec §4.1), run offline in two passes through the secretary:
///
/// ```
/// CEREMONY/plan.avp               the plan (ceremony begin, by the secretary)
/// CEREMONY/dealings/HOLDER.avd    pass 1: each holder's dealing (ceremony deal)
/// CEREMONY/acks/HOLDER.avk        pass 2: each holder's acknowledgement (ceremony ack)
/// ```
///
/// `ceremony finish` judges the folder; `round init --ceremony CEREMONY` embeds it.
public enum CeremonyFolder {
    /// The plan's file name.
    public static let planFileName = "plan.avp"
    /// The folder of the dealings.
    public static let dealingsFolder = "dealings"
    /// The folder of the acknowledgements.
    public static let acksFolder = "acks"

    /// `HOLDER.avd`.
    public static func dealingFileName(holder: String) -> String { "\(holder).avd" }
    /// `HOLDER.avk`.
    public static func ackFileName(holder: String) -> String { "\(holder).avk" }

    /// The files of a ceremony folder, parsed (not judged).
    struct Loaded: Sendable {
        /// The plan.
        let plan: CeremonyPlan
        /// Every dealing found, in name order.
        let dealings: [CeremonyDealing]
        /// Every acknowledgement found, in name order.
        let acks: [CeremonyAck]

        /// Judges the ceremony (``Ceremony/judge(plan:dealings:acks:)``).
        func judge() throws -> Ceremony.Outcome { try Ceremony.judge(plan: plan, dealings: dealings, acks: acks) }
    }

    /// Reads the plan and every file in `dealings/` and `acks/` (a missing folder is empty).
    static func load(_ directory: String, acks withAcks: Bool = true) throws -> Loaded {
        let planPath = FileIO.join(directory, planFileName)
        if !FileIO.exists(planPath), !FileIO.isDirectory(directory) {
            throw FormatError(.fileNotFound, [.file(directory)])
        }
        let plan = try CeremonyPlan(
            parsing: try FileIO.read(planPath, maxBytes: CeremonyPlan.maxFileSize), file: planPath)
        func files(_ folder: String, max: Int) throws -> [(bytes: [UInt8], path: String)] {
            let path = FileIO.join(directory, folder)
            guard FileIO.isDirectory(path) else { return [] }
            return try FileIO.listVisible(path).sorted().map { name in
                let file = FileIO.join(path, name)
                return (try FileIO.read(file, maxBytes: max), file)
            }
        }
        let dealings = try files(dealingsFolder, max: CeremonyDealing.maxFileSize).map {
            try CeremonyDealing(parsing: $0.bytes, file: $0.path)
        }
        let acks =
            withAcks
            ? try files(acksFolder, max: CeremonyAck.maxFileSize).map {
                try CeremonyAck(parsing: $0.bytes, file: $0.path)
            }
            : []
        return Loaded(plan: plan, dealings: dealings, acks: acks)
    }

    // MARK: - Operations

    /// A file written by a ceremony command, and the facts to print.
    public struct Written: Sendable {
        /// The file.
        public let path: String
        /// The holder (or, for the plan, the secretary) it is for.
        public let identity: PublicIdentity
        /// For an acknowledgement: the dealers complained about.
        public let accused: [String]
    }

    /// `ceremony begin`: the secretary writes the plan into a new folder.
    ///
    /// - Parameters:
    ///   - directory: the ceremony folder (created; must not hold a plan yet).
    ///   - holders: the holders' `.pub` files in x order.
    ///   - threshold: t.
    ///   - secretary: the secretary's `.pub` file.
    /// - Returns: the plan written.
    /// - Throws: ``FormatError`` `file.exists`, identity errors, the plan rules of spec §4.2.
    public static func begin(at directory: String, holders: [String], threshold: Int, secretary: String) throws
        -> Written
    {
        let path = FileIO.join(directory, planFileName)
        try FileIO.refuseExisting(path)
        let identities = try holders.map { try PublicIdentity.load($0) }
        let secretaryIdentity = try PublicIdentity.load(secretary)
        let bytes = try CeremonyPlan.create(holders: identities, threshold: threshold, secretary: secretaryIdentity)
        try FileIO.makeDirectory(directory, mode: 0o755)
        try FileIO.writeAtomically(bytes, to: path, mode: 0o644)
        return Written(path: path, identity: secretaryIdentity, accused: [])
    }

    /// `ceremony deal`: pass 1 for one holder; writes `dealings/HOLDER.avd` unless `out` is given.
    ///
    /// - Throws: ``CeremonyError`` `ceremony.not-a-holder` (before the passphrase), `file.exists`.
    public static func deal(
        ceremony directory: String, keyFile: KeyFile, out: String?, unlock: (KeyFile) throws -> SecretIdentity
    ) throws -> Written {
        let plan = try load(directory, acks: false).plan
        guard plan.x(of: keyFile.identity.signingKey) != nil else {
            throw CeremonyError(.notAHolder, [.member(keyFile.identity.id), .file(plan.file)])
        }
        let path = out ?? FileIO.join(directory, dealingsFolder, dealingFileName(holder: keyFile.identity.id))
        try FileIO.refuseExisting(path)
        let holder = try unlock(keyFile)
        let bytes = try CeremonyDealing.create(plan: plan, dealer: holder)
        if out == nil { try FileIO.makeDirectory(FileIO.join(directory, dealingsFolder), mode: 0o755) }
        try FileIO.writeAtomically(bytes, to: path, mode: 0o644)
        return Written(path: path, identity: holder.identity, accused: [])
    }

    /// `ceremony ack`: pass 2 for one holder; checks every dealing and its share, writes
    /// `acks/HOLDER.avk` (with complaints, if any) unless `out` is given.
    ///
    /// - Throws: ``CeremonyError`` `ceremony.not-a-holder`, `ceremony.missing` (not every holder
    ///   has dealt), `ceremony.share-unopenable`, the dealing checks; `file.exists`.
    public static func ack(
        ceremony directory: String, keyFile: KeyFile, out: String?, unlock: (KeyFile) throws -> SecretIdentity
    ) throws -> Written {
        let loaded = try load(directory, acks: false)
        guard loaded.plan.x(of: keyFile.identity.signingKey) != nil else {
            throw CeremonyError(.notAHolder, [.member(keyFile.identity.id), .file(loaded.plan.file)])
        }
        _ = try Ceremony.orderDealings(loaded.dealings, plan: loaded.plan)
        let path = out ?? FileIO.join(directory, acksFolder, ackFileName(holder: keyFile.identity.id))
        try FileIO.refuseExisting(path)
        let holder = try unlock(keyFile)
        let (bytes, accused) = try CeremonyAck.create(plan: loaded.plan, dealings: loaded.dealings, holder: holder)
        if out == nil { try FileIO.makeDirectory(FileIO.join(directory, acksFolder), mode: 0o755) }
        try FileIO.writeAtomically(bytes, to: path, mode: 0o644)
        return Written(path: path, identity: holder.identity, accused: accused)
    }

    /// What ``finish(ceremony:)`` found.
    public struct Finished: Sendable {
        /// The joint public key as lowercase hex.
        public let jointKey: String
        /// The qualified holders' ids, in x order.
        public let qualified: [String]
        /// Why each excluded holder is excluded.
        public let exclusions: [Notice]
        /// The threshold t.
        public let threshold: Int
        /// The holder count n.
        public let holderCount: Int

        /// The one-line summary (`ceremony.finished`): qualified of n, t, the joint key.
        public var summary: Notice {
            Notice(
                Notice.Code.ceremonyFinished,
                [.text(String(qualified.count)), .text(String(holderCount)), .text(String(threshold)), .text(jointKey)])
        }
    }

    /// `ceremony finish`: judges the folder (spec §4.5), as `round init` will.
    ///
    /// - Throws: the errors of ``Ceremony/judge(plan:dealings:acks:)``.
    public static func finish(ceremony directory: String) throws -> Finished {
        let policy = ReleasePolicy(try load(directory).judge())
        return Finished(
            jointKey: Hex.encode(policy.jointKey.rawRepresentation),
            qualified: policy.holders.filter { $0.verificationKey != nil }.map(\.identity.id),
            exclusions: policy.exclusions, threshold: policy.threshold, holderCount: policy.holders.count)
    }

    /// Runs both passes for holders whose keys are all at hand (the demo, tests, benchmarks):
    /// writes the plan, every dealing and every acknowledgement into `directory`.
    ///
    /// - Returns: the judged ceremony.
    /// - Throws: as ``Ceremony/hold(holders:threshold:secretary:created:using:)``, and file errors.
    @discardableResult
    static func holdAll(
        at directory: String, holders: [SecretIdentity], threshold: Int, secretary: PublicIdentity,
        created: String = Timestamp.now(), using random: any RandomSource = SystemRandom()
    ) throws -> Ceremony.Outcome {
        let planPath = FileIO.join(directory, planFileName)
        try FileIO.refuseExisting(planPath)
        let outcome = try Ceremony.hold(
            holders: holders, threshold: threshold, secretary: secretary, created: created, using: random)
        try FileIO.makeDirectory(directory, mode: 0o755)
        try FileIO.writeAtomically(outcome.plan.bytes, to: planPath, mode: 0o644)
        for folder in [dealingsFolder, acksFolder] {
            try FileIO.makeDirectory(FileIO.join(directory, folder), mode: 0o755)
        }
        for (holder, dealing, ack) in zip(zip(holders, outcome.dealings), outcome.acks).map({ ($0.0, $0.1, $1) }) {
            let id = holder.identity.id
            try FileIO.writeAtomically(
                dealing.bytes, to: FileIO.join(directory, dealingsFolder, dealingFileName(holder: id)), mode: 0o644)
            try FileIO.writeAtomically(
                ack.bytes, to: FileIO.join(directory, acksFolder, ackFileName(holder: id)), mode: 0o644)
        }
        return outcome
    }
}
