/// Every file and folder name of a round folder (spec §6.1, §8.1, §10.4), in one place.
///
/// ```
/// ROUND/round.avr                  the round definition
/// ROUND/journal.avj                the journal
/// ROUND/submissions/M.rN.avs       live submissions
/// ROUND/superseded/M.rN.avs        superseded submissions (and their evidence, M.rN.eK.ave)
/// ROUND/evidence/M.rN.eK.ave       live evidence
/// ROUND/manifest.avm               the merge manifest
/// ROUND/results.avl                the locked results
/// ROUND/survey.avq                 the survey scores, sealed to the secretary (§6.6)
/// ROUND/approvals/HOLDER.ava       the holders' approvals (copied in by `release combine`)
/// ROUND/release-token.avt          the release token (mode 600: it opens the results)
/// ROUND/receipts/M.rN.avc          the secretary's receipts (M.rN.eK.avc for evidence, §11.3)
/// ROUND/checkpoints/H.jN.avp       the holders' checkpoints of the journal (§11.4)
/// ROUND/.avault-lock               the lock of the commands that write (spec §6.1, ``RoundLock``)
/// ```
///
/// The static members are the names; an instance gives the paths inside one round folder.
public struct RoundLayout: Sendable, Hashable {
    /// The round folder.
    public let directory: String

    /// The layout of the round folder `directory`.
    public init(_ directory: String) { self.directory = directory }

    /// The round folder named by a `--round` argument: the argument itself when it is a folder,
    /// else the folder holding the file it names (a member's `round.avr`).
    public init(folderOrDefinition path: String) {
        directory = FileIO.isDirectory(path) ? path : FileIO.split(path).directory
    }

    // MARK: - Names

    /// The round definition's file name.
    public static let definitionFileName = "round.avr"
    /// The journal's file name.
    public static let journalFileName = "journal.avj"
    /// The folder of live submissions.
    public static let submissionsFolder = "submissions"
    /// The folder of superseded submissions and their evidence.
    public static let supersededFolder = "superseded"
    /// The folder of live evidence.
    public static let evidenceFolder = "evidence"
    /// The merge manifest's file name.
    public static let manifestFileName = "manifest.avm"
    /// The imported survey scores' file name (spec §6.6).
    public static let surveyFileName = "survey.avq"
    /// The locked results' file name.
    public static let resultsFileName = "results.avl"
    /// The folder of release approvals.
    public static let approvalsFolder = "approvals"
    /// The release token's file name.
    public static let tokenFileName = "release-token.avt"
    /// The lock file of the commands that write into the round folder (spec §6.1).
    public static let lockFileName = ".avault-lock"
    /// The file name ending of a sealed submission.
    public static let submissionExtension = ".avs"
    /// The file name ending of an evidence file.
    public static let evidenceExtension = ".ave"
    /// The file name ending of an approval.
    public static let approvalExtension = ".ava"
    /// The folder of receipts (spec §11.3).
    public static let receiptsFolder = "receipts"
    /// The folder of checkpoints (spec §11.4).
    public static let checkpointsFolder = "checkpoints"
    /// The file name ending of a receipt.
    public static let receiptExtension = ".avc"
    /// The file name ending of a checkpoint.
    public static let checkpointExtension = ".avp"

    /// `MEMBER.rREVISION.avs`, a submission's file name (spec §6.1).
    public static func submissionFileName(member: String, revision: Int) -> String {
        "\(member).r\(revision)\(submissionExtension)"
    }

    /// Parses `MEMBER.rN.avs`; nil for anything else (N from 1 to 1,000,000, no leading zero).
    public static func parseSubmissionFileName(_ name: String) -> (member: String, revision: Int)? {
        guard name.hasSuffix(submissionExtension) else { return nil }
        let stem = Array(name.utf8.dropLast(submissionExtension.utf8.count))
        guard let r = stem.lastIndex(of: UInt8(ascii: "r")), r >= 1, stem[r - 1] == UInt8(ascii: ".") else {
            return nil
        }
        let member = String(decoding: stem[..<(r - 1)], as: UTF8.self)
        let digits = stem[(r + 1)...]
        guard Identifier.isValid(member), !digits.isEmpty, digits.first != UInt8(ascii: "0"), digits.count <= 7,
            digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let revision = Int(String(decoding: digits, as: UTF8.self)), revision <= 1_000_000
        else { return nil }
        return (member, revision)
    }

