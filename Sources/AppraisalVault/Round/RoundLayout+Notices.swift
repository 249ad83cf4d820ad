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
