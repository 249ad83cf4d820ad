extension RoundLayout {
    /// `ROUND/second/`: the members' second-round revisions as received (spec §12.6).
    public static let secondFolder = "second"
    /// The extension of a second-round revision, `MEMBER.rN.av2`.
    public static let secondExtension = ".av2"

    /// `ROUND/second`.
    public var second: String { path(Self.secondFolder) }

    /// `MEMBER.rREVISION.av2`, a second-round revision's file name.
    public static func secondFileName(member: String, revision: Int) -> String {
        "\(member).r\(revision)\(secondExtension)"
    }

    /// Parses `MEMBER.rN.av2`; nil for anything else (the rules of a submission's name).
    public static func parseSecondFileName(_ name: String) -> (member: String, revision: Int)? {
        guard name.hasSuffix(secondExtension) else { return nil }
        let stem = String(name.utf8.dropLast(secondExtension.utf8.count))!
        return parseSubmissionFileName(stem + submissionExtension)
    }
}
