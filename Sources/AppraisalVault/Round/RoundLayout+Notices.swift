extension RoundLayout {
    /// `ROUND/notices/`: one notice per unit with a key (spec §12.3).
    public static let noticesFolder = "notices"
    /// The extension of a notice file, `UNIT.avn`.
    public static let noticeExtension = ".avn"

    /// `ROUND/notices`.
    public var notices: String { path(Self.noticesFolder) }

    /// `ROUND/notices/UNIT.avn`.
    public func notice(unit: String) -> String { FileIO.join(notices, unit + Self.noticeExtension) }
}

extension RoundLayout {
    /// `ROUND/explanations/`: the units' explanations as received (spec §12.4).
    public static let explanationsFolder = "explanations"
    /// The extension of an explanation file, `UNIT.rN.avx`.
    public static let explanationExtension = ".avx"

    /// `ROUND/explanations`.
    public var explanations: String { path(Self.explanationsFolder) }

    /// `UNIT.rREVISION.avx`, an explanation's file name.
    public static func explanationFileName(unit: String, revision: Int) -> String {
        "\(unit).r\(revision)\(explanationExtension)"
    }

    /// Parses `UNIT.rN.avx`; nil for anything else (the rules of a submission's name).
    public static func parseExplanationFileName(_ name: String) -> (unit: String, revision: Int)? {
        guard name.hasSuffix(explanationExtension) else { return nil }
        let stem = String(name.utf8.dropLast(explanationExtension.utf8.count))!
        return parseSubmissionFileName(stem + submissionExtension).map { ($0.member, $0.revision) }
    }
}

extension RoundLayout {
    /// `ROUND/forwarded/`: the explanations forwarded to the members, and their evidence (spec §12.5).
    public static let forwardedFolder = "forwarded"
    /// The extension of a forwarded explanation file, `MEMBER.UNIT.rN.avf`.
    public static let forwardedExtension = ".avf"

    /// `ROUND/forwarded`.
    public var forwarded: String { path(Self.forwardedFolder) }

    /// `MEMBER.UNIT.rREVISION.avf`, a forwarded explanation's file name (`REVISION` the explanation's).
    public static func forwardedFileName(member: String, unit: String, revision: Int) -> String {
        "\(member).\(unit).r\(revision)\(forwardedExtension)"
    }

    /// `MEMBER.UNIT.rREVISION.eINDEX.ave`, the member's copy of the unit's evidence `INDEX`.
    public static func forwardedEvidenceFileName(member: String, unit: String, revision: Int, index: Int) -> String {
        "\(member)." + evidenceFileName(member: unit, revision: revision, index: index)
    }
}