    /// `MEMBER.rREVISION.eINDEX.ave`, an evidence file's name (spec §10.3).
    public static func evidenceFileName(member: String, revision: Int, index: Int) -> String {
        "\(member).r\(revision).e\(index)\(evidenceExtension)"
    }

    /// Parses `M.rN.eK.ave`; nil for anything else (K from 1 to 999, no leading zero).
    public static func parseEvidenceFileName(_ name: String) -> (member: String, revision: Int, index: Int)? {
        guard name.hasSuffix(evidenceExtension) else { return nil }
        let stem = Array(name.utf8.dropLast(evidenceExtension.utf8.count))
        guard let e = stem.lastIndex(of: UInt8(ascii: "e")), e >= 1, stem[e - 1] == UInt8(ascii: ".") else {
            return nil
        }
        let digits = stem[(e + 1)...]
        guard !digits.isEmpty, digits.count <= 3, digits.first != UInt8(ascii: "0"),
            digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let index = Int(String(decoding: digits, as: UTF8.self)),
            let (member, revision) = parseSubmissionFileName(
                String(decoding: stem[..<(e - 1)], as: UTF8.self) + submissionExtension)
        else { return nil }
        return (member, revision, index)
    }

    /// `HOLDER.ava`, an approval's file name (spec §8.1).
    public static func approvalFileName(holder: String) -> String { "\(holder)\(approvalExtension)" }

    /// `MEMBER.rREVISION.avc`, or `MEMBER.rREVISION.eINDEX.avc` for evidence: a receipt's file
    /// name (spec §11.3).
    public static func receiptFileName(member: String, revision: Int, index: Int? = nil) -> String {
        "\(member).r\(revision)" + (index.map { ".e\($0)" } ?? "") + receiptExtension
    }

    /// `HOLDER.jENTRIES.avp`, a checkpoint's file name (spec §11.4).
    public static func checkpointFileName(holder: String, entries: Int) -> String {
        "\(holder).j\(entries)\(checkpointExtension)"
    }

    // MARK: - Paths inside this round folder

    /// `ROUND/round.avr`.
    public var definition: String { path(Self.definitionFileName) }
    /// `ROUND/journal.avj`.
    public var journal: String { path(Self.journalFileName) }
    /// `ROUND/submissions`.
    public var submissions: String { path(Self.submissionsFolder) }
    /// `ROUND/superseded`.
    public var superseded: String { path(Self.supersededFolder) }
    /// `ROUND/evidence`.
    public var evidence: String { path(Self.evidenceFolder) }
    /// `ROUND/manifest.avm`.
    public var manifest: String { path(Self.manifestFileName) }
    /// `ROUND/results.avl`.
    public var results: String { path(Self.resultsFileName) }
    /// `survey.avq`.
    public var survey: String { path(Self.surveyFileName) }
    /// `ROUND/approvals`.
    public var approvals: String { path(Self.approvalsFolder) }
    /// `ROUND/release-token.avt`.
    public var token: String { path(Self.tokenFileName) }
    /// `ROUND/.avault-lock`.
    public var lock: String { path(Self.lockFileName) }
    /// `ROUND/receipts`.
    public var receipts: String { path(Self.receiptsFolder) }
    /// `ROUND/checkpoints`.
    public var checkpoints: String { path(Self.checkpointsFolder) }

    /// A path inside the round folder, from its components (`"submissions"`, `"tv-01.r1.avs"`).
    public func path(_ components: String...) -> String {
        components.reduce(directory) { FileIO.join($0, $1) }
    }
}
